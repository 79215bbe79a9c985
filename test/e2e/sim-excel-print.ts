// Extends the e2e simulated Excel (test/e2e/sim/excel-api.ts) with what printable sheets use: merged cells, cell
// borders, wrap and alignment, row heights and the worksheet's pageLayout (paper, orientation, zoom/fit to pages,
// margins, centring, print area, print titles). Install after installSimExtensions() (sim-excel-charts.ts): it wraps
// Range.clear so clearing formats also drops merges, borders and these styles. State lives on the shared SheetModel
// objects (SheetPrintExtras), so both realms and the tests see it. In the host page, window.__cePrintPreview(name)
// draws the sheet's print area on a simulated A4 page, scaled as the page layout says, for screenshots.
import { SimRange, SimRangeFormat, SimWorksheet } from './sim/excel-api';
import type { SimContext } from './sim/excel-api';
import type { SheetModel, WorkbookModel } from './sim/model';
import { columnLetter, parseAddress as parseA1 } from '../../addin/office/a1';
import type { CellArea } from '../../shared/roster/types';

const boxOfArea = (a: CellArea): { row: number; col: number; rows: number; cols: number } => ({ row: a.row, col: a.col, rows: a.rowCount, cols: a.columnCount });

type Box = { row: number; col: number; rows: number; cols: number };
type RangeRef = Box & { sheet: SheetModel };

