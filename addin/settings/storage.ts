// Per-user key/value storage. Settings that are not secret: OfficeRuntime.storage in the shared runtime, else the
// (partitioned) localStorage. The access token: only OfficeRuntime.storage (Office's storage for this add-in, per
// user, on this computer), else this runtime's memory for the session — never localStorage, where it would sit in
// clear for any script of the page's origin, and never the document's settings, which travel with the workbook.

export type KeyValueStore = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
};

/** Where the access token is kept: Office's storage for the add-in, or only this runtime's memory (until it closes). */
export type SecretPlace = 'office' | 'memory';
export type SecretStore = KeyValueStore & { place(): SecretPlace };

function officeRuntimeStore(): KeyValueStore | null {
  const rt = (globalThis as { OfficeRuntime?: typeof OfficeRuntime }).OfficeRuntime;
  if (!rt?.storage) return null;
  return {
    get: (key) => rt.storage.getItem(key),
    set: (key, value) => rt.storage.setItem(key, value),
  };
}

function browserStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function localStore(): KeyValueStore {
  const memory = new Map<string, string>();
  const ls = browserStorage();
  return {
    get: async (key) => (ls ? ls.getItem(key) : (memory.get(key) ?? null)),
    set: async (key, value) => {
      if (ls) ls.setItem(key, value);
      else memory.set(key, value);
    },
  };
}

/** A store that uses `primary` and falls back to `fallback` for good once `primary` throws. */
function withFallback(primary: KeyValueStore | null, fallback: KeyValueStore): KeyValueStore & { failed(): boolean } {
  let failed = primary === null;
  const attempt = async <T>(op: (s: KeyValueStore) => Promise<T>): Promise<T> => {
    if (!failed && primary) {
      try {
        return await op(primary);
      } catch {
        failed = true;
      }
    }
    return op(fallback);
  };
  return { get: (key) => attempt((s) => s.get(key)), set: (key, value) => attempt((s) => s.set(key, value)), failed: () => failed };
}

/** OfficeRuntime.storage when it works, falling back to localStorage if it throws (e.g. outside Office). Not for the token. */
export function defaultStore(): KeyValueStore {
  return withFallback(officeRuntimeStore(), localStore());
}

/** The session's secrets where Office's storage cannot be used: shared by the pane and the ribbon of one runtime. */
const sessionSecrets = new Map<string, string>();
const memoryStore: KeyValueStore = {
  get: async (key) => sessionSecrets.get(key) ?? null,
  set: async (key, value) => void sessionSecrets.set(key, value),
};

/** The access token's store: OfficeRuntime.storage, else memory (see the top of this file). */
export function secretStore(): SecretStore {
  const store = withFallback(officeRuntimeStore(), memoryStore);
  return { get: store.get, set: store.set, place: () => (store.failed() ? 'memory' : 'office') };
}

/** Takes `key` out of localStorage (where an earlier version may have kept it in clear); its value, or null. */
export function takeFromLocalStorage(key: string): string | null {
  const ls = browserStorage();
  const value = ls?.getItem(key) ?? null;
  if (value !== null) ls?.removeItem(key);
  return value;
}
