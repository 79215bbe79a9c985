// A small reader of our own Markdown pages, enough to check them mechanically: headings and the anchors GitHub gives
// them, relative links and their anchors, and the commands named in code (`npm run X`, `npm X`, `npx X`).
// The pages are ours (trusted, a few hundred lines each), so simple patterns over lines and paragraphs are fine here.
import { posix } from 'node:path';

export type Page = { path: string; text: string };
export type Link = { from: string; line: number; target: string };
export type Command = { from: string; line: number; tool: 'npm' | 'npx'; name: string; viaRun: boolean };

type Block = { line: number; text: string };

/**
 * A page cut into fenced code lines (`code`, one per line) and prose paragraphs (`prose`: consecutive non-blank lines
 * outside fences, joined with '\n', so an inline code span or a link may cross a line break as in CommonMark).
 */
function blocks(text: string): { code: Block[]; prose: Block[] } {
  const code: Block[] = [];
  const prose: Block[] = [];
  let fence: string | null = null;
  let paragraph: Block | null = null;
  const end = () => {
    if (paragraph) prose.push(paragraph);
    paragraph = null;
  };
  text.split('\n').forEach((l, i) => {
    const m = /^\s*(`{3,}|~{3,})/.exec(l);
    if (m) {
      end();
      if (fence === null) fence = m[1][0].repeat(m[1].length);
      else if (m[1].startsWith(fence)) fence = null;
    } else if (fence !== null) code.push({ line: i + 1, text: l });
    else if (l.trim() === '') end();
    else if (/^#{1,6}\s/.test(l)) {
      end();
      prose.push({ line: i + 1, text: l });
    } else if (paragraph) paragraph.text += `\n${l}`;
    else paragraph = { line: i + 1, text: l };
  });
  end();
  return { code, prose };
}

/** The line of `index` inside a block. */
const lineAt = (block: Block, index: number) => block.line + (block.text.slice(0, index).match(/\n/g)?.length ?? 0);

const CODE_SPAN = /(`+)([^`][^]*?)\1(?!`)/g;

/** Code on each line: fenced blocks whole, and the inline code spans of prose (at the line each span starts). */
function codeLines(text: string): Block[] {
  const { code, prose } = blocks(text);
  const spans = prose.flatMap((p) => [...p.text.matchAll(CODE_SPAN)].map((m) => ({ line: lineAt(p, m.index), text: m[2].replace(/\n/g, ' ') })));
  return [...code, ...spans];
}

/** Prose with each code span's brackets blanked, so a link written inside code is not a link; newlines kept. */
const withoutCodeSpans = (text: string) => text.replace(CODE_SPAN, (span) => span.replace(/[[\]()]/g, ' '));

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
  for (const { text: l } of blocks(text).prose) {
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
  for (const block of blocks(page.text).prose) {
    for (const m of withoutCodeSpans(block.text).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      out.push({ from: page.path, line: lineAt(block, m.index), target: m[1] });
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
        if (!bins.has(c.name)) problems.push(`${where}: no such command in node_modules/.bin or package.json bin`);
      } else if (c.viaRun || RUNLESS_SCRIPTS.has(c.name)) {
        if (!Object.hasOwn(scripts, c.name)) problems.push(`${where}: no such script in package.json`);
      } else if (!NPM_COMMANDS.has(c.name)) {
        problems.push(`${where}: neither an npm command nor a script run with \`npm run\``);
      }
    }
  }
  return problems;
}
