// A made-up roster for warming up the evaluate path (the Worker's start-up, worker/warm-up.ts): from a rule set's
// header table, every kind of cell and every rule, deterministic, no clock and no randomness.
import type { HeaderKind } from './headers';
import { headersFor } from './headers';
import { getRuleSet } from './rulesets';
import type { RuleSet } from './rulesets/types';
import type { CellValue, RosterKey, RosterRowInput } from './types';

/** Rows of the made-up roster by default: a request's size at the Workers Free plan's advertised rows per request. */
export const WARM_UP_ROWS = 400;

/** Valid cells of each kind of column, written the ways rosters write them (numbers, text with units, full width). */
const VALID: Readonly<Record<HeaderKind, readonly CellValue[]>> = {
  text: [],
  hours: [30, 60, 24, '30学时', 0, 32.5, '６０', 16, 120, ' 45 ', 8, 40],
  days: [3, 1, 5, '2天', 2, 0, 8],
  count: [1, 2, 0, '2项', 5, 3],
  months: [6, 3, 12, '8个月', 0, 2],
  yesno: ['是', '否', '', 'Y', '√', true],
  case: [],
  date: [45208, '2023-10-09', '2023/6/20', '2023年5月8日', '2023.12.1', '2024/3/1'],
};
/** Cells that make a row 数据有误 (one per bad row, never more), and placeholders that count as blank. */
const BAD: Readonly<Record<HeaderKind, readonly CellValue[]>> = {
  text: [12345],
  hours: ['三十', -5, '#N/A', 1e9, '12 小时x'],
  days: ['三天', -1],
  count: [1.5, '两项'],
  months: [13, '半年'],
  yesno: ['也许'],
  case: ['出国'],
  date: ['下周', 20231309],
};
const PLACEHOLDERS: readonly CellValue[] = ['/', '无', '-', null];

const TEXTS: Partial<Record<RosterKey, readonly CellValue[]>> = {
  // the add-in sends a row key instead of a name (addin/compute/minimise.ts); the web page and functions send names
  name: ['R2', '张伟', ' 王芳 ', 'R3', '李娜'],
  unit: ['枣庄市立医院', '', '滕州市中心人民医院', '枣庄市第八中学'],
  department: ['内科', '', '外科', '护理部', '数学组'],
};
const NOT_A_PERSON: readonly string[] = ['合计', '总计：', '制表人：张三'];

/** Rows that reach the rarer rules, by position in each 50 rows (a title applicant without a date or long ago, …). */
const SPECIAL_ROWS: Partial<Record<number, (rs: RuleSet) => RosterRowInput>> = {
  // a unit over MAX_GROUP_TEXT: TOO_LONG, grouped as （内容过长）
  23: () => ({ unit: '枣庄市立医院'.repeat(20) }),
  37: () => ({ name: '' }),
  41: (rs) => titleApplicant(rs, ''),
  43: (rs) => titleApplicant(rs, `${Math.min(...rs.calendar.years) - 2}-05-06`),
  47: (rs) => {
    const sc = rs.specialCases;
    return sc === undefined ? {} : { [sc.caseInput]: sc.cases.find((c) => c.needsProvincialApproval)?.name ?? '', [sc.monthsInput]: 3 };
  },
};

/** A title applicant (正文六's count back) submitting on `date`, in the rule set's columns. */
function titleApplicant(rs: RuleSet, date: string): RosterRowInput {
  const t = rs.deadline.titleApplicants;
  return t === undefined ? {} : { [t.applicant]: '是', [t.submission]: date };
}

/** The cell of column `k` (kind `kind`) on row `i`: the pools are cycled with a different stride per column. */
function cell(pool: readonly CellValue[], i: number, k: number): CellValue {
  return pool.length === 0 ? null : pool[(i * (2 * k + 1) + k) % pool.length];
}

/**
 * The made-up roster of a rule set: from its header table (so a new column is warmed up with no edit here), every
 * column's kinds of valid cells, in two layouts taking turns: the add-in's (every column, '' for a blank cell, a row
 * key for the name last and no ID number: addin/compute/minimise.ts) and sparse rows naming people (the web page,
 * the functions, other clients); every seventh row with one bad cell or a placeholder, a blank row, total and note
 * rows. Every ID number differs (the same one twice makes the engine build every result as an object: a request of
 * its own, duplicateRows).
 */
export function warmUpRows(ruleSet: string, count: number = WARM_UP_ROWS): RosterRowInput[] {
  const rs = getRuleSet(ruleSet);
  const headers = headersFor(rs);
  const cases = [...rs.specialCaseNames, ''];
  const rows: RosterRowInput[] = [];
  for (let i = 0; i < count; i++) {
    const row: Record<string, CellValue> = {};
    const sheetLayout = i % 2 === 0;
    headers.forEach((h, k) => {
      if (sheetLayout && (h.key === 'name' || h.key === 'idNumber')) return;
      // a blank cell now and then, differently per column
      if ((i + k) % 5 === 4 && !h.required) {
        if (sheetLayout) row[h.key] = '';
        return;
      }
      const pool = TEXTS[h.key] ?? (h.kind === 'case' ? cases : VALID[h.kind]);
      row[h.key] = h.key === 'idNumber' ? idNumber(i) : cell(pool, i, k);
    });
    if (sheetLayout) row.name = `R${i + 2}`;
    if (i % 7 === 3) {
      const h = headers[i % headers.length];
      row[h.key] = i % 2 === 0 ? cell(BAD[h.kind], i, 0) : cell(PLACEHOLDERS, i, 0);
    }
    if (i % 50 === 17) row.name = NOT_A_PERSON[(i / 50) % NOT_A_PERSON.length | 0];
    const special = SPECIAL_ROWS[i % 50];
    if (special !== undefined) Object.assign(row, special(rs));
    rows.push(i % 50 === 29 ? {} : (row as RosterRowInput));
  }
  return rows;
}

/** Row i's ID number: one of each kind (text with a wrong check digit, with a right one or X, too short, a number), never repeated. */
function idNumber(i: number): CellValue {
  const body = `3704021985${String(1_000_000 + i).slice(1)}`;
  switch (i % 4) {
    case 0: return `${body}0`;
    case 1: return `${body}X`;
    case 2: return body.slice(0, 12);
    default: return Number(`${body}1`);
  }
}

/** Two rows with one ID number (the cross-row check, docs/rules.md §9). */
export function duplicateRows(ruleSet: string): RosterRowInput[] {
  const [first, second] = warmUpRows(ruleSet, 4).filter((r) => Object.keys(r).length > 0);
  return [{ ...first, idNumber: '370402198503121234' }, { ...second, idNumber: '370402198503121234' }];
}
