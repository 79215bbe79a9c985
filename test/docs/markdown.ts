// A small reader of our own Markdown pages, enough to check them mechanically: headings and the anchors GitHub gives
// them, relative links and their anchors, and the commands named in code (`npm run X`, `npm X`, `npx X`).
// The pages are ours (trusted, a few hundred lines each), so simple line-by-line patterns are fine here.
import { posix } from 'node:path';

export type Page = { path: string; text: string };
export type Link = { from: string; line: number; target: string };
export type Command = { from: string; line: number; tool: 'npm' | 'npx'; name: string; viaRun: boolean };

/** Lines outside fenced code blocks, with their 1-based numbers. */
function proseLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(l);
    if (m) {
      if (fence === null) fence = m[1][0].repeat(m[1].length);
      else if (m[1].startsWith(fence)) fence = null;
      return;
    }
    if (fence === null) out.push({ line: i + 1, text: l });
  });
  return out;
}

/** Code on each line: fenced blocks whole, and inline code spans of prose lines. */
function codeLines(text: string): { line: number; text: string }[] {
  const out: { line: number; text: string }[] = [];
  let fence: string | null = null;
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(l);
    if (m) {
      if (fence === null) fence = m[1][0].repeat(m[1].length);
      else if (m[1].startsWith(fence)) fence = null;
      return;
    }
    if (fence !== null) out.push({ line: i + 1, text: l });
    else for (const span of l.matchAll(/(`+)(.+?)\1/g)) out.push({ line: i + 1, text: span[2] });
  });
  return out;
}

const withoutCodeSpans = (line: string) => line.replace(/(`+)(.+?)\1/g, (_m, _t, body: string) => body.replace(/[[\]()]/g, ' '));

/** The anchor GitHub gives a heading (github-slugger): lower case, punctuation and symbols removed, spaces → '-'. */
export function slug(heading: string): string {
  const text = heading
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/\*\*?/g, '');
  return text.trim().toLowerCase().replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/** Every anchor of a page: its headings' slugs (repeats numbered -1, -2 … as GitHub does) and explicit ids. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const { text: l } of proseLines(text)) {
    const h = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(l);
    if (h) {
      const base = slug(h[1]);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      out.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of l.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) out.add(m[1]);
  }
  return out;
}

/** Links and images of a page outside code. */
export function links(page: Page): Link[] {
  const out: Link[] = [];
  for (const { line, text } of proseLines(page.text)) {
    for (const m of withoutCodeSpans(text).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      out.push({ from: page.path, line, target: m[1] });
    }
  }
  return out;
}

const external = (target: string) => /^[a-z][a-z0-9+.-]*:/i.test(target);

/**
 * Problems with the relative links of `pages` (paths relative to the repository): a target that is not among
 * `exists` (pages and other files), or an anchor that is not a heading of the target page.
 */
export function brokenLinks(pages: Page[], exists: (path: string) => boolean): string[] {
  const byPath = new Map(pages.map((p) => [p.path, p]));
  const problems: string[] = [];
  for (const page of pages) {
    for (const link of links(page)) {
      if (external(link.target)) continue;
      const [rawPath, anchor] = link.target.split('#', 2) as [string, string | undefined];
      const path = rawPath === '' ? page.path : posix.normalize(posix.join(posix.dirname(page.path), decodeURI(rawPath)));
      const where = `${link.from}:${link.line} → ${link.target}`;
      if (path.startsWith('..')) problems.push(`${where}: leaves the repository`);
      else if (!byPath.has(path) && !exists(path)) problems.push(`${where}: no such file`);
      else if (anchor !== undefined) {
        const target = byPath.get(path);
        if (!target) problems.push(`${where}: an anchor into a file that is not a checked page`);
        else if (!anchors(target.text).has(decodeURIComponent(anchor))) problems.push(`${where}: no heading #${anchor} in ${path}`);
      }
    }
  }
  return problems;
}

/** The pages `from` links to (relative links, resolved, without anchors). */
export function linkedPages(from: Page): Set<string> {
  const out = new Set<string>();
  for (const link of links(from)) {
    if (external(link.target)) continue;
    const rawPath = link.target.split('#')[0];
    if (rawPath) out.add(posix.normalize(posix.join(posix.dirname(from.path), decodeURI(rawPath))));
  }
  return out;
}

/** `npm run X`, `npm X` and `npx X` named in code (inline code and fenced blocks). */
export function commands(page: Page): Command[] {
  const out: Command[] = [];
  for (const { line, text } of codeLines(page.text)) {
    // `npm run <name>` or `npm <name>` / `npx <name>`; a placeholder (`npm run X`) is not a name.
    const pattern = /(?:^|[\s;&|(])(npm|npx)\s+(?:run(?:-script)?\s+([a-z@][\w@/:.-]*)|(?!run(?:-script)?\b)([a-z@][\w@/:.-]*))/g;
    for (const m of text.matchAll(pattern)) {
      const viaRun = m[2] !== undefined;
      out.push({ from: page.path, line, tool: m[1] as 'npm' | 'npx', viaRun, name: viaRun ? m[2] : m[3] });
    }
  }
  return out;
}

/** npm's own commands the pages may name (not scripts of package.json). */
export const NPM_COMMANDS = new Set(['install', 'i', 'ci', 'exec', 'view', 'ls', 'config', 'cache', 'version']);
/** Scripts npm runs without `run`. */
const RUNLESS_SCRIPTS = new Set(['test', 'start', 'stop', 'restart']);

/**
 * Problems with the commands of `pages`: an `npm run X` or `npm test|start|stop` whose script is not in `scripts`,
 * another `npm X` that is not one of npm's commands, an `npx X` that is not an installed command (`bins`).
 */
export function unknownCommands(pages: Page[], scripts: Record<string, string>, bins: Set<string>): string[] {
  const problems: string[] = [];
  for (const page of pages) {
    for (const c of commands(page)) {
      const where = `${c.from}:${c.line}: ${c.tool} ${c.viaRun ? 'run ' : ''}${c.name}`;
      if (c.tool === 'npx') {
        if (!bins.has(c.name)) problems.push(`${where}: no such command in node_modules/.bin`);
      } else if (c.viaRun || RUNLESS_SCRIPTS.has(c.name)) {
        if (!Object.hasOwn(scripts, c.name)) problems.push(`${where}: no such script in package.json`);
      } else if (!NPM_COMMANDS.has(c.name)) {
        problems.push(`${where}: neither an npm command nor a script run with \`npm run\``);
      }
    }
  }
  return problems;
}
