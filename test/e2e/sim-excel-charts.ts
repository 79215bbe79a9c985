// Extends the e2e simulated Excel (test/e2e/sim/excel-api.ts, owned by the add-in harness) with what the annual
// summary and the roster template use: sheet tables (add, rename, style, delete), charts, data validation,
// Range.clear, whole-sheet getRange(), autofitColumns. Installed by patching the sim's classes, so the harness only
// needs `import { installSimExtensions } from '../sim-excel-charts'; installSimExtensions();` in host/sim-entry.ts
// (before createHost/installOffice). In the host page it also draws charts over the grid for the screenshots.
// Extra model state lives on the shared SheetModel objects (both realms see it): sheet.charts, sheet.validations.
import { SimError, SimObject, SimRange, SimRangeFormat, SimTable, SimTableCollection, SimWorksheet } from './sim/excel-api';
import type { SimContext } from './sim/excel-api';
import type { SheetModel, TableModel, WorkbookModel } from './sim/model';

type Box = { row: number; col: number; rows: number; cols: number };
type RangeRef = Box & { sheet: SheetModel };

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
export type SheetExtras = { charts?: SimChartModel[]; validations?: SimValidation[]; tableStyles?: Record<string, string> };

const OP = 64;
const MAX_ROWS = 1_048_576;
const MAX_COLS = 16_384;
const INSTALLED = Symbol.for('ce.simExtensionsInstalled');

const extras = (s: SheetModel): SheetExtras => s as unknown as SheetExtras;
const chartsOf = (s: SheetModel): SimChartModel[] => (extras(s).charts ??= []);
const validationsOf = (s: SheetModel): SimValidation[] => (extras(s).validations ??= []);
const overlaps = (a: Box, b: Box): boolean => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;

function parseA1(address: string): Box {
  const cell = (s: string): { row: number; col: number } => {
    const m = /^\$?([A-Z]+)\$?(\d+)$/i.exec(s.trim());
    if (!m) throw new SimError('InvalidArgument', `Invalid address ${address}`);
    const col = m[1].toUpperCase().split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
    return { row: Number(m[2]) - 1, col };
  };
  const [a, b] = (address.split('!').pop() ?? '').split(':');
  const p = cell(a);
  const q = b ? cell(b) : p;
  return { row: Math.min(p.row, q.row), col: Math.min(p.col, q.col), rows: Math.abs(q.row - p.row) + 1, cols: Math.abs(q.col - p.col) + 1 };
}

// Access to the sim's protected context and range resolution, without editing its classes.
const ctxOf = (o: unknown): SimContext => (o as { ctx: SimContext }).ctx;
const refOf = (r: unknown): RangeRef => (r as { resolve: () => RangeRef }).resolve();
const sheetOf = (ws: unknown): SheetModel => (ws as { sheet: () => SheetModel }).sheet();
const findTable = (t: unknown): TableModel => (t as { find: () => TableModel }).find();
const later = (ctx: SimContext, run: () => void, bytes = OP): void => ctx.enqueue({ bytes, run: () => (run(), 0) });

class SimChart extends SimObject {
  constructor(
    ctx: SimContext,
    private readonly chart: () => { sheet: SheetModel; chart: SimChartModel },
  ) {
    super(ctx);
  }
  protected readProp(prop: string): unknown {
    const c = this.chart().chart;
    if (prop === 'name') return c.name;
    if (prop === 'id') return c.id;
    if (prop === 'chartType') return c.type;
    throw new SimError('PropertyNotFound', `Chart has no property '${prop}' in this simulation`);
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    later(this.ctx, () => {
      const { sheet, chart } = this.chart();
      const list = chartsOf(sheet);
      list.splice(list.indexOf(chart), 1);
    });
  }
}

