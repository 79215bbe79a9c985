// Reading one roster row's cells into typed values, with one Chinese, per-field error for bad input (RULES.md §7).
import { fmt } from './format';
import { checkIdNumber, isBlankCell, isSpaceCode, parseDateCell, parseNumberCell, parseYesNoCell, showCell, textOfCell, toHalfWidth, unitsOf } from './normalize';
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
};

function numberError(f: NumberField, v: unknown, n: number): RowError | null {
  if (Number.isNaN(n)) {
    return {
      field: f.key,
      code: 'NOT_A_NUMBER',
      message: `${f.zh}：“${showCell(v)}”不是数字，请填写数字（可带单位“${unitsOf(f.kind)[0]}”）`,
    };
  }
  if (n < 0) return { field: f.key, code: 'NEGATIVE', message: `${f.zh}：不能为负数（${showCell(v)}）` };
  if (f.integer && !Number.isInteger(n)) return { field: f.key, code: 'NOT_INTEGER', message: `${f.zh}：应为整数（${showCell(v)}）` };
  if (n > f.max) {
    return { field: f.key, code: 'OUT_OF_RANGE', message: `${f.zh}：${fmt(n)}${f.unit}超出范围（0–${fmt(f.max)}${f.unit}），请核对` };
  }
  return null;
}

/** A numeric cell: the number, or null when blank or invalid (then an error is pushed). */
export function readNumber(v: unknown, f: NumberField, errors: RowError[]): number | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' && v >= 0 && v <= f.max && (!f.integer || Number.isInteger(v))) return v === 0 ? 0 : v;
  if (isBlankCell(v)) return null;
  const n = parseNumberCell(v, f.kind);
  const err = numberError(f, v, n);
  if (err !== null) {
    errors.push(err);
    return null;
  }
  return n === 0 ? 0 : n;
}

/** A yes/no cell: the boolean, the default when blank; on bad input the default and a NOT_YES_NO error. */
export function readYesNo(v: unknown, key: RosterKey, fallback: boolean, rs: CompiledRuleSet, errors: RowError[]): boolean {
  if (v === null || v === undefined) return fallback;
  if (isBlankCell(v)) return fallback;
  const b = parseYesNoCell(v);
  if (b !== undefined) return b;
  errors.push({ field: key, code: 'NOT_YES_NO', message: `${rs.zh[key]}：“${showCell(v)}”无法识别，请填写“是”或“否”` });
  return fallback;
}

function readText(v: unknown, key: RosterKey, rs: CompiledRuleSet, errors: RowError[]): string {
  if (typeof v === 'string') {
    const n = v.length;
    if (n === 0) return v;
    return isSpaceCode(v.charCodeAt(0)) || isSpaceCode(v.charCodeAt(n - 1)) ? v.trim() : v;
  }
  const t = textOfCell(v);
  if (t !== undefined) return t;
  errors.push({ field: key, code: 'NOT_TEXT', message: `${rs.zh[key]}：应为文字，不能是${showCell(v)}` });
  return '';
}

function readCase(v: unknown, rs: CompiledRuleSet, errors: RowError[]): string | null {
  if (v === null || v === undefined || isBlankCell(v)) return null;
  if (typeof v === 'string') {
    if (rs.specialCases.has(v)) return v;
    const s = toHalfWidth(v).trim();
    if (rs.specialCases.has(s)) return s;
  }
  errors.push({
    field: 'specialCase',
    code: 'UNKNOWN_CASE',
    message: `${rs.zh.specialCase}：“${showCell(v)}”无法识别，应为${rs.ruleSet.specialCases.join('、')}之一或留空`,
  });
  return null;
}

function readDate(v: unknown, key: RosterKey, rs: CompiledRuleSet, errors: RowError[]): number | null {
  if (v === null || v === undefined || isBlankCell(v)) return null;
  const d = parseDateCell(v);
  if (!Number.isNaN(d)) return d;
  errors.push({ field: key, code: 'NOT_A_DATE', message: `${rs.zh[key]}：“${showCell(v)}”不是有效日期，请填写如2023-10-09` });
  return null;
}

function checkId(v: unknown, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[]): void {
  if (v === null || v === undefined || isBlankCell(v)) return;
  const text = readText(v, 'idNumber', rs, errors);
  if (text.length === 0) return;
  const c = checkIdNumber(text);
  if (c.ok) return;
  const why =
    c.reason === 'checksum' ? `校验位应为${c.expected ?? ''}` : c.reason === 'length' ? '应为18位（或旧版15位）' : '含有非数字字符';
  warnings.push({ code: 'ID_CHECKSUM', message: `${rs.zh.idNumber}“${text}”未通过校验（${why}），请核对` });
}

/** Roster key → column index, a prototype-less object (the fastest lookup for the keys a for-in loop yields). */
const KEY_INDEX: Readonly<Record<string, number | undefined>> = Object.assign(
  Object.create(null) as Record<string, number | undefined>,
  Object.fromEntries(ROSTER_KEYS.map((k, i) => [k, i])),
);

/** The column order the literal `case` labels of parseRow assume (checked once at load). */
const CASE_ORDER =
  'name,idNumber,unit,department,platformPublicHours,platformProfessionalHours,trainingHours,trainingDays,seminarHours,' +
  'seminarDays,trainingFiled,degreeStudyHours,certificates,achievements,expertDays,expertHours,aidMonths,competitions,' +
  'specialCase,absentMonths,transferPublicHours,transferProfessionalHours,evidenceComplete,titleApplicant,titleSubmissionDate';
