// A small Excel workbook for unit tests, built on office-addin-mock's OfficeMockObject (load/sync discipline for
// the properties a test seeds) plus plain collections. Records cells, number formats, tables, charts, validation.
import { OfficeMockObject } from 'office-addin-mock';
import { columnLetter } from '../../addin/office/a1';

export type Cell = string | number | boolean | null;
type Rect = { r0: number; c0: number; r1: number; c1: number };

export type ChartRecord = {
  type: string;
  sourceAddress: string;
  seriesBy: string;
  title: { text?: string };
  legend: { visible?: boolean };
  seriesName?: string;
  xAxisAddress?: string;
  valueAxis: { numberFormat?: string; minimum?: number; maximum?: number };
  position?: [string, string];
  deleted: boolean;
};
export type TableRecord = { address: string; hasHeaders: boolean; name: string; style?: string; deleted: boolean };
export type ValidationRecord = {
  rule?: unknown;
  prompt?: { showPrompt: boolean; title: string; message: string };
  errorAlert?: { showAlert: boolean; style: string; title: string; message: string };
  ignoreBlanks?: boolean;
};

export class FakeSheet {
  readonly cells = new Map<string, Cell>();
  readonly formats = new Map<string, string>();
  readonly bold = new Set<string>();
  readonly tables: TableRecord[] = [];
  readonly charts: ChartRecord[] = [];
  readonly validations = new Map<string, ValidationRecord>();
  frozenRows = 0;
  clears = 0;
  constructor(
    readonly id: string,
    public name: string,
  ) {}
  get(r: number, c: number): Cell {
    return this.cells.get(`${r},${c}`) ?? null;
  }
  set(r: number, c: number, v: Cell): void {
    if (v === null || v === '') this.cells.delete(`${r},${c}`);
    else this.cells.set(`${r},${c}`, v);
  }
  /** Values of an A1 range, '' for empty cells. */
  read(address: string): Cell[][] {
    const a = parseAddress(address);
    const out: Cell[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: Cell[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(this.get(r, c) ?? '');
      out.push(row);
    }
    return out;
  }
  format(address: string): string[][] {
    const a = parseAddress(address);
    const out: string[][] = [];
    for (let r = a.r0; r <= a.r1; r++) {
      const row: string[] = [];
      for (let c = a.c0; c <= a.c1; c++) row.push(this.formats.get(`${r},${c}`) ?? 'General');
      out.push(row);
    }
    return out;
  }
  used(): Rect | null {
    let rect: Rect | null = null;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(',').map(Number);
      rect = rect ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }
  liveTables(): TableRecord[] {
    return this.tables.filter((t) => !t.deleted);
  }
  liveCharts(): ChartRecord[] {
    return this.charts.filter((c) => !c.deleted);
  }
}

/** Where a fake range keeps its address for the fake's own use (the loadable `address` needs load + sync). */
const FAKE_ADDRESS = '__fakeAddress';
const addressOf = (range: unknown): string => String((range as Record<string, unknown>)[FAKE_ADDRESS]);

function colIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
export function parseAddress(address: string): Rect {
  const parts = address.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const one = (p: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(p);
    if (!m) throw new Error(`bad address ${address}`);
    return [Number(m[2]) - 1, colIndex(m[1])];
  };
  const [r0, c0] = one(parts[0]);
  const [r1, c1] = parts[1] ? one(parts[1]) : [r0, c0];
  return { r0, c0, r1, c1 };
}
export function toAddress(rect: Rect): string {
  const a = `${columnLetter(rect.c0)}${rect.r0 + 1}`;
  const b = `${columnLetter(rect.c1)}${rect.r1 + 1}`;
  return a === b ? a : `${a}:${b}`;
}

export type FakeWorkbookLog = { syncs: number; addedSheets: string[]; activated: string[] };

export class FakeExcel {
  readonly sheets: FakeSheet[] = [];
  activeId: string;
  readonly log: FakeWorkbookLog = { syncs: 0, addedSheets: [], activated: [] };
  private mocks: OfficeMockObject[] = [];
  private onSync: (() => void)[] = [];
  private nextId = 1;

