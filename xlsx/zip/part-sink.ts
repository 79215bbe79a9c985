// A part of the result as it is written: text (UTF-8 through TextEncoder.encodeInto) and copied bytes go into a
// buffer of fixed size, which is checksummed and handed to the deflater each time it fills. A 100 MB sheet costs a
// few such buffers and its compressed bytes; its XML never exists whole.
//
// Where the deflater works elsewhere (Node's thread pool), the pieces it has not finished are bounded: a writer asks
// `waiting` after a row and, when it is true, awaits `drained()` before writing more.
import { crc32Of, deflater, type Deflater } from './deflate';

/** A part's bytes deflated, with what the zip records about them. */
export type Compressed = { chunks: Uint8Array[]; crc: number; size: number; compressedSize: number };

/** Bytes a piece: large enough that a call per piece costs nothing, small enough to stay in the CPU's caches. */
export const PIECE_BYTES = 1 << 20;
/** Bytes handed to the deflater and not yet compressed, all parts together, before a writer waits. */
const MAX_WAITING = 8 * PIECE_BYTES;
/** UTF-16 units of text gathered before they are encoded. */
const PENDING_CHARS = 1 << 15;

let waitingBytes = 0;
/** Compressions under way, oldest first; each settles (never rejects) when its piece is done. */
const underway: Promise<void>[] = [];
/** Spare piece buffers, given back when their compression is done. */
const spare: Uint8Array[] = [];

const encoder = new TextEncoder();

export class PartSink {
  private buf: Uint8Array;
  private length = 0;
  private size = 0;
  private crc = 0;
  private readonly deflate: Deflater = deflater();
  private readonly results: (Uint8Array[] | Promise<Uint8Array[]>)[] = [];
  private done = false;
  /** Text not yet encoded: short texts (a cell each) are joined and encoded together, one call a few thousand. */
  private pending = '';

  constructor(private readonly pieceBytes = PIECE_BYTES) {
    this.buf = this.newBuffer();
  }

  private newBuffer(): Uint8Array {
    return this.pieceBytes === PIECE_BYTES ? (spare.pop() ?? new Uint8Array(PIECE_BYTES)) : new Uint8Array(Math.max(4096, this.pieceBytes));
  }

  private flush(final: boolean): void {
    const piece = this.buf.subarray(0, this.length);
    this.crc = crc32Of(piece, this.crc);
    this.size += this.length;
    const result = this.deflate.push(piece, final);
    if (result instanceof Promise) {
      const n = piece.length;
      const buffer = this.buf;
      waitingBytes += n;
      const settled = result.then(
        () => undefined,
        () => undefined,
      );
      underway.push(
        settled.then(() => {
          waitingBytes -= n;
          if (buffer.length === PIECE_BYTES && spare.length < 16) spare.push(buffer);
        }),
      );
      this.results.push(result);
    } else this.results.push(result);
    this.length = 0;
    if (!final && this.deflate.keepsPieces) this.buf = this.newBuffer();
  }

  /** True when the deflater is behind: the writer awaits drained() before writing more. */
  get waiting(): boolean {
    return waitingBytes > MAX_WAITING;
  }

  async drained(): Promise<void> {
    while (waitingBytes > MAX_WAITING && underway.length > 0) await underway.shift();
  }

  /** Our text, UTF-8 (texts are joined, then encoded: a lone surrogate of the joined text becomes U+FFFD, TextEncoder's rule). */
  text(s: string): void {
    this.pending += s;
    if (this.pending.length >= PENDING_CHARS) this.encodePending();
  }

  private encodePending(): void {
    if (this.pending === '') return;
    let rest = this.pending;
    this.pending = '';
    for (;;) {
      // 3 bytes a UTF-16 unit at most: when that fits, no partial write is possible
      if (this.length + rest.length * 3 <= this.buf.length) {
        this.length += encoder.encodeInto(rest, this.buf.subarray(this.length)).written;
        return;
      }
      const { read, written } = encoder.encodeInto(rest, this.buf.subarray(this.length));
      this.length += written;
      if (read === rest.length) return;
      rest = rest.slice(read);
      this.flush(false);
    }
  }

  /**
   * ASCII text (markup, references, numbers) straight into the buffer: no string joined, none encoded. Text that
   * may hold other characters goes through text().
   */
  ascii(s: string): void {
    if (this.pending !== '') this.encodePending();
    const n = s.length;
    if (this.length + n > this.buf.length) {
      if (n > this.buf.length >> 1) return this.textNow(s);
      this.flush(false);
    }
    const buf = this.buf;
    const at = this.length;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      // not ASCII after all (a namespace prefix may be any letters): encoded as text
      if (c > 0x7f) return this.textNow(s);
      buf[at + i] = c;
    }
    this.length = at + n;
  }

  private textNow(s: string): void {
    this.text(s);
    this.encodePending();
  }

  /** A whole number from 0 to 2^31 − 1, in decimal. */
  uint(v: number): void {
    if (this.pending !== '') this.encodePending();
    if (this.length + 10 > this.buf.length) this.flush(false);
    const buf = this.buf;
    let digits = 1;
    for (let x = v; x >= 10; x = (x / 10) | 0) digits++;
    let at = this.length + digits;
    this.length = at;
    let x = v | 0;
    do {
      buf[--at] = 0x30 + (x % 10);
      x = (x / 10) | 0;
    } while (x > 0);
  }

  /** Copies src[start, end). */
  copy(src: Uint8Array, start: number, end: number): void {
    this.encodePending();
    let from = start;
    if (end - from < 64 && this.length + (end - from) < this.buf.length) {
      // a few bytes (the clerk's cells between ours): copied one by one, no view made
      const buf = this.buf;
      let at = this.length;
      while (from < end) buf[at++] = src[from++];
      this.length = at;
      return;
    }
    while (from < end) {
      const n = Math.min(end - from, this.buf.length - this.length);
      this.buf.set(src.subarray(from, from + n), this.length);
      this.length += n;
      from += n;
      if (this.length === this.buf.length) this.flush(false);
    }
  }

  bytes(b: Uint8Array): void {
    this.copy(b, 0, b.length);
  }

  /** The part, compressed; the sink is not used afterwards. May be awaited later (a failure is not unhandled). */
  finish(): Promise<Compressed> {
    if (this.done) throw new Error('内部错误：部件已写完');
    this.done = true;
    this.encodePending();
    this.flush(true);
    const compressed = this.collect();
    compressed.catch(() => undefined);
    return compressed;
  }

  private async collect(): Promise<Compressed> {
    const chunks: Uint8Array[] = [];
    for (const r of this.results) for (const c of await r) chunks.push(c);
    this.results.length = 0;
    return { chunks, crc: this.crc, size: this.size, compressedSize: chunks.reduce((n, c) => n + c.length, 0) };
  }
}

/** A small part made whole (workbook.xml, a table, the chart …), compressed. */
export function compress(pieces: Iterable<Uint8Array>): Promise<Compressed> {
  const list = [...pieces];
  const sink = new PartSink(Math.min(PIECE_BYTES, list.reduce((n, p) => n + p.length, 0)));
  for (const p of list) sink.bytes(p);
  return sink.finish();
}
