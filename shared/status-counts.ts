// Counts of rows per status: one type for the add-in's pane, the .xlsx page, the command line and the audit record.
// Keys are the contract's English names (docs/api.md: Rows, codes and counts; Audit), one per RowStatus.
import type { RowStatus } from './types';

/** The statuses a computed row can have ('' is a blank row the engine skipped). */
export type CountedStatus = Exclude<RowStatus, ''>;

/** Each status's key in counts, in the order the pane shows them. */
export const STATUS_KEYS = {
  达标: 'compliant',
  未达标: 'short',
  待补材料: 'pendingEvidence',
  数据有误: 'invalid',
} as const satisfies Record<CountedStatus, string>;

export type StatusKey = (typeof STATUS_KEYS)[CountedStatus];

/** Rows per status; `blank` = rows skipped as blank; `total` = rows with a status (blank rows not included). */
export type StatusCounts = Record<StatusKey, number> & { blank: number; total: number };

export function isCountedStatus(s: string): s is CountedStatus {
  return Object.prototype.hasOwnProperty.call(STATUS_KEYS, s);
}

/** Counts per status; null entries (rows not sent) are not counted. */
export function countStatuses(results: Iterable<{ status: RowStatus } | null>): StatusCounts {
  const counts: StatusCounts = { compliant: 0, short: 0, pendingEvidence: 0, invalid: 0, blank: 0, total: 0 };
  for (const r of results) {
    if (r === null) continue;
    if (r.status === '') counts.blank++;
    else {
      counts[STATUS_KEYS[r.status]]++;
      counts.total++;
    }
  }
  return counts;
}
