/** An address without its trailing slashes, in one backward scan (a regex like /\/+$/ is quadratic on a long run of slashes). */
export function trimTrailingSlashes(address: string): string {
  let end = address.length;
  while (end > 0 && address.charCodeAt(end - 1) === 0x2f) end--;
  return address.slice(0, end);
}
