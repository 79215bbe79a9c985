// 计算学时 end to end: locate and read the roster, check headers, compute every chunk, then write.
import type { RowResult } from '../../shared/types';
import { ChunkError, computeAll, type ComputeOptions, type Evaluator } from '../core/compute';
import { planOutputColumns, type OutputPlan } from '../core/layout';
import { preflight, type Preflight } from '../core/preflight';
import { attentionRows, countStatuses, type AttentionRow, type StatusCounts } from '../core/results';
import { RosterError } from './errors';
import { locateRoster, type RosterSource } from './locate';
import { readRosterRows } from './read';
import { writeOutputs } from './write';

export type Phase = 'read' | 'compute' | 'write';
export type RunProgress = { phase: Phase; done: number; total: number; detail?: string };

export type RunOptions = {
  evaluator: Evaluator;
  asOf?: string;
  ruleSet?: string;
  signal?: AbortSignal;
  /** Headers the user already agreed to ignore (from a previous preflight). */
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
      batchIds: string[];
      engineVersion: string;
      ruleSet: string;
      requests: number;
      writeChunks: number;
      created: string[];
      unknown: string[];
      missingOptional: string[];
    };

type Runner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
const defaultRunner: Runner = (batch) => Excel.run(batch);

export async function runCompute(options: RunOptions, run: Runner = defaultRunner): Promise<RunOutcome> {
  const cancelled = (): void => {
    if (options.signal?.aborted) throw new RosterError('已取消，未写入任何单元格。');
  };
  const read = await run(async (context) => {
    const source = await locateRoster(context);
    const check = preflight(source.mapping, source.dataRowCount);
    const accepted = new Set(options.acceptUnknown ?? []);
    if (check.blocking.length > 0 || check.unknown.some((h) => !accepted.has(h))) {
      return { source, check, rows: null };
    }
    const rows = await readRosterRows(context, source, {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.({ phase: 'read', done, total }),
    });
    return { source, check, rows };
  });
  if (read.rows === null) return { kind: 'preflight', preflight: read.check, sheetName: read.source.sheetName };
  const { source, check } = read;
  const plan: OutputPlan = planOutputColumns(source.headers, source.mapping, source.firstCol);
  cancelled();

  const outcome = await computeAll(read.rows.rows, options.evaluator, {
    asOf: options.asOf,
    ruleSet: options.ruleSet,
    signal: options.signal,
    firstDataSheetRow: source.firstDataRow + 1,
    limits: options.limits,
    sendPersonalData: options.sendPersonalData,
    onProgress: (p) =>
      options.onProgress?.({
        phase: 'compute',
        done: p.done,
        total: p.total,
        detail: p.note ?? `第 ${p.chunk}/${p.chunks} 部分`,
      }),
  });
  cancelled();

  options.onWriteStart?.();
  const stats = await run((context) =>
    writeOutputs(context, source, plan, outcome.results, {
      onProgress: (done, total) => options.onProgress?.({ phase: 'write', done, total }),
    }),
  );
  return done(source, plan, outcome.results, read.rows.names, {
    batchIds: outcome.batchIds,
    engineVersion: outcome.engineVersion,
    ruleSet: outcome.ruleSet,
    requests: outcome.requests,
    writeChunks: stats.chunks,
    unknown: check.unknown,
    missingOptional: check.missingOptional,
  });
}

function done(
  source: RosterSource,
  plan: OutputPlan,
  results: RowResult[],
  names: string[],
  extra: Pick<Extract<RunOutcome, { kind: 'done' }>, 'batchIds' | 'engineVersion' | 'ruleSet' | 'requests' | 'writeChunks' | 'unknown' | 'missingOptional'>,
): RunOutcome {
  const lastCol = Math.max(source.firstCol + source.headers.length - 1, ...plan.columns.map((c) => c.col));
  return {
    kind: 'done',
    sheetId: source.sheetId,
    sheetName: source.sheetName,
    firstCol: source.firstCol,
    columnCount: lastCol - source.firstCol + 1,
    counts: countStatuses(results),
    attention: attentionRows(results, names, source.firstDataRow),
    created: plan.created.map((c) => c.header),
    ...extra,
  };
}

export { ChunkError };
