// A growable UTF-8 buffer that JSON is written into piece by piece: the compact answer's rows go straight from the
// engine's columns to bytes (shared/compact-json.ts), without a string or an object per row. Brackets, commas and
// numbers are put byte by byte; pieces written again and again (field names, kept breakdown items) are copied four
// bytes at a time through DataViews (putPiece, putWords: a loop of single bytes was a third of the compact rows' time
// in a CPU profile); anything else goes through TextEncoder.
//
// The put functions take the buffer and a position and return the position after what they put: a writer keeps both
// in local variables through a row (measured with `npm run bench`: reading and writing `w.at` on an object for every
// byte made the compact rows about twice as slow), and makes room once per row (reserve).

const encoder = new TextEncoder();

/** `view` sees the same bytes as `buf` (for putWords), also after reserve gave it a bigger buffer. */
export type JsonWriter = { buf: Uint8Array<ArrayBuffer>; view: DataView; at: number };

export function newJsonWriter(capacity: number): JsonWriter {
  const buf = new Uint8Array(Math.max(64, capacity));
  return { buf, view: new DataView(buf.buffer), at: 0 };
}

/** Room for `n` more bytes after `w.at`: after it, up to `n` bytes may be put into `w.buf` without checks. */
export function reserve(w: JsonWriter, n: number): void {
  if (w.at + n <= w.buf.length) return;
  let size = w.buf.length * 2;
  while (size < w.at + n) size *= 2;
  const bigger = new Uint8Array(size);
  bigger.set(w.buf.subarray(0, w.at));
  w.buf = bigger;
  w.view = new DataView(bigger.buffer);
}

/** Bytes copied by putWords: `length` of them, readable in whole words (`words` is padded to a multiple of 4). */
export type Piece = { words: DataView; length: number };

/** The bytes of an ASCII text as a Piece. */
export function asciiPiece(text: string): Piece {
  const bytes = new Uint8Array((text.length + 3) & ~3);
  bytes.set(asciiBytes(text));
  return { words: new DataView(bytes.buffer), length: text.length };
}

/**
 * `n` bytes of `src` from `from` put at `at` of `dst` (a writer's view), four at a time; returns the position after
 * them. Up to 3 bytes after them are written too: they must lie in room made by reserve (what is put next overwrites
 * them), and `src` must have 3 bytes to read after its `n`.
 */
export function putWords(dst: DataView, at: number, src: DataView, from: number, n: number): number {
  for (let k = 0; k < n; k += 4) dst.setUint32(at + k, src.getUint32(from + k, true), true);
  return at + n;
}

/** A Piece at `at` of a writer's view (putWords: in room made by reserve); returns the position after it. */
export function putPiece(dst: DataView, at: number, piece: Piece): number {
  return putWords(dst, at, piece.words, 0, piece.length);
}

/** The bytes of an ASCII text (asciiPiece). */
function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) throw new Error(`asciiBytes: not ASCII: ${text}`);
    out[i] = c;
  }
  return out;
}

/** The most bytes putNumber writes (Number's toString is at most 24 characters, or `null`). */
export const MAX_NUMBER_BYTES = 24;

/** Any text, as UTF-8, at `w.at`. */
export function writeText(w: JsonWriter, text: string): void {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit
  reserve(w, text.length * 3);
  w.at += encoder.encodeInto(text, w.buf.subarray(w.at)).written;
}

const MINUS = 0x2d;
const ZERO = 0x30;
const DOT = 0x2e;
const FIVE = 0x35;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A non-negative integer below 2^31. */
function putDigits(buf: Uint8Array, at: number, n: number): number {
  if (n < 10) {
    buf[at] = ZERO + n;
    return at + 1;
  }
  let digits = 0;
  for (let x = n; x > 0; x = (x / 10) | 0) digits++;
  const end = at + digits;
  for (let x = n, k = end; x > 0; x = (x / 10) | 0) buf[--k] = ZERO + (x % 10);
  return end;
}

/**
 * A number as JSON.stringify writes it, in room made by reserve (MAX_NUMBER_BYTES): whole and half numbers below
 * 2^30 by hand (every hour on a roster), any other through Number's own toString; NaN and ±Infinity as null.
 */
export function putNumber(buf: Uint8Array, at: number, n: number): number {
  const twice = n * 2;
  if ((twice | 0) === twice && twice > -0x7fffffff && twice < 0x7fffffff) {
    // -0 is written 0, as JSON.stringify does
    const abs = twice < 0 ? -twice : twice;
    if (twice < 0) buf[at++] = MINUS;
    at = putDigits(buf, at, abs >> 1);
    if ((abs & 1) === 1) {
      buf[at++] = DOT;
      buf[at++] = FIVE;
    }
    return at;
  }
  const text = numberText(n);
  for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
  return at;
}

/**
 * Number's own toString of any other number (NaN and ±Infinity: `null`), kept: printing a fraction (a rate, an average)
 * cost about eight times a lookup, and a roster's summaries repeat theirs from call to call. At most MAX_KEPT_NUMBERS.
 */
const keptNumbers = new Map<number, string>();
const MAX_KEPT_NUMBERS = 4096;
function numberText(n: number): string {
  if (!Number.isFinite(n)) return 'null';
  let text = keptNumbers.get(n);
  if (text === undefined) {
    text = String(n);
    if (keptNumbers.size < MAX_KEPT_NUMBERS) keptNumbers.set(n, text);
  }
  return text;
}

/**
 * A text as a JSON string (JSON.stringify's) in UTF-8 at `at`, in room made by reserve (3 bytes a code unit and 2 more),
 * when nothing in it needs escaping; else −1 (a quote, a backslash, a control character or half of a surrogate pair:
 * the caller writes JSON.stringify's text). Linear in the text's length.
 */
export function putJsonString(buf: Uint8Array, at: number, text: string): number {
  buf[at++] = QUOTE;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === QUOTE || c === BACKSLASH) return -1;
      buf[at++] = c;
    } else if (c < 0x800) {
      buf[at++] = 0xc0 | (c >> 6);
      buf[at++] = 0x80 | (c & 0x3f);
    } else if (c >= 0xd800 && c <= 0xdfff) {
      // a surrogate pair: 4 bytes of UTF-8 (fewer than its two code units' room)
      const d = text.charCodeAt(i + 1);
      if (c > 0xdbff || !(d >= 0xdc00 && d <= 0xdfff)) return -1;
      const u = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
      buf[at++] = 0xf0 | (u >> 18);
      buf[at++] = 0x80 | ((u >> 12) & 0x3f);
      buf[at++] = 0x80 | ((u >> 6) & 0x3f);
      buf[at++] = 0x80 | (u & 0x3f);
      i++;
    } else {
      buf[at++] = 0xe0 | (c >> 12);
      buf[at++] = 0x80 | ((c >> 6) & 0x3f);
      buf[at++] = 0x80 | (c & 0x3f);
    }
  }
  buf[at++] = QUOTE;
  return at;
}

/** A JSON string of an ASCII text that needs no escaping (a YYYY-MM-DD date), in room made by reserve. */
export function putAsciiString(buf: Uint8Array, at: number, text: string): number {
  buf[at++] = QUOTE;
  for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
  buf[at++] = QUOTE;
  return at;
}

/** The bytes written so far (a view of the buffer, not a copy). */
export function written(w: JsonWriter): Uint8Array<ArrayBuffer> {
  return w.buf.subarray(0, w.at);
}
