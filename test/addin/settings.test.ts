// Settings: defaults, validation, OfficeRuntime.storage with a fallback when it fails, and the access token kept out
// of localStorage (issue 22): Office's storage for the add-in, else memory for the session only.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultStores, defaultWorkerUrl, loadSettings, saveSettings, tokenPlaceMessage, validateSettings } from '../../addin/settings/settings';
import { localIsoDate } from '../../shared/local-time';
import { defaultStore, secretStore, type KeyValueStore } from '../../addin/settings/storage';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, get: async (k) => data.get(k) ?? null, set: async (k, v) => void data.set(k, v) };
};

/** A browser's localStorage, as a page outside Office (or Office without OfficeRuntime.storage) has it. */
function fakeLocalStorage(): Map<string, string> {
  const data = new Map<string, string>();
  const storage = {
    getItem: (k: string) => data.get(k) ?? null,
    setItem: (k: string, v: string) => void data.set(k, String(v)),
    removeItem: (k: string) => void data.delete(k),
  };
  (globalThis as { localStorage?: unknown }).localStorage = storage;
  return data;
}

function officeRuntime(saved: Map<string, string> | 'throws'): void {
  const fail = async (): Promise<never> => {
    throw new Error('storage unavailable');
  };
  (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = {
    storage: saved === 'throws'
      ? { getItem: fail, setItem: fail }
      : { getItem: async (k: string) => saved.get(k) ?? null, setItem: async (k: string, v: string) => void saved.set(k, v) },
  };
}

const SETTINGS = { workerUrl: 'https://ce.example.org', token: 'Zr7Qk1vXoP3m_Tq8LwN2cH5yBf0dJs9aEu4iGx6KtRl', asOf: '', sendPersonalData: false };

describe('settings', () => {
  afterEach(() => {
    delete (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime;
    delete (globalThis as { localStorage?: unknown }).localStorage;
  });

  it('defaults the Worker URL and round-trips trimmed values', async () => {
    const stores = { plain: memory(), secret: { ...memory(), place: () => 'office' as const } };
    expect(await loadSettings(stores)).toEqual({ workerUrl: 'http://127.0.0.1:8787', token: '', asOf: '', sendPersonalData: false });
    await saveSettings({ workerUrl: ' https://ce.example.org ', token: ' t ', asOf: '2023-11-01', sendPersonalData: true }, stores);
    expect(await loadSettings(stores)).toEqual({ workerUrl: 'https://ce.example.org', token: 't', asOf: '2023-11-01', sendPersonalData: true });
    expect(stores.plain.data.has('ce.token')).toBe(false);
  });

  it('defaults the 计算服务 to the pane’s own origin when served over https from a real host', () => {
    const at = (url: string) => {
      const u = new URL(url);
      return defaultWorkerUrl({ protocol: u.protocol, hostname: u.hostname, origin: u.origin });
    };
    expect(at('https://ce.example.org/taskpane.html')).toBe('https://ce.example.org');
    expect(at('https://ce.example.org:8443/taskpane.html')).toBe('https://ce.example.org:8443');
    expect(at('https://localhost:3000/taskpane.html')).toBe('http://127.0.0.1:8787');
    expect(at('http://ce.example.org/taskpane.html')).toBe('http://127.0.0.1:8787');
    expect(defaultWorkerUrl(undefined)).toBe('http://127.0.0.1:8787');
  });

  it('validates the URL and the 核对日期', () => {
    expect(validateSettings({ workerUrl: 'https://x', token: '', asOf: '', sendPersonalData: false })).toEqual([]);
    expect(validateSettings({ workerUrl: 'x.org', token: '', asOf: '', sendPersonalData: false })[0]).toContain('http');
    expect(validateSettings({ workerUrl: 'https://x', token: '', asOf: '2023-02-30', sendPersonalData: false })[0]).toContain('YYYY-MM-DD');
  });

  it('uses OfficeRuntime.storage and falls back when it throws', async () => {
    const saved = new Map<string, string>();
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = {
      storage: { getItem: async (k: string) => saved.get(k) ?? null, setItem: async (k: string, v: string) => void saved.set(k, v) },
    };
    await defaultStore().set('ce.token', 'abc');
    expect(saved.get('ce.token')).toBe('abc');
    (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime = {
      storage: {
        getItem: async () => {
          throw new Error('storage unavailable');
        },
        setItem: async () => {
          throw new Error('storage unavailable');
        },
      },
    };
    const store = defaultStore();
    await store.set('ce.token', 'xyz');
    expect(await store.get('ce.token')).toBe('xyz');
  });

  it('inside Office the token goes to OfficeRuntime.storage, never to localStorage', async () => {
    const ls = fakeLocalStorage();
    const office = new Map<string, string>();
    officeRuntime(office);
    expect(await saveSettings(SETTINGS)).toBe('office');
    expect(office.get('ce.token')).toBe(SETTINGS.token);
    expect([...ls.values()]).not.toContain(SETTINGS.token);
    expect(await loadSettings()).toEqual(SETTINGS);
  });

  it.each([
    ['without OfficeRuntime (outside Office)', null],
    ['with OfficeRuntime.storage failing', 'throws' as const],
  ])('%s the token stays in memory for the session, never in localStorage, and the pane says so', async (_what, rt) => {
    const ls = fakeLocalStorage();
    if (rt) officeRuntime(rt);
    expect(await saveSettings(SETTINGS)).toBe('memory');
    expect([...ls.values()]).not.toContain(SETTINGS.token);
    expect(ls.get('ce.workerUrl')).toBe(SETTINGS.workerUrl);
    // the ribbon's 年度汇总 in the same runtime reads it from there
    expect(await loadSettings()).toEqual(SETTINGS);
    expect(tokenPlaceMessage('memory')).toMatch(/只保存在本次打开的窗格中.*关闭后需重新填写/);
    expect(tokenPlaceMessage('office')).toMatch(/Office 为本加载项提供的存储/);
  });

  it('a token an earlier version left in localStorage moves to Office’s storage and leaves localStorage', async () => {
    const ls = fakeLocalStorage();
    ls.set('ce.token', SETTINGS.token);
    const office = new Map<string, string>();
    officeRuntime(office);
    expect((await loadSettings()).token).toBe(SETTINGS.token);
    expect(ls.has('ce.token')).toBe(false);
    expect(office.get('ce.token')).toBe(SETTINGS.token);
    expect((await loadSettings(defaultStores())).token).toBe(SETTINGS.token);
    expect(await secretStore().get('ce.token')).toBe(SETTINGS.token);
  });

  it('formats today in local time', () => {
    expect(localIsoDate(new Date(2023, 0, 5, 23, 59))).toBe('2023-01-05');
  });
});
