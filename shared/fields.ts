// Reading one roster row's cells into typed values, with one Chinese, per-field error for bad input (RULES.md §7, §9).
// The row parser is a table of field readers keyed by JSON key: adding a column is one line in FIELD_READERS
// (plus its header in headers.ts and its slot in ParsedRow).
import { makeNoteWarning } from './build';
import { parsedBefore, rememberParsed } from './cache';
import type { ErrorCode } from './codes';
import { fmt } from './format';
import {
  checkIdNumber,
  excelErrorOf,
  inCodeSet,
  isPlaceholder,
  isSpaceCode,
  MAX_GROUP_TEXT,
  normalizeIdNumber,
  parseDateCell,
  parseNumberCell,
  parseNumberText,
  parseYesNoCell,
  showCell,
  textOfCell,
  toHalfWidth,
  withoutSpaces,
} from './normalize';
import type { CompiledRuleSet, NumberField } from './rulesets/compile';
import { ROSTER_KEYS, type RosterKey, type RowError, type RowWarning } from './types';

/** A row's values after normalisation: numbers ≥ 0 or null (blank), booleans with blank defaults applied. */
export type ParsedRow = {
  name: string;
  unit: string;
  department: string;
  platformPublicHours: number | null;
  platformProfessionalHours: number | null;
  trainingHours: number | null;
  trainingDays: number | null;
  seminarHours: number | null;
  seminarDays: number | null;
  trainingFiled: boolean;
  degreeStudyHours: number | null;
  certificates: number | null;
  achievements: number | null;
  expertDays: number | null;
  expertHours: number | null;
  aidMonths: number | null;
  competitions: number | null;
  specialCase: string | null;
  absentMonths: number | null;
  transferPublicHours: number | null;
  transferProfessionalHours: number | null;
  evidenceComplete: boolean;
  titleApplicant: boolean;
  /** Day number (days since 1970-01-01) or null. */
  titleSubmissionDate: number | null;
  /** 专业课按行业规定 (docs/rules.md §6a): the sector checks the professional part; blank = no. */
  professionalBySector: boolean;
  /** The ID number as compared for DUPLICATE_ID (spaces removed, folded, upper case) when it was text; else null. */
  idKey: string | null;
};

/** The numeric fields of ParsedRow. */
type NumberKey = { [K in keyof ParsedRow]: ParsedRow[K] extends number | null ? (K extends RosterKey ? K : never) : never }[keyof ParsedRow];
/** The yes/no fields of ParsedRow. */
type YesNoKey = 'trainingFiled' | 'evidenceComplete' | 'titleApplicant' | 'professionalBySector';

function err(key: RosterKey | 'row', code: ErrorCode, message: string): RowError {
  return { field: key, code, message };
}

function numberError(f: NumberField, v: unknown, n: number): RowError | null {
  if (Number.isNaN(n)) {
    return err(f.key, 'NOT_A_NUMBER', `${f.zh}：“${showCell(v)}”不是数字，请填写数字（可带单位“${f.unit}”）`);
  }
  if (n < 0) return err(f.key, 'NEGATIVE', `${f.zh}：不能为负数（${showCell(v)}）`);
  if (f.integer && !Number.isInteger(n)) return err(f.key, 'NOT_INTEGER', `${f.zh}：应为整数（${showCell(v)}）`);
  if (n > f.max) {
    // the value as typed (a huge number is not shown as Infinity), with the unit when a bare number was given
    const shown = typeof v === 'number' ? `${showCell(v)}${f.unit}` : showCell(v);
    return err(f.key, 'OUT_OF_RANGE', `${f.zh}：${shown}超出范围（0–${fmt(f.max)}${f.unit}），请核对`);
  }
  return null;
}

/** A numeric cell (not blank): the number, or null when invalid (then an error is pushed). */
function readNumber(v: unknown, f: NumberField, rs: CompiledRuleSet, errors: RowError[]): number | null {
  if (typeof v === 'number' && v >= 0 && v <= f.max && (!f.integer || Number.isInteger(v))) return v === 0 ? 0 : v;
  let n: number;
  if (typeof v === 'string') {
    // repeated texts such as '30学时' are parsed once per rule set (bounded cache)
    const numbers = rs.cache.numbers;
    n = parsedBefore(numbers, v) ?? rememberParsed(numbers, v, parseNumberText(v, rs.words));
  } else n = parseNumberCell(v, rs.words);
  const e = numberError(f, v, n);
  if (e !== null) {
    errors.push(e);
    return null;
  }
  return n === 0 ? 0 : n;
}

