// The roster's header table (RULES.md §2): Chinese header, aliases, JSON key, kind and the rule behind each column.
// The add-in maps sheet columns with mapHeaders; custom functions build rows with rowFromCells.
import { isSpaceCode, toHalfWidth } from './normalize';
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
  /** The mapped columns that credit hours (市平台学时 … 调入学时), in sheet order: none means nothing can be counted. */
  creditColumns: RosterKey[];
};

/** The columns whose content is credited as hours (a sheet without any of them cannot be counted). */
export const CREDIT_KEYS: ReadonlySet<RosterKey> = new Set<RosterKey>([
  'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'seminarHours', 'degreeStudyHours', 'certificates',
  'achievements', 'expertDays', 'expertHours', 'aidMonths', 'competitions', 'transferPublicHours', 'transferProfessionalHours',
]);

/**
 * The spellings real rosters use for each column (RULES.md §2 and real clerks' rosters), besides the Chinese header
 * and the JSON key. Compared after normalizeHeader (spaces, brackets, 科目/课, case); a bracketed unit such as
 * `公需课（学时）` is also tried without it. Two aliases of different columns may not normalise alike (checked at load).
 */
export const HEADER_ALIASES: Readonly<Record<RosterKey, readonly string[]>> = {
  name: ['名字', '人员姓名', '职工姓名', '专技人员姓名', '专业技术人员姓名', '基本情况姓名'],
  idNumber: ['身份证号码', '身份证', '公民身份号码', '公民身份证号码', '公民身份证号', '证件号码', '身份证件号码', '身份证件号'],
  unit: ['工作单位', '单位名称', '所在单位', '用人单位', '单位全称', '学校', '院区'],
  department: ['科室', '部门科室', '所在部门', '所在科室', '科室部门', '部门名称', '处室', '科室名称', '病区', '教研组', '年级组'],
  platformPublicHours: [
    '公需课学时', '市平台公需学时', '公需课', '公需', '公需学时', '公需课学时数', '公需学时数', '市平台公需课', '公需课时',
    '公需课程学时', '市平台学习公需课学时', '网络公需课学时', '平台公需课学时',
  ],
  platformProfessionalHours: [
    '专业课学时', '市平台专业学时', '专业课', '专业学时', '专业课学时数', '专业学时数', '市平台专业课', '专业课时',
    '专业课程学时', '市平台学习专业课学时', '网络专业课学时', '平台专业课学时',
  ],
  trainingHours: ['培训学时', '培训进修类学时', '培训进修', '培训进修学时数', '进修学时', '培训进修类'],
  trainingDays: ['培训天数', '培训进修类天数', '进修天数', '培训进修天'],
  seminarHours: ['研修班学时', '高级研修学时', '省市级高级研修班学时', '高级研修班', '高研班学时', '高级研修班学时数'],
  seminarDays: ['研修班天数', '高级研修天数', '高研班天数', '省市级高级研修班天数'],
  trainingFiled: ['是否备案', '培训是否备案', '已备案', '培训备案', '备案情况', '是否已备案', '培训进修是否备案'],
  degreeStudyHours: ['学历教育学时', '自学考试学时', '自考学时', '学历教育', '自考及学历教育', '在职学历教育学时'],
  certificates: ['资格证书', '证书数', '资格证书数量', '职业资格证书数', '资格证书个数'],
  achievements: ['代表性成果', '成果数', '代表性成果数量', '成果项数', '代表性成果项数'],
  expertDays: ['专家服务天数', '专家天数'],
  expertHours: ['专家服务学时', '专家学时'],
  aidMonths: ['援派月份', '援派时间', '支教支农支医扶贫月数', '援派时长', '援派支教月数', '援派'],
  competitions: ['竞赛数', '技能竞赛项数', '竞赛次数', '竞赛', '技能竞赛', '竞赛项目数'],
  specialCase: ['特殊情况类型', '特殊情形'],
  absentMonths: ['不在岗月份', '不在岗时间', '特殊情况月数', '不在岗时长', '特殊情况不在岗月数'],
  transferPublicHours: ['调入公需学时', '调入公需课', '外地调入公需课学时'],
  transferProfessionalHours: ['调入专业学时', '调入专业课', '外地调入专业课学时'],
  evidenceComplete: ['证明材料', '材料齐全', '证明材料是否齐全', '材料是否齐全', '证明材料情况'],
  titleApplicant: ['是否申报职称', '申报职称评审', '职称申报', '是否参加职称评审', '参加职称评聘', '是否参加职称评聘', '职称申报是否申报'],
  titleSubmissionDate: [
    '职称申报材料提交日期', '申报材料提交日期', '提交日期', '申报材料提交时间', '职称材料提交时间', '材料提交日期',
    '职称申报提交日期', '职称申报日期', '申报日期', '提交时间',
  ],
  professionalBySector: ['行业另有规定', '专业课按行业要求', '执行行业规定'],
};

