// Who a request comes from, for counting failed logins (auth-failures.ts): the client's IPv4 address, or the /64
// network of an IPv6 address (one subscriber's network: a client can pick any address in it, so counting per address
// would be no limit at all).
import type { Context } from 'hono';
import type { AppEnv } from './env';

/** Longer header values are not parsed: no address is this long. */
const MAX_ADDRESS_TEXT = 64;

/**
 * The client as CF-Connecting-IP names it. On Cloudflare the edge sets this header (a client's own value is replaced),
 * so it is the real client address. Under `wrangler dev` (local development, the e2e tests) nothing is in front of the
 * Worker and the client's own header is trusted as sent: fine for a machine's own use, never an exposed deployment.
 */
export function clientAddressOf(c: Context<AppEnv>): string {
  return clientKey(c.req.header('CF-Connecting-IP'));
}

/** An IPv4 address as it is; an IPv6 address as its /64 (`2001:db8:1:2::/64`); anything else bounded, or `unknown`. */
export function clientKey(header: string | undefined): string {
  const text = (header ?? '').trim().toLowerCase();
  if (text === '') return 'unknown';
  if (text.length > MAX_ADDRESS_TEXT) return `invalid:${text.slice(0, MAX_ADDRESS_TEXT)}`;
  if (!text.includes(':')) return text;
  const groups = ipv6Groups(text);
  if (groups === null) return `invalid:${text}`;
  // an IPv4-mapped address (::ffff:a.b.c.d) is that IPv4 client
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join('.');
  }
  return `${groups.slice(0, 4).map((g) => g.toString(16)).join(':')}::/64`;
}

/** The eight 16-bit groups of an IPv6 address (`::` expanded, a trailing dotted IPv4 read as two groups), or null. */
function ipv6Groups(text: string): number[] | null {
  const zone = text.indexOf('%');
  const address = zone >= 0 ? text.slice(0, zone) : text;
  const halves = address.split('::');
  if (halves.length > 2) return null;
  const parse = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    const pieces = part.split(':');
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i];
      if (i === pieces.length - 1 && p.includes('.')) {
        const v4 = p.split('.');
        if (v4.length !== 4 || v4.some((o) => !/^\d{1,3}$/.test(o) || Number(o) > 255)) return null;
        const [a, b, c, d] = v4.map(Number);
        out.push((a << 8) | b, (c << 8) | d);
      } else if (/^[0-9a-f]{1,4}$/.test(p)) out.push(parseInt(p, 16));
      else return null;
    }
    return out;
  };
  const head = parse(halves[0]);
  const tail = halves.length === 2 ? parse(halves[1]) : [];
  if (head === null || tail === null) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const missing = 8 - head.length - tail.length;
  if (missing < 1) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail];
}
