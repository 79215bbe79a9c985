// The simulated workbook's entry points: worksheets, workbook tables, settings (stored as JSON, as Excel does), the
// selection, and Excel.run (a fresh context per batch; queued work left at the end is synced, as Office.js does).
import type { SheetModel, WorkbookModel } from './model';
import { OP_OVERHEAD, SimContext, SimError, SimObject, bytes, utf8 } from './context';
import { SimRange } from './range';
import { SimTableCollection } from './table';
import { SimWorksheet } from './worksheet';

/** Excel's rules for a new sheet's name: 1 to 31 characters, none of : \ / ? * [ ], no apostrophe at either end. */
function checkSheetName(name: string): string {
  const length = [...name].length;
  if (length === 0 || length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new SimError('InvalidArgument', `The argument is invalid or missing or has an incorrect format (sheet name '${name}').`);
  }
  return name;
}

export class SimWorksheetCollection extends SimObject {
  protected readProp(prop: string): unknown {
    if (!prop.startsWith('items')) throw new SimError('PropertyNotFound', `WorksheetCollection has no property '${prop}'`);
    const sub = prop.split('/').slice(1);
    return this.ctx.model.sheets.map((s) => {
      const ws = new SimWorksheet(this.ctx, () => this.ctx.model.sheet(s.id) ?? null);
      ws.resolveLoad(sub.length ? sub : ['name', 'id']);
      return ws;
    });
  }
  get items(): SimWorksheet[] {
    return this.get('items');
  }
  getActiveWorksheet(): SimWorksheet {
    let id: string | undefined;
    return new SimWorksheet(this.ctx, () => this.ctx.model.sheet((id ??= this.ctx.model.activeSheetId)) ?? null);
  }
  getItem(key: string): SimWorksheet {
    return new SimWorksheet(this.ctx, () => {
      const s = this.ctx.model.sheet(key);
      if (!s) throw new SimError('ItemNotFound', `The worksheet '${key}' does not exist.`);
      return s;
    });
  }
  getItemOrNullObject(key: string): SimWorksheet {
    return new SimWorksheet(this.ctx, () => this.ctx.model.sheet(key) ?? null);
  }
  add(name: string): SimWorksheet {
    let created: SheetModel | null = null;
    this.ctx.enqueue({ bytes: OP_OVERHEAD + bytes(name), run: () => ((created = this.ctx.model.addSheet(checkSheetName(name))), 0) });
    return new SimWorksheet(this.ctx, () => created);
  }
}

export class SimSetting extends SimObject {
  constructor(
    ctx: SimContext,
    readonly key: string,
    private readonly nullable: boolean,
  ) {
    super(ctx);
  }
  protected override isNullAtSync(): boolean {
    return this.nullable && !this.ctx.model.settings.has(this.key);
  }
  protected readProp(prop: string): unknown {
    if (prop === 'value') return this.ctx.model.settings.get(this.key);
    if (prop === 'key') return this.key;
    throw new SimError('PropertyNotFound', `Setting has no property '${prop}' in this simulation`);
  }
  get value(): unknown {
    return this.get('value');
  }
}

/** Excel.SettingCollection: values are stored as JSON, as Excel does. */
export class SimSettingCollection {
  constructor(private readonly ctx: SimContext) {}
  add(key: string, value: unknown): SimSetting {
    const json = JSON.stringify(value);
    this.ctx.enqueue({ bytes: OP_OVERHEAD + bytes(key) + utf8(json ?? ''), run: () => (this.ctx.model.settings.set(key, JSON.parse(json)), 0) });
    return new SimSetting(this.ctx, key, false);
  }
  getItemOrNullObject(key: string): SimSetting {
    return new SimSetting(this.ctx, key, true);
  }
}

/** Excel.Application: a recalculation is counted (the simulation evaluates no formulas). */
export class SimApplication {
  constructor(private readonly ctx: SimContext) {}
  calculate(_type: string): void {
    this.ctx.enqueue({ bytes: OP_OVERHEAD, run: () => (this.ctx.model.calculations++, 0) });
  }
}

export class SimWorkbook {
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly settings: SimSettingCollection;
  readonly application: SimApplication;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new SimWorksheetCollection(ctx);
    this.tables = new SimTableCollection(ctx, () => ctx.model.tables);
    this.settings = new SimSettingCollection(ctx);
    this.application = new SimApplication(ctx);
  }
  getSelectedRange(): SimRange {
    let sel: WorkbookModel['selection'] | undefined;
    return new SimRange(this.ctx, () => {
      sel ??= { ...this.ctx.model.selection };
      const sheet = this.ctx.model.sheet(sel.sheetId);
      if (!sheet) throw new SimError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet, row: sel.row, col: sel.col, rows: sel.rows, cols: sel.cols };
    });
  }
}

/** Excel.run: the batch gets a fresh context; queued work left at the end is synced, as Office.js does. */
export function createExcel(model: WorkbookModel): { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>; CalculationType: Record<string, string> } {
  return {
    CalculationType: { recalculate: 'Recalculate', full: 'Full', fullRebuild: 'FullRebuild' },
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = new SimContext(model, (c) => new SimWorkbook(c));
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
}
