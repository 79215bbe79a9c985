// The documented roster and manifest commands in the forms that work from bash, cmd and PowerShell alike (no `--`,
// which PowerShell's npm shim drops), run for real through npm and npx from a user's folder with Chinese characters
// and a space in its name: relative paths are from that folder, and options npm would keep for itself are caught.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULE_SET, getRuleSet } from '../../shared/index';
import { cleanRoster, saveRoster } from '../xlsx/rosters';
import { run, said } from './run';

const root = fileURLToPath(new URL('../..', import.meta.url));
// a folder inside the project, as a clerk's own folder would be when they run commands from below it
mkdirSync(join(root, 'test', 'artifacts'), { recursive: true });
const folder = mkdtempSync(join(root, 'test', 'artifacts', '经办人 文件夹-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const AS_OF = '2023-11-01';
const idOf = (xml: string): string => /<Id>([^<]*)<\/Id>/.exec(xml)?.[1] ?? '';

describe('the roster command without --', () => {
  let before: Buffer;
  beforeAll(async () => {
    await saveRoster(cleanRoster(), join(folder, '花名册.xlsx'));
    before = readFileSync(join(folder, '花名册.xlsx'));
  });

  it('npm run roster 花名册.xlsx: the file is found in the folder the command is typed in, the result written beside it', async () => {
    const r = await run('npm', ['run', 'roster', '花名册.xlsx'], folder);
    expect(r.code, said(r)).toBe(0);
    // nothing chosen: the default, and said to be
    expect(r.stdout).toContain(`未指定 --rule-set，按默认的 ${getRuleSet().year} 年度规则核对`);
    expect(existsSync(join(folder, '花名册-核对结果.xlsx'))).toBe(true);
    expect(existsSync(join(root, '花名册-核对结果.xlsx'))).toBe(false);
  }, 90_000);

  it('npx ce-roster 花名册.xlsx --out 结果.xlsx --as-of …: every option arrives', async () => {
    const r = await run('npx', ['ce-roster', '花名册.xlsx', '--out', '结果.xlsx', '--as-of', AS_OF, '--sheet', '花名册', '--rule-set', DEFAULT_RULE_SET], folder);
    expect(r.code, said(r)).toBe(0);
    expect(r.stdout).toContain(`核对日期 ${AS_OF}`);
    expect(r.stdout).toContain(`按 ${getRuleSet().year} 年度的规则核对：${getRuleSet().title}`);
    expect(r.stdout).toContain(join(folder, '结果.xlsx'));
    expect(existsSync(join(folder, '结果.xlsx'))).toBe(true);
  }, 90_000);

  it('npm run roster 花名册.xlsx --out x.xlsx: npm keeps --out; the command says how to write it and writes nothing', async () => {
    const r = await run('npm', ['run', 'roster', '花名册.xlsx', '--out', 'x.xlsx'], folder);
    expect(r.code, said(r)).toBe(2);
    expect(r.stderr).toContain('把选项 --out 当成了 npm 自己的设置');
    expect(r.stderr).toContain('npx ce-roster 花名册.xlsx --out 结果.xlsx');
    expect(readdirSync(folder).filter((f) => f.startsWith('x'))).toEqual([]);
    expect(readFileSync(join(folder, '花名册.xlsx')).equals(before)).toBe(true);
  }, 60_000);

  it('npm run roster 花名册.xlsx --rule-set …: npm keeps it too; caught the same way, nothing computed by another rule set', async () => {
    const r = await run('npm', ['run', 'roster', '花名册.xlsx', '--rule-set', DEFAULT_RULE_SET], folder);
    expect(r.code, said(r)).toBe(2);
    expect(r.stderr).toContain('把选项 --rule-set 当成了 npm 自己的设置');
  }, 60_000);

  it('a missing file: exit 1 (a file problem), naming the folder it looked in', async () => {
    const r = await run('npm', ['run', 'roster', '不存在.xlsx'], folder);
    expect(r.code, said(r)).toBe(1);
    expect(r.stderr).toContain(`找不到文件：在文件夹 ${folder} 中没有“不存在.xlsx”`);
  }, 60_000);
});

describe('the manifest command without --', () => {
  it('npx ce-manifest --host … --out … --new-id: written in the user\'s folder, with a new add-in Id', async () => {
    const r = await run('npx', ['ce-manifest', '--host', 'https://ce.unit-a.cn', '--out', '清单.xml', '--new-id'], folder);
    expect(r.code, said(r)).toBe(0);
    const xml = readFileSync(join(folder, '清单.xml'), 'utf8');
    expect(xml).toContain('https://ce.unit-a.cn/taskpane.html');
    expect(idOf(xml)).not.toBe(idOf(readFileSync(join(root, 'manifest.xml'), 'utf8')));
  }, 60_000);

  it('npm run manifest --host …: npm keeps --host; the command says to use npx ce-manifest', async () => {
    const r = await run('npm', ['run', 'manifest', '--host', 'https://ce.unit-a.cn'], folder);
    expect(r.code, said(r)).toBe(2);
    expect(r.stderr).toContain('npx ce-manifest');
  }, 60_000);
});
