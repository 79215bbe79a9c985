// The roster's header table (RULES.md §2): Chinese header, aliases, JSON key, kind and the rule behind each column.
// The add-in maps sheet columns with mapHeaders; custom functions build rows with rowFromCells.
import { toHalfWidth } from './normalize';
import { OUTPUT_HEADERS } from './output-headers';
import { zaozhuang2023 } from './rulesets/zaozhuang-2023';
import type { RuleSetDefinition } from './rulesets/types';
import type { CellValue, RosterKey, RosterRowInput } from './types';

export type HeaderKind = 'text' | 'hours' | 'days' | 'count' | 'months' | 'yesno' | 'case' | 'date';

export type HeaderDef = {
  key: RosterKey;
  zh: string;
  aliases: string[];
  kind: HeaderKind;
  required: boolean;
  clause?: string;
  /** A short Chinese sentence quoting the rule for this column (Excel input message). */
  rule: string;
};

export type HeaderMapping = {
  /** Per sheet column: the roster key it holds, or null (unknown, blank, output or duplicate column). */
  columns: (RosterKey | null)[];
  unknown: { index: number; header: string }[];
  missing: RosterKey[];
  missingRequired: RosterKey[];
  duplicates: { key: RosterKey; indexes: number[] }[];
  outputColumns: { index: number; header: string }[];
};

