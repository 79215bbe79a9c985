// A sheet of our own (年度汇总, 提醒名单, 审核材料清单) written straight from its pure layout as worksheet XML: the
// same cells, number formats and styles as the add-in applies with Office.js, merges, widths, heights, the frozen
// header, the A4 page setup; print area and titles as defined names. Elements in CT_Worksheet order.
import { columnLetter, parseAddress, quoteSheetName, rangeAddress } from '../../shared/sheet/a1';
import type { CellStyle, LayoutBlock, LayoutValue, ListRow, SheetLayout } from '../../shared/sheet/sheet-layout';
import type { StyleBook, XfSpec } from './styles';
import type { PartSink } from '../zip/part-sink';
import { escapeAttr, escapeText, numberText, spaceAttr } from './xml-text';
import type { SharedStrings } from './shared-strings';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export type DefinedName = { name: string; localSheet: string; value: string };
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

/** A style's content as a key: the layouts make a style object per highlighted row, all alike. */
const styleKey = (s: CellStyle): string => `${s.bold}|${s.fontSize}|${s.fontColor}|${s.fill}|${s.wrap}|${s.horizontal}|${s.vertical}`;

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

/**
 * A rectangle of the layout laid over the cells, in the order the add-in applies them (`k`): every block (values,
 * number formats, its style), the list's rows, then every style, the list's highlights, then every border. A cell's
 * style is its layers folded in that order; its value, the last block's over it.
 */
type Layer = {
  k: number; r0: number; r1: number; c0: number; c1: number; style?: CellStyle;
  /** A block's: the number formats of sheet row r (0-based), and the value of its cell (r, c). */
  formats?: (r: number) => readonly string[];
  value?: (r: number, c: number) => LayoutValue | undefined;
};

const blockLayer = (b: LayoutBlock, a: Area): Pick<Layer, 'formats' | 'value'> => ({
  formats: (r) => b.numberFormat[r - a.row],
  value: (r, c) => b.values[r - a.row][c - a.col],
});

type Area = ReturnType<typeof parseAddress>;

/**
 * The sheet's XML, row by row. The layers over a row are the same from row to row but for a few (a highlighted
 * row, a person's group): the cells' styles are worked out again only when they change, or when a block's row has
 * other number formats, so a 100,000-row sheet costs its XML text and not a lookup per cell. A layout's list
 * (LayoutList) is made a row at a time as the rows are written: its cells never exist all at once.
 */
