// The add-in's sheet layouts written as worksheet XML by the file path's writer (xlsx/write/layout-sheet.ts) and
// read back independently with exceljs: the cells, number formats, fills, bold, merges (the tall ones of 审核材料清单
// included), borders, heights and the A4 page setup (print area, titles, fit to pages).
import ExcelJS from 'exceljs';
import { inflateSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import { writeLayoutSheet } from '../../xlsx/write/layout-sheet';
import { StyleBook } from '../../xlsx/write/styles';
import { SharedStrings } from '../../xlsx/write/shared-strings';
import { escapeAttr } from '../../xlsx/write/xml-text';
import { concatBytes } from '../../xlsx/zip/zip-write';
import { PartSink } from '../../xlsx/zip/part-sink';
import { packageOf } from './package-tools';
import { buildDutyLayouts } from '../../addin/duties/duty-layouts';
import { checkFilingForm } from '../../addin/forms/filing-form';
import { buildFilingLayout } from '../../addin/forms/filing-layout';
import { OVERDUE_FILL } from '../../addin/reminders/reminders-layout';
import { PENDING_FILL } from '../../addin/evidence/checklist-layout';
import { parseAddress } from '../../shared/sheet/a1';
import type { SheetLayout } from '../../shared/sheet/sheet-layout';
import { AS_OF, sampleEvaluated } from '../addin/duties-fixtures';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

/** A package of just these sheets, written by our writer; read back with exceljs. */
async function roundTrip(layouts: SheetLayout[]): Promise<ExcelJS.Workbook> {
  const styles = StyleBook.empty();
  const strings = new SharedStrings(null, 0);
  const parts: Record<string, Uint8Array> = {};
  const names: string[] = [];
  for (const [i, l] of layouts.entries()) {
    const sink = new PartSink();
    const definedNames = await writeLayoutSheet(l, styles, strings, sink);
    parts[`xl/worksheets/sheet${i + 1}.xml`] = inflateSync(concatBytes((await sink.finish()).chunks));
    for (const d of definedNames) names.push(`<definedName name="${d.name}" localSheetId="${i}">${escapeAttr(d.value)}</definedName>`);
  }
  const main = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  parts['[Content_Types].xml'] = enc(`<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>${layouts.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}</Types>`);
  parts['_rels/.rels'] = enc(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  parts['xl/workbook.xml'] = enc(`<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${main}" xmlns:r="${rel}"><sheets>${layouts.map((l, i) => `<sheet name="${escapeAttr(l.sheetName)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>${names.length ? `<definedNames>${names.join('')}</definedNames>` : ''}</workbook>`);
  parts['xl/_rels/workbook.xml.rels'] = enc(`<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${layouts.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}<Relationship Id="rIdS" Type="${rel}/styles" Target="styles.xml"/><Relationship Id="rIdT" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`);
  parts['xl/styles.xml'] = concatBytes(styles.bytesOut());
  const sst = new PartSink();
  strings.write(sst);
  parts['xl/sharedStrings.xml'] = inflateSync(concatBytes((await sst.finish()).chunks));
  const back = new ExcelJS.Workbook();
  await back.xlsx.load(packageOf(parts) as unknown as ExcelJS.Buffer);
  return back;
}

function expectCells(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  for (const b of layout.blocks) {
    const box = parseAddress(b.address);
    b.values.forEach((row, i) =>
      row.forEach((v, j) => {
        const cell = ws.getCell(box.row + i + 1, box.col + j + 1);
        if (cell.isMerged && cell.master !== cell) return;
        expect(cell.value ?? '', `${layout.sheetName}!${cell.address}`).toBe(v === '' ? '' : v);
      }),
    );
  }
}

/** Later layers win: a cell shows a layer's fill or boldness unless a later layer sets the same thing on it. */
function expectStyles(ws: ExcelJS.Worksheet, layout: SheetLayout): void {
  const covers = (address: string, row: number, col: number): boolean => {
    const b = parseAddress(address);
    return row >= b.row && row < b.row + b.rowCount && col >= b.col && col < b.col + b.columnCount;
  };
  for (const b of layout.blocks) {
    const box = parseAddress(b.address);
    b.numberFormat.forEach((row, i) => row.forEach((f, j) => expect(ws.getCell(box.row + i + 1, box.col + j + 1).numFmt, `${layout.sheetName} ${b.address}`).toBe(f)));
  }
  layout.styles.forEach((s, k) => {
    const box = parseAddress(s.address);
    const later = layout.styles.slice(k + 1);
    for (let r = box.row; r < box.row + box.rowCount; r++)
      for (let c = box.col; c < box.col + box.columnCount; c++) {
        const cell = ws.getCell(r + 1, c + 1);
        if (cell.isMerged && cell.master !== cell) continue;
        if (s.style.fill && !later.some((l) => l.style.fill && covers(l.address, r, c)))
          expect((cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb, `${layout.sheetName}!${cell.address} fill`).toBe(`FF${s.style.fill.replace('#', '').toUpperCase()}`);
        if (s.style.bold !== undefined && !later.some((l) => l.style.bold !== undefined && covers(l.address, r, c)))
          expect(Boolean(cell.font?.bold), `${layout.sheetName}!${cell.address} bold`).toBe(s.style.bold);
      }
  });
  for (const address of layout.borders) {
    const box = parseAddress(address);
    expect(ws.getCell(box.row + 1, box.col + 1).border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(ws.getCell(box.row + box.rowCount, box.col + box.columnCount).border).toMatchObject({ bottom: { style: 'thin' }, right: { style: 'thin' } });
  }
}

describe('our sheets from their layouts, read back with exceljs', () => {
  it('提醒名单 and 审核材料清单 of the sample roster survive a real .xlsx round trip', async () => {
    const s = sampleEvaluated();
    const answer = evaluate(s.rows, { asOf: AS_OF });
    const { reminders, checklist } = buildDutyLayouts({ rows: s.rows, results: answer.results, ruleSet: answer.ruleSet, asOf: AS_OF, rosterSheet: '示例花名册', firstDataRowNumber: 2, madeAt: '' });
    const wb = await roundTrip([reminders, checklist]);
    const r = wb.getWorksheet(reminders.sheetName)!;
    expectCells(r, reminders);
    expectStyles(r, reminders);
    expect(r.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printArea: reminders.page!.printArea, printTitlesRow: '6:6' });
    expect(r.views[0]).toMatchObject({ state: 'frozen', ySplit: 6 });
    const c = wb.getWorksheet(checklist.sheetName)!;
    expectCells(c, checklist);
    expectStyles(c, checklist);
    const merged = checklist.merges.map(parseAddress).filter((m) => m.rowCount > 1);
    expect(merged.length).toBeGreaterThan(0);
    for (const m of merged) expect(c.getCell(m.row + m.rowCount, m.col + 1).isMerged).toBe(true);

    // a second run over the written workbook keeps what the clerk typed into 核验结果 (by person and source)
    const values = (ws: ExcelJS.Worksheet): unknown[][] => {
      const out: unknown[][] = [];
      ws.eachRow({ includeEmpty: true }, (row, n) => (out[n - 1] = (row.values as unknown[]).slice(1)));
      return Array.from(out, (r) => r ?? []);
    };
    const verdictCol = checklist.blocks.find((b) => b.address.startsWith('A6:'))!.values[0].indexOf('核验结果') + 1;
    c.getCell(7, verdictCol).value = '合格';
    const again = buildDutyLayouts({ rows: s.rows, results: answer.results, ruleSet: answer.ruleSet, asOf: AS_OF, rosterSheet: '示例花名册', firstDataRowNumber: 2, madeAt: '', previous: { checklist: values(c), reminders: values(r) } });
    expect(again.checklist.blocks.find((b) => b.address.startsWith('A7:'))!.values[0][verdictCol - 1]).toBe('合格');
    expect(() => buildDutyLayouts({ rows: s.rows, results: answer.results, ruleSet: answer.ruleSet, asOf: AS_OF, rosterSheet: 'x', firstDataRowNumber: 2, madeAt: '', previous: { reminders: [['我的表']] } })).toThrow('不是本助手生成的');
  });

  it('written a row at a time (the .xlsx path) or from arrays (the add-in), 提醒名单 and 审核材料清单 are the same XML', async () => {
    const s = sampleEvaluated();
    const answer = evaluate(s.rows, { asOf: AS_OF });
    const input = { rows: s.rows, results: answer.results, ruleSet: answer.ruleSet, asOf: AS_OF, rosterSheet: '示例花名册', firstDataRowNumber: 2, madeAt: '' };
    const arrays = buildDutyLayouts(input);
    const lists = buildDutyLayouts({ ...input, listRows: 'when-written' });
    // the sample has what a list carries: an overdue person (a highlight), a pending one, a person of several rows (merges)
    expect(lists.reminders.list?.rowCount).toBeGreaterThan(0);
    expect(lists.checklist.list?.rowCount).toBeGreaterThan(0);
    expect(arrays.reminders.list).toBeUndefined();
    expect(arrays.reminders.styles.some((st) => st.style.fill === OVERDUE_FILL)).toBe(true);
    expect(arrays.checklist.styles.some((st) => st.style.fill === PENDING_FILL)).toBe(true);
    expect(arrays.checklist.merges.map(parseAddress).some((m) => m.rowCount > 1)).toBe(true);
    const xml = async (layout: SheetLayout, styles: StyleBook): Promise<string> => {
      const sink = new PartSink();
      await writeLayoutSheet(layout, styles, new SharedStrings(null, 0), sink);
      return new TextDecoder().decode(inflateSync(concatBytes((await sink.finish()).chunks)));
    };
    for (const kind of ['reminders', 'checklist'] as const) {
      const a = StyleBook.empty();
      const b = StyleBook.empty();
      expect(await xml(lists[kind], b), kind).toBe(await xml(arrays[kind], a));
      expect(new TextDecoder().decode(concatBytes(b.bytesOut()))).toBe(new TextDecoder().decode(concatBytes(a.bytesOut())));
    }
  });

  it('附件2: one A4 portrait page, fitted 1 × 1, print area A1:F13, borders and merges', async () => {
    const s = sampleEvaluated();
    const { form, checks } = checkFilingForm({ unit: '枣庄市立医院', projectName: '护理培训', advancedSeminar: '是', days: '4', hours: '32', phone: '0632-3314140' }, s.ruleSet, s.duties, '2023-05-01');
    const layout = buildFilingLayout(form!, checks, s.duties);
    const ws = (await roundTrip([layout])).getWorksheet(layout.sheetName)!;
    expectCells(ws, layout);
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 1, printArea: 'A1:F13', horizontalCentered: true });
    expect(ws.getCell('B4').isMerged && ws.getCell('F4').isMerged).toBe(true);
    expect(ws.getCell('F5').value).toBe('0632-3314140');
    expect(ws.getCell('F5').numFmt).toBe('@');
    expect(ws.getCell('A3').border).toMatchObject({ top: { style: 'thin' }, left: { style: 'thin' } });
    expect(ws.getCell('F12').border).toMatchObject({ bottom: { style: 'thin' }, right: { style: 'thin' } });
    expect(ws.getCell('A13').border?.top).toBeUndefined();
    expect(ws.getRow(7).height).toBe(150);
  });
});
