// The unit's duties of a rule set (提醒名单, 审核材料清单, 附件2): part of the rule set's definition (`duties`).
import { getRuleSet } from './index';
import type { RuleSetDuties } from './types';

/** The duties of a rule set by id (the default rule set when omitted). Throws UnknownRuleSetError. */
export function getDuties(id?: string): RuleSetDuties {
  return getRuleSet(id).duties;
}
