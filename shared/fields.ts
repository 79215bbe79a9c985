// Reading one roster row's cells into typed values, with one Chinese, per-field error for bad input (docs/rules.md
// §7, §9). The parsed row is typed slots: one Float64Array with a slot per column of the rule set (its place in
// orders.columns), NaN for a blank cell; a number, a date's day number, a yes/no as 1/0 (the blank default filled in
// before reading), a special case's index. Text roles (姓名, 单位, 部门, the ID number) are kept as strings. Reading a
// cell is one lookup of its key's slot and a switch on the slot's reader: a new column of an existing kind is data.
import { makeNoteWarning } from './build';
import { parsedBefore, rememberParsed } from './cache';
import type { ErrorCode } from './codes';
import { fmt } from './format';
import {
  checkIdNumber,
  excelErrorOf,
  inCodeSet,
  isEmptyCell,
  isPlaceholder,
  isPlainRoleText,
  isSpaceCode,
  MAX_GROUP_TEXT,
  normalizeIdNumber,
  parseDateCell,
  parseNumberCell,
  parseNumberText,
  parseYesNoCell,
  showCell,
  textOfCell,
  toHalfWidth,
  yesNoOfChar,
} from './normalize';
import {
  READ_CASE,
  READ_DATE,
  READ_DEPARTMENT,
  READ_ID,
  READ_NAME,
  READ_NUMBER,
  READ_TEXT,
  READ_UNIT,
  READ_YES_NO,
  type CompiledRuleSet,
} from './rulesets/compile';
import type { RowError, RowWarning } from './types';

/** A row's values after normalisation (see the head of this file); reused row after row. */
export type ParsedRow = {
  /** Per column slot: the value, NaN when blank. */
  vals: Float64Array;
  /** The name as read; for a total or note row (NOT_A_PERSON_ROW), the name as its warning shows it (notAPersonName). */
  name: string;
  unit: string;
  department: string;
  /** The ID number as compared for DUPLICATE_ID (spaces removed, folded, upper case) when it was text; else null. */
  idKey: string | null;
  /** The sources whose cells were filled, as bits (CompiledInputs.sourceBits): the rules run for these only. */
  sources: number;
  /**
   * PLAIN_NAME, PLAIN_UNIT, PLAIN_DEPARTMENT: the cell is a text taken as it is (no spaces around it, no placeholder,
   * not over-long), or a unit or department left blank: the compact answer's attention list then needs no second
   * look at the row (shared/compact-json.ts). A bit not set says nothing.
   */
  plain: number;
  /**
   * The key that came after each column's key the last time, and its slot (−1: not a column), at the column's slot
   * + 2 (0: a row's first key; 1: the key after one that is not a column): see parseRow.
   */
  nextKey: string[];
  nextSlot: Int32Array;
};

function err(key: string, code: ErrorCode, message: string): RowError {
  return { field: key, code, message };
}

function numberError(slot: number, v: unknown, n: number, rs: CompiledRuleSet): RowError | null {
  const f = rs.inputs;
  const key = f.keys[slot];
  const zh = f.zh[slot];
  if (Number.isNaN(n)) {
    return err(key, 'NOT_A_NUMBER', `${zh}：“${showCell(v)}”不是数字，请填写数字（可带单位“${f.unit[slot]}”）`);
  }
  if (n < 0) return err(key, 'NEGATIVE', `${zh}：不能为负数（${showCell(v)}）`);
  if (f.integer[slot] === 1 && !Number.isInteger(n)) return err(key, 'NOT_INTEGER', `${zh}：应为整数（${showCell(v)}）`);
  if (n > f.max[slot]) {
    // the value as typed (a huge number is not shown as Infinity), with the unit when a bare number was given
    const shown = typeof v === 'number' ? `${showCell(v)}${f.unit[slot]}` : showCell(v);
    return err(key, 'OUT_OF_RANGE', `${zh}：${shown}超出范围（0–${fmt(f.max[slot])}${f.unit[slot]}），请核对`);
  }
  return null;
}

