// `npm start`: the local Worker (worker:dev) and the add-in dev server together, then sideloading.
// Desktop Excel (Windows/macOS): `office-addin-debugging start manifest.xml desktop`. Elsewhere: how to sideload
// in Excel on the web. `npm stop` ends everything this started (process ids in node_modules/.cache/ce-addin/).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PID_FILE = join(root, 'node_modules', '.cache', 'ce-addin', 'dev.pids.json');
const workerPort = Number(process.env.CE_WORKER_PORT || 8787);
const devPort = Number(process.env.CE_DEV_PORT || 3000);
const certs = join(homedir(), '.office-addin-dev-certs', 'localhost.crt');
const https = existsSync(certs) && process.env.CE_DEV_HTTP !== '1';
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
  const worker = run('worker:dev', [
    join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
    join(root, 'scripts', 'worker-dev.ts'),
    '--port',
    String(workerPort),
    '--var',
    `CE_ALLOWED_ORIGINS:${devOrigin},https://localhost:${devPort},http://localhost:${devPort}`,
  ]);
  const vite = run('dev-server', [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), '--config', join(root, 'vite.config.ts')], {
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
  if (!https) console.log('[start] No office-addin-dev-certs certificate: serving http. Run `npx office-addin-dev-certs install` once for https (Excel needs https).');

  if (process.platform === 'win32' || process.platform === 'darwin') {
    const debug = run('office-addin-debugging', [
      join(root, 'node_modules', 'office-addin-debugging', 'cli.js'),
      'start',
      join(root, 'manifest.xml'),
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
  2. Choose ${join(root, 'manifest.xml')} and upload. The group 继续教育学时 appears on the Home tab.
  3. In the task pane, 设置: Worker 地址 http://127.0.0.1:${workerPort}, 访问令牌 ce-local-dev-token.
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
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
