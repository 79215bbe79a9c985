// The documentation stays true mechanically: README.md is a short front door that links to every page of docs/;
// every relative link and anchor of README.md and docs/ resolves; every `npm run X` / `npm X` / `npx X` the pages name
// exists; the notice kept in docs/notice/ is the project's copy of the notice (compared with ../shared/seed when that
// exists next to the repository, silent otherwise: a user's clone has no ../shared).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { anchors, brokenLinks, commands, linkedPages, slug, unknownCommands, type Page } from './markdown';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const posixPath = (p: string) => p.split(sep).join('/');

/** The documentation homes (docs/rules.md keeps the section numbers of the project's docs/rules.md). */
const HOMES = [
  'docs/clerk-guide.md',
  'docs/it-runbook.md',
  'docs/developer-guide.md',
  'docs/api.md',
  'docs/rules.md',
  'docs/notice/zaozhuang-2023-notice.md',
];
const README_MAX_CHARACTERS = 10_000;
const NOTICE = 'docs/notice/zaozhuang-2023-notice.md';
const UPSTREAM_NOTICE = resolve(root, '../shared/seed/zaozhuang-2023-notice.md');

function markdownUnder(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? markdownUnder(`${dir}/${e.name}`) : e.name.endsWith('.md') ? [`${dir}/${e.name}`] : [],
  );
}
const read = (path: string): Page => ({ path, text: readFileSync(join(root, path), 'utf8') });
const docPaths = markdownUnder('docs').sort();
const readme = read('README.md');
const pages = [readme, ...docPaths.map(read)];
const exists = (path: string) => existsSync(join(root, path));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string>; bin?: Record<string, string> };
// installed commands, and this package's own (`npx ce-roster` runs bin/ce-roster.mjs from the project folder)
const bins = new Set([...readdirSync(join(root, 'node_modules/.bin')).map((b) => b.replace(/\.(cmd|ps1)$/i, '')), ...Object.keys(pkg.bin ?? {})]);

describe('README.md, the front door', () => {
  it(`is shorter than ${README_MAX_CHARACTERS} characters`, () => {
    expect([...readme.text].length).toBeLessThan(README_MAX_CHARACTERS);
  });

  it('links to every page of docs/, and every documentation home exists', () => {
    for (const home of HOMES) expect(exists(home), home).toBe(true);
    const linked = linkedPages(readme);
    expect(docPaths.filter((p) => !linked.has(p)), 'pages README.md does not link to').toEqual([]);
    expect(HOMES.filter((p) => !linked.has(p))).toEqual([]);
  });

  it('names the install, start and test commands', () => {
    const named = new Set(commands(readme).filter((c) => c.tool === 'npm').map((c) => c.name));
    for (const c of ['install', 'start', 'test']) expect(named, `npm ${c}`).toContain(c);
  });
});

describe('links and anchors', () => {
  it('every relative link and anchor of README.md and docs/ resolves', () => {
    expect(brokenLinks(pages, exists)).toEqual([]);
  });

  it('the screenshot of the header check is reachable from the pages', () => {
    const images = pages.flatMap((p) => [...linkedPages(p)]);
    expect(images).toContain('docs/images/preflight-messy-roster.png');
  });

  it('gives the anchors GitHub gives (the checker itself)', () => {
    expect(slug('快速开始（经办人）')).toBe('快速开始经办人');
    expect(slug('IT 人员：部署与分发')).toBe('it-人员部署与分发');
    expect(slug('The compact answer (`"format": "compact"`)')).toBe('the-compact-answer-format-compact');
    expect(slug('§6a Professional subjects checked by the sector (正文二(二)、四(二))')).toBe(
      '6a-professional-subjects-checked-by-the-sector-正文二二四二',
    );
    expect([...anchors('# A\n## A\n```\n# not a heading\n```\n<a id="x"></a>')]).toEqual(['a', 'a-1', 'x']);
  });

  it('finds a link to a removed page and a wrong anchor (the checker itself)', () => {
    const withoutApi = pages.filter((p) => p.path !== 'docs/api.md');
    const gone = (path: string) => path !== 'docs/api.md' && exists(path);
    expect(brokenLinks(withoutApi, gone).some((p) => p.includes('docs/api.md'))).toBe(true);
    const page = { path: 'docs/x.md', text: '# Title\n[a](#title) [b](#nope) [c](api.md#configuration) [d](../README.md#missing)\n' };
    expect(brokenLinks([page, ...pages], exists)).toEqual([
      'docs/x.md:2 → #nope: no heading #nope in docs/x.md',
      'docs/x.md:2 → ../README.md#missing: no heading #missing in README.md',
    ]);
  });
});

