// In Node (the command line, the benchmark, the tests): Node's own zlib compresses and checksums the result several
// times faster than the JavaScript the browser uses (xlsx/zip/deflate.ts). Imported for its effect.
import * as zlib from 'node:zlib';
import { useCrc32, useDeflate } from './zip/deflate';

useDeflate((data) => zlib.deflateRawSync(data, { level: 1 }));
const nodeCrc = (zlib as { crc32?: (data: Uint8Array) => number }).crc32;
if (nodeCrc) useCrc32((data) => nodeCrc(data) >>> 0);
