import { describe, expect, it } from 'vitest';
import { compileCalendar, isWorkingDay, nthWorkingDayBefore } from '../../shared/calendar';
import { dayFromIso, isoFromDay, weekdayOfDay } from '../../shared/dates';
import { getRuleSet } from '../../shared/index';
import { codes, one } from './helpers';

const rs = getRuleSet('zaozhuang-2023');
const cal = compileCalendar(rs.calendar);
const day = dayFromIso;

// docs/rules.md §5, copied independently of the rule-set data
const HOLIDAYS = [
  '2022-12-31', '2023-01-01', '2023-01-02', '2023-01-21', '2023-01-22', '2023-01-23', '2023-01-24', '2023-01-25',
  '2023-01-26', '2023-01-27', '2023-04-05', '2023-04-29', '2023-04-30', '2023-05-01', '2023-05-02', '2023-05-03',
  '2023-06-22', '2023-06-23', '2023-06-24', '2023-09-29', '2023-09-30', '2023-10-01', '2023-10-02', '2023-10-03',
  '2023-10-04', '2023-10-05', '2023-10-06', '2024-01-01',
];
const WORKDAYS = ['2023-01-28', '2023-01-29', '2023-04-23', '2023-05-06', '2023-06-25', '2023-10-07', '2023-10-08'];

describe('2023 holiday calendar (docs/rules.md §5)', () => {
  it('the rule set carries exactly the holidays and adjusted working days of docs/rules.md', () => {
    expect([...rs.calendar.holidays].sort()).toEqual(HOLIDAYS);
    expect([...rs.calendar.workdays].sort()).toEqual(WORKDAYS);
    expect(rs.calendar.years).toEqual([2023]);
  });

  it.each(HOLIDAYS)('%s is not a working day', (d) => {
    expect(isWorkingDay(day(d), cal)).toBe(false);
  });

  it.each(WORKDAYS)('%s (a weekend) is a working day', (d) => {
    const wd = weekdayOfDay(day(d));
    expect(wd === 0 || wd === 6).toBe(true);
    expect(isWorkingDay(day(d), cal)).toBe(true);
  });

  it('other days follow Monday–Friday', () => {
    let working = 0;
    for (let d = day('2023-01-01'); d <= day('2023-12-31'); d++) if (isWorkingDay(d, cal)) working++;
    // 2023: 260 weekdays − 18 holidays on weekdays + 7 adjusted working days = 249
    const weekdays = Array.from({ length: 365 }, (_, i) => day('2023-01-01') + i).filter((d) => {
      const wd = weekdayOfDay(d);
      return wd !== 0 && wd !== 6;
    }).length;
    const weekdayHolidays = HOLIDAYS.filter((h) => h.startsWith('2023') && ![0, 6].includes(weekdayOfDay(day(h)))).length;
    expect(working).toBe(weekdays - weekdayHolidays + WORKDAYS.length);
    expect(working).toBe(249);
  });
});