class SimChartCollection extends SimObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected readProp(prop: string): unknown {
    if (!prop.startsWith('items')) throw new SimError('PropertyNotFound', `ChartCollection has no property '${prop}'`);
    const sub = prop.split('/').slice(1);
    const sheet = this.sheet();
    return chartsOf(sheet).map((c) => {
      const chart = new SimChart(this.ctx, () => ({ sheet, chart: c }));
      chart.resolveLoad(sub.length ? sub : ['name']);
      return chart;
    });
  }
  get items(): SimChart[] {
    return this.get('items');
  }
  add(type: string, source: SimRange, seriesBy = 'Auto'): unknown {
    const ctx = this.ctx;
    let made: { sheet: SheetModel; chart: SimChartModel } | null = null;
    const target = (): SimChartModel => {
      if (!made) throw new SimError('ItemNotFound', 'chart not created');
      return made.chart;
    };
    later(ctx, () => {
      const sheet = this.sheet();
      const ref = refOf(source);
      if (ref.sheet !== sheet) throw new SimError('InvalidArgument', 'chart source on another sheet');
      const list = chartsOf(sheet);
      const chart: SimChartModel = {
        id: `{chart-${list.length + 1}-${Date.now()}}`,
        name: `图表 ${list.length + 1}`,
        type,
        source: { row: ref.row, col: ref.col, rows: ref.rows, cols: ref.cols },
        seriesBy,
        title: '',
        legendVisible: true,
        seriesName: '',
        categories: null,
        valueAxis: {},
        position: null,
      };
      list.push(chart);
      made = { sheet, chart };
    });
    const set = (f: (c: SimChartModel) => void): void => later(ctx, () => f(target()));
    const series = {
      set name(v: string) {
        set((c) => (c.seriesName = v));
      },
      setXAxisValues(range: SimRange): void {
        later(ctx, () => {
          const r = refOf(range);
          target().categories = { row: r.row, col: r.col, rows: r.rows, cols: r.cols };
        });
      },
    };
    return {
      title: {
        set text(v: string) {
          set((c) => (c.title = v));
        },
      },
      legend: {
        set visible(v: boolean) {
          set((c) => (c.legendVisible = v));
        },
      },
      series: {
        getItemAt(i: number) {
          if (i !== 0) throw new SimError('InvalidArgument', 'the simulation has one series per chart');
          return series;
        },
      },
      axes: {
        valueAxis: {
          set numberFormat(v: string) {
            set((c) => (c.valueAxis.numberFormat = v));
          },
          set minimum(v: number) {
            set((c) => (c.valueAxis.minimum = v));
          },
          set maximum(v: number) {
            set((c) => (c.valueAxis.maximum = v));
          },
        },
      },
      setPosition(topLeft: string, bottomRight: string): void {
        set((c) => (c.position = { topLeft, bottomRight }));
      },
    };
  }
}

class SimSheetTableCollection extends SimTableCollection {
  constructor(
    ctx: SimContext,
    private readonly sheetFn: () => SheetModel,
  ) {
    super(ctx, () => ctx.model.tables.filter((t) => t.sheetId === sheetFn().id));
  }
  add(address: string, hasHeaders: boolean): SimTable {
    if (!hasHeaders) throw new SimError('InvalidArgument', 'the simulation only models tables with headers');
    const ctx = this.ctx;
    let made: TableModel | null = null;
    later(ctx, () => {
      const sheet = this.sheetFn();
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
    });
    return new SimTable(ctx, () => {
      if (!made) throw new SimError('ItemNotFound', 'table not created');
      return made;
    });
  }
}

