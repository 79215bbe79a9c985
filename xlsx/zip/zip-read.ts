// The entries of a zip (an .xlsx package), from its central directory only, and one entry's bytes inflated into a
// buffer of its declared size (never more), its CRC checked. Sizes are checked before anything is inflated.
import { DamagedPartError } from '../errors';
import { XLSX_LIMITS } from '../limits';
import { crc32Of, inflateRaw } from './deflate';

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;
export const STORED = 0;
export const DEFLATED = 8;

export type ZipEntry = {
  name: string;
  /** The name's bytes as stored (copied as they are). */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  /** DOS time and date as stored. */
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

/** Why the bytes are not a zip we read: said to the clerk by the caller. */
export type ZipProblem = 'not-zip' | 'zip64' | 'damaged' | 'too-many-entries' | 'encrypted-entry';

export class ZipFormatError extends Error {
  override readonly name = 'ZipFormatError';
  constructor(readonly problem: ZipProblem, detail = '') {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
  }
}

export type ZipArchive = { bytes: Uint8Array; entries: ZipEntry[]; byName: Map<string, ZipEntry> };

/** Reads the central directory. Throws ZipFormatError. */
export function readZip(bytes: Uint8Array): ZipArchive {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, bytes.length - EOCD_MIN - MAX_COMMENT);
  let eocd = -1;
  for (let i = bytes.length - EOCD_MIN; i >= stop; i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('not-zip', 'no end of central directory');
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new ZipFormatError('zip64');
  if (count > XLSX_LIMITS.maxEntries) throw new ZipFormatError('too-many-entries', String(count));
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  const byName = new Map<string, ZipEntry>();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipFormatError('damaged', 'central directory');
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.length) throw new ZipFormatError('damaged', 'name');
    const nameBytes = bytes.subarray(at + 46, at + 46 + nameLength);
    const entry: ZipEntry = {
      name: decoder.decode(nameBytes),
      nameBytes,
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      time: view.getUint16(at + 12, true),
      date: view.getUint16(at + 14, true),
      crc: view.getUint32(at + 16, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new ZipFormatError('zip64');
    if (entry.flags & 1) throw new ZipFormatError('encrypted-entry', entry.name);
    entries.push(entry);
    // Part names are case-insensitive in OPC; the first of two spellings wins.
    const key = entry.name.toLowerCase();
    if (!byName.has(key)) byName.set(key, entry);
    at += 46 + nameLength + extra + comment;
  }
  return { bytes, entries, byName };
}

export function findEntry(zip: ZipArchive, name: string): ZipEntry | undefined {
  return zip.byName.get(name.replace(/^\/+/, '').toLowerCase());
}

/** Where an entry's compressed bytes are (after its local header). */
export function dataRange(zip: ZipArchive, e: ZipEntry): { start: number; end: number } {
  const view = new DataView(zip.bytes.buffer, zip.bytes.byteOffset, zip.bytes.byteLength);
  const h = e.localOffset;
  if (h + 30 > zip.bytes.length || view.getUint32(h, true) !== LOCAL) throw new DamagedPartError(e.name, 'local header');
  const start = h + 30 + view.getUint16(h + 26, true) + view.getUint16(h + 28, true);
  const end = start + e.compressedSize;
  if (end > zip.bytes.length) throw new DamagedPartError(e.name, 'truncated');
  return { start, end };
}

/** The entry's bytes, inflated into exactly its declared size; throws DamagedPartError when they do not match. */
export function inflateEntry(zip: ZipArchive, e: ZipEntry): Uint8Array {
  if (e.size > XLSX_LIMITS.maxPartBytes) throw new DamagedPartError(e.name, 'too large');
  if (e.compressedSize > 0 && e.size / e.compressedSize > XLSX_LIMITS.maxRatio) throw new DamagedPartError(e.name, 'ratio');
  const { start, end } = dataRange(zip, e);
  const raw = zip.bytes.subarray(start, end);
  let out: Uint8Array;
  if (e.method === STORED) {
    if (raw.length !== e.size) throw new DamagedPartError(e.name, 'size');
    out = raw;
  } else if (e.method === DEFLATED) {
    try {
      out = inflateRaw(raw, e.size);
    } catch {
      throw new DamagedPartError(e.name, 'inflate');
    }
    if (out.length !== e.size) throw new DamagedPartError(e.name, 'size');
  } else {
    throw new DamagedPartError(e.name, `method ${e.method}`);
  }
  if (crc32Of(out) !== e.crc) throw new DamagedPartError(e.name, 'crc');
  return out;
}
