// The rows under the header: which are people, which are not (docs/rules.md §9), and each person's cells with
// merged 单位 / 部门 cells read into every row they span. Linear in the cells of the roster.
import { MAX_HEADER_TEXT, normalizeHeader, rowFromCells } from '../headers';
import { getCompiledRuleSet } from '../rulesets';
import type { RosterKey } from '../types';
import type { GridReader } from './cells';
import type { FoundHeader } from './header';
import type { ExcludedRow, GridTable, RosterDataRow, SheetGrid } from './types';
import { endsWithTotal, isHeadcountText, isNoteText, isTotalText } from './words';

export type RowScan = {
  from: number;
  to: number;
  firstCol: number;
  lastCol: number;
  nameCol: number;
  ours: ReadonlySet<number>;
  table: GridTable | null;
  /** Per column firstCol..lastCol: the roster key read from it (hidden duplicates resolved). */
  columns: readonly (RosterKey | null)[];
  /** The rule set whose words say which rows are no one. */
  ruleSet: string;
};

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : String(v).trim());

/** Columns where clerks write 小计 / 儿科小计 on a total row: 单位, 部门 and a numbering column (序号). */
function groupingColumns(found: FoundHeader, s: RowScan): Set<number> {
  const numbering = getCompiledRuleSet(s.ruleSet).roster.numberingHeaders;
  const out = new Set<number>();
  s.columns.forEach((k, i) => {
    if (k === 'unit' || k === 'department' || (k === null && numbering.has(normalizeHeader(found.headers[i] ?? '')))) out.add(s.firstCol + i);
  });
  return out;
}

/** Per column: the header's words as normalised (each header row's cell, and the combined header). */
function headerWords(reader: GridReader, found: FoundHeader, s: RowScan): Set<string>[] {
  return found.headers.map((combined, i) => {
    const c = s.firstCol + i;
    const words = new Set<string>();
    const add = (t: string): void => {
      if (t !== '' && t.length <= MAX_HEADER_TEXT) words.add(normalizeHeader(t));
    };
    add(combined);
    add(found.mapped[i] ?? '');
    for (const r of found.rows) {
      const m = reader.mergeAt(r, c);
      add(m === null ? reader.text(r, c) : reader.text(m.row, m.col));
    }
    words.delete('');
    return words;
  });
}

/** Every character of the words, ASCII letters in both cases and full width too (as normalizeHeader folds them). */
function charsOf(words: ReadonlySet<string>): Set<number> {
  const out = new Set<number>();
  for (const w of words) {
    for (let i = 0; i < w.length; i++) {
      const c = w.charCodeAt(i);
      out.add(c);
      if (c >= 0x61 && c <= 0x7a) for (const x of [c - 32, c + 0xfee0, c - 32 + 0xfee0]) out.add(x);
      else if (c >= 0x21 && c <= 0x7e) out.add(c + 0xfee0);
    }
  }
  return out;
}

function sharesChar(text: string, chars: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) if (chars.has(text.charCodeAt(i))) return true;
  return false;
}

/** The first non-empty cell of a row (outside our output block), as text; '' when it is not text. */
function firstText(reader: GridReader, row: number, s: RowScan): { col: number; text: string } | null {
  for (let c = s.firstCol; c <= s.lastCol; c++) {
    if (s.ours.has(c)) continue;
    if (reader.value(row, c) === null) continue;
    return { col: c, text: reader.text(row, c) };
  }
  return null;
}

/** A total word: a whole cell anywhere, or the end of a cell in a grouping or numbering column (儿科小计). */
function totalIn(reader: GridReader, row: number, s: RowScan, grouping: ReadonlySet<number>): string | null {
  for (let c = s.firstCol; c <= s.lastCol; c++) {
    if (s.ours.has(c)) continue;
    const t = reader.text(row, c);
    if (t !== '' && (isTotalText(t, s.ruleSet) || (grouping.has(c) && endsWithTotal(t, s.ruleSet)))) return t;
  }
  return null;
}