  constructor(sheets: { name: string; rows: Cell[][] }[]) {
    for (const s of sheets) {
      const sheet = this.addSheet(s.name);
      s.rows.forEach((row, r) => row.forEach((v, c) => sheet.set(r, c, v)));
    }
    this.activeId = this.sheets[0].id;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private addSheet(name: string): FakeSheet {
    const s = new FakeSheet(`sheet${this.nextId++}`, name);
    this.sheets.push(s);
    return s;
  }

  private track<T extends OfficeMockObject>(m: T): T {
    this.mocks.push(m);
    return m;
  }

  private rangeMock(sheet: FakeSheet, rect: Rect | null): OfficeMockObject {
    const whole = rect === null;
    const address = whole ? 'A1:XFD1048576' : toAddress(rect);
    const r = rect ?? { r0: 0, c0: 0, r1: 1048575, c1: 16383 };
    const rows = r.r1 - r.r0 + 1;
    const cols = r.c1 - r.c0 + 1;
    // Seeded (loadable) properties: they need load() + sync() before they can be read, as in Office.js.
    const m = this.track(
      new OfficeMockObject({
        address,
        rowIndex: r.r0,
        columnIndex: r.c0,
        rowCount: rows,
        columnCount: cols,
      }),
    );
    const checkShape = (v: unknown[][], what: string): void => {
      if (!Array.isArray(v) || v.length !== rows || v.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new Error(`${what} of ${address} must be ${rows}×${cols}`);
      }
    };
    const self = m as unknown as Record<string, unknown>;
    self[FAKE_ADDRESS] = address;
    // values: readable only after load('values') and a sync, like Office.js; writes go to the sheet at once.
    const valuesState = { requested: false, ready: false };
    const seededLoad = m.load.bind(m);
    self.load = (props: string | string[]) => {
      const list = (Array.isArray(props) ? props : props.split(',')).map((p) => p.trim());
      if (list.includes('values') || list.includes('valueTypes')) {
        valuesState.requested = true;
        this.onSync.push(() => void (valuesState.ready = true));
      }
      const rest = list.filter((p) => p !== 'values' && p !== 'valueTypes');
      if (rest.length > 0) seededLoad(rest);
      return m;
    };
    Object.defineProperty(self, 'values', {
      configurable: true,
      get: () => {
        if (!valuesState.ready) throw new Error(`fake: ${address}.values read without load('values') + sync()`);
        return whole ? [] : sheet.read(address);
      },
      set: (v: Cell[][]) => {
        checkShape(v, 'values');
        v.forEach((row, i) => row.forEach((val, j) => sheet.set(r.r0 + i, r.c0 + j, val)));
      },
    });
    Object.defineProperty(self, 'valueTypes', {
      configurable: true,
      get: () => {
        if (!valuesState.ready) throw new Error(`fake: ${address}.valueTypes read without load('valueTypes') + sync()`);
        return (whole ? [] : sheet.read(address)).map((row) => row.map((v) => (v === '' || v === null ? 'Empty' : typeof v === 'number' ? 'Double' : typeof v === 'boolean' ? 'Boolean' : 'String')));
      },
    });
    // nothing merged; every row visible
    self.getMergedAreasOrNullObject = () => ({ isNullObject: true, load: () => undefined });
    self.getSpecialCellsOrNullObject = () => {
      const areas = { items: [{ rowIndex: r.r0, rowCount: rows }], load: () => areas };
      return { isNullObject: false, load: () => undefined, areas };
    };
    Object.defineProperty(self, 'numberFormat', {
      configurable: true,
      get: () => sheet.format(address),
      set: (v: string[][]) => {
        checkShape(v, 'numberFormat');
        v.forEach((row, i) => row.forEach((f, j) => sheet.formats.set(`${r.r0 + i},${r.c0 + j}`, f)));
      },
    });
    const font = {} as { bold?: boolean; size?: number };
    Object.defineProperty(font, 'bold', {
      set: (b: boolean) => {
        for (let i = r.r0; i <= r.r1; i++) for (let j = r.c0; j <= r.c1; j++) if (b) sheet.bold.add(`${i},${j}`);
      },
      get: () => sheet.bold.has(`${r.r0},${r.c0}`),
    });
    self.format = { font, autofitColumns: () => undefined };
    const dv: ValidationRecord & { clear: () => void } = {
      clear: () => {
        if (whole) sheet.validations.clear();
        else sheet.validations.delete(address);
      },
    };
    for (const key of ['rule', 'prompt', 'errorAlert', 'ignoreBlanks'] as const) {
      Object.defineProperty(dv, key, {
        set: (v: unknown) => {
          const rec = sheet.validations.get(address) ?? {};
          (rec as Record<string, unknown>)[key] = v;
          sheet.validations.set(address, rec);
        },
        get: () => sheet.validations.get(address)?.[key],
      });
    }
    self.dataValidation = dv;
    self.clear = (applyTo?: string) => {
      if (!whole) throw new Error('fake: only whole-sheet clear is modelled');
      if (applyTo !== undefined && applyTo !== 'All') throw new Error(`fake: clear(${applyTo}) not modelled`);
      sheet.cells.clear();
      sheet.formats.clear();
      sheet.bold.clear();
      sheet.clears++;
    };
    return m;
  }

  private tablesCollection(filter: () => TableRecord[], sheet: FakeSheet | null): Record<string, unknown> {
    return {
      load: () => undefined,
      get items() {
        return filter().map((t) => ({
          name: t.name,
          showHeaders: t.hasHeaders,
          showTotals: false,
          getRange: () => {
            const rect = parseAddress(t.address);
            return { rowIndex: rect.r0, columnIndex: rect.c0, rowCount: rect.r1 - rect.r0 + 1, columnCount: rect.c1 - rect.c0 + 1, load() { return this; } };
          },
          delete: () => void (t.deleted = true),
        }));
      },
      add: (address: string, hasHeaders: boolean) => {
        if (!sheet) throw new Error('fake: add a table through a worksheet');
        const rect = parseAddress(address);
        const clash = sheet.liveTables().find((t) => {
          const o = parseAddress(t.address);
          return !(o.r1 < rect.r0 || rect.r1 < o.r0 || o.c1 < rect.c0 || rect.c1 < o.c0);
        });
        if (clash) throw new Error(`fake: table ${address} overlaps ${clash.name}`);
        const rec: TableRecord = { address, hasHeaders, name: `Table${sheet.tables.length + 1}`, deleted: false };
        const taken = (n: string) => this.sheets.flatMap((s) => s.liveTables()).some((t) => t !== rec && t.name.toLowerCase() === n.toLowerCase());
        sheet.tables.push(rec);
        const api = {};
        Object.defineProperty(api, 'name', {
          get: () => rec.name,
          set: (n: string) => {
            if (taken(n)) throw new Error(`fake: table name ${n} is taken`);
            rec.name = n;
          },
        });
        Object.defineProperty(api, 'style', { get: () => rec.style, set: (s: string) => void (rec.style = s) });
        return api;
      },
    };
  }

  private chartsCollection(sheet: FakeSheet): Record<string, unknown> {
    return {
      load: () => undefined,
      get items() {
        return sheet.liveCharts().map((c) => ({ name: c.title.text ?? '', delete: () => void (c.deleted = true) }));
      },
      add: (type: string, source: unknown, seriesBy: string) => {
        const rec: ChartRecord = { type, sourceAddress: addressOf(source), seriesBy, title: {}, legend: {}, valueAxis: {}, deleted: false };
        sheet.charts.push(rec);
        const series = {
          setXAxisValues: (range: unknown) => void (rec.xAxisAddress = addressOf(range)),
        };
        Object.defineProperty(series, 'name', { set: (n: string) => void (rec.seriesName = n), get: () => rec.seriesName });
        return {
          title: rec.title,
          legend: rec.legend,
          axes: { valueAxis: rec.valueAxis },
          series: { getItemAt: (i: number) => (i === 0 ? series : (() => { throw new Error('fake: one series'); })()) },
          setPosition: (a: string, b: string) => void (rec.position = [a, b]),
        };
      },
    };
  }

  private sheetMock(sheet: FakeSheet, isNull = false): OfficeMockObject {
    const m = this.track(new OfficeMockObject({ id: sheet.id, name: sheet.name }));
    const self = m as unknown as Record<string, unknown>;
    self.isNullObject = isNull;
    self.getRange = (address?: string) => this.rangeMock(sheet, address ? parseAddress(address) : null);
    self.getRangeByIndexes = (r: number, c: number, nr: number, nc: number) => this.rangeMock(sheet, { r0: r, c0: c, r1: r + nr - 1, c1: c + nc - 1 });
    self.getUsedRangeOrNullObject = () => {
      const used = sheet.used();
      if (!used) {
        const nullRange = this.track(new OfficeMockObject({ rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }));
        (nullRange as unknown as Record<string, unknown>).isNullObject = true;
        return nullRange;
      }
      const range = this.rangeMock(sheet, used);
      (range as unknown as Record<string, unknown>).isNullObject = false;
      return range;
    };
    self.activate = () => {
      this.activeId = sheet.id;
      this.log.activated.push(sheet.name);
    };
    self.tables = this.tablesCollection(() => sheet.liveTables(), sheet);
    self.protection = { protected: false, load: () => undefined };
    self.charts = this.chartsCollection(sheet);
    self.freezePanes = {
      freezeRows: (n: number) => void (sheet.frozenRows = n),
      unfreeze: () => void (sheet.frozenRows = 0),
    };
    return m;
  }

  /** The global `Excel` (Excel.run) for the code under test. */
  excelGlobal(): OfficeMockObject {
    const worksheets = {
      getActiveWorksheet: () => this.sheetMock(this.sheets.find((s) => s.id === this.activeId) as FakeSheet),
      getItem: (key: string) => {
        const s = this.sheets.find((x) => x.id === key || x.name === key);
        if (!s) throw new Error(`fake: no sheet ${key}`);
        return this.sheetMock(s);
      },
      getItemOrNullObject: (name: string) => {
        const s = this.sheets.find((x) => x.name === name);
        if (s) return this.sheetMock(s);
        const m = this.track(new OfficeMockObject({ name: '' }));
        (m as unknown as Record<string, unknown>).isNullObject = true;
        return m;
      },
      add: (name: string) => {
        if (this.sheet(name)) throw new Error(`fake: sheet ${name} exists`);
        this.log.addedSheets.push(name);
        return this.sheetMock(this.addSheet(name));
      },
    };
    const workbook = {
      worksheets,
      tables: this.tablesCollection(() => this.sheets.flatMap((s) => s.liveTables()), null),
      getSelectedRange: () => ({ rowIndex: 0, columnIndex: 0, rowCount: 1, columnCount: 1, load: () => undefined, getTables: () => ({ load: () => undefined, items: [] }) }),
      settings: { getItemOrNullObject: () => ({ isNullObject: true, load: () => undefined }), add: () => undefined },
    };
    const context = new OfficeMockObject({});
    const ctx = context as unknown as Record<string, unknown>;
    ctx.workbook = workbook;
    ctx.sync = async () => {
      this.log.syncs++;
      for (const m of this.mocks) await m.sync();
      const hooks = this.onSync;
      this.onSync = [];
      for (const h of hooks) h();
    };
    return new OfficeMockObject({ run: async (cb: (c: unknown) => Promise<unknown>) => cb(context) });
  }
}
