/** A number as shown in messages and sheet cells: rounded to 2 decimals, no trailing zeros. */
export function round2(n: number): number {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? 0 : r;
}

export function fmt(n: number): string {
  return String(round2(n));
}
