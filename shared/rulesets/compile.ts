// A rule set precomputed once for the hot path: every roster column gets a slot (its place in orders.columns, where a
// row's parsed value lives in a Float64Array), every source of hours a compiled record of one shape (its kind as a
// number, its slots and its parameters as plain numbers), the cross-source rules their slots and numbers.
import { newOutputCache, type OutputCache } from '../cache';
import { compileCalendar, type CompiledCalendar } from '../calendar';
import { dayFromIso } from '../dates';
import { normalizeHeader } from '../header-text';
import { codeSet, isSpaceCode, toHalfWidth, type CellWords } from '../normalize';
import { headerNames, headersFor, type HeaderDef } from './header-table';
import type { InputKind, ParameterValue, RuleSet, SpecialCaseRule } from './types';

/** How a column's cells are read: one code per kind of reader (shared/fields.ts). */
export const READ_NUMBER = 0;
export const READ_YES_NO = 1;
export const READ_CASE = 2;
export const READ_DATE = 3;
export const READ_TEXT = 4;
export const READ_ID = 5;
export const READ_NAME = 6;
export const READ_UNIT = 7;
export const READ_DEPARTMENT = 8;

/** The kinds of source (shared/rules/), as numbers for the row loop's switch. */
export const HOURS_AS_GIVEN = 0;
export const HOURS_PER_DAY = 1;
export const HOURS_YEAR_CAP = 2;
export const ITEMS_TIMES_HOURS = 3;
export const MONTHS_PRORATED = 4;
const KIND_CODE = { hoursAsGiven: HOURS_AS_GIVEN, hoursPerDay: HOURS_PER_DAY, hoursYearCap: HOURS_YEAR_CAP, itemsTimesHours: ITEMS_TIMES_HOURS, monthsProrated: MONTHS_PRORATED } as const;

/** Where source `source`'s hours of a side (0 public, 1 professional) are in a row's credits: two slots a source. */
export function creditSlot(source: number, side: number): number {
  return source * 2 + side;
}

/** The roster's columns by slot (slot = index in orders.columns). */
export type CompiledInputs = {
  keys: readonly string[];
  /** JSON key → slot, in an object without a prototype (one lookup per cell). */
  slotOf: Readonly<Record<string, number | undefined>>;
  /** READ_* per slot. */
  read: Uint8Array;
  kind: readonly InputKind[];
  /** Chinese header per slot (messages). */
  zh: readonly string[];
  /** Numeric columns: the largest value accepted (maxHours …), Infinity for others. */
  max: Float64Array;
  /** 1 for counts (whole numbers). */
  integer: Uint8Array;
  /** The unit word a numeric column's message suggests (学时, 天, 项, 个月). */
  unit: readonly string[];
  /** A parsed row before its cells are read: NaN (blank) everywhere, the blank default (1/0) in yes/no slots. */
  blank: Float64Array;
  /**
   * Per slot, the sources a filled cell there may credit, as bits (source i = bit i): the source reading it, and with it
   * every source of its category cap or filing gate. A row's rules run only for sources whose cells were filled (the
   * others credit 0 and warn nothing). ALL_SOURCES when the rule set has more sources than bits.
   */
  sourceBits: Int32Array;
};

/** The source bits of a rule set with more than 31 sources: every source, every row. */
export const ALL_SOURCES = -1;
/** Sources a row's bits can name (bit 31 is the sign). */
const MAX_BITS = 31;

/**
 * A source of hours of any kind, all in one shape: `kind` (HOURS_AS_GIVEN …), `side` (0 public, 1 professional),
 * the slots it reads (`input`: hours, count or months; `days`), its numbers (`each`: per day, per item or public per
 * month; `eachProfessional`: professional per month; `cap`: the yearly cap, Infinity for none), its cap codes and names.
 */
export type CompiledSource = {
  index: number;
  key: string;
  kind: number;
  side: number;
  input: number;
  days: number;
  each: number;
  eachProfessional: number;
  cap: number;
  code: string;
  code2: string;
  /** How a cap's message counts items (项, 次). */
  itemWord: string;
  /** The cache sites of its DAYS_MISSING and HOURS_MISSING warnings (one per source: the message names it). */
  daysMissingSite: string;
  hoursMissingSite: string;
  label: string;
  clause: string;
  /** Its hours need evidence (附件1第7条). */
  evidence: boolean;
  /** The filing gate covers it. */
  gated: boolean;
  /** The filing gate is checked right before this source (its first source). */
  gateHere: boolean;
  /** A category cap applied right after this source (its last source), or null. */
  capAfter: CompiledCategoryCap | null;
};

