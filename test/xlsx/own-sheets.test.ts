// Our sheets in the result file: recognised again by their layout after an office suite re-saved the file (cells
// the clerk typed into 通知情况 / 核验结果 kept, a corrected roster cell re-checked), a clerk's own 年度汇总 never
// replaced, and names unique within 31 characters for any roster sheet names, never a clerk's sheet's.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_SHEET_NAME, ownSheetNames, sheetKey } from '../../shared/sheet/sheet-names';
import { RosterFileError } from '../../xlsx/errors';
import { checkRoster } from '../../xlsx/check-roster';
import { openRoster } from '../../xlsx/roster-file';
import { BASIC_ERROR_HANDLER, BASIC_SAVE_XLSX, NO_SOFFICE, findSoffice, runBasic } from '../support/libreoffice';
import { dutyRows, loadWorkbook } from './expect-output';
import { check, expectClerkWords, rejection } from './package-tools';
import { concatBytes } from '../../xlsx/zip/zip-write';
import { cleanRoster, largeRoster } from './rosters';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'test', 'artifacts');
const soffice = findSoffice();
const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** Opens a result in LibreOffice, types into 通知情况 and 核验结果 of the first listed person, corrects a roster cell, saves. */
const EDIT_MACRO = `
Function ColumnOf(sheet, header)
  ColumnOf = -1
  For c = 0 To 20
    If sheet.getCellByPosition(c, 5).getString() = header Then
      ColumnOf = c
      Exit Function
    End If
  Next c
End Function

Sub Main
  On Error GoTo Fail
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(Environ("CE_IN")), "_blank", 0, args())
  reminders = doc.Sheets.getByName("提醒名单")
  reminders.getCellByPosition(ColumnOf(reminders, "通知情况"), 6).setString("11月2日已电话通知")
  checklist = doc.Sheets.getByName("审核材料清单")
  checklist.getCellByPosition(ColumnOf(checklist, "核验结果"), 6).setString("证书已核")
  roster = doc.Sheets.getByName("花名册")
  roster.getCellRangeByName("E2").setValue(40)
${BASIC_SAVE_XLSX}  Exit Sub
${BASIC_ERROR_HANDLER}
End Sub
`;

describe('a result re-saved by LibreOffice', () => {
  if (!soffice) console.log(NO_SOFFICE);
  it.runIf(soffice !== null)('is checked again: our sheets are known, 通知情况 and 核验结果 kept, the corrected cell re-checked', async () => {
    const f = cleanRoster();
    const first = await check('花名册.xlsx', await bytesOf(f.workbook));
    const result = join(OUT, 'resave-result.xlsx');
    const resaved = join(OUT, 'resave-by-libreoffice.xlsx');
    writeFileSync(result, first.out);
    const err = await runBasic(soffice as string, EDIT_MACRO, { CE_IN: result, CE_OUT: resaved });
    expect(err).toBe('');
    const typed = await loadWorkbook(resaved);
    const remindedRow = Number(typed.getWorksheet('提醒名单')?.getCell(7, 1).value);
    const checkedRow = Number(typed.getWorksheet('审核材料清单')?.getCell(7, 1).value);

    const again = await check('花名册-核对结果.xlsx', new Uint8Array(readFileSync(resaved)));
    expect(again.opened.own.map((o) => o.kind).sort()).toEqual(['checklist', 'reminders', 'summary']);
    const wb = await loadWorkbook(again.out);
    expect(wb.worksheets.map((w) => w.name).filter((n) => /年度汇总|提醒名单|审核材料清单/.test(n))).toEqual(['年度汇总', '提醒名单', '审核材料清单']);
    expect(dutyRows(wb.getWorksheet('提醒名单') as ExcelJS.Worksheet).find((r) => r['花名册行号'] === remindedRow)?.['通知情况']).toBe('11月2日已电话通知');
    expect(dutyRows(wb.getWorksheet('审核材料清单') as ExcelJS.Worksheet).find((r) => r['花名册行号'] === checkedRow)?.['核验结果']).toBe('证书已核');
    // 张伟's 市平台公需课学时 corrected from 30 to 40: the output column says 40
    const plan = again.opened.plans[0];
    const col = plan.output?.columns.find((c) => c.header === '公需课认定学时')?.col as number;
    expect(wb.getWorksheet('花名册')?.getCell(2, col + 1).value).toBe(40);
  }, 240_000);
});

describe('a sheet of the clerk under one of our names', () => {
  it('年度汇总 made by the clerk is never replaced: the run stops and says what to rename', async () => {
    const f = cleanRoster();
    const own = f.workbook.addWorksheet('年度汇总');
    own.getCell('A1').value = '我的汇总';
    own.getCell('B2').value = 5;
    const e = await rejection(openRoster('a.xlsx', await bytesOf(f.workbook)));
    expect(e).toBeInstanceOf(RosterFileError);
    expect(e.message).toContain('“年度汇总”');
    expect(e.message).toContain('改名');
    expectClerkWords(e.message);
  });
});

