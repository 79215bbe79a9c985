// A rule set is checked before it is used (registerRuleSet): its shape, every reference between its parts, its
// numbers, its calendar and its orders. Each problem is one Chinese line naming the key, e.g.
// `sources.training.yearCap：参数“trainingCap”不存在`. Pure; the same checks for the built-in rule sets and for
// a JSON data file.
import { nthWorkingDayBefore, compileCalendar, isWorkingDay } from '../calendar';
import { dayFromIso, isoFromDay, weekdayOfDay, yearOfDay } from '../dates';
import { normalizeHeader } from '../header-text';
import { OUTPUT_HEADERS } from '../output-headers';
import { RULE_TEXT_WORDS, placeholdersOf } from './header-table';
import type { InputKind, RuleSetDefinition, RuleSetWords, SourceKind } from './types';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const shown = (v: unknown): string => {
  if (v === undefined) return '缺失';
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

const INPUT_KINDS: readonly InputKind[] = ['text', 'hours', 'days', 'count', 'months', 'yesno', 'case', 'date'];
const KIND_WORDS: Record<InputKind, string> = {
  text: '文字', hours: '学时', days: '天数', count: '项数', months: '月数', yesno: '是/否', case: '特殊情况', date: '日期',
};
/** The limit parameter every numeric column of a kind is checked against (docs/rules.md §7). */
export const LIMIT_OF: Partial<Record<InputKind, string>> = { hours: 'maxHours', days: 'maxDays', months: 'maxMonths', count: 'maxCount' };
/** Inputs the engine reads by their key: 姓名 (required), the ID number, unit and department (text). */
export const ROLE_INPUTS = ['name', 'idNumber', 'unit', 'department'] as const;

/** The warning codes of the engine itself (the rules' kinds); each source and cross rule names its own cap codes. */
export const ENGINE_WARNINGS = {
  hoursPerDay: ['DAYS_MISSING', 'HOURS_MISSING'],
  specialCases: ['SPECIAL_CASE_NOT_ELIGIBLE', 'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL', 'ABSENCE_WITHOUT_CASE'],
  sectorRule: ['PROFESSIONAL_BY_SECTOR'],
  titleApplicants: ['TITLE_DATE_MISSING', 'CALENDAR_UNKNOWN'],
  deadline: ['DEADLINE_PASSED'],
  idNumber: ['ID_CHECKSUM', 'ID_AS_NUMBER'],
  rows: ['NOT_A_PERSON'],
} as const;

const CODE = /^[A-Z][A-Z0-9_]{1,63}$/;
const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

/** The fields each source kind has (besides label, clause, text, evidence), with what each refers to. */
type Ref = { input: InputKind } | { param: 'number' | 'cap' } | 'side' | 'code' | 'optionalCode' | 'word';
const SOURCE_FIELDS: Record<SourceKind, Record<string, Ref | [Ref, 'optional']>> = {
  hoursAsGiven: { side: 'side', hours: { input: 'hours' } },
  hoursPerDay: {
    side: 'side', hours: { input: 'hours' }, days: { input: 'days' }, perDay: { param: 'number' }, yearCap: [{ param: 'cap' }, 'optional'],
    dailyCapCode: 'code', yearCapCode: ['optionalCode', 'optional'],
  },
  hoursYearCap: { side: 'side', hours: { input: 'hours' }, yearCap: { param: 'cap' }, capCode: 'code' },
  itemsTimesHours: {
    side: 'side', count: { input: 'count' }, hoursEach: { param: 'number' }, yearCap: [{ param: 'cap' }, 'optional'], capCode: 'code', itemWord: 'word',
  },
  monthsProrated: { months: { input: 'months' }, publicPerMonth: { param: 'number' }, professionalPerMonth: { param: 'number' } },
};
const SOURCE_COMMON = ['kind', 'label', 'clause', 'text', 'evidence'];
const TOP_KEYS = [
  'id', 'year', 'title', 'notice', 'parameters', 'clauses', 'inputs', 'sources', 'requirement', 'categoryCaps', 'filingGate',
  'specialCases', 'sectorRule', 'evidenceStatus', 'deadline', 'calendar', 'words', 'duties', 'orders',
];
const WORD_KEYS: readonly (keyof RuleSetWords)[] = [
  'placeholders', 'excelErrors', 'totalRowNames', 'noteRowPrefixes', 'noteRowColons', 'unitSuffixes', 'footerRowPrefixes',
  'numberingHeaders', 'headcountPrefixes', 'headcountSuffixes',
];

/** Collects problems; `used` records which inputs some rule reads (an input nothing reads is a mistake). */
class Check {
  readonly problems: string[] = [];
  readonly used = new Set<string>();
  readonly codes = new Map<string, string>();
  constructor(readonly d: Obj) {}

  add(path: string, why: string): void {
    this.problems.push(`${path}：${why}`);
  }

  text(o: Obj, key: string, path: string, what: string): boolean {
    if (isText(o[key])) return true;
    this.add(`${path}.${key}`, `应为非空文字（${what}），现为${shown(o[key])}`);
    return false;
  }

  unknownKeys(o: Obj, allowed: readonly string[], path: string): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.add(`${path}.${k}`, `未知的键（可用：${allowed.join('、')}）`);
  }

  get params(): Obj {
    return isObj(this.d.parameters) ? this.d.parameters : {};
  }

  get inputs(): Obj {
    return isObj(this.d.inputs) ? this.d.inputs : {};
  }

  get clauses(): Obj {
    return isObj(this.d.clauses) ? this.d.clauses : {};
  }

  /** A parameter reference: `number` a number ≥ 0, `cap` a number ≥ 0 or null (no cap), `date`, `boolean`, `positiveInteger`. */
  param(ref: unknown, path: string, want: 'number' | 'cap' | 'date' | 'boolean' | 'positiveInteger' | 'positive'): void {
    if (!isText(ref)) {
      this.add(path, `应为参数名（parameters 中的键），现为${shown(ref)}`);
      return;
    }
    const p = this.params[ref];
    if (!isObj(p)) {
      this.add(path, `参数“${ref}”不存在（应在 parameters 中给出，带条款和原文）`);
      return;
    }
    const v = p.value;
    const at = `parameters.${ref}.value`;
    const number = typeof v === 'number' && Number.isFinite(v);
    if (want === 'cap' && v === null) return;
    if (want === 'number' || want === 'cap') {
      if (!number || v < 0) this.add(at, `${path} 用它作${want === 'cap' ? '上限（数字，null 表示不设上限）' : '数字'}，应为不小于0的数字，现为${shown(v)}`);
    } else if (want === 'positive') {
      if (!number || v <= 0) this.add(at, `${path} 用它作数字，应为大于0的数字，现为${shown(v)}`);
    } else if (want === 'positiveInteger') {
      if (!number || !Number.isInteger(v) || v < 1) this.add(at, `${path} 用它作天数，应为正整数，现为${shown(v)}`);
    } else if (want === 'boolean') {
      if (typeof v !== 'boolean') this.add(at, `${path} 用它作空白时的默认值，应为 true 或 false，现为${shown(v)}`);
    } else if (typeof v !== 'string' || Number.isNaN(dayFromIso(v))) this.add(at, `${path} 用它作日期，应为 YYYY-MM-DD 格式的有效日期，现为${shown(v)}`);
  }

  /** An input reference of a kind; marks it used. */
  input(ref: unknown, path: string, kind: InputKind): void {
    if (!isText(ref)) {
      this.add(path, `应为列名（inputs 中的键），现为${shown(ref)}`);
      return;
    }
    const i = this.inputs[ref];
    if (!isObj(i)) {
      this.add(path, `列“${ref}”不存在（应在 inputs 中给出表头、别名和类型）`);
      return;
    }
    this.used.add(ref);
    if (i.kind !== kind) this.add(path, `列“${ref}”应为“${KIND_WORDS[kind]}”类（kind: '${kind}'），现为${shown(i.kind)}`);
  }

  clause(ref: unknown, path: string): void {
    if (!isText(ref)) this.add(path, `应为条款名（clauses 中的键），现为${shown(ref)}`);
    else if (!isObj(this.clauses[ref])) this.add(path, `条款“${ref}”不存在（应在 clauses 中给出引用和原文）`);
  }

  code(ref: unknown, path: string): void {
    if (typeof ref !== 'string' || !CODE.test(ref)) {
      this.add(path, `应为提示代码（大写字母、数字和下划线，如 CAP_TRAINING），现为${shown(ref)}`);
      return;
    }
    const prior = this.codes.get(ref);
    if (prior !== undefined) this.add(path, `提示代码 ${ref} 已用于 ${prior}：每个上限一个代码`);
    else this.codes.set(ref, path);
  }

  evidence(e: unknown, path: string): void {
    if (!isObj(e)) {
      this.add(path, `应为证明材料说明 { label, clause, evidence, text }，现为${shown(e)}`);
      return;
    }
    this.unknownKeys(e, ['label', 'clause', 'evidence', 'text'], path);
    this.text(e, 'label', path, '审核材料清单上的名称');
    this.text(e, 'clause', path, '依据条款');
    this.text(e, 'evidence', path, '应查验的证明材料');
    this.text(e, 'text', path, '条款原文');
  }
}

