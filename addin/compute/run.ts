// 计算学时 end to end: read and plan the roster (shared/roster), check it, compute every part, then write our columns.
import { findCrossDuplicates, headerSetKey, placeResults, planRoster, type PlacedResult, type RosterPlan } from '../../shared/roster';
import { ChunkError, computeAll, type ComputeOptions, type Evaluator } from './compute';
import { writePlanOf } from './layout';
import { planNotes, preflight, type Preflight } from './preflight';
import { countStatuses, type StatusCounts } from '../../shared/status-counts';
import { attentionRows, type AttentionRow } from './results';
import { RosterError } from '../office/errors';
import { assertWritable, frameSheet, type SheetFrame } from './locate';
import type { IgnoredColumns } from './memory';
import { readGrid } from './read';
import { headerCellsOf, writeOutputs } from './write';
import { fingerprintOf, keepRun } from './last-run';

export type Phase = 'read' | 'compute' | 'write';
export type RunProgress = { phase: Phase; done: number; total: number; detail?: string };

export type RunOptions = {
  evaluator: Evaluator;
  asOf?: string;
  ruleSet?: string;
  signal?: AbortSignal;
  /** Headers the clerk agreed to ignore just now (from the preflight card). */
  acceptUnknown?: readonly string[];
  onProgress?: (p: RunProgress) => void;
  /** Send names and ID numbers to the service (opt-in setting); by default they stay in the workbook. */
  sendPersonalData?: boolean;
  /** Overrides the request sizes the service advertises (bench). */
  limits?: ComputeOptions['limits'];
  /** Called once writing starts: from then on the run cannot be cancelled. */
  onWriteStart?: () => void;
};

export type RunOutcome =
  | { kind: 'preflight'; preflight: Preflight; sheetName: string }
  | {
      kind: 'done';
      sheetId: string;
      sheetName: string;
      firstCol: number;
      columnCount: number;
      counts: StatusCounts;
      attention: AttentionRow[];
      /** The computing service's record numbers (one per part). */
      batchIds: string[];
      engineVersion: string;
      ruleSet: string;
      /** How many parts the roster was sent in. */
      requests: number;
      writeChunks: number;
      created: string[];
      unknown: string[];
      missingOptional: string;
      /** What was understood about the sheet (the preflight card's notes). */
      notes: string[];
      hiddenCount: number;
      duplicateCount: number;
    };

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
const defaultRunner: Runner = (batch) => Excel.run(batch);

/** The clerk's answer to “忽略这些列”, now or remembered for this sheet and header set; null when still to ask. */
export function ignoredColumns(plan: RosterPlan, remembered: IgnoredColumns | null, acceptNow: readonly string[] = []): IgnoredColumns | null {
  const unknown = plan.unknown.map((u) => u.header);
  const headerSet = headerSetKey(plan);
  const known = new Set([...acceptNow, ...(remembered?.headerSet === headerSet ? remembered.headers : [])]);
  return unknown.every((h) => known.has(h)) ? { headerSet, headers: unknown } : null;
}

export async function runCompute(options: RunOptions, run: Runner = defaultRunner): Promise<RunOutcome> {
  const cancelled = (): void => {
    if (options.signal?.aborted) throw new RosterError('已取消，未写入任何单元格。');
  };
  const read = await run(async (context) => {
    const frame = await frameSheet(context);
    assertWritable(frame);
    const grid = await readGrid(context, frame, {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.({ phase: 'read', done, total }),
    });
    const plan = planRoster(grid, { ruleSet: options.ruleSet });
    return { frame, plan, headerCells: headerCellsOf(grid, plan) };
  });
  const { frame, plan } = read;
  const check = preflight(plan);
  const ignored = ignoredColumns(plan, frame.ignored, options.acceptUnknown);
  if (check.blocking.length > 0 || ignored === null) return { kind: 'preflight', preflight: check, sheetName: plan.sheetName };
  cancelled();

  // every data row in sheet order (rows not sent as {}): index i is sheet row plan.rows[0].sheetRow + i
  const rows = plan.rows.map((r) => r.input ?? {});
  const firstDataRowNumber = plan.rows[0].sheetRow + 1;
  const outcome = await computeAll(rows, options.evaluator, {
    asOf: options.asOf,
    ruleSet: options.ruleSet,
    signal: options.signal,
    firstDataRowNumber,
    limits: options.limits,
    sendPersonalData: options.sendPersonalData,
    onProgress: (p) =>
      options.onProgress?.({
        phase: 'compute',
        done: p.done,
        total: p.total,
        detail: p.note ?? (p.chunks > 1 ? `第 ${p.chunk}/${p.chunks} 部分` : ''),
      }),
  });
  cancelled();
  const duplicates = findCrossDuplicates([plan]);
  const placed = placeResults(plan, outcome.results.filter((_, i) => plan.rows[i].input !== null), duplicates);
  const write = writePlanOf(plan);

  options.onWriteStart?.();
  const stats = await run((context) =>
    writeOutputs(context, frame, plan, write, placed, {
      headerCells: read.headerCells,
      ignored: ignored.headers.length > 0 ? ignored : null,
      onProgress: (done, total) => options.onProgress?.({ phase: 'write', done, total }),
    }),
  );
  // the results now in the sheet, for 年度汇总 on the same roster (last-run.ts)
  const service = options.evaluator.service;
  if (service !== undefined) {
    const { asOf, ruleSet, sendPersonalData } = options;
    const fingerprint = await fingerprintOf({ service, rows, ruleSet, asOf, sendPersonalData, firstDataRowNumber });
    if (fingerprint !== null) {
      keepRun({ fingerprint, results: outcome.results, engineVersion: outcome.engineVersion, ruleSet: outcome.ruleSet, batchIds: outcome.batchIds });
    }
  }
  return done(frame, plan, placed, {
    batchIds: outcome.batchIds,
    engineVersion: outcome.engineVersion,
    ruleSet: outcome.ruleSet,
    requests: outcome.chunks.length,
    writeChunks: stats.chunks,
    unknown: check.unknown,
    missingOptional: check.missingOptional,
    duplicateCount: duplicates.reduce((n, d) => n + d.at.length, 0),
  });
}

type Extra = Pick<
  Extract<RunOutcome, { kind: 'done' }>,
  'batchIds' | 'engineVersion' | 'ruleSet' | 'requests' | 'writeChunks' | 'unknown' | 'missingOptional' | 'duplicateCount'
>;

function done(frame: SheetFrame, plan: RosterPlan, placed: PlacedResult[], extra: Extra): RunOutcome {
  const cols = plan.output?.columns.map((c) => c.col) ?? [];
  const lastCol = Math.max(plan.lastCol, ...cols);
  return {
    kind: 'done',
    sheetId: frame.sheetId,
    sheetName: plan.sheetName,
    firstCol: plan.firstCol,
    columnCount: lastCol - plan.firstCol + 1,
    counts: countStatuses(placed),
    attention: attentionRows(placed, plan.rows),
    created: plan.output?.columns.filter((c) => !c.exists).map((c) => c.header) ?? [],
    notes: planNotes(plan),
    hiddenCount: plan.hiddenCount,
    ...extra,
  };
}

export { ChunkError };
