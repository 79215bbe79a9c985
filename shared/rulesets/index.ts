// The rule-set registry: rule sets by id. A city or a year is a data file (a TypeScript module or a JSON file)
// registered with registerRuleSet, which checks it first (validate.ts): the built-in ones (built-in.ts, zaozhuang-2023
// first: the default), then the ones a build includes (scripts/included-rule-sets.ts writes included.generated.ts).
import { UnknownRuleSetError } from '../errors';
import { BUILT_IN_RULE_SETS } from './built-in';
import { compileRuleSet, type CompiledRuleSet } from './compile';
import { INCLUDED_RULE_SETS } from './included.generated';
import { RuleSetError, checkedRuleSet } from './validate';
import type { EvidenceRule, Parameter, ParameterValue, RuleSet, RuleSetDefinition, RuleSetDescription, RuleSetWords, WordList } from './types';

export { RuleSetError, ruleSetProblems } from './validate';

export const DEFAULT_RULE_SET = 'zaozhuang-2023';

/** The registered rule set of a checked definition: the derived lists callers need, the evidence table. */
function toRuleSet(def: RuleSetDefinition): RuleSet {
  const evidence: Record<string, EvidenceRule> = {};
  for (const key of def.orders.sources) {
    const e = def.sources[key].evidence;
    if (e !== undefined) evidence[key] = e;
  }
  if (def.specialCases !== undefined) evidence.specialCase = def.specialCases.evidence;
  const cases = def.specialCases?.cases ?? [];
  return {
    ...def,
    specialCaseNames: cases.map((c) => c.name),
    specialCaseRules: cases,
    sourceOrder: def.orders.sources,
    duties: { ...def.duties, evidence },
  };
}

/**
 * The definition of a registered rule set (what registerRuleSet took), without what registration derived: a deep copy
 * to start next year's data file from (`JSON.stringify(definitionOf(getRuleSet()))`).
 */
export function definitionOf(rs: RuleSet): RuleSetDefinition {
  const { specialCaseNames: _names, specialCaseRules: _rules, sourceOrder: _order, duties, ...rest } = structuredClone(rs);
  const { evidence: _evidence, ...ownDuties } = duties;
  return { ...rest, duties: ownDuties };
}

const RULE_SETS = new Map<string, RuleSet>();
const COMPILED = new Map<string, CompiledRuleSet>();

/**
 * Checks a rule set definition (data, e.g. a parsed JSON file) and registers it under its id; returns the registered
 * rule set. Throws RuleSetError (every problem in Chinese, naming the key) when the definition cannot be used or its
 * id is taken. The definition is deep-copied and frozen: later changes to the object passed in change nothing.
 */
export function registerRuleSet(definition: unknown): RuleSet {
  const def = checkedRuleSet(structuredClone(definition));
  if (RULE_SETS.has(def.id)) throw new RuleSetError(def.id, [`id：已有编号为“${def.id}”的规则集`]);
  const rs = deepFreeze(toRuleSet(def));
  RULE_SETS.set(rs.id, rs);
  return rs;
}

function deepFreeze<T>(o: T): T {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

for (const def of [...BUILT_IN_RULE_SETS, ...INCLUDED_RULE_SETS]) registerRuleSet(def);

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
  const parameters = Object.entries(rs.parameters).map(([key, p]: [string, Parameter<ParameterValue>]) => ({ key, ...p }));
  const copy = <T>(x: T): T => structuredClone(x);
  const out: RuleSetDescription = {
    id: rs.id,
    year: rs.year,
    title: rs.title,
    notice: rs.notice,
    parameters,
    sources: copy(rs.sources),
    sourceOrder: [...rs.sourceOrder],
    clauses: copy(rs.clauses),
    inputs: copy(rs.inputs),
    requirement: { ...rs.requirement },
    categoryCaps: copy(rs.categoryCaps ?? []),
    deadline: copy(rs.deadline),
    specialCaseNames: [...rs.specialCaseNames],
    specialCaseRules: rs.specialCaseRules.map((c) => ({ ...c })),
    calendar: copy(rs.calendar),
    words: describeWords(rs.words),
    duties: copy(rs.duties),
    orders: copy(rs.orders),
  };
  if (rs.filingGate !== undefined) out.filingGate = copy(rs.filingGate);
  if (rs.specialCases !== undefined) out.specialCases = copy(rs.specialCases);
  if (rs.sectorRule !== undefined) out.sectorRule = copy(rs.sectorRule);
  if (rs.evidenceStatus !== undefined) out.evidenceStatus = copy(rs.evidenceStatus);
  return out;
}

/**
 * Parameter `name` of a rule set when its value is a number (a cap, a daily ceiling, a limit): for callers that compute
 * with it. Throws when the rule set has no such number (a programming error: a caller asked another rule set's name).
 */
export function numberParameter(rs: RuleSet, name: string): Parameter<number> {
  const p = rs.parameters[name];
  if (p === undefined || typeof p.value !== 'number') throw new Error(`规则集“${rs.id}”没有数值参数“${name}”`);
  return p as Parameter<number>;
}
