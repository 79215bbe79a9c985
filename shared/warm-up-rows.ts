// A made-up roster for warming up the evaluate path (the Worker's start-up, worker/warm-up.ts): from a rule set's
// header table, every kind of cell and every rule, deterministic, no clock and no randomness.
import type { HeaderKind } from './headers';
import { creditKeysOf, headersFor } from './headers';
import { getRuleSet } from './rulesets';
import { seeded } from './seeded';
import type { RuleSet } from './rulesets/types';
import type { CellValue, RosterKey, RosterRowInput } from './types';

/**
 * Rows of each roster the warm-up sends (the made-up and the everyday ones), by default. More than the Free plan's
 * advertised 250 rows a request: measured on 24 fresh processes each (`npm run bench:request`'s way, a 250-row
 * request), the first request after 20 passes of 400-row rosters cost 3.20 ms (median) against 3.46 after 32 passes
 * of 250 rows (3.09 for the version before, whose rosters were 400 rows): the loops a request spends its time in run
 * longer per call. 400 made-up rows also reach every code (EXCEL_ERROR first at row 332).
 */
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

/**
 * A made-up roster of everyday rows, different for each `variant` (a pass of the warm-up): where warmUpRows fills
 * nearly every column of every row, real rows fill a few (the platform's hours, now and then training or a special
 * case), written as each client writes a blank cell (the add-in '', other clients null or no key), with whole and
 * half hours, days and months, and numbers and dates that differ from variant to variant; every third variant is
 * clean (no blank row, no bad cell: the add-in sends a row its own engine finds in error as an empty row, so most of
 * its requests are clean). V8 keeps type feedback for a function only after its first few calls and optimises from
 * it: what the warm-up reaches only in those calls (a warning or a cell text seen for the first time, then cached per
 * rule set) or never (a half hour where a whole one was, a sparse row's branches, a request without any error row)
 * makes the first real request leave the optimised code and run slowly until V8 optimises again. Seeded: every
 * start-up sends the same rows.
 */
export function everydayRows(ruleSet: string, count: number, variant: number): RosterRowInput[] {
  const rs = getRuleSet(ruleSet);
  const headers = headersFor(rs);
  const usual = new Set<string>(creditKeysOf(ruleSet).slice(0, 2));
  const cases = [...rs.specialCaseNames, ...rs.specialCaseNames, ''];
  const sc = rs.specialCases;
  const clean = variant % 3 === 2;
  // some rosters hold whole numbers only (the lists of a request's numbers then hold small integers, not doubles)
  const halves = variant % 4 !== 3;
  const next = seeded(variant + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)];
  const rows: RosterRowInput[] = [];
  for (let i = 0; i < count; i++) {
    if (!clean && next() < 0.02) {
      rows.push({});
      continue;
    }
    // the add-in's layout (every column, '' when blank, a row key, no ID number), null for a blank cell, or no key
    const layout = Math.floor(next() * 3);
    const row: Record<string, CellValue> = {};
    for (const h of headers) {
      if (h.key === 'idNumber' && layout === 0) continue;
      const chance = h.required ? (clean ? 1 : 0.98) : h.kind === 'text' ? 0.9 : usual.has(h.key) ? 0.85 : h.kind === 'yesno' ? 0.3 : 0.12;
      if (next() >= chance) {
        if (layout === 0) row[h.key] = '';
        else if (layout === 1) row[h.key] = null;
        continue;
      }
      const pool = TEXTS[h.key] ?? (h.kind === 'case' ? cases : VALID[h.kind]);
      row[h.key] = h.key === 'idNumber' ? everydayId(variant * count + i) : everydayCell(h.kind, pool, next, variant, halves);
    }
    if (layout === 0) row.name = `R${i + 3}`;
    // a special case comes with its months away (mostly: without them, the row is in error)
    if (sc !== undefined && typeof row[sc.caseInput] === 'string' && row[sc.caseInput] !== '' && (clean || next() < 0.9)) {
      row[sc.monthsInput] = halves ? Math.floor(next() * 25) / 2 : Math.floor(next() * 13);
    }
    if (!clean && next() < 0.03) {
      const h = pick(headers);
      // a bad cell (a number typed as negative text too), or a placeholder
      const bad = next();
      row[h.key] = bad < 0.4 ? pick(BAD[h.kind]) : bad < 0.6 ? `-${Math.floor(next() * 10)}` : pick(PLACEHOLDERS);
    }
    rows.push(row as RosterRowInput);
  }
  return rows;
}

/** Row n's ID number, never repeated: text (18 characters, mostly a wrong check digit) or, now and then, a 15-digit number. */
function everydayId(n: number): CellValue {
  const serial = String(1_000_000 + (n % 1_000_000)).slice(1);
  return n % 9 === 8 ? Number(`37040285${serial}0`) : `3704021985${serial}${n % 10}${'0123456789X'[n % 11]}`;
}

/** A cell of a column of kind `kind`: mostly a number (whole or half), else text from the pool. */
function everydayCell(kind: HeaderKind, pool: readonly CellValue[], next: () => number, variant: number, halves: boolean): CellValue {
  const r = next();
  const whole = (xs: readonly CellValue[]): readonly CellValue[] => (halves ? xs : xs.filter((x) => typeof x !== 'number' || Number.isInteger(x)));
  pool = whole(pool);
  const upTo = (max: number, half: boolean): number => (half && halves && next() < 0.1 ? Math.floor(next() * (2 * max + 1)) / 2 : Math.floor(next() * (max + 1)));
  switch (kind) {
    case 'hours':
      return r < 0.8 ? upTo(60, true) : r < 0.86 ? `${upTo(60, true)}学时` : r < 0.9 ? String(upTo(60, true)) : pool[Math.floor(next() * pool.length)];
    case 'days':
      return r < 0.8 ? upTo(5, true) : pool[Math.floor(next() * pool.length)];
    case 'count':
      return r < 0.8 ? upTo(5, false) : pool[Math.floor(next() * pool.length)];
    case 'months':
      return r < 0.8 ? upTo(12, true) : pool[Math.floor(next() * pool.length)];
    case 'date':
      // an Excel date serial number near the pool's first, different per variant
      return r < 0.5 ? (pool[0] as number) + variant * 7 + Math.floor(next() * 300) - 150 : pool[Math.floor(next() * pool.length)];
    default:
      return pool.length === 0 ? null : pool[Math.floor(next() * pool.length)];
  }
}
