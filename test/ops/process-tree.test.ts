// Ending a process with the processes it started (how `npm stop`, `npm start` and the e2e teardown end wrangler and
// workerd): on this platform for real; on Windows the command it runs (taskkill over the whole tree).
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { killTree, treeSpawnOptions } from '../../scripts/process-tree';

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('killTree', () => {
  it.skipIf(process.platform === 'win32')('ends a child and the grandchild it started', async () => {
    // a child that starts a long-running grandchild and prints its pid, as wrangler starts workerd
    const child = spawn(process.execPath, ['-e', `
      const g = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });
      console.log(g.pid); setInterval(() => {}, 1000);`], { stdio: ['ignore', 'pipe', 'ignore'], ...treeSpawnOptions() });
    const grandchild = await new Promise<number>((resolve) => child.stdout?.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    expect(alive(grandchild)).toBe(true);
    expect(killTree(child.pid ?? 0)).toBe(true);
    for (let i = 0; i < 50 && (alive(grandchild) || child.exitCode === null && child.signalCode === null); i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(grandchild)).toBe(false);
    expect(child.signalCode).toBe('SIGTERM');
    // already gone: says so
    expect(killTree(child.pid ?? 0)).toBe(false);
  });

  it('on Windows: taskkill /T /F by the process id, never a POSIX process group', () => {
    const calls: [string, string[]][] = [];
    const ran = killTree(4242, 'SIGTERM', 'win32', (command, args) => {
      calls.push([command, args]);
      return { status: 0 };
    });
    expect(ran).toBe(true);
    expect(calls).toEqual([['taskkill', ['/pid', '4242', '/T', '/F']]]);
    expect(killTree(4242, 'SIGTERM', 'win32', () => ({ status: 128 }))).toBe(false);
    // and children are started without a console window of their own there
    expect(treeSpawnOptions('win32')).toEqual({ detached: false });
    expect(treeSpawnOptions('linux')).toEqual({ detached: true });
  });
});
