// The duty sheets (提醒名单, 审核材料清单) name the roster sheet they were made from in B3; a button pressed while one
// of them is active goes back to that roster sheet first (年度汇总 does the same itself for its B5).
import { RosterError } from '../office/errors';

export type OwnSheet = { name: string; rosterCell: string };

/** When the active sheet is one of `own`, activates the roster sheet named in its cell; else does nothing. */
export async function backToRoster(context: Excel.RequestContext, own: readonly OwnSheet[]): Promise<void> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  await context.sync();
  const mine = own.find((s) => s.name === active.name);
  if (!mine) return;
  const cell = active.getRange(mine.rosterCell);
  cell.load('values');
  await context.sync();
  const rosterName = String(cell.values[0]?.[0] ?? '').trim();
  const roster = rosterName ? context.workbook.worksheets.getItemOrNullObject(rosterName) : null;
  if (roster) {
    roster.load('name');
    await context.sync();
  }
  if (!roster || roster.isNullObject) {
    throw new RosterError(`当前是“${mine.name}”工作表，找不到它所依据的花名册：请先切换到花名册工作表再生成。`);
  }
  roster.activate();
  await context.sync();
}
