// A Windows checkout: Git for Windows converts text files to CRLF (core.autocrlf=true) unless .gitattributes says
// otherwise, and a CRLF .ci/run dies on `set -o pipefail\r`. A clone with core.autocrlf=true must give every text
// file exactly as committed (LF), and its .ci/run must run: here with stand-ins for the installers and the test
// runner that record what CI would run (the real run is CI itself).
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, said, shellEnv } from './run';

const root = fileURLToPath(new URL('../..', import.meta.url));
const hasGit = spawnSync('git', ['--version']).status === 0 && existsSync(join(root, '.git'));
const hasBash = spawnSync('bash', ['--version']).status === 0;
const work = mkdtempSync(join(tmpdir(), 'ce-crlf-'));
const clone = join(work, 'ce');
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.skipIf(!hasGit)('a checkout with core.autocrlf=true (Git for Windows\' default)', () => {
  beforeAll(async () => {
    const r = await run('git', ['clone', '-q', '-c', 'core.autocrlf=true', root, clone], work);
    expect(r.code, said(r)).toBe(0);
  }, 60_000);

  it('has every text file with LF line endings, as committed', async () => {
    const r = await run('git', ['ls-files', '--eol'], clone);
    const rows = r.stdout.trim().split('\n').map((line) => line.split(/\s+/));
    expect(rows.length).toBeGreaterThan(100);
    const crlf = rows.filter(([index, worktree]) => index === 'i/crlf' || index === 'i/mixed' || worktree === 'w/crlf' || worktree === 'w/mixed');
    expect(crlf.map((row) => row.at(-1))).toEqual([]);
    expect(readFileSync(join(clone, '.ci', 'run'), 'utf8')).not.toContain('\r');
  });

  it.skipIf(!hasBash)('runs .ci/run through to the end (installers and test runners stood in for)', async () => {
    const bin = join(work, 'bin');
    const log = join(work, 'ci.log');
    mkdirSync(bin);
    // each stand-in records its command line; chromium and the Chinese font are "installed"
    for (const name of ['npm', 'npx', 'apt-get', 'chromium']) {
      writeFileSync(join(bin, name), `#!/usr/bin/env bash\necho "${name} $*" >> "${log}"\n`);
      chmodSync(join(bin, name), 0o755);
    }
    writeFileSync(join(bin, 'fc-list'), '#!/usr/bin/env bash\necho "/usr/share/fonts/wqy-microhei.ttc: WenQuanYi Micro Hei"\n');
    chmodSync(join(bin, 'fc-list'), 0o755);
    mkdirSync(join(clone, 'node_modules'), { recursive: true }); // what npm ci would have made
    const r = await run('bash', [join(clone, '.ci', 'run')], clone, shellEnv({ PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`, TMPDIR: work }));
    expect(r.code, said(r)).toBe(0);
    const commands = readFileSync(log, 'utf8').trim().split('\n');
    expect(commands[0]).toBe('npm ci');
    expect(commands).toContain('npm test');
    expect(commands.some((c) => c.startsWith('npx wrangler deploy --dry-run --env production'))).toBe(true);
    expect(commands.at(-1)).toBe('npx vitest run --configLoader runner --project worker');
  }, 60_000);
});