export type SimBorder = { box: Box; edge: string; style?: string; weight?: string; color?: string };
export type SimCellLayoutStyle = { wrap?: boolean; horizontal?: string; vertical?: string };
export type SimPageLayout = {
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
export type SheetPrintExtras = {
  merges?: Box[];
  borders?: SimBorder[];
  cellStyles?: Record<string, SimCellLayoutStyle>;
  rowHeights?: Record<number, number>;
  pageLayout?: SimPageLayout;
};

const OP = 64;
const INSTALLED = Symbol.for('ce.simPrintExtensionsInstalled');
const EDGES = new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp']);

const px = (s: SheetModel): SheetPrintExtras => s as unknown as SheetPrintExtras;
const overlaps = (a: Box, b: Box): boolean => a.row < b.row + b.rows && b.row < a.row + a.rows && a.col < b.col + b.cols && b.col < a.col + a.cols;
const ctxOf = (o: unknown): SimContext => (o as { ctx: SimContext }).ctx;
const refOf = (r: unknown): RangeRef => (r as { resolve: () => RangeRef }).resolve();
const sheetOf = (ws: unknown): SheetModel => (ws as { sheet: () => SheetModel }).sheet();
const later = (ctx: SimContext, run: () => void): void => ctx.enqueue({ bytes: OP, run: () => (run(), 0) });
const boxOf = (r: RangeRef): Box => ({ row: r.row, col: r.col, rows: r.rows, cols: r.cols });
/** Cell styles are recorded for at most this many rows of a range (a whole-column format stays cheap). */
const STYLE_ROWS = 5000;

function styleCells(r: RangeRef, f: (s: SimCellLayoutStyle) => void): void {
  const styles = (px(r.sheet).cellStyles ??= {});
  for (let i = r.row; i < r.row + Math.min(r.rows, STYLE_ROWS); i++)
    for (let j = r.col; j < r.col + Math.min(r.cols, 200); j++) f((styles[`${i},${j}`] ??= {}));
}

/** Patches the sim's classes once per realm. */
export function installSimPrintExtensions(): void {
  const g = globalThis as Record<symbol, boolean>;
  if (g[INSTALLED]) return;
  g[INSTALLED] = true;

  const range = SimRange.prototype as unknown as Record<string, unknown>;
  range.merge = function merge(this: SimRange, across = false): void {
    later(ctxOf(this), () => {
      const r = refOf(this);
      const list = (px(r.sheet).merges ??= []);
      const boxes = across ? Array.from({ length: r.rows }, (_, i) => ({ row: r.row + i, col: r.col, rows: 1, cols: r.cols })) : [boxOf(r)];
      for (const b of boxes) {
        if (b.rows * b.cols === 1) continue;
        for (let i = list.length - 1; i >= 0; i--) if (overlaps(list[i], b)) list.splice(i, 1);
        list.push(b);
      }
    });
  };
  range.unmerge = function unmerge(this: SimRange): void {
    later(ctxOf(this), () => {
      const r = refOf(this);
      const s = px(r.sheet);
      s.merges = (s.merges ?? []).filter((m) => !overlaps(m, r));
    });
  };
  const clear = range.clear as ((this: SimRange, applyTo?: string) => void) | undefined;
  if (!clear) throw new Error('install sim-excel-charts (installSimExtensions) before the print extensions');
  range.clear = function clearAlso(this: SimRange, applyTo = 'All'): void {
    clear.call(this, applyTo);
    if (applyTo !== 'All' && applyTo !== 'Formats') return;
    later(ctxOf(this), () => {
      const r = refOf(this);
      const s = px(r.sheet);
      s.merges = (s.merges ?? []).filter((m) => !overlaps(m, r));
      s.borders = (s.borders ?? []).filter((b) => !overlaps(b.box, r));
      for (const key of Object.keys(s.cellStyles ?? {})) {
        const [i, j] = key.split(',').map(Number);
        if (overlaps({ row: i, col: j, rows: 1, cols: 1 }, r)) delete s.cellStyles?.[key];
      }
      for (const key of Object.keys(s.rowHeights ?? {})) {
        if (Number(key) >= r.row && Number(key) < r.row + r.rows && r.cols >= 16_384) delete s.rowHeights?.[Number(key)];
      }
    });
  };

  const fmt = SimRangeFormat.prototype;
  const resolveOf = (f: SimRangeFormat): RangeRef => (f as unknown as { resolve: () => RangeRef }).resolve();
  const setter = (name: string, apply: (r: RangeRef, v: never) => void): void => {
    Object.defineProperty(fmt, name, {
      configurable: true,
      set(this: SimRangeFormat, v: never) {
        later(ctxOf(this), () => apply(resolveOf(this), v));
      },
      get() {
        throw new Error(`The property '${name}' is not available in this simulation until loaded.`);
      },
    });
  };
  setter('wrapText', (r, v: boolean) => styleCells(r, (s) => (s.wrap = v)));
  setter('horizontalAlignment', (r, v: string) => styleCells(r, (s) => (s.horizontal = v)));
  setter('verticalAlignment', (r, v: string) => styleCells(r, (s) => (s.vertical = v)));
  setter('rowHeight', (r, v: number) => {
    const h = (px(r.sheet).rowHeights ??= {});
    for (let i = r.row; i < r.row + Math.min(r.rows, STYLE_ROWS); i++) h[i] = v;
  });
  Object.defineProperty(fmt, 'borders', {
    configurable: true,
    get(this: SimRangeFormat) {
      const self = this;
      return {
        getItem(edge: string) {
          if (!EDGES.has(edge)) throw new Error(`InvalidArgument: border index ${edge}`);
          const set = (key: 'style' | 'weight' | 'color', v: string): void =>
            later(ctxOf(self), () => {
              const r = resolveOf(self);
              const list = (px(r.sheet).borders ??= []);
              let b = list.find((x) => x.edge === edge && x.box.row === r.row && x.box.col === r.col && x.box.rows === r.rows && x.box.cols === r.cols);
              if (!b) list.push((b = { box: boxOf(r), edge }));
              b[key] = v;
            });
          return {
            set style(v: string) {
              set('style', v);
            },
            set weight(v: string) {
              set('weight', v);
            },
            set color(v: string) {
              set('color', v);
            },
          };
        },
      };
    },
  });

  Object.defineProperty(SimWorksheet.prototype, 'pageLayout', {
    configurable: true,
    get(this: SimWorksheet) {
      const ctx = ctxOf(this);
      const ws = this;
      const put = (f: (p: SimPageLayout) => void): void => later(ctx, () => f((px(sheetOf(ws)).pageLayout ??= {})));
      const address = (v: string | SimRange): string => {
        if (typeof v === 'string') {
          parseA1(v.replace(/\$/g, ''));
          return v;
        }
        const r = refOf(v);
        return `${columnLetter(r.col)}${r.row + 1}:${columnLetter(r.col + r.cols - 1)}${r.row + r.rows}`;
      };
      const prop = (key: keyof SimPageLayout) => ({
        set(v: never) {
          put((p) => ((p as Record<string, unknown>)[key] = v));
        },
        get() {
          throw new Error(`The property '${String(key)}' is not available in this simulation until loaded.`);
        },
      });
      const layout = {
        setPrintArea(v: string | SimRange) {
          const a = address(v);
          put((p) => (p.printArea = a));
        },
        setPrintTitleRows(v: string | SimRange) {
          const a = typeof v === 'string' ? v : address(v).replace(/[A-Z]+/g, '$');
          put((p) => (p.printTitleRows = a));
        },
      };
      for (const key of ['paperSize', 'orientation', 'zoom', 'topMargin', 'bottomMargin', 'leftMargin', 'rightMargin', 'centerHorizontally', 'centerVertically'] as const) {
        Object.defineProperty(layout, key, { enumerable: true, ...prop(key) });
      }
      return layout;
    },
  });

  installPreviewHook();
}

// ---- print preview (host page only) ----

const A4_PX = { width: 794, height: 1123 }; // 210 × 297 mm at 96 dpi
const DEFAULT_ROW_PT = 15;
const charsToPx = (w: number): number => Math.round(w * 7 + 5);

/** How the print area fits a page: the scale (fit to pages wide × tall, at most 100%) and the page count. */
export function previewScale(sheet: SheetModel, widthsPx: number[], heightsPx: number[]): { scale: number; pages: number; page: { width: number; height: number } } {
  const p = px(sheet).pageLayout ?? {};
  const landscape = p.orientation === 'Landscape';
  const page = landscape ? { width: A4_PX.height, height: A4_PX.width } : A4_PX;
  const inner = {
    width: page.width - ((p.leftMargin ?? 51) + (p.rightMargin ?? 51)) * (96 / 72),
    height: page.height - ((p.topMargin ?? 54) + (p.bottomMargin ?? 54)) * (96 / 72),
  };
  const w = widthsPx.reduce((a, b) => a + b, 0);
  const h = heightsPx.reduce((a, b) => a + b, 0);
  const wide = p.zoom?.horizontalFitToPages;
  const tall = p.zoom?.verticalFitToPages;
  let scale = (p.zoom?.scale ?? 100) / 100;
  if (wide || tall) {
    scale = Math.min(1, wide ? (inner.width * wide) / w : Infinity, tall ? (inner.height * tall) / h : Infinity);
  }
  const pages = Math.max(1, Math.ceil((w * scale) / inner.width - 1e-9)) * Math.max(1, Math.ceil((h * scale) / inner.height - 1e-9));
  return { scale, pages, page };
}

function bordersOf(sheet: SheetModel, r: number, c: number): { top: boolean; bottom: boolean; left: boolean; right: boolean } {
  const out = { top: false, bottom: false, left: false, right: false };
  for (const b of px(sheet).borders ?? []) {
    if (b.style === 'None') continue;
    const { row, col, rows, cols } = b.box;
    const inCols = c >= col && c < col + cols;
    const inRows = r >= row && r < row + rows;
    if (b.edge === 'EdgeTop' && inCols && r === row) out.top = true;
    if (b.edge === 'EdgeBottom' && inCols && r === row + rows - 1) out.bottom = true;
    if (b.edge === 'EdgeLeft' && inRows && c === col) out.left = true;
    if (b.edge === 'EdgeRight' && inRows && c === col + cols - 1) out.right = true;
    if (b.edge === 'InsideHorizontal' && inCols && inRows) {
      if (r > row) out.top = true;
      if (r < row + rows - 1) out.bottom = true;
    }
    if (b.edge === 'InsideVertical' && inCols && inRows) {
      if (c > col) out.left = true;
      if (c < col + cols - 1) out.right = true;
    }
  }
  return out;
}

/** Draws the print area of `sheetName` on a simulated A4 page in an overlay; returns what it measured. */
export function renderPrintPreview(doc: Document, model: WorkbookModel, sheetName: string): { scale: number; pages: number } {
  const sheet = model.sheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const extras = px(sheet);
  const area = extras.pageLayout?.printArea;
  const box = area ? boxOfArea(parseA1(area)) : (sheet.usedBox() ?? { row: 0, col: 0, rows: 1, cols: 1 });
  const widthsPx = Array.from({ length: box.cols }, (_, j) => {
    const w = sheet.columnWidths.get(box.col + j);
    return w === undefined ? charsToPx(8.43) : Math.round((w * 4) / 3);
  });
  const heightsPx = Array.from({ length: box.rows }, (_, i) => Math.round(((extras.rowHeights?.[box.row + i] ?? DEFAULT_ROW_PT) * 4) / 3));
  const { scale, pages, page } = previewScale(sheet, widthsPx, heightsPx);
  const merges = extras.merges ?? [];
  const covered = new Set<string>();
  let html = `<table style="width:${widthsPx.reduce((a, b) => a + b, 0)}px;border-collapse:collapse;table-layout:fixed;font-size:12px;font-family:'WenQuanYi Micro Hei',sans-serif;"><colgroup>${widthsPx.map((w) => `<col style="width:${w}px">`).join('')}</colgroup>`;
  for (let i = 0; i < box.rows; i++) {
    const r = box.row + i;
    html += `<tr style="height:${heightsPx[i]}px">`;
    for (let j = 0; j < box.cols; j++) {
      const c = box.col + j;
      if (covered.has(`${r},${c}`)) continue;
      const m = merges.find((x) => x.row === r && x.col === c);
      const rows = m ? Math.min(m.rows, box.row + box.rows - r) : 1;
      const cols = m ? Math.min(m.cols, box.col + box.cols - c) : 1;
      for (let a = 0; a < rows; a++) for (let b = 0; b < cols; b++) covered.add(`${r + a},${c + b}`);
      const tl = bordersOf(sheet, r, c);
      const br = bordersOf(sheet, r + rows - 1, c + cols - 1);
      const st = extras.cellStyles?.[`${r},${c}`] ?? {};
      const look = sheet.styled.get(`${r},${c}`) ?? {};
      const line = '1px solid #000';
      const css = [
        `border-top:${tl.top ? line : 'none'}`,
        `border-left:${tl.left ? line : 'none'}`,
        `border-bottom:${br.bottom ? line : 'none'}`,
        `border-right:${br.right ? line : 'none'}`,
        `white-space:${st.wrap ? 'pre-wrap' : 'nowrap'}`,
        `overflow:${st.wrap ? 'hidden' : 'visible'}`,
        'padding:2px 4px',
        `text-align:${(st.horizontal ?? 'left').toLowerCase()}`,
        `vertical-align:${st.vertical === 'Center' ? 'middle' : (st.vertical ?? 'bottom').toLowerCase()}`,
        look.bold ? 'font-weight:700' : '',
        look.fill ? `background:${look.fill}` : '',
      ].filter(Boolean);
      const v = sheet.get(r, c);
      const text = String(v).replace(/&/g, '&amp;').replace(/</g, '&lt;');
      html += `<td${rows > 1 ? ` rowspan="${rows}"` : ''}${cols > 1 ? ` colspan="${cols}"` : ''} style="${css.join(';')}">${text}</td>`;
    }
    html += '</tr>';
  }
  html += '</table>';
  const p = extras.pageLayout ?? {};
  const margin = { top: ((p.topMargin ?? 54) * 4) / 3, left: ((p.leftMargin ?? 51) * 4) / 3, right: ((p.rightMargin ?? 51) * 4) / 3 };
  const innerWidth = page.width - margin.left - margin.right;
  const tableWidth = widthsPx.reduce((a, b) => a + b, 0) * scale;
  const left = margin.left + (p.centerHorizontally ? Math.max(0, (innerWidth - tableWidth) / 2) : 0);
  doc.getElementById('ce-print-preview')?.remove();
  const overlay = doc.createElement('div');
  overlay.id = 'ce-print-preview';
  overlay.style.cssText = 'position:fixed;inset:0;z-index:50;background:#6b6b6b;overflow:auto;display:flex;flex-direction:column;align-items:center;padding:16px;gap:8px;';
  const caption = doc.createElement('div');
  caption.style.cssText = 'color:#fff;font:13px sans-serif;';
  caption.textContent = `打印预览（模拟）：${sheet.name} · ${p.paperSize ?? '未设置纸张'} ${p.orientation === 'Landscape' ? '横向' : '纵向'} · 缩放 ${Math.round(scale * 100)}% · 共 ${pages} 页 · 打印区域 ${area ?? '（未设置）'}`;
  const paper = doc.createElement('div');
  paper.className = 'ce-print-page';
  paper.style.cssText = `position:relative;flex:none;width:${page.width}px;height:${page.height}px;background:#fff;box-shadow:0 2px 8px rgba(0,0,0,.5);overflow:hidden;`;
  const content = doc.createElement('div');
  content.style.cssText = `position:absolute;top:${margin.top}px;left:${left}px;transform:scale(${scale});transform-origin:top left;`;
  content.innerHTML = html;
  paper.appendChild(content);
  overlay.append(caption, paper);
  doc.body.appendChild(overlay);
  return { scale, pages };
}

function installPreviewHook(): void {
  if (typeof window === 'undefined' || window.parent !== window) return;
  const w = window as unknown as { __ceSim?: { model: WorkbookModel }; __cePrintPreview?: (name: string) => { scale: number; pages: number } };
  w.__cePrintPreview = (name: string) => {
    if (!w.__ceSim) throw new Error('no simulated workbook');
    return renderPrintPreview(document, w.__ceSim.model, name);
  };
}