function checkTop(c: Check): void {
  const d = c.d;
  c.unknownKeys(d, TOP_KEYS, '规则集');
  if (typeof d.id !== 'string' || !ID.test(d.id)) c.add('id', `应为小写字母、数字和连字符组成的编号（如 zaozhuang-2024），现为${shown(d.id)}`);
  if (typeof d.year !== 'number' || !Number.isInteger(d.year) || d.year < 1900 || d.year > 2999) c.add('year', `应为年份（如 2024），现为${shown(d.year)}`);
  c.text(d, 'title', '规则集', '规则集名称');
  c.text(d, 'notice', '规则集', '通知文号');
}

function checkParameters(c: Check): void {
  if (!isObj(c.d.parameters)) {
    c.add('parameters', `应为对象（参数名 → { value, label, clause, text }），现为${shown(c.d.parameters)}`);
    return;
  }
  for (const [k, p] of Object.entries(c.d.parameters)) {
    const path = `parameters.${k}`;
    if (!KEY.test(k) || (RULE_TEXT_WORDS as readonly string[]).includes(k)) c.add(path, '参数名应为字母开头的英文标识符（clause、specialCases 为保留字）');
    if (!isObj(p)) {
      c.add(path, `应为 { value, label, clause, text }，现为${shown(p)}`);
      continue;
    }
    c.unknownKeys(p, ['value', 'label', 'clause', 'text', 'unit', 'reading'], path);
    const v = p.value;
    if (!(v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)))) {
      c.add(`${path}.value`, `应为数字、文字、true/false 或 null，现为${shown(v)}`);
    }
    c.text(p, 'label', path, '给用户看的名称');
    c.text(p, 'clause', path, '出自哪一条');
    c.text(p, 'text', path, '该条原文或解读');
    if (p.unit !== undefined && typeof p.unit !== 'string') c.add(`${path}.unit`, `应为文字，现为${shown(p.unit)}`);
    if (p.reading !== undefined && typeof p.reading !== 'boolean') c.add(`${path}.reading`, `应为 true 或 false，现为${shown(p.reading)}`);
  }
}

