// An .xlsx an office suite wrote, as the simulated workbook holds it (test/support/excel-sim): each sheet's values as
// Excel's Range.values gives them (a formula its cached result, rich text its text, a date its serial, the other cells
// of a merged area empty), error cells, merged areas, hidden rows and columns, frozen panes. Read with exceljs,
// independently of the code under test.
import type ExcelJS from 'exceljs';

export type SimSheetSpec = {
  name: string;
  /** Rows from A1; '' is an empty cell. */
  rows: (string | number | boolean)[][];
  errors: [number, number][];
  merged: { row: number; col: number; rows: number; cols: number }[];
  hiddenRows: number[];
  hiddenColumns: number[];
  frozenRows: number;
  frozenColumns: number;
};

const EPOCH_1900 = Date.UTC(1899, 11, 30);

function area(ref: string): { row: number; col: number; rows: number; cols: number } {
  const cell = (a: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(a);
    if (!m) throw new Error(`not a cell: ${a}`);
    let col = 0;
    for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
    return [Number(m[2]) - 1, col - 1];
  };
  const [from, to = from] = ref.split(':');
  const [r0, c0] = cell(from);
  const [r1, c1] = cell(to);
  return { row: r0, col: c0, rows: r1 - r0 + 1, cols: c1 - c0 + 1 };
}

/** A cell's value as Excel shows it, and whether it is an error value. */
function shown(v: unknown): { value: string | number | boolean; error: boolean } {
  if (v === null || v === undefined) return { value: '', error: false };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return { value: v, error: false };
  if (v instanceof Date) return { value: Math.round((v.getTime() - EPOCH_1900) / 86_400_000), error: false };
  const o = v as { richText?: { text: string }[]; result?: unknown; formula?: string; error?: string; text?: unknown };
  if (typeof o.error === 'string') return { value: o.error, error: true };
  if (Array.isArray(o.richText)) return { value: o.richText.map((r) => r.text).join(''), error: false };
  if ('formula' in o || 'sharedFormula' in o) return shown(o.result);
  if ('text' in o) return shown(o.text);
  return { value: '', error: false };
}

export function simSheetsOf(wb: ExcelJS.Workbook): SimSheetSpec[] {
  return wb.worksheets.map((ws) => {
    const rows: (string | number | boolean)[][] = [];
    const errors: [number, number][] = [];
    const hiddenRows: number[] = [];
    ws.eachRow({ includeEmpty: true }, (row, r) => {
      if (row.hidden) hiddenRows.push(r - 1);
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const s = shown(cell.value);
        if (s.value === '') return;
        (rows[r - 1] ??= [])[c - 1] = s.value;
        if (s.error) errors.push([r - 1, c - 1]);
      });
    });
    const dense = Array.from(rows, (row) => Array.from(row ?? [], (v) => v ?? ''));
    const view = ws.views?.[0] as { state?: string; xSplit?: number; ySplit?: number } | undefined;
    const frozen = view?.state === 'frozen';
    return {
      name: ws.name,
      rows: dense,
      errors,
      merged: ((ws.model as { merges?: string[] }).merges ?? []).map(area),
      hiddenRows,
      hiddenColumns: ((ws.columns ?? []) as { number: number; hidden?: boolean }[]).filter((c) => c.hidden === true).map((c) => c.number - 1),
      frozenRows: frozen ? (view?.ySplit ?? 0) : 0,
      frozenColumns: frozen ? (view?.xSplit ?? 0) : 0,
    };
  });
}
