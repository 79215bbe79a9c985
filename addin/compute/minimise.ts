// Data minimisation: by default no name and no ID number leave the workbook, and no row carries its empty cells.
// The bundled engine (the same code the 计算服务 runs) evaluates the whole roster locally first: that covers what needs
// a name or an ID (missing names, total and note rows, the ID check digit, the same ID twice, across the whole roster).
// The service gets each person's row with the name replaced by a row key and no ID number, and its results are merged
// back: rows the local engine skips or finds in error keep the local result; for the others the service's hours,
// status and warnings are used, with the local warnings only a name or an ID can raise (e.g. the ID check digit) added.
// Whatever is sent leaves out the cells with nothing in them (null, ''): the engine skips those unread, so the answer
// is the same, and a roster's many empty cells no longer cost bytes, parsing and CPU in every request (docs/api.md,
// CPU per request).
import { evaluate } from '../../shared/index';
import { isEmptyCell } from '../../shared/normalize';
import type { EvaluateResponse, RosterRowInput, RowResult, RowWarning } from '../../shared/types';

/** The fields that identify a person and never need to reach the service to count hours. */
export const PERSONAL_FIELDS = ['name', 'idNumber'] as const satisfies readonly (keyof RosterRowInput)[];

/** The key the service sees instead of a name: the sheet row, e.g. R12 (the audit can be traced back to the sheet). */
export const rowKey = (rowNumber: number): string => `R${rowNumber}`;

export type Minimised = {
  /** What is sent: one object per roster row, in order (a skipped row is sent as an empty row). */
  sent: RosterRowInput[];
  /** The bundled engine's answer for the full rows. */
  local: EvaluateResponse;
};

/**
 * A row as it is sent: its cells without the empty ones (isEmptyCell) and without the `leftOut` fields (left out as
 * the copy is made, not deleted from it afterwards: a deleted key turns each row's object into a slow dictionary).
 */
export function sentCells(row: RosterRowInput, leftOut: readonly string[] = []): RosterRowInput {
  const out: RosterRowInput = {};
  for (const key of Object.keys(row)) {
    const v = row[key];
    if (!isEmptyCell(v) && !leftOut.includes(key)) out[key] = v;
  }
  return out;
}

/** The local evaluation and the rows to send, for rows whose first one is on sheet row `firstDataRowNumber`. */
export function minimiseRows(rows: RosterRowInput[], options: { ruleSet?: string; asOf?: string; firstDataRowNumber: number }): Minimised {
  const local = evaluate(rows, { ruleSet: options.ruleSet, asOf: options.asOf });
  const sent = rows.map((row, i): RosterRowInput => {
    const r = local.results[i];
    if (r.status === '' || r.status === '数据有误') return {};
    const copy = sentCells(row, PERSONAL_FIELDS);
    copy.name = rowKey(options.firstDataRowNumber + i);
    return copy;
  });
  return { sent, local };
}

const sameWarning = (a: RowWarning, b: RowWarning): boolean => a.code === b.code && a.message === b.message && a.clause === b.clause;

/** The result of row `i`: the local one for skipped and erroneous rows, else the service's with the local-only warnings. */
export function mergeResult(local: RowResult, service: RowResult): RowResult {
  if (local.status === '' || local.status === '数据有误') return local;
  const onlyLocal = local.warnings.filter((w) => !service.warnings.some((s) => sameWarning(s, w)));
  return { ...service, index: local.index, warnings: onlyLocal.length > 0 ? [...onlyLocal, ...service.warnings] : service.warnings };
}