export type CompiledCategoryCap = { sources: readonly number[]; cap: number; code: string; clause: string; what: string };
export type CompiledGate = { slot: number; sources: readonly number[]; hoursSlots: readonly number[]; code: string; clause: string; what: string; header: string; labels: string };
export type CompiledSpecialCases = {
  caseSlot: number;
  monthsSlot: number;
  caseHeader: string;
  monthsHeader: string;
  rules: readonly SpecialCaseRule[];
  byName: ReadonlyMap<string, number>;
  clause: string;
  /** The cases a unit approves itself, as ABSENCE_WITHOUT_CASE's message gives examples (境外工作、病假、产假). */
  examples: string;
};
export type CompiledDeadline = {
  clause: string;
  applicantSlot: number;
  submissionSlot: number;
  applicantHeader: string;
  submissionHeader: string;
  workingDays: number;
};

export type CompiledRuleSet = {
  ruleSet: RuleSet;
  /** The values of the parameters, by name. */
  v: Readonly<Record<string, ParameterValue>>;
  yearEnd: string;
  yearEndDay: number;
  calendar: CompiledCalendar;
  inputs: CompiledInputs;
  /** The slots of 姓名 and of the ID number (−1: no such column). */
  nameSlot: number;
  idSlot: number;
  /** Chinese header of every roster key (for messages). */
  zh: Readonly<Record<string, string>>;
  headers: readonly HeaderDef[];
  /** Every spelling of a column, normalised → its key; the canonical headers normalised → key. */
  headerIndex: ReadonlyMap<string, string>;
  canonicalIndex: ReadonlyMap<string, string>;
  /** Columns whose content is credited as hours (a roster without any cannot be counted), in template order. */
  creditKeys: readonly string[];
  /** Columns whose hours need evidence (附件1第7条), and the special case's column. */
  evidenceKeys: readonly string[];
  /** The sources in orders.sources order (breakdown order; a compact answer's sourceIndex). */
  sources: readonly CompiledSource[];
  /** Breakdown label and clause per source, indexed like `sources`. */
  sourceList: readonly { label: string; clause: string }[];
  gate: CompiledGate | null;
  requiredPublic: number;
  requiredProfessional: number;
  special: CompiledSpecialCases | null;
  /** Months in a year for the proration (0 without special cases: never prorated). */
  basis: number;
  /** Each 特殊情况 rule by its name. */
  specialCaseByName: ReadonlyMap<string, SpecialCaseRule>;
  sector: { slot: number; clause: string; header: string } | null;
  evidence: { slot: number; clause: string } | null;
  deadline: CompiledDeadline;
  /** The words of real rosters (placeholders, Excel errors, unit suffixes) as the cell readers use them. */
  words: CellWords;
  /** Total and note rows (docs/rules.md §9), folded to half width. */
  notPerson: NotPersonWords;
  /** The words only a whole roster sheet shows (footers, 序号 columns, head counts), for shared/roster. */
  roster: RosterWords;
  /** Bounded caches of frozen breakdown items, warnings and parsed cell texts (shared/cache.ts). */
  cache: OutputCache;
};

/** The words that make a row a total or note row, precomputed. */
export type NotPersonWords = {
  totals: ReadonlySet<string>;
  prefixes: readonly string[];
  colons: ReadonlySet<string>;
  /**
   * The first UTF-16 code units of every total word and prefix (codeSet): a quick refusal for ordinary names, by char code
   * (`name[0]` of a Chinese name would allocate a one-character string on every row).
   */
  firstCodes: Uint8Array;
  /** How many non-space characters decide (the longest word and a colon). */
  headLength: number;
};

/** Roster-sheet words (docs/rules.md §9), folded to half width; numbering headers as normalizeHeader gives them. */
export type RosterWords = {
  footerPrefixes: readonly string[];
  numberingHeaders: ReadonlySet<string>;
  headcountPrefixes: readonly string[];
  headcountSuffixes: readonly string[];
  /** The last character of every head-count suffix, as written and full width (a quick refusal). */
  headcountEnds: ReadonlySet<number>;
};

