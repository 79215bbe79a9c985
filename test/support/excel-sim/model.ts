// The simulated workbook's data: sheets of cells, number formats, styles, conditional formats, frozen rows, merged
// areas, error values, protection, charts, data validation, borders, page layout; tables; settings; the selection.
// Pure TypeScript (no DOM, no Node) so the Node tests, the benchmarks and the e2e host page share it.

export type Scalar = string | number | boolean;

export type ConditionalRule = { type: string; operator?: string; text?: string; fontColor?: string; fillColor?: string };
export type ConditionalFormat = { row: number; col: number; rows: number; cols: number; rule: ConditionalRule };

type Box = { row: number; col: number; rows: number; cols: number };

export type SimChartModel = {
  id: string;
  name: string;
  type: string;
  source: Box;
  seriesBy: string;
  title: string;
  legendVisible: boolean;
  seriesName: string;
  categories: Box | null;
  valueAxis: { numberFormat?: string; minimum?: number; maximum?: number };
  position: { topLeft: string; bottomRight: string } | null;
};
export type SimValidation = {
  box: Box;
  rule?: unknown;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks?: boolean;
};
export type SimBorder = { box: Box; edge: string; style?: string; weight?: string; color?: string };
export type SimCellLayoutStyle = { wrap?: boolean; horizontal?: string; vertical?: string };
export type SimPageLayoutModel = {
  paperSize?: string;
  orientation?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  topMargin?: number;
  bottomMargin?: number;
  leftMargin?: number;
  rightMargin?: number;
  centerHorizontally?: boolean;
  centerVertically?: boolean;
  printArea?: string;
  printTitleRows?: string;
};

export class SheetModel {
  /** Sparse rows: rows[r][c]; '' is an empty cell. */
  readonly rows: (Scalar[] | undefined)[] = [];
  readonly formats: (string[] | undefined)[] = [];
  readonly hiddenRows = new Set<number>();
  /** Columns the clerk hid (Range.columnHidden). */
  readonly hiddenColumns = new Set<number>();
  readonly columnWidths = new Map<number, number>();
  readonly styled = new Map<string, { bold?: boolean; fill?: string; fontColor?: string }>();
  conditionalFormats: ConditionalFormat[] = [];
  frozenRows = 0;
  /** Frozen columns (a freeze at D5 is 4 rows and 3 columns); freezeRows() unfreezes them, as Excel does. */
  frozenColumns = 0;
  /** Cells holding an Excel error value ("r,c"); their value is the error text, e.g. '#N/A'. */
  readonly errorCells = new Set<string>();
  /** How many times Range.clear ran on this sheet. */
  clears = 0;
  /** Merged areas (seeded by a test or made by Range.merge). */
  merged: Box[] = [];
  /** A protected sheet: every write fails with AccessDenied, as in Excel. */
  isProtected = false;
  charts: SimChartModel[] = [];
  validations: SimValidation[] = [];
  borders: SimBorder[] = [];
  /** Wrap and alignment per cell ("r,c"). */
  cellStyles: Record<string, SimCellLayoutStyle> = {};
  /** Row heights in points, by row. */
  rowHeights: Record<number, number> = {};
  /** Set by the first pageLayout write; undefined for a sheet nobody set up for printing. */
  pageLayout: SimPageLayoutModel | undefined = undefined;

  constructor(
    readonly id: string,
    public name: string,
  ) {}

  get(r: number, c: number): Scalar {
    return this.rows[r]?.[c] ?? '';
  }

  set(r: number, c: number, v: Scalar): void {
    const row = (this.rows[r] ??= []);
    while (row.length < c) row.push('');
    row[c] = v;
  }

  format(r: number, c: number): string {
    return this.formats[r]?.[c] || 'General';
  }

  setFormat(r: number, c: number, f: string): void {
    const row = (this.formats[r] ??= []);
    row[c] = f;
  }

