// 核对: compute every roster row (local engine by default, or the 计算服务), then make the result package: the
// clerk's workbook with the output columns on each roster sheet, 年度汇总, 提醒名单 and 审核材料清单
// (write/result.ts). The clerk's file is never written: only a new copy is made.
import { DEFAULT_RULE_SET, ENGINE_VERSION, evaluate } from '../shared/index';
import { pendingEvidenceNote } from '../shared/evidence';
import { localDateTime, localIsoDate } from '../shared/local-time';
import type { EvaluateResponse, RosterRowInput, RowResult } from '../shared/types';
import { WorkerClient } from '../addin/api/client';
import { planFixedChunks } from '../shared/sheet/chunks';
import { computeAll, type Evaluator } from '../addin/compute/compute';
import { countStatuses, type StatusCounts } from '../shared/status-counts';
import { attentionRows, type AttentionRow } from '../addin/compute/results';
import { asFileError, placeAll, rowsOf, type FileReader, type OpenedRoster } from './roster-file';
import { computedRows, rowLabelsOf, summaryLayoutFor } from './summary-input';
import { summaryNotes } from '../shared/roster/notes';
import type { ComputedBy } from '../addin/summary/layout';
import { dutyLayouts } from './duty-input';
import { shortList } from './errors';
import { summaryAsSheetLayout, writeResultPackage } from './write/result';

export type CheckPhase = 'compute' | 'write' | 'save';
export type CheckProgress = { phase: CheckPhase; done: number; total: number };

export type CheckOptions = {
  /** Who reads the messages: the web page or the command line (default). */
  reader?: FileReader;
  asOf?: string;
  ruleSet?: string;
  /** The 计算服务 (URL and token); absent = the local engine in this browser or process. */
  service?: { url: string; token: string } | null;
  signal?: AbortSignal;
  onProgress?: (p: CheckProgress) => void;
  /** The time written as 生成时间 (default now). */
  now?: Date;
};

/** A person to look at; `sheetRow` is 0-based, as in shared/roster. */
export type SheetAttention = Omit<AttentionRow, 'status'> & { status: '数据有误' | '未达标' | '待补材料'; sheetName: string };

export type CheckOutcome = {
  /** The result workbook (.xlsx), as consecutive pieces of its bytes (a Blob or a file is made from them). */
  file: Uint8Array[];
  /** The engine's response over every computed row, sheet after sheet (cross-sheet duplicates marked). */
  response: EvaluateResponse & { rows: { sheetName: string; sheetRow: number }[]; batchIds?: string[] };
  counts: StatusCounts;
  attention: SheetAttention[];
  /** The 提醒名单 and 审核材料清单 sheets written (one pair per roster sheet). */
  dutySheets: string[];
  computedBy: ComputedBy;
};

/** The same engine as the Worker's, in this process; a macrotask before each part so a page can repaint and cancel. */
export const localEvaluator: Evaluator = {
  async evaluate(rows, options) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    return evaluate(rows, options);
  },
};

/** Rows per local engine call: progress and 取消 between calls. */
const LOCAL_CHUNK_ROWS = 10_000;

/** The local engine in fixed parts (no request-size planning: nothing is sent), yielding between parts. */
async function computeLocally(
  rows: readonly RosterRowInput[],
  options: Pick<CheckOptions, 'asOf' | 'ruleSet' | 'signal' | 'onProgress'>,
): Promise<{ results: RowResult[]; ruleSet: string; engineVersion: string; batchIds: string[] }> {
  const results: RowResult[] = [];
  let ruleSet = '';
  let engineVersion = '';
  options.onProgress?.({ phase: 'compute', done: 0, total: rows.length });
  for (const { start, end } of planFixedChunks(rows.length, LOCAL_CHUNK_ROWS)) {
    if (options.signal?.aborted) throw new CancelledError();
    const answer = await localEvaluator.evaluate(rows.slice(start, end), { ruleSet: options.ruleSet, asOf: options.asOf });
    ruleSet = answer.ruleSet;
    engineVersion = answer.engineVersion;
    for (const r of answer.results) results.push(r);
    options.onProgress?.({ phase: 'compute', done: end, total: rows.length });
  }
  return { results, ruleSet, engineVersion, batchIds: [] };
}

