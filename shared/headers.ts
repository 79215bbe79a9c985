// Reading a sheet's header row (docs/rules.md §2): which roster column of a rule set each header cell is. The header
// table itself is the rule set's data (each column's header and aliases, shared/rulesets/header-table.ts); the
// spellings are compared after normalizeHeader, a bracketed unit says what a column counts, and a two-row header is
// read as `group sub`. The add-in maps sheet columns with mapHeaders; custom functions build rows with rowFromCells.
import { MAX_HEADER_TEXT, boundedHeaderText, normalizeHeader, partsOf, splitBracketed, withoutBracketed } from './header-text';
import { toHalfWidth } from './normalize';
import { OUTPUT_HEADERS } from './output-headers';
import { DEFAULT_RULE_SET, getCompiledRuleSet, getRuleSet } from './rulesets';
import type { HeaderDef } from './rulesets/header-table';
import type { CompiledRuleSet } from './rulesets/compile';
import type { CellValue, RosterKey, RosterRowInput } from './types';

export { MAX_HEADER_TEXT, boundedHeaderText, normalizeHeader } from './header-text';
export { headersFor } from './rulesets/header-table';
export type { HeaderDef, HeaderKind } from './rulesets/header-table';

export type HeaderMapping = {
  /** Per sheet column: the roster key it holds, or null (unknown, blank, output or duplicate column). */
  columns: (RosterKey | null)[];
  unknown: { index: number; header: string }[];
  missing: RosterKey[];
  missingRequired: RosterKey[];
  duplicates: { key: RosterKey; indexes: number[] }[];
  outputColumns: { index: number; header: string }[];
  /** The mapped columns that credit hours (市平台学时 … 调入学时), in sheet order: none means nothing can be counted. */
  creditColumns: RosterKey[];
};

/** The header table of a rule set (the default one when omitted), in template column order. */
export function headerTable(ruleSet: string = DEFAULT_RULE_SET): readonly HeaderDef[] {
  return getCompiledRuleSet(ruleSet).headers;
}

/** The header table of the default rule set, in template column order (docs/rules.md §2). */
export const HEADERS: readonly HeaderDef[] = headerTable();

/** The spellings real rosters use for each column of the default rule set (its inputs' aliases), by key. */
export const HEADER_ALIASES: Readonly<Record<RosterKey, readonly string[]>> = Object.fromEntries(HEADERS.map((h) => [h.key, h.aliases]));

/**
 * The columns of a rule set whose content is credited as hours (a sheet without any of them cannot be counted): the
 * hours, count or months column of each source, in template order.
 */
export function creditKeysOf(ruleSet: string = DEFAULT_RULE_SET): readonly RosterKey[] {
  return getCompiledRuleSet(ruleSet).creditKeys;
}

/** The default rule set's credit columns. */
export const CREDIT_KEYS: ReadonlySet<RosterKey> = new Set(creditKeysOf());

/** The Chinese header of a roster key in a rule set (the key itself when the rule set has no such column). */
export function headerOf(key: RosterKey, ruleSet: string = DEFAULT_RULE_SET): string {
  return getCompiledRuleSet(ruleSet).zh[key] ?? key;
}

/** A unit in brackets says what the column counts: `培训进修（天）` is 培训进修天数, `资格证书（个）` 资格证书数. */
const BRACKET_UNIT_MEASURE: ReadonlyMap<string, string> = new Map([
  ['学时', '学时'], ['小时', '学时'], ['天', '天数'], ['日', '天数'], ['月', '月数'], ['个月', '月数'],
  ['个', '数'], ['项', '数'], ['次', '数'], ['篇', '数'], ['本', '数'],
]);

const OUTPUT_INDEX: ReadonlyMap<string, string> = new Map(OUTPUT_HEADERS.map((h) => [normalizeHeader(h), h]));

/**
 * Group headers that only gather columns (基本情况 over 姓名 / 身份证号码 / 科室, 学时情况 over 公需课 / 专业课): under
 * them a sub-header is read as if it stood alone. Compared after normalizeHeader. Data, like HEADER_ALIASES.
 */
export const GATHERING_GROUPS: readonly string[] = [
  '基本情况', '基本信息', '人员信息', '个人信息', '人员基本情况', '个人基本情况', '人员情况',
  '学时情况', '学时完成情况', '学习情况', '完成情况', '学时统计', '继续教育学时', '继续教育情况', '继续教育完成情况',
];
const GATHERING_INDEX: ReadonlySet<string> = new Set(GATHERING_GROUPS.map(normalizeHeader));

/** The measure words a group header may end with and a sub-header takes (市平台学时 + 公需课 → 市平台公需课学时). */
const MEASURES = ['学时数', '学时', '天数', '月数', '项数', '日期', '时间'];

function lookup(n: string, index: ReadonlyMap<string, string>): RosterKey | null {
  if (n.length === 0) return null;
  const hit = index.get(n);
  if (hit !== undefined) return hit;
  const [bare, inner] = splitBracketed(n);
  if (bare === n || bare.length === 0) return null;
  const measure = BRACKET_UNIT_MEASURE.get(inner);
  if (measure !== undefined && !bare.endsWith(measure)) {
    const measured = index.get(bare + measure);
    if (measured !== undefined) return measured;
  }
  return index.get(bare) ?? null;
}

