// A growable UTF-8 buffer that JSON is written into piece by piece: the compact answer's rows go straight from the
// engine's columns to bytes (shared/compact-json.ts), without a string or an object per row. ASCII pieces (names of
// fields, brackets, numbers) are written byte by byte; anything else goes through TextEncoder.

const encoder = new TextEncoder();

export type JsonWriter = { buf: Uint8Array<ArrayBuffer>; at: number };

export function newJsonWriter(capacity: number): JsonWriter {
  return { buf: new Uint8Array(Math.max(64, capacity)), at: 0 };
}

/** Room for `n` more bytes: after it, up to `n` bytes may be put without checks (putByte, putBytes, putNumber). */
export function reserve(w: JsonWriter, n: number): void {
  if (w.at + n <= w.buf.length) return;
  let size = w.buf.length * 2;
  while (size < w.at + n) size *= 2;
  const bigger = new Uint8Array(size);
  bigger.set(w.buf.subarray(0, w.at));
  w.buf = bigger;
}

/** The bytes of an ASCII text, to write again and again with writeBytes. */
export function asciiBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x7f) throw new Error(`asciiBytes: not ASCII: ${text}`);
    out[i] = c;
  }
  return out;
}

export function writeByte(w: JsonWriter, c: number): void {
  if (w.at === w.buf.length) reserve(w, 1);
  w.buf[w.at++] = c;
}

/** A byte, in room made by reserve. */
export function putByte(w: JsonWriter, c: number): void {
  w.buf[w.at++] = c;
}

/** Bytes, in room made by reserve. */
export function putBytes(w: JsonWriter, bytes: Uint8Array): void {
  const n = bytes.length;
  const buf = w.buf;
  let at = w.at;
  // short pieces: a loop is cheaper than set()
  for (let i = 0; i < n; i++) buf[at++] = bytes[i];
  w.at = at;
}

/** The most bytes putNumber writes (Number's toString is at most 24 characters, or `null`). */
export const MAX_NUMBER_BYTES = 24;

/** Any text, as UTF-8. */
export function writeText(w: JsonWriter, text: string): void {
  // UTF-8 needs at most 3 bytes per UTF-16 code unit
  reserve(w, text.length * 3);
  w.at += encoder.encodeInto(text, w.buf.subarray(w.at)).written;
}

/** An ASCII text (digits, YYYY-MM-DD, field names), without TextEncoder. */
export function writeAscii(w: JsonWriter, text: string): void {
  const n = text.length;
  reserve(w, n);
  const buf = w.buf;
  let at = w.at;
  for (let i = 0; i < n; i++) buf[at++] = text.charCodeAt(i);
  w.at = at;
}

const MINUS = 0x2d;
const ZERO = 0x30;
const DOT = 0x2e;
const FIVE = 0x35;

function putDigits(w: JsonWriter, n: number): void {
  // n: a non-negative integer below 2^31
  if (n < 10) {
    w.buf[w.at++] = ZERO + n;
    return;
  }
  let digits = 0;
  for (let x = n; x > 0; x = (x / 10) | 0) digits++;
  let at = w.at + digits;
  w.at = at;
  for (let x = n; x > 0; x = (x / 10) | 0) w.buf[--at] = ZERO + (x % 10);
}

/**
 * A number as JSON.stringify writes it, in room made by reserve (MAX_NUMBER_BYTES): whole and half numbers below
 * 2^30 by hand (every hour on a roster), any other through Number's own toString; NaN and ±Infinity as null.
 */
export function putNumber(w: JsonWriter, n: number): void {
  const twice = n * 2;
  if ((twice | 0) === twice && twice > -0x7fffffff && twice < 0x7fffffff) {
    // -0 is written 0, as JSON.stringify does
    const abs = twice < 0 ? -twice : twice;
    if (twice < 0) w.buf[w.at++] = MINUS;
    putDigits(w, abs >> 1);
    if ((abs & 1) === 1) {
      w.buf[w.at++] = DOT;
      w.buf[w.at++] = FIVE;
    }
    return;
  }
  const text = Number.isFinite(n) ? String(n) : 'null';
  const buf = w.buf;
  let at = w.at;
  for (let i = 0; i < text.length; i++) buf[at++] = text.charCodeAt(i);
  w.at = at;
}

/** A JSON string of an ASCII text that needs no escaping (a YYYY-MM-DD date). */
export function writeAsciiString(w: JsonWriter, text: string): void {
  writeByte(w, 0x22);
  writeAscii(w, text);
  writeByte(w, 0x22);
}

/** The bytes written so far (a view of the buffer, not a copy). */
export function written(w: JsonWriter): Uint8Array<ArrayBuffer> {
  return w.buf.subarray(0, w.at);
}
