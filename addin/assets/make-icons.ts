/// <reference types="node" />
// Draws the add-in's icons (a white check mark and hour bars on Office blue) as PNGs, with no image library.
// Run: `npx tsx addin/assets/make-icons.ts` (the PNGs are committed; the build copies them to dist/assets/).
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf: Buffer): number {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Encodes RGBA pixels (row-major, 4 bytes each) as a PNG. */
export function encodePng(size: number, rgba: Uint8Array): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

function segDist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

function roundRectDist(px: number, py: number, half: number, r: number): number {
  const qx = Math.abs(px) - (half - r);
  const qy = Math.abs(py) - (half - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

/** The icon in unit coordinates (0..1): rounded blue square, three white hour bars, a white check mark. */
export function drawIcon(size: number): Uint8Array {
  const px = new Uint8Array(size * size * 4);
  const blue = [15, 108, 189];
  const ss = 4;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0;
      let fg = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const u = (x + (sx + 0.5) / ss) / size;
          const v = (y + (sy + 0.5) / ss) / size;
          if (roundRectDist(u - 0.5, v - 0.5, 0.5, 0.16) <= 0) bg++;
          const bars = [0.27, 0.42, 0.57].some((by, i) => v >= by - 0.045 && v <= by + 0.045 && u >= 0.2 && u <= 0.2 + [0.6, 0.45, 0.3][i]);
          const check = Math.min(segDist(u, v, 0.5, 0.7, 0.6, 0.8), segDist(u, v, 0.6, 0.8, 0.82, 0.56)) <= 0.055;
          if (bars || check) fg++;
        }
      }
      const a = bg / (ss * ss);
      const f = Math.min(fg / (ss * ss), a);
      const i = (y * size + x) * 4;
      for (let c = 0; c < 3; c++) px[i + c] = Math.round(a > 0 ? (blue[c] * (a - f) + 255 * f) / a : 0);
      px[i + 3] = Math.round(a * 255);
    }
  }
  return px;
}

const invoked = process.argv[1] ?? '';
if (invoked.endsWith('make-icons.ts')) {
  const dir = new URL('.', import.meta.url);
  for (const size of ICON_SIZES) writeFileSync(new URL(`icon-${size}.png`, dir), encodePng(size, drawIcon(size)));
  console.log(`icons written: ${ICON_SIZES.map((s) => `icon-${s}.png`).join(', ')}`);
}
