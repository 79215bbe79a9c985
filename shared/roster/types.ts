// shared/roster: how a clerk's roster sheet is read, as pure code over a grid of cells.
//
// No Office.js, no exceljs: the same code runs in the add-in (Office.js fills a SheetGrid), in the .xlsx page and
// command line (exceljs fills one) and in Node tests (a literal grid). Everything is in 0-based SHEET coordinates
// (row 0 = Excel row 1, col 0 = column A); `values[0][0]` sits at `origin`.
//
// Entry points (shared/roster/index.ts):
//   planRoster(grid, options?)          → RosterPlan: header row(s), column mapping, data rows, excluded rows, output block
//   findCrossDuplicates(plans)          → DuplicateId[]: the same ID number on several rows, across every sheet given
//   rowsToSend(plan)                    → the RosterRowInput of every row to evaluate, in sheet order
//   placeResults(plan, results, dupes)  → one RowResult (or null: write blank cells) per data row, with DUPLICATE_ID
//   headerSetKey(plan)                  → the key under which the clerk's “忽略这些列” answer is remembered
import type { CellValue, RosterKey, RosterRowInput, RowResult } from '../types';

/** A cell's value as Excel's Range.values gives it (an error cell gives its text, e.g. "#N/A"). */
export type GridValue = string | number | boolean | null;

/** Excel.RangeValueType's names. exceljs callers map their cell types onto these. */
export type GridValueType = 'Empty' | 'String' | 'Double' | 'Integer' | 'Boolean' | 'Error' | 'RichValue' | 'Unknown';

/** A rectangle of cells in sheet coordinates. */
export type CellArea = { row: number; col: number; rowCount: number; columnCount: number };

/** An Excel table (ListObject) on the sheet. `area` covers its header row, data and total row. */
export type GridTable = { name: string; area: CellArea; showHeaders: boolean; showTotals: boolean };

/**
 * The output block remembered from a previous run on this sheet (workbook setting / named range), or null.
 * `columns[i]` is the sheet column of OUTPUT_HEADERS[i]; `marker` is the add-in's marker text it was saved with.
 */
export type RememberedBlock = { headerRow: number; columns: number[]; marker: string };

/** The marker stored with a remembered output block. */
export const OUTPUT_BLOCK_MARKER = 'ce-hours-output-v1';

export type SheetGrid = {
  /** The worksheet's name, for messages and duplicate reports. */
  name: string;
  /** Sheet coordinates of values[0][0] (e.g. the used range's top-left). */
  origin: { row: number; col: number };
  /** Rows of cells (a shorter row reads as empty cells to its right). */
  values: GridValue[][];
  /** Same shape as values; optional (then types are inferred from values: strings are 'String'). */
  valueTypes?: GridValueType[][];
  /** Merged areas intersecting the grid. */
  merged?: readonly CellArea[];
  /**
   * True when the host could not say which cells are merged (Excel before ExcelApi 1.13): a unit or department cell
   * merged down over its group then reads blank below its first row, and the preflight card says so.
   */
  mergedUnread?: boolean;
  /** Tables on the sheet. */
  tables?: readonly GridTable[];
  /** Sheet rows hidden by the clerk or by a filter (they are still computed; the pane says how many). */
  hiddenRows?: readonly number[];
  /**
   * Sheet columns (0-based) the clerk hid. Several columns of one field with exactly one visible: the visible one is
   * read and the hidden ones are listed as not read (half-year columns beside their total).
   */
  hiddenColumns?: readonly number[];
  /** The clerk's selection (to pick the table the clerk is in), or null. */
  selection?: CellArea | null;
  /** The output block remembered for this sheet, or null/absent. */
  remembered?: RememberedBlock | null;
};

export type PlanOptions = {
  /** How many rows from the top of the grid are searched for the header (default HEADER_SEARCH_ROWS). */
  headerSearchRows?: number;
  /** The rule set whose columns, aliases and words the sheet is read by (default DEFAULT_RULE_SET). */
  ruleSet?: string;
};

/** Why a sheet row is not sent as a person. */
export type ExcludedReason =
  /** 合计/小计/总计/共计/汇总/累计 in a cell of a row whose name is blank, or in the name. */
  | 'total'
  /** 制表人：/审核：/注：… with no person below it — the footer block starts here; nothing below is read. */
  | 'footer'
  /** A note line (注：…) with people below it: skipped, reading goes on. */
  | 'note'
  /** The total row of an Excel table. */
  | 'tableTotal'
  /** The header row repeated lower down (for printing every page). */
  | 'header';

