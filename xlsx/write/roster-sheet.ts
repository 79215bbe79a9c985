// A roster sheet of the clerk's, patched: its XML copied byte for byte except our nine output cells spliced into the
// header row and each data row in column order (what a previous run wrote there replaced), the dimension, <cols>
// split where a range covers new output columns (their widths), our frozen header only when the sheet has no pane,
// and our 状态 colours (one conditional format, a previous run's removed). One pass over the bytes.
import { OUTPUT_HEADERS } from '../../shared/output-headers';
import type { PlacedResult, RosterPlan } from '../../shared/roster/types';
import { columnLetter, parseArea } from '../../shared/sheet/a1';
import { NUMBER_FORMAT_HOURS, NUMBER_FORMAT_TEXT, NUMERIC_OUTPUTS, outputCells } from '../../addin/compute/results';
import { STATUS_STYLES, WIDTHS, WRAPPED_OUTPUTS } from '../../addin/compute/format';
import { RosterFileError } from '../errors';
import { CLOSE, EMPTY, OPEN, XmlScanner, attrInt, attrRange, attrStart, is, localName, name, newTag, span, type Tag } from '../xml/scan';
import type { StyleBook } from './styles';
import { worksheetRank } from './worksheet-order';
import type { PartSink } from '../zip/part-sink';
import { escapeText, numberText, spaceAttr } from './xml-text';
import type { SharedStrings } from './shared-strings';
import { cellRefInto } from '../read-sheet';

/** Points (the add-in's widths) to Excel's character widths. */
const POINTS_PER_CHARACTER = 5.6;
const HEADER_FILL = '#DEECF9';

const N = { row: name('row'), c: name('c'), r: name('r'), spans: name('spans'), v: name('v'), is: name('is'), f: name('f'), pane: name('pane'), sheetView: name('sheetView'), col: name('col'), min: name('min'), max: name('max'), cfRule: name('cfRule'), priority: name('priority'), formula: name('formula'), ref: name('ref') };

export type RosterSheetResult = { created: string[]; rows: number };

/**
 * Our cells of a row, in column order (`cols`): `reach(row)` makes a row's cells ready (false: a row we do not
 * touch), `put(k)` writes its k-th cell into the part, `count` cells a row.
 */
type OurCells = { rows: number[]; cols: number[]; count: number; reach: (row: number) => boolean; put: (k: number) => void };

/**
 * Our cells of a sheet row, made when the row is reached (header row and every data row), written straight into the
 * part: markup and numbers as bytes, short texts as shared strings.
 */
function ourCells(plan: RosterPlan, placed: readonly PlacedResult[], styles: StyleBook, strings: SharedStrings, p: string, sink: PartSink): OurCells {
  const output = plan.output;
  if (!output) throw new Error('内部错误：没有输出列的位置');
  const header = styles.xf({ numFmt: NUMBER_FORMAT_TEXT, bold: true, fill: HEADER_FILL });
  // 封顶提示 and 说明 hold sentences: wrapped and top-aligned, as the add-in writes them (WRAPPED_OUTPUTS)
  const formats = output.columns.map((c) =>
    styles.xf(NUMERIC_OUTPUTS.includes(c.header) ? { numFmt: NUMBER_FORMAT_HOURS } : WRAPPED_OUTPUTS.includes(c.header) ? { numFmt: NUMBER_FORMAT_TEXT, wrap: true, vertical: 'top' } : { numFmt: NUMBER_FORMAT_TEXT }),
  );
  const order = output.columns.map((c, o) => ({ col: c.col, o })).sort((a, b) => a.col - b.col);
  const cols = order.map((x) => x.col);
  const v1 = `<${p}v>`;
  const v2 = `</${p}v></${p}c>`;
  // per output column in column order: `<c r="K` before the row number, and after it by the kind of value
  const open = order.map(({ col }) => `<${p}c r="${columnLetter(col)}`);
  const style = order.map(({ o }) => `" s="${formats[o]}"`);
  const empty = style.map((st) => `${st}/>`);
  const number = style.map((st) => `${st}>${v1}`);
  const shared = style.map((st) => `${st} t="s">${v1}`);
  const headerCells = order.map(({ col, o }) => `<${p}c r="${columnLetter(col)}${output.headerRow + 1}" s="${header}" t="s">${v1}${strings.of(output.columns[o].header)}${v2}`);
  const rows = [output.headerRow, ...plan.rows.map((r) => r.sheetRow)].sort((a, b) => a - b);
  // sheet row → index into plan.rows (-1: not a data row), over the rows' span only
  const first = rows[0];
  const indexOf = new Int32Array(rows[rows.length - 1] - first + 1).fill(-1);
  plan.rows.forEach((r, i) => (indexOf[r.sheetRow - first] = i));
  let row = -1;
  let values: readonly unknown[] | null = null;
  const reach = (r: number): boolean => {
    row = r;
    if (r === output.headerRow) {
      values = null;
      return true;
    }
    const i = r >= first && r - first < indexOf.length ? indexOf[r - first] : -1;
    if (i < 0) return false;
    // every row of the roster gets our nine cells with their formats (as the add-in formats the whole block), the
    // empty ones too: a value the clerk types there later is formatted as ours, and 说明 wraps
    values = outputCells(placed[i]);
    return true;
  };
  const put = (k: number): void => {
    if (values === null) return sink.text(headerCells[k]);
    const v = values[order[k].o];
    sink.ascii(open[k]);
    sink.uint(row + 1);
    if (v === null || v === undefined || v === '') sink.ascii(empty[k]);
    else if (typeof v === 'number') {
      sink.ascii(number[k]);
      sink.ascii(numberText(v));
      sink.ascii(v2);
    } else if (typeof v === 'boolean') {
      sink.ascii(`${style[k]} t="b">${v1}${v ? 1 : 0}${v2}`);
    } else {
      const text = String(v);
      if (strings.shares(text)) {
        sink.ascii(shared[k]);
        sink.uint(strings.of(text));
        sink.ascii(v2);
      } else {
        sink.text(`${style[k]} t="inlineStr"><${p}is><${p}t${spaceAttr(text)}>`);
        sink.text(escapeText(text));
        sink.text(`</${p}t></${p}is></${p}c>`);
      }
    }
  };
  return { rows, cols, count: order.length, reach, put };
}

