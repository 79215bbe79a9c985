// `npm start`: the local Worker (worker:dev) and the add-in dev server together, then sideloading.
// Desktop Excel (Windows/macOS): `office-addin-debugging start <dev manifest> desktop`. Elsewhere: how to sideload
// in Excel on the web. The dev manifest is manifest.xml on https://localhost:CE_DEV_PORT (default 3000). Without an
// office-addin-dev-certs certificate the dev server would be http, which no manifest may point at: then it starts no
// dev server and sideloads nothing, but builds dist/ and starts the Worker, which serves the .xlsx web page on its
// own origin (http://127.0.0.1:CE_WORKER_PORT/), and says how to get the certificate for the add-in.
// `npm stop` or Ctrl+C ends everything this started (process ids in node_modules/.cache/ce-addin/, removed on exit).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { devManifest } from './manifest';
import { killTree, treeSpawnOptions } from './process-tree';

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
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env }, ...treeSpawnOptions() });
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

/** Ends the given children (their process trees) and removes the pid file. */
function stopOnSignal(children: ChildProcess[]): void {
  const stop = (): void => {
    for (const c of children) {
      if (c.pid && c.exitCode === null) killTree(c.pid);
    }
    rmSync(PID_FILE, { force: true });
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function startWorker(allowedOrigins: string): ChildProcess {
  return run('worker:dev', [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'worker-dev.ts'), '--port', String(workerPort), '--var', `CE_ALLOWED_ORIGINS:${allowedOrigins}`]);
}

/** No certificate: the .xlsx web page from the Worker's own origin, and how to get the add-in going. */
async function pageOnly(): Promise<void> {
  console.log(`[start] 没有本机 https 证书：先启动网页版（.xlsx 花名册核对）和本机计算服务；Excel 加载项需要 https。
[start] No office-addin-dev-certs certificate: starting the web page and the local Worker only (Excel loads add-ins over https only).`);
  const built = await new Promise<number | null>((resolve) =>
    run('build', [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--configLoader', 'runner', '--config', join(root, 'vite.config.ts')], {
      CE_WORKER_URL: process.env.CE_WORKER_URL || `http://127.0.0.1:${workerPort}`,
    }).on('exit', resolve),
  );
  if (built !== 0) {
    process.exitCode = 1;
    return;
  }
  const worker = startWorker(`http://127.0.0.1:${workerPort}`);
  mkdirSync(dirname(PID_FILE), { recursive: true });
  writeFileSync(PID_FILE, JSON.stringify({ worker: worker.pid }));
  const up = await waitFor(`http://127.0.0.1:${workerPort}/v1/health`, 90_000);
  console.log(`
[start] 网页版${up ? '' : '（未能启动，见上方日志）'}：http://127.0.0.1:${workerPort}/  （用浏览器打开，选择 .xlsx 花名册；默认在本机计算）
[start] 计算服务：http://127.0.0.1:${workerPort}（访问令牌 ce-local-dev-token）
[start] 要在 Excel 中使用加载项：先运行一次  npx office-addin-dev-certs install  ，再 npm start。
[start] Web page: http://127.0.0.1:${workerPort}/  ·  For the add-in: npx office-addin-dev-certs install, then npm start again.
Press Ctrl+C or run \`npm stop\` to end the Worker.`);
  stopOnSignal([worker]);
}

async function main(): Promise<void> {
  if (!https) {
    await pageOnly();
    return;
  }
  mkdirSync(dirname(DEV_MANIFEST), { recursive: true });
  writeFileSync(DEV_MANIFEST, devManifest(devOrigin), 'utf8');
  const worker = startWorker(`${devOrigin},https://localhost:${devPort},http://localhost:${devPort}`);
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
  stopOnSignal([worker, vite]);
}

void main();