/** The header table of a rule set, in template column order; rule sentences quote that rule set's numbers. */
export function headersFor(rs: RuleSetDefinition): HeaderDef[] {
  const p = rs.parameters;
  const src = rs.sources;
  const v = (k: keyof typeof p): string => String(p[k].value);
  const cases = rs.specialCaseRules.map((c) => c.name).join('/');
  const d = (
    key: RosterKey,
    zh: string,
    kind: HeaderKind,
    aliases: string[],
    rule: string,
    clause?: string,
    required = false,
  ): HeaderDef => (clause === undefined ? { key, zh, aliases, kind, required, rule } : { key, zh, aliases, kind, required, clause, rule });
  return [
    d('name', '姓名', 'text', ['名字', '人员姓名'], '必填：一行一人一年，有内容的行姓名不能为空。', undefined, true),
    d('idNumber', '身份证号', 'text', ['身份证号码', '身份证', '公民身份号码', '证件号码'], '选填：18位身份证号，按GB 11643校验位核对，不计学时。'),
    d('unit', '单位', 'text', ['工作单位', '单位名称', '所在单位'], '选填：年度汇总按单位分组。'),
    d('department', '部门', 'text', ['科室', '部门科室', '所在部门', '所在科室'], '选填：年度汇总按单位、部门分组。'),
    d('platformPublicHours', '市平台公需课学时', 'hours', ['公需课学时', '市平台公需学时'],
      `市平台学习的公需课学时全额认定，无需证明材料；公需课每年不少于${v('requiredPublic')}学时（${src.platformPublic.clause}）。`, src.platformPublic.clause),
    d('platformProfessionalHours', '市平台专业课学时', 'hours', ['专业课学时', '市平台专业学时'],
      `市平台学习的专业课学时全额认定，无需证明材料；专业课每年不少于${v('requiredProfessional')}学时（${src.platformProfessional.clause}）。`, src.platformProfessional.clause),
    d('trainingHours', '培训进修学时', 'hours', ['培训学时', '培训进修类学时'],
      `按备案的实际学时认定专业课，每天不超过${v('trainingHoursPerDay')}学时，累计不超过${v('trainingYearCap')}学时（${p.trainingYearCap.clause}）。`, p.trainingYearCap.clause),
    d('trainingDays', '培训进修天数', 'days', ['培训天数', '培训进修类天数'],
      `培训进修的天数，用于核对每天不超过${v('trainingHoursPerDay')}学时（${p.trainingHoursPerDay.clause}）。`, p.trainingHoursPerDay.clause),
    d('seminarHours', '高级研修班学时', 'hours', ['研修班学时', '高级研修学时', '省市级高级研修班学时'],
      `省/市级高级研修班每天不超过${v('seminarHoursPerDay')}学时，累计不超过${v('seminarYearCap')}学时；与培训进修合计不超过${v('category1Cap')}学时（${p.seminarYearCap.clause}）。`, p.seminarYearCap.clause),
    d('seminarDays', '高级研修班天数', 'days', ['研修班天数', '高级研修天数'],
      `高级研修班的天数，用于核对每天不超过${v('seminarHoursPerDay')}学时（${p.seminarHoursPerDay.clause}）。`, p.seminarHoursPerDay.clause),
    d('trainingFiled', '培训已备案', 'yesno', ['是否备案', '培训是否备案', '已备案'],
      `填是/否，空白视为已备案；未备案的培训进修和研修班不认定学时（${p.trainingFiledDefault.clause}）。`, p.trainingFiledDefault.clause),
    d('degreeStudyHours', '自考及学历教育学时', 'hours', ['学历教育学时', '自学考试学时', '自考学时'],
      `自学考试、在职学历教育每年累计认定专业课不超过${v('degreeYearCap')}学时（${p.degreeYearCap.clause}）。`, p.degreeYearCap.clause),
    d('certificates', '资格证书数', 'count', ['资格证书', '证书数', '资格证书数量'],
      `每个合格的资格证书认定专业课${v('certificateHours')}学时（${p.certificateHours.clause}），填整数。`, p.certificateHours.clause),
    d('achievements', '代表性成果数', 'count', ['代表性成果', '成果数', '代表性成果数量'],
      `每项（篇、本）计专业课${v('achievementHours')}学时，每年累计不超过${v('achievementsYearCap')}学时（${p.achievementsYearCap.clause}），填整数。`, p.achievementsYearCap.clause),
    d('expertDays', '专家活动天数', 'days', ['专家服务天数'],
      `受邀专家按实际工作天数认定，每天不超过专业课${v('expertHoursPerDay')}学时（${p.expertHoursPerDay.clause}）。`, p.expertHoursPerDay.clause),
    d('expertHours', '专家活动学时', 'hours', ['专家服务学时'],
      `专家活动的实际学时，不超过天数×${v('expertHoursPerDay')}；只填天数时按每天${v('expertHoursPerDay')}学时（${p.expertHoursPerDay.clause}）。`, p.expertHoursPerDay.clause),
    d('aidMonths', '援派月数', 'months', ['援派月份', '援派时间', '支教支农支医扶贫月数'],
      `援派、支教、支农、支医、扶贫的月数（0–${v('maxMonths')}），每月计公需课${v('aidPublicPerMonth')}学时、专业课${v('aidProfessionalPerMonth')}学时（${p.aidPublicPerMonth.clause}）。`, p.aidPublicPerMonth.clause),
    d('competitions', '竞赛项数', 'count', ['竞赛数', '技能竞赛项数', '竞赛次数'],
      `每项（次）计专业课${v('competitionHours')}学时，每年累计不超过${v('competitionsYearCap')}学时（${p.competitionsYearCap.clause}），填整数。`, p.competitionsYearCap.clause),
    d('specialCase', '特殊情况', 'case', ['特殊情况类型'],
      `填${cases}或留空，与不在岗月数一起按在岗时间折算要求学时（${p.prorationMonthsPerYear.clause}）。`, p.prorationMonthsPerYear.clause),
    d('absentMonths', '不在岗月数', 'months', ['不在岗月份', '不在岗时间'],
      `不在岗月数（0–${v('maxMonths')}），与特殊情况一起填写；要求学时按(${v('prorationMonthsPerYear')}−月数)÷${v('prorationMonthsPerYear')}折算（${p.prorationMonthsPerYear.clause}）。`, p.prorationMonthsPerYear.clause),
    d('transferPublicHours', '调入公需课学时', 'hours', ['调入公需学时'],
      `外地调入人员凭调出地继续教育管理部门出具的证明合并计算的公需课学时（${src.transferPublic.clause}）。`, src.transferPublic.clause),
    d('transferProfessionalHours', '调入专业课学时', 'hours', ['调入专业学时'],
      `外地调入人员凭调出地继续教育管理部门出具的证明合并计算的专业课学时（${src.transferProfessional.clause}）。`, src.transferProfessional.clause),
    d('evidenceComplete', '证明材料齐全', 'yesno', ['证明材料', '材料齐全', '证明材料是否齐全'],
      `填是/否，空白视为齐全；除市平台学时外均须证书等证明材料，不齐时状态为“待补材料”（${p.evidenceCompleteDefault.clause}）。`, p.evidenceCompleteDefault.clause),
    d('titleApplicant', '申报职称', 'yesno', ['是否申报职称', '申报职称评审'],
      `填是/否，空白视为否；申报职称者应于申报材料前${v('deadlineWorkingDays')}个工作日完成学习（${p.deadlineWorkingDays.clause}）。`, p.deadlineWorkingDays.clause),
    d('titleSubmissionDate', '职称材料提交日期', 'date', ['职称申报材料提交日期', '申报材料提交日期', '提交日期'],
      `如2023-10-09；完成期限为提交日期前第${v('deadlineWorkingDays')}个工作日，最迟${p.yearEnd.value}（${p.yearEnd.clause}）。`, p.yearEnd.clause),
  ];
}