/** A numeric cell (not blank): the number, or NaN when invalid (then an error is pushed). */
function readNumber(v: unknown, slot: number, rs: CompiledRuleSet, errors: RowError[]): number {
  let n: number;
  if (typeof v === 'string') {
    // repeated texts such as '30学时' are parsed once per rule set (bounded cache)
    const numbers = rs.cache.numbers;
    n = parsedBefore(numbers, v) ?? rememberParsed(numbers, v, parseNumberText(v, rs.words));
  } else n = parseNumberCell(v, rs.words);
  const e = numberError(slot, v, n, rs);
  if (e !== null) {
    errors.push(e);
    return NaN;
  }
  return n === 0 ? 0 : n;
}

function readYesNo(v: unknown, slot: number, rs: CompiledRuleSet, errors: RowError[]): number {
  const b = parseYesNoCell(v);
  if (b !== undefined) return b ? 1 : 0;
  errors.push(err(rs.inputs.keys[slot], 'NOT_YES_NO', `${rs.inputs.zh[slot]}：“${showCell(v)}”无法识别，请填写“是”或“否”`));
  return rs.inputs.blank[slot];
}

function readText(v: unknown, slot: number, rs: CompiledRuleSet, errors: RowError[]): string {
  if (typeof v === 'string') return v;
  const t = textOfCell(v);
  if (t !== undefined) return t;
  errors.push(err(rs.inputs.keys[slot], 'NOT_TEXT', `${rs.inputs.zh[slot]}：应为文字，不能是${showCell(v)}`));
  return '';
}

/** name, unit, department: text, and no longer than any such name (MAX_GROUP_TEXT, docs/rules.md §7). */
function readName(v: unknown, slot: number, rs: CompiledRuleSet, errors: RowError[]): string {
  const text = readText(v, slot, rs, errors);
  if (text.length <= MAX_GROUP_TEXT || text.trim().length <= MAX_GROUP_TEXT) return text;
  const zh = rs.inputs.zh[slot];
  errors.push(err(rs.inputs.keys[slot], 'TOO_LONG', `${zh}：内容过长（${text.trim().length} 个字符，最多 ${MAX_GROUP_TEXT} 个），请核对这一格，只填${zh}`));
  return text;
}

/** A special case text longer than this is not folded or looked up: no case name is that long. */
const MAX_CASE_TEXT = 20;

/** A special case's index in the rule set's cases, or NaN (an error is pushed). */
function readCase(v: unknown, slot: number, rs: CompiledRuleSet, errors: RowError[]): number {
  const byName = rs.special?.byName;
  if (byName !== undefined && typeof v === 'string' && v.length <= MAX_CASE_TEXT) {
    const hit = byName.get(v) ?? byName.get(toHalfWidth(v));
    if (hit !== undefined) return hit;
  }
  errors.push(err(rs.inputs.keys[slot], 'UNKNOWN_CASE',
    `${rs.inputs.zh[slot]}：“${showCell(v)}”无法识别，应为${rs.ruleSet.specialCaseNames.join('、')}之一或留空`));
  return NaN;
}

function readDate(v: unknown, slot: number, rs: CompiledRuleSet, errors: RowError[]): number {
  const dates = rs.cache.dates;
  const d = typeof v === 'string' ? (parsedBefore(dates, v) ?? rememberParsed(dates, v, parseDateCell(v))) : parseDateCell(v);
  if (!Number.isNaN(d)) return d;
  errors.push(err(rs.inputs.keys[slot], 'NOT_A_DATE', `${rs.inputs.zh[slot]}：“${showCell(v)}”不是有效日期，请填写如${rs.ruleSet.year}-10-09`));
  return NaN;
}

/** The ID number: never credited; a number lost its last digits (ID_AS_NUMBER), text is checked (ID_CHECKSUM). */
function readId(v: unknown, slot: number, p: ParsedRow, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[]): void {
  const zh = rs.inputs.zh[slot];
  if (typeof v === 'number') {
    warnings.push(makeNoteWarning('ID_AS_NUMBER',
      `${zh}“${showCell(v)}”是数字格式，Excel只保留15位有效数字，末几位已丢失；请把该列设为“文本”格式后重新录入身份证号`));
    return;
  }
  const text = readText(v, slot, rs, errors);
  if (typeof v === 'string') p.idKey = normalizeIdNumber(text);
  const c = checkIdNumber(text);
  if (c.ok) return;
  const why = c.reason === 'checksum' ? `校验位应为${c.expected ?? ''}` : c.reason === 'length' ? '应为18位（或旧版15位）' : '含有非数字字符';
  warnings.push(makeNoteWarning('ID_CHECKSUM', `${zh}“${showCell(text)}”未通过校验（${why}），请核对`));
}