function checkClauses(c: Check): void {
  if (!isObj(c.d.clauses)) {
    c.add('clauses', `应为对象（条款名 → { clause, text }），现为${shown(c.d.clauses)}`);
    return;
  }
  for (const [k, cl] of Object.entries(c.d.clauses)) {
    const path = `clauses.${k}`;
    if (!isObj(cl)) {
      c.add(path, `应为 { clause, text }，现为${shown(cl)}`);
      continue;
    }
    c.unknownKeys(cl, ['clause', 'text'], path);
    c.text(cl, 'clause', path, '条款引用，如 附件1第1条');
    c.text(cl, 'text', path, '条款原文');
  }
}

function checkInputs(c: Check): void {
  if (!isObj(c.d.inputs) || Object.keys(c.d.inputs).length === 0) {
    c.add('inputs', `应为对象（列名 → { header, aliases, kind, rule }），现为${shown(c.d.inputs)}`);
    return;
  }
  const names = new Map<string, string>();
  const outputs = new Set(OUTPUT_HEADERS.map(normalizeHeader));
  for (const [k, i] of Object.entries(c.d.inputs)) {
    const path = `inputs.${k}`;
    if (!KEY.test(k)) c.add(path, '列名（JSON 键）应为字母开头的英文标识符');
    if (!isObj(i)) {
      c.add(path, `应为 { header, aliases, kind, rule }，现为${shown(i)}`);
      continue;
    }
    c.unknownKeys(i, ['header', 'aliases', 'kind', 'required', 'clause', 'rule', 'blank'], path);
    c.text(i, 'header', path, '模板上的中文表头');
    if (!INPUT_KINDS.includes(i.kind as InputKind)) c.add(`${path}.kind`, `应为 ${INPUT_KINDS.join('、')} 之一，现为${shown(i.kind)}`);
    if (i.required !== undefined && typeof i.required !== 'boolean') c.add(`${path}.required`, `应为 true 或 false，现为${shown(i.required)}`);
    if (i.clause !== undefined && !isText(i.clause)) c.add(`${path}.clause`, `应为条款引用文字，现为${shown(i.clause)}`);
    if (c.text(i, 'rule', path, '模板输入提示')) {
      for (const name of placeholdersOf(i.rule as string)) {
        if (name === 'clause') {
          if (!isText(i.clause)) c.add(`${path}.rule`, '用了 {clause}，但这一列没有 clause');
        } else if (name === 'specialCases') {
          if (!isObj(c.d.specialCases)) c.add(`${path}.rule`, '用了 {specialCases}，但规则集没有 specialCases');
        } else if (!isObj(c.params[name])) c.add(`${path}.rule`, `用了 {${name}}，但参数“${name}”不存在`);
        else if (c.params[name].value === null) c.add(`${path}.rule`, `用了 {${name}}，但参数“${name}”的值是 null，提示里会显示“null”`);
      }
    }
    if (i.kind === 'yesno') c.param(i.blank, `${path}.blank`, 'boolean');
    else if (i.blank !== undefined) c.add(`${path}.blank`, '只有“是/否”类的列有空白默认值');
    const limit = LIMIT_OF[i.kind as InputKind];
    if (limit !== undefined) c.param(limit, `${path}（${KIND_WORDS[i.kind as InputKind]}列的合理上限）`, 'positive');
    const aliases = i.aliases;
    if (!Array.isArray(aliases) || !aliases.every(isText)) {
      c.add(`${path}.aliases`, `应为文字列表（实际花名册里的其他写法，可为空列表），现为${shown(aliases)}`);
      continue;
    }
    const spellings: [string, string][] = [[`${path}.header`, String(i.header ?? '')], [path, k], ...aliases.map((a, n): [string, string] => [`${path}.aliases[${n}]`, a])];
    for (const [where, spelling] of spellings) {
      const n = normalizeHeader(spelling);
      if (n.length === 0) continue;
      if (outputs.has(n)) c.add(where, `“${spelling}”与计算结果列的表头相同，读花名册时会被当作结果列`);
      const prior = names.get(n);
      if (prior !== undefined && prior !== k) {
        c.add(where, `“${spelling}”与 inputs.${prior} 的表头或别名相同（比较时忽略空格、括号宽窄和大小写，“科目”视同“课”）`);
      } else names.set(n, k);
    }
  }
  const name = c.inputs.name;
  if (!isObj(name) || name.kind !== 'text' || name.required !== true) c.add('inputs.name', '必须有“姓名”列：kind 为 text，required 为 true');
  for (const k of ROLE_INPUTS) {
    const i = c.inputs[k];
    if (i === undefined) continue;
    c.used.add(k);
    if (isObj(i) && i.kind !== 'text') c.add(`inputs.${k}.kind`, `应为 text（${k} 按文字读取），现为${shown(i.kind)}`);
  }
}

