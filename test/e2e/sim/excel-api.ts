// A strict in-memory implementation of the Office.js Excel subset the add-in uses, typed against @types/office-js.
// Strict the way Excel is: a property read before load() + context.sync() throws PropertyNotLoaded; writes are
// queued until sync(); a values/numberFormat array of the wrong shape fails the sync with InvalidArgument; each
// sync's request and response are measured in bytes and one over 5 MB fails with RequestPayloadSizeLimitExceeded
// (and applies nothing). Strings written into General cells are converted like Excel does (numbers, ISO dates).
import type { ConditionalFormat, Scalar, SheetModel, TableModel, WorkbookModel } from './model';
import { columnLetter } from '../../../addin/office/a1';

export class SimError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const notLoaded = (prop: string): SimError =>
  new SimError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
const bytes = (v: unknown): number => utf8(JSON.stringify(v) ?? '');
const OP_OVERHEAD = 64;

type Op = { bytes: number; run: () => number };

/** Excel refuses any change to a protected sheet. */
function guardProtected(sheet: SheetModel): void {
  if (sheet.isProtected) {
    throw new SimError('AccessDenied', "The cell or chart that you're trying to change is protected and therefore read-only.");
  }
}

/** Excel.RangeValueType of a model cell. */
function valueType(sheet: SheetModel, r: number, c: number): string {
  if (sheet.errorCells.has(`${r},${c}`)) return 'Error';
  const v = sheet.get(r, c);
  return v === '' ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String';
}
type RangeRef = { sheet: SheetModel; row: number; col: number; rows: number; cols: number };

export class SimContext {
  readonly workbook: SimWorkbook;
  private queue: Op[] = [];
  private pendingLoads: { target: SimObject; props: string[] }[] = [];

  constructor(readonly model: WorkbookModel) {
    this.workbook = new SimWorkbook(this);
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  enqueueLoad(target: SimObject, props: string[]): void {
    this.pendingLoads.push({ target, props });
    this.queue.push({ bytes: OP_OVERHEAD + bytes(props), run: () => target.resolveLoad(props) });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    this.pendingLoads = [];
    const model = this.model;
    model.stats.syncs++;
    const request = queue.reduce((s, op) => s + op.bytes, 0);
    model.stats.totalRequestBytes += request;
    model.stats.maxRequestBytes = Math.max(model.stats.maxRequestBytes, request);
    if (request > model.payloadLimitBytes) {
      throw new SimError('RequestPayloadSizeLimitExceeded', `The request payload size has exceeded the limit (${request} > ${model.payloadLimitBytes} bytes).`);
    }
    let response = 0;
    try {
      for (const op of queue) response += op.run();
    } finally {
      model.stats.totalResponseBytes += response;
      model.stats.maxResponseBytes = Math.max(model.stats.maxResponseBytes, response);
      model.onChange?.();
    }
    if (response > model.payloadLimitBytes) {
      throw new SimError('RequestPayloadSizeLimitExceeded', `The response payload size has exceeded the limit (${response} > ${model.payloadLimitBytes} bytes).`);
    }
    await Promise.resolve();
  }
}

/** A proxy object: load() queues a read; properties are readable only after the sync that loads them. */
export abstract class SimObject {
  private readonly loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: SimContext) {}

  load(props?: string | string[] | { select?: string }): this {
    const list = (typeof props === 'string' ? props.split(',') : Array.isArray(props) ? props : props?.select ? props.select.split(',') : this.defaultProps())
      .map((p) => p.trim())
      .filter((p) => p !== '');
    this.ctx.enqueueLoad(this, list);
    return this;
  }

  protected defaultProps(): string[] {
    return [];
  }

  /** At sync: reads each property from the model; returns the response bytes. */
  resolveLoad(props: string[]): number {
    let n = 0;
    const isNull = this.isNullAtSync();
    this.loaded.set('isNullObject', isNull);
    if (isNull) return 16;
    for (const p of props) {
      const v = this.readProp(p);
      this.loaded.set(p.split('/')[0], v);
      n += bytes(p) + (p.startsWith('items') ? 0 : bytes(v));
    }
    return n;
  }

  protected isNullAtSync(): boolean {
    return false;
  }

  protected abstract readProp(prop: string): unknown;

