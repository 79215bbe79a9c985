// e2e global setup: build (vite + simulator), serve dist/ and the host page, start the real Worker (worker:dev).
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { buildForE2e } from './build';
import { freePort } from './ports';
import { serveStatic } from './static-server';
import { startWorkerOnFreePort, type WorkerProcess } from './worker-process';

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
  // the port is checked then bound: another run may take it in between, so try the next free one
  const mounts = [
    { prefix: '/e2e/', dir: buildDir },
    // the built pages under their own security headers (dist/_headers); they call Workers on other local ports
    { prefix: '/', dir: join(root, 'dist'), headers: { connectSrc: 'http://127.0.0.1:*' } },
  ];
  const tried: number[] = [];
  let server: Server | null = null;
  let webPort = 0;
  while (!server) {
    webPort = await freePort(8800, 8819, tried);
    tried.push(webPort);
    server = await serveStatic(mounts, webPort).catch((e: NodeJS.ErrnoException) => {
      if (e.code !== 'EADDRINUSE' || tried.length >= 4) throw e;
      return null;
    });
  }
  const web = server;
  const baseUrl = `http://127.0.0.1:${webPort}`;
  const token = `e2e-${randomBytes(32).toString('base64url')}`;
  let worker: WorkerProcess;
  try {
    worker = await startWorkerOnFreePort({ root, token, origin: baseUrl, stateRoot: join(root, 'test', 'artifacts') });
  } catch (e) {
    web.close();
    throw e;
  }
  project.provide('e2e', { baseUrl, workerUrl: worker.url, token, buildDir, root });
  return async () => {
    await worker.stop();
    await new Promise<void>((r) => web.close(() => r()));
  };
}
