// The engine's public API (docs/api.md, docs/developer-guide.md). Callers import from here only.
import { getRuleSet } from './rulesets';

export type * from './types';
export { ENGINE_WARNING_CODES, ERROR_CODES } from './codes';
export { evaluate } from './evaluate';
export { ENGINE_VERSION } from './version';
export { UnknownRuleSetError, InvalidOptionsError } from './errors';
export {
  DEFAULT_RULE_SET,
  definitionOf,
  hasRuleSet,
  getRuleSet,
  listRuleSets,
  numberParameter,
  registerRuleSet,
  RuleSetError,
  ruleSetProblems,
} from './rulesets';
export type {
  RuleSet,
  RuleSetDefinition,
  RuleSetDescription,
  Parameter,
  ParameterValue,
  SpecialCaseRule,
  HolidayCalendar,
  ClauseDef,
  RuleSetWords,
  WordList,
  InputDef,
  InputKind,
  SourceDef,
  SourceKind,
  RuleSetOrders,
} from './rulesets/types';
export { choiceLabel, noticeLine, usedLine, yearNote, type ShownRuleSet } from './rulesets/shown';
export { isIsoDate } from './dates';
export {
  HEADERS,
  HEADER_ALIASES,
  CREDIT_KEYS,
  MAX_HEADER_TEXT,
  creditKeysOf,
  headerOf,
  headerTable,
  mapHeaders,
  rowFromCells,
  keyForHeader,
  normalizeHeader,
  outputHeaderOf,
  isOutputHeader,
  headersFor,
} from './headers';
export type { HeaderDef, HeaderKind, HeaderMapping } from './headers';
export { OUTPUT_HEADERS, formatRowOutput } from './output';
export { BLANK_GROUP, summarize } from './summary';

/** The warning codes the default rule set's rules can give (every rule set lists its own: orders.warningCodes). */
export const WARNING_CODES: readonly string[] = getRuleSet().orders.warningCodes;
