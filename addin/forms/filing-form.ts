// The training-plan filing form of the rule set's duties (duties.trainingPlanFiling: its title, clause, deadline and
// where it goes): the fields, and the checks made while a clerk fills them in (pure). The limits checked are the rule
// set's parameters with their clauses (the daily ceiling, the yearly caps of training and of advanced seminars, the
// filing deadline): unfiled training earns no hours.
import { fmt } from '../../shared/format';
import { isIsoDate, normalizeHeader, numberParameter } from '../../shared/index';
import { isoFromDay } from '../../shared/dates';
import { isBlankCell, parseDateCell, parseYesNoCell, toHalfWidth } from '../../shared/normalize';
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';

export type FilingFieldKey =
  | 'unit' | 'address' | 'projectName' | 'leader' | 'contact' | 'phone' | 'advancedSeminar' | 'plan' | 'audience'
  | 'headcount' | 'period' | 'days' | 'hours' | 'placeAndForm' | 'filedOn';

export type FilingField = {
  key: FilingFieldKey;
  label: string;
  required: boolean;
  maxLength: number;
  multiline?: boolean;
  placeholder?: string;
  /** Other headers a 培训项目 table may use for this field. */
  aliases?: readonly string[];
};

/** The form's fields in the order of 附件2 (filedOn is the filing date used for the deadline check). */
export const FILING_FIELDS: readonly FilingField[] = [
  { key: 'unit', label: '申报单位', required: true, maxLength: 100, aliases: ['单位', '举办单位', '主办单位'] },
  { key: 'address', label: '地址', required: false, maxLength: 100 },
  { key: 'projectName', label: '申请培训项目名称', required: true, maxLength: 100, aliases: ['培训项目名称', '项目名称', '培训项目', '培训名称'] },
  { key: 'leader', label: '负责人', required: false, maxLength: 30 },
  { key: 'contact', label: '联系人', required: false, maxLength: 30 },
  { key: 'phone', label: '联系电话', required: false, maxLength: 30, aliases: ['电话'] },
  { key: 'advancedSeminar', label: '是否申请为市级高级研修班', required: true, maxLength: 10, placeholder: '是 / 否', aliases: ['是否市级高级研修班', '市级高级研修班', '高级研修班'] },
  { key: 'plan', label: '培训计划', required: false, maxLength: 800, multiline: true },
  { key: 'audience', label: '计划培训对象', required: false, maxLength: 100, aliases: ['培训对象'] },
  { key: 'headcount', label: '计划培训人数', required: false, maxLength: 10, aliases: ['培训人数', '人数'] },
  { key: 'period', label: '计划培训时间', required: false, maxLength: 60, placeholder: '如 6月12日至14日', aliases: ['培训时间'] },
  { key: 'days', label: '培训天数', required: true, maxLength: 10, aliases: ['天数'] },
  { key: 'hours', label: '拟计算学时', required: true, maxLength: 10, aliases: ['拟认定学时', '学时'] },
  { key: 'placeAndForm', label: '培训地点及培训形式', required: false, maxLength: 200, aliases: ['培训地点及形式', '培训地点'] },
  { key: 'filedOn', label: '填报日期', required: false, maxLength: 20, placeholder: 'YYYY-MM-DD，留空为今天', aliases: ['申报日期', '报送日期'] },
];

export type FilingInput = Record<FilingFieldKey, string>;

/** A typing-error bound for 计划培训人数 (not a number of the notice). */
const MAX_HEADCOUNT = 100_000;

/** Units a clerk may type after a number of the form (培训天数, 拟计算学时, 计划培训人数). */
const FORM_UNITS = ['学时', '小时', '天', '人', '名'];
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;

/** A number typed into the form ("3", "３", "24学时", " 120人 "), or NaN. The field's maxLength bounds the text. */
export function formNumber(raw: string): number {
  let s = toHalfWidth(raw).trim();
  const unit = FORM_UNITS.find((u) => s.endsWith(u));
  if (unit) s = s.slice(0, s.length - unit.length).trim();
  return DECIMAL.test(s) ? Number(s) : NaN;
}

export type FilingForm = Omit<FilingInput, 'advancedSeminar' | 'headcount' | 'days' | 'hours' | 'filedOn'> & {
  advancedSeminar: boolean;
  headcount: number | null;
  days: number;
  hours: number;
  filedOn: string;
};