function compileRosterWords(w: RuleSet['words']): RosterWords {
  const fold = (xs: readonly string[]): string[] => xs.map(toHalfWidth);
  const longestFirst = (xs: readonly string[]): string[] => fold(xs).sort((a, b) => b.length - a.length);
  return {
    footerPrefixes: fold(w.footerRowPrefixes.value),
    numberingHeaders: new Set(w.numberingHeaders.value.map(normalizeHeader)),
    headcountPrefixes: longestFirst(w.headcountPrefixes.value),
    headcountSuffixes: longestFirst(w.headcountSuffixes.value),
    headcountEnds: new Set(w.headcountSuffixes.value.flatMap((x) => [x.charCodeAt(x.length - 1), toHalfWidth(x).charCodeAt(x.length - 1)])),
  };
}

function compileWords(rs: RuleSet): { words: CellWords; notPerson: NotPersonWords; roster: RosterWords } {
  const w = rs.words;
  const longest = (xs: readonly string[]) => xs.reduce((m, x) => Math.max(m, x.length), 0);
  const errors = w.excelErrors.value.map((e) => toHalfWidth(e).toUpperCase());
  const fold = (xs: readonly string[]) => xs.map(toHalfWidth);
  const totals = fold(w.totalRowNames.value);
  const prefixes = fold(w.noteRowPrefixes.value);
  // roleTextFirstCodes: every word's first code unit as written, folded and widened, and every space
  const firsts = [...w.placeholders.value, ...fold(w.placeholders.value), ...errors, ...totals, ...prefixes].map((x) => x.charCodeAt(0));
  const wide = (c: number): number => (c >= 0x21 && c <= 0x7e ? c + 0xfee0 : c);
  const spaces: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c)) spaces.push(c);
  return {
    words: {
      placeholders: new Set(w.placeholders.value),
      placeholderFirstCodes: codeSet(w.placeholders.value.map((x) => x.charCodeAt(0))),
      maxPlaceholder: longest(w.placeholders.value),
      excelErrors: new Set(errors),
      maxExcelError: longest(errors),
      units: [...w.unitSuffixes.value].sort((a, b) => b.length - a.length),
      roleTextFirstCodes: codeSet([...firsts, ...firsts.map(wide), ...spaces]),
    },
    notPerson: {
      totals: new Set(totals),
      prefixes,
      colons: new Set(fold(w.noteRowColons.value)),
      firstCodes: codeSet([...totals, ...prefixes].map((x) => x.charCodeAt(0))),
      headLength: longest([...totals, ...prefixes]) + 1,
    },
    roster: compileRosterWords(w),
  };
}

const UNIT_WORD: Partial<Record<InputKind, string>> = { hours: '学时', days: '天', count: '项', months: '个月' };
const LIMIT: Partial<Record<InputKind, string>> = { hours: 'maxHours', days: 'maxDays', count: 'maxCount', months: 'maxMonths' };
const ROLE_READ: Readonly<Record<string, number>> = { name: READ_NAME, idNumber: READ_ID, unit: READ_UNIT, department: READ_DEPARTMENT };
const KIND_READ: Record<InputKind, number> = {
  text: READ_TEXT, hours: READ_NUMBER, days: READ_NUMBER, count: READ_NUMBER, months: READ_NUMBER, yesno: READ_YES_NO, case: READ_CASE, date: READ_DATE,
};

function compileInputs(rs: RuleSet, v: Readonly<Record<string, ParameterValue>>): CompiledInputs {
  const keys = rs.orders.columns;
  const n = keys.length;
  const slotOf = Object.create(null) as Record<string, number | undefined>;
  const read = new Uint8Array(n);
  const max = new Float64Array(n).fill(Infinity);
  const integer = new Uint8Array(n);
  const blank = new Float64Array(n).fill(NaN);
  const kind: InputKind[] = [];
  const zh: string[] = [];
  const unit: string[] = [];
  keys.forEach((key, slot) => {
    const input = rs.inputs[key];
    slotOf[key] = slot;
    read[slot] = ROLE_READ[key] ?? KIND_READ[input.kind];
    kind.push(input.kind);
    zh.push(input.header);
    unit.push(UNIT_WORD[input.kind] ?? '');
    const limit = LIMIT[input.kind];
    if (limit !== undefined) max[slot] = v[limit] as number;
    if (input.kind === 'count') integer[slot] = 1;
    if (input.blank !== undefined) blank[slot] = v[input.blank] === true ? 1 : 0;
  });
  return { keys, slotOf, read, kind, zh, max, integer, unit, blank, sourceBits: new Int32Array(n) };
}

