// The worked cases of test/fixtures/examples.json, typed for the Worker tests and vitest.worker.config.ts.
import examples from '../fixtures/examples.json';
import type { RosterRowInput } from '../../shared/types';

export type Example = {
  id: string;
  description: string;
  asOf?: string;
  ruleSet?: string;
  row: RosterRowInput;
  expect: { status: string } & Partial<Record<'publicHours' | 'professionalHours' | 'totalHours' | 'deadline', number | string>>;
};

export const EXAMPLES = examples as Example[];