/** The status colours: one conditional format over the 状态 cells, one rule per status. */
function statusFormat(plan: RosterPlan, styles: StyleBook, p: string, firstPriority: number): string | null {
  const status = plan.output?.columns.find((c) => c.header === '状态');
  if (!status || plan.rows.length === 0) return null;
  const letters = columnLetter(status.col);
  const ref = `${letters}${plan.rows[0].sheetRow + 1}:${letters}${plan.rows[plan.rows.length - 1].sheetRow + 1}`;
  const rules = STATUS_STYLES.map((s, i) => `<${p}cfRule type="cellIs" dxfId="${styles.dxf({ fontColor: s.font, fill: s.fill })}" priority="${firstPriority + i}" operator="equal"><${p}formula>"${s.text}"</${p}formula></${p}cfRule>`);
  return `<${p}conditionalFormatting sqref="${ref}">${rules.join('')}</${p}conditionalFormatting>`;
}

const STATUS_FORMULAE = new Set(STATUS_STYLES.map((s) => `"${s.text}"`));

/** A previous run's status colours: every rule a cellIs with one of the four statuses, on one column. */
function isOurStatusFormat(xml: string): boolean {
  const formulas = [...xml.matchAll(/<(?:\w+:)?formula>([^<]{0,40})<\/(?:\w+:)?formula>/g)].map((m) => m[1].replace(/&quot;/g, '"'));
  const rules = (xml.match(/<(?:\w+:)?cfRule\b/g) ?? []).length;
  return rules === STATUS_STYLES.length && formulas.length === rules && formulas.every((f) => STATUS_FORMULAE.has(f)) && !/type="(?!cellIs")/.test(xml.replace(/<(?:\w+:)?cfvo[^>]*>/g, ''));
}