export type ExcludedRow = { sheetRow: number; reason: ExcludedReason; text: string };

/**
 * One data row of the roster, in sheet order; RosterPlan.rows are consecutive sheet rows from the row under the
 * header to the last row read (the footer row and the table's total row are not among them).
 * `input` is null for rows not sent (excluded or blank): blank output cells are written there.
 */
export type RosterDataRow = {
  sheetRow: number;
  /** The row as the engine takes it; null when excluded (blank output cells are written). */
  input: RosterRowInput | null;
  /** The name cell as text (for the pane's list). */
  name: string;
  hidden: boolean;
};

/** One output column: OUTPUT_HEADERS[i] goes to sheet column `col`; `exists` when its header is already there. */
export type OutputColumn = { header: string; col: number; exists: boolean };

/** Where the 9 output columns go. */
export type OutputPlacement = {
  headerRow: number;
  columns: OutputColumn[];
  /** 'remembered': the block saved by a previous run; 'previous': an earlier version's block found by its headers; 'new'. */
  origin: 'remembered' | 'previous' | 'new';
  /** To remember after a successful write. */
  remember: RememberedBlock;
};

/** A header cell inside the roster that looks like an output header (the clerk's own 状态/说明/总学时): input. */
export type HeaderCell = { col: number; header: string };

/** A hidden column of a field that is read from its one visible column (`readCol`): not read. */
export type NotReadColumn = HeaderCell & { key: RosterKey; readCol: number };

export type StopCode = 'EMPTY_SHEET' | 'NO_HEADER' | 'NO_NAME_COLUMN' | 'NO_HOURS_COLUMN' | 'DUPLICATE_COLUMN' | 'NO_DATA_ROWS';
export type StopReason = { code: StopCode; message: string };

export type RosterPlan = {
  sheetName: string;
  /** The rule set the sheet was read by (its columns, aliases and words). */
  ruleSet: string;
  /** The Excel table holding the roster, or null. */
  table: string | null;
  /** Sheet rows of the header (one, or two for a group row + sub-header row). [] when none was found. */
  headerRows: number[];
  /** Sheet column of the roster's first and last column (inclusive). */
  firstCol: number;
  lastCol: number;
  /** Per column firstCol..lastCol: the header text as read (a two-row header combined as “group/sub”). */
  headers: string[];
  /** Per column firstCol..lastCol: the roster key it holds, or null. */
  columns: (RosterKey | null)[];
  unknown: HeaderCell[];
  /** Optional columns absent, as one short Chinese line ('' when none are missing). */
  missingOptionalLine: string;
  missingOptional: RosterKey[];
  /** The clerk's own columns whose header equals an output header (treated as input, never written). */
  lookalikes: HeaderCell[];
  rows: RosterDataRow[];
  excluded: ExcludedRow[];
  /** Data rows that are hidden or filtered and are computed too. */
  hiddenCount: number;
  /** Hidden columns not read: their field is read from its one visible column. */
  notRead: NotReadColumn[];
  /** Hidden columns that are read (the only column of their field). */
  hiddenRead: HeaderCell[];
  /** Read columns with cells merged down over several rows below the header: each such cell counts for every row. */
  mergedFill: (HeaderCell & { areas: number })[];
  /** People whose unit or department cell is blank while merged cells could not be read (grid.mergedUnread); else 0. */
  mergedUnread: number;
  /**
   * People with hours that need evidence (附件1第7条) while the roster has no 证明材料齐全 column: those hours are all
   * taken as documented. 0 when the column is there.
   */
  evidenceUnchecked: number;
  output: OutputPlacement | null;
  /** Set when the run must not go ahead (nothing is sent, nothing written). */
  stop: StopReason | null;
};

/** One ID number on several sheet rows (possibly on several sheets). */
export type DuplicateId = { idNumber: string; at: { sheetName: string; sheetRow: number }[] };

/** A data row's result placed back on the sheet: null = write blank output cells (excluded row). */
export type PlacedResult = RowResult | null;

export type { CellValue };
