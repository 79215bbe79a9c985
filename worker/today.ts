// Today's date in China (UTC+8), the default `asOf` of an evaluate request.
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export function todayInChina(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