export async function writeRosterSheet(bytes: Uint8Array, path: string, plan: RosterPlan, placed: readonly PlacedResult[], styles: StyleBook, strings: SharedStrings, sink: PartSink): Promise<RosterSheetResult> {
  const output = plan.output;
  if (!output) throw new Error('内部错误：没有输出列的位置');
  if (placed.length !== plan.rows.length) throw new Error(`内部错误：结果 ${placed.length} 行，花名册 ${plan.rows.length} 行`);
  const s = new XmlScanner(bytes, path);
  const t = newTag();
  let copied = 0;
  const emitTo = (pos: number): void => {
    if (pos > copied) sink.copy(bytes, copied, pos);
    copied = Math.max(copied, pos);
  };
  const put = (text: string): void => sink.text(text);
  // the root element and its prefix
  while (s.next(t) && t.kind !== OPEN) {
    /* the XML declaration and comments are skipped by the scanner */
  }
  const p = t.local > t.nameStart ? `${new TextDecoder().decode(bytes.subarray(t.nameStart, t.local))}` : '';
  const ourCols = new Set(output.columns.map((c) => c.col));
  const created = output.columns.filter((c) => !c.exists);
  const newCols = new Set(created.map((c) => c.col));
  const minOur = Math.min(...ourCols);
  const maxOur = Math.max(...ourCols);
  const writes = ourCells(plan, placed, styles, strings, p, sink);
  let hasPane = false;
  let sawSheetViews = false;
  let sawCols = false;
  let maxPriority = 0;
  let cfInserted = false;
  const pendingCf = (): string => statusFormat(plan, styles, p, maxPriority + 1) ?? '';
  const freezeXml = (): string => `<${p}pane ySplit="${output.headerRow + 1}" topLeftCell="A${output.headerRow + 2}" activePane="bottomLeft" state="frozen"/>`;
  const colsXml = (existing: { min: number; max: number; tag: string }[]): string => `<${p}cols>${splitCols(existing, created.map((c) => ({ col: c.col, width: Math.round(((WIDTHS[c.header] ?? 80) / POINTS_PER_CHARACTER) * 10) / 10 })), p).join('')}</${p}cols>`;

  /** Elements we add, each before the first existing element that ranks after it. */
  const beforeChild = (rank: number, at: number): void => {
    if (!sawSheetViews && rank > worksheetRank('sheetViews')) {
      sawSheetViews = true;
      emitTo(at);
      put(`<${p}sheetViews><${p}sheetView workbookViewId="0">${freezeXml()}</${p}sheetView></${p}sheetViews>`);
    }
    if (!sawCols && created.length > 0 && rank > worksheetRank('cols')) {
      sawCols = true;
      emitTo(at);
      put(colsXml([]));
    }
    if (!cfInserted && rank > worksheetRank('conditionalFormatting')) {
      cfInserted = true;
      emitTo(at);
      put(pendingCf());
    }
  };

  let depth = 1;
  while (s.next(t)) {
    if (t.kind === CLOSE) {
      depth--;
      if (depth === 0) {
        beforeChild(Number.MAX_SAFE_INTEGER, t.start);
        break;
      }
      continue;
    }
    // a top-level child of <worksheet>
    const n = localName(bytes, t);
    const rank = worksheetRank(n);
    if (rank >= 0) beforeChild(rank, t.start);
    if (n === 'dimension') {
      const r = attrRange(bytes, t, N.ref);
      const a = r ? parseArea(new TextDecoder().decode(bytes.subarray(r.start, r.end))) : null;
      if (r && a) {
        emitTo(r.start);
        const right = Math.max(a.col + a.columnCount - 1, maxOur);
        const bottom = a.row + a.rowCount - 1;
        put(`${columnLetter(a.col)}${a.row + 1}:${columnLetter(right)}${bottom + 1}`);
        copied = r.end;
      }
    } else if (n === 'sheetViews') {
      sawSheetViews = true;
      if (t.kind === OPEN) hasPane = patchSheetViews(s, bytes, t, emitTo, put, freezeXml, (pos) => (copied = pos));
    } else if (n === 'cols') {
      sawCols = true;
      if (t.kind === OPEN && created.length > 0) {
        const start = t.start;
        const existing = readCols(s, bytes, t);
        emitTo(start);
        put(colsXml(existing));
        copied = s.pos;
      } else if (t.kind === OPEN) s.skipElement(t);
    } else if (n === 'sheetData') {
      if (t.kind === EMPTY) {
        // a sheet without cells cannot be a roster; nothing to splice
      } else {
        await patchSheetData(s, bytes, t, writes, ourCols, newCols, plan.sheetName, minOur, maxOur, emitTo, put, (pos) => (copied = pos), sink, p);
      }
    } else if (n === 'conditionalFormatting') {
      const start = t.start;
      if (t.kind === OPEN) s.skipElement(t);
      const end = s.pos;
      const xml = end - start < 65536 ? new TextDecoder().decode(bytes.subarray(start, end)) : '';
      if (xml && isOurStatusFormat(xml)) {
        emitTo(start);
        copied = end;
      } else for (const m of xml.matchAll(/priority="(\d{1,9})"/g)) maxPriority = Math.max(maxPriority, Number(m[1]));
    } else if (t.kind === OPEN) {
      s.skipElement(t);
    }
  }
  emitTo(bytes.length);
  void hasPane;
  return { created: created.map((c) => c.header), rows: plan.rows.length };
}

