// Excel.Table and TableCollection in the simulator: add (headers unique and non-blank, no overlap), rename (valid,
// unique names), style, delete, add a column, header/body ranges; the sheet's or the workbook's collection.
import type { SheetModel, TableModel } from './model';
import { parseA1 } from './addresses';
import { OP_OVERHEAD, SimContext, SimError, SimItemCollection, SimObject, bytes, guardProtected, notLoaded, overlaps, type RangeRef } from './context';
import { SimRange } from './range';

export class SimTable extends SimObject {
  readonly columns: { add: (index?: number, values?: unknown, name?: string) => void };
  constructor(
    ctx: SimContext,
    private readonly find: () => TableModel,
  ) {
    super(ctx);
    this.columns = {
      add: (_index, _values, name) =>
        ctx.enqueue({
          bytes: OP_OVERHEAD + bytes(name ?? ''),
          run: () => {
            const t = this.find();
            const sheet = ctx.model.sheet(t.sheetId)!;
            guardProtected(sheet);
            const at = t.col + t.cols;
            for (let r = t.row; r < t.row + t.rows; r++) sheet.rows[r]?.splice(at, 0, '');
            sheet.set(t.row, at, name ?? `列${t.cols + 1}`);
            t.cols++;
            return 0;
          },
        }),
    };
  }
  protected readProp(prop: string): unknown {
    const t = this.find();
    if (prop === 'name') return t.name;
    if (prop === 'id') return t.id;
    if (prop === 'showTotals') return t.showTotals;
    if (prop === 'showHeaders') return t.showHeaders ?? true;
    throw new SimError('PropertyNotFound', `Table has no property '${prop}' in this simulation`);
  }
  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.ctx.later(() => {
      const t = this.find();
      if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v)) throw new SimError('InvalidArgument', `invalid table name ${v}`);
      if (this.ctx.model.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) {
        throw new SimError('InvalidArgument', `A table named ${v} already exists.`);
      }
      t.name = v;
    }, bytes(v));
  }
  set style(v: string) {
    this.ctx.later(() => void (this.find().style = v), bytes(v));
  }
  get style(): string {
    throw notLoaded('style');
  }
  delete(): void {
    this.ctx.later(() => {
      const t = this.find();
      this.ctx.model.tables.splice(this.ctx.model.tables.indexOf(t), 1);
    });
  }
  get showTotals(): boolean {
    return this.get('showTotals');
  }
  get showHeaders(): boolean {
    return this.get('showHeaders');
  }
  private rangeOf(f: (t: TableModel) => Omit<RangeRef, 'sheet'>): SimRange {
    return new SimRange(this.ctx, () => {
      const t = this.find();
      return { sheet: this.ctx.model.sheet(t.sheetId)!, ...f(t) };
    });
  }
  getRange(): SimRange {
    return this.rangeOf((t) => ({ row: t.row, col: t.col, rows: t.rows, cols: t.cols }));
  }
  getHeaderRowRange(): SimRange {
    return this.rangeOf((t) => ({ row: t.row, col: t.col, rows: 1, cols: t.cols }));
  }
  getDataBodyRange(): SimRange {
    return this.rangeOf((t) => ({ row: t.row + 1, col: t.col, rows: t.rows - 1 - (t.showTotals ? 1 : 0), cols: t.cols }));
  }
}

export class SimTableCollection extends SimItemCollection<SimTable> {
  protected readonly defaultItemProps = ['name'];
  /** `sheet`: the worksheet whose collection this is (its add() puts tables there); absent for workbook.tables. */
  constructor(
    ctx: SimContext,
    private readonly list: () => TableModel[],
    private readonly sheet?: () => SheetModel,
  ) {
    super(ctx);
  }
  add(address: string, hasHeaders: boolean): SimTable {
    if (!hasHeaders) throw new SimError('InvalidArgument', 'the simulation only models tables with headers');
    const ctx = this.ctx;
    let made: TableModel | null = null;
    ctx.later(() => {
      const named = address.includes('!') ? ctx.model.sheet(address.split('!')[0].replace(/^'|'$/g, '')) : undefined;
      const sheet = named ?? this.sheet?.();
      if (!sheet) throw new SimError('InvalidArgument', `no worksheet for table ${address}`);
      guardProtected(sheet);
      const box = parseA1(address);
      const clash = ctx.model.tables.find((t) => t.sheetId === sheet.id && overlaps(t, box));
      if (clash) throw new SimError('InvalidArgument', `A table can't overlap another table (${clash.name}).`);
      const headers = sheet.block(box.row, box.col, 1, box.cols)[0].map(String);
      if (new Set(headers).size !== headers.length || headers.some((h) => h === '')) {
        throw new SimError('InvalidArgument', `table headers must be unique and non-blank: ${headers.join(',')}`);
      }
      let n = ctx.model.tables.length + 1;
      while (ctx.model.tables.some((t) => t.name.toLowerCase() === `table${n}`)) n++;
      made = ctx.model.addTable(sheet.id, `Table${n}`, box.row, box.col, box.rows, box.cols);
    }, bytes(address));
    return new SimTable(ctx, () => {
      if (!made) throw new SimError('ItemNotFound', 'table not created');
      return made;
    });
  }
  protected makeItems(): SimTable[] {
    return this.list().map((t) => new SimTable(this.ctx, () => this.ctx.model.tables.find((x) => x.id === t.id)!));
  }
  getItem(name: string): SimTable {
    return new SimTable(this.ctx, () => {
      const t = this.ctx.model.tables.find((x) => x.name === name);
      if (!t) throw new SimError('ItemNotFound', `Table ${name} not found`);
      return t;
    });
  }
}
