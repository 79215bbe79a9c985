// The local clock as text, for the 核对日期 default and the 生成时间 stamps (shared/dates.ts has no Date objects).

const pad = (n: number): string => String(n).padStart(2, '0');

/** A date as YYYY-MM-DD in the user's local time zone (today by default: the asOf used unless told otherwise). */
export function localIsoDate(d: Date = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A time as "YYYY-MM-DD HH:MM" in the local time zone (the 生成时间 on the sheets the add-in makes). */
export function localDateTime(d: Date = new Date()): string {
  return `${localIsoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
