// Input normalisation (docs/rules.md §7, §9): cells arrive from Excel, JSON or a form as numbers, text or booleans.
// Every parser here is a hand-written scan, linear in the cell's length, and a number or date text longer than any
// valid value is refused before it is scanned: untrusted text never costs more than a pass over it.
import { dayFromParts } from './dates';

/** The unit words a numeric field shows in messages, by kind (the accepted suffixes are rule-set data). */
export type NumberKind = 'hours' | 'days' | 'count' | 'months';

/** The longest number text accepted (sign, digits, a dot, decimals, a space and a unit): anything longer is refused. */
export const MAX_NUMBER_TEXT = 40;
/** The longest date text accepted: `2023年10月09日 23:59:59` is 20 characters. */
export const MAX_DATE_TEXT = 24;
/**
 * The longest name, unit or department accepted (trimmed). No person, unit or department of a roster is named with
 * more than a few dozen characters; a longer cell is pasted text, refused like an over-long number (docs/rules.md §7).
 * The summary groups and lists only texts this short: a key longer than 16,383 characters is hashed by its length
 * alone in V8, so thousands of long units would be compared with each other, and an answer would repeat every one.
 */
export const MAX_GROUP_TEXT = 100;

/** true for a full-width ASCII character (U+FF01–U+FF5E) or the ideographic space. */
function isWideCode(c: number): boolean {
  return (c >= 0xff01 && c <= 0xff5e) || c === 0x3000;
}

/** A set of UTF-16 code units as a bitmap of 65,536 bits: one array read where a Set would hash. */
export function codeSet(codes: readonly number[]): Uint8Array {
  const bits = new Uint8Array(8192);
  for (const c of codes) bits[c >> 3] |= 1 << (c & 7);
  return bits;
}

export function inCodeSet(bits: Uint8Array, c: number): boolean {
  return (bits[c >> 3] & (1 << (c & 7))) !== 0;
}

/** One code unit folded as toHalfWidth folds it. */
function halfWidthCode(c: number): number {
  return c === 0x3000 ? 0x20 : c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
}

/** Full-width ASCII (U+FF01–U+FF5E: digits, letters, punctuation) to ASCII; the ideographic space to a space. */
export function toHalfWidth(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n && !isWideCode(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    out += c === 0x3000 ? ' ' : c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : s[i];
  }
  return out;
}

