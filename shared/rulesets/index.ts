// The rule-set registry: rule sets by id. Adding a city or a year is a new data file registered here.
import { UnknownRuleSetError } from '../errors';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import { SOURCE_KEYS, type Parameter, type RuleSet, type RuleSetDefinition, type RuleSetDescription, type RuleSetWords, type WordList } from './types';
import { zaozhuang2023 } from './zaozhuang-2023';

export const DEFAULT_RULE_SET = 'zaozhuang-2023';

function register(def: RuleSetDefinition): RuleSet {
  return { ...def, specialCaseNames: def.specialCaseRules.map((c) => c.name), sourceOrder: SOURCE_KEYS };
}

const RULE_SETS: ReadonlyMap<string, RuleSet> = new Map([zaozhuang2023].map((d) => [d.id, register(d)]));
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

/** Every registered rule set as JSON-serialisable data (id, year, parameters with clause texts, calendar). */
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
  };
}
