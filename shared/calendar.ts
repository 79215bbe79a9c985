// Working days under a data-driven holiday calendar (State Council schedule with adjusted working days, 调休).
import { dayFromIso, weekdayOfDay, yearOfDay } from './dates';
import type { HolidayCalendar } from './rulesets/types';

/** A holiday calendar precomputed for lookups by day number. */
export type CompiledCalendar = {
  years: ReadonlySet<number>;
  holidays: ReadonlySet<number>;
  workdays: ReadonlySet<number>;
  /** First day of the first known year (submissions before it get CALENDAR_UNKNOWN; +Infinity when none is known). */
  firstKnownDay: number;
  /** First and last day number of the known years when they are contiguous (fast range check), else NaN. */
  knownFrom: number;
  knownTo: number;
};

function daySet(list: readonly string[]): Set<number> {
  const out = new Set<number>();
  for (const s of list) {
    const d = dayFromIso(s);
    if (Number.isNaN(d)) throw new Error(`节假日数据中的日期无效：${s}`);
    out.add(d);
  }
  return out;
}

export function compileCalendar(cal: HolidayCalendar): CompiledCalendar {
  const years = [...cal.years].sort((a, b) => a - b);
  const first = years.length > 0 ? years[0] : 0;
  const last = years.length > 0 ? years[years.length - 1] : -1;
  const contiguous = years.every((y, i) => i === 0 || y === years[i - 1] + 1);
  return {
    years: new Set(years),
    holidays: daySet(cal.holidays),
    workdays: daySet(cal.workdays),
    firstKnownDay: years.length > 0 ? dayFromIso(`${String(first).padStart(4, '0')}-01-01`) : Number.POSITIVE_INFINITY,
    knownFrom: contiguous && years.length > 0 ? dayFromIso(`${String(first).padStart(4, '0')}-01-01`) : NaN,
    knownTo: contiguous && years.length > 0 ? dayFromIso(`${String(last).padStart(4, '0')}-12-31`) : NaN,
  };
}

/** true when the calendar knows the holiday schedule of the day's year. */
export function isKnownDay(day: number, cal: CompiledCalendar): boolean {
  if (day >= cal.knownFrom && day <= cal.knownTo) return true;
  return cal.years.has(yearOfDay(day));
}

/**
 * true for a working day: an adjusted working day (调休上班) is one, a holiday is not, otherwise Monday to Friday.
 * Days of unknown years follow weekends only.
 */
export function isWorkingDay(day: number, cal: CompiledCalendar): boolean {
  if (cal.holidays.has(day)) return false;
  if (cal.workdays.has(day)) return true;
  const wd = weekdayOfDay(day);
  return wd !== 0 && wd !== 6;
}

/** The n-th working day strictly before `day`, counting back from the day before it (n ≥ 1). */
export function nthWorkingDayBefore(day: number, n: number, cal: CompiledCalendar): number {
  let d = day;
  let left = n;
  while (left > 0) {
    d--;
    if (isWorkingDay(d, cal)) left--;
  }
  return d;
}