export const PLAIN_NAME = 1;
export const PLAIN_UNIT = 2;
export const PLAIN_DEPARTMENT = 4;
/** A text role's reader: READ_NAME, READ_UNIT or READ_DEPARTMENT (consecutive codes). */
const isRoleReader = (how: number): boolean => how >= READ_NAME && how <= READ_DEPARTMENT;
/** The bit of a text role's reader. */
const plainBit = (how: number): number => 1 << (how - READ_NAME);

/** An empty ParsedRow for a rule set's columns. */
export function newParsedRow(rs: CompiledRuleSet): ParsedRow {
  return {
    vals: new Float64Array(rs.inputs.keys.length),
    name: '',
    unit: '',
    department: '',
    idKey: null,
    sources: 0,
    plain: 0,
    nextKey: new Array<string>(rs.inputs.keys.length + 2).fill(''),
    nextSlot: new Int32Array(rs.inputs.keys.length + 2).fill(-1),
  };
}

/** Sorts a row's errors into template column order. */
export function sortErrors(errors: RowError[], rs: CompiledRuleSet): void {
  if (errors.length < 2) return;
  const slotOf = rs.inputs.slotOf;
  errors.sort((a, b) => (slotOf[a.field] ?? -1) - (slotOf[b.field] ?? -1));
}

/**
 * docs/rules.md §9: a total row (name, spaces removed, is 合计 … optionally with a colon) or a note row (name starts with
 * 制表人 … and a colon). Returns the name as shown, or null for a person. Reads only the first few characters that
 * are not spaces (enough for the longest word and its colon), whatever the name's length.
 */
export function notAPersonName(name: unknown, rs: CompiledRuleSet): string | null {
  if (typeof name !== 'string' || name.length === 0) return null;
  const w = rs.notPerson;
  // the native trimStart: a JS loop over a long run of leading spaces costs ten times more
  const t = isSpaceCode(name.charCodeAt(0)) ? name.trimStart() : name;
  if (t.length === 0 || !inCodeSet(w.firstCodes, t.charCodeAt(0))) return null;
  let head = '';
  let i = 0;
  for (; i < t.length && head.length < w.headLength; i++) {
    if (!isSpaceCode(t.charCodeAt(i))) head += t[i];
  }
  const s = toHalfWidth(head);
  if (i === t.length || t.slice(i).trimStart().length === 0) {
    // the whole name is in `s`: a total word, or one followed by a colon
    if (w.totals.has(s) || (w.colons.has(s[s.length - 1]) && w.totals.has(s.slice(0, -1)))) return t.trim();
  }
  for (let k = 0; k < w.prefixes.length; k++) {
    const pre = w.prefixes[k];
    if (s.length > pre.length && s.startsWith(pre) && w.colons.has(s[pre.length])) return t.trim();
  }
  return null;
}


/** What parseRow found: a blank row, a person, or a total or note row (docs/rules.md §9). */
export const BLANK_ROW = 0;
export const PERSON_ROW = 1;
export const NOT_A_PERSON_ROW = 2;
export type RowKind = typeof BLANK_ROW | typeof PERSON_ROW | typeof NOT_A_PERSON_ROW;

/**
 * Normalises a row object into `p` in one pass over its own keys; blank cells and placeholders keep the defaults,
 * an Excel error value is EXCEL_ERROR in any field. Bad cells push one error each (sorted into template column
 * order), a bad ID number a warning (appended to `warnings`, which may hold earlier rows'). A total or note row
 * (found by its name) is not read at all. `errors` comes empty.
 *
 * The loop reads inline the usual cells (a plain number within its column's range, a one-character yes/no, a name,
 * unit or department that reads as itself) and hands any other cell to readCell (measured on `npm run bench`'s rows,
 * A/B in alternating runs: parseRow about 10–15% faster than one loop holding every reader; the yes/no: 11,908 →
 * 11,374 instructions a row of evaluate + compact encoding, callgrind, the engine bundled as the Worker's is).
 * Every slot is blanked first by one TypedArray copy: in instructions a row (callgrind, the engine bundled as the
 * Worker's is), about 160 against 430 to remember and blank only the slots the last row's keys filled, and a JS loop
 * over every slot cost 560 more than the copy.
 */