/** The header table of a rule set, in template column order; rule sentences quote that rule set's numbers. */
export function headersFor(rs: RuleSetDefinition): HeaderDef[] {
  const p = rs.parameters;
  const src = rs.sources;
  const c = rs.clauses;
  const filing = `${c.annex1Item1.clause}、${c.main7.clause}`;
  const v = (k: keyof typeof p): string => String(p[k].value);
  const cases = rs.specialCaseRules.map((c) => c.name).join('/');
  const d = (key: RosterKey, zh: string, kind: HeaderKind, rule: string, clause?: string, required = false): HeaderDef => {
    const aliases = [...HEADER_ALIASES[key]];
    return clause === undefined ? { key, zh, aliases, kind, required, rule } : { key, zh, aliases, kind, required, clause, rule };
  };
  return [
    d('name', '姓名', 'text', '必填：一行一人一年，有内容的行姓名不能为空。', undefined, true),
    d('idNumber', '身份证号', 'text', '选填：18位身份证号，按GB 11643校验位核对，不计学时。'),
    d('unit', '单位', 'text', '选填：年度汇总按单位分组。'),
    d('department', '部门', 'text', '选填：年度汇总按单位、部门分组。'),
    d('platformPublicHours', '市平台公需课学时', 'hours',
      `市平台学习的公需课学时全额认定，无需证明材料；公需课每年不少于${v('requiredPublic')}学时（${src.platformPublic.clause}）。`, src.platformPublic.clause),
    d('platformProfessionalHours', '市平台专业课学时', 'hours',
      `市平台学习的专业课学时全额认定，无需证明材料；专业课每年不少于${v('requiredProfessional')}学时（${src.platformProfessional.clause}）。`, src.platformProfessional.clause),
    d('trainingHours', '培训进修学时', 'hours',
      `按备案的实际学时认定专业课，每天不超过${v('trainingHoursPerDay')}学时，累计不超过${v('trainingYearCap')}学时；只填天数不填学时的不计入（${p.trainingYearCap.clause}）。`, p.trainingYearCap.clause),
    d('trainingDays', '培训进修天数', 'days',
      `培训进修的天数，用于核对每天不超过${v('trainingHoursPerDay')}学时（${p.trainingHoursPerDay.clause}）。`, p.trainingHoursPerDay.clause),
    d('seminarHours', '高级研修班学时', 'hours',
      `省/市级高级研修班每天不超过${v('seminarHoursPerDay')}学时，累计不超过${v('seminarYearCap')}学时；与培训进修合计不超过${v('category1Cap')}学时（${p.seminarYearCap.clause}）。`, p.seminarYearCap.clause),
    d('seminarDays', '高级研修班天数', 'days',
      `高级研修班的天数，用于核对每天不超过${v('seminarHoursPerDay')}学时（${p.seminarHoursPerDay.clause}）。`, p.seminarHoursPerDay.clause),
    d('trainingFiled', '培训已备案', 'yesno',
      `填是/否，空白视为已备案；未备案的培训进修和研修班不认定学时（${filing}）。`, filing),
    d('degreeStudyHours', '自考及学历教育学时', 'hours',
      `自学考试、在职学历教育每年累计认定专业课不超过${v('degreeYearCap')}学时（${p.degreeYearCap.clause}）。`, p.degreeYearCap.clause),
    d('certificates', '资格证书数', 'count',
      `每个合格的资格证书认定专业课${v('certificateHours')}学时（${p.certificateHours.clause}），填整数。`, p.certificateHours.clause),
    d('achievements', '代表性成果数', 'count',
      `每项（篇、本）计专业课${v('achievementHours')}学时，每年累计不超过${v('achievementsYearCap')}学时（${p.achievementsYearCap.clause}），填整数。`, p.achievementsYearCap.clause),
    d('expertDays', '专家活动天数', 'days',
      `受邀专家按实际工作天数认定，每天不超过专业课${v('expertHoursPerDay')}学时（${p.expertHoursPerDay.clause}）。`, p.expertHoursPerDay.clause),
    d('expertHours', '专家活动学时', 'hours',
      `专家活动的实际学时，按证明材料填写，不超过天数×${v('expertHoursPerDay')}；只填天数不填学时的不计入（${p.expertHoursPerDay.clause}）。`, p.expertHoursPerDay.clause),
    d('aidMonths', '援派月数', 'months',
      `援派、支教、支农、支医、扶贫的月数（0–${v('maxMonths')}），每月计公需课${v('aidPublicPerMonth')}学时、专业课${v('aidProfessionalPerMonth')}学时（${p.aidPublicPerMonth.clause}）。`, p.aidPublicPerMonth.clause),
    d('competitions', '竞赛项数', 'count',
      `每项（次）计专业课${v('competitionHours')}学时，每年累计不超过${v('competitionsYearCap')}学时（${p.competitionsYearCap.clause}），填整数。`, p.competitionsYearCap.clause),
    d('specialCase', '特殊情况', 'case',
      `填${cases}或留空，与不在岗月数一起按在岗时间折算要求学时（${c.annex1Item6.clause}）。`, c.annex1Item6.clause),
    d('absentMonths', '不在岗月数', 'months',
      `不在岗月数（0–${v('maxMonths')}），与特殊情况一起填写；要求学时按(${v('prorationMonthsPerYear')}−月数)÷${v('prorationMonthsPerYear')}折算（${c.annex1Item6.clause}）。`, c.annex1Item6.clause),
    d('transferPublicHours', '调入公需课学时', 'hours',
      `外地调入人员凭调出地继续教育管理部门出具的证明合并计算的公需课学时（${src.transferPublic.clause}）。`, src.transferPublic.clause),
    d('transferProfessionalHours', '调入专业课学时', 'hours',
      `外地调入人员凭调出地继续教育管理部门出具的证明合并计算的专业课学时（${src.transferProfessional.clause}）。`, src.transferProfessional.clause),
    d('evidenceComplete', '证明材料齐全', 'yesno',
      `填是/否，空白视为齐全；除市平台学时外均须证书等证明材料，不齐时状态为“待补材料”（${c.annex1Item7.clause}）。`, c.annex1Item7.clause),
    d('titleApplicant', '申报职称', 'yesno',
      `填是/否，空白视为否；申报职称者应于申报材料前${v('deadlineWorkingDays')}个工作日完成学习（${c.main6.clause}）。`, c.main6.clause),
    d('titleSubmissionDate', '职称材料提交日期', 'date',
      `如2023-10-09；完成期限为提交日期前第${v('deadlineWorkingDays')}个工作日，最迟${p.yearEnd.value}（${c.main6.clause}）。`, c.main6.clause),
    d('professionalBySector', '专业课按行业规定', 'yesno',
      `填是/否，空白视为否；填“是”：专业课由省行业主管部门按本行业规定核对，本表照常列出专业课学时，但只核对公需课（${p.professionalBySectorDefault.clause}）。`,
      p.professionalBySectorDefault.clause),
  ];
}