function readYesNo(v: unknown, key: YesNoKey, fallback: boolean, rs: CompiledRuleSet, errors: RowError[]): boolean {
  const b = parseYesNoCell(v);
  if (b !== undefined) return b;
  errors.push(err(key, 'NOT_YES_NO', `${rs.zh[key]}：“${showCell(v)}”无法识别，请填写“是”或“否”`));
  return fallback;
}

function readText(v: unknown, key: RosterKey, rs: CompiledRuleSet, errors: RowError[]): string {
  if (typeof v === 'string') return v;
  const t = textOfCell(v);
  if (t !== undefined) return t;
  errors.push(err(key, 'NOT_TEXT', `${rs.zh[key]}：应为文字，不能是${showCell(v)}`));
  return '';
}

/** name, unit, department: text, and no longer than any such name (MAX_GROUP_TEXT, docs/rules.md §7). */
function readName(v: unknown, key: 'name' | 'unit' | 'department', rs: CompiledRuleSet, errors: RowError[]): string {
  const text = readText(v, key, rs, errors);
  if (text.length <= MAX_GROUP_TEXT || text.trim().length <= MAX_GROUP_TEXT) return text;
  errors.push(err(key, 'TOO_LONG',
    `${rs.zh[key]}：内容过长（${text.trim().length} 个字符，最多 ${MAX_GROUP_TEXT} 个），请核对这一格，只填${rs.zh[key]}`));
  return text;
}

/** A special case text longer than this is not folded or looked up: no case name is that long. */
const MAX_CASE_TEXT = 20;

function readCase(v: unknown, rs: CompiledRuleSet, errors: RowError[]): string | null {
  if (typeof v === 'string' && v.length <= MAX_CASE_TEXT) {
    if (rs.specialCaseByName.has(v)) return v;
    const s = toHalfWidth(v);
    if (rs.specialCaseByName.has(s)) return s;
  }
  errors.push(err('specialCase', 'UNKNOWN_CASE',
    `${rs.zh.specialCase}：“${showCell(v)}”无法识别，应为${rs.ruleSet.specialCaseNames.join('、')}之一或留空`));
  return null;
}

function readDate(v: unknown, key: RosterKey, rs: CompiledRuleSet, errors: RowError[]): number | null {
  const dates = rs.cache.dates;
  const d = typeof v === 'string' ? (parsedBefore(dates, v) ?? rememberParsed(dates, v, parseDateCell(v))) : parseDateCell(v);
  if (!Number.isNaN(d)) return d;
  errors.push(err(key, 'NOT_A_DATE', `${rs.zh[key]}：“${showCell(v)}”不是有效日期，请填写如2023-10-09`));
  return null;
}

/** idNumber: never credited; a number lost its last digits (ID_AS_NUMBER), text is checked (ID_CHECKSUM). */
function readId(v: unknown, p: ParsedRow, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[]): void {
  if (typeof v === 'number') {
    warnings.push(makeNoteWarning('ID_AS_NUMBER',
      `${rs.zh.idNumber}“${showCell(v)}”是数字格式，Excel只保留15位有效数字，末几位已丢失；请把该列设为“文本”格式后重新录入身份证号`));
    return;
  }
  const text = readText(v, 'idNumber', rs, errors);
  if (typeof v === 'string') p.idKey = normalizeIdNumber(text);
  const c = checkIdNumber(text);
  if (c.ok) return;
  const why = c.reason === 'checksum' ? `校验位应为${c.expected ?? ''}` : c.reason === 'length' ? '应为18位（或旧版15位）' : '含有非数字字符';
  warnings.push(makeNoteWarning('ID_CHECKSUM', `${rs.zh.idNumber}“${showCell(text)}”未通过校验（${why}），请核对`));
}

/** Reads one non-blank cell into `p` (text cells arrive trimmed). */
type FieldReader = (c: unknown, p: ParsedRow, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[]) => void;

function numberReader(key: NumberKey): FieldReader {
  // the field of the last rule set, kept in the closure: `rs.numberFields[key]` with a different key in each reader
  // is a megamorphic keyed load on every numeric cell
  let lastRs: CompiledRuleSet | null = null;
  let field: NumberField | null = null;
  return (c, p, rs, errors) => {
    if (rs !== lastRs || field === null) {
      field = rs.numberFields[key];
      lastRs = rs;
    }
    p[key] = readNumber(c, field, rs, errors);
  };
}

