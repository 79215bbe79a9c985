// The engine's public API (CONTRACT.md). Callers import from here only.
export type * from './types';
export { ROSTER_KEYS } from './types';
export { WARNING_CODES, ERROR_CODES } from './codes';
export { evaluate } from './evaluate';
export { ENGINE_VERSION } from './version';
export { UnknownRuleSetError, InvalidOptionsError } from './errors';
export { DEFAULT_RULE_SET, hasRuleSet, getRuleSet, listRuleSets } from './rulesets';
export type { RuleSet, RuleSetDescription, Parameter, SpecialCaseRule, HolidayCalendar, RuleSetParameters, ClauseKey, ClauseDef, RuleSetWords, WordList } from './rulesets/types';
export { CLAUSE_KEYS } from './rulesets/types';
export { choiceLabel, noticeLine, usedLine, yearNote, type ShownRuleSet } from './rulesets/shown';
export { isIsoDate } from './dates';
export { HEADERS, HEADER_ALIASES, CREDIT_KEYS, MAX_HEADER_TEXT, mapHeaders, rowFromCells, keyForHeader, normalizeHeader, outputHeaderOf, isOutputHeader, headersFor } from './headers';
export type { HeaderDef, HeaderKind, HeaderMapping } from './headers';
export { OUTPUT_HEADERS, formatRowOutput } from './output';
export { BLANK_GROUP, summarize } from './summary';
