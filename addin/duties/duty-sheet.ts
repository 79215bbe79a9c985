// Writes a duty sheet (提醒名单, 审核材料清单) of one roster sheet: to the sheet made earlier for that roster, else
// the plain name when free, else a name of its own (duty-sheet-name.ts); a sheet of the clerk's is never touched.
import type { SheetLayout } from '../../shared/sheet/sheet-layout';
import { writeLayoutSheet } from '../office/apply-sheet-layout';
import type { DutySheetSpec } from './duty-layouts';
import type { KeptEntry } from './kept-cells';
import { findDutySheet } from './previous-sheet';

export type DutySheetWritten = {
  sheetName: string;
  printSetup: boolean;
  /** A sheet of the clerk's with the plain name, left as it was; else null. */
  clerkSheet: string | null;
};

/** Finds the sheet, builds its layout with what the clerk typed there last time, writes it and activates it. */
export function writeDutySheet(spec: DutySheetSpec, rosterSheet: string, layoutOf: (kept: KeptEntry[]) => SheetLayout): Promise<DutySheetWritten> {
  return Excel.run(async (context) => {
    const target = await findDutySheet(context, spec, rosterSheet);
    const { printSetup } = await writeLayoutSheet(context, { ...layoutOf(target.kept), sheetName: target.name });
    return { sheetName: target.name, printSetup, clerkSheet: target.clerkSheet };
  });
}

/** What the pane adds when our sheet went under another name because a sheet of the clerk's has the plain one. */
export function clerkSheetNote(w: Pick<DutySheetWritten, 'sheetName' | 'clerkSheet'>): string {
  if (!w.clerkSheet) return '';
  return `工作簿里原有的“${w.clerkSheet}”工作表不是本助手生成的，为免覆盖您的内容，未作任何改动；本次结果写在“${w.sheetName}”工作表中。`;
}
