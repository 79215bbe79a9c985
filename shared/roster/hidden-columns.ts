// Several columns for one field (docs/rules.md §9): half-year columns the clerk hid beside the visible total
// (专业课（上半年）/（下半年） hidden, 专业课学时 = their SUM). Exactly one visible: read it, list the hidden ones as not
// read. Otherwise the roster cannot be read: the columns are named by letter and header as typed, hidden ones said.
import type { RosterKey } from '../types';
import { columnLetter } from './cells';
import type { FoundHeader } from './header';
import { headerName } from './messages';
import type { HeaderCell, NotReadColumn } from './types';

export type ResolvedColumns = {
  /** Per column firstCol..lastCol: the key read from it. */
  columns: (RosterKey | null)[];
  notRead: NotReadColumn[];
  /** Mapped columns that are hidden and read all the same. */
  hiddenRead: HeaderCell[];
  /** Fields with several columns and no single visible one: why the roster stops ('' when none). */
  conflict: string;
};

export function resolveColumns(found: FoundHeader, firstCol: number, hiddenColumns: readonly number[] | undefined, ruleSet: string): ResolvedColumns {
  const hidden = new Set(hiddenColumns ?? []);
  const columns = [...found.columns];
  const notRead: NotReadColumn[] = [];
  const conflicts: string[] = [];
  const isHidden = (i: number): boolean => hidden.has(firstCol + i);
  for (const d of found.mapping.duplicates) {
    const visible = d.indexes.filter((i) => !isHidden(i));
    if (visible.length === 1) {
      for (const i of d.indexes) columns[i] = null;
      columns[visible[0]] = d.key;
      for (const i of d.indexes) {
        if (i !== visible[0]) notRead.push({ col: firstCol + i, header: found.headers[i], key: d.key, readCol: firstCol + visible[0] });
      }
      continue;
    }
    const named = d.indexes.map((i) => `${columnLetter(firstCol + i)} 列“${found.headers[i]}”${isHidden(i) ? '（已隐藏）' : ''}`);
    conflicts.push(`“${headerName(d.key, ruleSet)}”对应了 ${d.indexes.length} 列：${named.join('、')}。`);
  }
  const hiddenRead: HeaderCell[] = [];
  columns.forEach((k, i) => k !== null && isHidden(i) && hiddenRead.push({ col: firstCol + i, header: found.headers[i] }));
  const anyHidden = found.mapping.duplicates.some((d) => d.indexes.some(isHidden));
  const conflict = conflicts.length === 0 ? '' : `${conflicts.join('')}${anyHidden ? '隐藏的列也算在内（在列标上右键“取消隐藏”可看到）。' : ''}`;
  return { columns, notRead, hiddenRead, conflict };
}