function checkSources(c: Check): void {
  if (!isObj(c.d.sources) || Object.keys(c.d.sources).length === 0) {
    c.add('sources', `应为对象（来源名 → { kind, label, clause, text, … }），现为${shown(c.d.sources)}`);
    return;
  }
  const labels = new Map<string, string>();
  const inputsUsed = new Map<string, string>();
  for (const [k, s] of Object.entries(c.d.sources)) {
    const path = `sources.${k}`;
    if (!KEY.test(k)) c.add(path, '来源名应为字母开头的英文标识符');
    if (!isObj(s)) {
      c.add(path, `应为 { kind, label, clause, text, … }，现为${shown(s)}`);
      continue;
    }
    const fields = SOURCE_FIELDS[s.kind as SourceKind];
    if (fields === undefined) {
      c.add(`${path}.kind`, `应为 ${Object.keys(SOURCE_FIELDS).join('、')} 之一，现为${shown(s.kind)}`);
      continue;
    }
    c.unknownKeys(s, [...SOURCE_COMMON, ...Object.keys(fields)], path);
    if (c.text(s, 'label', path, '学时明细里的名称')) {
      const prior = labels.get(s.label as string);
      if (prior !== undefined) c.add(`${path}.label`, `“${String(s.label)}”已是 sources.${prior} 的名称：学时明细按名称区分来源`);
      else labels.set(s.label as string, k);
    }
    c.text(s, 'clause', path, '认定依据的条款引用');
    c.text(s, 'text', path, '该条原文');
    if (s.evidence !== undefined) c.evidence(s.evidence, `${path}.evidence`);
    for (const [field, spec] of Object.entries(fields)) {
      const [ref, optional] = Array.isArray(spec) ? [spec[0], true] : [spec, false];
      const v = s[field];
      const at = `${path}.${field}`;
      if (v === undefined && optional) continue;
      if (ref === 'side') {
        if (v !== 'public' && v !== 'professional') c.add(at, `应为 'public'（公需课）或 'professional'（专业课），现为${shown(v)}`);
      } else if (ref === 'code' || ref === 'optionalCode') c.code(v, at);
      else if (ref === 'word') {
        if (!isText(v)) c.add(at, `应为量词（如“项”“次”），现为${shown(v)}`);
      }
      else if ('input' in ref) {
        c.input(v, at, ref.input);
        if (typeof v === 'string') {
          const prior = inputsUsed.get(v);
          if (prior !== undefined) c.add(at, `列“${v}”已是 ${prior} 的输入：一列只计一种学时`);
          else inputsUsed.set(v, at);
        }
      } else c.param(v, at, ref.param);
    }
    if (s.kind === 'hoursPerDay' && (s.yearCap === undefined) !== (s.yearCapCode === undefined)) {
      c.add(`${path}.yearCapCode`, '有年度上限（yearCap）就须有它的提示代码（yearCapCode），反之亦然');
    }
  }
}

const sourceOf = (c: Check, key: unknown): Obj | undefined =>
  typeof key === 'string' && isObj(c.d.sources) && isObj(c.d.sources[key]) ? c.d.sources[key] : undefined;

