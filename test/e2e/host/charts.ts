// The host page draws the simulated sheet's charts (clustered columns) over its grid, for the screenshots.
import type { WorkbookModel } from '../../support/excel-sim/model';
import { parseA1 } from '../../support/excel-sim/addresses';

/** Draws the active sheet's charts (clustered columns) over the host page's grid. */
export function renderSimCharts(root: HTMLElement, model: WorkbookModel): void {
  const sheet = model.sheets.find((s) => s.id === model.activeSheetId);
  root.querySelectorAll('.sim-chart').forEach((e) => e.remove());
  const wrap = root.querySelector<HTMLElement>('.grid-wrap');
  const table = root.querySelector<HTMLTableElement>('table.grid');
  if (!sheet || !wrap || !table) return;
  wrap.style.position = 'relative';
  const doc = root.ownerDocument;
  for (const c of sheet.charts) {
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
