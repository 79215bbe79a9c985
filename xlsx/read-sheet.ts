// One worksheet's XML as the roster module's SheetGrid, in one linear pass: values with Excel's value types (shared
// and inline strings, numbers, dates, booleans, errors, formulas' cached results), merged areas, hidden rows and
// columns, tables. Every reference is clipped to the rectangle of cells that hold a value: a merge, a table or a
// <cols> range over A1:XFD1048576 costs what the cells cost, never a cell per address.
import type { CellArea, GridTable, GridValue, GridValueType, SheetGrid } from '../shared/roster/types';
import { columnLetter, parseArea } from '../shared/sheet/a1';
import { DamagedPartError, RosterFileError } from './errors';
import { XLSX_LIMITS } from './limits';
import { partBytes, readRelationships, relKind, resolveTarget, type SheetEntry, type XlsxPackage } from './package';
import { CLOSE, EMPTY, OPEN, XmlScanner, attr, attrBool, attrInt, attrStart, is, name, newTag, parseNumber, span, unescapeOoxml, type Tag } from './xml/scan';

/** A formula whose file holds no cached result (the file was written by a program that does not calculate). */
export type UncachedFormula = { sheetName: string; address: string; row: number; col: number };

/**
 * `appendedRefs`: the cells (row, col pairs, 0-based) whose shared string is at or after the index asked about
 * (readSheet's `appendedFrom`: where a run of ours began appending), so that the writer knows whether it may drop them.
 */
export type ReadSheet = { grid: SheetGrid; uncachedFormulas: UncachedFormula[]; hidden: boolean; appendedRefs: number[] };

const N = {
  sheetData: name('sheetData'), row: name('row'), c: name('c'), v: name('v'), f: name('f'), is: name('is'), t: name('t'), rPh: name('rPh'),
  r: name('r'), s: name('s'), hidden: name('hidden'), mergeCell: name('mergeCell'), ref: name('ref'), col: name('col'), min: name('min'), max: name('max'),
  tablePart: name('tablePart'), id: name('id'), table: name('table'), name: name('name'), displayName: name('displayName'),
  headerRowCount: name('headerRowCount'), totalsRowCount: name('totalsRowCount'),
};

/** Days between the 1900 and the 1904 date systems' day 0. */
const DAYS_1904 = 1462;
const MS_PER_DAY = 86_400_000;
/** Day 0 of the 1900 system in Unix time (serial 25569 = 1970-01-01; Excel's phantom 1900-02-29 included). */
const EPOCH_1900 = 25569;

/** An ISO 8601 date-time of a t="d" cell as Excel's serial, or NaN. */
export function isoToSerial(iso: string, date1904: boolean): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}(?:\.\d{1,9})?))?)?/.exec(iso.slice(0, 40));
  if (!m) return NaN;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), 0) + Math.round(Number(m[6] ?? 0) * 1000);
  const serial = ms / MS_PER_DAY + EPOCH_1900;
  return date1904 ? serial - DAYS_1904 : serial;
}

/** A cell reference's bytes → column and row (0-based) into `out`; false when it is not one. */
export function cellRefInto(b: Uint8Array, start: number, end: number, out: { row: number; col: number }): boolean {
  let i = start;
  let col = 0;
  while (i < end) {
    const c = b[i] & ~0x20;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
    i++;
  }
  if (i === start || i === end || end - i > 7) return false;
  let row = 0;
  for (; i < end; i++) {
    const d = b[i] - 48;
    if (d < 0 || d > 9) return false;
    row = row * 10 + d;
  }
  out.row = row - 1;
  out.col = col - 1;
  return true;
}

/** A cell's t attribute as one of the few types there are (no string made per cell). */
function cellType(b: Uint8Array, start: number, end: number): string {
  const n = end - start;
  const c = b[start];
  if (n === 1) return c === 0x73 ? 's' : c === 0x6e ? 'n' : c === 0x62 ? 'b' : c === 0x65 ? 'e' : c === 0x64 ? 'd' : '?';
  if (n === 3 && c === 0x73) return 'str';
  if (n === 9 && c === 0x69) return 'inlineStr';
  return String.fromCharCode(...b.subarray(start, Math.min(end, start + 9)));
}

