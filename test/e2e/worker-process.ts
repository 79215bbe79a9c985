// Starts the real Worker with `npm run worker:dev` (wrangler dev, local D1) and stops it with everything it started
// (wrangler, workerd): its process group, or taskkill /T on Windows (scripts/process-tree.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { killTree, treeSpawnOptions } from '../../scripts/process-tree';
import { freePort } from './ports';

export type WorkerProcess = { url: string; port: number; child: ChildProcess; stop: () => Promise<void>; log: () => string };

/** Another process (e.g. a concurrent test run) answered on the port this Worker was meant to use. */
export class PortTakenError extends Error {
  constructor(readonly port: number) {
    super(`port ${port} is answered by another Worker`);
  }
}

/**
 * A Worker on a free port of 8787-8799 (not in `exclude`), trying the next free port when another run takes the one
 * chosen between the check and the bind.
 */
export async function startWorkerOnFreePort(opts: { root: string; token: string; origin: string; stateRoot: string; exclude?: number[]; env?: Record<string, string> }): Promise<WorkerProcess> {
  const tried = [...(opts.exclude ?? [])];
  let last: unknown;
  for (let attempt = 0; attempt < 4; attempt++) {
    const port = await freePort(8787, 8799, tried);
    tried.push(port);
    try {
      return await startWorker({ root: opts.root, port, token: opts.token, origin: opts.origin, stateDir: join(opts.stateRoot, `wrangler-state-${port}`), env: opts.env });
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

/** `env`: extra environment of worker:dev (e.g. CE_RULE_SETS, the extra rule sets it includes). */
export async function startWorker(opts: { root: string; port: number; token: string; origin: string; stateDir: string; env?: Record<string, string> }): Promise<WorkerProcess> {
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
    { cwd: opts.root, ...treeSpawnOptions(), stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' } },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${opts.port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.pid === undefined) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    if (!killTree(child.pid, 'SIGTERM')) return;
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) killTree(child.pid, 'SIGKILL');
  };
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`worker:dev exited with ${child.exitCode}:\n${log}`);
    try {
      const res = await fetch(`${url}/v1/health`);
      if (res.ok) {
        // on a shared machine another run's Worker may hold the port: ours is the one that knows our token
        const mine = await fetch(`${url}/v1/rules`, { headers: { Authorization: `Bearer ${opts.token}` } });
        await mine.body?.cancel();
        if (mine.ok) return { url, port: opts.port, child, stop, log: () => log };
        await stop();
        throw new PortTakenError(opts.port);
      }
    } catch (e) {
      if (e instanceof PortTakenError) throw e;
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`worker:dev did not answer on ${url} within 120 s:\n${log}`);
}
