// From the engine's results to what the add-in writes and shows.
import { OUTPUT_HEADERS, formatRowOutput } from '../../shared/index';
import { fmt } from '../../shared/format';
import type { PlacedResult, RosterDataRow } from '../../shared/roster';
import type { CellValue, RowResult } from '../../shared/types';
import type { OutputBlock } from './layout';

/** Output columns holding hours (number format 0.0); the others are text. */
export const NUMERIC_OUTPUTS: readonly string[] = OUTPUT_HEADERS.slice(0, 5);
export const NUMBER_FORMAT_HOURS = '0.0';
export const NUMBER_FORMAT_TEXT = '@';

/** The 9 output cells of one result; a skipped blank row or a row not sent (null) gets 9 empty cells. */
export function outputCells(result: PlacedResult): CellValue[] {
  if (result === null || result.status === '') return OUTPUT_HEADERS.map(() => '');
  const cells = formatRowOutput(result);
  if (cells.length !== OUTPUT_HEADERS.length) throw new Error(`内部错误：输出应为 ${OUTPUT_HEADERS.length} 列，得到 ${cells.length} 列`);
  return cells.map((c) => (c === null || c === undefined ? '' : c));
}

/** Values and number formats of one block for rows [start, end) of the results. */
export function blockMatrices(
  results: readonly PlacedResult[],
  block: OutputBlock,
  start: number,
  end: number,
): { values: (string | number | boolean)[][]; numberFormat: string[][] } {
  const formats = block.outputs.map((o) => (NUMERIC_OUTPUTS.includes(OUTPUT_HEADERS[o]) ? NUMBER_FORMAT_HOURS : NUMBER_FORMAT_TEXT));
  const values: (string | number | boolean)[][] = [];
  const numberFormat: string[][] = [];
  for (let r = start; r < end; r++) {
    const cells = outputCells(results[r]);
    values.push(block.outputs.map((o) => cells[o] as string | number | boolean));
    numberFormat.push(formats);
  }
  return { values, numberFormat };
}

/** A row the user should look at: 数据有误 or 未达标, with its sheet row and a one-line reason. */
export type AttentionRow = { sheetRow: number; name: string; status: '数据有误' | '未达标'; reason: string };

/** `rows[i]` is the sheet row of `results[i]` (shared/roster's plan.rows). */
export function attentionRows(results: readonly PlacedResult[], rows: readonly Pick<RosterDataRow, 'sheetRow' | 'name'>[]): AttentionRow[] {
  const out: AttentionRow[] = [];
  results.forEach((r, i) => {
    if (r === null) return;
    const { sheetRow, name } = rows[i];
    if (r.status === '数据有误') {
      out.push({ sheetRow, name, status: r.status, reason: r.errors.map((e) => e.message).join('；') });
    } else if (r.status === '未达标') {
      const parts: string[] = [];
      if (r.publicShortfall > 0) parts.push(`公需课缺 ${fmt(r.publicShortfall)}`);
      if (r.professionalShortfall > 0) parts.push(`专业课缺 ${fmt(r.professionalShortfall)}`);
      out.push({ sheetRow, name, status: r.status, reason: `${parts.join('，')} 学时，期限 ${r.deadline}` });
    }
  });
  return out;
}