type Cells = { rows: number[]; cols: number[]; values: GridValue[]; types: GridValueType[]; appendedFrom: number; appendedRefs: number[] };

function numberType(n: number): GridValueType {
  return Number.isInteger(n) ? 'Integer' : 'Double';
}

/** Reads one worksheet of the package. Throws DamagedPartError (bad XML) or RosterFileError (beyond a limit). */
export function readSheet(pkg: XlsxPackage, sheet: SheetEntry, sharedStrings: readonly string[], appendedFrom = Infinity): ReadSheet {
  const path = sheet.path ?? '';
  const b = partBytes(pkg, path);
  if (!b) throw new DamagedPartError(path, 'missing sheet');
  const s = new XmlScanner(b, path);
  const t = newTag();
  const inner = newTag();
  const cells: Cells = { rows: [], cols: [], values: [], types: [], appendedFrom, appendedRefs: [] };
  const uncached: UncachedFormula[] = [];
  const hiddenRows: number[] = [];
  const hiddenCols: { min: number; max: number }[] = [];
  const merges: CellArea[] = [];
  const tableIds: string[] = [];
  let row = -1;
  let col = -1;
  const at = { row: 0, col: 0 };
  const maxText = XLSX_LIMITS.maxCellChars * 12;
  while (s.next(t)) {
    if (t.kind === CLOSE) continue;
    if (is(b, t, N.row)) {
      const r = attrInt(b, t, N.r);
      row = r > 0 ? r - 1 : row + 1;
      if (row >= XLSX_LIMITS.maxRows) s.fail('row out of range');
      col = -1;
      if (attrBool(b, t, N.hidden)) hiddenRows.push(row);
    } else if (is(b, t, N.c)) {
      const rs = attrStart(b, t, N.r);
      if (rs >= 0) {
        if (!cellRefInto(b, rs, span.end, at)) s.fail('bad cell reference');
        row = at.row;
        col = at.col;
      } else col++;
      if (row < 0 || col >= XLSX_LIMITS.maxColumns || row >= XLSX_LIMITS.maxRows) s.fail('cell out of range');
      if (t.kind === EMPTY) continue;
      readCell(s, b, t, inner, cells, row, col, sharedStrings, pkg.date1904, maxText, () => uncached.push({ sheetName: sheet.name, address: `${columnLetter(col)}${row + 1}`, row, col }));
    } else if (is(b, t, N.col)) {
      const min = attrInt(b, t, N.min);
      const max = attrInt(b, t, N.max);
      if (min >= 1 && max >= min && attrBool(b, t, N.hidden)) hiddenCols.push({ min: min - 1, max: Math.min(max, XLSX_LIMITS.maxColumns) - 1 });
    } else if (is(b, t, N.mergeCell)) {
      const a = parseArea(attr(b, t, N.ref) ?? '');
      if (a) merges.push(a);
    } else if (is(b, t, N.tablePart)) {
      const id = attr(b, t, N.id, true);
      if (id) tableIds.push(id);
    }
  }
  const tables = readTables(pkg, path, tableIds);
  return { grid: buildGrid(sheet.name, cells, merges, tables, hiddenRows, hiddenCols), uncachedFormulas: uncached, hidden: sheet.hidden, appendedRefs: cells.appendedRefs };
}