function checkCrossRules(c: Check): void {
  const d = c.d;
  if (!isObj(d.requirement)) c.add('requirement', `应为 { public, professional, total }（参数名），现为${shown(d.requirement)}`);
  else {
    c.unknownKeys(d.requirement, ['public', 'professional', 'total'], 'requirement');
    for (const k of ['public', 'professional', 'total']) c.param(d.requirement[k], `requirement.${k}`, 'number');
    const requirement = d.requirement;
    const value = (k: string): unknown => {
      const p = c.params[String(requirement[k])];
      return isObj(p) ? p.value : undefined;
    };
    const [p, q, t] = [value('public'), value('professional'), value('total')];
    if (typeof p === 'number' && typeof q === 'number' && typeof t === 'number' && p + q !== t) {
      c.add('requirement.total', `年度累计要求应等于公需课与专业课要求之和（${p} + ${q}），现为${t}`);
    }
  }
  const inCap = new Map<string, string>();
  if (d.categoryCaps !== undefined) {
    if (!Array.isArray(d.categoryCaps)) c.add('categoryCaps', `应为列表，现为${shown(d.categoryCaps)}`);
    else {
      d.categoryCaps.forEach((g: unknown, n) => {
        const path = `categoryCaps[${n}]`;
        if (!isObj(g)) return c.add(path, `应为 { sources, cap, code, clause }，现为${shown(g)}`);
        c.unknownKeys(g, ['sources', 'cap', 'code', 'clause'], path);
        c.param(g.cap, `${path}.cap`, 'cap');
        c.code(g.code, `${path}.code`);
        c.clause(g.clause, `${path}.clause`);
        if (!Array.isArray(g.sources) || g.sources.length < 2) return c.add(`${path}.sources`, `应为两个以上来源名的列表，现为${shown(g.sources)}`);
        let side: unknown;
        g.sources.forEach((k: unknown, m) => {
          const s = sourceOf(c, k);
          const at = `${path}.sources[${m}]`;
          if (s === undefined) return c.add(at, `来源“${String(k)}”不存在`);
          if (s.kind === 'monthsProrated') return c.add(at, `来源“${String(k)}”按月份折算两类学时，不能合并封顶`);
          if (side !== undefined && s.side !== side) c.add(at, '合并封顶的来源应计入同一类学时（都是公需课或都是专业课）');
          side = s.side;
          const prior = inCap.get(String(k));
          if (prior !== undefined) c.add(at, `来源“${String(k)}”已在 ${prior} 里`);
          else inCap.set(String(k), path);
        });
      });
    }
  }
  if (d.filingGate !== undefined) {
    const g = d.filingGate;
    if (!isObj(g)) c.add('filingGate', `应为 { input, sources, code, what, clauses }，现为${shown(g)}`);
    else {
      c.unknownKeys(g, ['input', 'sources', 'code', 'what', 'clauses'], 'filingGate');
      c.input(g.input, 'filingGate.input', 'yesno');
      c.code(g.code, 'filingGate.code');
      c.text(g, 'what', 'filingGate', '未备案的是什么，如“培训”');
      if (!Array.isArray(g.clauses) || g.clauses.length === 0) c.add('filingGate.clauses', `应为条款名的列表，现为${shown(g.clauses)}`);
      else g.clauses.forEach((k: unknown, n) => c.clause(k, `filingGate.clauses[${n}]`));
      if (!Array.isArray(g.sources) || g.sources.length === 0) c.add('filingGate.sources', `应为来源名的列表，现为${shown(g.sources)}`);
      else {
        g.sources.forEach((k: unknown, n) => {
          const s = sourceOf(c, k);
          if (s === undefined) c.add(`filingGate.sources[${n}]`, `来源“${String(k)}”不存在`);
          else if (typeof s.hours !== 'string') c.add(`filingGate.sources[${n}]`, `来源“${String(k)}”没有学时列（hours），无法判断是否申报了学时`);
        });
      }
    }
  }
  checkSpecialCases(c);
  for (const key of ['sectorRule', 'evidenceStatus'] as const) {
    const r = d[key];
    if (r === undefined) continue;
    if (!isObj(r)) {
      c.add(key, `应为 { input, clause }，现为${shown(r)}`);
      continue;
    }
    c.unknownKeys(r, ['input', 'clause'], key);
    c.input(r.input, `${key}.input`, 'yesno');
    c.clause(r.clause, `${key}.clause`);
  }
  checkDeadline(c);
}

