// Everything about a roster sheet except its cell values: used range, tables, merged areas, hidden rows and columns,
// frozen panes, protection, the selection and what was remembered from earlier runs (output block, accepted unknown
// columns). Three syncs.
import type { CellArea, GridTable, RememberedBlock } from '../../shared/roster';
import { RosterError } from '../office/errors';
import { excelSupports } from '../office/requirements';
import { readIgnoredColumns, readRememberedBlock, type IgnoredColumns } from './memory';

export type SheetFrame = {
  sheetId: string;
  sheetName: string;
  isProtected: boolean;
  /** The used range (values only), or null for an empty sheet. */
  used: CellArea | null;
  tables: GridTable[];
  merged: CellArea[];
  /** The host could not say which cells are merged (ExcelApi 1.13 missing). */
  mergedUnread: boolean;
  /** Sheet rows of the used range that are hidden or filtered out. */
  hiddenRows: number[];
  /** Sheet columns of the used range the clerk hid. */
  hiddenColumns: number[];
  /** The sheet has frozen panes (the clerk's, or ours from an earlier run): they are kept as they are. */
  frozen: boolean;
  /** The clerk's selection when it is on this sheet. */
  selection: CellArea | null;
  remembered: RememberedBlock | null;
  ignored: IgnoredColumns | null;
};

type Bounds = { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
const BOUNDS = 'rowIndex,columnIndex,rowCount,columnCount';
const area = (r: Bounds): CellArea => ({ row: r.rowIndex, col: r.columnIndex, rowCount: r.rowCount, columnCount: r.columnCount });

/** The protected-sheet message: which sheet, how to unprotect it, nothing was changed. */
export function protectedSheetMessage(sheetName: string): string {
  return (
    `工作表“${sheetName}”受保护，无法写入结果，未改动任何单元格。请在 Excel 中点击“审阅”→“撤消工作表保护”` +
    '（如设有密码，请向设置保护的同事索取），然后再点击“计算学时”。'
  );
}

/** The frame of the active sheet (sheetKey omitted) or of the sheet with that id or name. */
export async function frameSheet(context: Excel.RequestContext, sheetKey?: string): Promise<SheetFrame> {
  const sheet = sheetKey === undefined ? context.workbook.worksheets.getActiveWorksheet() : context.workbook.worksheets.getItem(sheetKey);
  sheet.load('id,name');
  const protection = sheet.protection;
  protection.load('protected');
  const used = sheet.getUsedRangeOrNullObject(true);
  // columnHidden: false when no column is hidden, null when some are (then each column is asked, in the next sync)
  used.load(`${BOUNDS},columnHidden`);
  const frozen = sheet.freezePanes.getLocationOrNullObject();
  frozen.load('address');
  const tables = sheet.tables;
  tables.load('items/name,items/showTotals,items/showHeaders');
  const selection = sheetKey === undefined ? context.workbook.getSelectedRange() : null;
  selection?.load(BOUNDS);
  await context.sync();

  const tableRanges = tables.items.map((t) => t.getRange().load(BOUNDS));
  // ExcelApi 1.13 / 1.9: merged areas (two-row headers) and visible cells (hidden rows); without them the roster is
  // read as if nothing were merged or hidden
  const merged = used.isNullObject || !excelSupports('mergedAreas') ? null : used.getMergedAreasOrNullObject();
  merged?.load('areaCount');
  const visible = used.isNullObject || !excelSupports('visibleCells') ? null : used.getSpecialCellsOrNullObject('Visible');
  visible?.load('areaCount');
  const columns = used.isNullObject || used.columnHidden !== null ? null : columnProbes(sheet, used);
  const memory = { remembered: readRememberedBlock(context, sheet.id), ignored: readIgnoredColumns(context, sheet.id) };
  await context.sync();

  const mergedAreas = merged && !merged.isNullObject ? merged.areas.load(`items/${BOUNDS.split(',').join(',items/')}`) : null;
  const visibleAreas = visible && !visible.isNullObject ? visible.areas.load('items/rowIndex,items/rowCount') : null;
  if (mergedAreas || visibleAreas) await context.sync();

  const usedArea = used.isNullObject ? null : area(used);
  return {
    sheetId: sheet.id,
    sheetName: sheet.name,
    isProtected: protection.protected,
    used: usedArea,
    tables: tables.items.map((t, i) => ({ name: t.name, area: area(tableRanges[i]), showHeaders: t.showHeaders, showTotals: t.showTotals })),
    merged: mergedAreas ? mergedAreas.items.map(area) : [],
    mergedUnread: !used.isNullObject && !excelSupports('mergedAreas'),
    hiddenRows: usedArea ? hiddenRowsOf(usedArea, visible?.isNullObject ? [] : (visibleAreas?.items ?? [])) : [],
    hiddenColumns: hiddenColumnsOf(used, columns),
    frozen: !frozen.isNullObject,
    selection: selection ? area(selection) : null,
    remembered: memory.remembered.value(),
    ignored: memory.ignored.value(),
  };
}

/** Hidden columns are looked for among the first this many columns of the used range (a roster is far narrower). */
export const MAX_COLUMNS_PROBED = 1000;

/** One 1-row range per column of the used range, loading whether the column is hidden (read in the same sync). */
function columnProbes(sheet: Excel.Worksheet, used: Bounds): { col: number; probe: Excel.Range }[] {
  const n = Math.min(used.columnCount, MAX_COLUMNS_PROBED);
  return Array.from({ length: n }, (_, i) => ({ col: used.columnIndex + i, probe: sheet.getRangeByIndexes(used.rowIndex, used.columnIndex + i, 1, 1).load('columnHidden') }));
}

function hiddenColumnsOf(used: Excel.Range, probes: { col: number; probe: Excel.Range }[] | null): number[] {
  if (used.isNullObject) return [];
  if (used.columnHidden === true) return Array.from({ length: used.columnCount }, (_, i) => used.columnIndex + i);
  return (probes ?? []).filter((p) => p.probe.columnHidden === true).map((p) => p.col);
}

/** Rows of the used range not covered by a visible area. */
function hiddenRowsOf(used: CellArea, visible: readonly { rowIndex: number; rowCount: number }[]): number[] {
  const shown = new Uint8Array(used.rowCount);
  for (const v of visible) {
    for (let r = Math.max(v.rowIndex, used.row); r < Math.min(v.rowIndex + v.rowCount, used.row + used.rowCount); r++) shown[r - used.row] = 1;
  }
  const out: number[] = [];
  for (let i = 0; i < shown.length; i++) if (shown[i] === 0) out.push(used.row + i);
  return out;
}

/** Stops when the sheet is protected: nothing is read, sent or written. */
export function assertWritable(frame: Pick<SheetFrame, 'isProtected' | 'sheetName'>): void {
  if (frame.isProtected) throw new RosterError(protectedSheetMessage(frame.sheetName));
}
