// Reading one roster row's cells into typed values, with one Chinese, per-field error for bad input (RULES.md §7).
import { fmt } from './format';
import { checkIdNumber, isBlankCell, parseDateCell, parseNumberCell, parseYesNoCell, showCell, textOfCell, toHalfWidth, unitsOf } from './normalize';
import type { CompiledRuleSet, NumberField } from './rulesets/compile';
import type { RosterKey, RosterRowInput, RowError, RowWarning } from './types';

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
  if (typeof v === 'string') return v.trim();
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

/** true when every roster field of the row is blank. */
export function isBlankRow(row: RosterRowInput): boolean {
  return (
    isBlankCell(row.name) && isBlankCell(row.idNumber) && isBlankCell(row.unit) && isBlankCell(row.department) &&
    isBlankCell(row.platformPublicHours) && isBlankCell(row.platformProfessionalHours) &&
    isBlankCell(row.trainingHours) && isBlankCell(row.trainingDays) && isBlankCell(row.seminarHours) &&
    isBlankCell(row.seminarDays) && isBlankCell(row.trainingFiled) && isBlankCell(row.degreeStudyHours) &&
    isBlankCell(row.certificates) && isBlankCell(row.achievements) && isBlankCell(row.expertDays) &&
    isBlankCell(row.expertHours) && isBlankCell(row.aidMonths) && isBlankCell(row.competitions) &&
    isBlankCell(row.specialCase) && isBlankCell(row.absentMonths) && isBlankCell(row.transferPublicHours) &&
    isBlankCell(row.transferProfessionalHours) && isBlankCell(row.evidenceComplete) &&
    isBlankCell(row.titleApplicant) && isBlankCell(row.titleSubmissionDate)
  );
}

/** Normalises a non-blank row; bad cells push one error each (in template column order), ID problems a warning. */
export function parseRow(row: RosterRowInput, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[]): ParsedRow {
  const f = rs.numberFields;
  const v = rs.v;
  const name = readText(row.name, 'name', rs, errors);
  if (name.length === 0 && errors.length === 0) {
    errors.push({ field: 'name', code: 'NAME_MISSING', message: `${rs.zh.name}：不能为空，每行须填写姓名` });
  }
  checkId(row.idNumber, rs, errors, warnings);
  const parsed: ParsedRow = {
    name,
    unit: readText(row.unit, 'unit', rs, errors),
    department: readText(row.department, 'department', rs, errors),
    platformPublicHours: readNumber(row.platformPublicHours, f.platformPublicHours, errors),
    platformProfessionalHours: readNumber(row.platformProfessionalHours, f.platformProfessionalHours, errors),
    trainingHours: readNumber(row.trainingHours, f.trainingHours, errors),
    trainingDays: readNumber(row.trainingDays, f.trainingDays, errors),
    seminarHours: readNumber(row.seminarHours, f.seminarHours, errors),
    seminarDays: readNumber(row.seminarDays, f.seminarDays, errors),
    trainingFiled: readYesNo(row.trainingFiled, 'trainingFiled', v.trainingFiledDefault, rs, errors),
    degreeStudyHours: readNumber(row.degreeStudyHours, f.degreeStudyHours, errors),
    certificates: readNumber(row.certificates, f.certificates, errors),
    achievements: readNumber(row.achievements, f.achievements, errors),
    expertDays: readNumber(row.expertDays, f.expertDays, errors),
    expertHours: readNumber(row.expertHours, f.expertHours, errors),
    aidMonths: readNumber(row.aidMonths, f.aidMonths, errors),
    competitions: readNumber(row.competitions, f.competitions, errors),
    specialCase: readCase(row.specialCase, rs, errors),
    absentMonths: readNumber(row.absentMonths, f.absentMonths, errors),
    transferPublicHours: readNumber(row.transferPublicHours, f.transferPublicHours, errors),
    transferProfessionalHours: readNumber(row.transferProfessionalHours, f.transferProfessionalHours, errors),
    evidenceComplete: readYesNo(row.evidenceComplete, 'evidenceComplete', v.evidenceCompleteDefault, rs, errors),
    titleApplicant: readYesNo(row.titleApplicant, 'titleApplicant', v.titleApplicantDefault, rs, errors),
    titleSubmissionDate: readDate(row.titleSubmissionDate, 'titleSubmissionDate', rs, errors),
  };
  if (parsed.specialCase !== null && parsed.absentMonths === null && isBlankCell(row.absentMonths)) {
    errors.push({
      field: 'absentMonths',
      code: 'REQUIRED',
      message: `${rs.zh.absentMonths}：填写了特殊情况“${parsed.specialCase}”时必须填写不在岗月数`,
    });
  }
  return parsed;
}
