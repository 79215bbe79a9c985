// The roster's Excel table grown over new output columns right next to it (as the add-in's table grows): the table
// part's ref, its autoFilter's ref and new tableColumn entries; nothing else in the part changes. A table that
// already has a column of one of our names, or whose right edge is not next to our columns, is left as it is.
import type { OutputColumn } from '../../shared/roster/types';
import { columnLetter, parseArea } from '../../shared/sheet/a1';
import { CLOSE, EMPTY, OPEN, XmlScanner, attr, attrInt, attrRange, is, name, newTag } from '../xml/scan';
import { escapeAttr, utf8 } from './xml-text';

const N = { table: name('table'), ref: name('ref'), autoFilter: name('autoFilter'), tableColumns: name('tableColumns'), tableColumn: name('tableColumn'), count: name('count'), id: name('id'), name: name('name'), totalsRowCount: name('totalsRowCount') };

/** The table part with our columns added, or null when the table stays as it is. */
export function widenTablePart(bytes: Uint8Array, path: string, created: readonly OutputColumn[]): Uint8Array[] | null {
  if (created.length === 0) return null;
  const s = new XmlScanner(bytes, path);
  const t = newTag();
  let refRange: { start: number; end: number } | null = null;
  let filterRange: { start: number; end: number } | null = null;
  let countRange: { start: number; end: number } | null = null;
  let columnsClose = -1;
  let prefix = '';
  let maxId = 0;
  let totals = 0;
  const names = new Set<string>();
  while (s.next(t)) {
    if (t.kind === CLOSE) {
      if (is(bytes, t, N.tableColumns)) columnsClose = t.start;
      continue;
    }
    if (is(bytes, t, N.table)) {
      refRange = attrRange(bytes, t, N.ref);
      totals = Math.max(0, attrInt(bytes, t, N.totalsRowCount));
      prefix = t.local > t.nameStart ? new TextDecoder().decode(bytes.subarray(t.nameStart, t.local)) : '';
    } else if (is(bytes, t, N.autoFilter) && filterRange === null) filterRange = attrRange(bytes, t, N.ref);
    else if (is(bytes, t, N.tableColumns)) {
      countRange = attrRange(bytes, t, N.count);
      if (t.kind === EMPTY) return null;
    } else if (is(bytes, t, N.tableColumn)) {
      maxId = Math.max(maxId, attrInt(bytes, t, N.id));
      names.add((attr(bytes, t, N.name) ?? '').toLowerCase());
      if (t.kind === OPEN) s.skipElement(t);
    } else if (t.kind === OPEN && !is(bytes, t, N.table) && !is(bytes, t, N.tableColumns)) s.skipElement(t);
  }
  if (!refRange || columnsClose < 0) return null;
  const area = parseArea(new TextDecoder().decode(bytes.subarray(refRange.start, refRange.end)));
  if (!area) return null;
  let right = area.col + area.columnCount - 1;
  const adding: OutputColumn[] = [];
  for (const c of [...created].sort((a, b) => a.col - b.col)) {
    if (c.col !== right + 1 || names.has(c.header.toLowerCase())) break;
    adding.push(c);
    right = c.col;
  }
  if (adding.length === 0) return null;
  const top = `${columnLetter(area.col)}${area.row + 1}`;
  const lastRow = area.row + area.rowCount;
  const edits: { start: number; end: number; text: string }[] = [{ ...refRange, text: `${top}:${columnLetter(right)}${lastRow}` }];
  if (filterRange) edits.push({ ...filterRange, text: `${top}:${columnLetter(right)}${lastRow - totals}` });
  if (countRange) edits.push({ ...countRange, text: String(names.size + adding.length) });
  edits.push({ start: columnsClose, end: columnsClose, text: adding.map((c, i) => `<${prefix}tableColumn id="${maxId + 1 + i}" name="${escapeAttr(c.header)}"/>`).join('') });
  edits.sort((a, b) => a.start - b.start);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const e of edits) {
    out.push(bytes.subarray(at, e.start), utf8(e.text));
    at = e.end;
  }
  out.push(bytes.subarray(at));
  return out;
}
