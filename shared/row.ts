// One roster row through the rules, in the order of RULES.md §3–§6.
import { NO_ERRORS, NO_ITEMS, NO_WARNINGS, exactCopy, makeNoteWarning, makeResult } from './build';
import { cachedIsoDay, cachedItem, type OutputCache } from './cache';
import { newResultColumns, recordBreakdown, writeRow, type ResultColumns } from './columns';
import { ERROR_ROW_WARNINGS } from './codes';
import { BLANK_ROW, NOT_A_PERSON_ROW, newParsedRow, notAPersonName, parseRow, sortErrors, type ParsedRow } from './fields';
import { showCell } from './normalize';
import { capCategory1, creditSeminars, creditTraining, trainingNotFiled } from './rules/annex1-1-training';
import { creditCertificates, creditDegreeStudy } from './rules/annex1-2-study';
import { creditAchievements } from './rules/annex1-3-achievements';
import { creditAidProfessional, creditAidPublic, creditExperts } from './rules/annex1-4-activities';
import { creditCompetitions } from './rules/annex1-5-competitions';
import { monthsOnDutyFor } from './rules/annex1-6-special-cases';
import { evidenceMissing, statusFor } from './rules/annex1-7-evidence-status';
import { requiredProfessionalFor, requiredPublicFor, shortfallOf } from './rules/main2-requirement';
import { deadlineFor, warnDeadlinePassed } from './rules/main6-deadline';
import type { CompiledRuleSet } from './rulesets/compile';
import { SOURCE_KEYS, type SourceDef } from './rulesets/types';
import type { BreakdownItem, RosterRowInput, RowError, RowResult, RowWarning } from './types';

const S_platformPublic = SOURCE_KEYS.indexOf('platformPublic');
const S_platformProfessional = SOURCE_KEYS.indexOf('platformProfessional');
const S_training = SOURCE_KEYS.indexOf('training');
const S_seminars = SOURCE_KEYS.indexOf('seminars');
const S_degree = SOURCE_KEYS.indexOf('degree');
const S_certificates = SOURCE_KEYS.indexOf('certificates');
const S_achievements = SOURCE_KEYS.indexOf('achievements');
const S_experts = SOURCE_KEYS.indexOf('experts');
const S_aid = SOURCE_KEYS.indexOf('aid');
const S_competitions = SOURCE_KEYS.indexOf('competitions');
const S_transferPublic = SOURCE_KEYS.indexOf('transferPublic');
const S_transferProfessional = SOURCE_KEYS.indexOf('transferProfessional');

/** Records the public and professional hours credited from source `i` (slots 2i and 2i+1). */
function put(credits: Float64Array, i: number, pub: number, pro: number): void {
  credits[2 * i] = pub;
  credits[2 * i + 1] = pro;
}

/**
 * The breakdown: one item per source that credited hours, in SOURCE_KEYS order, pushed onto `items`. Items are
 * shared, frozen, from the rule set's cache.
 */
function pushBreakdown(credits: Float64Array, sources: readonly SourceDef[], cache: OutputCache, items: BreakdownItem[]): void {
  for (let i = 0; i < sources.length; i++) {
    const pub = credits[2 * i];
    const pro = credits[2 * i + 1];
    if (pub > 0 || pro > 0) {
      const src = sources[i];
      items.push(cachedItem(cache, i, src.clause, src.label, pub, pro));
    }
  }
}

/** The breakdown as an array of exact size (through the scratch list `items`). */
function breakdownOf(credits: Float64Array, rs: CompiledRuleSet, items: BreakdownItem[]): BreakdownItem[] {
  items.length = 0;
  pushBreakdown(credits, rs.sourceList, rs.cache, items);
  return exactCopy(items, NO_ITEMS);
}

/** The result of a blank row: skipped, zeros, no deadline. */
export function blankResult(index: number, warnings: RowWarning[] = NO_WARNINGS): RowResult {
  return makeResult(index, '', 0, 0, 0, 0, 0, 0, 0, '', NO_ITEMS, warnings, NO_ERRORS);
}

/** A total or note row (RULES.md §9): skipped like a blank row, with one NOT_A_PERSON warning saying why. */
function notAPersonResult(index: number, name: string): RowResult {
  return blankResult(index, [makeNoteWarning('NOT_A_PERSON', `“${showCell(name)}”是合计或说明行，不是人员，已跳过，不计入人数和汇总`)]);
}

