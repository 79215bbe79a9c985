// From shared/roster's output placement to the blocks the add-in writes (adjacent output columns, one range each).
import type { OutputColumn, RosterPlan } from '../../shared/roster';

export type { OutputColumn };
/** A run of adjacent output columns written with one range. `outputs` index OUTPUT_HEADERS. */
export type OutputBlock = { col: number; width: number; outputs: number[] };

/** What is written: the output columns, grouped into blocks, for the consecutive sheet rows of plan.rows. */
export type WritePlan = {
  headerRow: number;
  columns: OutputColumn[];
  blocks: OutputBlock[];
  /** Output columns whose header is not there yet (written, or added to the table). */
  created: OutputColumn[];
  firstRow: number;
  rowCount: number;
};

/** Groups output columns into runs of adjacent sheet columns (in sheet order). */
export function groupBlocks(columns: readonly OutputColumn[]): OutputBlock[] {
  const order = columns.map((c, i) => ({ col: c.col, i })).sort((a, b) => a.col - b.col);
  const blocks: OutputBlock[] = [];
  for (const { col, i } of order) {
    const last = blocks[blocks.length - 1];
    if (last && last.col + last.width === col) {
      last.width++;
      last.outputs.push(i);
    } else blocks.push({ col, width: 1, outputs: [i] });
  }
  return blocks;
}

export function writePlanOf(plan: RosterPlan): WritePlan {
  const output = plan.output;
  if (output === null || plan.rows.length === 0) throw new Error('内部错误：花名册没有可写入的位置');
  return {
    headerRow: output.headerRow,
    columns: output.columns,
    blocks: groupBlocks(output.columns),
    created: output.columns.filter((c) => !c.exists),
    firstRow: plan.rows[0].sheetRow,
    rowCount: plan.rows.length,
  };
}