describe('deadline of a title applicant: the 5th working day before submission (正文六)', () => {
  it.each([
    ['2023-10-09', '2023-09-26'], // docs/rules.md example: 10-07/10-08 worked, 09-29…10-06 off
    ['2023-10-10', '2023-09-27'],
    ['2023-10-07', '2023-09-22'], // submitted on the adjusted working Saturday
    ['2023-10-08', '2023-09-25'],
    ['2023-09-29', '2023-09-22'], // first day of the holiday
    ['2023-01-03', '2022-12-26'], // New Year incl. 2022-12-31
    ['2023-01-09', '2022-12-30'],
    ['2023-01-30', '2023-01-18'], // Spring Festival, 01-28/01-29 worked
    ['2023-01-29', '2023-01-17'],
    ['2023-02-01', '2023-01-20'],
    ['2023-04-06', '2023-03-29'], // Qingming 04-05
    ['2023-04-07', '2023-03-30'],
    ['2023-04-24', '2023-04-18'], // 04-23 Sunday worked
    ['2023-05-04', '2023-04-24'], // Labour Day 04-29…05-03
    ['2023-05-08', '2023-04-27'], // 05-06 Saturday worked
    ['2023-06-26', '2023-06-16'], // Dragon Boat 06-22…06-24, 06-25 Sunday worked
    ['2023-06-21', '2023-06-14'],
    ['2023-03-15', '2023-03-08'], // an ordinary week
    ['2023-12-31', '2023-12-25'],
  ])('submitted %s → complete by %s', (submitted, deadline) => {
    const r = one({ platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: submitted });
    expect(r.deadline).toBe(deadline);
    expect(codes(r)).toEqual([]);
  });

  it('every 2023 submission date: the deadline is a working day with exactly 5 working days before the submission', () => {
    for (let s = day('2023-01-01'); s <= day('2023-12-31'); s++) {
      const r = one({ titleApplicant: '是', titleSubmissionDate: isoFromDay(s) });
      const d = day(r.deadline);
      expect(isWorkingDay(d, cal)).toBe(true);
      let count = 0;
      for (let x = d; x < s; x++) if (isWorkingDay(x, cal)) count++;
      expect(count, isoFromDay(s)).toBe(5);
      expect(nthWorkingDayBefore(s, 5, cal)).toBe(d);
    }
  });

  it.each([
    ['2024-01-03', '2023-12-26'], // docs/rules.md §5: 2024-01-01 is a holiday, the count goes back into 2023
    ['2024-01-02', '2023-12-25'],
    ['2024-01-05', '2023-12-28'],
    ['2024-01-08', '2023-12-29'],
    ['2024-01-09', '2023-12-31'], // the 5th working day before is 2024-01-02: clamped to the year end
    ['2024-01-10', '2023-12-31'],
    ['2025-06-15', '2023-12-31'],
    ['9999-12-31', '2023-12-31'],
  ])('a submission in the next year or later counts back, never past the year end: %s → %s, no warning', (s, want) => {
    const r = one({ titleApplicant: '是', titleSubmissionDate: s });
    expect(r.deadline).toBe(want);
    expect(codes(r)).toEqual([]);
  });

  it('CALENDAR_UNKNOWN exactly for submissions before 2023-01-01 (weekends only there)', () => {
    const r = one({ titleApplicant: '是', titleSubmissionDate: '2022-06-15' });
    expect(r.deadline).toBe('2022-06-08');
    expect(codes(r)).toEqual(['CALENDAR_UNKNOWN']);
    expect(codes(one({ titleApplicant: '是', titleSubmissionDate: '2022-12-31' }))).toEqual(['CALENDAR_UNKNOWN']);
    expect(codes(one({ titleApplicant: '是', titleSubmissionDate: '2023-01-01' }))).toEqual([]);
    expect(one({ titleApplicant: '是', titleSubmissionDate: '2023-01-01' }).deadline).toBe('2022-12-26');
  });

  it('an applicant without a date: the year end and TITLE_DATE_MISSING', () => {
    const r = one({ titleApplicant: '是' });
    expect(r.deadline).toBe('2023-12-31');
    expect(codes(r)).toEqual(['TITLE_DATE_MISSING']);
  });

  it('a date without titleApplicant = yes does not move the deadline', () => {
    expect(one({ titleSubmissionDate: '2023-10-09' }).deadline).toBe('2023-12-31');
    expect(one({ titleApplicant: '否', titleSubmissionDate: '2023-10-09' }).deadline).toBe('2023-12-31');
  });

  it('Excel serial and Chinese date forms give the same deadline', () => {
    for (const v of [45208, '45208', '2023/10/9', '2023.10.9', '2023年10月9日']) {
      expect(one({ titleApplicant: 'Y', titleSubmissionDate: v }).deadline).toBe('2023-09-26');
    }
  });
});

describe('DEADLINE_PASSED (asOf)', () => {
  const short = { platformPublicHours: 30, platformProfessionalHours: 50, titleApplicant: '是', titleSubmissionDate: '2023-10-09' };
  it('warns when asOf is after the deadline and the row is short', () => {
    expect(codes(one(short, '2023-09-27'))).toEqual(['DEADLINE_PASSED']);
  });
  it('not on the deadline itself', () => {
    expect(codes(one(short, '2023-09-26'))).toEqual([]);
  });
  it('not without asOf', () => {
    expect(codes(one(short))).toEqual([]);
  });
  it('not when compliant', () => {
    expect(codes(one({ ...short, platformProfessionalHours: 60 }, '2024-01-05'))).toEqual([]);
  });
  it('for everyone after the year end', () => {
    expect(codes(one({ platformPublicHours: 10 }, '2024-01-01'))).toEqual(['DEADLINE_PASSED']);
    expect(codes(one({ platformPublicHours: 10 }, '2023-12-31'))).toEqual([]);
  });
});
