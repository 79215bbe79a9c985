// A second rule set for the tests that build artifacts holding two: the default rule set's data under another id,
// year and numbers (公需课 36 + 专业课 54, 培训进修年度上限 32, a year-end, a filing deadline and a holiday calendar of its
// year), fictitious and never shipped. Data only: written as a JSON file that a build includes (CE_RULE_SETS).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getRuleSet } from '../../shared/index';
import type { RuleSetDefinition } from '../../shared/rulesets/types';

export const VARIANT_ID = 'variant-2024';
export const VARIANT_YEAR = 2024;
export const VARIANT_NOTICE = '测试字〔2024〕1号';

/** The variant's definition: every text of the default's with its year changed, then its own numbers and calendar. */
export function variantDefinition(): RuleSetDefinition {
  const base = getRuleSet();
  const { specialCaseNames: _names, sourceOrder: _order, ...definition } = base;
  const from = String(base.year);
  const to = String(VARIANT_YEAR);
  const moved = JSON.parse(JSON.stringify(definition).split(from).join(to)) as RuleSetDefinition;
  const p = moved.parameters;
  return {
    ...moved,
    id: VARIANT_ID,
    title: `测试用虚构规则（${VARIANT_YEAR}年度）`,
    notice: VARIANT_NOTICE,
    parameters: {
      ...p,
      requiredPublic: { ...p.requiredPublic, value: 36 },
      requiredProfessional: { ...p.requiredProfessional, value: 54 },
      trainingYearCap: { ...p.trainingYearCap, value: 32 },
      category1Cap: { ...p.category1Cap, value: 32 },
    },
    // the State Council's schedule for the year (国办发明电〔2023〕7号) and the next New Year's Day
    calendar: {
      years: [VARIANT_YEAR],
      holidays: [
        '2024-01-01', '2024-02-10', '2024-02-11', '2024-02-12', '2024-02-13', '2024-02-14', '2024-02-15', '2024-02-16',
        '2024-02-17', '2024-04-04', '2024-04-05', '2024-04-06', '2024-05-01', '2024-05-02', '2024-05-03', '2024-05-04',
        '2024-05-05', '2024-06-10', '2024-09-15', '2024-09-16', '2024-09-17', '2024-10-01', '2024-10-02', '2024-10-03',
        '2024-10-04', '2024-10-05', '2024-10-06', '2024-10-07', '2025-01-01',
      ],
      workdays: ['2024-02-04', '2024-02-18', '2024-04-07', '2024-04-28', '2024-05-11', '2024-09-14', '2024-09-29', '2024-10-12'],
      notice: '国务院办公厅关于2024年部分节假日安排的通知（国办发明电〔2023〕7号）',
    },
  };
}

/** Writes the variant as `dir/variant-2024.json`; returns its path. */
export function writeVariant(dir: string): string {
  const file = join(dir, `${VARIANT_ID}.json`);
  writeFileSync(file, `${JSON.stringify(variantDefinition(), null, 2)}\n`, 'utf8');
  return file;
}