function yesNoReader(key: YesNoKey, fallback: `${YesNoKey}Default`): FieldReader {
  return (c, p, rs, errors) => {
    p[key] = readYesNo(c, key, rs.v[fallback], rs, errors);
  };
}

/** The reader of every roster column, keyed by JSON key. */
const FIELD_READERS: Readonly<Record<RosterKey, FieldReader>> = {
  name: (c, p, rs, errors) => {
    p.name = readName(c, 'name', rs, errors);
  },
  idNumber: readId,
  unit: (c, p, rs, errors) => {
    p.unit = readName(c, 'unit', rs, errors);
  },
  department: (c, p, rs, errors) => {
    p.department = readName(c, 'department', rs, errors);
  },
  platformPublicHours: numberReader('platformPublicHours'),
  platformProfessionalHours: numberReader('platformProfessionalHours'),
  trainingHours: numberReader('trainingHours'),
  trainingDays: numberReader('trainingDays'),
  seminarHours: numberReader('seminarHours'),
  seminarDays: numberReader('seminarDays'),
  trainingFiled: yesNoReader('trainingFiled', 'trainingFiledDefault'),
  degreeStudyHours: numberReader('degreeStudyHours'),
  certificates: numberReader('certificates'),
  achievements: numberReader('achievements'),
  expertDays: numberReader('expertDays'),
  expertHours: numberReader('expertHours'),
  aidMonths: numberReader('aidMonths'),
  competitions: numberReader('competitions'),
  specialCase: (c, p, rs, errors) => {
    p.specialCase = readCase(c, rs, errors);
  },
  absentMonths: numberReader('absentMonths'),
  transferPublicHours: numberReader('transferPublicHours'),
  transferProfessionalHours: numberReader('transferProfessionalHours'),
  evidenceComplete: yesNoReader('evidenceComplete', 'evidenceCompleteDefault'),
  titleApplicant: yesNoReader('titleApplicant', 'titleApplicantDefault'),
  titleSubmissionDate: (c, p, rs, errors) => {
    p.titleSubmissionDate = readDate(c, 'titleSubmissionDate', rs, errors);
  },
  professionalBySector: yesNoReader('professionalBySector', 'professionalBySectorDefault'),
};

/**
 * The readers in a prototype-less object: `for (const key in row)` then one lookup per own key is much faster than
 * 26 property reads on row objects of many shapes (measured with `npm run bench`).
 */
const READER_OF: Readonly<Record<string, FieldReader | undefined>> = Object.assign(
  Object.create(null) as Record<string, FieldReader | undefined>,
  FIELD_READERS,
);

/** Roster key → template column index (errors are sorted in template order). */
const KEY_INDEX: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number | undefined>,
  Object.fromEntries(ROSTER_KEYS.map((k, i) => [k, i])),
);

/** An empty ParsedRow to parse into. */
export function newParsedRow(): ParsedRow {
  return {
    name: '', unit: '', department: '', platformPublicHours: null, platformProfessionalHours: null,
    trainingHours: null, trainingDays: null, seminarHours: null, seminarDays: null, trainingFiled: true,
    degreeStudyHours: null, certificates: null, achievements: null, expertDays: null, expertHours: null,
    aidMonths: null, competitions: null, specialCase: null, absentMonths: null, transferPublicHours: null,
    transferProfessionalHours: null, evidenceComplete: true, titleApplicant: false, titleSubmissionDate: null,
    professionalBySector: false, idKey: null,
  };
}

// Hand-unrolled on purpose: a loop over the slot names (keyed stores) cost 880 ms per 60 × 20,000 rows in a CPU
// profile of `npm run bench` rows, more than parseRow itself; these 26 plain stores cost nothing measurable.
function resetParsedRow(p: ParsedRow, v: CompiledRuleSet['v']): void {
  p.name = '';
  p.unit = '';
  p.department = '';
  p.platformPublicHours = null;
  p.platformProfessionalHours = null;
  p.trainingHours = null;
  p.trainingDays = null;
  p.seminarHours = null;
  p.seminarDays = null;
  p.trainingFiled = v.trainingFiledDefault;
  p.degreeStudyHours = null;
  p.certificates = null;
  p.achievements = null;
  p.expertDays = null;
  p.expertHours = null;
  p.aidMonths = null;
  p.competitions = null;
  p.specialCase = null;
  p.absentMonths = null;
  p.transferPublicHours = null;
  p.transferProfessionalHours = null;
  p.evidenceComplete = v.evidenceCompleteDefault;
  p.titleApplicant = v.titleApplicantDefault;
  p.titleSubmissionDate = null;
  p.professionalBySector = v.professionalBySectorDefault;
  p.idKey = null;
}

