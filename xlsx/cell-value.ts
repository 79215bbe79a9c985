// One exceljs cell as Excel's Range.values would give it: the value the clerk sees, with Excel's value type.
import type { CellValue as XlsxCellValue } from 'exceljs';
import type { GridValue, GridValueType } from '../shared/roster/types';

/** exceljs's ValueType numbers (a `declare enum` in its typings, so not importable as values). */
export const XLSX_TYPE = {
  Null: 0,
  Merge: 1,
  Number: 2,
  String: 3,
  Date: 4,
  Hyperlink: 5,
  Formula: 6,
  SharedString: 7,
  RichText: 8,
  Boolean: 9,
  Error: 10,
} as const;

/** Days between the serial epoch and 1970-01-01: 25569 in the 1900 system, 24107 in the 1904 system. */
const EPOCH_1900 = 25569;
const EPOCH_1904 = 24107;
const MS_PER_DAY = 86_400_000;

/** A date cell back to its Excel serial (exceljs turns date-formatted numbers into UTC Dates). */
export function dateToSerial(d: Date, date1904: boolean): number {
  const serial = d.getTime() / MS_PER_DAY + (date1904 ? EPOCH_1904 : EPOCH_1900);
  // exceljs rounds to the millisecond: snap values within a millisecond of a whole day back to it.
  const whole = Math.round(serial);
  return Math.abs(serial - whole) * MS_PER_DAY < 1 ? whole : serial;
}

export type GridCell = { value: GridValue; type: GridValueType; formulaWithoutResult?: boolean };

const EMPTY: GridCell = { value: null, type: 'Empty' };

function numberCell(n: number): GridCell {
  return { value: n, type: Number.isInteger(n) ? 'Integer' : 'Double' };
}

/** A plain value (a formula's cached result included) as a grid cell. */
function plain(v: unknown, date1904: boolean): GridCell {
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? numberCell(v) : { value: String(v), type: 'Error' };
  if (typeof v === 'string') return v === '' ? EMPTY : { value: v, type: 'String' };
  if (typeof v === 'boolean') return { value: v, type: 'Boolean' };
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? EMPTY : numberCell(dateToSerial(v, date1904));
  if (typeof v === 'object') {
    const o = v as { error?: unknown; richText?: unknown; text?: unknown };
    if (typeof o.error === 'string') return { value: o.error, type: 'Error' };
    if (Array.isArray(o.richText)) {
      const text = (o.richText as { text?: unknown }[]).map((r) => (typeof r.text === 'string' ? r.text : '')).join('');
      return text === '' ? EMPTY : { value: text, type: 'String' };
    }
    // A hyperlink: its display text (itself possibly rich text).
    if ('text' in o) return plain(o.text, date1904);
  }
  return { value: null, type: 'Unknown' };
}

/**
 * The cell as the clerk sees it: a merged area's other cells are empty (as Range.values gives them), a formula gives
 * its cached result (none cached: empty, flagged), rich text its plain text, a hyperlink its text, a date its serial.
 */
export function gridCell(type: number, value: XlsxCellValue, date1904: boolean): GridCell {
  if (type === XLSX_TYPE.Merge || type === XLSX_TYPE.Null) return EMPTY;
  if (type === XLSX_TYPE.Formula) {
    const result = (value as { result?: unknown } | null)?.result;
    if (result === undefined) return { value: null, type: 'Empty', formulaWithoutResult: true };
    return plain(result, date1904);
  }
  return plain(value, date1904);
}
