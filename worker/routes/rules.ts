import { DEFAULT_RULE_SET, ENGINE_VERSION, getRuleSet, listRuleSets } from '../../shared/index';
import { describeRuleSet } from '../../shared/rulesets';
import { factory } from '../factory';

/**
 * GET /v1/rules[?ruleSet=ID] — the rule sets this deployment holds (the built-in ones and those its build included),
 * with their parameters, clause texts and the unit's duties, and which one is the default; with `ruleSet`, that one
 * only (validateRulesQuery has checked it).
 */
export const listRules = factory.createHandlers((c) => {
  const one = c.get('rulesQuery');
  return c.json({ engineVersion: ENGINE_VERSION, defaultRuleSet: DEFAULT_RULE_SET, ruleSets: one ? [describeRuleSet(getRuleSet(one))] : listRuleSets() });
});
