// Excel.Worksheet in the simulator: ranges by index, address, used range or the whole sheet; tables, charts,
// protection, freeze panes, page layout (paper, orientation, fit to pages, margins, centring, print area and titles).
import type { SheetModel, SimPageLayoutModel } from './model';
import { a1, parseA1 } from './addresses';
import { OP_OVERHEAD, SimContext, SimError, SimObject, guardProtected, writeOnly } from './context';
import { SimChartCollection } from './chart';
import { MAX_COLS, MAX_ROWS, SimRange } from './range';
import { SimTableCollection } from './table';

/** Excel.PageLayout: every property write-only until loaded; set on the sheet at sync. */
export class SimPageLayout {
  constructor(
    private readonly ctx: SimContext,
    private readonly sheet: () => SheetModel,
  ) {
    for (const key of ['paperSize', 'orientation', 'zoom', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin', 'centerHorizontally', 'centerVertically'] as const) {
      Object.defineProperty(this, key, writeOnly<unknown>(key, (v) => this.put((p) => ((p as Record<string, unknown>)[key] = v))));
    }
  }
  private put(f: (p: SimPageLayoutModel) => void): void {
    this.ctx.later(() => {
      const s = this.sheet();
      guardProtected(s);
      f((s.pageLayout ??= {}));
    });
  }
  private address(v: string | SimRange): string {
    if (typeof v === 'string') {
      parseA1(v.replace(/\$/g, ''));
      return v;
    }
    const r = v.resolve();
    return a1(r.row, r.col, r.rows, r.cols, true);
  }
  setPrintArea(v: string | SimRange): void {
    this.put((p) => (p.printArea = this.address(v)));
  }
  setPrintTitleRows(v: string | SimRange): void {
    this.put((p) => (p.printTitleRows = typeof v === 'string' ? v : this.address(v).replace(/[A-Z]+/g, '$')));
  }
}

export class SimWorksheetProtection extends SimObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected readProp(prop: string): unknown {
    if (prop === 'protected') return this.sheet().isProtected;
    throw new SimError('PropertyNotFound', `WorksheetProtection has no property '${prop}' in this simulation`);
  }
  get protected(): boolean {
    return this.get('protected');
  }
}

export class SimWorksheet extends SimObject {
  readonly freezePanes: { freezeRows: (n?: number) => void; unfreeze: () => void; getLocationOrNullObject: () => SimRange };
  constructor(
    ctx: SimContext,
    private readonly find: () => SheetModel | null,
  ) {
    super(ctx);
    const sheetOp = (f: (s: SheetModel) => void): void => ctx.enqueue({ bytes: OP_OVERHEAD, run: () => (f(this.sheet()), 0) });
    this.freezePanes = {
      freezeRows: (n = 1) =>
        sheetOp((s) => {
          s.frozenRows = n;
          s.frozenColumns = 0;
          ctx.model.journal?.push({ op: 'freezeRows', sheet: s.name, rows: n });
        }),
      unfreeze: () =>
        sheetOp((s) => {
          s.frozenRows = 0;
          s.frozenColumns = 0;
        }),
      // the frozen cells (rows × columns; whole rows or whole columns when only one kind is frozen), or a null object
      getLocationOrNullObject: () =>
        new SimRange(ctx, () => {
          const s = this.sheet();
          if (s.frozenRows === 0 && s.frozenColumns === 0) return null;
          return { sheet: s, row: 0, col: 0, rows: s.frozenRows || MAX_ROWS, cols: s.frozenColumns || MAX_COLS };
        }),
    };
  }
  sheet(): SheetModel {
    const s = this.find();
    if (!s) throw new SimError('ItemNotFound', 'The requested worksheet does not exist.');
    return s;
  }
  get protection(): SimWorksheetProtection {
    return new SimWorksheetProtection(this.ctx, () => this.sheet());
  }
  get tables(): SimTableCollection {
    return new SimTableCollection(this.ctx, () => this.ctx.model.tables.filter((t) => t.sheetId === this.sheet().id), () => this.sheet());
  }
  get charts(): SimChartCollection {
    return new SimChartCollection(this.ctx, () => this.sheet());
  }
  get pageLayout(): SimPageLayout {
    return new SimPageLayout(this.ctx, () => this.sheet());
  }
  protected override isNullAtSync(): boolean {
    return this.find() === null;
  }
  protected readProp(prop: string): unknown {
    const s = this.sheet();
    if (prop === 'id') return s.id;
    if (prop === 'name') return s.name;
    if (prop === 'position') return this.ctx.model.sheets.indexOf(s);
    throw new SimError('PropertyNotFound', `Worksheet has no property '${prop}' in this simulation`);
  }
  get id(): string {
    return this.get('id');
  }
  get name(): string {
    return this.get('name');
  }
  activate(): void {
    this.ctx.enqueue({ bytes: OP_OVERHEAD, run: () => (this.ctx.model.activate(this.sheet().id), 0) });
  }
  getRangeByIndexes(row: number, col: number, rows: number, cols: number): SimRange {
    if (![row, col, rows, cols].every(Number.isInteger) || row < 0 || col < 0 || rows < 1 || cols < 1) {
      throw new SimError('InvalidArgument', `getRangeByIndexes(${row}, ${col}, ${rows}, ${cols})`);
    }
    return new SimRange(this.ctx, () => ({ sheet: this.sheet(), row, col, rows, cols }));
  }
  /** An address, or the whole sheet without one. */
  getRange(address?: string): SimRange {
    if (address === undefined) return new SimRange(this.ctx, () => ({ sheet: this.sheet(), row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }));
    const ref = parseA1(address);
    return new SimRange(this.ctx, () => ({ sheet: this.sheet(), ...ref }));
  }
  getUsedRange(valuesOnly = false): SimRange {
    void valuesOnly;
    return new SimRange(this.ctx, () => {
      const box = this.sheet().usedBox();
      return box ? { sheet: this.sheet(), ...box } : { sheet: this.sheet(), row: 0, col: 0, rows: 1, cols: 1 };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): SimRange {
    void valuesOnly;
    return new SimRange(this.ctx, () => {
      const box = this.sheet().usedBox();
      return box ? { sheet: this.sheet(), ...box } : null;
    });
  }
}
