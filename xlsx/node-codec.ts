// In Node (the command line, the benchmark, the tests): Node's own zlib inflates, compresses and checksums several
// times faster than the JavaScript the browser uses (xlsx/zip/deflate.ts). Imported for its effect.
//
// Each piece of a part is deflated on its own on libuv's thread pool, while the next piece is being written, and
// ended with a sync flush (an empty stored block, not final): raw deflate streams so ended may follow one another,
// and the last piece ends the part (Z_FINISH). What a piece may not do is refer back into the piece before it: 0.4 %
// larger at 1 MB a piece (measured on a 100 MB sheet).
import { availableParallelism } from 'node:os';
import * as zlib from 'node:zlib';
import { useCrc32, useDeflater, useInflate } from './zip/deflate';

const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;
/**
 * Output buffer of one deflate call: a piece's compressed bytes in one go (XML deflates to a fifth or less), so that
 * the main thread hears back once a piece, not once per 16 KB (zlib's default, measured at a third of a second of
 * the main thread's time on 100,000 rows).
 */
const OUT_CHUNK = 256 * 1024;

/**
 * Deflates running at once: one core fewer than the machine has (at least one), so that the thread writing the XML
 * — the slowest part of a save — always has a core of its own rather than sharing one with several deflates.
 */
const SLOTS = Math.max(1, availableParallelism() - 1);
let running = 0;
const queued: (() => void)[] = [];

function deflatePiece(piece: Uint8Array, final: boolean): Promise<Uint8Array[]> {
  return new Promise<Uint8Array[]>((resolve, reject) => {
    const start = (): void => {
      running++;
      zlib.deflateRaw(piece, { level: 1, finishFlush: final ? Z_FINISH : Z_SYNC_FLUSH, chunkSize: OUT_CHUNK }, (e, out) => {
        running--;
        queued.shift()?.();
        if (e) reject(e);
        else resolve([out]);
      });
    };
    if (running < SLOTS) start();
    else queued.push(start);
  });
}

useDeflater(() => ({ push: deflatePiece, keepsPieces: true }));
// one output buffer of the declared size (and a byte, so that more data than declared is seen, not cut off)
useInflate((raw, size) => zlib.inflateRawSync(raw, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) }));
const nodeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (nodeCrc) useCrc32((data, crc) => nodeCrc(data, crc) >>> 0);
