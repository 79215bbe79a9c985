// Reading one roster row's cells into typed values, with one Chinese, per-field error for bad input (RULES.md §7).
import { fmt } from './format';
import { checkIdNumber, isBlankCell, isSpaceCode, parseDateCell, parseNumberCell, parseYesNoCell, showCell, textOfCell, toHalfWidth, unitsOf } from './normalize';
import type { CompiledRuleSet, NumberField } from './rulesets/compile';
import { ROSTER_KEYS, type CellValue, type RosterKey, type RowError, type RowWarning } from './types';

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

const KEY_INDEX: ReadonlyMap<string, number> = new Map(ROSTER_KEYS.map((k, i) => [k, i]));
const I = Object.fromEntries(ROSTER_KEYS.map((k, i) => [k, i])) as Readonly<Record<RosterKey, number>>;
const N_KEYS = ROSTER_KEYS.length;

/** A scratch buffer for one row's cells, indexed like ROSTER_KEYS; reused row after row within one evaluate call. */
export type RowCells = CellValue[];

export function newRowCells(): RowCells {
  return new Array<CellValue>(N_KEYS).fill(undefined);
}

/**
 * Copies a row object's roster fields into `cells` (one pass over its own keys, which is much faster than 25 property
 * lookups on objects of many shapes). Returns true when some roster field is not blank.
 */
export function readCells(row: object, cells: RowCells): boolean {
  for (let j = 0; j < N_KEYS; j++) cells[j] = undefined;
  let any = false;
  for (const key in row) {
    const j = KEY_INDEX.get(key);
    if (j === undefined) continue;
    const v = (row as Record<string, unknown>)[key] as CellValue;
    cells[j] = v;
    if (!any && !isBlankCell(v)) any = true;
  }
  return any;
}

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

/**
 * Normalises a non-blank row's cells into `p`; bad cells push one error each (in template column order), ID problems
 * a warning.
 */
export function parseRow(c: RowCells, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[], p: ParsedRow): ParsedRow {
  const f = rs.numberFields;
  const v = rs.v;
  const name = readText(c[I.name], 'name', rs, errors);
  if (name.length === 0 && errors.length === 0) {
    errors.push({ field: 'name', code: 'NAME_MISSING', message: `${rs.zh.name}：不能为空，每行须填写姓名` });
  }
  p.name = name;
  checkId(c[I.idNumber], rs, errors, warnings);
  p.unit = readText(c[I.unit], 'unit', rs, errors);
  p.department = readText(c[I.department], 'department', rs, errors);
  p.platformPublicHours = readNumber(c[I.platformPublicHours], f.platformPublicHours, errors);
  p.platformProfessionalHours = readNumber(c[I.platformProfessionalHours], f.platformProfessionalHours, errors);
  p.trainingHours = readNumber(c[I.trainingHours], f.trainingHours, errors);
  p.trainingDays = readNumber(c[I.trainingDays], f.trainingDays, errors);
  p.seminarHours = readNumber(c[I.seminarHours], f.seminarHours, errors);
  p.seminarDays = readNumber(c[I.seminarDays], f.seminarDays, errors);
  p.trainingFiled = readYesNo(c[I.trainingFiled], 'trainingFiled', v.trainingFiledDefault, rs, errors);
  p.degreeStudyHours = readNumber(c[I.degreeStudyHours], f.degreeStudyHours, errors);
  p.certificates = readNumber(c[I.certificates], f.certificates, errors);
  p.achievements = readNumber(c[I.achievements], f.achievements, errors);
  p.expertDays = readNumber(c[I.expertDays], f.expertDays, errors);
  p.expertHours = readNumber(c[I.expertHours], f.expertHours, errors);
  p.aidMonths = readNumber(c[I.aidMonths], f.aidMonths, errors);
  p.competitions = readNumber(c[I.competitions], f.competitions, errors);
  p.specialCase = readCase(c[I.specialCase], rs, errors);
  const absent = c[I.absentMonths];
  p.absentMonths = readNumber(absent, f.absentMonths, errors);
  p.transferPublicHours = readNumber(c[I.transferPublicHours], f.transferPublicHours, errors);
  p.transferProfessionalHours = readNumber(c[I.transferProfessionalHours], f.transferProfessionalHours, errors);
  p.evidenceComplete = readYesNo(c[I.evidenceComplete], 'evidenceComplete', v.evidenceCompleteDefault, rs, errors);
  p.titleApplicant = readYesNo(c[I.titleApplicant], 'titleApplicant', v.titleApplicantDefault, rs, errors);
  p.titleSubmissionDate = readDate(c[I.titleSubmissionDate], 'titleSubmissionDate', rs, errors);
  if (p.specialCase !== null && p.absentMonths === null && isBlankCell(absent)) {
    errors.push({
      field: 'absentMonths',
      code: 'REQUIRED',
      message: `${rs.zh.absentMonths}：填写了特殊情况“${p.specialCase}”时必须填写不在岗月数`,
    });
  }
  return p;
}
