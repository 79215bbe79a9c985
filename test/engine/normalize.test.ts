import { describe, expect, it } from 'vitest';
import { dayFromIso, isIsoDate, isoFromDay } from '../../shared/dates';
import {
  checkIdNumber,
  dayFromExcelSerial,
  excelErrorOf,
  isBlankCell,
  isPlaceholder,
  isSpaceCode,
  normalizeIdNumber,
  parseDateCell,
  parseNumberCell,
  parseYesNoCell,
  toHalfWidth,
} from '../../shared/normalize';
import { getCompiledRuleSet } from '../../shared/rulesets';

const WORDS = getCompiledRuleSet().words;

const iso = (d: number) => (Number.isNaN(d) ? 'NaN' : isoFromDay(d));

describe('numbers (docs/rules.md §7)', () => {
  it.each([
    [12, 12],
    [12.5, 12.5],
    ['12', 12],
    [' 12 ', 12],
    ['\u300012\u3000', 12],
    ['１２', 12],
    ['３０学时', 30],
    ['12 学时', 12],
    ['12小时', 12],
    ['12.5学时', 12.5],
    ['１２．５', 12.5],
    ['3天', 3],
    ['2项', 2],
    ['2篇', 2],
    ['1本', 1],
    ['3次', 3],
    ['2个', 2],
    ['5个月', 5],
    ['5月', 5],
    ['-3', -3],
    ['+3', 3],
    ['.5', 0.5],
    ['12.', 12],
  ] as const)('%j → %d', (v, want) => {
    expect(parseNumberCell(v, WORDS)).toBe(want);
  });

  it('any unit suffix of the rule set in any numeric field (docs/rules.md §7)', () => {
    for (const u of getCompiledRuleSet().ruleSet.words.unitSuffixes.value) expect(parseNumberCell(`7${u}`, WORDS), u).toBe(7);
  });

  it.each([
    '三十', '12abc', '12学时学时', '12课时', '1e3', '0x10', '12..5', '1,200', '1,20', '学时', 'Infinity', '+', '-', '.', '1 2',
    true, false, Number.NaN, Number.POSITIVE_INFINITY, {}, [1], '1'.repeat(41),
  ] as const)('%j is not a number', (v) => {
    expect(parseNumberCell(v, WORDS)).toBeNaN();
  });

  it('blank cells', () => {
    for (const v of [null, undefined, '', '   ', '\u3000', '\t\n']) expect(isBlankCell(v)).toBe(true);
    for (const v of [0, false, ' 0 ', 'a', '\u3000a']) expect(isBlankCell(v)).toBe(false);
  });

  it('full-width to half-width (U+FF01–U+FF5E and the ideographic space)', () => {
    expect(toHalfWidth('（１２３ＡＢｃ）\u3000')).toBe('(123ABc) ');
    expect(toHalfWidth('２０２３／１０／９　１２：３０')).toBe('2023/10/9 12:30');
    expect(toHalfWidth('学时')).toBe('学时');
  });

  it('placeholders of the rule set mean blank (docs/rules.md §9)', () => {
    for (const p of ['/', '／', '-', '－', '—', '——', '无']) expect(isPlaceholder(p, WORDS), p).toBe(true);
    for (const p of ['0', '无无', '/ /', '---', '否', '']) expect(isPlaceholder(p, WORDS), p).toBe(false);
  });

  it('Excel error values, any letter case, full-width too (docs/rules.md §9)', () => {
    for (const e of getCompiledRuleSet().ruleSet.words.excelErrors.value) {
      expect(excelErrorOf(e, WORDS)).toBe(e);
      expect(excelErrorOf(e.toLowerCase(), WORDS)).toBe(e);
    }
    expect(excelErrorOf('＃Ｎ／Ａ', WORDS)).toBe('#N/A');
    for (const t of ['#', '#N/A!', 'N/A', '#1', '#VALUE', '']) expect(excelErrorOf(t, WORDS), t).toBeNull();
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

describe('spaces', () => {
  it('isSpaceCode: every character String.prototype.trim removes, and the control characters up to U+0020', () => {
    const differ: string[] = [];
    for (let c = 0; c <= 0xffff; c++) {
      if (isSpaceCode(c) !== (c <= 0x20 || String.fromCharCode(c).trim() === '')) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    expect(isSpaceCode(0x3000)).toBe(true);
    expect(isSpaceCode(0x4e2d)).toBe(false);
  });
});

describe('dates', () => {
  it('Excel 1900 serials, including the fictitious 1900-02-29', () => {
    expect(iso(dayFromExcelSerial(45208))).toBe('2023-10-09');
    expect(iso(dayFromExcelSerial(45208.75))).toBe('2023-10-09');
    expect(dayFromExcelSerial(1)).toBeNaN();
    expect(dayFromExcelSerial(30)).toBeNaN();
    expect(dayFromExcelSerial(59)).toBeNaN();
    expect(dayFromExcelSerial(60)).toBeNaN();
    expect(dayFromExcelSerial(60.99)).toBeNaN();
    expect(iso(dayFromExcelSerial(61))).toBe('1900-03-01');
    expect(iso(dayFromExcelSerial(2958465))).toBe('9999-12-31');
    expect(iso(dayFromExcelSerial(2958465.9))).toBe('9999-12-31');
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
    ['2023年10月9', '2023-10-09'],
    ['２０２３年１０月９日', '2023-10-09'],
    ['２０２３－１０－０９', '2023-10-09'],
    [' 2023-10-09 ', '2023-10-09'],
    ['2023-10-09 00:00:00', '2023-10-09'],
    ['2023-10-09T8:30', '2023-10-09'],
    ['2023/10/9 8:30', '2023-10-09'],
    ['2023年10月9日 08:30:00', '2023-10-09'],
    ['2023/1/2', '2023-01-02'],
    ['2024-02-29', '2024-02-29'],
    [45208.75, '2023-10-09'],
    ['20231009', '2023-10-09'],
    ['２０２３１００９', '2023-10-09'],
    ['61', '1900-03-01'],
    ['999999', '4637-11-25'],
    // docs/rules.md §9: what Excel stores when a clerk types 20231009 in a cell
    [20231009, '2023-10-09'],
    [19000101, '1900-01-01'],
    [29991231, '2999-12-31'],
    [20240229, '2024-02-29'],
    [2958465, '9999-12-31'],
  ] as const)('%j → %s', (v, want) => {
    expect(iso(parseDateCell(v))).toBe(want);
  });

  it.each([
    '2023-02-29', '2023-13-01', '2023-00-10', '2023-10-32', '10/09/2023', '昨天', '', true, 60, 30, '30', 2958466, {},
    '2023.10', '2023-10', '2023年10月', '2023-10/9', '2023/10.9', '2023年10-9', '2023年10月9号', '2023-10-09  8:30',
    '2023-10-09 8', '2023-10-09 8:3', '2023-10-09x', '20231309', '2023100', '123456789', '45208.75', '2023 - 10 - 09',
    '-45208', '2958465', '2023-10-09 ' + ' '.repeat(50) + 'x',
    20231309, 20230229, 20231000, 19000100, 18991231, 30000101, 20231009.5, 12345678, 99999999, 2e10,
  ])('%j is not a date', (v) => {
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
  it('is checked after removing spaces, folded, upper case (docs/rules.md §7)', () => {
    expect(checkIdNumber(' 1101 0519 4912 3100 2x ')).toEqual({ ok: true });
    expect(checkIdNumber('１１０１０５１９４９１２３１００２Ｘ')).toEqual({ ok: true });
    expect(normalizeIdNumber(' 1101\u300005194912 31002x')).toBe('11010519491231002X');
  });
  it('rejects wrong length and non-digits', () => {
    expect(checkIdNumber('1234')).toMatchObject({ ok: false, reason: 'length' });
    expect(checkIdNumber('11010519491231A02X')).toMatchObject({ ok: false, reason: 'format' });
  });
});
