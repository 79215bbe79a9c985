// In Node (the command line, the benchmark, the tests): Node's own zlib inflates, compresses and checksums several
// times faster than the JavaScript the browser uses (xlsx/zip/deflate.ts). Imported for its effect.
//
// Each piece of a part is deflated on its own on libuv's thread pool, while the next piece is being written, and
// ended with a sync flush (an empty stored block, not final): raw deflate streams so ended may follow one another,
// and the last piece ends the part (Z_FINISH). What a piece may not do is refer back into the piece before it: 0.4 %
// larger at 1 MB a piece (measured on a 100 MB sheet).
import * as zlib from 'node:zlib';
import { useCrc32, useDeflater, useInflate } from './zip/deflate';

const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;

useDeflater(() => ({
  push: (piece, final) =>
    new Promise<Uint8Array[]>((resolve, reject) =>
      zlib.deflateRaw(piece, { level: 1, finishFlush: final ? Z_FINISH : Z_SYNC_FLUSH }, (e, out) => (e ? reject(e) : resolve([out]))),
    ),
  keepsPieces: true,
}));
// one output buffer of the declared size (and a byte, so that more data than declared is seen, not cut off)
useInflate((raw, size) => zlib.inflateRawSync(raw, { maxOutputLength: size + 1, chunkSize: Math.max(64, size + 1) }));
const nodeCrc = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
if (nodeCrc) useCrc32((data, crc) => nodeCrc(data, crc) >>> 0);
