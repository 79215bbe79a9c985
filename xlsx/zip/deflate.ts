// How new parts are compressed: fflate (plain JavaScript, the browser's default) unless the host gives a faster
// raw deflate (the command line gives Node's zlib). Level 1: most of a save would go into compression otherwise,
// for a file only about 10 % smaller.
import { deflateSync } from 'fflate';
import { crc32 as jsCrc32 } from './crc32';

export type RawDeflate = (data: Uint8Array) => Uint8Array;

let deflate: RawDeflate = (data) => deflateSync(data, { level: 1 });

export function useDeflate(f: RawDeflate): void {
  deflate = f;
}

export const deflateRaw = (data: Uint8Array): Uint8Array => deflate(data);

let crc: (data: Uint8Array) => number = jsCrc32;

/** A faster CRC-32 from the host (Node's zlib.crc32), same results. */
export function useCrc32(f: (data: Uint8Array) => number): void {
  crc = f;
}

export const crc32Of = (data: Uint8Array): number => crc(data);