export function dataRows(grid: SheetGrid, reader: GridReader, found: FoundHeader, s: RowScan): { rows: RosterDataRow[]; excluded: ExcludedRow[] } {
  const hidden = new Set(grid.hiddenRows ?? []);
  const otherTotals = new Set<number>();
  for (const t of grid.tables ?? []) {
    if (!t.showTotals) continue;
    const totalRow = t.area.row + t.area.rowCount - 1;
    const overlaps = t.area.col <= s.lastCol && t.area.col + t.area.columnCount - 1 >= s.firstCol;
    if (overlaps && (t === s.table || (totalRow >= s.from && totalRow <= s.to))) otherTotals.add(totalRow);
  }
  const grouping = groupingColumns(found, s);
  const words = headerWords(reader, found, s);
  const nameWords = s.nameCol < 0 ? new Set<string>() : words[s.nameCol - s.firstCol];
  const nameChars = charsOf(nameWords);
  // columns with an area merged down over data rows read through it; the others (most) cell by cell
  const filling = new Set<number>();
  for (const m of grid.merged ?? []) if (m.rowCount > 1 && m.row >= s.from && m.row <= s.to) filling.add(m.col);
  const value = (r: number, c: number) => (filling.has(c) ? reader.filledValue(r, c, s.from) : reader.value(r, c));
  // the name as read (a name merged over two rows belongs to both), and the cell's own text (a repeated header's)
  const nameOf = (r: number): string => (s.nameCol < 0 ? '' : cellText(value(r, s.nameCol)));
  const ownName = (r: number): string => (s.nameCol < 0 ? '' : cellText(reader.value(r, s.nameCol)));
  // a person's name shares no character with the name column's header words: most rows are refused without normalising
  const isHeaderName = (name: string): boolean => name.length <= MAX_HEADER_TEXT && sharesChar(name, nameChars) && nameWords.has(normalizeHeader(name));

  /** The header repeated (printed on every page): most of its cells are the header's words, the name among them. */
  const isRepeatedHeader = (r: number): boolean => {
    const own = ownName(r);
    if (own !== '' && !isHeaderName(own)) return false;
    let matches = 0;
    let filled = 0;
    for (let c = s.firstCol; c <= s.lastCol; c++) {
      if (s.ours.has(c) || reader.value(r, c) === null) continue;
      filled++;
      const t = reader.text(r, c);
      if (t !== '' && t.length <= MAX_HEADER_TEXT && words[c - s.firstCol].has(normalizeHeader(t))) matches++;
    }
    return matches * 2 > filled && (own !== '' || matches >= 2);
  };
  // A name with a colon (日期：…, 单位（盖章）: …) is a footer line, never a person; nor is a head count (共17人).
  const isPerson = (r: number): boolean => {
    const name = nameOf(r);
    return (
      name !== '' && !name.includes('：') && !name.includes(':') && !isTotalText(name, s.ruleSet) && !isNoteText(name, s.ruleSet) &&
      !isHeadcountText(name, s.ruleSet) && !otherTotals.has(r)
    );
  };
  // personBelow[r - from]: some row below r names a person.
  const n = Math.max(0, s.to - s.from + 1);
  const personBelow = new Array<boolean>(n).fill(false);
  for (let i = n - 2; i >= 0; i--) personBelow[i] = personBelow[i + 1] || isPerson(s.from + i + 1);
  const rows: RosterDataRow[] = [];
  const excluded: ExcludedRow[] = [];
  const width = s.lastCol - s.firstCol + 1;
  const skip = (row: RosterDataRow, reason: ExcludedRow['reason'], text: string): void => {
    excluded.push({ sheetRow: row.sheetRow, reason, text });
    rows.push(row);
  };
  for (let r = s.from; r <= s.to; r++) {
    const name = nameOf(r);
    const row: RosterDataRow = { sheetRow: r, input: null, name, hidden: hidden.has(r) };
    if (otherTotals.has(r)) {
      skip(row, 'tableTotal', name);
      continue;
    }
    // a row is blank by its own cells: a merged 科室 reaching over an empty row does not make it a person
    const first = firstText(reader, r, s);
    if (first === null) {
      rows.push(row);
      continue;
    }
    const own = ownName(r);
    if (isNoteText(first.text, s.ruleSet) && (own === '' || first.col === s.nameCol)) {
      if (!personBelow[r - s.from]) {
        excluded.push({ sheetRow: r, reason: 'footer', text: first.text });
        break;
      }
      skip(row, 'note', first.text);
      continue;
    }
    if ((own === '' || isHeaderName(own)) && isRepeatedHeader(r)) {
      skip(row, 'header', own || first.text);
      continue;
    }
    if (isTotalText(own, s.ruleSet) || isHeadcountText(own, s.ruleSet)) {
      skip(row, 'total', own);
      continue;
    }
    const total = own === '' ? totalIn(reader, r, s, grouping) : null;
    if (total !== null) {
      skip(row, 'total', total);
      continue;
    }
    const cells = new Array<unknown>(width);
    for (let i = 0; i < width; i++) cells[i] = s.ours.has(s.firstCol + i) ? null : value(r, s.firstCol + i);
    row.input = rowFromCells(cells as (string | number | boolean | null)[], s.columns);
    rows.push(row);
  }
  for (const t of otherTotals) if (t > s.to) excluded.push({ sheetRow: t, reason: 'tableTotal', text: '' });
  return { rows, excluded };
}