/** The header table of the default rule set, in template column order (RULES.md §2). */
export const HEADERS: readonly HeaderDef[] = headersFor(zaozhuang2023);

/** A header cell longer than this (after trimming) is not a roster header: it is not scanned further. */
export const MAX_HEADER_TEXT = 200;

/** Bracket-like characters read as ( and ) (full-width ones are folded first). */
const OPENERS = new Set(['[', '【', '〔', '{', '〈', '《', '<']);
const CLOSERS = new Set([']', '】', '〕', '}', '〉', '》', '>']);
/** Decoration dropped from headers: required-field stars, colons, question marks, list separators, BOM. */
const DROPPED = new Set(['*', ':', '?', '、', '/', '\uFEFF', '"', "'", '“', '”']);

/**
 * THE header normaliser of the project (every part compares headers with it): full-width folded, no spaces, ASCII
 * lower case, any bracket as ( ), no stars, colons, question marks, 、 or /, and 科目 read as 课. One pass, linear.
 */
export function normalizeHeader(h: string): string {
  const s = toHalfWidth(h);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) || DROPPED.has(ch)) continue;
    if (OPENERS.has(ch)) out += '(';
    else if (CLOSERS.has(ch)) out += ')';
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else if (ch === '科' && s[i + 1] === '目') {
      out += '课';
      i++;
    } else out += ch;
  }
  return out;
}