export function parseRow(row: object, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[], p: ParsedRow): RowKind {
  const vals = p.vals;
  const f = rs.inputs;
  // every slot back to blank (see above)
  vals.set(f.blank);
  p.name = '';
  p.unit = '';
  p.department = '';
  p.idKey = null;
  p.plain = PLAIN_UNIT | PLAIN_DEPARTMENT;
  const cells = row as Record<string, unknown>;
  // docs/rules.md §9: a total or note row is no person, whatever else it holds. The name is read by its key before
  // the loop on purpose: a row that JSON.parse made before a later row of its shape widened a field (a number, then
  // a text) has a deprecated V8 map, which `for … in` cannot enumerate from its cache, and a load by name migrates
  // it. Once one such row reached the loop, its `cells[key]` stayed a generic keyed load for every row of every later
  // call (a fresh Worker's first request has such rows): a bare loop over 100,000 rows took 21 ms instead of 11
  // (docs/benchmark-log.md, evening of 2026-12-07, a second session).
  const shown = notAPersonName(cells.name, rs);
  if (shown !== null) return notAPerson(p, shown);
  const slotOf = f.slotOf;
  const read = f.read;
  const max = f.max;
  const integer = f.integer;
  const sourceBits = f.sourceBits;
  const monthsSlot = rs.special === null ? -1 : rs.special.monthsSlot;
  const words = rs.words;
  const nextKey = p.nextKey;
  const nextSlot = p.nextSlot;
  let sources = 0;
  let any = false;
  let monthsGiven = false;
  let after = 0;
  for (const key in cells) {
    // the slot of the key: rows list their keys in the roster's column order, leaving out empty cells, so the key
    // that came after the previous one last time is usually this one (one comparison of interned strings instead of a
    // lookup in `slotOf`, which sees thousands of row shapes): 2.0 lookups a row on `npm run bench`'s rows as the
    // add-in sends them, where the key last seen at the same place needed 3.2
    let slot: number;
    if (nextKey[after] === key) slot = nextSlot[after];
    else {
      slot = slotOf[key] ?? -1;
      nextKey[after] = key;
      nextSlot[after] = slot;
    }
    after = slot + 2;
    if (slot < 0) continue;
    const c = cells[key];
    // blank: nothing, or an empty text (as readCell reads it, but without the call: a roster's empty cells are many)
    if (isEmptyCell(c)) continue;
    // the usual cell: a number within its column's range
    if (typeof c === 'number' && read[slot] === READ_NUMBER && c >= 0 && c <= max[slot] && (integer[slot] === 0 || Number.isInteger(c))) {
      vals[slot] = c === 0 ? 0 : c;
      sources |= sourceBits[slot];
      any = true;
      if (slot === monthsSlot) monthsGiven = true;
      continue;
    }
    // the usual yes/no: one character such as 是, 否 or √ that starts no placeholder (readCell would read it the same)
    if (typeof c === 'string' && read[slot] === READ_YES_NO && c.length === 1 && !inCodeSet(words.placeholderFirstCodes, c.charCodeAt(0))) {
      const yes = yesNoOfChar(c.charCodeAt(0));
      if (yes >= 0) {
        vals[slot] = yes;
        sources |= sourceBits[slot];
        any = true;
        continue;
      }
    }
    // the usual name, unit or department: a text that reads as itself
    if (typeof c === 'string' && isRoleReader(read[slot]) && isPlainRoleText(c, words)) {
      const how = read[slot];
      if (how === READ_NAME) p.name = c;
      else if (how === READ_UNIT) p.unit = c;
      else p.department = c;
      p.plain |= plainBit(how);
      any = true;
      continue;
    }
    const got = readCell(c, key, slot, rs, errors, warnings, p);
    if (got === CELL_BLANK) continue;
    any = true;
    if (slot === monthsSlot) monthsGiven = true;
    if (got === CELL_READ) sources |= sourceBits[slot];
  }
  p.sources = sources;
  if (!any) return BLANK_ROW;
  if (p.name.length === 0 && !hasErrorOn(errors, 'name')) {
    errors.push(err('name', 'NAME_MISSING', `${rs.zh.name}：不能为空，每行须填写姓名`));
  }
  const sc = rs.special;
  if (sc !== null && !monthsGiven) {
    const which = vals[sc.caseSlot];
    if (which === which) {
      errors.push(err(f.keys[sc.monthsSlot], 'REQUIRED',
        `${sc.monthsHeader}：填写了${sc.caseHeader}“${sc.rules[which].name}”时必须填写${sc.monthsHeader}`));
    }
  }
  sortErrors(errors, rs);
  return PERSON_ROW;
}