if (ROSTER_KEYS.join(',') !== CASE_ORDER) throw new Error('ROSTER_KEYS changed: update parseRow');

/** An empty ParsedRow to parse into. */
export function newParsedRow(): ParsedRow {
  return {
    name: '', unit: '', department: '', platformPublicHours: null, platformProfessionalHours: null,
    trainingHours: null, trainingDays: null, seminarHours: null, seminarDays: null, trainingFiled: true,
    degreeStudyHours: null, certificates: null, achievements: null, expertDays: null, expertHours: null,
    aidMonths: null, competitions: null, specialCase: null, absentMonths: null, transferPublicHours: null,
    transferProfessionalHours: null, evidenceComplete: true, titleApplicant: false, titleSubmissionDate: null,
  };
}

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
}

function byFieldOrder(a: RowError, b: RowError): number {
  return (KEY_INDEX[a.field] ?? -1) - (KEY_INDEX[b.field] ?? -1);
}

/**
 * Normalises a row object into `p` in one pass over its own keys (much faster than 25 lookups on objects of many
 * shapes); blank cells keep the defaults. Bad cells push one error each (sorted into template column order), a bad ID
 * number a warning. Returns false for a blank row (every roster field blank), which then has no errors.
 */
export function parseRow(row: object, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[], p: ParsedRow): boolean {
  const f = rs.numberFields;
  const v = rs.v;
  resetParsedRow(p, v);
  let any = false;
  let absentBlank = true;
  for (const key in row) {
    const j = KEY_INDEX[key];
    if (j === undefined) continue;
    const c = (row as Record<string, unknown>)[key];
    if (c === null || c === undefined || isBlankCell(c)) continue;
    any = true;
    switch (j) {
      case 0: // name
        p.name = readText(c, 'name', rs, errors); break;
      case 1: // idNumber
        checkId(c, rs, errors, warnings); break;
      case 2: // unit
        p.unit = readText(c, 'unit', rs, errors); break;
      case 3: // department
        p.department = readText(c, 'department', rs, errors); break;
      case 4: // platformPublicHours
        p.platformPublicHours = readNumber(c, f.platformPublicHours, errors); break;
      case 5: // platformProfessionalHours
        p.platformProfessionalHours = readNumber(c, f.platformProfessionalHours, errors); break;
      case 6: // trainingHours
        p.trainingHours = readNumber(c, f.trainingHours, errors); break;
      case 7: // trainingDays
        p.trainingDays = readNumber(c, f.trainingDays, errors); break;
      case 8: // seminarHours
        p.seminarHours = readNumber(c, f.seminarHours, errors); break;
      case 9: // seminarDays
        p.seminarDays = readNumber(c, f.seminarDays, errors); break;
      case 10: // trainingFiled
        p.trainingFiled = readYesNo(c, 'trainingFiled', v.trainingFiledDefault, rs, errors); break;
      case 11: // degreeStudyHours
        p.degreeStudyHours = readNumber(c, f.degreeStudyHours, errors); break;
      case 12: // certificates
        p.certificates = readNumber(c, f.certificates, errors); break;
      case 13: // achievements
        p.achievements = readNumber(c, f.achievements, errors); break;
      case 14: // expertDays
        p.expertDays = readNumber(c, f.expertDays, errors); break;
      case 15: // expertHours
        p.expertHours = readNumber(c, f.expertHours, errors); break;
      case 16: // aidMonths
        p.aidMonths = readNumber(c, f.aidMonths, errors); break;
      case 17: // competitions
        p.competitions = readNumber(c, f.competitions, errors); break;
      case 18: // specialCase
        p.specialCase = readCase(c, rs, errors); break;
      case 19: // absentMonths
        absentBlank = false; p.absentMonths = readNumber(c, f.absentMonths, errors); break;
      case 20: // transferPublicHours
        p.transferPublicHours = readNumber(c, f.transferPublicHours, errors); break;
      case 21: // transferProfessionalHours
        p.transferProfessionalHours = readNumber(c, f.transferProfessionalHours, errors); break;
      case 22: // evidenceComplete
        p.evidenceComplete = readYesNo(c, 'evidenceComplete', v.evidenceCompleteDefault, rs, errors); break;
      case 23: // titleApplicant
        p.titleApplicant = readYesNo(c, 'titleApplicant', v.titleApplicantDefault, rs, errors); break;
      case 24: // titleSubmissionDate
        p.titleSubmissionDate = readDate(c, 'titleSubmissionDate', rs, errors); break;
    }
  }
  if (!any) return false;
  if (p.name.length === 0 && !errors.some((e) => e.field === 'name')) {
    errors.push({ field: 'name', code: 'NAME_MISSING', message: `${rs.zh.name}：不能为空，每行须填写姓名` });
  }
  if (p.specialCase !== null && absentBlank) {
    errors.push({
      field: 'absentMonths',
      code: 'REQUIRED',
      message: `${rs.zh.absentMonths}：填写了特殊情况“${p.specialCase}”时必须填写不在岗月数`,
    });
  }
  if (errors.length > 1) errors.sort(byFieldOrder);
  return true;
}