/** A normalised header without its bracketed parts (`培训进修学时(学时)` → `培训进修学时`), in one pass. */
function withoutBracketed(n: string): string {
  return splitBracketed(n)[0];
}

/** [the header without bracketed parts, the text inside the first bracket], in one pass (unbalanced brackets too). */
function splitBracketed(n: string): [string, string] {
  if (n.indexOf('(') < 0) return [n, ''];
  let depth = 0;
  let out = '';
  let inner = '';
  let groups = 0;
  for (let i = 0; i < n.length; i++) {
    const ch = n[i];
    if (ch === '(') {
      if (depth === 0) groups++;
      depth++;
    } else if (ch === ')') {
      if (depth > 0) depth--;
    } else if (depth === 0) out += ch;
    else if (groups === 1) inner += ch;
  }
  return [out, inner];
}

/** A unit in brackets says what the column counts: `培训进修（天）` is 培训进修天数, `资格证书（个）` 资格证书数. */
const BRACKET_UNIT_MEASURE: ReadonlyMap<string, string> = new Map([
  ['学时', '学时'], ['小时', '学时'], ['天', '天数'], ['日', '天数'], ['月', '月数'], ['个月', '月数'],
  ['个', '数'], ['项', '数'], ['次', '数'], ['篇', '数'], ['本', '数'],
]);

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

/** The canonical headers (RULES.md §2) normalised: a sub-header that is one of them maps whatever its group. */
const CANONICAL_INDEX: ReadonlyMap<string, RosterKey> = new Map(HEADERS.map((h) => [normalizeHeader(h.zh), h.key]));

const OUTPUT_INDEX: ReadonlyMap<string, string> = new Map(OUTPUT_HEADERS.map((h) => [normalizeHeader(h), h]));

/**
 * Group headers that only gather columns (基本情况 over 姓名 / 身份证号码 / 科室, 学时情况 over 公需课 / 专业课): under
 * them a sub-header is read as if it stood alone. Compared after normalizeHeader. Data, like HEADER_ALIASES.
 */
export const GATHERING_GROUPS: readonly string[] = [
  '基本情况', '基本信息', '人员信息', '个人信息', '人员基本情况', '个人基本情况', '人员情况',
  '学时情况', '学时完成情况', '学习情况', '完成情况', '学时统计', '继续教育学时', '继续教育情况', '继续教育完成情况',
];
const GATHERING_INDEX: ReadonlySet<string> = new Set(GATHERING_GROUPS.map(normalizeHeader));

/** The measure words a group header may end with and a sub-header takes (市平台学时 + 公需课 → 市平台公需课学时). */
const MEASURES = ['学时数', '学时', '天数', '月数', '项数', '日期', '时间'];

function lookup(n: string): RosterKey | null {
  if (n.length === 0) return null;
  const hit = HEADER_INDEX.get(n);
  if (hit !== undefined) return hit;
  const [bare, inner] = splitBracketed(n);
  if (bare === n || bare.length === 0) return null;
  const measure = BRACKET_UNIT_MEASURE.get(inner);
  if (measure !== undefined && !bare.endsWith(measure)) {
    const measured = HEADER_INDEX.get(bare + measure);
    if (measured !== undefined) return measured;
  }
  return HEADER_INDEX.get(bare) ?? null;
}