  /** Bounding box of non-empty values, or null when the sheet is empty. */
  usedBox(): { row: number; col: number; rows: number; cols: number } | null {
    let r0 = Infinity;
    let r1 = -1;
    let c0 = Infinity;
    let c1 = -1;
    this.rows.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) {
        if (row[c] !== '') {
          if (r < r0) r0 = r;
          if (r > r1) r1 = r;
          if (c < c0) c0 = c;
          if (c > c1) c1 = c;
        }
      }
    });
    if (r1 < 0) return null;
    return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
  }

  /** Values of a block as a fresh 2D array. */
  block(row: number, col: number, rows: number, cols: number): Scalar[][] {
    const out: Scalar[][] = [];
    for (let r = 0; r < rows; r++) {
      const src = this.rows[row + r];
      const line: Scalar[] = new Array(cols);
      for (let c = 0; c < cols; c++) line[c] = src?.[col + c] ?? '';
      out.push(line);
    }
    return out;
  }

  formatBlock(row: number, col: number, rows: number, cols: number): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < rows; r++) {
      const line: string[] = new Array(cols);
      for (let c = 0; c < cols; c++) line[c] = this.format(row + r, col + c);
      out.push(line);
    }
    return out;
  }
}

export type TableModel = {
  id: string;
  name: string;
  sheetId: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  showTotals: boolean;
  showHeaders?: boolean;
  style?: string;
};

export type SyncStats = {
  syncs: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  totalRequestBytes: number;
  totalResponseBytes: number;
  /** Cells written through values (not counting headers of formats). */
  cellsWritten: number;
};

/** What the code asked of the workbook, in order, when a test turns the journal on (`model.journal = []`). */
export type JournalEntry =
  | { op: 'load'; sheet: string; row: number; col: number; rows: number; cols: number; props: string[] }
  | { op: 'write'; sheet: string; row: number; col: number; rows: number; cols: number; values: unknown[][] }
  | { op: 'freezeRows'; sheet: string; rows: number };

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  /** Workbook settings (Excel.SettingCollection, and Office.context.document.settings once saved): saved with the workbook. */
  readonly settings = new Map<string, unknown>();
  /** Full recalculations asked for (Application.calculate). */
  calculations = 0;
  activeSheetId = '';
  selection = { sheetId: '', row: 0, col: 0, rows: 1, cols: 1 };
  /** Excel on the web's limit for one request and one response. */
  payloadLimitBytes = 5 * 1024 * 1024;
  stats: SyncStats = { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0, cellsWritten: 0 };
  /** Off (null) unless a test sets it to []: each range load, values write and freeze, as applied at sync. */
  journal: JournalEntry[] | null = null;
  /** Called after each successful sync (the host page re-renders the grid). */
  onChange: (() => void) | null = null;
  private nextId = 1;

  addSheet(name: string): SheetModel {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw Object.assign(new Error(`工作表名称“${name}”已存在`), { code: 'ItemAlreadyExists' });
    }
    const sheet = new SheetModel(`{sheet-${this.nextId++}}`, name);
    this.sheets.push(sheet);
    if (!this.activeSheetId) this.activate(sheet.id);
    return sheet;
  }

  activate(sheetId: string): void {
    this.activeSheetId = sheetId;
    this.selection = { sheetId, row: 0, col: 0, rows: 1, cols: 1 };
  }

  sheet(idOrName: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === idOrName) ?? this.sheets.find((s) => s.name.toLowerCase() === idOrName.toLowerCase());
  }

  active(): SheetModel {
    const s = this.sheet(this.activeSheetId);
    if (!s) throw new Error('no active sheet');
    return s;
  }

  addTable(sheetId: string, name: string, row: number, col: number, rows: number, cols: number): TableModel {
    const t: TableModel = { id: `{table-${this.nextId++}}`, name, sheetId, row, col, rows, cols, showTotals: false };
    this.tables.push(t);
    return t;
  }

  /** A workbook holding `sheets` (rows of values from A1; null is an empty cell), the first one active. */
  static withSheets(sheets: { name: string; rows: (Scalar | null)[][] }[]): WorkbookModel {
    const model = new WorkbookModel();
    for (const s of sheets) {
      const sheet = model.addSheet(s.name);
      s.rows.forEach((row, r) => row.forEach((v, c) => v !== null && v !== '' && sheet.set(r, c, v)));
    }
    return model;
  }

  resetStats(): void {
    this.stats = { syncs: 0, maxRequestBytes: 0, maxResponseBytes: 0, totalRequestBytes: 0, totalResponseBytes: 0, cellsWritten: 0 };
  }
}
