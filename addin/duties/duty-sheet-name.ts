// Which sheet the add-in's duty sheet (提醒名单, 审核材料清单) of one roster sheet goes to: the sheet made earlier
// for this roster (known by its layout and the roster named in B3), else the plain name when no sheet has it, else a
// name of its own from ownSheetNames, the .xlsx path's naming (提醒名单（二科）). A sheet of the clerk's under our name
// is never chosen. Pure; previous-sheet.ts reads the sheets with Office.js.
import { ownSheetNames, sheetKey } from '../../shared/sheet/sheet-names';
import { dutyRosterOf, isOwnDutySheet, type DutySheetSpec } from './duty-layouts';

/** A sheet's name and the values of its DUTY_TOP cells. */
export type SheetTop = { name: string; top: readonly (readonly unknown[])[] };

export type DutySheetChoice = {
  name: string;
  /** The sheet exists and is ours for this roster (a re-run replaces it and keeps what the clerk typed). */
  exists: boolean;
  /** A sheet of the clerk's holding the plain name, left as it was (ours went under `name`); else null. */
  clerkSheet: string | null;
};

/** Sheets that may be a duty sheet of `spec`: their names start with the plain name (提醒名单, 提醒名单（一科）,
 * 提醒名单 (2) as Excel names a copy). Only these have their top cells read. */
export function isDutySheetCandidate(spec: DutySheetSpec, sheetName: string): boolean {
  return sheetKey(sheetName).startsWith(sheetKey(spec.name));
}

/** Among several of our sheets for the roster (a copy the clerk made), the plain name first, then 提醒名单（…）. */
function rank(spec: DutySheetSpec, name: string): number {
  if (sheetKey(name) === sheetKey(spec.name)) return 0;
  return name.startsWith(`${spec.name}（`) ? 1 : 2;
}

/**
 * The sheet for `rosterSheet`'s `spec`, given every sheet name of the workbook and the top cells of the candidates
 * (isDutySheetCandidate).
 */
export function chooseDutySheet(spec: DutySheetSpec, rosterSheet: string, sheetNames: readonly string[], candidates: readonly SheetTop[]): DutySheetChoice {
  const roster = rosterSheet.trim();
  const mine = candidates
    .filter((c) => isOwnDutySheet(spec, c.top) && dutyRosterOf(c.top) === roster)
    .sort((a, b) => rank(spec, a.name) - rank(spec, b.name));
  const name = mine[0]?.name ?? ownSheetNames(spec.name, [rosterSheet], new Set(sheetNames.map(sheetKey)))[0];
  const plain = candidates.find((c) => sheetKey(c.name) === sheetKey(spec.name));
  const clerks = plain !== undefined && !isOwnDutySheet(spec, plain.top);
  return { name, exists: mine.length > 0, clerkSheet: clerks ? plain.name : null };
}