function byFieldOrder(a: RowError, b: RowError): number {
  return (KEY_INDEX[a.field] ?? -1) - (KEY_INDEX[b.field] ?? -1);
}

/** Sorts a row's errors into template column order. */
export function sortErrors(errors: RowError[]): void {
  if (errors.length > 1) errors.sort(byFieldOrder);
}

/**
 * RULES.md §9: a total row (name, spaces removed, is 合计 … optionally with a colon) or a note row (name starts with
 * 制表人 … and a colon). Returns the name as shown, or null for a person. Reads only the first few characters that
 * are not spaces (enough for the longest word and its colon), whatever the name's length.
 */
export function notAPersonName(name: unknown, rs: CompiledRuleSet): string | null {
  if (typeof name !== 'string' || name.length === 0) return null;
  const w = rs.notPerson;
  // the native trimStart: a JS loop over a long run of leading spaces costs ten times more
  const t = isSpaceCode(name.charCodeAt(0)) ? name.trimStart() : name;
  if (t.length === 0 || !inCodeSet(w.firstCodes, t.charCodeAt(0))) return null;
  let head = '';
  let i = 0;
  for (; i < t.length && head.length < w.headLength; i++) {
    if (!isSpaceCode(t.charCodeAt(i))) head += t[i];
  }
  const s = toHalfWidth(head);
  if (i === t.length || t.slice(i).trimStart().length === 0) {
    // the whole name is in `s`: a total word, or one followed by a colon
    if (w.totals.has(s) || (w.colons.has(s[s.length - 1]) && w.totals.has(s.slice(0, -1)))) return t.trim();
  }
  for (let k = 0; k < w.prefixes.length; k++) {
    const pre = w.prefixes[k];
    if (s.length > pre.length && s.startsWith(pre) && w.colons.has(s[pre.length])) return t.trim();
  }
  return null;
}

/** What parseRow found: a blank row, a person, or a total or note row (RULES.md §9). */
export const BLANK_ROW = 0;
export const PERSON_ROW = 1;
export const NOT_A_PERSON_ROW = 2;
export type RowKind = typeof BLANK_ROW | typeof PERSON_ROW | typeof NOT_A_PERSON_ROW;

/**
 * Normalises a row object into `p` in one pass over its own keys; blank cells and placeholders keep the defaults,
 * an Excel error value is EXCEL_ERROR in any field. Bad cells push one error each (sorted into template column
 * order), a bad ID number a warning. A total or note row is not read at all.
 */
export function parseRow(row: object, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[], p: ParsedRow): RowKind {
  resetParsedRow(p, rs.v);
  const cells = row as Record<string, unknown>;
  if (notAPersonName(cells.name, rs) !== null) return NOT_A_PERSON_ROW;
  const words = rs.words;
  let any = false;
  let absentBlank = true;
  for (const key in cells) {
    const read = READER_OF[key];
    if (read === undefined) continue;
    let c = cells[key];
    if (c === null || c === undefined) continue;
    if (typeof c === 'string') {
      const n = c.length;
      if (n === 0) continue;
      if (isSpaceCode(c.charCodeAt(0)) || isSpaceCode(c.charCodeAt(n - 1))) {
        c = c.trim();
        if ((c as string).length === 0) continue;
      }
      const t = c as string;
      if (isPlaceholder(t, words)) continue;
      const e = excelErrorOf(t, words);
      if (e !== null) {
        any = true;
        if (key === 'absentMonths') absentBlank = false;
        errors.push(err(key as RosterKey, 'EXCEL_ERROR',
          `${rs.zh[key as RosterKey]}：单元格是Excel错误值“${e}”，请修正该单元格的公式或重新填写`));
        continue;
      }
    }
    any = true;
    if (key === 'absentMonths') absentBlank = false;
    read(c, p, rs, errors, warnings);
  }
  if (!any) return BLANK_ROW;
  if (p.name.length === 0 && !errors.some((e) => e.field === 'name')) {
    errors.push(err('name', 'NAME_MISSING', `${rs.zh.name}：不能为空，每行须填写姓名`));
  }
  if (p.specialCase !== null && absentBlank) {
    errors.push(err('absentMonths', 'REQUIRED', `${rs.zh.absentMonths}：填写了特殊情况“${p.specialCase}”时必须填写不在岗月数`));
  }
  sortErrors(errors);
  return PERSON_ROW;
}
