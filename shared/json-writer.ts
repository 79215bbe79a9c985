// A growable UTF-8 buffer that JSON is written into piece by piece: the compact answer's rows go straight from the
// engine's columns to bytes (shared/compact-json.ts), without a string or an object per row. ASCII pieces (names of
// fields, brackets, numbers) are written byte by byte; anything else goes through TextEncoder.

const encoder = new TextEncoder();

export type JsonWriter = { buf: Uint8Array<ArrayBuffer>; at: number };

export function newJsonWriter(capacity: number): JsonWriter {
  return { buf: new Uint8Array(Math.max(64, capacity)), at: 0 };
}

/** Room for `n` more bytes. */
function reserve(w: JsonWriter, n: number): void {
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

export function writeBytes(w: JsonWriter, bytes: Uint8Array): void {
  const n = bytes.length;
  reserve(w, n);
  const buf = w.buf;
  let at = w.at;
  // short pieces: a loop is cheaper than set()
  for (let i = 0; i < n; i++) buf[at++] = bytes[i];
  w.at = at;
}

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

function writeDigits(w: JsonWriter, n: number): void {
  // n: a non-negative integer below 2^31
  if (n < 10) {
    writeByte(w, ZERO + n);
    return;
  }
  let digits = 0;
  for (let x = n; x > 0; x = (x / 10) | 0) digits++;
  reserve(w, digits);
  let at = w.at + digits;
  w.at = at;
  for (let x = n; x > 0; x = (x / 10) | 0) w.buf[--at] = ZERO + (x % 10);
}

/**
 * A number as JSON.stringify writes it: whole and half numbers below 2^30 by hand (every hour on a roster), any other
 * through Number's own toString; NaN and ±Infinity as null.
 */
export function writeNumber(w: JsonWriter, n: number): void {
  const twice = n * 2;
  if ((twice | 0) === twice && twice > -0x7fffffff && twice < 0x7fffffff) {
    // -0 is written 0, as JSON.stringify does
    const abs = twice < 0 ? -twice : twice;
    if (twice < 0) writeByte(w, MINUS);
    writeDigits(w, abs >> 1);
    if ((abs & 1) === 1) {
      writeByte(w, DOT);
      writeByte(w, FIVE);
    }
    return;
  }
  writeAscii(w, Number.isFinite(n) ? String(n) : 'null');
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