describe('commands named in the pages', () => {
  it('every `npm run X`, `npm X` and `npx X` exists (package.json scripts, npm, node_modules/.bin, package.json bin)', () => {
    expect(commands(readme).length).toBeGreaterThan(3);
    expect(unknownCommands(pages, pkg.scripts, bins)).toEqual([]);
  });

  it('finds a renamed script (the checker itself)', () => {
    const { roster, ...others } = pkg.scripts;
    const renamed = { ...others, 'roster-file': roster };
    const problems = unknownCommands(pages, renamed, bins);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.endsWith('npm run roster: no such script in package.json'))).toBe(true);
    expect(unknownCommands([{ path: 'x.md', text: '`npm tset` `npx wrangle deploy`' }], pkg.scripts, bins)).toHaveLength(2);
  });
});

describe('what the pages say about the product', () => {
  it('the ribbon group the clerk guide describes is the one in manifest.xml (buttons, their number, their order)', () => {
    const manifest = readFileSync(join(root, 'manifest.xml'), 'utf8');
    const label = (id: string) => new RegExp(`<bt:String id="${id}.Label" DefaultValue="([^"]+)"`).exec(manifest)?.[1];
    const buttons = [...manifest.matchAll(/<Control xsi:type="Button" id="([^"]+)">/g)].map((m) => label(m[1]));
    expect(buttons.length).toBeGreaterThanOrEqual(2);
    const guide = read('docs/clerk-guide.md').text.replace(/\n/g, '');
    const claim = /组，含((?:\s*\*\*[^*]+\*\*\s*[、和]?)+)\s*([一二三四五六七八九十])个按钮/.exec(guide);
    expect(claim, 'the sentence “… 组，含 **…**、**…** N 个按钮”').not.toBeNull();
    expect([...claim![1].matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1])).toEqual(buttons);
    expect('一二三四五六七八九十'.indexOf(claim![2]) + 1).toBe(buttons.length);
  });
});

describe(`the notice (${NOTICE})`, () => {
  it('is the notice, with its title and both attachments', () => {
    const text = read(NOTICE).text;
    expect(text).toContain('枣人社字〔2023〕20号');
    expect(text).toContain('枣庄市继续教育学时认定说明');
    expect(text).toContain('枣庄市专业培训项目计划申报表');
  });

  it.runIf(existsSync(UPSTREAM_NOTICE))(`matches ${posixPath(relative(root, UPSTREAM_NOTICE))}`, () => {
    expect(read(NOTICE).text).toBe(readFileSync(UPSTREAM_NOTICE, 'utf8'));
  });
});

// A merge left half done (conflict markers committed) once reached main in the clerk guide: every tracked text file
// is checked, not only the docs.
describe('no merge conflict markers are committed', () => {
  it('no tracked text file has a line starting with <<<<<<<, ======= alone or >>>>>>>', () => {
    const git = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
    const files = git.status === 0 ? git.stdout.split('\0').filter((f) => f && !/\.(png|xlsx|xlsm|bin|ico)$/i.test(f)) : docPaths;
    const marked = files.filter((f) => {
      if (!exists(f)) return false;
      const text = readFileSync(join(root, f), 'utf8');
      return /^(<{7} |={7}$|>{7} )/m.test(text);
    });
    expect(marked).toEqual([]);
  });
});

// A clone has no ../shared: code and data cite the docs a clone holds (docs/rules.md, docs/api.md, the guides).
describe('citations point at files a clone has', () => {
  it('no tracked file outside the docs cites RULES.md or CONTRACT.md', () => {
    const git = spawnSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' });
    expect(git.status).toBe(0);
    const citing = git.stdout
      .split('\0')
      .filter((f) => f && !f.endsWith('.md') && f !== 'test/docs/docs.test.ts' && !/\.(png|xlsx|xlsm|bin|ico)$/i.test(f) && exists(f))
      .filter((f) => /\b(RULES|CONTRACT)\.md\b/.test(readFileSync(join(root, f), 'utf8')));
    expect(citing).toEqual([]);
  });
});