export class CancelledError extends Error {
  override readonly name = 'CancelledError';
  constructor() {
    super('已取消：没有生成结果文件，原文件未改动。');
  }
}



/** The sheets a result file adds, for the page and the command line: “年度汇总”、“提醒名单”、“审核材料清单” (a long list cut short). */
export function sheetList(summary: string, dutySheets: readonly string[]): string {
  return shortList([summary, ...dutySheets], 7, '张工作表');
}

export async function checkRoster(opened: OpenedRoster, options: CheckOptions = {}): Promise<CheckOutcome> {
  const stopIfCancelled = (): void => {
    if (options.signal?.aborted) throw new CancelledError();
  };
  const { rows } = rowsOf(opened);
  const service = options.service && options.service.url.trim() && options.service.token.trim() ? options.service : null;
  const firstRow = (opened.plans[0]?.rows[0]?.sheetRow ?? 0) + 1;
  let outcome;
  try {
    outcome = service
      ? await computeAll(rows, new WorkerClient({ baseUrl: service.url, token: service.token, settingsPlace: options.reader ?? 'cli' }), {
          asOf: options.asOf,
          ruleSet: options.ruleSet,
          signal: options.signal,
          firstDataRowNumber: firstRow,
          onProgress: (p) => options.onProgress?.({ phase: 'compute', done: p.done, total: p.total }),
        })
      : await computeLocally(rows, options);
  } catch (e) {
    stopIfCancelled();
    throw e;
  }
  stopIfCancelled();
  const placed = placeAll(opened, outcome.results);
  const computed = computedRows(opened.plans, placed);

  const ruleSet = outcome.ruleSet || options.ruleSet || DEFAULT_RULE_SET;
  options.onProgress?.({ phase: 'write', done: 0, total: opened.plans.length });
  const attention: SheetAttention[] = [];
  opened.plans.forEach((plan, p) => {
    const listed: Omit<SheetAttention, 'sheetName'>[] = attentionRows(placed[p], plan.rows);
    // 待补材料 rows too (the summary's attention list has them): compliant, evidence missing (the rule set's table).
    placed[p].forEach((r, i) => {
      if (r?.status === '待补材料') listed.push({ sheetRow: plan.rows[i].sheetRow, name: plan.rows[i].name, status: r.status, reason: `学时已达标，但${pendingEvidenceNote(r, ruleSet)}` });
    });
    listed.sort((x, y) => x.sheetRow - y.sheetRow);
    for (const a of listed) attention.push({ ...a, sheetName: plan.sheetName });
  });
  const engineVersion = outcome.engineVersion || ENGINE_VERSION;
  const madeAt = localDateTime(options.now ?? new Date());
  const summary = computed.summary;
  // the 核对日期 the results were computed for; none given: today, as the engine took it (days left as of today)
  const asOf = options.asOf ?? localIsoDate(options.now ?? new Date());
  const layout = { ...summaryLayoutFor({
    summary,
    notes: summaryNotes(opened.plans),
    ruleSetId: ruleSet,
    engineVersion,
    computedBy: service ? 'worker' : 'local',
    madeAt,
    rosterSheets: opened.plans.map((p) => p.sheetName),
    rowLabels: rowLabelsOf(computed, opened.plans.length > 1),
    asOf,
  }), sheetName: opened.names.summary };
  const duties = dutyLayouts(opened, { plans: opened.plans, placed, ruleSet, asOf, madeAt });
  stopIfCancelled();
  options.onProgress?.({ phase: 'save', done: 0, total: 1 });
  let file: Uint8Array[];
  try {
    file = await writeResultPackage(opened, placed, [{ name: layout.sheetName, layout: summaryAsSheetLayout(layout), summary: { layout, summary: computed.summary } }, ...duties]);
  } catch (e) {
    throw asFileError(opened.fileName, e);
  }
  stopIfCancelled();
  options.onProgress?.({ phase: 'save', done: 1, total: 1 });
  const dutySheets = duties.map((d) => d.name);
  return {
    file,
    response: {
      ruleSet,
      engineVersion,
      results: computed.results,
      summary: computed.summary,
      rows: computed.at,
      ...(outcome.batchIds.length > 0 ? { batchIds: outcome.batchIds } : {}),
    },
    counts: countStatuses(computed.results),
    attention,
    dutySheets,
    computedBy: service ? 'worker' : 'local',
  };
}
