// The top of both duty sheets (提醒名单, 审核材料清单): title, 核对日期, the roster sheet (B3, so a re-run from the
// sheet finds the roster), when it was made, a note, the header row at row 6; and their print setup. Pure.
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';
import type { KeptEntry } from './kept-cells';
import { rangeAddress } from '../../shared/sheet/a1';
import { blockAt, type LayoutBlock, type PageSetup, type SheetLayout } from '../../shared/sheet/sheet-layout';

export const DUTY_HEADER_ROW = 6;
export const DUTY_ROSTER_CELL = 'B3';
const NOTE_ROW = 5;

/**
 * Where the clerk works with the sheet: in Excel with this add-in's task pane, or in a result file opened in WPS or
 * an Excel without the add-in (the .xlsx page and the command line): the sheet's note points only at what is there.
 */
export type DutyReader = 'pane' | 'file';

/** What every duty sheet shows besides its rows. */
export type DutySheetMeta = {
  /** Default 'pane'. */
  reader?: DutyReader;
  ruleSet: RuleSet;
  duties: RuleSetDuties;
  asOf: string;
  rosterSheet: string;
  madeAt: string;
  /** What the clerk typed into the sheet's own column last time (kept-cells.ts). */
  kept?: readonly KeptEntry[];
};

export function dutySheetHead(meta: DutySheetMeta, title: string, note: [string, string], headers: readonly string[]): Pick<SheetLayout, 'blocks' | 'styles' | 'merges' | 'rowHeights'> {
  const width = headers.length;
  const blocks: LayoutBlock[] = [
    blockAt(0, 1, [[title]], { bold: true, fontSize: 14 }),
    blockAt(0, 2, [['核对日期', meta.asOf], ['花名册工作表', meta.rosterSheet], ['生成时间', meta.madeAt], note]),
    blockAt(0, DUTY_HEADER_ROW, [[...headers]], { bold: true, fill: '#DDEBF7', horizontal: 'Center' }),
  ];
  return {
    blocks,
    styles: [{ address: rangeAddress(0, NOTE_ROW, width, 1), style: { wrap: true, vertical: 'Top' } }],
    merges: [rangeAddress(1, NOTE_ROW, width - 1, 1)],
    rowHeights: [{ row: NOTE_ROW, height: 60 }],
  };
}

/** A4 landscape, all columns on one page wide, the header row repeated on every page. */
export function dutyPage(width: number, lastRow: number): PageSetup {
  return {
    paperSize: 'A4',
    orientation: 'Landscape',
    printArea: rangeAddress(0, 1, width, lastRow),
    fitToPages: { wide: 1, tall: null },
    margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
    centerHorizontally: true,
    printTitleRows: `$${DUTY_HEADER_ROW}:$${DUTY_HEADER_ROW}`,
  };
}