export type FilingCheck = { field: FilingFieldKey; level: 'error' | 'warning' | 'info'; message: string; clause?: string };

export type FilingCheckResult = {
  checks: FilingCheck[];
  /** The form when there is no error. */
  form: FilingForm | null;
  /** What one participant can be credited for this project. */
  creditable: number | null;
};

export function emptyFilingInput(): FilingInput {
  return Object.fromEntries(FILING_FIELDS.map((f) => [f.key, ''])) as FilingInput;
}

const label = (k: FilingFieldKey): string => FILING_FIELDS.find((f) => f.key === k)?.label ?? k;

/** YYYY-MM-DD → M月D日 */
function monthDay(iso: string): string {
  const [, m, d] = iso.split('-').map(Number);
  return `${m}月${d}日`;
}

/**
 * Checks a filled-in form. `today` (YYYY-MM-DD) stands for a blank 填报日期. Errors stop the form from being made;
 * warnings and the info on creditable hours are shown next to it.
 */
export function checkFilingForm(raw: Partial<FilingInput>, ruleSet: RuleSet, duties: RuleSetDuties, today: string): FilingCheckResult {
  const checks: FilingCheck[] = [];
  const v = { ...emptyFilingInput(), ...raw };
  for (const f of FILING_FIELDS) {
    const value = String(v[f.key] ?? '');
    if (Array.from(value).length > f.maxLength) {
      checks.push({ field: f.key, level: 'error', message: `“${f.label}”最多 ${f.maxLength} 个字（现在 ${Array.from(value).length} 个）` });
      v[f.key] = '';
    } else {
      v[f.key] = value.trim();
    }
    if (f.required && v[f.key] === '' && !checks.some((c) => c.field === f.key)) {
      checks.push({ field: f.key, level: 'error', message: `请填写“${f.label}”` });
    }
  }
  const p = ruleSet.parameters;
  const n = (name: string) => numberParameter(ruleSet, name);
  const positive = (key: 'days' | 'hours' | 'headcount', kind: 'days' | 'hours' | 'count', max: number): number | null => {
    if (isBlankCell(v[key])) return null;
    const n = formNumber(v[key]);
    if (Number.isNaN(n)) checks.push({ field: key, level: 'error', message: `“${label(key)}”应为数字（现在是“${v[key]}”）` });
    else if (n <= 0) checks.push({ field: key, level: 'error', message: `“${label(key)}”应大于 0` });
    else if (n > max) checks.push({ field: key, level: 'error', message: `“${label(key)}”不能超过 ${max}` });
    else if (kind === 'count' && !Number.isInteger(n)) checks.push({ field: key, level: 'error', message: `“${label(key)}”应为整数` });
    else return n;
    return null;
  };
  const days = positive('days', 'days', n('maxDays').value);
  const hours = positive('hours', 'hours', n('maxHours').value);
  const headcount = positive('headcount', 'count', MAX_HEADCOUNT);

  let advanced: boolean | null = null;
  if (v.advancedSeminar !== '') {
    const yes = parseYesNoCell(v.advancedSeminar);
    if (yes === undefined) checks.push({ field: 'advancedSeminar', level: 'error', message: `“${label('advancedSeminar')}”请填“是”或“否”` });
    else advanced = yes;
  }

  let creditable: number | null = null;
  if (days !== null && hours !== null) {
    const perDay = n(advanced ? 'seminarHoursPerDay' : 'trainingHoursPerDay');
    const dailyMax = perDay.value * days;
    if (hours > dailyMax) {
      checks.push({
        field: 'hours',
        level: 'error',
        message: `拟计算学时 ${fmt(hours)} 超过每天 ${perDay.value} 学时的上限：${fmt(days)} 天最多 ${fmt(dailyMax)} 学时`,
        clause: perDay.clause,
      });
    }
    if (advanced !== null) {
      const cap = n(advanced ? 'seminarYearCap' : 'trainingYearCap');
      creditable = Math.min(hours, dailyMax, cap.value);
      const kind = advanced ? '市级高级研修班' : '培训进修';
      if (Math.min(hours, dailyMax) > cap.value) {
        checks.push({
          field: 'hours',
          level: 'warning',
          message: `${kind}每人每年累计最多认定 ${cap.value} 学时：参训人员按本项目实际只能认定 ${fmt(creditable)} 学时（拟计算 ${fmt(hours)} 学时）`,
          clause: cap.clause,
        });
      } else {
        checks.push({ field: 'hours', level: 'info', message: `参训人员按本项目可认定 ${fmt(creditable)} 学时（${kind}每人每年累计不超过 ${cap.value} 学时）`, clause: cap.clause });
      }
      if (p.category1Cap.value !== null) {
        checks.push({
          field: 'hours',
          level: 'info',
          message: `同一人一年内培训进修与高级研修班合计最多认定 ${p.category1Cap.value} 学时，已参加其他培训的人员可认定的会更少`,
          clause: p.category1Cap.clause,
        });
      }
    }
  }

  let filedOn = today;
  if (v.filedOn !== '') {
    if (isIsoDate(v.filedOn)) filedOn = v.filedOn;
    else checks.push({ field: 'filedOn', level: 'error', message: `“${label('filedOn')}”应为 YYYY-MM-DD 格式的日期，或留空表示今天` });
  }
  const deadline = duties.trainingPlanFiling.deadline;
  if (filedOn > deadline.value) {
    checks.push({
      field: 'filedOn',
      level: 'warning',
      message: `填报日期 ${filedOn} 已晚于 ${monthDay(deadline.value)}：${duties.trainingPlanFiling.deadlineAppliesTo}计划自主开展专业培训的，须于 ${monthDay(deadline.value)} 前加盖公章报${duties.trainingPlanFiling.office}备案；未备案的培训不认定学时`,
      clause: deadline.clause,
    });
  }

  const hasError = checks.some((c) => c.level === 'error');
  const form: FilingForm | null =
    hasError || days === null || hours === null || advanced === null
      ? null
      : { ...v, advancedSeminar: advanced, headcount, days, hours, filedOn };
  return { checks, form, creditable };
}