/** Inside <sheetViews>: the first sheetView gets our frozen pane unless it has a pane (the clerk's freeze or split). */
function patchSheetViews(s: XmlScanner, b: Uint8Array, views: Tag, emitTo: (pos: number) => void, put: (text: string) => void, pane: () => string, skipTo: (pos: number) => void): boolean {
  const t = newTag();
  let first = true;
  let hasPane = false;
  let depth = 1;
  while (depth > 0 && s.next(t)) {
    if (t.kind === CLOSE) {
      depth--;
      continue;
    }
    if (depth === 1 && is(b, t, N.sheetView) && first) {
      first = false;
      if (t.kind === EMPTY) {
        // <sheetView …/> → <sheetView …><pane/></sheetView>
        let end = t.end - 2;
        while (b[end - 1] === 0x20) end--;
        emitTo(end);
        put(`>${pane()}</${localNameWithPrefix(b, t)}>`);
        skipTo(t.end);
        continue;
      }
      // the first child decides: a pane must come first in CT_SheetView
      const child = newTag();
      const at = s.pos;
      const sv = s.pos;
      if (s.next(child) && child.kind !== CLOSE && is(b, child, N.pane)) {
        hasPane = true;
      } else {
        emitTo(sv);
        put(pane());
      }
      s.pos = at;
      depth++;
      continue;
    }
    if (t.kind === OPEN) depth++;
  }
  void views;
  return hasPane;
}

function localNameWithPrefix(b: Uint8Array, t: Tag): string {
  return new TextDecoder().decode(b.subarray(t.nameStart, t.nameEnd));
}

type ColEntry = { min: number; max: number; tag: string };

function readCols(s: XmlScanner, b: Uint8Array, cols: Tag): ColEntry[] {
  const t = newTag();
  const out: ColEntry[] = [];
  let depth = 1;
  while (depth > 0 && s.next(t)) {
    if (t.kind === CLOSE) {
      depth--;
      continue;
    }
    if (depth === 1 && is(b, t, N.col)) {
      const min = attrInt(b, t, N.min);
      const max = attrInt(b, t, N.max);
      const start = t.start;
      if (t.kind === OPEN) s.skipElement(t);
      if (min >= 1 && max >= min) out.push({ min, max, tag: new TextDecoder().decode(b.subarray(start, s.pos)) });
      continue;
    }
    if (t.kind === OPEN) depth++;
  }
  void cols;
  return out;
}

/** The <col> ranges with our new columns cut out of them, plus ours (1-based, ascending, not overlapping). */
export function splitCols(existing: readonly ColEntry[], ours: readonly { col: number; width: number }[], p: string): string[] {
  const mine = new Map(ours.map((o) => [o.col + 1, o.width]));
  const pieces: { min: number; xml: string }[] = [];
  const withRange = (tag: string, min: number, max: number): string => tag.replace(/\bmin="\d+"/, `min="${min}"`).replace(/\bmax="\d+"/, `max="${max}"`);
  const covering = new Map<number, string>();
  for (const e of existing) {
    let from = e.min;
    for (const c of [...mine.keys()].filter((k) => k >= e.min && k <= e.max).sort((a, b) => a - b)) {
      if (c > from) pieces.push({ min: from, xml: withRange(e.tag, from, c - 1) });
      covering.set(c, e.tag);
      from = c + 1;
    }
    if (from <= e.max) pieces.push({ min: from, xml: withRange(e.tag, from, e.max) });
  }
  for (const [c, width] of mine) {
    const style = /\bstyle="(\d+)"/.exec(covering.get(c) ?? '')?.[1];
    pieces.push({ min: c, xml: `<${p}col min="${c}" max="${c}" width="${width}"${style ? ` style="${style}"` : ''} customWidth="1"/>` });
  }
  return pieces.sort((a, b) => a.min - b.min).map((x) => x.xml);
}

/** A row's spans="first:last" (1-based columns), or null when it is not two numbers. */
function spansOf(b: Uint8Array, start: number, end: number): { first: number; last: number } | null {
  const n = [0, 0];
  let k = 0;
  let digits = 0;
  for (let i = start; i < end; i++) {
    const c = b[i];
    if (c === 0x3a && k === 0 && digits > 0) {
      k = 1;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      n[k] = n[k] * 10 + (c - 0x30);
      digits++;
    } else return null;
  }
  return k === 1 && digits > 0 ? { first: n[0], last: n[1] } : null;
}

