// A zip written as a list of byte chunks: parts copied from the input package as they are (compressed bytes, CRC
// and sizes unchanged), and new parts compressed as they were made (part-sink.ts). Local headers carry sizes (no
// data descriptors); no zip64.
import type { Compressed } from './part-sink';
import { DEFLATED, dataRange, type ZipArchive, type ZipEntry } from './zip-read';

export type { Compressed };

const UTF8_NAMES = 0x0800;
const MAX_ZIP32 = 0xffffffff;

type Written = { nameBytes: Uint8Array; flags: number; method: number; time: number; date: number; crc: number; compressedSize: number; size: number; offset: number };

export class ZipOverflowError extends Error {
  override readonly name = 'ZipOverflowError';
}

export class ZipWriter {
  readonly chunks: Uint8Array[] = [];
  private offset = 0;
  private readonly written: Written[] = [];
  private readonly encoder = new TextEncoder();
  private readonly now = dosTime(new Date());

  /** Copies an entry of `zip` byte for byte. */
  copy(zip: ZipArchive, e: ZipEntry): void {
    const { start, end } = dataRange(zip, e);
    this.add({ nameBytes: e.nameBytes, flags: e.flags & ~0x0008 & (UTF8_NAMES | 0x0006), method: e.method, time: e.time, date: e.date, crc: e.crc, compressedSize: e.compressedSize, size: e.size, offset: 0 }, [zip.bytes.subarray(start, end)]);
  }

  /** Adds a part compressed earlier (so that its uncompressed bytes could be let go). */
  addCompressed(name: string, c: Compressed): void {
    this.add({ nameBytes: this.encoder.encode(name), flags: UTF8_NAMES, method: DEFLATED, time: this.now.time, date: this.now.date, crc: c.crc, compressedSize: c.compressedSize, size: c.size, offset: 0 }, c.chunks);
  }

  private add(w: Written, data: Uint8Array[]): void {
    if (w.size > MAX_ZIP32 || w.compressedSize > MAX_ZIP32 || this.offset > MAX_ZIP32) throw new ZipOverflowError('结果文件超过 4 GB');
    w.offset = this.offset;
    const h = new Uint8Array(30 + w.nameBytes.length);
    const v = new DataView(h.buffer);
    v.setUint32(0, 0x04034b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, w.flags, true);
    v.setUint16(8, w.method, true);
    v.setUint16(10, w.time, true);
    v.setUint16(12, w.date, true);
    v.setUint32(14, w.crc, true);
    v.setUint32(18, w.compressedSize, true);
    v.setUint32(22, w.size, true);
    v.setUint16(26, w.nameBytes.length, true);
    h.set(w.nameBytes, 30);
    this.push(h);
    for (const d of data) this.push(d);
    this.written.push(w);
  }

  private push(b: Uint8Array): void {
    this.chunks.push(b);
    this.offset += b.length;
  }

  /** Writes the central directory; the chunks are then the whole file. */
  finish(): Uint8Array[] {
    const start = this.offset;
    for (const w of this.written) {
      const c = new Uint8Array(46 + w.nameBytes.length);
      const v = new DataView(c.buffer);
      v.setUint32(0, 0x02014b50, true);
      v.setUint16(4, 20, true);
      v.setUint16(6, 20, true);
      v.setUint16(8, w.flags, true);
      v.setUint16(10, w.method, true);
      v.setUint16(12, w.time, true);
      v.setUint16(14, w.date, true);
      v.setUint32(16, w.crc, true);
      v.setUint32(20, w.compressedSize, true);
      v.setUint32(24, w.size, true);
      v.setUint16(28, w.nameBytes.length, true);
      v.setUint32(42, w.offset, true);
      c.set(w.nameBytes, 46);
      this.push(c);
    }
    const size = this.offset - start;
    if (this.written.length > 0xfffe || this.offset > MAX_ZIP32) throw new ZipOverflowError('结果文件太大');
    const e = new Uint8Array(22);
    const v = new DataView(e.buffer);
    v.setUint32(0, 0x06054b50, true);
    v.setUint16(8, this.written.length, true);
    v.setUint16(10, this.written.length, true);
    v.setUint32(12, size, true);
    v.setUint32(16, start, true);
    this.push(e);
    return this.chunks;
  }
}

function dosTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

/** The chunks as one buffer (for callers that need one). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
