// The fictitious variant year demo-2024 (test/fixtures/rulesets/demo-2024.json: 公需 36 + 专业 54, the 附件1第1条
// category cap 32, a new clause 志愿服务 with its column 志愿服务次数, the 2024 holiday calendar) and its worked cases
// (demo-2024.cases.json, the format of examples.json). Never shipped: tests register it from the data file alone, with
// registerRuleSet, the way a real year's file is registered.
import { hasRuleSet, registerRuleSet } from '../../shared/index';
import demo from '../fixtures/rulesets/demo-2024.json';
import demoCases from '../fixtures/rulesets/demo-2024.cases.json';
import type { WorkedCase } from './worked-cases';

export const DEMO_RULE_SET = 'demo-2024';
export const DEMO_DEFINITION: unknown = demo;
export const DEMO_CASES = demoCases as unknown as WorkedCase[];

/** Registers demo-2024 once in this module graph (a test file, the Worker under test). */
export function registerDemo(): void {
  if (!hasRuleSet(DEMO_RULE_SET)) registerRuleSet(DEMO_DEFINITION);
}
