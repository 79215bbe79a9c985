// The host page's print preview of a simulated sheet: its print area on an A4 page at the page setup's scale
// (fit to pages wide × tall, margins, centring), with merges, borders, wrap and alignment, for the screenshots.
import type { SheetModel, WorkbookModel } from '../../support/excel-sim/model';
import { parseA1 } from '../../support/excel-sim/addresses';

const A4_PX = { width: 794, height: 1123 }; // 210 × 297 mm at 96 dpi
const DEFAULT_ROW_PT = 15;
const charsToPx = (w: number): number => Math.round(w * 7 + 5);

/** How the print area fits a page: the scale (fit to pages wide × tall, at most 100%) and the page count. */
export function previewScale(sheet: SheetModel, widthsPx: number[], heightsPx: number[]): { scale: number; pages: number; page: { width: number; height: number } } {
  const p = sheet.pageLayout ?? {};
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
  for (const b of sheet.borders) {
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
  const area = sheet.pageLayout?.printArea;
  const box = area ? parseA1(area) : (sheet.usedBox() ?? { row: 0, col: 0, rows: 1, cols: 1 });
  const widthsPx = Array.from({ length: box.cols }, (_, j) => {
    const w = sheet.columnWidths.get(box.col + j);
    return w === undefined ? charsToPx(8.43) : Math.round((w * 4) / 3);
  });
  const heightsPx = Array.from({ length: box.rows }, (_, i) => Math.round(((sheet.rowHeights[box.row + i] ?? DEFAULT_ROW_PT) * 4) / 3));
  const { scale, pages, page } = previewScale(sheet, widthsPx, heightsPx);
  const merges = sheet.merged;
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
      const st = sheet.cellStyles[`${r},${c}`] ?? {};
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
  const p = sheet.pageLayout ?? {};
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
