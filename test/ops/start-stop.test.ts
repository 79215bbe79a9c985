// README's `npm start` and `npm stop`, run as a user types them, in a copy of this project (its own dist/, its own
// local D1 state, its own node_modules/.cache where start records what it launched; the packages are links):
// without a local https certificate (CE_DEV_HTTP=1 stands for "no certificate" on a machine that has one) `npm start`
// builds dist/ and starts the local 计算服务, which serves the .xlsx web page; `npm stop` ends it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killTree, treeSpawnOptions } from '../../scripts/process-tree';
import { createServer } from 'node:net';
import { run, said, shellEnv } from './run';
import { copyProject } from '../support/project-copy';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'ce-start-'));
const pidFile = join(dir, 'node_modules', '.cache', 'ce-addin', 'dev.pids.json');
let port = 0;
let env: NodeJS.ProcessEnv = {};
let start: ChildProcess | null = null;
let output = '';
let exited: Promise<number | null> = Promise.resolve(null);

/** A port the system just gave out (outside the ranges the other tests pick from). */
function systemPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer().once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port: p } = s.address() as { port: number };
      s.close(() => resolve(p));
    });
  });
}

async function get(path: string): Promise<{ status: number; text: string } | null> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}${path}`);
    return { status: res.status, text: await res.text() };
  } catch {
    return null;
  }
}

async function until<T>(probe: () => Promise<T | null>, ms: number): Promise<T | null> {
  const end = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got !== null || Date.now() > end) return got;
    await new Promise((r) => setTimeout(r, 500));
  }
}

beforeAll(async () => {
  copyProject(root, dir);
  port = await systemPort();
  env = shellEnv({ CE_WORKER_PORT: String(port), CE_DEV_HTTP: '1' });
  const win = process.platform === 'win32';
  start = spawn(win ? 'npm.cmd' : 'npm', ['start'], { cwd: dir, env, shell: win, stdio: ['ignore', 'pipe', 'pipe'], ...treeSpawnOptions() });
  start.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  start.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  exited = new Promise((resolve) => start?.on('exit', (code) => resolve(code)));
}, 60_000);

afterAll(() => {
  if (start?.pid && start.exitCode === null) killTree(start.pid);
  rmSync(dir, { recursive: true, force: true });
});

describe('npm start, then npm stop (no local certificate)', () => {
  it('npm start serves the web page and the 计算服务 and says where', async () => {
    // start says where the page is once its own check of the 计算服务 is done
    const announced = await until(async () => (/\[start\] 网页版/.test(output) ? output : null), 240_000);
    expect(announced, output).toContain(`网页版：http://127.0.0.1:${port}/`);
    const health = await until(async () => {
      const r = await get('/v1/health');
      return r?.status === 200 ? r : null;
    }, 240_000);
    expect(health, output).not.toBeNull();
    expect(JSON.parse(health?.text ?? '{}')).toMatchObject({ ok: true });
    const page = await get('/');
    expect(page?.status, output).toBe(200);
    expect(page?.text).toContain('<title>继续教育学时核对（网页版）</title>');
    expect(existsSync(join(dir, 'dist', 'index.html')), output).toBe(true);
    expect(existsSync(pidFile)).toBe(true);
  }, 300_000);

  it('npm stop ends what npm start started and forgets it', async () => {
    const stop = await run('npm', ['stop'], dir, env);
    expect(stop.code, said(stop)).toBe(0);
    expect(stop.stdout).toMatch(/\[stop\] worker \(pid \d+\) stopped/);
    expect(existsSync(pidFile)).toBe(false);
    const gone = await until(async () => ((await get('/v1/health')) === null ? true : null), 30_000);
    expect(gone, 'the 计算服务 still answers after npm stop').toBe(true);
    const code = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 30_000))]);
    expect(code, `npm start still running after npm stop\n${output}`).not.toBe('running');
    const again = await run('npm', ['stop'], dir, env);
    expect(again.stdout).toContain('nothing recorded');
  }, 120_000);
});