export async function writeLayoutSheet(layout: SheetLayout, styles: StyleBook, strings: SharedStrings, out: PartSink, refs: SheetRefs = {}): Promise<DefinedName[]> {
  const none: XfSpec = { numFmt: 'General' };
  const withFormat = memo((base: XfSpec, numFmt: string): XfSpec => ({ ...base, numFmt }));
  const styleOf = new Map<string, CellStyle>();
  const withStyle = memo((base: XfSpec, s: CellStyle): XfSpec => layer(base, s));
  const canonical = (s: CellStyle): CellStyle => {
    const key = styleKey(s);
    let c = styleOf.get(key);
    if (!c) styleOf.set(key, (c = s));
    return c;
  };
  const withBorder = memo((base: XfSpec, _: 'box'): XfSpec => ({ ...base, border: true }));
  const { list } = layout;
  const layers: Layer[] = [];
  let k = 0;
  const add = (a: Area, extra: Omit<Layer, 'k' | 'r0' | 'r1' | 'c0' | 'c1'>): void => {
    layers.push({ k: k++, r0: a.row, r1: a.row + a.rowCount - 1, c0: a.col, c1: a.col + a.columnCount - 1, ...extra });
  };
  for (const b of layout.blocks) {
    const a = parseAddress(b.address);
    add(a, { ...blockLayer(b, a), ...(b.style ? { style: canonical(b.style) } : {}) });
  }
  // the list's row being written (its values), the list's merges as they come
  let listRow: ListRow | undefined;
  const listMerges: string[] = [];
  if (list && list.rowCount > 0) {
    const formats = list.numberFormat;
    add({ row: list.firstRow - 1, col: 0, rowCount: list.rowCount, columnCount: list.width }, {
      formats: () => formats,
      value: (_r, c) => listRow?.values[c],
      ...(list.style ? { style: canonical(list.style) } : {}),
    });
  }
  for (const s of layout.styles) add(parseAddress(s.address), { style: canonical(s.style) });
  // a highlight of list row i is the layer k = highlights + i: after the styles, before the borders
  const highlights = k;
  k += list?.rowCount ?? 0;
  for (const b of layout.borders) add(parseAddress(b), {});
  let lastRow = 0;
  let lastCol = 0;
  for (const l of layers) {
    lastRow = Math.max(lastRow, l.r1);
    lastCol = Math.max(lastCol, l.c1);
  }
  const width = lastCol + 1;
  const rows = list && list.rowCount > 0 ? list.rows()[Symbol.iterator]() : undefined;
  const listR0 = list ? list.firstRow - 1 : 0;
  const listR1 = list ? listR0 + list.rowCount - 1 : -1;
  const xfOf = new Map<XfSpec, number>();
  const xf = (spec: XfSpec): number => {
    let id = xfOf.get(spec);
    if (id === undefined) xfOf.set(spec, (id = styles.xf(spec)));
    return id;
  };
  const letters = Array.from({ length: width }, (_, c) => columnLetter(c));
  const heights = new Map(layout.rowHeights.map((h) => [h.row - 1, h.height]));
  const p = layout.page;
  const pieces = { push: (...texts: string[]): void => texts.forEach((t) => out.text(t)) };
  pieces.push(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">`,
    p ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '',
    `<dimension ref="A1:${columnLetter(lastCol)}${lastRow + 1}"/>`,
    `<sheetViews><sheetView workbookViewId="0">${layout.freezeRows > 0 ? `<pane ySplit="${layout.freezeRows}" topLeftCell="A${layout.freezeRows + 1}" activePane="bottomLeft" state="frozen"/>` : ''}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15"/>',
    layout.columnWidths.length > 0 ? `<cols>${layout.columnWidths.map((w, c) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` : '',
    '<sheetData>',
  );
  // the layers by first row; those over the current row in application order, with the number-format row each
  // block had when the cells' styles were last worked out
  const byStart = [...layers].sort((a, b) => a.r0 - b.r0 || a.k - b.k);
  let nextLayer = 0;
  let active: Layer[] = [];
  let formatsUsed: (readonly string[] | undefined)[] = [];
  const xfIds = new Int32Array(width).fill(-1);
  let anyCell = false;
  // a cell's markup before its row number, and after it (its style)
  const cellHead = letters.map((l) => `<c r="${l}`);
  const cellStyle: string[] = new Array<string>(width).fill('');
  // …and after the row number, by the kind of value: the style and what opens the value
  const cellEmpty = [...cellStyle];
  const cellNumber = [...cellStyle];
  const cellShared = [...cellStyle];
  const valueFrom: (Layer | undefined)[] = new Array(width);
  const cellStyles = (r: number): void => {
    const specs: (XfSpec | undefined)[] = new Array(width);
    valueFrom.fill(undefined);
    for (const l of active) {
      const formats = l.formats?.(r);
      for (let c = l.c0; c <= l.c1; c++) {
        let spec = specs[c] ?? none;
        if (formats) {
          spec = withFormat(spec, formats[c - l.c0]);
          valueFrom[c] = l;
        }
        if (l.style) spec = withStyle(spec, l.style);
        else if (!formats) spec = withBorder(spec, 'box');
        specs[c] = spec;
      }
    }
    anyCell = false;
    for (let c = 0; c < width; c++) {
      const spec = specs[c];
      xfIds[c] = spec === undefined ? -1 : xf(spec);
      cellStyle[c] = `" s="${xfIds[c]}`;
      cellEmpty[c] = `${cellStyle[c]}"/>`;
      cellNumber[c] = `${cellStyle[c]}"><v>`;
      cellShared[c] = `${cellStyle[c]}" t="s"><v>`;
      anyCell ||= xfIds[c] >= 0;
    }
    formatsUsed = active.map((l) => l.formats?.(r));
  };
  const activate = (l: Layer): void => {
    let i = active.length;
    while (i > 0 && active[i - 1].k > l.k) i--;
    active.splice(i, 0, l);
  };
  for (let r = 0; r <= lastRow; r++) {
    let changed = false;
    if (active.some((l) => l.r1 < r)) {
      active = active.filter((l) => l.r1 >= r);
      changed = true;
    }
    while (nextLayer < byStart.length && byStart[nextLayer].r0 <= r) {
      const l = byStart[nextLayer++];
      if (l.r1 < r) continue;
      activate(l);
      changed = true;
    }
    if (rows && r >= listR0 && r <= listR1) {
      const next = rows.next();
      if (next.done) throw new Error(`内部错误：清单应有 ${listR1 - listR0 + 1} 行，得到 ${r - listR0} 行`);
      listRow = next.value;
      const { highlight: h, mergeDown: m } = listRow;
      if (h) {
        activate({ k: highlights + (r - listR0), r0: r, r1: r + h.rows - 1, c0: h.col, c1: h.col + h.width - 1, style: canonical(h.style) });
        changed = true;
      }
      if (m) for (let c = m.col; c < m.col + m.width; c++) listMerges.push(rangeAddress(c, r + 1, 1, m.rows));
    }
    if (!changed) for (let i = 0; i < active.length && !changed; i++) changed = active[i].formats !== undefined && active[i].formats?.(r) !== formatsUsed[i];
    if (changed) cellStyles(r);
    const h = heights.get(r);
    if (!anyCell && h === undefined) continue;
    // straight into the part's buffer: markup and numbers as ASCII, shared strings by index
    out.ascii('<row r="');
    out.uint(r + 1);
    out.ascii(h !== undefined ? `" ht="${h}" customHeight="1">` : '">');
    for (let c = 0; c <= lastCol; c++) {
      if (xfIds[c] < 0) continue;
      const v = valueFrom[c]?.value?.(r, c);
      out.ascii(cellHead[c]);
      out.uint(r + 1);
      if (v === undefined || v === '') out.ascii(cellEmpty[c]);
      else if (typeof v === 'number') {
        out.ascii(cellNumber[c]);
        if (Number.isInteger(v) && v >= 0 && v < 0x7fffffff) out.uint(v);
        else out.ascii(numberText(v));
        out.ascii('</v></c>');
      } else if (strings.shares(v)) {
        out.ascii(cellShared[c]);
        out.uint(strings.of(v));
        out.ascii('</v></c>');
      } else {
        out.ascii(`${cellStyle[c]}" t="inlineStr"><is><t${spaceAttr(v)}>`);
        out.text(escapeText(v));
        out.ascii('</t></is></c>');
      }
    }
    out.ascii('</row>');
    if (out.waiting) await out.drained();
  }
  if (rows && !rows.next().done) throw new Error(`内部错误：清单多于 ${listR1 - listR0 + 1} 行`);
  pieces.push('</sheetData>');
  const merges = listMerges.length > 0 ? [...layout.merges, ...listMerges] : layout.merges;
  if (merges.length > 0) {
    pieces.push(`<mergeCells count="${merges.length}">`);
    for (const m of merges) out.text(`<mergeCell ref="${escapeAttr(m)}"/>`);
    pieces.push('</mergeCells>');
  }
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
  return definedNames;
}
