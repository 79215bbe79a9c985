// How parts are inflated, compressed and checksummed: fflate and a table CRC (plain JavaScript, the browser's
// default) unless the host gives faster ones (the command line gives Node's zlib: xlsx/node-codec.ts).
//
// A part is compressed as it is made, a piece at a time (part-sink.ts): a Deflater takes consecutive pieces and
// gives the compressed bytes of each, at once or later (Node compresses on its thread pool while the next piece is
// being written), so a 100 MB sheet never exists whole, compressed or not. Level 1: most of a save would go into
// compression otherwise, for a file only about 10 % smaller.
import { Deflate, inflateSync } from 'fflate';
import { CRC_START, crc32Final, crc32Update } from './crc32';

/**
 * Raw deflate of consecutive pieces of one part, `final` on the last: the compressed bytes of each piece, in the
 * order given (a promise when they are made elsewhere). `keepsPieces`: a piece is the deflater's once given (the
 * writer takes a new buffer for the next); otherwise it may be reused as soon as push returns.
 */
export type Deflater = { push(piece: Uint8Array, final: boolean): Uint8Array[] | Promise<Uint8Array[]>; keepsPieces: boolean };

function fflateDeflater(): Deflater {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 1 }, (data) => void out.push(data));
  return {
    push(piece, final) {
      d.push(piece, final);
      return out.splice(0);
    },
    keepsPieces: false,
  };
}

let newDeflater: () => Deflater = fflateDeflater;

export function useDeflater(f: () => Deflater): void {
  newDeflater = f;
}

export const deflater = (): Deflater => newDeflater();

/** A part's raw deflate data inflated into a buffer of its declared size; throws when the data do not inflate. */
export type Inflate = (raw: Uint8Array, size: number) => Uint8Array;

let inflate: Inflate = (raw, size) => inflateSync(raw, { out: new Uint8Array(size) });

export function useInflate(f: Inflate): void {
  inflate = f;
}

export const inflateRaw: Inflate = (raw, size) => inflate(raw, size);

/** CRC-32 of `data` continuing `crc` (the CRC of the bytes before it; 0 to start), as Node's zlib.crc32 counts. */
let crcUpdate: (data: Uint8Array, crc: number) => number = (data, crc) => crc32Final(crc32Update((crc ^ CRC_START) | 0, data));

/** A faster CRC-32 from the host (Node's zlib.crc32), same results. */
export function useCrc32(f: (data: Uint8Array, crc: number) => number): void {
  crcUpdate = f;
}

export const crc32Of = (data: Uint8Array, crc = 0): number => crcUpdate(data, crc);
