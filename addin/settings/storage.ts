// Per-user key/value storage: OfficeRuntime.storage in the shared runtime, else the (partitioned) localStorage.

export type KeyValueStore = {
  get(key: string): Promise<string | null>;
  set(key: string, value: string): Promise<void>;
};

function officeRuntimeStore(): KeyValueStore | null {
  const rt = (globalThis as { OfficeRuntime?: typeof OfficeRuntime }).OfficeRuntime;
  if (!rt?.storage) return null;
  return {
    get: (key) => rt.storage.getItem(key),
    set: (key, value) => rt.storage.setItem(key, value),
  };
}

function localStore(): KeyValueStore {
  const memory = new Map<string, string>();
  const ls = ((): Storage | null => {
    try {
      return typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      return null;
    }
  })();
  return {
    get: async (key) => (ls ? ls.getItem(key) : (memory.get(key) ?? null)),
    set: async (key, value) => {
      if (ls) ls.setItem(key, value);
      else memory.set(key, value);
    },
  };
}

/** OfficeRuntime.storage when it works, falling back to localStorage if it throws (e.g. outside Office). */
export function defaultStore(): KeyValueStore {
  const rt = officeRuntimeStore();
  const local = localStore();
  if (!rt) return local;
  return {
    get: async (key) => {
      try {
        return await rt.get(key);
      } catch {
        return local.get(key);
      }
    },
    set: async (key, value) => {
      try {
        await rt.set(key, value);
      } catch {
        await local.set(key, value);
      }
    },
  };
}
