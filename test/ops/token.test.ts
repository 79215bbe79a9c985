// `npm run token` (issue 22): one command, no arguments (so no `--` in PowerShell, cmd or bash), prints on standard
// output only a token the Worker's configuration accepts in production, a new one each time.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTokens } from '../../worker/tokens';

const root = fileURLToPath(new URL('../..', import.meta.url));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function runToken(): Promise<{ stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    execFile(npm, ['run', '--silent', 'token'], { cwd: root, shell: process.platform === 'win32' }, (err, stdout, stderr) =>
      err ? reject(err) : resolve({ stdout, stderr }));
  });
}

describe('npm run token', () => {
  it('prints a strong token alone on standard output, and how to use it on standard error', { timeout: 60_000 }, async () => {
    const [a, b] = await Promise.all([runToken(), runToken()]);
    const token = a.stdout.trim();
    expect(a.stdout).toBe(`${token}\n`);
    expect(token).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{42}$/);
    expect(b.stdout.trim()).not.toBe(token);
    expect(parseTokens(`renshike:${token}`, 'production')).toEqual({ tokens: [{ label: 'renshike', token }], problems: [], refusedLabels: [] });
    expect(a.stderr).toContain(`renshike:${token}`);
    expect(a.stderr).toContain('CE_API_TOKEN');
  });
});