/** Patches the sim's classes once per realm. */
export function installSimExtensions(): void {
  const g = globalThis as Record<symbol, boolean>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;

  const ws = SimWorksheet.prototype as unknown as Record<string, unknown>;
  const originalGetRange = SimWorksheet.prototype.getRange;
  ws.getRange = function getRange(this: SimWorksheet, address?: string): SimRange {
    if (address !== undefined) return originalGetRange.call(this, address);
    return new SimRange(ctxOf(this), () => ({ sheet: sheetOf(this), row: 0, col: 0, rows: MAX_ROWS, cols: MAX_COLS }));
  };
  Object.defineProperty(SimWorksheet.prototype, 'tables', {
    configurable: true,
    get(this: SimWorksheet) {
      return new SimSheetTableCollection(ctxOf(this), () => sheetOf(this));
    },
  });
  Object.defineProperty(SimWorksheet.prototype, 'charts', {
    configurable: true,
    get(this: SimWorksheet) {
      return new SimChartCollection(ctxOf(this), () => sheetOf(this));
    },
  });

  const nameGetter = Object.getOwnPropertyDescriptor(SimTable.prototype, 'name')?.get;
  Object.defineProperty(SimTable.prototype, 'name', {
    configurable: true,
    get(this: SimTable) {
      return nameGetter?.call(this);
    },
    set(this: SimTable, v: string) {
      const ctx = ctxOf(this);
      later(ctx, () => {
        const t = findTable(this);
        if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(v)) throw new SimError('InvalidArgument', `invalid table name ${v}`);
        if (ctx.model.tables.some((x) => x !== t && x.name.toLowerCase() === v.toLowerCase())) {
          throw new SimError('InvalidArgument', `A table named ${v} already exists.`);
        }
        t.name = v;
      });
    },
  });
  Object.defineProperty(SimTable.prototype, 'style', {
    configurable: true,
    set(this: SimTable, v: string) {
      later(ctxOf(this), () => {
        const t = findTable(this);
        const sheet = ctxOf(this).model.sheet(t.sheetId);
        if (sheet) (extras(sheet).tableStyles ??= {})[t.id] = v;
      });
    },
  });
  (SimTable.prototype as unknown as Record<string, unknown>).delete = function del(this: SimTable): void {
    const ctx = ctxOf(this);
    later(ctx, () => {
      const t = findTable(this);
      ctx.model.tables.splice(ctx.model.tables.indexOf(t), 1);
    });
  };

  const range = SimRange.prototype as unknown as Record<string, unknown>;
  range.clear = function clear(this: SimRange, applyTo = 'All'): void {
    later(ctxOf(this), () => {
      const r = refOf(this);
      const contents = applyTo === 'All' || applyTo === 'Contents';
      const formats = applyTo === 'All' || applyTo === 'Formats';
      const lastRow = Math.min(r.row + r.rows, Math.max(r.sheet.rows.length, r.sheet.formats.length));
      for (let i = r.row; i < lastRow; i++) {
        const row = r.sheet.rows[i];
        const fmt = r.sheet.formats[i];
        const lastCol = Math.min(r.col + r.cols, Math.max(row?.length ?? 0, fmt?.length ?? 0));
        for (let j = r.col; j < lastCol; j++) {
          if (contents && row && j < row.length) row[j] = '';
          if (formats && fmt && j < fmt.length) fmt[j] = '';
          if (formats) r.sheet.styled.delete(`${i},${j}`);
        }
      }
    });
  };
  Object.defineProperty(SimRange.prototype, 'dataValidation', {
    configurable: true,
    get(this: SimRange) {
      const ctx = ctxOf(this);
      const self = this;
      const record = (f: (v: SimValidation) => void): void =>
        later(ctx, () => {
          const r = refOf(self);
          const list = validationsOf(r.sheet);
          let v = list.find((x) => x.box.row === r.row && x.box.col === r.col && x.box.rows === r.rows && x.box.cols === r.cols);
          if (!v) {
            v = { box: { row: r.row, col: r.col, rows: r.rows, cols: r.cols } };
            list.push(v);
          }
          f(v);
        });
      return {
        clear(): void {
          later(ctx, () => {
            const r = refOf(self);
            const s = extras(r.sheet);
            s.validations = validationsOf(r.sheet).filter((v) => !overlaps(v.box, r));
          });
        },
        set rule(v: unknown) {
          record((x) => (x.rule = v));
        },
        set prompt(v: SimValidation['prompt']) {
          if (v && (Array.from(v.title).length > 32 || Array.from(v.message).length > 255)) {
            throw new SimError('InvalidArgument', 'data validation prompt too long (title ≤ 32, message ≤ 255)');
          }
          record((x) => (x.prompt = v));
        },
        set errorAlert(v: SimValidation['errorAlert']) {
          record((x) => (x.errorAlert = v));
        },
        set ignoreBlanks(v: boolean) {
          record((x) => (x.ignoreBlanks = v));
        },
      };
    },
  });
  (SimRangeFormat.prototype as unknown as Record<string, unknown>).autofitColumns = function autofit(this: SimRangeFormat): void {
    const self = this as unknown as { ctx: SimContext; resolve: () => RangeRef };
    later(self.ctx, () => {
      const r = self.resolve();
      for (let j = r.col; j < r.col + r.cols; j++) {
        let width = 48;
        for (let i = r.row; i < Math.min(r.row + r.rows, r.row + 2000); i++) {
          const text = String(r.sheet.get(i, j));
          const w = Array.from(text).reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 12 : 7), 10);
          width = Math.max(width, Math.min(w, 240));
        }
        r.sheet.columnWidths.set(j, width);
      }
    });
  };

  installChartRendering();
}

