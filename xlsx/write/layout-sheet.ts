// A sheet of our own (年度汇总, 提醒名单, 审核材料清单) written straight from its pure layout as worksheet XML: the
// same cells, number formats and styles as the add-in applies with Office.js, merges, widths, heights, the frozen
// header, the A4 page setup; print area and titles as defined names. Elements in CT_Worksheet order.
import { columnLetter, parseAddress, quoteSheetName } from '../../shared/sheet/a1';
import type { CellStyle, LayoutValue, SheetLayout } from '../../shared/sheet/sheet-layout';
import type { StyleBook, XfSpec } from './styles';
import { escapeAttr, inlineText, numberText } from './xml-text';
import { ByteSink } from './byte-sink';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type DefinedName = { name: string; localSheet: string; value: string };
export type LayoutSheetXml = { bytes: Uint8Array; definedNames: DefinedName[] };
/** Parts the sheet refers to by relationship id (a drawing, tables), in CT_Worksheet order. */
export type SheetRefs = { drawing?: string; tables?: readonly string[] };

function layer(base: XfSpec, s: CellStyle): XfSpec {
  const out: XfSpec = { ...base };
  if (s.bold !== undefined) out.bold = s.bold;
  if (s.fontSize !== undefined) out.fontSize = s.fontSize;
  if (s.fontColor !== undefined) out.fontColor = s.fontColor;
  if (s.fill !== undefined) out.fill = s.fill;
  if (s.wrap !== undefined) out.wrap = s.wrap;
  if (s.horizontal) out.horizontal = s.horizontal.toLowerCase() as XfSpec['horizontal'];
  if (s.vertical) out.vertical = s.vertical.toLowerCase() as XfSpec['vertical'];
  return out;
}

/** f(base, key) once per (base object, key): cells that went through the same layers share one spec object. */
function memo<K>(f: (base: XfSpec, key: K) => XfSpec): (base: XfSpec, key: K) => XfSpec {
  const seen = new Map<XfSpec, Map<K, XfSpec>>();
  return (base, key) => {
    let byKey = seen.get(base);
    if (!byKey) seen.set(base, (byKey = new Map()));
    let out = byKey.get(key);
    if (!out) byKey.set(key, (out = f(base, key)));
    return out;
  };
}

