// Renders the simulated active sheet as a spreadsheet-like grid (for the screenshots), with conditional formats.
import type { SheetModel, WorkbookModel } from '../../support/excel-sim/model';
import { columnLetter } from '../../../shared/sheet/a1';


function display(v: string | number | boolean, format: string): string {
  if (typeof v === 'number') {
    if (format === '0.0') return v.toFixed(1);
    if (format === 'yyyy-mm-dd') return new Date(Date.UTC(1899, 11, 30) + v * 86_400_000).toISOString().slice(0, 10);
    return String(Math.round(v * 1e6) / 1e6);
  }
  return typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
}

function cfStyle(sheet: SheetModel, r: number, c: number, v: string | number | boolean): string {
  for (const f of sheet.conditionalFormats) {
    if (r < f.row || r >= f.row + f.rows || c < f.col || c >= f.col + f.cols) continue;
    if (f.rule.operator === 'BeginsWith' && typeof v === 'string' && f.rule.text && v.startsWith(f.rule.text)) {
      return `color:${f.rule.fontColor ?? 'inherit'};background:${f.rule.fillColor ?? 'transparent'};`;
    }
  }
  return '';
}

export function renderGrid(root: HTMLElement, model: WorkbookModel, maxRows = 40): void {
  const tabs = model.sheets.map((s) => `<span class="tab${s.id === model.activeSheetId ? ' active' : ''}">${s.name}</span>`).join('');
  const sheet = model.sheets.find((s) => s.id === model.activeSheetId);
  if (!sheet) {
    root.innerHTML = `<div class="tabs">${tabs}</div>`;
    return;
  }
  const box = sheet.usedBox() ?? { row: 0, col: 0, rows: 1, cols: 1 };
  const cols = Math.max(box.col + box.cols, 8);
  const rows = Math.min(Math.max(box.row + box.rows, 20), maxRows);
  const sel = model.selection;
  let html = '<table class="grid"><thead><tr><th class="corner"></th>';
  for (let c = 0; c < cols; c++) html += `<th style="${sheet.columnWidths.has(c) ? `min-width:${sheet.columnWidths.get(c)}px;` : ''}">${columnLetter(c)}</th>`;
  html += '</tr></thead><tbody>';
  for (let r = 0; r < rows; r++) {
    const selectedRow = sel.sheetId === sheet.id && r >= sel.row && r < sel.row + sel.rows;
    html += `<tr class="${r < sheet.frozenRows ? 'frozen' : ''}"><th class="${selectedRow ? 'sel' : ''}">${r + 1}</th>`;
    for (let c = 0; c < cols; c++) {
      const v = sheet.get(r, c);
      const st = sheet.styled.get(`${r},${c}`);
      let style = cfStyle(sheet, r, c, v);
      if (st?.bold) style += 'font-weight:600;';
      if (st?.fill) style += `background:${st.fill};`;
      const fmt = sheet.format(r, c);
      const num = typeof v === 'number';
      const inSel = selectedRow && c >= sel.col && c < sel.col + sel.cols;
      html += `<td class="${num ? 'num' : ''}${inSel ? ' insel' : ''}" style="${style}" title="${String(v).replace(/"/g, '&quot;')}">${display(v, fmt)}</td>`;
    }
    html += '</tr>';
  }
  html += '</tbody></table>';
  const old = root.querySelector('.grid-wrap');
  const scroll = old ? { left: old.scrollLeft, top: old.scrollTop } : { left: 0, top: 0 };
  root.innerHTML = `<div class="tabs">${tabs}</div><div class="grid-wrap">${html}</div>`;
  const wrap = root.querySelector('.grid-wrap');
  if (wrap) {
    wrap.scrollLeft = scroll.left;
    wrap.scrollTop = scroll.top;
  }
}
