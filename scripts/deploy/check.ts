// `npm run deploy:check [https://ce.your-unit.cn]`: is the deployed service the version in this folder?
// Asks GET /v1/health (engineVersion) until it answers this folder's package.json version, then checks that the
// task pane is served and its source maps are not. The address defaults to https://<domain of deploy.local.jsonc>.
// Exit codes: 0 the new version answers; 1 it does not (or the service is unreachable or misconfigured); 2 usage.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, SettingsError, WRANGLER_ARGS, readSettings } from './settings';

/** This folder's version: what a deployment of it answers as engineVersion. */
export function localVersion(root = ROOT): string {
  return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
}

export type CheckResult = { ok: boolean; lines: string[] };

type Health = { engineVersion?: string; error?: { code?: string } };

async function health(origin: string): Promise<{ status: number; body: Health } | { error: string }> {
  try {
    const res = await fetch(`${origin}/v1/health`, { signal: AbortSignal.timeout(10_000), headers: { 'Cache-Control': 'no-cache' } });
    const text = await res.text();
    try {
      return { status: res.status, body: JSON.parse(text) as Health };
    } catch {
      return { status: res.status, body: {} };
    }
  } catch (e) {
    return { error: (e as Error).cause instanceof Error ? ((e as Error).cause as Error).message : (e as Error).message };
  }
}

async function status(url: string): Promise<number | string> {
  try {
    const res = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    await res.body?.cancel();
    return res.status;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Polls until `origin` answers `expected` as engineVersion or `waitMs` passes; then checks the pages. */
export async function checkDeployed(origin: string, expected: string, { waitMs = 20_000, everyMs = 3_000 } = {}): Promise<CheckResult> {
  const until = Date.now() + waitMs;
  let last: Awaited<ReturnType<typeof health>>;
  for (;;) {
    last = await health(origin);
    if ('status' in last && last.status === 200 && last.body.engineVersion === expected) break;
    if ('status' in last && last.body.error?.code === 'MISCONFIGURED') break;
    if (Date.now() + everyMs > until) break;
    await new Promise((r) => setTimeout(r, everyMs));
  }
  const tail = `npx wrangler tail ${WRANGLER_ARGS.join(' ')}`;
  if ('error' in last) return { ok: false, lines: [`${origin} 无法访问：${last.error}`, '请检查域名、网络，以及 Cloudflare 控制台中该 Worker 的自定义域。'] };
  if (last.body.error?.code === 'MISCONFIGURED') {
    return { ok: false, lines: [`${origin} 已有服务在运行，但配置有误（503 MISCONFIGURED），无法确认版本。`, `常见原因是还没有设置密钥 CE_API_TOKEN 或 CE_AUDIT_HMAC_KEY；运行 ${tail} 后再访问一次 /v1/health，日志中以 MISCONFIGURED: 开头的一行写明了原因。`] };
  }
  if (last.status !== 200 || last.body.engineVersion === undefined) {
    return { ok: false, lines: [`${origin}/v1/health 答 ${last.status}，不是本服务的回答（没有 engineVersion）：请检查域名是否指向这个 Worker。`] };
  }
  if (last.body.engineVersion !== expected) {
    return { ok: false, lines: [`${origin} 运行的是 ${last.body.engineVersion}，本文件夹的代码是 ${expected}：新版本没有生效。`, '请确认 npm run deploy 成功结束（没有报错），几分钟后再运行 npm run deploy:check。'] };
  }
  const lines = [`${origin} 运行版本 ${expected}，与本文件夹的代码一致。`];
  const pane = await status(`${origin}/taskpane.html`);
  const map = await status(`${origin}/taskpane.js.map`);
  if (pane !== 200) lines.push(`但任务窗格页面 /taskpane.html 答 ${pane}（应为 200）：部署时 dist/ 可能没有构建。`);
  if (map !== 404) lines.push(`但 /taskpane.js.map 答 ${map}（应为 404）：源码映射不应公开。`);
  return { ok: pane === 200 && map === 404, lines };
}

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length > 1 || argv[0]?.startsWith('-')) {
    console.error('用法：npm run deploy:check [https://服务地址]（默认 https://<deploy.local.jsonc 中的 domain>）');
    return 2;
  }
  let origin = argv[0]?.replace(/\/+$/, '');
  if (!origin) {
    try {
      origin = `https://${readSettings().domain}`;
    } catch (e) {
      if (!(e instanceof SettingsError)) throw e;
      console.error(e.message);
      return 1;
    }
  }
  const result = await checkDeployed(origin, localVersion());
  for (const line of result.lines) (result.ok ? console.log : console.error)(line);
  return result.ok ? 0 : 1;
}

const invoked = process.argv[1];
if (invoked && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  main(process.argv.slice(2)).then((code) => (process.exitCode = code), (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  });
}
