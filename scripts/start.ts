// `npm start`: the local Worker (worker:dev) and the add-in dev server together, then sideloading.
// Desktop Excel (Windows/macOS): `office-addin-debugging start <dev manifest> desktop`. Elsewhere: how to sideload
// in Excel on the web. The dev manifest is manifest.xml on https://localhost:CE_DEV_PORT (default 3000); without an
// office-addin-dev-certs certificate the dev server would be http, which no manifest may point at: it refuses to
// start and says how to get one. `npm stop` or Ctrl+C ends everything this started (process ids in
// node_modules/.cache/ce-addin/, removed on exit).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devManifest } from './manifest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PID_FILE = join(root, 'node_modules', '.cache', 'ce-addin', 'dev.pids.json');
const DEV_MANIFEST = join(root, 'node_modules', '.cache', 'ce-addin', 'manifest.dev.xml');
const workerPort = Number(process.env.CE_WORKER_PORT || 8787);
const devPort = Number(process.env.CE_DEV_PORT || 3000);
// the same test vite.config.ts makes before serving https: a certificate and its key
const certDir = join(homedir(), '.office-addin-dev-certs');
const https = existsSync(join(certDir, 'localhost.crt')) && existsSync(join(certDir, 'localhost.key')) && process.env.CE_DEV_HTTP !== '1';
const devOrigin = `${https ? 'https' : 'http'}://localhost:${devPort}`;

function run(name: string, args: string[], env: NodeJS.ProcessEnv = {}): ChildProcess {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, detached: process.platform !== 'win32' });
  child.on('exit', (code, signal) => console.log(`[start] ${name} exited (${signal ?? code})`));
  return child;
}

/** True once something accepts TCP connections on the port (works for https with a self-signed certificate too). */
async function waitForPort(port: number, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, 'localhost', () => {
        socket.end();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return true;
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function waitFor(url: string, timeoutMs: number): Promise<boolean> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const res = await fetch(url);
      if (res.status < 500) return true;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function main(): Promise<void> {
  if (!https) {
    console.error(`[start] 缺少本机 https 证书：Excel 只从 https 加载加载项，清单指向 https://localhost:${devPort}。
[start] No office-addin-dev-certs certificate, so the dev server would serve http while the manifest says https.
[start] Fix (once):  npx office-addin-dev-certs install
[start] (CE_DEV_HTTP=1 is only for the browser test harness; Excel cannot load the add-in over http.)`);
    process.exitCode = 1;
    return;
  }
  mkdirSync(dirname(DEV_MANIFEST), { recursive: true });
  writeFileSync(DEV_MANIFEST, devManifest(devOrigin), 'utf8');
  const worker = run('worker:dev', [
    join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(root, 'scripts', 'worker-dev.ts'),
    '--port',
    String(workerPort),
    '--var',
    `CE_ALLOWED_ORIGINS:${devOrigin},https://localhost:${devPort},http://localhost:${devPort}`,
  ]);
  const vite = run('dev-server', [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--configLoader', 'runner', '--config', join(root, 'vite.config.ts')], {
    CE_DEV_PORT: String(devPort),
    CE_WORKER_URL: process.env.CE_WORKER_URL || `http://127.0.0.1:${workerPort}`,
  });
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, JSON.stringify({ worker: worker.pid, devServer: vite.pid }));

  const [workerUp, devUp] = await Promise.all([
    waitFor(`http://127.0.0.1:${workerPort}/v1/health`, 90_000),
    waitForPort(devPort, 60_000),
  ]);
  console.log(`\n[start] Worker ${workerUp ? 'running' : 'NOT answering'} on http://127.0.0.1:${workerPort} (dev token: ce-local-dev-token)`);
  console.log(`[start] Task pane ${devUp ? 'served' : 'NOT answering'} at ${devOrigin}/taskpane.html`);
  console.log(`[start] Manifest for this dev server: ${DEV_MANIFEST}`);

  if (process.platform === 'win32' || process.platform === 'darwin') {
    const debug = run('office-addin-debugging', [
      join(root, 'node_modules', 'office-addin-debugging', 'cli.js'),
      'start',
      DEV_MANIFEST,
      'desktop',
      '--app',
      'excel',
      '--no-debug',
      '--no-live-reload',
      '--dev-server-port',
      String(devPort),
    ]);
    debug.on('exit', () => console.log('[start] Excel sideloaded. `npm stop` ends the servers and unregisters the add-in.'));
  } else {
    console.log(`
[start] No desktop Excel on this platform. To use the add-in in Excel on the web:
  1. Open a workbook at https://www.office.com (Excel), then 开始 › 加载项 › 更多加载项 › 我的加载项 › 上传我的加载项
     (Home › Add-ins › More add-ins › My add-ins › Upload my add-in).
  2. Choose ${DEV_MANIFEST} and upload. The group 继续教育学时 appears on the Home tab.
  3. In the task pane, 设置: 计算服务地址 http://127.0.0.1:${workerPort}, 访问令牌 ce-local-dev-token.
  Excel on the web needs the task pane on https://localhost:${devPort} with a trusted certificate.
Press Ctrl+C or run \`npm stop\` to end the Worker and the dev server.`);
  }
  const stop = (): void => {
    for (const c of [worker, vite]) {
      if (c.pid && c.exitCode === null) {
        try {
          process.kill(process.platform === 'win32' ? c.pid : -c.pid, 'SIGTERM');
        } catch {
          // already gone
        }
      }
    }
    rmSync(PID_FILE, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
