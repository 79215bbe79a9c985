// A linear scan over XML bytes (one part of an .xlsx): tags one after another, attributes and text decoded only when
// asked. No DTD (refused: no entity can expand), no backtracking, nothing held but positions. Element and attribute
// names are compared by their local name (after any prefix), as writers differ in prefixes (x:c, c).
import { DamagedPartError } from '../errors';

export const OPEN = 1;
export const CLOSE = 2;
export const EMPTY = 3;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const COLON = 0x3a;
const AMP = 0x26;
const QUOT = 0x22;
const APOS = 0x27;
const EQ = 0x3d;

/** One tag: `start` at '<', `end` after '>'; the local name is bytes [local, nameEnd). Reused by the scanner. */
export type Tag = { kind: number; start: number; end: number; nameStart: number; local: number; nameEnd: number };

export const newTag = (): Tag => ({ kind: 0, start: 0, end: 0, nameStart: 0, local: 0, nameEnd: 0 });

const enc = new TextEncoder();
/** A name to compare with (ASCII). */
export const name = (s: string): Uint8Array => enc.encode(s);

const isSpace = (c: number): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

export class XmlScanner {
  constructor(
    readonly b: Uint8Array,
    readonly part: string,
    public pos = 0,
    readonly limit = b.length,
  ) {}

  fail(why: string): never {
    throw new DamagedPartError(this.part, `${why} @${this.pos}`);
  }

  /** The next tag into `t` (text, comments, processing instructions and CDATA skipped); false at the end. */
  next(t: Tag): boolean {
    const b = this.b;
    for (;;) {
      let i = this.pos;
      while (i < this.limit && b[i] !== LT) i++;
      if (i >= this.limit) {
        this.pos = this.limit;
        return false;
      }
      const c = b[i + 1];
      if (c === BANG || c === QUESTION) {
        this.pos = this.skipSpecial(i);
        continue;
      }
      t.start = i;
      let j = i + 1;
      t.kind = OPEN;
      if (c === SLASH) {
        t.kind = CLOSE;
        j++;
      }
      t.nameStart = j;
      t.local = j;
      while (j < this.limit) {
        const d = b[j];
        if (isSpace(d) || d === GT || d === SLASH) break;
        if (d === COLON) t.local = j + 1;
        j++;
      }
      t.nameEnd = j;
      if (t.nameEnd === t.nameStart) {
        this.pos = i;
        this.fail('empty tag name');
      }
      // the end of the tag: '>' outside quotes
      let quote = 0;
      while (j < this.limit) {
        const d = b[j];
        if (quote !== 0) {
          if (d === quote) quote = 0;
        } else if (d === QUOT || d === APOS) quote = d;
        else if (d === GT) break;
        j++;
      }
      if (j >= this.limit) {
        this.pos = i;
        this.fail('unterminated tag');
      }
      if (t.kind === OPEN && b[j - 1] === SLASH) t.kind = EMPTY;
      t.end = j + 1;
      this.pos = t.end;
      return true;
    }
  }

  private skipSpecial(i: number): number {
    const b = this.b;
    if (b[i + 1] === QUESTION) {
      const end = indexOf2(b, QUESTION, GT, i + 2, this.limit);
      if (end < 0) this.fail('unterminated processing instruction');
      return end + 2;
    }
    if (b[i + 2] === 0x2d && b[i + 3] === 0x2d) {
      for (let j = i + 4; j + 2 < this.limit; j++) if (b[j] === 0x2d && b[j + 1] === 0x2d && b[j + 2] === GT) return j + 3;
      this.fail('unterminated comment');
    }
    if (startsWithAt(b, i, '<![CDATA[')) {
      for (let j = i + 9; j + 2 < this.limit; j++) if (b[j] === 0x5d && b[j + 1] === 0x5d && b[j + 2] === GT) return j + 3;
      this.fail('unterminated CDATA');
    }
    this.pos = i;
    return this.fail('DTD');
  }

  /** After an OPEN tag `t`: skips to after its matching close tag (nested elements of any name included). */
  skipElement(t: Tag): void {
    if (t.kind !== OPEN) return;
    let depth = 1;
    const inner = newTag();
    while (depth > 0) {
      if (!this.next(inner)) this.fail('unclosed element');
      if (inner.kind === OPEN) depth++;
      else if (inner.kind === CLOSE) depth--;
    }
  }

