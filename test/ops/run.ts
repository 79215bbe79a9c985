// Running the project's commands as a user types them: npm and npx from a shell, with a fresh environment (none of
// the npm_* variables of the `npm test` that runs these tests, which would make npm think a script is running, and
// not the WRANGLER_LOG=warn vitest.worker.config.ts sets for the test run).
import { execFile } from 'node:child_process';

export type Run = { code: number; stdout: string; stderr: string };

/** The environment of a new shell: this one without npm's per-script variables. */
export function shellEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!/^npm_/i.test(k) && k !== 'INIT_CWD' && k !== 'WRANGLER_LOG') env[k] = v;
  return { ...env, WRANGLER_SEND_METRICS: 'false', NO_COLOR: '1', ...extra };
}

export function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv = shellEnv()): Promise<Run> {
  const win = process.platform === 'win32' && (command === 'npm' || command === 'npx');
  return new Promise((resolve) => {
    execFile(win ? `${command}.cmd` : command, args, { cwd, env, shell: win, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** A failed run's output, for an assertion's message. */
export const said = (r: Run): string => `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