/**
 * A two-row header combined as `group sub` (e.g. `市平台学时 公需课`, `培训进修 天数`, `公需课 市平台`): tried as written,
 * sub before group, with the group's measure word moved after the sub-header, the sub-header alone under a group that
 * only gathers columns (GATHERING_GROUPS), and the sub-header alone when it is a canonical header.
 */
function keyForCombined(text: string, rs: CompiledRuleSet): RosterKey | null {
  const index = rs.headerIndex;
  const parts = partsOf(text);
  for (let k = 1; k < parts.length; k++) {
    const group = normalizeHeader(parts.slice(0, k).join(''));
    const sub = normalizeHeader(parts.slice(k).join(''));
    const swapped = lookup(sub + group, index);
    if (swapped !== null) return swapped;
    const subBare = withoutBracketed(sub);
    for (const m of MEASURES) {
      if (group.endsWith(m) && group.length > m.length && !MEASURES.some((x) => subBare.endsWith(x))) {
        const moved = lookup(group.slice(0, group.length - m.length) + subBare + m, index);
        if (moved !== null) return moved;
      }
    }
    if (GATHERING_INDEX.has(group)) {
      const gathered = lookup(sub, index);
      if (gathered !== null) return gathered;
    }
    const alone = rs.canonicalIndex.get(subBare);
    if (alone !== undefined) return alone;
  }
  return null;
}

/**
 * The roster key of one header cell, or null. Tolerates spaces, bracket widths, a bracketed unit, 科目/课, the JSON
 * key, the aliases of HEADER_ALIASES, and a two-row header combined as `group sub`.
 */
export function keyForHeader(header: CellValue, ruleSet: string = DEFAULT_RULE_SET): RosterKey | null {
  if (typeof header !== 'string') return null;
  const text = boundedHeaderText(header);
  if (text === null) return null;
  const rs = getCompiledRuleSet(ruleSet);
  const direct = lookup(normalizeHeader(text), rs.headerIndex);
  if (direct !== null) return direct;
  return keyForCombined(toHalfWidth(text), rs);
}

/** The output header (OUTPUT_HEADERS, as spelt there) a header cell is, or null: `状 态` and `状态` are both 状态. */
export function outputHeaderOf(header: CellValue): string | null {
  if (typeof header !== 'string') return null;
  const text = boundedHeaderText(header);
  return text === null ? null : (OUTPUT_INDEX.get(normalizeHeader(text)) ?? null);
}

/** true when a header cell is one of the add-in's output headers (OUTPUT_HEADERS). */
export function isOutputHeader(header: CellValue): boolean {
  return outputHeaderOf(header) !== null;
}

/**
 * Maps a sheet's header row to the roster keys of a rule set (the default one when omitted); reports unknown,
 * missing and duplicate headers and output columns.
 */
export function mapHeaders(headerRow: CellValue[], ruleSet: string = DEFAULT_RULE_SET): HeaderMapping {
  const rs = getCompiledRuleSet(ruleSet);
  const columns: (RosterKey | null)[] = [];
  const unknown: { index: number; header: string }[] = [];
  const outputColumns: { index: number; header: string }[] = [];
  const seen = new Map<RosterKey, number[]>();
  for (let i = 0; i < headerRow.length; i++) {
    const cell = headerRow[i];
    const raw = typeof cell === 'string' ? cell : cell === null || cell === undefined ? '' : String(cell);
    const text = boundedHeaderText(raw) ?? raw.slice(0, MAX_HEADER_TEXT);
    if (text.length === 0) {
      columns.push(null);
      continue;
    }
    if (isOutputHeader(text)) {
      outputColumns.push({ index: i, header: text });
      columns.push(null);
      continue;
    }
    const key = keyForHeader(text, ruleSet);
    if (key === null) {
      unknown.push({ index: i, header: text });
      columns.push(null);
      continue;
    }
    const list = seen.get(key);
    if (list === undefined) {
      seen.set(key, [i]);
      columns.push(key);
    } else {
      list.push(i);
      columns.push(null);
    }
  }
  const missing: RosterKey[] = [];
  const missingRequired: RosterKey[] = [];
  for (const h of rs.headers) {
    if (!seen.has(h.key)) {
      missing.push(h.key);
      if (h.required) missingRequired.push(h.key);
    }
  }
  const duplicates: { key: RosterKey; indexes: number[] }[] = [];
  for (const [key, indexes] of seen) if (indexes.length > 1) duplicates.push({ key, indexes });
  const credit = rs.creditKeys;
  const creditColumns = columns.filter((k): k is RosterKey => k !== null && credit.includes(k));
  return { columns, unknown, missing, missingRequired, duplicates, outputColumns, creditColumns };
}

/** One roster row from a sheet row and the column keys of mapHeaders (or the default rule set's template order when omitted). */
export function rowFromCells(cells: CellValue[], columns: readonly (RosterKey | null)[] = getRuleSet().orders.columns): RosterRowInput {
  const row: RosterRowInput = {};
  const n = Math.min(cells.length, columns.length);
  for (let i = 0; i < n; i++) {
    const key = columns[i];
    if (key !== null && key !== undefined) row[key] = cells[i];
  }
  return row;
}
