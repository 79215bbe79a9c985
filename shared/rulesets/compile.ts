// A rule set precomputed once for the hot path: plain numbers, day numbers, lookup maps, field limits.
import { newOutputCache, type OutputCache } from '../cache';
import { compileCalendar, type CompiledCalendar } from '../calendar';
import { dayFromIso } from '../dates';
import { headersFor, normalizeHeader, type HeaderDef } from '../headers';
import { codeSet, toHalfWidth, type CellWords, type NumberKind } from '../normalize';
import type { RosterKey } from '../types';
import { CLAUSE_KEYS, SOURCE_KEYS, type ClauseKey, type RuleSet, type RuleSetParameters, type SourceDef, type SpecialCaseRule } from './types';

/** The values of a rule set's parameters. */
export type ParameterValues = { [K in keyof RuleSetParameters]: RuleSetParameters[K]['value'] };

/** A numeric field with its Chinese header and limits. */
export type NumberField = { key: RosterKey; zh: string; kind: NumberKind; integer: boolean; max: number; unit: string };

export type CompiledRuleSet = {
  ruleSet: RuleSet;
  v: ParameterValues;
  /** How each clause is cited (e.g. `clause.annex1Item3` = 附件1第3条). */
  clause: Readonly<Record<ClauseKey, string>>;
  yearEndDay: number;
  /** Each 特殊情况 rule by its name. */
  specialCaseByName: ReadonlyMap<string, SpecialCaseRule>;
  calendar: CompiledCalendar;
  /** Chinese header of every roster key (for messages). */
  zh: Readonly<Record<RosterKey, string>>;
  numberFields: Readonly<Record<RosterKey, NumberField>>;
  headers: readonly HeaderDef[];
  /** Breakdown label and clause per source, indexed like SOURCE_KEYS. */
  sourceList: readonly SourceDef[];
  /** The words of real rosters (placeholders, Excel errors, unit suffixes) as the cell readers use them. */
  words: CellWords;
  /** Total and note rows (RULES.md §9), folded to half width. */
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
  return {
    words: {
      placeholders: new Set(w.placeholders.value),
      placeholderFirstCodes: codeSet(w.placeholders.value.map((x) => x.charCodeAt(0))),
      maxPlaceholder: longest(w.placeholders.value),
      excelErrors: new Set(errors),
      maxExcelError: longest(errors),
      units: [...w.unitSuffixes.value].sort((a, b) => b.length - a.length),
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

// Object.fromEntries builds objects in V8's fast-property mode; adding 25+ keys one by one would leave them as
// hash tables, and these objects are read on every row.
function valuesOf(p: RuleSetParameters): ParameterValues {
  return Object.fromEntries(Object.entries(p).map(([k, x]: [string, { value: unknown }]) => [k, x.value])) as ParameterValues;
}

const UNIT_WORD: Record<NumberKind, string> = { hours: '学时', days: '天', count: '项', months: '个月' };

export function compileRuleSet(rs: RuleSet): CompiledRuleSet {
  const v = valuesOf(rs.parameters);
  const yearEndDay = dayFromIso(v.yearEnd);
  if (Number.isNaN(yearEndDay)) throw new Error(`规则集${rs.id}的年度截止日期无效：${v.yearEnd}`);
  const headers = headersFor(rs);
  const zh = Object.fromEntries(headers.map((h) => [h.key, h.zh])) as Record<RosterKey, string>;
  const numberFieldList: [RosterKey, NumberField][] = [];
  for (const h of headers) {
    if (h.kind === 'hours' || h.kind === 'days' || h.kind === 'count' || h.kind === 'months') {
      const max = h.kind === 'hours' ? v.maxHours : h.kind === 'days' ? v.maxDays : h.kind === 'months' ? v.maxMonths : v.maxCount;
      numberFieldList.push([h.key, { key: h.key, zh: h.zh, kind: h.kind, integer: h.kind === 'count', max, unit: UNIT_WORD[h.kind] }]);
    }
  }
  const numberFields = Object.fromEntries(numberFieldList) as Record<RosterKey, NumberField>;
  return {
    ruleSet: rs,
    v,
    clause: Object.fromEntries(CLAUSE_KEYS.map((k) => [k, rs.clauses[k].clause])) as Record<ClauseKey, string>,
    yearEndDay,
    specialCaseByName: new Map(rs.specialCaseRules.map((c) => [c.name, c])),
    calendar: compileCalendar(rs.calendar),
    zh,
    numberFields,
    headers,
    sourceList: SOURCE_KEYS.map((k) => rs.sources[k]),
    ...compileWords(rs),
    cache: newOutputCache(SOURCE_KEYS.length),
  };
}