  /** After an OPEN tag of a text-only element (v, t, f): its decoded text, up to its close tag (CDATA kept). */
  text(t: Tag, maxBytes: number): string {
    if (t.kind !== OPEN) return '';
    const b = this.b;
    let i = this.pos;
    let out = '';
    for (;;) {
      let j = i;
      while (j < this.limit && b[j] !== LT) j++;
      if (j - this.pos > maxBytes) this.fail('text too long');
      if (j >= this.limit) this.fail('unclosed text');
      out += j > i ? decode(b, i, j, this) : '';
      if (startsWithAt(b, j, '<![CDATA[')) {
        let k = j + 9;
        while (k + 2 < this.limit && !(b[k] === 0x5d && b[k + 1] === 0x5d && b[k + 2] === GT)) k++;
        if (k + 2 >= this.limit) this.fail('unterminated CDATA');
        out += utf8.decode(b.subarray(j + 9, k));
        i = k + 3;
        continue;
      }
      if (b[j + 1] === BANG || b[j + 1] === QUESTION) {
        this.pos = j;
        i = this.skipSpecial(j);
        continue;
      }
      this.pos = j;
      const close = newTag();
      this.next(close);
      if (close.kind !== CLOSE) this.fail('element inside text');
      return out;
    }
  }

  /**
   * The raw bytes [start, end) of the text of a text-only element, consumed with its close tag; null (nothing
   * consumed) when the text holds CDATA or a comment: then call text().
   */
  rawText(t: Tag): { start: number; end: number } | null {
    if (t.kind !== OPEN) return { start: t.end, end: t.end };
    const b = this.b;
    let j = this.pos;
    while (j < this.limit && b[j] !== LT) j++;
    if (j >= this.limit) this.fail('unclosed text');
    if (b[j + 1] !== SLASH) return null;
    const start = this.pos;
    this.pos = j;
    const close = newTag();
    this.next(close);
    return { start, end: j };
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

function startsWithAt(b: Uint8Array, at: number, s: string): boolean {
  if (at + s.length > b.length) return false;
  for (let k = 0; k < s.length; k++) if (b[at + k] !== s.charCodeAt(k)) return false;
  return true;
}

function indexOf2(b: Uint8Array, x: number, y: number, from: number, limit: number): number {
  for (let i = from; i + 1 < limit; i++) if (b[i] === x && b[i + 1] === y) return i;
  return -1;
}

/** True when the tag's local name is `n`. */
export function is(b: Uint8Array, t: Tag, n: Uint8Array): boolean {
  if (t.nameEnd - t.local !== n.length) return false;
  for (let k = 0; k < n.length; k++) if (b[t.local + k] !== n[k]) return false;
  return true;
}

/** The tag's local name as a string (for the few places that switch on names). */
export function localName(b: Uint8Array, t: Tag): string {
  let s = '';
  for (let k = t.local; k < t.nameEnd; k++) s += String.fromCharCode(b[k]);
  return s;
}

/** Where the last attribute found ends (set by attrStart). */
export const span = { end: 0 };

/**
 * The start of the value of the attribute named `n` (exactly, prefix included, when `n` has a colon; with
 * `anyPrefix`, by its local name under any prefix), -1 when absent; its end is then in `span.end`. No object made:
 * for the hot loops over cells.
 */
export function attrStart(b: Uint8Array, t: Tag, n: Uint8Array, anyPrefix = false): number {
  let i = t.nameEnd;
  const stop = t.kind === EMPTY ? t.end - 2 : t.end - 1;
  while (i < stop) {
    while (i < stop && isSpace(b[i])) i++;
    const ns = i;
    let local = i;
    while (i < stop && b[i] !== EQ && !isSpace(b[i])) {
      if (b[i] === COLON) local = i + 1;
      i++;
    }
    const ne = i;
    while (i < stop && b[i] !== QUOT && b[i] !== APOS) i++;
    const q = b[i];
    const vs = i + 1;
    i = vs;
    while (i < stop && b[i] !== q) i++;
    const ve = i;
    i++;
    if (ne === ns) break;
    if (anyPrefix && local === ns) continue; // an unprefixed attribute when a prefixed one is wanted
    const from = anyPrefix ? local : ns;
    if (ne - from !== n.length) continue;
    let same = true;
    for (let k = 0; k < n.length && same; k++) same = b[from + k] === n[k];
    if (same) {
      span.end = ve;
      return vs;
    }
  }
  return -1;
}

/** The value bytes [start, end) of an attribute (as attrStart finds it), or null. */
export function attrRange(b: Uint8Array, t: Tag, n: Uint8Array, anyPrefix = false): { start: number; end: number } | null {
  const start = attrStart(b, t, n, anyPrefix);
  return start < 0 ? null : { start, end: span.end };
}

/** The attribute's decoded value, or null. */
export function attr(b: Uint8Array, t: Tag, n: Uint8Array, anyPrefix = false): string | null {
  const r = attrRange(b, t, n, anyPrefix);
  return r === null ? null : decode(b, r.start, r.end, null);
}

/** An attribute as a non-negative integer (digits only), or -1. */
export function attrInt(b: Uint8Array, t: Tag, n: Uint8Array): number {
  const r = attrRange(b, t, n);
  if (r === null || r.end === r.start || r.end - r.start > 15) return -1;
  let v = 0;
  for (let i = r.start; i < r.end; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** An attribute holding an XML boolean: "1"/"true" → true; absent → `dflt`. */
export function attrBool(b: Uint8Array, t: Tag, n: Uint8Array, dflt = false): boolean {
  const r = attrRange(b, t, n);
  if (r === null) return dflt;
  const c = b[r.start];
  return c === 0x31 || c === 0x74; // '1' or 't'
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text or attribute bytes decoded: UTF-8 and the five entities and character references; anything else is damage. */
export function decode(b: Uint8Array, start: number, end: number, scanner: XmlScanner | null): string {
  let ascii = true;
  let amp = -1;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c >= 0x80) ascii = false;
    else if (c === AMP && amp < 0) amp = i;
  }
  if (amp < 0) {
    if (ascii && end - start < 64) {
      let s = '';
      for (let i = start; i < end; i++) s += String.fromCharCode(b[i]);
      return s;
    }
    return utf8.decode(b.subarray(start, end));
  }
  let out = '';
  let i = start;
  while (i < end) {
    let j = i;
    while (j < end && b[j] !== AMP) j++;
    if (j > i) out += utf8.decode(b.subarray(i, j));
    if (j >= end) break;
    let k = j + 1;
    while (k < end && k - j < 12 && b[k] !== 0x3b) k++;
    if (k >= end || b[k] !== 0x3b) {
      if (scanner) scanner.fail('bad entity');
      throw new DamagedPartError('', 'bad entity');
    }
    let ref = '';
    for (let m = j + 1; m < k; m++) ref += String.fromCharCode(b[m]);
    out += entity(ref, scanner);
    i = k + 1;
  }
  return out;
}

function entity(ref: string, scanner: XmlScanner | null): string {
  const named = ENTITIES[ref];
  if (named !== undefined) return named;
  if (ref.charCodeAt(0) === 0x23) {
    const hex = ref[1] === 'x' || ref[1] === 'X';
    const digits = ref.slice(hex ? 2 : 1);
    const code = digits.length > 0 && /^[0-9A-Fa-f]{1,8}$/.test(digits) ? parseInt(digits, hex ? 16 : 10) : NaN;
    if (Number.isInteger(code) && code >= 0 && code <= 0x10ffff && (hex || /^[0-9]+$/.test(digits))) return String.fromCodePoint(code);
  }
  if (scanner) scanner.fail('undefined entity');
  throw new DamagedPartError('', 'undefined entity');
}

/** OOXML's escape of characters XML cannot hold (_x000D_ …), undone; a literal “_x…_” is written _x005F_x…_. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** A number from ASCII bytes (an integer without a string; anything else through Number). NaN when not a number. */
export function parseNumber(b: Uint8Array, start: number, end: number): number {
  let i = start;
  while (i < end && isSpace(b[i])) i++;
  let e = end;
  while (e > i && isSpace(b[e - 1])) e--;
  if (e === i) return NaN;
  if (e - i <= 15) {
    let neg = false;
    let k = i;
    if (b[k] === 0x2d) {
      neg = true;
      k++;
    }
    let v = 0;
    let digits = k < e;
    for (let m = k; m < e && digits; m++) {
      const d = b[m] - 48;
      if (d < 0 || d > 9) digits = false;
      else v = v * 10 + d;
    }
    if (digits) return neg ? -v : v;
  }
  if (e - i > 64) return NaN;
  let s = '';
  for (let m = i; m < e; m++) s += String.fromCharCode(b[m]);
  return Number(s);
}
