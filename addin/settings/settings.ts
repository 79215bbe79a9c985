// The user's settings: 计算服务 URL, access token, an optional 核对日期 (asOf; blank = today) and whether names and
// ID numbers may be sent to the service (default: no, see compute/minimise.ts). The token has a store of its own
// (storage.ts: Office's storage for the add-in, else memory; never localStorage).
import { isIsoDate } from '../../shared/index';
import { defaultStore, secretStore, takeFromLocalStorage, type KeyValueStore, type SecretPlace, type SecretStore } from './storage';

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

/** Where settings are kept: `plain` for the address, date and choice; `secret` for the access token. */
export type SettingsStores = { plain: KeyValueStore; secret: SecretStore };

export function defaultStores(): SettingsStores {
  return { plain: defaultStore(), secret: secretStore() };
}

/** The token as saved; one an earlier version left in localStorage moves to the token's own store (and is removed). */
async function loadToken(secret: SecretStore): Promise<string> {
  const saved = await secret.get(KEYS.token);
  const old = takeFromLocalStorage(KEYS.token);
  if (saved) return saved;
  if (old) await secret.set(KEYS.token, old);
  return old ?? '';
}

export async function loadSettings(stores: SettingsStores = defaultStores()): Promise<Settings> {
  const { plain } = stores;
  const [workerUrl, token, asOf, personal] = await Promise.all([
    plain.get(KEYS.workerUrl),
    loadToken(stores.secret),
    plain.get(KEYS.asOf),
    plain.get(KEYS.sendPersonalData),
  ]);
  return { workerUrl: workerUrl || defaultWorkerUrl(), token, asOf: asOf ?? '', sendPersonalData: personal === '1' };
}

/** What the pane says about where the token is kept, after saving. */
export function tokenPlaceMessage(place: SecretPlace): string {
  return place === 'office'
    ? '设置已保存：访问令牌保存在 Office 为本加载项提供的存储中（仅本机当前用户）。'
    : '设置已保存：此处无法使用 Office 的加载项存储，访问令牌只保存在本次打开的窗格中，关闭后需重新填写（不会写入浏览器存储或工作簿）。';
}

/** Returns the Chinese problems with the settings; empty when they can be saved. */
export function validateSettings(s: Settings): string[] {
  const problems: string[] = [];
  if (!/^https?:\/\/[^/\s]+/i.test(s.workerUrl.trim())) problems.push('计算服务地址应以 http:// 或 https:// 开头。');
  if (s.asOf.trim() !== '' && !isIsoDate(s.asOf.trim())) problems.push('核对日期应为 YYYY-MM-DD 格式的有效日期，或留空表示今天。');
  return problems;
}

/** Saves the settings; returns where the token went. */
export async function saveSettings(s: Settings, stores: SettingsStores = defaultStores()): Promise<SecretPlace> {
  const { plain, secret } = stores;
  await plain.set(KEYS.workerUrl, s.workerUrl.trim());
  await secret.set(KEYS.token, s.token.trim());
  await plain.set(KEYS.asOf, s.asOf.trim());
  await plain.set(KEYS.sendPersonalData, s.sendPersonalData ? '1' : '0');
  return secret.place();
}