function readCell(
  s: XmlScanner, b: Uint8Array, t: Tag, inner: Tag, cells: Cells, row: number, col: number,
  sst: readonly string[], date1904: boolean, maxText: number, onUncached: () => void,
): void {
  const ts = attrStart(b, t, N.t);
  const type = ts < 0 ? 'n' : cellType(b, ts, span.end);
  let formula = false;
  let value: GridValue = null;
  let vt: GridValueType = 'Empty';
  let inline = '';
  let hasV = false;
  while (s.next(inner)) {
    if (inner.kind === CLOSE) {
      if (is(b, inner, N.c)) break;
      continue;
    }
    if (is(b, inner, N.f)) {
      formula = true;
      if (inner.kind === OPEN) s.skipElement(inner);
    } else if (is(b, inner, N.v)) {
      if (inner.kind === EMPTY) continue;
      hasV = true;
      if (type === 'n' || type === 's' || type === 'b') {
        const raw = s.rawText(inner);
        const n = raw ? parseNumber(b, raw.start, raw.end) : Number(s.text(inner, 64));
        if (type === 's') {
          const text = Number.isInteger(n) && n >= 0 && n < sst.length ? sst[n] : undefined;
          if (text === undefined) s.fail('shared string index');
          if (n >= cells.appendedFrom) cells.appendedRefs.push(row, col);
          value = text;
          vt = 'String';
        } else if (type === 'b') {
          value = n !== 0;
          vt = 'Boolean';
        } else if (Number.isFinite(n)) {
          value = n;
          vt = numberType(n);
        } else {
          s.fail('bad number');
        }
      } else {
        const text = s.text(inner, maxText);
        if (type === 'e') {
          value = text;
          vt = 'Error';
        } else if (type === 'd') {
          const serial = isoToSerial(text, date1904);
          if (Number.isFinite(serial)) {
            value = serial;
            vt = numberType(serial);
          }
        } else {
          value = unescapeOoxml(text);
          vt = 'String';
        }
      }
    } else if (is(b, inner, N.is)) {
      if (inner.kind === EMPTY) continue;
      // inline string: <t> texts, phonetic runs left out
      const depthTag = newTag();
      while (s.next(depthTag)) {
        if (depthTag.kind === CLOSE && is(b, depthTag, N.is)) break;
        if (depthTag.kind === OPEN && is(b, depthTag, N.rPh)) s.skipElement(depthTag);
        else if (depthTag.kind === OPEN && is(b, depthTag, N.t)) inline += s.text(depthTag, maxText);
      }
      hasV = true;
      value = unescapeOoxml(inline);
      vt = 'String';
    } else if (inner.kind === OPEN) {
      s.skipElement(inner);
    }
  }
  if (typeof value === 'string' && value.length > XLSX_LIMITS.maxCellChars) s.fail('cell too long');
  if (formula && !hasV) {
    onUncached();
    return;
  }
  if (vt === 'Empty' || value === '' || value === null) return;
  cells.rows.push(row);
  cells.cols.push(col);
  cells.values.push(value);
  cells.types.push(vt);
}

type TablePart = { name: string; ref: string; headerRows: number; totalsRows: number };

function readTables(pkg: XlsxPackage, sheetPath: string, ids: readonly string[]): TablePart[] {
  if (ids.length === 0) return [];
  const rels = new Map(readRelationships(pkg, sheetPath).map((r) => [r.id, r]));
  const out: TablePart[] = [];
  for (const id of ids) {
    const rel = rels.get(id);
    if (!rel || rel.external || relKind(rel.type) !== 'table') continue;
    const path = resolveTarget(sheetPath, rel.target);
    const b = partBytes(pkg, path);
    if (!b) continue;
    const s = new XmlScanner(b, path);
    const t = newTag();
    while (s.next(t)) {
      if (t.kind !== CLOSE && is(b, t, N.table)) {
        const header = attrInt(b, t, N.headerRowCount);
        const totals = attrInt(b, t, N.totalsRowCount);
        out.push({ name: attr(b, t, N.displayName) ?? attr(b, t, N.name) ?? '', ref: attr(b, t, N.ref) ?? '', headerRows: header < 0 ? 1 : header, totalsRows: totals < 0 ? 0 : totals });
        break;
      }
    }
  }
  return out;
}

/** `a` clipped to the rectangle [top..bottom] × [left..right], or null when they do not meet. */
function clip(a: CellArea, top: number, left: number, bottom: number, right: number): CellArea | null {
  const r0 = Math.max(a.row, top);
  const c0 = Math.max(a.col, left);
  const r1 = Math.min(a.row + a.rowCount - 1, bottom);
  const c1 = Math.min(a.col + a.columnCount - 1, right);
  return r0 > r1 || c0 > c1 ? null : { row: r0, col: c0, rowCount: r1 - r0 + 1, columnCount: c1 - c0 + 1 };
}

