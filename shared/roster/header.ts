// Finding the header: one row, or a group row over a sub-header row (市平台学时 over 公需课 / 专业课), below any title rows.
import { MAX_HEADER_TEXT, mapHeaders, type HeaderMapping } from '../headers';
import type { RosterKey } from '../types';
import type { GridReader } from './cells';

/** How many rows from the top are searched for the header (title rows, a blank row and notes may sit above it). */
export const HEADER_SEARCH_ROWS = 20;

export type FoundHeader = {
  /** Sheet rows: [header] or [group row, sub-header row]. */
  rows: number[];
  /** Per column: the header as shown to the clerk (“市平台学时/公需课” for a combined one). */
  headers: string[];
  /** Per column: the text that was mapped (the spelling that matched), for mapHeaders. */
  mapped: string[];
  mapping: HeaderMapping;
  columns: (RosterKey | null)[];
};

/** A header cell's text, reading a merged area's value into every cell it covers (a merge starting in `row`'s area). */
function headerText(reader: GridReader, row: number, col: number, mergeTopFrom: number): string {
  const m = reader.mergeAt(row, col);
  if (m !== null) {
    if (m.row < mergeTopFrom) return '';
    const t = reader.text(m.row, m.col);
    return t.length <= MAX_HEADER_TEXT ? t : '';
  }
  const t = reader.text(row, col);
  return t.length <= MAX_HEADER_TEXT ? t : '';
}

function headerFrom(rows: number[], reader: GridReader, firstCol: number, lastCol: number, ruleSet: string): FoundHeader {
  const headers: string[] = [];
  const mapped: string[] = [];
  const top = rows[0];
  for (let c = firstCol; c <= lastCol; c++) {
    if (rows.length === 1) {
      const t = headerText(reader, top, c, top);
      headers.push(t);
      mapped.push(t);
      continue;
    }
    const group = headerText(reader, top, c, top);
    const subMerge = reader.mergeAt(rows[1], c);
    const sub = subMerge !== null && subMerge.row < rows[1] ? '' : headerText(reader, rows[1], c, rows[1]);
    if (sub === '' || group === '') {
      const t = sub === '' ? group : sub;
      headers.push(t);
      mapped.push(t);
      continue;
    }
    // the engine reads a two-row header written as `group sub` (shared/headers.ts keyForHeader)
    headers.push(`${group}/${sub}`);
    mapped.push(`${group} ${sub}`);
  }
  const mapping = mapHeaders(mapped, ruleSet);
  return { rows, headers, mapped, mapping, columns: mapping.columns };
}

const score = (h: FoundHeader): number => h.columns.reduce((n, k) => (k === null ? n : n + 1), 0);

/**
 * The header among the first `searchRows` rows from `fromRow`: the row (or pair of rows) that maps the most roster
 * columns; a pair must map more than either row alone; ties go to the upper row. null when nothing maps.
 */
export function findHeader(reader: GridReader, fromRow: number, searchRows: number, firstCol: number, lastCol: number, ruleSet: string): FoundHeader | null {
  let best: FoundHeader | null = null;
  let bestScore = 0;
  const last = Math.min(reader.lastRow, fromRow + searchRows - 1);
  for (let r = fromRow; r <= last; r++) {
    const single = headerFrom([r], reader, firstCol, lastCol, ruleSet);
    const s = score(single);
    if (s > bestScore) {
      best = single;
      bestScore = s;
    }
    if (r + 1 <= reader.lastRow) {
      const pair = headerFrom([r, r + 1], reader, firstCol, lastCol, ruleSet);
      const p = score(pair);
      if (p > bestScore && p > score(headerFrom([r + 1], reader, firstCol, lastCol, ruleSet))) {
        best = pair;
        bestScore = p;
      }
    }
  }
  return best;
}

/** The header of an Excel table: its header row, possibly with a group row right above it. */
export function tableHeader(reader: GridReader, headerRow: number, firstCol: number, lastCol: number, ruleSet: string): FoundHeader {
  const single = headerFrom([headerRow], reader, firstCol, lastCol, ruleSet);
  if (headerRow - 1 < reader.firstRow) return single;
  const pair = headerFrom([headerRow - 1, headerRow], reader, firstCol, lastCol, ruleSet);
  return score(pair) > score(single) ? pair : single;
}
