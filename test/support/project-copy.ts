// This project as a unit's IT would build it, in a folder of its own: the tracked and new files (not ignored ones, not
// the tests) copied, and a node_modules folder of its own whose packages link to this tree's (so its caches, e.g.
// node_modules/.cache where `npm start` records what it launched, are its own). Builds with an environment of their
// own (e.g. CE_RULE_SETS: extra rule sets) happen there, so they never rewrite the generated modules of the tree the
// other tests run from.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** Copies `root`'s project files (not test/) into `dest` and links each of its packages into `dest`'s node_modules. */
export function copyProject(root: string, dest: string): void {
  const listed = spawnSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`git ls-files failed: ${listed.stderr}`);
  for (const f of listed.stdout.split('\0')) {
    if (f === '' || f === 'node_modules' || f.startsWith('test/') || !existsSync(join(root, f))) continue;
    mkdirSync(dirname(join(dest, f)), { recursive: true });
    cpSync(join(root, f), join(dest, f));
  }
  mkdirSync(join(dest, 'node_modules'), { recursive: true });
  for (const entry of readdirSync(join(root, 'node_modules'))) {
    if (entry === '.cache' || entry.startsWith('.vite')) continue;
    symlinkSync(join(root, 'node_modules', entry), join(dest, 'node_modules', entry), process.platform === 'win32' ? 'junction' : 'dir');
  }
}

/** Runs a Node script of the copy (e.g. vite's CLI) with extra environment; rejects with its output on failure. */
export function runNode(cwd: string, args: readonly string[], env: Record<string, string>): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve({ stdout, stderr }) : reject(new Error(`node ${args.join(' ')} exited ${code}:\n${stdout}\n${stderr}`))));
  });
}

/** `npm run build` in the copy with `env`: its dist/ (task pane, page, functions.json). */
export function buildProject(dir: string, env: Record<string, string>): Promise<unknown> {
  return runNode(dir, [join(dir, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--configLoader', 'runner', '--config', join(dir, 'vite.config.ts')], env);
}