function buildGrid(
  sheetName: string, cells: Cells, mergeRefs: readonly CellArea[], tableParts: readonly TablePart[],
  hiddenRowList: readonly number[], hiddenColRanges: readonly { min: number; max: number }[],
): SheetGrid {
  const n = cells.rows.length;
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  for (let i = 0; i < n; i++) {
    const r = cells.rows[i];
    const c = cells.cols[i];
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  }
  if (bottom < 0) return { name: sheetName, origin: { row: 0, col: 0 }, values: [], valueTypes: [], merged: [], tables: [], hiddenRows: [], hiddenColumns: [], selection: null, remembered: null };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > XLSX_LIMITS.maxGridCells) throw tooFar(sheetName, cells, top, left, height, width);
  const values: GridValue[][] = new Array(height);
  const valueTypes: GridValueType[][] = new Array(height);
  for (let r = 0; r < height; r++) {
    values[r] = new Array<GridValue>(width).fill(null);
    valueTypes[r] = new Array<GridValueType>(width).fill('Empty');
  }
  for (let i = 0; i < n; i++) {
    values[cells.rows[i] - top][cells.cols[i] - left] = cells.values[i];
    valueTypes[cells.rows[i] - top][cells.cols[i] - left] = cells.types[i];
  }
  // Merged areas clipped to the cells; overlapping ones (a damaged file) would make the reader's work grow with
  // their number, so their clipped cells may not add up to more than the rectangle.
  const merged: CellArea[] = [];
  let mergedCells = 0;
  for (const m of mergeRefs) {
    const c = clip(m, top, left, bottom, right);
    if (!c) continue;
    mergedCells += c.rowCount * c.columnCount;
    if (mergedCells > height * width) throw new DamagedPartError(sheetName, 'overlapping merges');
    merged.push(c);
  }
  const tables: GridTable[] = [];
  for (const t of tableParts) {
    const a = parseArea(t.ref);
    const c = a ? clip(a, top, left, bottom, right) : null;
    if (!a || !c) continue;
    // the header row must be the table's own first row: a table whose top is cut off is not a roster table
    if (t.headerRows > 0 && c.row !== a.row) continue;
    const totalsKept = t.totalsRows > 0 && c.row + c.rowCount === a.row + a.rowCount;
    tables.push({ name: t.name, area: c, showHeaders: t.headerRows > 0, showTotals: totalsKept });
  }
  const hiddenRows = hiddenRowList.filter((r) => r >= top && r <= bottom);
  const hiddenColumns: number[] = [];
  for (const h of hiddenColRanges) for (let c = Math.max(h.min, left); c <= Math.min(h.max, right); c++) hiddenColumns.push(c);
  hiddenColumns.sort((a, b2) => a - b2);
  return { name: sheetName, origin: { row: top, col: left }, values, valueTypes, merged, tables, hiddenRows, hiddenColumns: [...new Set(hiddenColumns)], selection: null, remembered: null };
}

/** The refusal when the cells with a value span more than the reader takes: names the farthest cell. */
function tooFar(sheetName: string, cells: Cells, top: number, left: number, height: number, width: number): RosterFileError {
  let far = 0;
  for (let i = 1; i < cells.rows.length; i++) {
    if ((cells.rows[i] - top) * 16384 + (cells.cols[i] - left) > (cells.rows[far] - top) * 16384 + (cells.cols[far] - left)) far = i;
  }
  const at = `${columnLetter(cells.cols[far])}${cells.rows[far] + 1}`;
  return new RosterFileError(
    `工作表“${sheetName}”中有内容的单元格分布在 ${height.toLocaleString('en-US')} 行 × ${width.toLocaleString('en-US')} 列的范围里（最远的是 ${at}），` +
      `超过了本工具能读取的 ${XLSX_LIMITS.maxGridCells.toLocaleString('en-US')} 个单元格。如果 ${at} 等远处的单元格不是花名册的内容，` +
      `请在 Excel 或 WPS 中删除它们（按 Ctrl+End 可跳到最后一个有内容的单元格）后另存，再重新选择文件。`,
  );
}
