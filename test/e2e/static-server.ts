// A static server for the e2e: dist/ at /, the host page and simulator bundle at /e2e/. A mount with `headers` serves
// its files with the rules of its `_headers` file (dist/_headers, written by the build from worker/page-headers.ts),
// applied as Workers static assets apply them, so the built pages are tested under their Content-Security-Policy.
// The one change: connect-src also allows `connectSrc` (the Workers these pages talk to run on other ports of this
// machine, as with the dev server; deployed, the pages and the API share one origin).
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.map': 'application/json',
};

export type Mount = { prefix: string; dir: string; headers?: { connectSrc: string } };

type HeaderRule = { path: string; set: [string, string][]; unset: string[] };

/** The rules of a `_headers` file: a path line, then indented `Name: value` or `! Name` lines. */
export function parseHeadersFile(text: string): HeaderRule[] {
  const rules: HeaderRule[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      rules.push({ path: line.trim(), set: [], unset: [] });
      continue;
    }
    const rule = rules[rules.length - 1];
    const t = line.trim();
    if (t.startsWith('! ')) rule.unset.push(t.slice(2).trim());
    else {
      const colon = t.indexOf(':');
      rule.set.push([t.slice(0, colon).trim(), t.slice(colon + 1).trim()]);
    }
  }
  return rules;
}

const matches = (pattern: string, path: string): boolean =>
  pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : pattern === path;

/** The headers the rules give `path`, in rule order: a rule's `!` lines first, a header set twice is appended. */
export function headersFor(rules: readonly HeaderRule[], path: string): Map<string, string> {
  const out = new Map<string, string>();
  const set = new Set<string>();
  for (const rule of rules.filter((r) => matches(r.path, path))) {
    for (const name of rule.unset) out.delete(name.toLowerCase());
    for (const [name, value] of rule.set) {
      const key = name.toLowerCase();
      out.set(key, set.has(key) && out.has(key) ? `${out.get(key)}, ${value}` : value);
      set.add(key);
    }
  }
  return out;
}

function withConnectSrc(csp: string, origin: string): string {
  return csp.replace(/connect-src ([^;]*)/, `connect-src $1 ${origin}`);
}

export function serveStatic(mounts: Mount[], port: number): Promise<Server> {
  const rulesOf = new Map<Mount, HeaderRule[]>();
  for (const m of mounts) {
    if (!m.headers) continue;
    const file = join(m.dir, '_headers');
    if (!existsSync(file)) throw new Error(`${file} is missing: the build writes it (worker/page-headers.ts)`);
    rulesOf.set(m, parseHeadersFile(readFileSync(file, 'utf8')));
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0]);
    for (const m of mounts) {
      if (!path.startsWith(m.prefix)) continue;
      const rel = normalize(path.slice(m.prefix.length)).replace(/^([/\\])+/, '');
      if (rel.startsWith('..') || rel === '_headers') break;
      const file = join(m.dir, rel);
      if (existsSync(file) && statSync(file).isFile()) {
        const headers: Record<string, string> = { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-store' };
        const rules = rulesOf.get(m);
        if (rules && m.headers) {
          for (const [name, value] of headersFor(rules, `/${rel.replace(/\\/g, '/')}`)) {
            headers[name] = name === 'content-security-policy' ? withConnectSrc(value, m.headers.connectSrc) : value;
          }
        }
        res.writeHead(200, headers);
        createReadStream(file).pipe(res);
        return;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}