function errorResult(index: number, deadline: string, warnings: RowWarning[], errors: RowError[]): RowResult {
  return makeResult(index, '数据有误', 0, 0, 0, 0, 0, 0, 0, deadline, NO_ITEMS, warnings, errors);
}

export function isRowObject(row: unknown): row is RosterRowInput {
  return typeof row === 'object' && row !== null && !Array.isArray(row);
}

/**
 * Scratch space reused row after row within one evaluate call: no per-row allocation for reading cells, and warning
 * and error lists copied out at their exact size. With `columns` (newRowContext(rows)), a credited row is recorded
 * there and evaluateRow returns `scratch`, a reused result good until the next row (for the summary); the caller
 * builds the results with resultsFromColumns.
 */
export type RowContext = {
  parsed: ParsedRow;
  credits: Float64Array;
  errors: RowError[];
  warnings: RowWarning[];
  /** Scratch list of breakdown items (when there are no columns). */
  items: BreakdownItem[];
  columns: ResultColumns | null;
  scratch: RowResult;
};

export function newRowContext(rows?: number): RowContext {
  return {
    parsed: newParsedRow(),
    credits: new Float64Array(SOURCE_KEYS.length * 2),
    errors: [],
    warnings: [],
    items: [],
    columns: rows === undefined ? null : newResultColumns(rows),
    scratch: blankResult(0),
  };
}

/**
 * Evaluates one row; `asOfDay` is a day number or NaN (no DEADLINE_PASSED check). Never throws on row content.
 * After the call, `ctx.parsed` holds the row's name, unit and department (for the summary).
 */
export function evaluateRow(row: unknown, index: number, rs: CompiledRuleSet, asOfDay: number, ctx: RowContext = newRowContext()): RowResult {
  const p = ctx.parsed;
  p.name = '';
  p.unit = '';
  p.department = '';
  p.idKey = null;
  if (row === null || row === undefined) return blankResult(index);
  if (!isRowObject(row)) {
    return errorResult(index, rs.v.yearEnd, NO_WARNINGS, [{ field: 'row', code: 'NOT_A_ROW', message: '该行不是花名册行（应为以表头为键的对象）' }]);
  }
  const errors = ctx.errors;
  const warnings = ctx.warnings;
  if (errors.length !== 0) errors.length = 0;
  if (warnings.length !== 0) warnings.length = 0;
  const kind = parseRow(row, rs, errors, warnings, p);
  if (kind === BLANK_ROW) return blankResult(index);
  if (kind === NOT_A_PERSON_ROW) return notAPersonResult(index, notAPersonName((row as Record<string, unknown>).name, rs) ?? '');
  if (errors.length > 0) {
    const ids = exactCopy(warnings, NO_WARNINGS);
    warnings.length = 0;
    const deadline = deadlineFor(p.titleApplicant, p.titleSubmissionDate, rs, warnings);
    return errorResult(index, deadline === rs.yearEndDay ? rs.v.yearEnd : cachedIsoDay(rs.cache, deadline), ids, exactCopy(errors, NO_ERRORS));
  }
  return creditRow(p, index, rs, asOfDay, ctx);
}

/**
 * RULES.md §9: a row whose ID number is also on `others` rows of the call becomes 数据有误 with DUPLICATE_ID on
 * idNumber (plus any errors it had), keeping its deadline and only the ID warnings.
 */
export function duplicateResult(r: RowResult, others: number[], total: number, rs: CompiledRuleSet): RowResult {
  const errors: RowError[] = r.errors.slice();
  errors.push({
    field: 'idNumber',
    code: 'DUPLICATE_ID',
    message: `${rs.zh.idNumber}：与另外${total}行的身份证号相同，同一人出现了多次；请把同一人的学时合并为一行后再核对`,
    rows: others,
  });
  sortErrors(errors);
  const kept = r.warnings.filter((w) => ERROR_ROW_WARNINGS.has(w.code));
  return errorResult(r.index, r.deadline, kept.length === 0 ? NO_WARNINGS : kept, errors);
}

