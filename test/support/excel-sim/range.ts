// Excel.Range in the simulator: values, number formats, value types (error values), merged areas, visible rows,
// clear, merge, data validation, its tables. Strings written into General cells are converted as Excel does
// (numbers, ISO dates); an array of the wrong shape fails the sync with InvalidArgument; a protected sheet refuses
// every write with AccessDenied.
import type { Scalar, SheetModel } from './model';
import { a1, quoteSheet } from './addresses';
import { OP_OVERHEAD, SimContext, SimError, SimItemCollection, SimObject, boxOf, bytes, guardProtected, overlaps, type RangeRef } from './context';
import { SimRangeFormat, SimConditionalFormats } from './format';
import { SimTableCollection } from './table';
import { SimDataValidation } from './validation';

/** Excel's last row and column: a whole-sheet range. */
export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

/** Excel.RangeValueType of a model cell. */
function valueType(sheet: SheetModel, r: number, c: number): string {
  if (sheet.errorCells.has(`${r},${c}`)) return 'Error';
  const v = sheet.get(r, c);
  return v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
}
function checkMatrix(name: string, v: unknown, ref: RangeRef): unknown[][] {
  if (!Array.isArray(v) || v.length !== ref.rows || v.some((row) => !Array.isArray(row) || row.length !== ref.cols)) {
    const shape = Array.isArray(v) ? `${v.length}×${Array.isArray(v[0]) ? (v[0] as unknown[]).length : '?'}` : typeof v;
    throw new SimError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${name}: ${shape} for ${ref.rows}×${ref.cols}).`);
  }
  return v as unknown[][];
}

/** What Excel stores for a value typed into a cell with the given number format. */
export function coerceForFormat(v: Scalar, format: string): Scalar {
  if (typeof v !== 'string' || format === '@') return v;
  const t = v.trim();
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t);
  if (m && format === 'General') {
    const d = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
    return Math.round((d - Date.UTC(1899, 11, 30)) / 86_400_000);
  }
  return v;
}

export class SimRange extends SimObject {
  private ref: RangeRef | null | undefined;
  readonly format: SimRangeFormat;
  readonly conditionalFormats: SimConditionalFormats;

  constructor(
    ctx: SimContext,
    private readonly resolver: () => RangeRef | null,
  ) {
    super(ctx);
    this.format = new SimRangeFormat(ctx, () => this.resolve());
    this.conditionalFormats = new SimConditionalFormats(ctx, () => this.resolve());
  }

  /** Resolved once, at the first sync that touches the range (like Excel's deferred range objects). */
  resolve(): RangeRef {
    if (this.ref === undefined) this.ref = this.resolver();
    if (this.ref === null) throw new SimError('ItemNotFound', 'The requested resource does not exist.');
    return this.ref;
  }

  protected override isNullAtSync(): boolean {
    if (this.ref === undefined) this.ref = this.resolver();
    return this.ref === null;
  }

  override resolveLoad(props: string[]): number {
    const n = super.resolveLoad(props);
    const r = this.ref;
    if (r) this.ctx.model.journal?.push({ op: 'load', sheet: r.sheet.name, ...boxOf(r), props });
    return n;
  }

  protected override defaultProps(): string[] {
    return ['values', 'numberFormat', 'address', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  }

  protected readProp(prop: string): unknown {
    const r = this.resolve();
    switch (prop) {
      case 'values':
        return r.sheet.block(r.row, r.col, r.rows, r.cols);
      case 'numberFormat':
        return r.sheet.formatBlock(r.row, r.col, r.rows, r.cols);
      case 'valueTypes':
        return Array.from({ length: r.rows }, (_, i) => Array.from({ length: r.cols }, (_, j) => valueType(r.sheet, r.row + i, r.col + j)));
      case 'rowIndex':
        return r.row;
      case 'columnIndex':
        return r.col;
      case 'rowCount':
        return r.rows;
      case 'columnCount':
        return r.cols;
      case 'columnHidden': {
        // true when every column of the range is hidden, false when none is, null otherwise (as Excel)
        let hidden = 0;
        for (const c of r.sheet.hiddenColumns) if (c >= r.col && c < r.col + r.cols) hidden++;
        return hidden === 0 ? false : hidden === r.cols ? true : null;
      }
      case 'address':
        return `${quoteSheet(r.sheet.name)}!${a1(r.row, r.col, r.rows, r.cols)}`;
      default:
        throw new SimError('PropertyNotFound', `Range has no property '${prop}' in this simulation`);
    }
  }

  get values(): Scalar[][] {
    return this.get('values');
  }
  get valueTypes(): string[][] {
    return this.get('valueTypes');
  }

  /** The merged areas intersecting this range (null object when none). */
  getMergedAreasOrNullObject(): SimRangeAreas {
    return new SimRangeAreas(this.ctx, () => {
      const r = this.resolve();
      const hit = r.sheet.merged.filter((m) => overlaps(m, r));
      return hit.length === 0 ? null : hit.map((m) => ({ sheet: r.sheet, ...m }));
    });
  }

  /**
   * Only 'Visible': the runs of rows not hidden × the runs of columns not hidden (null object when no cell is
   * visible), as Excel's visible cells.
   */
  getSpecialCellsOrNullObject(cellType: string): SimRangeAreas {
    if (cellType !== 'Visible') throw new SimError('InvalidArgument', `getSpecialCells(${cellType}) is not simulated`);
    return new SimRangeAreas(this.ctx, () => {
      const r = this.resolve();
      const runsOf = (from: number, count: number, hidden: ReadonlySet<number>): [number, number][] => {
        const runs: [number, number][] = [];
        for (let i = from; i < from + count; i++) {
          if (hidden.has(i)) continue;
          const last = runs[runs.length - 1];
          if (last && last[0] + last[1] === i) last[1]++;
          else runs.push([i, 1]);
        }
        return runs;
      };
      const cols = runsOf(r.col, r.cols, r.sheet.hiddenColumns);
      const areas: RangeRef[] = [];
      for (const [row, rows] of runsOf(r.row, r.rows, r.sheet.hiddenRows)) for (const [col, n] of cols) areas.push({ sheet: r.sheet, row, col, rows, cols: n });
      return areas.length === 0 ? null : areas;
    });
  }
  set values(v: Scalar[][]) {
    this.ctx.enqueue({
      bytes: OP_OVERHEAD + bytes(v),
      run: () => {
        const r = this.resolve();
        guardProtected(r.sheet);
        const m = checkMatrix('values', v, r);
        m.forEach((row, i) =>
          row.forEach((cell, j) => {
            if (cell === null) return;
            if (!['string', 'number', 'boolean'].includes(typeof cell)) throw new SimError('InvalidArgument', `Invalid cell value at row ${i}, column ${j}: ${String(cell)}`);
            const rr = r.row + i;
            const cc = r.col + j;
            r.sheet.errorCells.delete(`${rr},${cc}`);
            r.sheet.set(rr, cc, coerceForFormat(cell as Scalar, r.sheet.format(rr, cc)));
          }),
        );
        this.ctx.model.stats.cellsWritten += r.rows * r.cols;
        this.ctx.model.journal?.push({ op: 'write', sheet: r.sheet.name, ...boxOf(r), values: m });
        return 0;
      },
    });
  }

  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: string[][]) {
    this.ctx.enqueue({
      bytes: OP_OVERHEAD + bytes(v),
      run: () => {
        const r = this.resolve();
        guardProtected(r.sheet);
        checkMatrix('numberFormat', v, r).forEach((row, i) =>
          row.forEach((f, j) => {
            if (f === null) return;
            if (typeof f !== 'string') throw new SimError('InvalidArgument', `Invalid number format ${String(f)}`);
            r.sheet.setFormat(r.row + i, r.col + j, f);
          }),
        );
        return 0;
      },
    });
  }

  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get columnHidden(): boolean | null {
    return this.get('columnHidden');
  }
  get address(): string {
    return this.get('address');
  }

  select(): void {
    this.ctx.enqueue({
      bytes: OP_OVERHEAD,
      run: () => {
        const r = this.resolve();
        this.ctx.model.activeSheetId = r.sheet.id;
        this.ctx.model.selection = { sheetId: r.sheet.id, row: r.row, col: r.col, rows: r.rows, cols: r.cols };
        return 0;
      },
    });
  }

  get dataValidation(): SimDataValidation {
    return new SimDataValidation(this.ctx, () => this.resolve());
  }

  /** Clears contents, formats (number formats, styles, merges, borders, alignment, row heights of whole rows) or both. */
  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      const s = r.sheet;
      s.clears++;
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      const lastRow = Math.min(r.row + r.rows, Math.max(s.rows.length, s.formats.length));
      for (let i = r.row; i < lastRow; i++) {
        const row = s.rows[i];
        const fmt = s.formats[i];
        const lastCol = Math.min(r.col + r.cols, Math.max(row?.length ?? 0, fmt?.length ?? 0));
        for (let j = r.col; j < lastCol; j++) {
          if (contents && row && j < row.length) row[j] = '';
          if (contents) s.errorCells.delete(`${i},${j}`);
          if (formats && fmt && j < fmt.length) fmt[j] = '';
          if (formats) s.styled.delete(`${i},${j}`);
        }
      }
      if (!formats) return;
      s.merged = s.merged.filter((m) => !overlaps(m, r));
      s.borders = s.borders.filter((b) => !overlaps(b.box, r));
      for (const key of Object.keys(s.cellStyles)) {
        const [i, j] = key.split(',').map(Number);
        if (overlaps({ row: i, col: j, rows: 1, cols: 1 }, r)) delete s.cellStyles[key];
      }
      if (r.cols >= MAX_COLS) for (const key of Object.keys(s.rowHeights)) if (Number(key) >= r.row && Number(key) < r.row + r.rows) delete s.rowHeights[Number(key)];
    });
  }

  /** Merges the range (or each of its rows, `across`); merged areas it overlaps are replaced. */
  merge(across = false): void {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      const list = r.sheet.merged;
      const boxes = across ? Array.from({ length: r.rows }, (_, i) => ({ row: r.row + i, col: r.col, rows: 1, cols: r.cols })) : [boxOf(r)];
      for (const b of boxes) {
        if (b.rows * b.cols === 1) continue;
        for (let i = list.length - 1; i >= 0; i--) if (overlaps(list[i], b)) list.splice(i, 1);
        list.push(b);
      }
    });
  }

  unmerge(): void {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      r.sheet.merged = r.sheet.merged.filter((m) => !overlaps(m, r));
    });
  }

  getTables(fullyContained = false): SimTableCollection {
    return new SimTableCollection(this.ctx, () => {
      const r = this.resolve();
      return this.ctx.model.tables.filter((t) => {
        if (t.sheetId !== r.sheet.id) return false;
        const inter = overlaps(t, r);
        const inside = r.row >= t.row && r.col >= t.col && r.row + r.rows <= t.row + t.rows && r.col + r.cols <= t.col + t.cols;
        return fullyContained ? inside : inter;
      });
    });
  }
}

/** Excel.RangeAreas: `areas.items` are the rectangles; load their rowIndex etc. with one load call. */
export class SimRangeAreas extends SimObject {
  private refs: RangeRef[] | null | undefined;
  readonly areas: SimRangeCollection;
  constructor(
    ctx: SimContext,
    private readonly resolver: () => RangeRef[] | null,
  ) {
    super(ctx);
    this.areas = new SimRangeCollection(ctx, () => this.resolve() ?? []);
  }
  resolve(): RangeRef[] | null {
    if (this.refs === undefined) this.refs = this.resolver();
    return this.refs;
  }
  protected override isNullAtSync(): boolean {
    return this.resolve() === null;
  }
  protected readProp(prop: string): unknown {
    if (prop === 'areaCount') return this.resolve()?.length ?? 0;
    throw new SimError('PropertyNotFound', `RangeAreas has no property '${prop}' in this simulation`);
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

/** A collection whose load('items/a,items/b') loads every listed property on the same items, as Office.js does. */
export class SimRangeCollection extends SimItemCollection<SimRange> {
  protected readonly defaultItemProps = ['rowIndex', 'columnIndex', 'rowCount', 'columnCount'];
  constructor(
    ctx: SimContext,
    private readonly list: () => RangeRef[],
  ) {
    super(ctx);
  }
  protected makeItems(): SimRange[] {
    return this.list().map((ref) => new SimRange(this.ctx, () => ref));
  }
}
