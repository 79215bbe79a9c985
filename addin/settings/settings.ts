// The user's settings: 计算服务 URL, access token, an optional 核对日期 (asOf; blank = today) and whether names and
// ID numbers may be sent to the service (default: no, see compute/minimise.ts).
import { isIsoDate } from '../../shared/index';
import { defaultStore, type KeyValueStore } from './storage';

export type Settings = { workerUrl: string; token: string; asOf: string; sendPersonalData: boolean };

const KEYS = { workerUrl: 'ce.workerUrl', token: 'ce.token', asOf: 'ce.asOf', sendPersonalData: 'ce.sendPersonalData' } as const;

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The 计算服务 address when none is saved: the pane's own origin when it is served over https from a real host
 * (the Worker serves dist/ and the API from one origin), else the build's CE_WORKER_URL (development).
 */
export function defaultWorkerUrl(here: { protocol: string; hostname: string; origin: string } | undefined = globalThis.location): string {
  if (here && here.protocol === 'https:' && !LOCAL_HOSTS.has(here.hostname)) return here.origin;
  return typeof __CE_WORKER_URL__ === 'string' && __CE_WORKER_URL__ ? __CE_WORKER_URL__ : 'http://127.0.0.1:8787';
}

export async function loadSettings(store: KeyValueStore = defaultStore()): Promise<Settings> {
  const [workerUrl, token, asOf, personal] = await Promise.all([
    store.get(KEYS.workerUrl),
    store.get(KEYS.token),
    store.get(KEYS.asOf),
    store.get(KEYS.sendPersonalData),
  ]);
  return { workerUrl: workerUrl || defaultWorkerUrl(), token: token ?? '', asOf: asOf ?? '', sendPersonalData: personal === '1' };
}

/** Returns the Chinese problems with the settings; empty when they can be saved. */
export function validateSettings(s: Settings): string[] {
  const problems: string[] = [];
  if (!/^https?:\/\/[^/\s]+/i.test(s.workerUrl.trim())) problems.push('计算服务地址应以 http:// 或 https:// 开头。');
  if (s.asOf.trim() !== '' && !isIsoDate(s.asOf.trim())) problems.push('核对日期应为 YYYY-MM-DD 格式的有效日期，或留空表示今天。');
  return problems;
}

export async function saveSettings(s: Settings, store: KeyValueStore = defaultStore()): Promise<void> {
  await store.set(KEYS.workerUrl, s.workerUrl.trim());
  await store.set(KEYS.token, s.token.trim());
  await store.set(KEYS.asOf, s.asOf.trim());
  await store.set(KEYS.sendPersonalData, s.sendPersonalData ? '1' : '0');
}