function creditRow(p: ParsedRow, index: number, rs: CompiledRuleSet, asOfDay: number, ctx: RowContext): RowResult {
  const warnings = ctx.warnings;
  const credits = ctx.credits;
  const platformPublic = p.platformPublicHours ?? 0;
  const platformProfessional = p.platformProfessionalHours ?? 0;
  put(credits, S_platformPublic, platformPublic, 0);
  put(credits, S_platformProfessional, 0, platformProfessional);

  // 附件1第1条
  let training = 0;
  let seminars = 0;
  if (!trainingNotFiled(p.trainingFiled, p.trainingHours, p.seminarHours, rs, warnings)) {
    const a = creditTraining(p.trainingHours, p.trainingDays, rs, warnings);
    const s = creditSeminars(p.seminarHours, p.seminarDays, rs, warnings);
    const both = capCategory1(a, s, rs, warnings);
    training = a < both ? a : both;
    seminars = both - training;
  }
  put(credits, S_training, 0, training);
  put(credits, S_seminars, 0, seminars);
  // 附件1第2条
  const degree = creditDegreeStudy(p.degreeStudyHours, rs, warnings);
  put(credits, S_degree, 0, degree);
  const certificates = creditCertificates(p.certificates, rs, warnings);
  put(credits, S_certificates, 0, certificates);
  // 附件1第3条
  const achievements = creditAchievements(p.achievements, rs, warnings);
  put(credits, S_achievements, 0, achievements);
  // 附件1第4条
  const experts = creditExperts(p.expertDays, p.expertHours, rs, warnings);
  put(credits, S_experts, 0, experts);
  const aidPublic = creditAidPublic(p.aidMonths, rs);
  const aidProfessional = creditAidProfessional(p.aidMonths, rs);
  put(credits, S_aid, aidPublic, aidProfessional);
  // 附件1第5条
  const competitions = creditCompetitions(p.competitions, rs, warnings);
  put(credits, S_competitions, 0, competitions);
  // 正文四(三)
  const transferPublic = p.transferPublicHours ?? 0;
  const transferProfessional = p.transferProfessionalHours ?? 0;
  put(credits, S_transferPublic, transferPublic, 0);
  put(credits, S_transferProfessional, 0, transferProfessional);

  const evidenced = aidPublic + transferPublic;
  const evidencedProfessional =
    training + seminars + degree + certificates + achievements + experts + aidProfessional + competitions + transferProfessional;
  const publicHours = platformPublic + evidenced;
  const professionalHours = platformProfessional + evidencedProfessional;

  // 正文二 with 附件1第6条; 正文二(二): the sector may check the professional part
  const onDuty = monthsOnDutyFor(p.specialCase, p.absentMonths, rs, warnings);
  const requiredPublic = requiredPublicFor(onDuty, rs);
  const requiredProfessional = requiredProfessionalFor(onDuty, p.professionalBySector, rs, warnings);
  const publicShortfall = shortfallOf(requiredPublic, publicHours);
  const professionalShortfall = shortfallOf(requiredProfessional, professionalHours);

  // 附件1第7条 and RULES.md §6
  const missing = evidenceMissing(p.evidenceComplete, evidenced + evidencedProfessional, onDuty, rs);
  const status = statusFor(publicShortfall, professionalShortfall, missing);

  // 正文六
  const deadlineDay = deadlineFor(p.titleApplicant, p.titleSubmissionDate, rs, warnings);
  const deadline = deadlineDay === rs.yearEndDay ? rs.v.yearEnd : cachedIsoDay(rs.cache, deadlineDay);
  warnDeadlinePassed(status, asOfDay, deadlineDay, publicShortfall, professionalShortfall, rs, warnings);
  const columns = ctx.columns;
  if (columns !== null) {
    writeRow(columns, index, status, publicHours, professionalHours, requiredPublic, requiredProfessional, publicShortfall,
      professionalShortfall, deadlineDay, warnings);
    recordBreakdown(columns, index, credits);
    const r = ctx.scratch;
    r.index = index;
    r.status = status;
    r.publicHours = publicHours;
    r.professionalHours = professionalHours;
    r.publicShortfall = publicShortfall;
    r.professionalShortfall = professionalShortfall;
    r.deadline = deadline;
    r.warnings = warnings;
    return r;
  }
  return makeResult(
    index,
    status,
    publicHours,
    professionalHours,
    publicHours + professionalHours,
    requiredPublic,
    requiredProfessional,
    publicShortfall,
    professionalShortfall,
    deadline,
    breakdownOf(credits, rs, ctx.items),
    exactCopy(warnings, NO_WARNINGS),
    NO_ERRORS,
  );
}

/** The name, unit and department of a row as the summary groups it (read again after duplicates were found). */
export function groupTexts(row: unknown, rs: CompiledRuleSet, ctx: RowContext): ParsedRow {
  const p = ctx.parsed;
  if (!isRowObject(row)) {
    p.name = '';
    p.unit = '';
    p.department = '';
    return p;
  }
  parseRow(row, rs, [], [], p);
  return p;
}
