// Settings: defaults, validation, and OfficeRuntime.storage with a fallback when it fails.
import { afterEach, describe, expect, it } from 'vitest';
import { defaultWorkerUrl, loadSettings, saveSettings, validateSettings } from '../../addin/settings/settings';
import { localIsoDate } from '../../shared/local-time';
import { defaultStore, type KeyValueStore } from '../../addin/settings/storage';

const memory = (): KeyValueStore & { data: Map<string, string> } => {
  const data = new Map<string, string>();
  return { data, get: async (k) => data.get(k) ?? null, set: async (k, v) => void data.set(k, v) };
};

describe('settings', () => {
  afterEach(() => {
    delete (globalThis as { OfficeRuntime?: unknown }).OfficeRuntime;
  });

  it('defaults the Worker URL and round-trips trimmed values', async () => {
    const store = memory();
    expect(await loadSettings(store)).toEqual({ workerUrl: 'http://127.0.0.1:8787', token: '', asOf: '', sendPersonalData: false });
    await saveSettings({ workerUrl: ' https://ce.example.org ', token: ' t ', asOf: '2023-11-01', sendPersonalData: true }, store);
    expect(await loadSettings(store)).toEqual({ workerUrl: 'https://ce.example.org', token: 't', asOf: '2023-11-01', sendPersonalData: true });
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

  it('formats today in local time', () => {
    expect(localIsoDate(new Date(2023, 0, 5, 23, 59))).toBe('2023-01-05');
  });
});
