// The simulator's request context and proxy objects: the load/sync discipline every class shares.
// A property read before load() + context.sync() throws PropertyNotLoaded; every write is queued and applied at the
// next sync(); each sync's request and response are measured in bytes and one over the workbook's payload limit
// (5 MB, Excel on the web's) fails with RequestPayloadSizeLimitExceeded — a request over it applies nothing.
import type { SheetModel, WorkbookModel } from './model';

export class SimError extends Error {
  override readonly name = 'RichApi.Error';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notLoaded = (prop: string): SimError =>
  new SimError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );

export function utf8(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}
export const bytes = (v: unknown): number => utf8(JSON.stringify(v) ?? '');
/** What one queued command costs in the request besides its arguments. */
export const OP_OVERHEAD = 64;

/** A rectangle of cells, 0-based. */
export type Box = { row: number; col: number; rows: number; cols: number };
export type RangeRef = Box & { sheet: SheetModel };
export const boxOf = (r: Box): Box => ({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
export const overlaps = (a: Box, b: Box): boolean => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
export const sameBox = (a: Box, b: Box): boolean => a.row === b.row && a.col === b.col && a.rows === b.rows && a.cols === b.cols;

/** Excel refuses any change to a protected sheet. */
export function guardProtected(sheet: SheetModel): void {
  if (sheet.isProtected) {
    throw new SimError('AccessDenied', "The cell or chart that you're trying to change is protected and therefore read-only.");
  }
}

type Op = { bytes: number; run: () => number };

export class SimContext {
  // The workbook is created lazily so context.ts does not import the classes that import it.
  private book: unknown = null;
  private queue: Op[] = [];

  constructor(
    readonly model: WorkbookModel,
    private readonly makeWorkbook: (ctx: SimContext) => unknown,
  ) {}

  get workbook(): unknown {
    return (this.book ??= this.makeWorkbook(this));
  }

  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Queues a change applied at the next sync (`cost`: the request bytes of its arguments). */
  later(run: () => void, cost = 0): void {
    this.queue.push({ bytes: OP_OVERHEAD + cost, run: () => (run(), 0) });
  }

  enqueueLoad(target: SimObject, props: string[]): void {
    this.queue.push({ bytes: OP_OVERHEAD + bytes(props), run: () => target.resolveLoad(props) });
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
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

/** A write-only property pair for object literals: the setter queues, the getter throws PropertyNotLoaded. */
export function writeOnly<V>(name: string, set: (v: V) => void): { set: (v: V) => void; get: () => never; enumerable: true } {
  return {
    set,
    get: () => {
      throw notLoaded(name);
    },
    enumerable: true,
  };
}