/** A text read as the cell holds it is listed as it is (not over-long, not blank). */
const isPlainText = (text: string): boolean => text.length !== 0 && text.length <= MAX_GROUP_TEXT;

/** What readCell found: a blank cell (or placeholder), a cell read, an Excel error value. */
const CELL_BLANK = 0;
const CELL_READ = 1;
const CELL_EXCEL_ERROR = 2;

/**
 * A cell that is not a plain number (text, a number out of range, anything else) into `p` by its column's reader;
 * blank texts and placeholders are blank, an Excel error value pushes EXCEL_ERROR.
 */
function readCell(v: unknown, key: string, slot: number, rs: CompiledRuleSet, errors: RowError[], warnings: RowWarning[], p: ParsedRow): number {
  const how = rs.inputs.read[slot];
  let c = v;
  if (typeof c === 'string') {
    const n = c.length;
    if (n === 0) return CELL_BLANK;
    // not plain unless read as it is (below): a placeholder, an error value or a text with spaces around it
    if (isRoleReader(how)) p.plain &= ~plainBit(how);
    if (isSpaceCode(c.charCodeAt(0)) || isSpaceCode(c.charCodeAt(n - 1))) {
      c = c.trim();
      if ((c as string).length === 0) return CELL_BLANK;
    }
    const t = c as string;
    if (isPlaceholder(t, rs.words)) return CELL_BLANK;
    const e = excelErrorOf(t, rs.words);
    if (e !== null) {
      errors.push(err(key, 'EXCEL_ERROR', `${rs.inputs.zh[slot]}：单元格是Excel错误值“${e}”，请修正该单元格的公式或重新填写`));
      return CELL_EXCEL_ERROR;
    }
  }
  const vals = p.vals;
  switch (how) {
    case READ_NUMBER:
      vals[slot] = readNumber(c, slot, rs, errors);
      break;
    case READ_YES_NO:
      vals[slot] = readYesNo(c, slot, rs, errors);
      break;
    case READ_CASE:
      vals[slot] = readCase(c, slot, rs, errors);
      break;
    case READ_DATE:
      vals[slot] = readDate(c, slot, rs, errors);
      break;
    case READ_NAME:
      p.name = readName(c, slot, rs, errors);
      break;
    case READ_UNIT:
      p.unit = readName(c, slot, rs, errors);
      break;
    case READ_DEPARTMENT:
      p.department = readName(c, slot, rs, errors);
      break;
    case READ_ID:
      readId(c, slot, p, rs, errors, warnings);
      break;
    case READ_TEXT:
      readText(c, slot, rs, errors);
      break;
    default:
      break;
  }
  if (isRoleReader(how)) {
    // a name, unit or department read as the cell holds it (readName gives a text cell back as it is)
    const bit = plainBit(how);
    p.plain = typeof v === 'string' && c === v && isPlainText(v) ? p.plain | bit : p.plain & ~bit;
  }
  return CELL_READ;
}

/**
 * A total or note row: nothing of it is kept but its name as shown (read before any other cell, so nothing was
 * pushed).
 */
function notAPerson(p: ParsedRow, shown: string): RowKind {
  p.name = shown;
  p.unit = '';
  p.department = '';
  p.idKey = null;
  p.sources = 0;
  return NOT_A_PERSON_ROW;
}

function hasErrorOn(errors: readonly RowError[], field: string): boolean {
  for (let i = 0; i < errors.length; i++) if (errors[i].field === field) return true;
  return false;
}
