// Free ports inside the ranges reserved for the add-in's tests (add-in 8800-8819, Worker 8787-8799).
import { createServer } from 'node:net';

export function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = createServer();
    s.once('error', () => resolve(false));
    s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

export async function freePort(from: number, to: number, exclude: readonly number[] = []): Promise<number> {
  for (let p = from; p <= to; p++) if (!exclude.includes(p) && (await isFree(p))) return p;
  throw new Error(`no free port in ${from}-${to}`);
}