/** The space-separated parts of a header (at most `MAX_PARTS`; more parts are read as one). */
const MAX_PARTS = 6;
function partsOf(text: string): string[] {
  const parts: string[] = [];
  let at = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i));
    if (space && at >= 0) {
      parts.push(text.slice(at, i));
      at = -1;
    } else if (!space && at < 0) at = i;
  }
  return parts.length > MAX_PARTS ? [] : parts;
}

/**
 * A two-row header combined as `group sub` (e.g. `市平台学时 公需课`, `培训进修 天数`, `公需课 市平台`): tried as written,
 * sub before group, with the group's measure word moved after the sub-header, the sub-header alone under a group that
 * only gathers columns (GATHERING_GROUPS), and the sub-header alone when it is a canonical header.
 */
function keyForCombined(text: string): RosterKey | null {
  const parts = partsOf(text);
  for (let k = 1; k < parts.length; k++) {
    const group = normalizeHeader(parts.slice(0, k).join(''));
    const sub = normalizeHeader(parts.slice(k).join(''));
    const swapped = lookup(sub + group);
    if (swapped !== null) return swapped;
    const subBare = withoutBracketed(sub);
    for (const m of MEASURES) {
      if (group.endsWith(m) && group.length > m.length && !MEASURES.some((x) => subBare.endsWith(x))) {
        const moved = lookup(group.slice(0, group.length - m.length) + subBare + m);
        if (moved !== null) return moved;
      }
    }
    if (GATHERING_INDEX.has(group)) {
      const gathered = lookup(sub);
      if (gathered !== null) return gathered;
    }
    const alone = CANONICAL_INDEX.get(subBare);
    if (alone !== undefined) return alone;
  }
  return null;
}

/** A header cell's text, trimmed; null when it is too long to be a header. */
function boundedHeaderText(header: string): string | null {
  if (header.length <= MAX_HEADER_TEXT) return header.trim();
  const t = header.trim();
  return t.length <= MAX_HEADER_TEXT ? t : null;
}

/**
 * The roster key of one header cell, or null. Tolerates spaces, bracket widths, a bracketed unit, 科目/课, the JSON
 * key, the aliases of HEADER_ALIASES, and a two-row header combined as `group sub`.
 */
export function keyForHeader(header: CellValue): RosterKey | null {
  if (typeof header !== 'string') return null;
  const text = boundedHeaderText(header);
  if (text === null) return null;
  const direct = lookup(normalizeHeader(text));
  if (direct !== null) return direct;
  return keyForCombined(toHalfWidth(text));
}

/** The output header (OUTPUT_HEADERS, as spelt there) a header cell is, or null: `状 态` and `状态` are both 状态. */
export function outputHeaderOf(header: CellValue): string | null {
  if (typeof header !== 'string') return null;
  const text = boundedHeaderText(header);
  return text === null ? null : (OUTPUT_INDEX.get(normalizeHeader(text)) ?? null);
}

/** true when a header cell is one of the add-in's output headers (OUTPUT_HEADERS). */
export function isOutputHeader(header: CellValue): boolean {
  return outputHeaderOf(header) !== null;
}

/** Maps a sheet's header row to roster keys; reports unknown, missing and duplicate headers and output columns. */
export function mapHeaders(headerRow: CellValue[]): HeaderMapping {
  const columns: (RosterKey | null)[] = [];
  const unknown: { index: number; header: string }[] = [];
  const outputColumns: { index: number; header: string }[] = [];
  const seen = new Map<RosterKey, number[]>();
  for (let i = 0; i < headerRow.length; i++) {
    const cell = headerRow[i];
    const raw = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
    const text = boundedHeaderText(raw) ?? raw.slice(0, MAX_HEADER_TEXT);
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
  const creditColumns = columns.filter((k): k is RosterKey => k !== null && CREDIT_KEYS.has(k));
  return { columns, unknown, missing, missingRequired, duplicates, outputColumns, creditColumns };
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