describe('names of our sheets', () => {
  it('two roster sheets whose names differ only after 25 characters get two 提醒名单 and two 审核材料清单, each with its own people', async () => {
    const wb = new ExcelJS.Workbook();
    const long = '枣庄市立医院2023年度专业技术人员继续教育花名册';
    for (const [suffix, from] of [['一科', 0], ['二科', 5]] as const) {
      const src = largeRoster(5).workbook.worksheets[0];
      const ws = wb.addWorksheet(`${long}${suffix}`);
      src.eachRow((row, n) => {
        ws.getRow(n).values = (row.values as ExcelJS.CellValue[]).slice(1).map((v, c) => (n > 1 && c === 0 ? `${suffix}${from + n}` : v));
      });
    }
    // unique ID numbers across the two sheets
    wb.worksheets[1].eachRow((row, n) => {
      if (n > 1) row.getCell(2).value = null;
    });
    const { opened, outcome, out } = await check('lookalike.xlsx', await bytesOf(wb));
    expect(opened.plans).toHaveLength(2);
    const names = outcome.dutySheets;
    expect(new Set(names.map(sheetKey)).size).toBe(4);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    const result = await loadWorkbook(out);
    const reminders = names.filter((n) => n.startsWith('提醒名单'));
    expect(reminders).toHaveLength(2);
    const people = reminders.map((n) => dutyRows(result.getWorksheet(n) as ExcelJS.Worksheet).map((r) => String(r['姓名'])));
    expect(people[0].every((p) => p.startsWith('一科'))).toBe(true);
    expect(people[1].every((p) => p.startsWith('二科'))).toBe(true);
    expect(String(result.getWorksheet(reminders[0])?.getCell('B3').value)).toBe(`${long}一科`);
  });

  it('one roster sheet at a time (--sheet 一科, then --sheet 二科 on that result): the list made for 一科 is kept', async () => {
    const wb = new ExcelJS.Workbook();
    for (const [suffix, from] of [['一科', 0], ['二科', 5]] as const) {
      const src = largeRoster(5).workbook.worksheets[0];
      const ws = wb.addWorksheet(suffix);
      src.eachRow((row, n) => {
        ws.getRow(n).values = (row.values as ExcelJS.CellValue[]).slice(1).map((v, c) => (n > 1 && c === 0 ? `${suffix}${from + n}` : v));
        if (n > 1 && suffix === '二科') ws.getRow(n).getCell(2).value = null;
      });
    }
    const opts = { now: new Date('2023-11-01T09:00:00') };
    const run = async (bytes: Uint8Array, sheet: string): Promise<{ names: string[]; out: Uint8Array }> => {
      const opened = await openRoster('two.xlsx', bytes, { sheetNames: [sheet] });
      const outcome = await checkRoster(opened, { asOf: '2023-11-01', ...opts });
      return { names: outcome.dutySheets, out: concatBytes(outcome.file) };
    };
    const first = await run(await bytesOf(wb), '一科');
    expect(first.names).toEqual(['提醒名单', '审核材料清单']);
    const second = await run(first.out, '二科');
    expect(second.names).toEqual(['提醒名单（二科）', '审核材料清单（二科）']);
    const result = await loadWorkbook(second.out);
    const peopleOf = (n: string): string[] => dutyRows(result.getWorksheet(n) as ExcelJS.Worksheet).map((r) => String(r['姓名']));
    expect(peopleOf('提醒名单').every((p) => p.startsWith('一科'))).toBe(true);
    expect(peopleOf('提醒名单（二科）').every((p) => p.startsWith('二科'))).toBe(true);
    expect(peopleOf('提醒名单（二科）').length).toBeGreaterThan(0);
    // and 一科 again reuses its own plain-named list
    expect((await run(second.out, '一科')).names).toEqual(['提醒名单', '审核材料清单']);
  });

  it('for any roster sheet names: unique (case-insensitive), at most 31 characters, none of : \\ / ? * [ ], never a taken name', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 40 }), { minLength: 1, maxLength: 12 }), fc.array(fc.string({ maxLength: 31 }), { maxLength: 5 }), (rosters, takenNames) => {
        const taken = new Set(takenNames.map(sheetKey));
        const names = ownSheetNames('审核材料清单', rosters, taken);
        expect(new Set(names.map(sheetKey)).size).toBe(rosters.length);
        for (const n of names) {
          expect([...n].length).toBeLessThanOrEqual(MAX_SHEET_NAME);
          expect(/[:\\/?*[\]]/.test(n)).toBe(false);
          if (rosters.length > 1) expect(taken.has(sheetKey(n))).toBe(false);
        }
      }),
    );
  });
});
