// The key under which a clerk's “忽略这些列” answer is remembered: the sheet and its set of input headers.
import { normalizeHeader } from '../headers';
import type { RosterPlan } from './types';

/** Sheet name + the normalised headers of the roster's own columns (our output block left out): a changed set asks again. */
export function headerSetKey(plan: Pick<RosterPlan, 'sheetName' | 'headers' | 'firstCol' | 'output'>): string {
  const ours = new Set((plan.output?.columns ?? []).filter((c) => c.exists).map((c) => c.col));
  const own = plan.headers.filter((_, i) => !ours.has(plan.firstCol + i)).map(normalizeHeader);
  return `${plan.sheetName}\u0001${own.join('\u0002')}`;
}