function checkSpecialCases(c: Check): void {
  const s = c.d.specialCases;
  if (s === undefined) return;
  if (!isObj(s)) {
    c.add('specialCases', `应为 { caseInput, monthsInput, basis, clause, cases, evidence }，现为${shown(s)}`);
    return;
  }
  c.unknownKeys(s, ['caseInput', 'monthsInput', 'basis', 'clause', 'cases', 'evidence'], 'specialCases');
  c.input(s.caseInput, 'specialCases.caseInput', 'case');
  c.input(s.monthsInput, 'specialCases.monthsInput', 'months');
  c.param(s.basis, 'specialCases.basis', 'positive');
  c.clause(s.clause, 'specialCases.clause');
  c.evidence(s.evidence, 'specialCases.evidence');
  if (!Array.isArray(s.cases) || s.cases.length === 0) {
    c.add('specialCases.cases', `应为特殊情况的列表，现为${shown(s.cases)}`);
    return;
  }
  const names = new Set<string>();
  s.cases.forEach((r: unknown, n) => {
    const path = `specialCases.cases[${n}]`;
    if (!isObj(r)) return c.add(path, `应为 { name, minAbsentMonthsExclusive, needsProvincialApproval, clause, text }，现为${shown(r)}`);
    c.unknownKeys(r, ['name', 'minAbsentMonthsExclusive', 'needsProvincialApproval', 'clause', 'text'], path);
    if (c.text(r, 'name', path, '特殊情况名称')) {
      if (names.has(r.name as string)) c.add(`${path}.name`, `“${String(r.name)}”重复`);
      names.add(r.name as string);
    }
    const m = r.minAbsentMonthsExclusive;
    if (!(m === null || (typeof m === 'number' && Number.isFinite(m) && m >= 0))) c.add(`${path}.minAbsentMonthsExclusive`, `应为不小于0的数字或 null（不限月数），现为${shown(m)}`);
    if (typeof r.needsProvincialApproval !== 'boolean') c.add(`${path}.needsProvincialApproval`, `应为 true 或 false，现为${shown(r.needsProvincialApproval)}`);
    c.text(r, 'clause', path, '条款引用');
    c.text(r, 'text', path, '条款原文');
  });
}

function checkDeadline(c: Check): void {
  const dl = c.d.deadline;
  if (!isObj(dl)) {
    c.add('deadline', `应为 { yearEnd, clause, titleApplicants? }，现为${shown(dl)}`);
    return;
  }
  c.unknownKeys(dl, ['yearEnd', 'clause', 'titleApplicants'], 'deadline');
  c.param(dl.yearEnd, 'deadline.yearEnd', 'date');
  c.clause(dl.clause, 'deadline.clause');
  const end = c.params[String(dl.yearEnd)];
  if (isObj(end) && typeof end.value === 'string' && !Number.isNaN(dayFromIso(end.value)) && yearOfDay(dayFromIso(end.value)) !== c.d.year) {
    c.add(`parameters.${String(dl.yearEnd)}.value`, `年度截止日期应在规则集的年度（${String(c.d.year)}）内，现为${end.value}`);
  }
  const t = dl.titleApplicants;
  if (t === undefined) return;
  if (!isObj(t)) {
    c.add('deadline.titleApplicants', `应为 { applicant, submission, workingDays }，现为${shown(t)}`);
    return;
  }
  c.unknownKeys(t, ['applicant', 'submission', 'workingDays'], 'deadline.titleApplicants');
  c.input(t.applicant, 'deadline.titleApplicants.applicant', 'yesno');
  c.input(t.submission, 'deadline.titleApplicants.submission', 'date');
  c.param(t.workingDays, 'deadline.titleApplicants.workingDays', 'positiveInteger');
}

function isoList(c: Check, v: unknown, path: string): number[] {
  if (!Array.isArray(v)) {
    c.add(path, `应为日期列表（YYYY-MM-DD），现为${shown(v)}`);
    return [];
  }
  const out: number[] = [];
  v.forEach((s: unknown, n) => {
    const day = typeof s === 'string' ? dayFromIso(s) : NaN;
    if (Number.isNaN(day)) c.add(`${path}[${n}]`, `应为 YYYY-MM-DD 格式的有效日期，现为${shown(s)}`);
    else out.push(day);
  });
  return out;
}