/** Fills `inputs.sourceBits` (see CompiledInputs): a source with the sources it is capped or gated with. */
function compileSourceBits(rs: RuleSet, inputs: CompiledInputs): void {
  const order = rs.orders.sources;
  if (order.length > MAX_BITS) {
    inputs.sourceBits.fill(ALL_SOURCES);
    return;
  }
  const groups = [...(rs.categoryCaps ?? []).map((g) => g.sources), ...(rs.filingGate === undefined ? [] : [rs.filingGate.sources])];
  const bitsOf = (key: string): number => {
    // a source and, repeatedly, every group it shares with another
    let bits = 1 << order.indexOf(key);
    for (let changed = true; changed; ) {
      changed = false;
      for (const g of groups) {
        const gBits = g.reduce((b, k) => b | (1 << order.indexOf(k)), 0);
        if ((gBits & bits) !== 0 && (gBits | bits) !== bits) {
          bits |= gBits;
          changed = true;
        }
      }
    }
    return bits;
  };
  for (const key of order) {
    const s = rs.sources[key];
    const slots = [creditInput(s), s.kind === 'hoursPerDay' ? s.days : undefined];
    for (const k of slots) if (k !== undefined) inputs.sourceBits[inputs.slotOf[k] as number] |= bitsOf(key);
  }
}

/** The hours input of a source (what it is credited from), or the count or months. */
function creditInput(s: RuleSet['sources'][string]): string {
  switch (s.kind) {
    case 'itemsTimesHours':
      return s.count;
    case 'monthsProrated':
      return s.months;
    default:
      return s.hours;
  }
}

function compileSources(rs: RuleSet, v: Readonly<Record<string, ParameterValue>>, inputs: CompiledInputs): CompiledSource[] {
  const num = (name: string | undefined): number => (name === undefined || v[name] === null ? Infinity : (v[name] as number));
  const slot = (key: string | undefined): number => (key === undefined ? -1 : (inputs.slotOf[key] ?? -1));
  const order = rs.orders.sources;
  const gated = new Set(rs.filingGate?.sources ?? []);
  const firstGated = order.find((k) => gated.has(k));
  const out = order.map((key, index): CompiledSource => {
    const s = rs.sources[key];
    const side = s.kind === 'monthsProrated' ? -1 : s.side === 'public' ? 0 : 1;
    let days = -1;
    let each = NaN;
    let eachProfessional = NaN;
    let cap = Infinity;
    let code = '';
    let code2 = '';
    let itemWord = '';
    switch (s.kind) {
      case 'hoursPerDay':
        days = slot(s.days);
        each = num(s.perDay);
        cap = num(s.yearCap);
        code = s.dailyCapCode;
        code2 = s.yearCapCode ?? '';
        break;
      case 'hoursYearCap':
        cap = num(s.yearCap);
        code = s.capCode;
        break;
      case 'itemsTimesHours':
        each = num(s.hoursEach);
        cap = num(s.yearCap);
        code = s.capCode;
        itemWord = s.itemWord;
        break;
      case 'monthsProrated':
        each = num(s.publicPerMonth);
        eachProfessional = num(s.professionalPerMonth);
        break;
      default:
        break;
    }
    return {
      index, key, kind: KIND_CODE[s.kind], side, input: slot(creditInput(s)), days, each, eachProfessional, cap, code, code2, itemWord, daysMissingSite: `DAYS_MISSING:${s.label}`, hoursMissingSite: `HOURS_MISSING:${s.label}`, label: s.label,
      clause: s.clause, evidence: s.evidence !== undefined, gated: gated.has(key), gateHere: key === firstGated, capAfter: null,
    };
  });
  for (const g of rs.categoryCaps ?? []) {
    const members = g.sources.map((k) => order.indexOf(k));
    const compiled: CompiledCategoryCap = {
      sources: members,
      cap: num(g.cap),
      code: g.code,
      clause: rs.clauses[g.clause].clause,
      what: g.sources.map((k) => rs.sources[k].label).join('与'),
    };
    out[Math.max(...members)].capAfter = compiled;
  }
  return out;
}

