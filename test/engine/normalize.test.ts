import { describe, expect, it } from 'vitest';
import { dayFromIso, isIsoDate, isoFromDay } from '../../shared/dates';
import {
  checkIdNumber,
  dayFromExcelSerial,
  isBlankCell,
  parseDateCell,
  parseNumberCell,
  parseYesNoCell,
  toHalfWidth,
} from '../../shared/normalize';

const iso = (d: number) => (Number.isNaN(d) ? 'NaN' : isoFromDay(d));

describe('numbers (RULES.md §7)', () => {
  it.each([
    [12, 'hours', 12],
    [12.5, 'hours', 12.5],
    ['12', 'hours', 12],
    [' 12 ', 'hours', 12],
    ['１２', 'hours', 12],
    ['３０学时', 'hours', 30],
    ['12 学时', 'hours', 12],
    ['12小时', 'hours', 12],
    ['12.5学时', 'hours', 12.5],
    ['１２．５', 'hours', 12.5],
    ['1,200', 'hours', 1200],
    ['3天', 'days', 3],
    ['2项', 'count', 2],
    ['2篇', 'count', 2],
    ['1本', 'count', 1],
    ['3次', 'count', 3],
    ['2个', 'count', 2],
    ['5个月', 'months', 5],
    ['5月', 'months', 5],
    ['-3', 'hours', -3],
    ['+3', 'hours', 3],
    ['.5', 'hours', 0.5],
  ] as const)('%j as %s → %d', (v, kind, want) => {
    expect(parseNumberCell(v, kind)).toBe(want);
  });

  it.each([
    ['三十', 'hours'],
    ['12abc', 'hours'],
    ['3天', 'hours'],
    ['12学时', 'days'],
    ['5个月', 'count'],
    ['1e3', 'hours'],
    ['0x10', 'hours'],
    ['12..5', 'hours'],
    ['1,20', 'hours'],
    ['学时', 'hours'],
    ['Infinity', 'hours'],
    [true, 'hours'],
    [Number.NaN, 'hours'],
    [Number.POSITIVE_INFINITY, 'hours'],
    [{}, 'hours'],
    [[1], 'hours'],
  ] as const)('%j as %s is not a number', (v, kind) => {
    expect(parseNumberCell(v, kind)).toBeNaN();
  });

  it('blank cells', () => {
    for (const v of [null, undefined, '', '   ', '\u3000', '\t\n']) expect(isBlankCell(v)).toBe(true);
    for (const v of [0, false, ' 0 ', 'a', '\u3000a']) expect(isBlankCell(v)).toBe(false);
  });

  it('full-width to half-width', () => {
    expect(toHalfWidth('（１２３ＡＢｃ）\u3000')).toBe('(123ABc) ');
  });
});

describe('yes/no', () => {
  it.each(['是', 'Y', 'y', 'yes', 'YES', 'true', 'TRUE', '1', '√', ' 是 ', 'Ｙ', true, 1])('%j is yes', (v) => {
    expect(parseYesNoCell(v)).toBe(true);
  });
  it.each(['否', 'N', 'n', 'no', 'No', 'false', '0', '×', false, 0])('%j is no', (v) => {
    expect(parseYesNoCell(v)).toBe(false);
  });
  it.each(['也许', 'maybe', '2', 2, '是否', {}, []])('%j is neither', (v) => {
    expect(parseYesNoCell(v)).toBeUndefined();
  });
});

describe('dates', () => {
  it('Excel 1900 serials, including the fictitious 1900-02-29', () => {
    expect(iso(dayFromExcelSerial(45208))).toBe('2023-10-09');
    expect(iso(dayFromExcelSerial(45208.75))).toBe('2023-10-09');
    expect(iso(dayFromExcelSerial(1))).toBe('1900-01-01');
    expect(iso(dayFromExcelSerial(59))).toBe('1900-02-28');
    expect(dayFromExcelSerial(60)).toBeNaN();
    expect(iso(dayFromExcelSerial(61))).toBe('1900-03-01');
    expect(iso(dayFromExcelSerial(44927))).toBe('2023-01-01');
    expect(iso(dayFromExcelSerial(45291))).toBe('2023-12-31');
    expect(dayFromExcelSerial(0)).toBeNaN();
    expect(dayFromExcelSerial(-5)).toBeNaN();
    expect(dayFromExcelSerial(2958466)).toBeNaN();
  });

  it.each([
    [45208, '2023-10-09'],
    ['45208', '2023-10-09'],
    ['2023-10-09', '2023-10-09'],
    ['2023/10/9', '2023-10-09'],
    ['2023.10.9', '2023-10-09'],
    ['2023年10月9日', '2023-10-09'],
    ['2023年10月9号', '2023-10-09'],
    ['２０２３年１０月９日', '2023-10-09'],
    [' 2023-10-09 ', '2023-10-09'],
    ['2023-10-09 00:00:00', '2023-10-09'],
    ['2023/1/2', '2023-01-02'],
    ['2024-02-29', '2024-02-29'],
  ] as const)('%j → %s', (v, want) => {
    expect(iso(parseDateCell(v))).toBe(want);
  });

  it.each(['2023-02-29', '2023-13-01', '2023-00-10', '2023-10-32', '10/09/2023', '昨天', '', true, 60, {}])('%j is not a date', (v) => {
    expect(parseDateCell(v)).toBeNaN();
  });

  it('isIsoDate is strict YYYY-MM-DD with a real calendar day', () => {
    expect(isIsoDate('2023-10-09')).toBe(true);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-1-9')).toBe(false);
    expect(isIsoDate('2023/01/09')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });

  it('day numbers round-trip', () => {
    for (let d = dayFromIso('1899-12-01'); d < dayFromIso('2101-01-31'); d += 17) expect(dayFromIso(isoFromDay(d))).toBe(d);
    expect(dayFromIso('1970-01-01')).toBe(0);
  });
});

describe('ID number (GB 11643)', () => {
  it('accepts valid 18-digit numbers with X and 15-digit old numbers', () => {
    expect(checkIdNumber('11010519491231002X')).toEqual({ ok: true });
    expect(checkIdNumber('11010519491231002x')).toEqual({ ok: true });
    expect(checkIdNumber('370402199001011238')).toEqual({ ok: true });
    expect(checkIdNumber('110105491231002')).toEqual({ ok: true });
  });
  it('reports the expected check digit', () => {
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, reason: 'checksum', expected: 'X' });
    expect(checkIdNumber('370402199001011234')).toEqual({ ok: false, reason: 'checksum', expected: '8' });
  });
  it('rejects wrong length and non-digits', () => {
    expect(checkIdNumber('1234')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkIdNumber('11010519491231A02X')).toMatchObject({ ok: false, reason: 'format' });
  });
});
