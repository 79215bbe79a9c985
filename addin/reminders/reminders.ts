// 提醒名单 as data (正文四(一): the unit notifies its staff in time). One entry per person not 达标 and per title
// applicant whatever the status, sorted by deadline (earliest first, then roster order), with what is missing in
// plain words, days left as of the 核对日期 and a ready-to-send message naming the city platform and the deadline.
import { fmt, requirementText } from '../../shared/format';
import { parseYesNoCell, textOfCell } from '../../shared/normalize';
import type { RosterRowInput, RowResult, RowStatus } from '../../shared/types';
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';
import { evidenceNeeded, missingEvidenceText } from '../../shared/evidence';

export type Reminder = {
  /** Sheet row of the person in the roster (1-based, as Excel shows it). */
  rowNumber: number;
  index: number;
  name: string;
  unit: string;
  department: string;
  status: Exclude<RowStatus, '' | '达标'> | '达标';
  titleApplicant: boolean;
  /** What is missing, in plain words. */
  missing: string;
  deadline: string;
  /** Days from the 核对日期 to the deadline (0 = due today, negative = passed); null without a deadline. */
  daysLeft: number | null;
  overdue: boolean;
  message: string;
};

export type ReminderInput = {
  rows: readonly RosterRowInput[];
  results: readonly RowResult[];
  /** YYYY-MM-DD, the 核对日期. */
  asOf: string;
  /** Sheet row of rows[0]. */
  firstDataRowNumber: number;
  ruleSet: RuleSet;
  duties: RuleSetDuties;
};

const DAY_MS = 86_400_000;

function dayOf(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** YYYY-MM-DD → Y年M月D日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

function text(v: unknown): string {
  return textOfCell(v) ?? '';
}

/** 公需课还差 N 学时，专业课还差 M 学时 */
export function shortfallText(r: Pick<RowResult, 'publicShortfall' | 'professionalShortfall'>): string {
  const parts: string[] = [];
  if (r.publicShortfall > 0) parts.push(`公需课还差 ${fmt(r.publicShortfall)} 学时`);
  if (r.professionalShortfall > 0) parts.push(`专业课还差 ${fmt(r.professionalShortfall)} 学时`);
  return parts.join('，');
}

/** Days typed without hours (HOURS_MISSING, docs/rules.md §3): each says what to fill in from the proof. */
function hoursMissingNotes(r: RowResult): string[] {
  return r.warnings.filter((w) => w.code === 'HOURS_MISSING').map((w) => w.message);
}

function statusText(row: RosterRowInput, r: RowResult, input: ReminderInput): string {
  switch (r.status) {
    case '未达标':
      return shortfallText(r);
    case '待补材料':
      return missingEvidenceText(evidenceNeeded(row, r, input.ruleSet, input.duties));
    case '数据有误':
      // a note to the clerk: the roster has a typo (“30h” is not a number); the person is not to blame
      return `请经办人先改正花名册：${r.errors.map((e) => e.message.replace(/。$/, '')).join('；')}。改正后重新核对，再提醒本人`;
    default:
      return '学时已达标';
  }
}

/** What is missing, for the clerk: the status's words, then any hours to fill in from the proof. */
function missingText(row: RosterRowInput, r: RowResult, input: ReminderInput): string {
  return [statusText(row, r, input), ...hoursMissingNotes(r)].join('；');
}

/** The working days a title applicant finishes before the submission (正文六), from the rule set. */
function titleWorkingDays(ruleSet: ReminderInput['ruleSet']): string {
  const t = ruleSet.deadline.titleApplicants;
  return t === undefined ? '' : String(ruleSet.parameters[t.workingDays].value);
}

/** For the person: days registered without hours earn nothing until the unit has the proof of the hours. */
const HOURS_MISSING_ASK = '单位花名册中您有只登记了天数、没有登记学时的项目，暂不计入学时，请把写明实际学时的证明材料交单位补登。';

function messageOf(e: Omit<Reminder, 'message'>, row: RosterRowInput, r: RowResult, input: ReminderInput): string {
  const { ruleSet, duties } = input;
  const ask = hoursMissingNotes(r).length > 0 ? HOURS_MISSING_ASK : '';
  const city = duties.cityPlatform;
  const province = duties.provincialPlatform;
  const by = e.deadline ? (e.overdue ? `完成期限${chineseDate(e.deadline)}已过，请尽快` : `请于${chineseDate(e.deadline)}前`) : '请尽快';
  const title = e.titleApplicant
    ? `您今年申报职称，须在提交申报材料前${titleWorkingDays(ruleSet)}个工作日完成学习，需要折算的学时按时在${province.shortName}申报。`
    : '';
  const studyAt = `登录${city.name}（${city.url}）`;
  let body: string;
  switch (e.status) {
    case '未达标':
      body = `您${ruleSet.year}年度继续教育${shortfallText(r).replace(/ /g, '')}（要求${requirementText(r)}），${by}${studyAt}完成学习。${ask}${title}`;
      break;
    case '待补材料':
      body = `您${ruleSet.year}年度继续教育学时已达标，但${statusText(row, r, input)}。${by}把材料交单位审核，并在${province.shortName}完成学时申报。${ask}${title}`;
      break;
    case '数据有误':
      // no message to the person for the clerk's typo: the clerk corrects the roster first (还缺什么 says what)
      return '';
    default:
      body = `您${ruleSet.year}年度继续教育学时已达标。${ask}${title}${by}在${province.shortName}完成学时申报并经单位审核。`;
  }
  const sign = e.unit ? `——${e.unit}` : '';
  return `${e.name}您好：${body}（依据${ruleSet.notice}）${sign}`;
}

/** Everyone to remind, sorted by deadline then roster order. rows and results must be the same length and order. */
export function buildReminders(input: ReminderInput): Reminder[] {
  if (input.rows.length !== input.results.length) throw new Error(`提醒名单：花名册 ${input.rows.length} 行与计算结果 ${input.results.length} 行不符`);
  const today = dayOf(input.asOf);
  const out: Reminder[] = [];
  input.results.forEach((r, i) => {
    if (r.status === '') return;
    const row = input.rows[i];
    const applicantKey = input.ruleSet.deadline.titleApplicants?.applicant;
    const titleApplicant = applicantKey !== undefined && parseYesNoCell(row[applicantKey]) === true;
    if (r.status === '达标' && !titleApplicant) return;
    const daysLeft = r.deadline ? dayOf(r.deadline) - today : null;
    const base: Omit<Reminder, 'message'> = {
      rowNumber: input.firstDataRowNumber + i,
      index: i,
      name: text(row.name),
      unit: text(row.unit),
      department: text(row.department),
      status: r.status,
      titleApplicant,
      missing: missingText(row, r, input),
      deadline: r.deadline,
      daysLeft,
      overdue: daysLeft !== null && daysLeft < 0,
    };
    out.push({ ...base, message: messageOf(base, row, r, input) });
  });
  const key = (d: string): string => d || '9999-99-99';
  return out.sort((a, b) => (key(a.deadline) < key(b.deadline) ? -1 : key(a.deadline) > key(b.deadline) ? 1 : a.index - b.index));
}
