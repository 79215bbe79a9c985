// `npm run deploy:init [domain=ce.your-unit.cn] [database=<D1 id>] [admin=it] [name=<worker name>] [account=<account id>]
//                      [from=<old wrangler.jsonc>]`
// Creates deploy.local.jsonc (git-ignored): the unit's deployment settings, kept out of tracked files so that
// `git pull` always applies. Values come from the key=value arguments (they pass through npm and every shell as
// they are), from an old-style deployment's edited copy of worker/wrangler.jsonc (`from=`), or, in a terminal, from
// questions. Rate-limit namespace ids are chosen at random (they must be unique within the Cloudflare account).
// An existing deploy.local.jsonc is never overwritten: it is checked and worker/wrangler.generated.jsonc is
// written from it. Exit codes: 0 done; 1 the settings have problems (listed); 2 usage.
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { fromUserFolder, userFolder } from '../cli-args';
import { parseJsonc } from './jsonc';
import {
  GENERATED_CONFIG, ROOT, SETTINGS_FILE, SettingsError, checkSettings, readSettings, readTracked, settingsFromWrangler,
  settingsText, writeGenerated, type DeploySettings, type WranglerConfig,
} from './settings';

const USAGE = `用法：npm run deploy:init [domain=域名] [database=D1数据库id] [admin=管理员标签] [name=Worker名称] [account=账号id]
                           [from=旧的wrangler.jsonc]
  不带参数时在终端中逐项询问。已有 deploy.local.jsonc 时不覆盖，只检查它并重新生成 worker/wrangler.generated.jsonc。`;
const ARGS = { domain: 'domain', database: 'databaseId', admin: 'adminLabels', name: 'workerName', account: 'accountId', from: 'from' } as const;
type ArgKey = (typeof ARGS)[keyof typeof ARGS];

function parseArgs(argv: readonly string[]): Partial<Record<ArgKey, string>> {
  const out: Partial<Record<ArgKey, string>> = {};
  for (const a of argv) {
    const eq = a.indexOf('=');
    const key = eq > 0 ? (ARGS as Record<string, ArgKey>)[a.slice(0, eq)] : undefined;
    if (!key) throw new Error(`不认识的参数：${a}`);
    out[key] = a.slice(eq + 1);
  }
  return out;
}

/** Random namespace ids for the tracked production rate limits, distinct from each other. */
function randomNamespaces(tracked: WranglerConfig): Record<string, string> {
  const ids = new Set<string>();
  const out: Record<string, string> = {};
  for (const r of tracked.env?.production?.ratelimits ?? []) {
    let id = '';
    do id = String(randomInt(100_000, 1_000_000_000)); while (ids.has(id));
    ids.add(id);
    out[r.name] = id;
  }
  return out;
}

async function ask(values: Partial<DeploySettings>): Promise<void> {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    if (!values.domain) values.domain = (await rl.question('提供服务的域名（如 ce.your-unit.cn，其区域须在您的 Cloudflare 账号下）：')).trim();
    if (!values.databaseId) values.databaseId = (await rl.question('审计数据库 id（npx wrangler d1 create ce-audit 打印的 database_id）：')).trim();
    if (values.adminLabels === undefined) values.adminLabels = (await rl.question('可查看所有审计记录的令牌标签（如 it；没有就直接回车）：')).trim();
  } finally {
    rl.close();
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const here = userFolder('deploy:init');
  const shown = (p: string): string => relative(ROOT, p) || p;
  if (existsSync(SETTINGS_FILE)) {
    if (argv.length > 0) console.log(`deploy.local.jsonc 已存在，参数未使用（不会覆盖已有设置；要重新开始请先删除该文件，或直接编辑它）。`);
    const settings = readSettings();
    for (const note of writeGenerated(settings)) console.log(`注意：${note}`);
    console.log(`部署设置 ${shown(SETTINGS_FILE)} 无误：域名 ${settings.domain}，数据库 ${settings.databaseId}；已生成 ${shown(GENERATED_CONFIG)}。`);
    return 0;
  }
  let args: Partial<Record<ArgKey, string>>;
  try {
    args = parseArgs(argv);
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    return 2;
  }
  const tracked = readTracked();
  const values: Partial<DeploySettings> = {};
  if (args.from) {
    const from = fromUserFolder(args.from, here);
    if (!existsSync(from)) {
      console.error(`找不到文件：${args.from}（在文件夹 ${here} 中查找）`);
      return 1;
    }
    const old = settingsFromWrangler(parseJsonc(readFileSync(from, 'utf8'), args.from) as WranglerConfig, tracked);
    Object.assign(values, old.values);
    console.log(`从 ${from} 读出：${Object.keys(old.values).join('、') || '（没有本单位的值）'}`);
    for (const note of old.notes) console.log(`注意：${note}`);
  }
  if (args.domain !== undefined) values.domain = args.domain;
  if (args.databaseId !== undefined) values.databaseId = args.databaseId;
  if (args.adminLabels !== undefined) values.adminLabels = args.adminLabels;
  if (args.workerName !== undefined) values.workerName = args.workerName;
  if (args.accountId !== undefined) values.accountId = args.accountId;
  if ((!values.domain || !values.databaseId) && process.stdin.isTTY) await ask(values);
  const candidate = {
    domain: values.domain ?? '',
    databaseId: values.databaseId ?? '',
    adminLabels: values.adminLabels ?? '',
    rateLimitNamespaces: { ...randomNamespaces(tracked), ...values.rateLimitNamespaces },
    vars: values.vars ?? {},
    ...(values.workerName ? { workerName: values.workerName } : {}),
    ...(values.accountId ? { accountId: values.accountId } : {}),
  };
  const { settings, problems } = checkSettings(candidate);
  if (!settings) {
    console.error(`没有创建 deploy.local.jsonc：\n  - ${problems.join('\n  - ')}\n\n${USAGE}`);
    return 1;
  }
  writeFileSync(SETTINGS_FILE, settingsText(settings), 'utf8');
  for (const note of writeGenerated(settings)) console.log(`注意：${note}`);
  console.log(`已创建 ${shown(SETTINGS_FILE)}（本单位的部署设置，不纳入 git；请另存一份副本）和 ${shown(GENERATED_CONFIG)}。
下一步：第一次部署带上密钥文件（访问令牌和审计密钥）：npm run deploy secrets=密钥文件（见 docs/it-runbook.md）。`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof SettingsError || e instanceof Error ? e.message : String(e));
    process.exitCode = 1;
  },
);
