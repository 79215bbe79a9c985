// Input normalisation (RULES.md §7): cells arrive from Excel, JSON or a form as numbers, text or booleans.
// Every function here is pure and allocation-light: regexes are compiled once at module load.
import { dayFromParts } from './dates';

/** The unit words a numeric field accepts after its number, by kind. */
export type NumberKind = 'hours' | 'days' | 'count' | 'months';

const UNITS: Record<NumberKind, readonly string[]> = {
  // longest first so that 个月 wins over 月
  hours: ['学时', '小时', '课时', '个小时', 'hours', 'hour', 'h'],
  days: ['个工作日', '工作日', '天', '日'],
  count: ['个', '项', '篇', '本', '次', '部', '件', '张', '份'],
  months: ['个月', '月'],
};
const UNITS_SORTED: Record<NumberKind, readonly string[]> = {
  hours: [...UNITS.hours].sort((a, b) => b.length - a.length),
  days: [...UNITS.days].sort((a, b) => b.length - a.length),
  count: [...UNITS.count].sort((a, b) => b.length - a.length),
  months: [...UNITS.months].sort((a, b) => b.length - a.length),
};

/** The accepted unit words of a kind (for messages and header rules). */
export function unitsOf(kind: NumberKind): readonly string[] {
  return UNITS[kind];
}

const WIDE = /[\uFF01-\uFF5E\u3000\u3002]/;
const WIDE_ALL = /[\uFF01-\uFF5E\u3000\u3002]/g;

function narrowChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code === 0x3000) return ' ';
  if (code === 0x3002) return '.';
  return String.fromCharCode(code - 0xfee0);
}

/** Full-width ASCII (digits, letters, punctuation, ideographic space) to half-width; 。 to a dot. */
export function toHalfWidth(s: string): string {
  return WIDE.test(s) ? s.replace(WIDE_ALL, narrowChar) : s;
}

/** true for a character String.prototype.trim removes (whitespace and line terminators). */
export function isSpaceCode(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** true for null, undefined, '' and whitespace-only text (including the ideographic space). */
export function isBlankCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  if (v.length === 0) return true;
  if (!isSpaceCode(v.charCodeAt(0))) return false;
  return v.trim().length === 0;
}

const DECIMAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * A number cell as a number, or NaN when it is not a number. Accepts numbers, and text with surrounding spaces,
 * full-width digits, thousands separators (1,200) and a unit word of its kind (12学时, 3天, 2项, 5个月).
 * Blank cells must be filtered out before (isBlankCell). Sign is kept: the caller reports negatives.
 */
export function parseNumberCell(v: unknown, kind: NumberKind): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  let s = toHalfWidth(v).trim();
  if (s.length === 0) return NaN;
  const last = s.charCodeAt(s.length - 1);
  if (last > 0x7f || (last >= 0x61 && last <= 0x7a) || (last >= 0x41 && last <= 0x5a)) {
    const lower = s.toLowerCase();
    const units = UNITS_SORTED[kind];
    let stripped = false;
    for (let i = 0; i < units.length; i++) {
      const u = units[i];
      if (lower.endsWith(u)) {
        s = s.slice(0, s.length - u.length).trimEnd();
        stripped = true;
        break;
      }
    }
    if (!stripped) return NaN;
  }
  if (s.indexOf(',') >= 0) {
    if (!/^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(s)) return NaN;
    s = s.replace(/,/g, '');
  }
  if (!DECIMAL.test(s)) return NaN;
  const n = Number(s);
  return Number.isFinite(n) ? n : NaN;
}

const YES_NO = new Map<string, boolean>([
  ['是', true], ['否', false],
  ['y', true], ['n', false],
  ['yes', true], ['no', false],
  ['true', true], ['false', false],
  ['1', true], ['0', false],
  ['√', true], ['×', false],
  ['✓', true], ['✔', true], ['✗', false], ['✘', false],
]);

/** A yes/no cell: 是/否, Y/N, yes/no, true/false, 1/0, √/× (any case, full-width too). undefined when unrecognised. */
export function parseYesNoCell(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const hit = YES_NO.get(v);
  if (hit !== undefined) return hit;
  return YES_NO.get(toHalfWidth(v).trim().toLowerCase());
}

/** Excel's 1900 date system: serial 1 = 1900-01-01, serial 60 = the non-existent 1900-02-29 (Lotus bug). */
const EXCEL_EPOCH_DAY = -25569; // day number of 1899-12-30: serial 61 and later = EXCEL_EPOCH_DAY + serial
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

/** Day number of an Excel 1900-system serial (time of day dropped), or NaN (including the fictitious serial 60). */
export function dayFromExcelSerial(serial: number): number {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) return NaN;
  const whole = Math.floor(serial);
  if (whole === 60) return NaN;
  return whole < 60 ? EXCEL_EPOCH_DAY + whole + 1 : EXCEL_EPOCH_DAY + whole;
}

const DATE_TEXT =
  /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*(?:日|号)?(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const SERIAL_TEXT = /^\d+(?:\.\d+)?$/;

/**
 * A date cell as a day number, or NaN. Accepts Excel serial numbers (as numbers or digit text), 2023-10-09,
 * 2023/10/9, 2023.10.9, 2023年10月9日 (full-width digits too, optional time of day).
 */
export function parseDateCell(v: unknown): number {
  if (typeof v === 'number') return dayFromExcelSerial(v);
  if (typeof v !== 'string') return NaN;
  const s = toHalfWidth(v).trim();
  const m = DATE_TEXT.exec(s);
  if (m !== null) return dayFromParts(+m[1], +m[2], +m[3]);
  if (SERIAL_TEXT.test(s)) return dayFromExcelSerial(Number(s));
  return NaN;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The result of checking a resident ID number (GB 11643-1999). */
export type IdCheck = { ok: true } | { ok: false; reason: 'length' | 'format' | 'checksum'; expected?: string };

/** GB 11643 check: 18 characters, 17 digits and a check digit (0-9 or X); a 15-digit pre-1999 number is accepted as is. */
export function checkIdNumber(raw: string): IdCheck {
  const s = toHalfWidth(raw).trim().toUpperCase();
  if (s.length === 15) return /^\d{15}$/.test(s) ? { ok: true } : { ok: false, reason: 'format' };
  if (s.length !== 18) return { ok: false, reason: 'length' };
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return { ok: false, reason: 'format' };
    sum += c * ID_WEIGHTS[i];
  }
  const expected = ID_CHECK[sum % 11];
  const last = s[17];
  if (!/[0-9X]/.test(last)) return { ok: false, reason: 'format' };
  return last === expected ? { ok: true } : { ok: false, reason: 'checksum', expected };
}

/** The text of a text cell (numbers and booleans as text), trimmed; undefined for an object or array. */
export function textOfCell(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim();
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v === null || v === undefined) return '';
  return undefined;
}

/** A short display of a raw cell for messages. */
export function showCell(v: unknown): string {
  if (typeof v === 'string') return v.length > 30 ? v.slice(0, 30) + '…' : v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[数组]';
  if (v === null || v === undefined) return '';
  return '[对象]';
}
