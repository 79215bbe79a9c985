// The rule sets every build holds (a build may include more: scripts/included-rule-sets.ts). The first is the default.
import type { RuleSetDefinition } from './types';
import { zaozhuang2023 } from './zaozhuang-2023';

export const BUILT_IN_RULE_SETS: readonly RuleSetDefinition[] = [zaozhuang2023];
