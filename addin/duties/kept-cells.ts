// What the clerk typed into a duty sheet (核验结果 on 审核材料清单, 通知情况 on 提醒名单) survives a re-run: the
// previous sheet's typed column is read by row key (person and, for the checklist, the source of hours) and written
// back on the matching new row; entries whose row is gone are listed under the new table, never dropped. Pure.
import type { LayoutValue } from '../../shared/sheet/sheet-layout';

export type KeptEntry = { key: string[]; value: string };

const SEP = '\u0001';
export const keyText = (parts: readonly string[]): string => parts.join(SEP);

/**
 * The typed cells of `keptHeader` by row key, from the previous sheet's columns (`columns[h]` = the values of the
 * column headed h, from the first row under the header row down). A key cell left blank (a merged group's later
 * rows) takes the value above it.
 */
export function readKept(columns: Readonly<Record<string, readonly unknown[]>>, keyHeaders: readonly string[], keptHeader: string): KeptEntry[] {
  const kept = columns[keptHeader] ?? [];
  const last = keyHeaders.map(() => '');
  const out: KeptEntry[] = [];
  for (let i = 0; i < kept.length; i++) {
    keyHeaders.forEach((h, k) => {
      const v = String(columns[h]?.[i] ?? '').trim();
      if (v !== '') last[k] = v;
    });
    const value = String(kept[i] ?? '').trim();
    if (value !== '' && last.some((p) => p !== '')) out.push({ key: [...last], value });
  }
  return out;
}

/** Splits the previous entries into those a new row key takes (first wins) and those left over. */
export function matchKept(previous: readonly KeptEntry[], newKeys: readonly string[][]): { byRow: string[]; orphans: KeptEntry[] } {
  const pool = new Map<string, KeptEntry[]>();
  for (const e of previous) {
    const k = keyText(e.key);
    const list = pool.get(k);
    if (list) list.push(e);
    else pool.set(k, [e]);
  }
  const byRow = newKeys.map((key) => pool.get(keyText(key))?.shift()?.value ?? '');
  const orphans = [...pool.values()].flat();
  return { byRow, orphans };
}

/** The rows listing left-over entries under a table: a title, then the key parts and the value. */
export function orphanRows(orphans: readonly KeptEntry[], keyHeaders: readonly string[], keptHeader: string): LayoutValue[][] {
  if (orphans.length === 0) return [];
  return [
    [`以下“${keptHeader}”是上次填写的，但对应的行已不在本次名单中（保留备查）：`],
    [...keyHeaders, keptHeader],
    ...orphans.map((e) => [...e.key, e.value]),
  ];
}

/** The same from a whole sheet's values (row 1 = values[0]), e.g. an exceljs worksheet read into an array. */
export function keptFromSheetValues(values: readonly (readonly unknown[])[], headerRow: number, keyHeaders: readonly string[], keptHeader: string): KeptEntry[] {
  const names = (values[headerRow - 1] ?? []).map((v) => String(v ?? '').trim());
  const body = values.slice(headerRow);
  const columns: Record<string, unknown[]> = {};
  for (const h of [...keyHeaders, keptHeader]) {
    const col = names.indexOf(h);
    columns[h] = col < 0 ? [] : body.map((r) => r[col]);
  }
  return readKept(columns, keyHeaders, keptHeader);
}
