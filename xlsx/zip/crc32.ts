// CRC-32 (IEEE, as zip uses it), table-driven, in plain TypeScript for the browser and Node alike.

const TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

/** A running CRC: start with CRC_START, feed chunks with crc32Update, finish with crc32Final. */
export const CRC_START = -1;

export function crc32Update(crc: number, bytes: Uint8Array): number {
  let c = crc;
  for (let i = 0; i < bytes.length; i++) c = TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return c;
}

export const crc32Final = (crc: number): number => (crc ^ -1) >>> 0;

export const crc32 = (bytes: Uint8Array): number => crc32Final(crc32Update(CRC_START, bytes));
