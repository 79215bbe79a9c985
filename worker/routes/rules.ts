import type { Context } from 'hono';
import { DEFAULT_RULE_SET, ENGINE_VERSION, listRuleSets } from '../../shared/index';

/** GET /v1/rules — every rule set with its parameters and clause texts. */
export const rules = (c: Context) =>
  c.json({ engineVersion: ENGINE_VERSION, defaultRuleSet: DEFAULT_RULE_SET, ruleSets: listRuleSets() });
