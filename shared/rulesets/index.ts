// The rule-set registry: rule sets by id. Adding a city or a year is a new data file registered here, or included
// by a build (scripts/included-rule-sets.ts: the generated module below, checked here as it loads).
import { UnknownRuleSetError } from '../errors';
import { BUILT_IN_RULE_SETS } from './built-in';
import { RuleSetDataError, checkDefinition, withDerived } from './check';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import { INCLUDED_RULE_SETS } from './included.generated';
import type { Parameter, RuleSet, RuleSetDefinition, RuleSetDescription, RuleSetWords, WordList } from './types';

export const DEFAULT_RULE_SET = 'zaozhuang-2023';

function registry(defs: readonly RuleSetDefinition[]): ReadonlyMap<string, RuleSet> {
  const map = new Map<string, RuleSet>();
  for (const def of defs) {
    if (map.has(def.id)) throw new RuleSetDataError(`规则集 ${def.id} 重复：构建时加入的规则集不能与内置规则集同名`);
    map.set(def.id, withDerived(def));
  }
  return map;
}

const RULE_SETS = registry([...BUILT_IN_RULE_SETS, ...INCLUDED_RULE_SETS.map((d, i) => checkDefinition(d, `构建时加入的第 ${i + 1} 个规则集`))]);
const COMPILED = new Map<string, CompiledRuleSet>();

export function hasRuleSet(id: string): boolean {
  return typeof id === 'string' && RULE_SETS.has(id);
}

/** The rule set object (data) of an id; the default rule set when omitted. Throws UnknownRuleSetError. */
export function getRuleSet(id: string = DEFAULT_RULE_SET): RuleSet {
  const rs = RULE_SETS.get(id);
  if (rs === undefined) throw new UnknownRuleSetError(String(id), [...RULE_SETS.keys()]);
  return rs;
}

/** The precomputed form of a rule set, compiled once on first use. */
export function getCompiledRuleSet(id: string = DEFAULT_RULE_SET): CompiledRuleSet {
  const hit = COMPILED.get(id);
  if (hit !== undefined) return hit;
  const compiled = compileRuleSet(getRuleSet(id));
  COMPILED.set(id, compiled);
  return compiled;
}

/** Every registered rule set as JSON-serialisable data (id, year, parameters with clause texts, calendar, the unit's duties). */
export function listRuleSets(): RuleSetDescription[] {
  return [...RULE_SETS.values()].map(describeRuleSet);
}

function describeWords(w: RuleSetWords): RuleSetWords {
  return Object.fromEntries(Object.entries(w).map(([k, p]: [string, WordList]) => [k, { ...p, value: [...p.value] }])) as RuleSetWords;
}

export function describeRuleSet(rs: RuleSet): RuleSetDescription {
  const parameters = Object.entries(rs.parameters).map(([key, p]: [string, Parameter<number | string | boolean | null>]) => ({ key, ...p }));
  return {
    id: rs.id,
    year: rs.year,
    title: rs.title,
    notice: rs.notice,
    parameters,
    sources: { ...rs.sources },
    sourceOrder: [...rs.sourceOrder],
    clauses: Object.fromEntries(Object.entries(rs.clauses).map(([k, c]) => [k, { ...c }])) as RuleSetDescription['clauses'],
    specialCaseNames: [...rs.specialCaseNames],
    specialCaseRules: rs.specialCaseRules.map((c) => ({ ...c })),
    calendar: { years: [...rs.calendar.years], holidays: [...rs.calendar.holidays], workdays: [...rs.calendar.workdays], notice: rs.calendar.notice },
    words: describeWords(rs.words),
    duties: structuredClone(rs.duties),
  };
}
