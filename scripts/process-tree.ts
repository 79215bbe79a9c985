// Ending a process together with the processes it started (wrangler → workerd, vite, tsx → node), on every platform.
// POSIX: start the child as its own process group (detached) and signal the group. Windows has no process groups
// (and a detached child gets a console window of its own): `taskkill /T /F` ends the tree by the child's id.
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** spawn() options for a child whose whole tree killTree() can end later. */
export function treeSpawnOptions(platform: NodeJS.Platform = process.platform): { detached: boolean } {
  return { detached: platform !== 'win32' };
}

type Runner = (command: string, args: string[], options: { stdio: 'ignore'; windowsHide: boolean }) => Pick<SpawnSyncReturns<Buffer>, 'status'>;

/**
 * Ends the process `pid` and everything it started; false when it was not running. `signal` is used on POSIX
 * (SIGTERM first, SIGKILL to insist); Windows ends the tree forcibly either way.
 */
export function killTree(pid: number, signal: NodeJS.Signals = 'SIGTERM', platform: NodeJS.Platform = process.platform, run: Runner = spawnSync): boolean {
  if (platform === 'win32') return run('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore', windowsHide: true }).status === 0;
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
