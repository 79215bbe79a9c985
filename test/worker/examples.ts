// The worked cases of test/fixtures/examples.json, typed for the Worker tests and vitest.worker.config.ts.
import examples from '../fixtures/examples.json';
import type { RosterRowInput } from '../../shared/types';

/** The result fields a worked case may pin. */
export const EXPECTED_FIELDS = [
  'publicHours', 'professionalHours', 'totalHours', 'requiredPublic', 'requiredProfessional', 'publicShortfall', 'professionalShortfall', 'deadline',
] as const;
type ExpectedField = (typeof EXPECTED_FIELDS)[number];

export type Example = {
  id: string;
  description: string;
  asOf?: string;
  ruleSet?: string;
  row: RosterRowInput;
  expect: { status: string; warningCodes?: string[] } & Partial<Record<ExpectedField, number | string>>;
};

export const EXAMPLES = examples as Example[];
