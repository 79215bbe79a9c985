/** A number as shown in messages and sheet cells: rounded to 2 decimals, no trailing zeros. */
export function round2(n: number): number {
  // from 2^52 up every double is a whole number already, and n * 100 would overflow to Infinity above ~1.8e306
  if (!(Math.abs(n) < 2 ** 52)) return n;
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}

export function fmt(n: number): string {
  return String(round2(n));
}
