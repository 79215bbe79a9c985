// e2e global setup: build (vite + simulator), serve dist/ and the host page, start the real Worker (worker:dev).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildForE2e } from './build';
import { freePort } from './ports';
import { serveStatic } from './static-server';
import { startWorker, type WorkerProcess } from './worker-process';

export type E2eEnv = { baseUrl: string; workerUrl: string; token: string; buildDir: string; root: string };

declare module 'vitest' {
  export interface ProvidedContext {
    e2e: E2eEnv;
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url));

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const buildDir = join(root, 'test', 'artifacts', 'e2e-build');
  await buildForE2e(root, buildDir);
  const webPort = await freePort(8800, 8819);
  const server: Server = await serveStatic(
    [
      { prefix: '/e2e/', dir: buildDir },
      { prefix: '/', dir: join(root, 'dist') },
    ],
    webPort,
  );
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const token = `e2e-${randomBytes(12).toString('hex')}`;
  const workerPort = await freePort(8787, 8799);
  let worker: WorkerProcess;
  try {
    worker = await startWorker({ root, port: workerPort, token, origin: baseUrl, stateDir: join(root, 'test', 'artifacts', `wrangler-state-${workerPort}`) });
  } catch (e) {
    server.close();
    throw e;
  }
  project.provide('e2e', { baseUrl, workerUrl: worker.url, token, buildDir, root });
  return async () => {
    await worker.stop();
    await new Promise<void>((r) => server.close(() => r()));
  };
}