const FIELD_BY_HEADER: ReadonlyMap<string, FilingFieldKey> = new Map(
  FILING_FIELDS.flatMap((f) => [f.label, ...(f.aliases ?? [])].map((h) => [normalizeHeader(h), f.key] as [string, FilingFieldKey])),
);

/** A bracketed unit after a header, e.g. 培训天数（天） (normalizeHeader has made the bracket half-width). */
const UNIT_IN_BRACKETS = /\([^)]*\)/g;

/** A cell of a 培训项目 table as the form's text: dates of 填报日期 as YYYY-MM-DD, numbers as typed. */
function cellText(key: FilingFieldKey, v: unknown): string {
  if (key === 'filedOn' && !isBlankCell(v)) {
    const day = parseDateCell(v);
    if (!Number.isNaN(day)) return isoFromDay(day);
  }
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'number' || typeof v === 'string' ? String(v).trim() : '';
}

/**
 * The form's fields from one row of a 培训项目 table: headers matched to the form's labels (and common other names),
 * tolerant of spaces and brackets. `fields` are the keys filled; `ignored` the headers that match no field.
 */
export function filingInputFromRow(headers: readonly unknown[], cells: readonly unknown[]): { input: Partial<FilingInput>; fields: FilingFieldKey[]; ignored: string[] } {
  const input: Partial<FilingInput> = {};
  const fields: FilingFieldKey[] = [];
  const ignored: string[] = [];
  headers.forEach((h, i) => {
    const name = typeof h === 'string' ? h.trim() : '';
    if (name === '' || name.length > 50) return;
    const n = normalizeHeader(name);
    const key = FIELD_BY_HEADER.get(n) ?? FIELD_BY_HEADER.get(n.replace(UNIT_IN_BRACKETS, ''));
    if (key === undefined) return void ignored.push(name);
    if (input[key] !== undefined) return;
    input[key] = cellText(key, cells[i]);
    fields.push(key);
  });
  return { input, fields, ignored };
}

/** The header row among the top rows of a 培训项目 sheet: the first with at least two of the form's headings, or -1. */
export function projectHeaderRow(rows: readonly (readonly unknown[])[]): number {
  return rows.findIndex((r) => filingInputFromRow(r, []).fields.length >= 2);
}
