// Starts the real Worker with `npm run worker:dev` (wrangler dev, local D1) and stops it by its process group.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type WorkerProcess = { url: string; port: number; child: ChildProcess; stop: () => Promise<void>; log: () => string };

export async function startWorker(opts: { root: string; port: number; token: string; origin: string; stateDir: string }): Promise<WorkerProcess> {
  mkdirSync(opts.stateDir, { recursive: true });
  const child = spawn(
    process.execPath,
    [
      join(opts.root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(opts.root, 'scripts', 'worker-dev.ts'),
      '--port',
      String(opts.port),
      '--persist-to',
      opts.stateDir,
      '--var',
      `CE_API_TOKEN:e2e:${opts.token}`,
      '--var',
      `CE_ALLOWED_ORIGINS:${opts.origin}`,
      '--log-level',
      'warn',
    ],
    { cwd: opts.root, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) {
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`worker:dev exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.ok) return { url, port: opts.port, child, stop, log: () => log };
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`worker:dev did not answer on ${url} within 120 s:\n${log}`);
}