export function layoutSheetXml(layout: SheetLayout, styles: StyleBook, refs: SheetRefs = {}): LayoutSheetXml {
  const none: XfSpec = { numFmt: 'General' };
  const withFormat = memo((base: XfSpec, numFmt: string): XfSpec => ({ ...base, numFmt }));
  const withStyle = memo((base: XfSpec, s: CellStyle): XfSpec => layer(base, s));
  const withBorder = memo((base: XfSpec, _: 'box'): XfSpec => ({ ...base, border: true }));
  // the extent first, then one dense array of specs and one of values (row-major): no map entry per cell
  const areas = [...layout.blocks.map((b) => b.address), ...layout.styles.map((s) => s.address), ...layout.borders].map(parseAddress);
  let lastRow = 0;
  let lastCol = 0;
  for (const a of areas) {
    lastRow = Math.max(lastRow, a.row + a.rowCount - 1);
    lastCol = Math.max(lastCol, a.col + a.columnCount - 1);
  }
  const width = lastCol + 1;
  const specs: (XfSpec | undefined)[] = new Array((lastRow + 1) * width);
  const values: (LayoutValue | undefined)[] = new Array((lastRow + 1) * width);
  let k = 0;
  for (const b of layout.blocks) {
    const a = areas[k++];
    for (let i = 0; i < a.rowCount; i++) {
      const rowValues = b.values[i];
      const rowFormats = b.numberFormat[i];
      const base = (a.row + i) * width + a.col;
      for (let j = 0; j < a.columnCount; j++) {
        values[base + j] = rowValues[j];
        const formatted = withFormat(specs[base + j] ?? none, rowFormats[j]);
        specs[base + j] = b.style ? withStyle(formatted, b.style) : formatted;
      }
    }
  }
  const over = (a: { row: number; col: number; rowCount: number; columnCount: number }, f: (spec: XfSpec) => XfSpec): void => {
    for (let i = 0; i < a.rowCount; i++) {
      const base = (a.row + i) * width + a.col;
      for (let j = 0; j < a.columnCount; j++) specs[base + j] = f(specs[base + j] ?? none);
    }
  };
  for (const s of layout.styles) over(areas[k++], (spec) => withStyle(spec, s.style));
  for (let n = 0; n < layout.borders.length; n++) over(areas[k++], (spec) => withBorder(spec, 'box'));
  const xfOf = new Map<XfSpec, number>();
  const xf = (spec: XfSpec): number => {
    let id = xfOf.get(spec);
    if (id === undefined) xfOf.set(spec, (id = styles.xf(spec)));
    return id;
  };
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  const heights = new Map(layout.rowHeights.map((h) => [h.row - 1, h.height]));
  const p = layout.page;
  const sink = new ByteSink((lastRow + 1) * width * 48 + 4096);
  const pieces = { push: (...texts: string[]): void => texts.forEach((t) => sink.text(t)) };
  pieces.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    p ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="A1:${columnLetter(lastCol)}${lastRow + 1}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${layout.freezeRows > 0 ? `<pane ySplit="${layout.freezeRows}" topLeftCell="A${layout.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` : ''}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    layout.columnWidths.length > 0 ? `<cols>${layout.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '',
    '<sheetData>',
  );
  for (let r = 0; r <= lastRow; r++) {
    let cells = '';
    for (let c = 0; c <= lastCol; c++) {
      const key = r * width + c;
      const spec = specs[key];
      if (spec === undefined) continue;
      const v = values[key];
      const at = `${letters[c]}${r + 1}`;
      const s = xf(spec);
      if (v === undefined || v === '') cells += `<c r="${at}" s="${s}"/>`;
      else if (typeof v === 'number') cells += `<c r="${at}" s="${s}"><v>${numberText(v)}</v></c>`;
      else cells += `<c r="${at}" s="${s}" t="inlineStr">${inlineText(v)}</c>`;
    }
    const h = heights.get(r);
    if (cells === '' && h === undefined) continue;
    sink.text(`<row r="${r + 1}"${h !== undefined ? ` ht="${h}" customHeight="1"` : ''}>${cells}</row>`);
  }
  pieces.push('</sheetData>');
  if (layout.merges.length > 0) pieces.push(`<mergeCells count="${layout.merges.length}">${layout.merges.map((m) => `<mergeCell ref="${escapeAttr(m)}"/>`).join('')}</mergeCells>`);
  const definedNames: DefinedName[] = [];
  if (p) {
    if (p.centerHorizontally) pieces.push('<printOptions horizontalCentered="1"/>');
    pieces.push(`<pageMargins left="${p.margins.left}" right="${p.margins.right}" top="${p.margins.top}" bottom="${p.margins.bottom}" header="0.3" footer="0.3"/>`);
    pieces.push(`<pageSetup paperSize="9" orientation="${p.orientation === 'Portrait' ? 'portrait' : 'landscape'}" fitToWidth="${p.fitToPages.wide}" fitToHeight="${p.fitToPages.tall ?? 0}"/>`);
    const q = quoteSheetName(layout.sheetName);
    const area = parseAddress(p.printArea);
    definedNames.push({ name: '_xlnm.Print_Area', localSheet: layout.sheetName, value: `${q}!$${columnLetter(area.col)}$${area.row + 1}:$${columnLetter(area.col + area.columnCount - 1)}$${area.row + area.rowCount}` });
    if (p.printTitleRows) definedNames.push({ name: '_xlnm.Print_Titles', localSheet: layout.sheetName, value: `${q}!${p.printTitleRows}` });
  } else {
    pieces.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  }
  if (refs.drawing) pieces.push(`<drawing r:id="${refs.drawing}"/>`);
  if (refs.tables && refs.tables.length > 0) pieces.push(`<tableParts count="${refs.tables.length}">${refs.tables.map((id) => `<tablePart r:id="${id}"/>`).join('')}</tableParts>`);
  pieces.push('</worksheet>');
  return { bytes: sink.result(), definedNames };
}
