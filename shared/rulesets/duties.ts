// The unit's duties of a rule set (提醒名单, 审核材料清单, 附件2), by rule-set id. A new year or city adds its
// duties next to its rule set and one entry here.
import { UnknownRuleSetError } from '../errors';
import { DEFAULT_RULE_SET } from './index';
import type { RuleSetDuties } from './types';
import { zaozhuang2023Duties } from './zaozhuang-2023';

const DUTIES: ReadonlyMap<string, RuleSetDuties> = new Map([['zaozhuang-2023', zaozhuang2023Duties]]);

export function getDuties(id: string = DEFAULT_RULE_SET): RuleSetDuties {
  const d = DUTIES.get(id);
  if (d === undefined) throw new UnknownRuleSetError(String(id), [...DUTIES.keys()]);
  return d;
}
