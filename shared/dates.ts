// Calendar arithmetic on day numbers (days since 1970-01-01, UTC, proleptic Gregorian). No Date objects, no time zone.

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Year of a day number. */
export function yearOfDay(day: number): number {
  return civilFromDay(day)[0];
}

/** [year, month, day] of a day number. */
export function civilFromDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOfDay(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Day number of a valid civil date, or NaN. */
export function dayFromParts(y: number, m: number, d: number): number {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return NaN;
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  return dayFromCivil(y, m, d);
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** YYYY-MM-DD of a day number. */
export function isoFromDay(day: number): string {
  const [y, m, d] = civilFromDay(day);
  return String(y).padStart(4, '0') + '-' + pad2(m) + '-' + pad2(d);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number of a strict YYYY-MM-DD string, or NaN. */
export function dayFromIso(s: string): number {
  const m = ISO_DATE.exec(s);
  if (m === null) return NaN;
  return dayFromParts(+m[1], +m[2], +m[3]);
}

/** true for a valid YYYY-MM-DD calendar date (2023-02-29 is not). */
export function isIsoDate(s: string): boolean {
  return typeof s === 'string' && !Number.isNaN(dayFromIso(s));
}