/** Draws the active sheet's charts (clustered columns) over the host page's grid. */
export function renderSimCharts(root: HTMLElement, model: WorkbookModel): void {
  const sheet = model.sheets.find((s) => s.id === model.activeSheetId);
  root.querySelectorAll('.sim-chart').forEach((e) => e.remove());
  const wrap = root.querySelector<HTMLElement>('.grid-wrap');
  const table = root.querySelector<HTMLTableElement>('table.grid');
  if (!sheet || !wrap || !table) return;
  wrap.style.position = 'relative';
  const doc = root.ownerDocument;
  for (const c of chartsOf(sheet)) {
    const at = c.position ? parseA1(`${c.position.topLeft}:${c.position.bottomRight}`) : { row: 1, col: 10, rows: 16, cols: 8 };
    const cellAt = (row: number, col: number): HTMLElement | null =>
      table.querySelector<HTMLElement>(`tbody tr:nth-child(${row + 1}) td:nth-child(${col + 2})`);
    // The grid draws only the used columns: a chart placed further right goes just right of the grid.
    const tl = cellAt(at.row, at.col);
    const rowCell = cellAt(at.row, 0);
    const left = tl ? tl.offsetLeft : table.offsetWidth + 12;
    const top = tl ? tl.offsetTop : rowCell ? rowCell.offsetTop : 40;
    const values = sheet.block(c.source.row, c.source.col, c.source.rows, 1).map((r) => (typeof r[0] === 'number' ? r[0] : 0));
    const labels = c.categories
      ? sheet.block(c.categories.row, c.categories.col, c.categories.rows, c.categories.cols).map((r) => r.filter((x) => x !== '').join(' / '))
      : values.map((_, i) => String(i + 1));
    const max = c.valueAxis.maximum ?? Math.max(1, ...values);
    const width = 420;
    const height = 260;
    const plotH = 160;
    const barW = Math.max(8, Math.min(48, (width - 60) / Math.max(1, values.length) - 12));
    const pct = (v: number): string => (c.valueAxis.numberFormat?.includes('%') ? `${Math.round(v * 100)}%` : String(v));
    let bars = '';
    values.forEach((v, i) => {
      const h = Math.max(0, (v / max) * plotH);
      const x = 50 + i * (barW + 12);
      bars += `<rect x="${x}" y="${30 + plotH - h}" width="${barW}" height="${h}" fill="#4472c4"></rect>`;
      bars += `<text x="${x + barW / 2}" y="${26 + plotH - h}" font-size="10" text-anchor="middle">${pct(v)}</text>`;
      bars += `<text x="${x + barW / 2}" y="${46 + plotH}" font-size="9" text-anchor="end" transform="rotate(-30 ${x + barW / 2} ${46 + plotH})">${labels[i] ?? ''}</text>`;
    });
    const el = doc.createElement('div');
    el.className = 'sim-chart';
    el.dataset.chartType = c.type;
    el.style.cssText = `position:absolute;left:${left}px;top:${top}px;width:${width}px;height:${height}px;background:#fff;border:1px solid #bfbfbf;box-shadow:0 1px 3px rgba(0,0,0,.2);z-index:2;`;
    el.innerHTML =
      `<svg width="${width}" height="${height}" xmlns="http://www.w3.org/2000/svg">` +
      `<text x="${width / 2}" y="18" font-size="13" text-anchor="middle">${c.title}</text>` +
      `<line x1="45" y1="${30 + plotH}" x2="${width - 10}" y2="${30 + plotH}" stroke="#999"></line>` +
      `<line x1="45" y1="30" x2="45" y2="${30 + plotH}" stroke="#999"></line>` +
      `<text x="40" y="34" font-size="9" text-anchor="end">${pct(max)}</text>` +
      `<text x="40" y="${34 + plotH}" font-size="9" text-anchor="end">${pct(c.valueAxis.minimum ?? 0)}</text>` +
      `${bars}</svg>`;
    wrap.appendChild(el);
  }
}

/** In the host page (window.__ceSim), wraps its render() so charts are drawn after each grid render. */
function installChartRendering(): void {
  if (typeof window === 'undefined' || typeof document === 'undefined') return;
  type Host = { model: WorkbookModel; render: () => void };
  const tryWrap = (): boolean => {
    const host = (window as unknown as { __ceSim?: Host }).__ceSim;
    if (!host) return false;
    const render = host.render.bind(host);
    host.render = () => {
      render();
      const grid = document.getElementById('grid');
      if (grid) renderSimCharts(grid, host.model);
    };
    return true;
  };
  if (window.parent !== window) return; // the task pane realm draws nothing
  if (!tryWrap()) setTimeout(tryWrap, 0);
}