async function patchSheetData(
  s: XmlScanner, b: Uint8Array, data: Tag, writes: OurCells, ourCols: ReadonlySet<number>, newCols: ReadonlySet<number>,
  sheetName: string, minOur: number, maxOur: number, emitTo: (pos: number) => void, put: (text: string) => void, skipTo: (pos: number) => void, sink: PartSink, p: string,
): Promise<void> {
  const pending = writes.rows;
  let next = 0;
  const t = newTag();
  const inner = newTag();
  let row = -1;
  const { cols } = writes;
  const { count } = writes;
  /** A row of ours where the sheet has none: our cells only. */
  const putRow = (r: number): void => {
    put(`<${p}row r="${r + 1}">`);
    for (let k = 0; k < count; k++) writes.put(k);
    put(`</${p}row>`);
  };
  for (;;) {
    if (!s.next(t)) s.fail('unclosed sheetData');
    if (t.kind === CLOSE) {
      // </sheetData>: rows never seen get rows of their own
      emitTo(t.start);
      while (next < pending.length) {
        if (writes.reach(pending[next])) putRow(pending[next]);
        next++;
      }
      return;
    }
    if (!is(b, t, N.row)) {
      if (t.kind === OPEN) s.skipElement(t);
      continue;
    }
    if (sink.waiting) await sink.drained();
    const rr = attrInt(b, t, N.r);
    row = rr > 0 ? rr - 1 : row + 1;
    while (next < pending.length && pending[next] < row) {
      if (writes.reach(pending[next])) {
        emitTo(t.start);
        putRow(pending[next]);
      }
      next++;
    }
    if (!writes.reach(row)) {
      if (t.kind === OPEN) s.skipElement(t);
      continue;
    }
    next++;
    // spans: a hint of the row's first and last column; widened over ours
    const sp = attrRange(b, t, N.spans);
    const spans = sp ? spansOf(b, sp.start, sp.end) : null;
    if (sp && spans) {
      emitTo(sp.start);
      put(`${Math.min(spans.first, minOur + 1)}:${Math.max(spans.last, maxOur + 1)}`);
      skipTo(sp.end);
    }
    if (t.kind === EMPTY) {
      let end = t.end - 2;
      while (b[end - 1] === 0x20) end--;
      emitTo(end);
      put('>');
      for (let k = 0; k < count; k++) writes.put(k);
      put(`</${new TextDecoder().decode(b.subarray(t.nameStart, t.nameEnd))}>`);
      skipTo(t.end);
      continue;
    }
    let k = 0;
    let col = -1;
    const at = { row: 0, col: 0 };
    for (;;) {
      if (!s.next(inner)) s.fail('unclosed row');
      if (inner.kind === CLOSE) {
        // </row>
        emitTo(inner.start);
        while (k < count) writes.put(k++);
        break;
      }
      if (!is(b, inner, N.c)) {
        if (inner.kind === OPEN) s.skipElement(inner);
        continue;
      }
      const start = inner.start;
      const rs = attrStart(b, inner, N.r);
      const rAttr = rs >= 0;
      if (rAttr && cellRefInto(b, rs, span.end, at)) col = at.col;
      else col++;
      const nameEnd = inner.nameEnd;
      let hasValue = false;
      if (inner.kind === OPEN) {
        const cellTag = newTag();
        let depth = 1;
        while (depth > 0 && s.next(cellTag)) {
          if (cellTag.kind === CLOSE) depth--;
          else {
            if (depth === 1 && (is(b, cellTag, N.v) || is(b, cellTag, N.is) || is(b, cellTag, N.f))) hasValue = true;
            if (cellTag.kind === OPEN) depth++;
          }
        }
      }
      const end = s.pos;
      while (k < count && cols[k] < col) {
        emitTo(start);
        writes.put(k++);
      }
      if (ourCols.has(col)) {
        if (hasValue && newCols.has(col)) {
          throw new RosterFileError(`工作表“${sheetName}”的 ${columnLetter(col)}${row + 1} 已有内容，而核对结果要写在 ${columnLetter(Math.min(...newCols))}–${columnLetter(Math.max(...newCols))} 列：请在花名册右侧留出 9 列空白（或把这些内容移走）后再试。`);
        }
        emitTo(start);
        skipTo(end);
        continue;
      }
      if (!rAttr) {
        // a cell without a reference is read as the one after the cell before it: in a row we change, it gets its own
        emitTo(nameEnd);
        put(` r="${columnLetter(col)}${row + 1}"`);
      }
    }
  }
  void data;
}