  protected get<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  get isNullObject(): boolean {
    return this.get<boolean>('isNullObject');
  }
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
      case 'address':
        return `${quote(r.sheet.name)}!${a1(r.row, r.col, r.rows, r.cols)}`;
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
      const hit = r.sheet.merged.filter((m) => m.row < r.row + r.rows && r.row < m.row + m.rows && m.col < r.col + r.cols && r.col < m.col + m.cols);
      return hit.length === 0 ? null : hit.map((m) => ({ sheet: r.sheet, ...m }));
    });
  }

  /** Only 'Visible': the runs of rows not hidden, across the range's columns (null object when every row is hidden). */
  getSpecialCellsOrNullObject(cellType: string): SimRangeAreas {
    if (cellType !== 'Visible') throw new SimError('InvalidArgument', `getSpecialCells(${cellType}) is not simulated`);
    return new SimRangeAreas(this.ctx, () => {
      const r = this.resolve();
      const runs: RangeRef[] = [];
      for (let i = r.row; i < r.row + r.rows; i++) {
        if (r.sheet.hiddenRows.has(i)) continue;
        const last = runs[runs.length - 1];
        if (last && last.row + last.rows === i) last.rows++;
        else runs.push({ sheet: r.sheet, row: i, col: r.col, rows: 1, cols: r.cols });
      }
      return runs.length === 0 ? null : runs;
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

  getTables(fullyContained = false): SimTableCollection {
    return new SimTableCollection(this.ctx, () => {
      const r = this.resolve();
      return this.ctx.model.tables.filter((t) => {
        if (t.sheetId !== r.sheet.id) return false;
        const inter = t.row < r.row + r.rows && r.row < t.row + t.rows && t.col < r.col + r.cols && r.col < t.col + t.cols;
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
export abstract class SimItemCollection<T extends SimObject> extends SimObject {
  private loadedItems: T[] | null = null;
  protected abstract makeItems(): T[];
  protected abstract readonly defaultItemProps: string[];
  override resolveLoad(props: string[]): number {
    for (const p of props) if (!p.startsWith('items')) throw new SimError('PropertyNotFound', `${this.constructor.name} has no property '${p}'`);
    const sub = props.map((p) => p.split('/').slice(1).join('/')).filter((p) => p !== '');
    const items = this.makeItems();
    for (const item of items) item.resolveLoad(sub.length ? sub : this.defaultItemProps);
    this.loadedItems = items;
    return 16 + items.length * 32;
  }
  protected readProp(prop: string): unknown {
    throw new SimError('PropertyNotFound', `${this.constructor.name} has no property '${prop}'`);
  }
  get items(): T[] {
    if (this.loadedItems === null) throw notLoaded('items');
    return this.loadedItems;
  }
}

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

export class SimRangeFormat {
  readonly font: { bold: boolean; color: string };
  readonly fill: { color: string };
  constructor(
    private readonly ctx: SimContext,
    private readonly resolve: () => RangeRef,
  ) {
    const style = (apply: (s: { bold?: boolean; fill?: string; fontColor?: string }) => void): void =>
      this.ctx.enqueue({
        bytes: OP_OVERHEAD,
        run: () => {
          const r = this.resolve();
          guardProtected(r.sheet);
          for (let i = 0; i < Math.min(r.rows, 1000); i++)
            for (let j = 0; j < r.cols; j++) {
              const key = `${r.row + i},${r.col + j}`;
              const s = r.sheet.styled.get(key) ?? {};
              apply(s);
              r.sheet.styled.set(key, s);
            }
          return 0;
        },
      });
    this.font = {
      set bold(v: boolean) {
        style((s) => (s.bold = v));
      },
      get bold(): boolean {
        throw notLoaded('bold');
      },
      set color(v: string) {
        style((s) => (s.fontColor = v));
      },
      get color(): string {
        throw notLoaded('color');
      },
    };
    this.fill = {
      set color(v: string) {
        style((s) => (s.fill = v));
      },
      get color(): string {
        throw notLoaded('color');
      },
    };
  }

  set columnWidth(w: number) {
    this.ctx.enqueue({
      bytes: OP_OVERHEAD,
      run: () => {
        const r = this.resolve();
        guardProtected(r.sheet);
        for (let j = 0; j < r.cols; j++) r.sheet.columnWidths.set(r.col + j, w);
        return 0;
      },
    });
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }
}

export class SimConditionalFormats {
  constructor(
    private readonly ctx: SimContext,
    private readonly resolve: () => RangeRef,
  ) {}

  clearAll(): void {
    this.ctx.enqueue({
      bytes: OP_OVERHEAD,
      run: () => {
        const r = this.resolve();
        r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter(
          (f) => !(f.row < r.row + r.rows && r.row < f.row + f.rows && f.col < r.col + r.cols && r.col < f.col + f.cols),
        );
        return 0;
      },
    });
  }

  add(type: string): { textComparison: { format: { font: { color: string }; fill: { color: string } }; rule: { operator: string; text: string } } } {
    const record: ConditionalFormat = { row: 0, col: 0, rows: 0, cols: 0, rule: { type } };
    this.ctx.enqueue({
      bytes: OP_OVERHEAD,
      run: () => {
        const r = this.resolve();
        Object.assign(record, { row: r.row, col: r.col, rows: r.rows, cols: r.cols });
        r.sheet.conditionalFormats.push(record);
        return 0;
      },
    });
    const ctx = this.ctx;
    const later = (f: () => void): void => ctx.enqueue({ bytes: OP_OVERHEAD, run: () => (f(), 0) });
    return {
      textComparison: {
        format: {
          font: {
            set color(v: string) {
              later(() => (record.rule.fontColor = v));
            },
            get color(): string {
              throw notLoaded('color');
            },
          },
          fill: {
            set color(v: string) {
              later(() => (record.rule.fillColor = v));
            },
            get color(): string {
              throw notLoaded('color');
            },
          },
        },
        set rule(v: { operator: string; text: string }) {
          later(() => Object.assign(record.rule, { operator: v.operator, text: v.text }));
        },
        get rule(): { operator: string; text: string } {
          throw notLoaded('rule');
        },
      },
    };
  }
}

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
  constructor(
    ctx: SimContext,
    private readonly list: () => TableModel[],
  ) {
    super(ctx);
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
  readonly freezePanes: { freezeRows: (n?: number) => void; unfreeze: () => void };
  constructor(
    ctx: SimContext,
    private readonly find: () => SheetModel | null,
  ) {
    super(ctx);
    const sheetOp = (f: (s: SheetModel) => void): void => ctx.enqueue({ bytes: OP_OVERHEAD, run: () => (f(this.sheet()), 0) });
    this.freezePanes = {
      freezeRows: (n = 1) => sheetOp((s) => (s.frozenRows = n)),
      unfreeze: () => sheetOp((s) => (s.frozenRows = 0)),
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
    return new SimTableCollection(this.ctx, () => this.ctx.model.tables.filter((t) => t.sheetId === this.sheet().id));
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
  getRange(address: string): SimRange {
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
    this.ctx.enqueue({ bytes: OP_OVERHEAD + bytes(name), run: () => ((created = this.ctx.model.addSheet(name)), 0) });
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

export class SimWorkbook {
  readonly worksheets: SimWorksheetCollection;
  readonly tables: SimTableCollection;
  readonly settings: SimSettingCollection;
  constructor(private readonly ctx: SimContext) {
    this.worksheets = new SimWorksheetCollection(ctx);
    this.tables = new SimTableCollection(ctx, () => ctx.model.tables);
    this.settings = new SimSettingCollection(ctx);
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
export function createExcel(model: WorkbookModel): { run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T> } {
  return {
    async run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
      const ctx = new SimContext(model);
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx.pending > 0) await ctx.sync();
      return result;
    },
  };
}

function a1(row: number, col: number, rows: number, cols: number): string {
  const first = `${columnLetter(col)}${row + 1}`;
  return rows === 1 && cols === 1 ? first : `${first}:${columnLetter(col + cols - 1)}${row + rows}`;
}
function quote(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
function parseA1(address: string): Omit<RangeRef, 'sheet'> {
  const cell = (s: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(s.trim());
    if (!m) throw new SimError('InvalidArgument', `Invalid address ${address}`);
    const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const [a, b] = address.split('!').pop()!.split(':');
  const p = cell(a);
  const q = b ? cell(b) : p;
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}