function checkCalendar(c: Check): void {
  const cal = c.d.calendar;
  if (!isObj(cal)) {
    c.add('calendar', `应为 { years, holidays, workdays, notice, covers }，现为${shown(cal)}`);
    return;
  }
  c.unknownKeys(cal, ['years', 'holidays', 'workdays', 'notice', 'covers'], 'calendar');
  c.text(cal, 'notice', 'calendar', '节假日安排的文号');
  const year = c.d.year;
  if (!Array.isArray(cal.years) || !cal.years.every((y) => typeof y === 'number' && Number.isInteger(y))) {
    c.add('calendar.years', `应为年份列表，现为${shown(cal.years)}`);
  } else if (typeof year === 'number' && !cal.years.includes(year)) c.add('calendar.years', `应包含规则集的年度 ${year}`);
  const holidays = isoList(c, cal.holidays, 'calendar.holidays');
  const workdays = isoList(c, cal.workdays, 'calendar.workdays');
  const off = new Set(holidays);
  workdays.forEach((d) => {
    const wd = weekdayOfDay(d);
    if (wd !== 0 && wd !== 6) c.add('calendar.workdays', `${isoFromDay(d)}是工作日本来就上班，调休上班日应是周六或周日`);
    if (off.has(d)) c.add('calendar.workdays', `${isoFromDay(d)}同时列为放假日和调休上班日`);
  });
  const covers = cal.covers;
  if (!isObj(covers)) {
    c.add('calendar.covers', `应为 { from, to }：本数据完整给出节假日和调休的日期范围，现为${shown(covers)}`);
    return;
  }
  const from = typeof covers.from === 'string' ? dayFromIso(covers.from) : NaN;
  const to = typeof covers.to === 'string' ? dayFromIso(covers.to) : NaN;
  if (Number.isNaN(from)) c.add('calendar.covers.from', `应为 YYYY-MM-DD 格式的有效日期，现为${shown(covers.from)}`);
  if (Number.isNaN(to)) c.add('calendar.covers.to', `应为 YYYY-MM-DD 格式的有效日期，现为${shown(covers.to)}`);
  if (Number.isNaN(from) || Number.isNaN(to) || typeof year !== 'number') return;
  for (const d of [...holidays, ...workdays]) {
    if (d < from || d > to) c.add('calendar', `${isoFromDay(d)}不在 covers（${String(covers.from)}至${String(covers.to)}）之内`);
  }
  const first = dayFromIso(`${String(year).padStart(4, '0')}-01-01`);
  const last = dayFromIso(`${String(year).padStart(4, '0')}-12-31`);
  if (from > first || to < last) c.add('calendar.covers', `应至少覆盖全年（${isoFromDay(first)}至${isoFromDay(last)}）`);
  // the count back of 正文六: from a submission early in the year it reaches back into the year before; from one early
  // in the next year it reaches the year end (later submissions are clamped to the year end)
  const t = isObj(c.d.deadline) && isObj(c.d.deadline.titleApplicants) ? c.d.deadline.titleApplicants : null;
  const n = t === null ? undefined : c.params[String(t.workingDays)];
  const days = isObj(n) && typeof n.value === 'number' && Number.isInteger(n.value) && n.value >= 1 ? n.value : null;
  if (days === null || holidays.length !== (cal.holidays as unknown[]).length || workdays.length !== (cal.workdays as unknown[]).length) return;
  const compiled = compileCalendar({ years: [year], holidays: cal.holidays as string[], workdays: cal.workdays as string[], notice: '', covers: { from: '', to: '' } });
  const earliest = nthWorkingDayBefore(first, days, compiled);
  if (from > earliest) {
    c.add('calendar.covers.from', `应不晚于${isoFromDay(earliest)}：${isoFromDay(first)}提交的材料，往前数${days}个工作日要用到这一天的安排`);
  }
  let latest = last;
  for (let k = 0; k < days; ) if (isWorkingDay(++latest, compiled)) k++;
  if (to < latest) {
    c.add('calendar.covers.to', `应不早于${isoFromDay(latest)}：次年年初提交的材料，往前数${days}个工作日会落回本年度，要用到此前各天的安排`);
  }
}

function checkWords(c: Check): void {
  const w = c.d.words;
  if (!isObj(w)) {
    c.add('words', `应为对象（${WORD_KEYS.join('、')}），现为${shown(w)}`);
    return;
  }
  c.unknownKeys(w, WORD_KEYS, 'words');
  for (const k of WORD_KEYS) {
    const list = w[k];
    const path = `words.${k}`;
    if (!isObj(list)) {
      c.add(path, `应为 { value: [文字…], label, clause, text }，现为${shown(list)}`);
      continue;
    }
    if (!Array.isArray(list.value) || list.value.length === 0 || !list.value.every((x) => typeof x === 'string' && x.length > 0)) {
      c.add(`${path}.value`, `应为非空的文字列表，现为${shown(list.value)}`);
    }
    c.text(list, 'label', path, '名称');
    c.text(list, 'clause', path, '出处');
    c.text(list, 'text', path, '解读');
  }
}

function checkDuties(c: Check): void {
  const du = c.d.duties;
  if (!isObj(du)) {
    c.add('duties', `应为 { cityPlatform, provincialPlatform, trainingPlanFiling }，现为${shown(du)}`);
    return;
  }
  c.unknownKeys(du, ['cityPlatform', 'provincialPlatform', 'trainingPlanFiling'], 'duties');
  for (const k of ['cityPlatform', 'provincialPlatform']) {
    const p = du[k];
    const path = `duties.${k}`;
    if (!isObj(p)) {
      c.add(path, `应为 { name, shortName, url, clause, text }，现为${shown(p)}`);
      continue;
    }
    for (const f of ['name', 'shortName', 'url', 'clause', 'text']) c.text(p, f, path, f);
  }
  const f = du.trainingPlanFiling;
  if (!isObj(f)) {
    c.add('duties.trainingPlanFiling', `应为附件2的报送说明，现为${shown(f)}`);
    return;
  }
  for (const k of ['formTitle', 'deadlineAppliesTo', 'office', 'address', 'email', 'note', 'clause']) c.text(f, k, 'duties.trainingPlanFiling', k);
  for (const k of ['deadline', 'copies']) {
    const p = f[k];
    if (!isObj(p) || !isText(p.label) || !isText(p.clause) || !isText(p.text)) c.add(`duties.trainingPlanFiling.${k}`, '应为带 value、label、clause、text 的参数');
  }
  const deadline = isObj(f.deadline) ? f.deadline.value : undefined;
  if (typeof deadline !== 'string' || Number.isNaN(dayFromIso(deadline))) c.add('duties.trainingPlanFiling.deadline.value', `应为 YYYY-MM-DD 格式的有效日期，现为${shown(deadline)}`);
  const copies = isObj(f.copies) ? f.copies.value : undefined;
  if (typeof copies !== 'number' || !Number.isInteger(copies) || copies < 1) c.add('duties.trainingPlanFiling.copies.value', `应为正整数，现为${shown(copies)}`);
}

