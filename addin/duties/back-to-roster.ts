// The duty sheets (提醒名单, 审核材料清单, under any of their names) name the roster sheet they were made from in B3;
// a button pressed while one of them is active goes back to that roster sheet first (年度汇总 does the same itself
// for its B5). The active sheet is known as ours by its layout, not its name.
import { RosterError } from '../office/errors';
import { DUTY_SHEETS, DUTY_TOP, dutyRosterOf, isOwnDutySheet } from './duty-layouts';

/** When the active sheet is one of our duty sheets, activates the roster sheet named in its B3; else does nothing. */
export async function backToRoster(context: Excel.RequestContext): Promise<void> {
  const active = context.workbook.worksheets.getActiveWorksheet();
  active.load('name');
  const top = active.getRange(DUTY_TOP).load('values');
  await context.sync();
  if (!Object.values(DUTY_SHEETS).some((spec) => isOwnDutySheet(spec, top.values))) return;
  const rosterName = dutyRosterOf(top.values);
  const roster = rosterName ? context.workbook.worksheets.getItemOrNullObject(rosterName) : null;
  if (roster) {
    roster.load('name');
    await context.sync();
  }
  if (!roster || roster.isNullObject) {
    throw new RosterError(`当前是“${active.name}”工作表，找不到它所依据的花名册：请先切换到花名册工作表再生成。`);
  }
  roster.activate();
  await context.sync();
}