/** The header table of the default rule set, in template column order (RULES.md §2). */
export const HEADERS: readonly HeaderDef[] = headersFor(zaozhuang2023);

const SPACES = /\s+/g;
const BRACKETS = /[\[【〔{]/g;
const BRACKETS_CLOSE = /[\]】〕}]/g;
const BRACKETED = /\([^)]*\)/g;
const DECOR = /[*:：?？\uFEFF]/g;

/** A header as compared: half-width, no spaces, lower-case, 科目 read as 课, any bracket as (), no * or colon. */
export function normalizeHeader(h: string): string {
  return toHalfWidth(h)
    .replace(SPACES, '')
    .replace(BRACKETS, '(')
    .replace(BRACKETS_CLOSE, ')')
    .replace(DECOR, '')
    .replace(/科目/g, '课')
    .replace(/[、/]/g, '')
    .toLowerCase();
}

const HEADER_INDEX: ReadonlyMap<string, RosterKey> = (() => {
  const m = new Map<string, RosterKey>();
  for (const h of HEADERS) {
    for (const name of [h.zh, h.key, ...h.aliases]) {
      const n = normalizeHeader(name);
      const prior = m.get(n);
      if (prior !== undefined && prior !== h.key) throw new Error(`表头别名冲突：${name}`);
      m.set(n, h.key);
    }
  }
  return m;
})();

const OUTPUT_INDEX: ReadonlySet<string> = new Set(OUTPUT_HEADERS.map(normalizeHeader));

/** The roster key of one header cell, or null. Tolerates spaces, bracket widths, a bracketed unit, 科目/课, the JSON key. */
export function keyForHeader(header: CellValue): RosterKey | null {
  if (typeof header !== 'string') return null;
  const n = normalizeHeader(header);
  if (n.length === 0) return null;
  const hit = HEADER_INDEX.get(n);
  if (hit !== undefined) return hit;
  const bare = n.replace(BRACKETED, '');
  if (bare !== n && bare.length > 0) return HEADER_INDEX.get(bare) ?? null;
  return null;
}

/** true when a header cell is one of the add-in's output headers (OUTPUT_HEADERS). */
export function isOutputHeader(header: CellValue): boolean {
  return typeof header === 'string' && OUTPUT_INDEX.has(normalizeHeader(header));
}

/** Maps a sheet's header row to roster keys; reports unknown, missing and duplicate headers and output columns. */
export function mapHeaders(headerRow: CellValue[]): HeaderMapping {
  const columns: (RosterKey | null)[] = [];
  const unknown: { index: number; header: string }[] = [];
  const outputColumns: { index: number; header: string }[] = [];
  const seen = new Map<RosterKey, number[]>();
  for (let i = 0; i < headerRow.length; i++) {
    const cell = headerRow[i];
    const text = typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell);
    if (text.length === 0) {
      columns.push(null);
      continue;
    }
    if (isOutputHeader(text)) {
      outputColumns.push({ index: i, header: text });
      columns.push(null);
      continue;
    }
    const key = keyForHeader(text);
    if (key === null) {
      unknown.push({ index: i, header: text });
      columns.push(null);
      continue;
    }
    const list = seen.get(key);
    if (list === undefined) {
      seen.set(key, [i]);
      columns.push(key);
    } else {
      list.push(i);
      columns.push(null);
    }
  }
  const missing: RosterKey[] = [];
  const missingRequired: RosterKey[] = [];
  for (const h of HEADERS) {
    if (!seen.has(h.key)) {
      missing.push(h.key);
      if (h.required) missingRequired.push(h.key);
    }
  }
  const duplicates: { key: RosterKey; indexes: number[] }[] = [];
  for (const [key, indexes] of seen) if (indexes.length > 1) duplicates.push({ key, indexes });
  return { columns, unknown, missing, missingRequired, duplicates, outputColumns };
}

const TEMPLATE_COLUMNS: readonly RosterKey[] = HEADERS.map((h) => h.key);

/** One roster row from a sheet row and the column keys of mapHeaders (or the template order when omitted). */
export function rowFromCells(cells: CellValue[], columns: readonly (RosterKey | null)[] = TEMPLATE_COLUMNS): RosterRowInput {
  const row: RosterRowInput = {};
  const n = Math.min(cells.length, columns.length);
  for (let i = 0; i < n; i++) {
    const key = columns[i];
    if (key !== null && key !== undefined) row[key] = cells[i];
  }
  return row;
}