/** true for a character String.prototype.trim removes (whitespace and line terminators, the ideographic space too). */
export function isSpaceCode(c: number): boolean {
  if (c > 0x20 && c < 0xa0) return false;
  return (
    c <= 0x20 || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 ||
    c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** The text without any space character (inner ones too), in one pass. */
export function withoutSpaces(s: string): string {
  let i = 0;
  const n = s.length;
  while (i < n && !isSpaceCode(s.charCodeAt(i))) i++;
  if (i === n) return s;
  let out = s.slice(0, i);
  for (; i < n; i++) if (!isSpaceCode(s.charCodeAt(i))) out += s[i];
  return out;
}

/**
 * true for a cell with nothing in it: null, undefined or ''. The engine skips such a cell before reading it, so a row
 * without it reads the same (the add-in leaves such cells out of what it sends: addin/compute/minimise.ts).
 * isBlankCell also takes whitespace-only text, which the engine does read.
 */
export const isEmptyCell = (v: unknown): v is null | undefined | '' => v === null || v === undefined || v === '';

/** true for null, undefined, '' and whitespace-only text (including the ideographic space). */
export function isBlankCell(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v !== 'string') return false;
  if (v.length === 0) return true;
  if (!isSpaceCode(v.charCodeAt(0))) return false;
  return v.trim().length === 0;
}

/** The words of a rule set the cell readers use, precomputed (rulesets/compile.ts). */
export type CellWords = {
  placeholders: ReadonlySet<string>;
  /** The first code unit of every placeholder (codeSet): most cells are refused by one lookup, without folding. */
  placeholderFirstCodes: Uint8Array;
  maxPlaceholder: number;
  /** Upper case, full-width folded. */
  excelErrors: ReadonlySet<string>;
  maxExcelError: number;
  /** Unit suffixes, longest first (so that 个月 wins over 月 and 个). */
  units: readonly string[];
  /**
   * The first code units a name, unit or department cell is read in full for (codeSet): those of the placeholders,
   * total and note words and Excel errors, in both widths, and the spaces. Any other text of such a cell, with no space
   * at its end and not over-long, is taken as it is (isPlainRoleText).
   */
  roleTextFirstCodes: Uint8Array;
};

/**
 * A name, unit or department cell's text that reads as itself: not blank, not over-long, no space at either end, and a
 * first character no placeholder, total or note word or Excel error starts with (`w.roleTextFirstCodes`). The full
 * reading (fields.ts readCell) gives every such text back unchanged, as a plain text; this is its quick answer.
 */
export function isPlainRoleText(text: string, w: CellWords): boolean {
  const n = text.length;
  return n !== 0 && n <= MAX_GROUP_TEXT && !inCodeSet(w.roleTextFirstCodes, text.charCodeAt(0)) && !isSpaceCode(text.charCodeAt(n - 1));
}

/** true when the trimmed text is a placeholder for blank (docs/rules.md §9): `/ － — 无` … */
export function isPlaceholder(trimmed: string, w: CellWords): boolean {
  if (trimmed.length > w.maxPlaceholder || trimmed.length === 0) return false;
  const c = trimmed.charCodeAt(0);
  if (!inCodeSet(w.placeholderFirstCodes, c) && !inCodeSet(w.placeholderFirstCodes, halfWidthCode(c))) return false;
  return w.placeholders.has(trimmed) || w.placeholders.has(toHalfWidth(trimmed));
}

/** The Excel error value a trimmed text is (e.g. `#N/A`), in upper case, or null (docs/rules.md §9). */
export function excelErrorOf(trimmed: string, w: CellWords): string | null {
  if (trimmed.length === 0 || trimmed.length > w.maxExcelError) return null;
  const c = trimmed.charCodeAt(0);
  if (c !== 0x23 && c !== 0xff03) return null; // '#' or '＃'
  const up = toHalfWidth(trimmed).toUpperCase();
  return w.excelErrors.has(up) ? up : null;
}

function isDigitCode(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/**
 * A number as text (already trimmed) to a number, or NaN: `[+-]digits[.digits]` or `[+-].digits`, optionally followed
 * by spaces and one unit word of `w.units`. No exponents, no thousands separators, full-width folded first.
 */
export function parseNumberText(trimmed: string, w: CellWords): number {
  if (trimmed.length === 0 || trimmed.length > MAX_NUMBER_TEXT) return NaN;
  const s = toHalfWidth(trimmed);
  const n = s.length;
  let i = 0;
  let c = s.charCodeAt(0);
  if (c === 0x2b || c === 0x2d) i++; // + -
  const intStart = i;
  while (i < n && isDigitCode(s.charCodeAt(i))) i++;
  let digits = i - intStart;
  if (i < n && s.charCodeAt(i) === 0x2e) {
    i++;
    const fracStart = i;
    while (i < n && isDigitCode(s.charCodeAt(i))) i++;
    digits += i - fracStart;
  }
  if (digits === 0) return NaN;
  const numberEnd = i;
  if (i < n) {
    while (i < n && isSpaceCode(s.charCodeAt(i))) i++;
    const rest = s.slice(i);
    let unit = false;
    for (let u = 0; u < w.units.length; u++) {
      if (rest === w.units[u]) {
        unit = true;
        break;
      }
    }
    if (!unit) return NaN;
  }
  c = Number(s.slice(0, numberEnd));
  return Number.isFinite(c) ? c : NaN;
}

/**
 * A number cell as a number, or NaN when it is not a number: numbers, and text per parseNumberText. Booleans are
 * not numbers. Blank cells, placeholders and Excel errors must be filtered out before. Sign is kept.
 */
export function parseNumberCell(v: unknown, w: CellWords): number {
  if (typeof v === 'number') return Number.isFinite(v) ? v : NaN;
  if (typeof v !== 'string') return NaN;
  return parseNumberText(v.trim(), w);
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
const MAX_YES_NO = 5;

/**
 * The one-character entries of YES_NO by their code (and their upper case, as parseYesNoCell folds it): 2 yes, 1 no,
 * 0 none. A roster's yes/no columns hold 是 or 否 (or √, Y) in most cells: read by one load, without the Map.
 */
const YES_NO_CHARS = new Int8Array(0x10000);
for (const [text, yes] of YES_NO) {
  if (text.length !== 1) continue;
  for (const t of [text, text.toUpperCase()]) YES_NO_CHARS[t.charCodeAt(0)] = yes ? 2 : 1;
}

/** A one-character cell text's yes (1) or no (0) as parseYesNoCell reads it, or −1 when it is not one of YES_NO's. */
export function yesNoOfChar(code: number): number {
  return YES_NO_CHARS[code] - 1;
}

/** A yes/no cell: 是/否, Y/N, yes/no, true/false, 1/0, √/× (any case, full-width too). undefined when unrecognised. */
export function parseYesNoCell(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 1 ? true : v === 0 ? false : undefined;
  if (typeof v !== 'string') return undefined;
  const hit = YES_NO.get(v);
  if (hit !== undefined) return hit;
  const t = v.trim();
  if (t.length > MAX_YES_NO) return undefined;
  return YES_NO.get(toHalfWidth(t).toLowerCase());
}

/** Excel's 1900 date system: serial 61 = 1900-03-01 (serial 60 is the non-existent 1900-02-29 of the Lotus bug). */
const EXCEL_EPOCH_DAY = -25569; // day number of 1899-12-30: serial 61 and later = EXCEL_EPOCH_DAY + serial
const EXCEL_MIN_SERIAL = 61; // docs/rules.md §7: serials below 61 are not dates (nor is a count such as 30)
const EXCEL_MAX_SERIAL = 2958465; // 9999-12-31

/** Day number of an Excel 1900-system serial from 61 to 2958465 after dropping the fraction (a time of day), or NaN. */
export function dayFromExcelSerial(serial: number): number {
  if (!Number.isFinite(serial)) return NaN;
  const whole = Math.floor(serial);
  if (whole < EXCEL_MIN_SERIAL || whole > EXCEL_MAX_SERIAL) return NaN;
  return EXCEL_EPOCH_DAY + whole;
}

/**
 * docs/rules.md §9: a whole number a clerk typed as a date (20231008: what Excel stores for it), far beyond any serial.
 * Only 1900-01-01 … 2999-12-31 are read so; a number between the serials and 19000101 is no date.
 */
const YYYYMMDD_MIN = 19000101;
const YYYYMMDD_MAX = 29991231;

/** Day number of a whole number YYYYMMDD from 19000101 to 29991231 that is a valid date, or NaN. */
export function dayFromDigitsNumber(n: number): number {
  if (!Number.isInteger(n) || n < YYYYMMDD_MIN || n > YYYYMMDD_MAX) return NaN;
  const y = Math.floor(n / 10000);
  const md = n - y * 10000;
  const m = Math.floor(md / 100);
  return dayFromParts(y, m, md - m * 100);
}

/** Reads 1–`max` ASCII digits of `s` from `at`; returns [value, end] or null. */
function digitsAt(s: string, at: number, min: number, max: number): [number, number] | null {
  let i = at;
  let v = 0;
  while (i < s.length && i - at < max && isDigitCode(s.charCodeAt(i))) {
    v = v * 10 + (s.charCodeAt(i) - 48);
    i++;
  }
  return i - at < min ? null : [v, i];
}

/** true when `s` from `at` is exactly a time of day `H:MM` or `H:MM:SS` (ignored, docs/rules.md §7). */
function isTimeFrom(s: string, at: number): boolean {
  const h = digitsAt(s, at, 1, 2);
  if (h === null || s.charCodeAt(h[1]) !== 0x3a) return false;
  const m = digitsAt(s, h[1] + 1, 2, 2);
  if (m === null) return false;
  if (m[1] === s.length) return true;
  if (s.charCodeAt(m[1]) !== 0x3a) return false;
  const sec = digitsAt(s, m[1] + 1, 2, 2);
  return sec !== null && sec[1] === s.length;
}

const YEAR = 0x5e74; // 年
const MONTH = 0x6708; // 月
const DAY = 0x65e5; // 日

/**
 * A date text (trimmed, folded) in one of the forms of docs/rules.md §7 — `YYYY-M-D`, `YYYY/M/D`, `YYYY.M.D` (one kind of
 * separator) or `YYYY年M月D日` (日 optional), optionally followed by a space or `T` and `H:MM[:SS]` — as a day number, or NaN.
 */
function dayFromDateForm(s: string): number {
  const y = digitsAt(s, 0, 4, 4);
  if (y === null || y[1] >= s.length) return NaN;
  const sep = s.charCodeAt(y[1]);
  const chinese = sep === YEAR;
  if (!chinese && sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return NaN; // - / .
  const m = digitsAt(s, y[1] + 1, 1, 2);
  if (m === null || m[1] >= s.length) return NaN;
  if (s.charCodeAt(m[1]) !== (chinese ? MONTH : sep)) return NaN;
  const d = digitsAt(s, m[1] + 1, 1, 2);
  if (d === null) return NaN;
  let i = d[1];
  if (chinese && i < s.length && s.charCodeAt(i) === DAY) i++;
  if (i < s.length) {
    const t = s.charCodeAt(i);
    if (t !== 0x20 && t !== 0x54) return NaN; // ' ' or 'T'
    if (!isTimeFrom(s, i + 1)) return NaN;
  }
  return dayFromParts(y[0], m[0], d[0]);
}

/**
 * A date cell as a day number, or NaN (docs/rules.md §7, §9). A number is an Excel serial (61–2958465, fraction dropped),
 * or a whole number 19000101–29991231 read as `YYYYMMDD` when it is a valid date (docs/rules.md §9).
 * Text of digits alone is `YYYYMMDD` with eight digits, a serial with one to six; other text must be a whole date.
 */
export function parseDateCell(v: unknown): number {
  if (typeof v === 'number') return v > EXCEL_MAX_SERIAL ? dayFromDigitsNumber(v) : dayFromExcelSerial(v);
  if (typeof v !== 'string') return NaN;
  const t = v.trim();
  if (t.length === 0 || t.length > MAX_DATE_TEXT) return NaN;
  const s = toHalfWidth(t);
  let digits = 0;
  while (digits < s.length && isDigitCode(s.charCodeAt(digits))) digits++;
  if (digits === s.length) {
    if (digits === 8) return dayFromParts(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
    if (digits <= 6) return dayFromExcelSerial(+s);
    return NaN;
  }
  return dayFromDateForm(s);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';
/** Longer ID texts are not scanned: 18 characters plus generous room for spaces. */
export const MAX_ID_TEXT = 64;

/** The result of checking a resident ID number (GB 11643-1999). */
export type IdCheck = { ok: true } | { ok: false; reason: 'length' | 'format' | 'checksum'; expected?: string };

/**
 * An ID number as compared (docs/rules.md §7, §9): spaces removed, full-width folded, upper case. A text longer than any ID
 * (MAX_ID_TEXT) is returned as it is: it cannot be an ID, and is not worth a pass.
 */
export function normalizeIdNumber(raw: string): string {
  return raw.length > MAX_ID_TEXT ? raw : toHalfWidth(withoutSpaces(raw)).toUpperCase();
}

/** GB 11643 check of a normalised ID: 17 digits and a check digit (0-9 or X); a 15-digit pre-1999 number is accepted. */
export function checkIdNumber(raw: string): IdCheck {
  if (raw.length > MAX_ID_TEXT) return { ok: false, reason: 'length' };
  const s = normalizeIdNumber(raw);
  if (s.length === 15) {
    for (let i = 0; i < 15; i++) if (!isDigitCode(s.charCodeAt(i))) return { ok: false, reason: 'format' };
    return { ok: true };
  }
  if (s.length !== 18) return { ok: false, reason: 'length' };
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return { ok: false, reason: 'format' };
    sum += c * ID_WEIGHTS[i];
  }
  const expected = ID_CHECK[sum % 11];
  const last = s[17];
  if (!isDigitCode(last.charCodeAt(0)) && last !== 'X') return { ok: false, reason: 'format' };
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

/** A short display of a raw cell for messages (a number as typed, never `Infinity` for a finite value). */
export function showCell(v: unknown): string {
  if (typeof v === 'string') {
    const t = v.length > 200 ? v.slice(0, 200).trim() : v.trim();
    return t.length > 30 ? t.slice(0, 30) + '…' : t;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return '[数组]';
  if (v === null || v === undefined) return '';
  return '[对象]';
}