/** The warning codes the rule set's rules can give, in the order its parts are listed. */
function possibleCodes(c: Check): Set<string> {
  const d = c.d;
  const out = new Set<string>(c.codes.keys());
  const sources = isObj(d.sources) ? Object.values(d.sources) : [];
  if (sources.some((s) => isObj(s) && s.kind === 'hoursPerDay')) for (const x of ENGINE_WARNINGS.hoursPerDay) out.add(x);
  if (d.specialCases !== undefined) for (const x of ENGINE_WARNINGS.specialCases) out.add(x);
  if (d.sectorRule !== undefined) for (const x of ENGINE_WARNINGS.sectorRule) out.add(x);
  if (isObj(d.deadline) && d.deadline.titleApplicants !== undefined) for (const x of ENGINE_WARNINGS.titleApplicants) out.add(x);
  for (const x of ENGINE_WARNINGS.deadline) out.add(x);
  if (isObj(c.inputs.idNumber)) for (const x of ENGINE_WARNINGS.idNumber) out.add(x);
  for (const x of ENGINE_WARNINGS.rows) out.add(x);
  return out;
}

/** A list that holds each of `keys` exactly once. */
function checkPermutation(c: Check, list: unknown, keys: readonly string[], path: string, what: string): void {
  if (!Array.isArray(list)) {
    c.add(path, `应为${what}的列表，现为${shown(list)}`);
    return;
  }
  const seen = new Set<string>();
  list.forEach((k: unknown, n) => {
    if (typeof k !== 'string' || !keys.includes(k)) c.add(`${path}[${n}]`, `“${String(k)}”不是${what}`);
    else if (seen.has(k)) c.add(`${path}[${n}]`, `“${k}”重复`);
    else seen.add(k);
  });
  const missing = keys.filter((k) => !seen.has(k));
  if (missing.length > 0) c.add(path, `缺少 ${missing.join('、')}（每个${what}出现一次；已在用的规则集只能在末尾追加）`);
}

function checkOrders(c: Check): void {
  const o = c.d.orders;
  if (!isObj(o)) {
    c.add('orders', `应为 { sources, columns, warningCodes }，现为${shown(o)}`);
    return;
  }
  c.unknownKeys(o, ['sources', 'columns', 'warningCodes'], 'orders');
  checkPermutation(c, o.sources, Object.keys(isObj(c.d.sources) ? c.d.sources : {}), 'orders.sources', '来源（sources 的键）');
  checkPermutation(c, o.columns, Object.keys(c.inputs), 'orders.columns', '列（inputs 的键）');
  checkPermutation(c, o.warningCodes, [...possibleCodes(c)], 'orders.warningCodes', '本规则集可能给出的提示代码');
}

/** Inputs no rule reads: a column the clerk fills in for nothing. */
function checkUnused(c: Check): void {
  for (const [k, i] of Object.entries(c.inputs)) {
    if (!c.used.has(k)) c.add(`inputs.${k}`, `没有规则用到这一列（${isObj(i) ? String(i.header) : k}）：删去它，或在来源或规则中引用它`);
  }
}

/** Every problem of a rule set definition, as Chinese lines naming the key; [] when it can be used. */
export function ruleSetProblems(definition: unknown): string[] {
  if (!isObj(definition)) return [`规则集：应为对象，现为${shown(definition)}`];
  const c = new Check(definition);
  checkTop(c);
  checkParameters(c);
  checkClauses(c);
  checkInputs(c);
  checkSources(c);
  checkCrossRules(c);
  checkCalendar(c);
  checkWords(c);
  checkDuties(c);
  checkOrders(c);
  checkUnused(c);
  return c.problems;
}

/** A rule set that cannot be used: every problem, one per line. */
export class RuleSetError extends Error {
  override readonly name = 'RuleSetError';
  constructor(readonly id: string, readonly problems: readonly string[]) {
    super(`规则集“${id}”有误，无法使用：\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

/** The definition, checked: throws RuleSetError listing every problem. */
export function checkedRuleSet(definition: unknown): RuleSetDefinition {
  const problems = ruleSetProblems(definition);
  const id = isObj(definition) && typeof definition.id === 'string' ? definition.id : '（无编号）';
  if (problems.length > 0) throw new RuleSetError(id, problems);
  return definition as RuleSetDefinition;
}
