// `npm run deploy [secrets=<file>]`: build dist/, write worker/wrangler.generated.jsonc (worker/wrangler.jsonc +
// deploy.local.jsonc), apply new D1 migrations, deploy, then wait until https://<domain>/v1/health answers this
// folder's version. `secrets=<file>` (the first deployment) uploads CE_API_TOKEN and CE_AUDIT_HMAC_KEY from a
// KEY=value file with the deployment (wrangler deploy --secrets-file), so no `wrangler secret put` has to come
// before a Worker exists; later deployments keep the secrets already set.
// `npm run deploy:dry-run [secrets=<file>]`: the same build and configuration, `wrangler deploy --dry-run` (no
// account, no network), no migrations and no check.
// Arguments are key=value words, which pass through npm and every shell. Exit codes: 0 deployed and confirmed (or dry
// run done); 1 a step failed (said which); 2 usage.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fromUserFolder, userFolder } from '../cli-args';
import { checkDeployed, localVersion } from './check';
import { GENERATED_CONFIG, ROOT, SettingsError, WRANGLER_ARGS, readSettings, writeGenerated } from './settings';

const WRANGLER = join(ROOT, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const VITE = join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

class StepError extends Error {}

/** What to check when a step that talks to Cloudflare fails. */
const CLOUDFLARE_HINT = `若上面提到登录或 CLOUDFLARE_API_TOKEN：先运行 npx wrangler login（在浏览器中确认授权）再重试；
若提到 More than one account：把上面列出的本单位账号 id 写进 deploy.local.jsonc，如 "accountId": "…"；
若提到数据库不存在：核对 deploy.local.jsonc 的 databaseId。`;

function step(title: string, args: string[], { env = {}, hint = '' }: { env?: NodeJS.ProcessEnv; hint?: string } = {}): void {
  console.log(`\n== ${title}`);
  const r = spawnSync(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, WRANGLER_SEND_METRICS: 'false', ...env } });
  if (r.status !== 0) throw new StepError(`“${title}”没有成功（退出码 ${r.status ?? r.signal}），部署已停止；上面是它的输出。${hint ? `\n${hint}` : ''}`);
}

/** Files under dir whose names end with .map: a production upload carries none. */
function sourceMaps(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.map'));
}

async function main(argv: readonly string[]): Promise<number> {
  const dryRun = argv.includes('--dry-run');
  const script = dryRun ? 'deploy:dry-run' : 'deploy';
  const secretsArg = argv.find((a) => a.startsWith('secrets='))?.slice('secrets='.length);
  const unknown = argv.filter((a) => a !== '--dry-run' && !a.startsWith('secrets='));
  if (unknown.length > 0 || secretsArg === '') {
    console.error(`不认识的参数：${unknown.join(' ') || 'secrets='}\n用法：npm run ${script} [secrets=密钥文件]`);
    return 2;
  }
  const secrets = secretsArg === undefined ? [] : ['--secrets-file', fromUserFolder(secretsArg, userFolder(script))];
  if (secrets.length > 0 && !existsSync(secrets[1])) {
    console.error(`找不到密钥文件：${secrets[1]}`);
    return 1;
  }
  const settings = readSettings();
  const version = localVersion();
  console.log(`部署版本 ${version} 到 https://${settings.domain}${dryRun ? '（试运行：不连接 Cloudflare，不真正部署）' : ''}`);
  for (const note of writeGenerated(settings)) console.log(`注意：${note}`);
  console.log(`已生成 ${relative(ROOT, GENERATED_CONFIG)}`);

  step('构建页面（npm run build）', [VITE, 'build', '--configLoader', 'runner', '--config', join(ROOT, 'vite.config.ts')]);
  const maps = sourceMaps(join(ROOT, 'dist'));
  if (maps.length > 0) throw new StepError(`dist/ 中有源码映射（${maps.join('、')}），不应随生产版本发布：请检查 vite.config.ts 的 build.sourcemap。`);

  if (dryRun) {
    const outdir = mkdtempSync(join(tmpdir(), 'ce-deploy-'));
    try {
      step('试部署（wrangler deploy --dry-run）', [WRANGLER, 'deploy', ...WRANGLER_ARGS, ...secrets, '--dry-run', '--outdir', outdir]);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
    console.log(`\n试运行完成：版本 ${version} 可以部署。真正部署：npm run deploy`);
    return 0;
  }
  // CI=true: no "continue?" question, whose "no" would end the step successfully and deploy code without its tables
  step('执行数据库迁移（新的才执行）', [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--remote', ...WRANGLER_ARGS], { env: { CI: 'true' }, hint: CLOUDFLARE_HINT });
  step('部署', [WRANGLER, 'deploy', ...WRANGLER_ARGS, ...secrets], { hint: CLOUDFLARE_HINT });
  console.log(`\n== 确认已上线的是 ${version}（最多等 2 分钟）`);
  const result = await checkDeployed(`https://${settings.domain}`, version, { waitMs: 120_000 });
  for (const line of result.lines) (result.ok ? console.log : console.error)(line);
  return result.ok ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    console.error(e instanceof StepError || e instanceof SettingsError ? e.message : e instanceof Error ? (e.stack ?? e.message) : String(e));
    process.exitCode = 1;
  },
);
