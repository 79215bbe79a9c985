// The Worker as `wrangler dev` serves it, for `npm run bench:request`: a local D1 of its own with the migrations
// applied, `wrangler dev --env production` on a free port, and the id of the workerd process wrangler started for the
// Worker (its main thread runs the Worker, and with it wrangler's own routing and asset Workers and the local D1).
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { killTree, treeSpawnOptions } from './process-tree';
import { otherThreadCpuMs } from './thread-cpu';
import { StepFailed, freePort, root, runStep } from './workerd-bundle';

const WRANGLER = join(root, 'node_modules', 'wrangler', 'bin', 'wrangler.js');
const CONFIG = join(root, 'worker', 'wrangler.jsonc');
const ENV = { ...process.env, CI: 'true', WRANGLER_SEND_METRICS: 'false' };

/** A running `wrangler dev`: the workerd process that runs the Worker (its main thread's id = pid), its URL, stop(). */
export type WranglerDev = { pid: number; url: string; stop: () => void };

/** Applies the D1 migrations to a local database in `persistTo` (once per bench run). */
export function localDatabase(persistTo: string): void {
  runStep('D1 迁移失败（wrangler d1 migrations apply --local）。 / applying the D1 migrations to a local database failed:',
    process.execPath, [WRANGLER, 'd1', 'migrations', 'apply', 'DB', '--local', '--env', 'production', '--config', CONFIG, '--persist-to', persistTo], ENV);
}

/** The processes `pid` started, and theirs (Linux /proc). */
function descendants(pid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      parentOf.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const found: number[] = [];
  for (let frontier = [pid]; frontier.length > 0; ) {
    frontier = [...parentOf].filter(([, parent]) => frontier.includes(parent)).map(([child]) => child);
    found.push(...frontier);
  }
  return found;
}

const commandOf = (pid: number): string => {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '';
  }
};

/** Starts `wrangler dev --env production` with `vars` on the database in `persistTo`; resolves once it is ready. */
export async function startWranglerDev(persistTo: string, vars: Record<string, string>): Promise<WranglerDev> {
  const port = await freePort();
  const child = spawn(process.execPath, [WRANGLER, 'dev', '--config', CONFIG, '--env', 'production', '--ip', '127.0.0.1',
    '--port', String(port), '--persist-to', persistTo, '--show-interactive-dev-session=false',
    ...Object.entries(vars).flatMap(([k, v]) => ['--var', `${k}:${v}`])], { ...treeSpawnOptions(), env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += String(d)));
  child.stderr?.on('data', (d: Buffer) => (output += String(d)));
  const stop = (): void => void killTree(child.pid as number, 'SIGKILL');
  for (let i = 0; !/Ready on http/.test(output); i++) {
    if (child.exitCode !== null || i > 1200) {
      stop();
      throw new StepFailed(`wrangler dev 没有启动。 / wrangler dev did not start:\n${output.trim().split('\n').slice(-15).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // wrangler may run a second workerd for its own proxy: the Worker's is the one whose start-up (the warm-up) took most
  const workerd = descendants(child.pid as number)
    .filter((pid) => commandOf(pid) === 'workerd')
    .sort((x, y) => (otherThreadCpuMs(y) || 0) - (otherThreadCpuMs(x) || 0))[0];
  if (workerd === undefined) {
    stop();
    throw new StepFailed('wrangler dev 已启动，但找不到它的 workerd 进程。 / wrangler dev started, but its workerd process was not found.');
  }
  return { pid: workerd, url: `http://127.0.0.1:${port}`, stop };
}