export function compileRuleSet(rs: RuleSet): CompiledRuleSet {
  const v: Record<string, ParameterValue> = Object.fromEntries(Object.entries(rs.parameters).map(([k, p]) => [k, p.value]));
  const yearEnd = v[rs.deadline.yearEnd] as string;
  const yearEndDay = dayFromIso(yearEnd);
  if (Number.isNaN(yearEndDay)) throw new Error(`规则集${rs.id}的年度截止日期无效：${yearEnd}`);
  const inputs = compileInputs(rs, v);
  compileSourceBits(rs, inputs);
  const headers = headersFor(rs);
  const names = headerNames(headers);
  if (names.clash !== null) throw new Error(`表头别名冲突：${names.clash.name}`);
  const sources = compileSources(rs, v, inputs);
  const slot = (key: string): number => inputs.slotOf[key] ?? -1;
  const zh = Object.fromEntries(headers.map((h) => [h.key, h.zh]));
  const creditKeys = rs.orders.columns.filter((k) => Object.values(rs.sources).some((s) => creditInput(s) === k));
  const evidenceSources = Object.values(rs.sources).filter((s) => s.evidence !== undefined);
  const evidenceKeys = rs.orders.columns.filter((k) => evidenceSources.some((s) => creditInput(s) === k) || k === rs.specialCases?.caseInput);
  const g = rs.filingGate;
  const sc = rs.specialCases;
  const t = rs.deadline.titleApplicants;
  const order = rs.orders.sources;
  return {
    ruleSet: rs,
    v,
    yearEnd,
    yearEndDay,
    calendar: compileCalendar(rs.calendar),
    inputs,
    nameSlot: slot('name'),
    idSlot: slot('idNumber'),
    zh,
    headers,
    headerIndex: names.byName,
    canonicalIndex: new Map(headers.map((h) => [normalizeHeader(h.zh), h.key])),
    creditKeys,
    evidenceKeys,
    sources,
    sourceList: sources.map((s) => ({ label: s.label, clause: s.clause })),
    gate: g === undefined ? null : {
      slot: slot(g.input),
      sources: g.sources.map((k) => order.indexOf(k)),
      hoursSlots: g.sources.map((k) => slot(creditInput(rs.sources[k]))),
      code: g.code,
      clause: g.clauses.map((k) => rs.clauses[k].clause).join('、'),
      what: g.what,
      header: rs.inputs[g.input].header,
      labels: g.sources.map((k) => rs.sources[k].label).join('及'),
    },
    requiredPublic: v[rs.requirement.public] as number,
    requiredProfessional: v[rs.requirement.professional] as number,
    special: sc === undefined ? null : {
      caseSlot: slot(sc.caseInput),
      monthsSlot: slot(sc.monthsInput),
      caseHeader: rs.inputs[sc.caseInput].header,
      monthsHeader: rs.inputs[sc.monthsInput].header,
      rules: sc.cases,
      byName: new Map(sc.cases.map((c, i) => [c.name, i])),
      clause: rs.clauses[sc.clause].clause,
      examples: sc.cases.filter((c) => !c.needsProvincialApproval).map((c) => c.name).join('、'),
    },
    basis: sc === undefined ? 0 : (v[sc.basis] as number),
    specialCaseByName: new Map((sc?.cases ?? []).map((c) => [c.name, c])),
    sector: rs.sectorRule === undefined ? null : {
      slot: slot(rs.sectorRule.input),
      clause: rs.clauses[rs.sectorRule.clause].clause,
      header: rs.inputs[rs.sectorRule.input].header,
    },
    evidence: rs.evidenceStatus === undefined ? null : { slot: slot(rs.evidenceStatus.input), clause: rs.clauses[rs.evidenceStatus.clause].clause },
    deadline: {
      clause: rs.clauses[rs.deadline.clause].clause,
      applicantSlot: t === undefined ? -1 : slot(t.applicant),
      submissionSlot: t === undefined ? -1 : slot(t.submission),
      applicantHeader: t === undefined ? '' : rs.inputs[t.applicant].header,
      submissionHeader: t === undefined ? '' : rs.inputs[t.submission].header,
      workingDays: t === undefined ? 0 : (v[t.workingDays] as number),
    },
    ...compileWords(rs),
    cache: newOutputCache(sources.length),
  };
}
