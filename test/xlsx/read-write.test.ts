// The package reader on workbooks written by another program (exceljs): value types as Excel gives them, formulas
// without a cached result reported, and what the result file keeps (notes, validation, images, names, formats).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRoster } from '../../xlsx/check-roster';
import { XlsxFileError } from '../../xlsx/errors';
import { checkXlsxFile } from '../../xlsx/file-kind';
import { openPackage, readSharedStrings } from '../../xlsx/package';
import { readSheet } from '../../xlsx/read-sheet';
import { openRoster } from '../../xlsx/roster-file';
import { readZip } from '../../xlsx/zip/zip-read';
import { concatBytes } from '../../xlsx/zip/zip-write';
import './package-tools';

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const reload = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};

/** The first sheet of a package as our reader gives it. */
function readSheetGrid(bytes: Uint8Array): ReturnType<typeof readSheet> {
  const pkg = openPackage(readZip(bytes));
  return readSheet(pkg, pkg.sheets[0], readSharedStrings(pkg));
}

describe('reading cells', () => {
  it('gives values and Excel value types: numbers, text, booleans, errors, dates as serials (1900 and 1904), rich text, hyperlinks, formulas', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('s');
    ws.getCell('B2').value = 30;
    ws.getCell('C2').value = 12.5;
    ws.getCell('D2').value = '  张三 ';
    ws.getCell('E2').value = true;
    ws.getCell('F2').value = { error: '#N/A' };
    ws.getCell('G2').value = new Date(Date.UTC(2023, 9, 9, 18, 0));
    ws.getCell('H2').value = { richText: [{ text: '公需' }, { text: '课', font: { bold: true } }] };
    ws.getCell('I2').value = { text: '链接', hyperlink: 'https://example.org' };
    ws.getCell('J2').value = { formula: '1+1', result: 2 };
    ws.getCell('K2').value = { formula: 'A1&"x"' } as ExcelJS.CellFormulaValue;
    ws.getCell('L2').value = { formula: 'NA()', result: { error: '#N/A' } };
    ws.getRow(3).hidden = true;
    ws.getCell('B3').value = 1;
    ws.mergeCells('B4:D4');
    ws.getCell('B4').value = '标题';
    const read = readSheetGrid(await bytesOf(wb));
    expect(read.grid.origin).toEqual({ row: 1, col: 1 });
    expect(read.grid.values[0]).toEqual([30, 12.5, '  张三 ', true, '#N/A', 45208.75, '公需课', '链接', 2, null, '#N/A']);
    expect(read.grid.valueTypes?.[0]).toEqual(['Integer', 'Double', 'String', 'Boolean', 'Error', 'Double', 'String', 'String', 'Integer', 'Empty', 'Error']);
    expect(read.uncachedFormulas).toEqual([{ sheetName: 's', address: 'K2', row: 1, col: 10 }]);
    expect(read.grid.hiddenRows).toEqual([2]);
    expect(read.grid.merged).toEqual([{ row: 3, col: 1, rowCount: 1, columnCount: 3 }]);
    expect(read.grid.values[2].slice(0, 3)).toEqual(['标题', null, null]);

    wb.properties.date1904 = true;
    expect(readSheetGrid(await bytesOf(wb)).grid.values[0][5]).toBe(45208.75 - 1462);
  });

  it('reports a formula without a cached result only where the roster reads it', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '市平台公需课学时', '市平台专业课学时', '备注']);
    ws.addRow(['张三', { formula: '10+20' } as ExcelJS.CellFormulaValue, 60, { formula: 'A1' } as ExcelJS.CellFormulaValue]);
    const opened = await openRoster('a.xlsx', await bytesOf(wb));
    expect(opened.uncachedFormulas.map((f) => f.address)).toEqual(['B2']);
    expect(opened.warnings.join('')).toContain('“花名册”B2是公式，但文件里没有保存计算结果');
  });
});

describe('files', () => {
  it('refuses .xls, .et, .csv, encrypted and empty files with the save-as advice', () => {
    const cfb = new Uint8Array(1024);
    cfb.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const encrypted = cfb.slice();
    [...'EncryptedPackage'].forEach((ch, i) => (encrypted[640 + 2 * i] = ch.charCodeAt(0)));
    const msg = (name: string, bytes: Uint8Array): string => {
      try {
        checkXlsxFile(name, bytes);
      } catch (e) {
        expect(e).toBeInstanceOf(XlsxFileError);
        return (e as Error).message;
      }
      return '';
    };
    expect(msg('a.xls', cfb)).toContain('旧版 Excel（.xls）');
    expect(msg('a.et', cfb)).toContain('WPS 表格（.et）');
    expect(msg('a.xlsx', encrypted)).toContain('打开密码');
    expect(msg('a.xlsx', cfb)).not.toContain('打开密码');
    expect(msg('a.csv', new TextEncoder().encode('姓名\n张三'))).toContain('CSV');
    expect(msg('a.xlsx', new Uint8Array())).toContain('空的');
    for (const name of ['a.xls', 'a.et', 'a.csv']) expect(msg(name, name === 'a.csv' ? new Uint8Array([0x41]) : cfb)).toContain('另存为');
  });

  it('keeps notes, data validation, images, defined names, conditional formats and widths in the result file', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '市平台公需课学时', '市平台专业课学时']);
    ws.addRow(['张三', 20, 60]);
    ws.getCell('A2').note = '新调入';
    ws.getCell('B2').dataValidation = { type: 'whole', operator: 'between', allowBlank: true, formulae: [0, 2000] };
    const png = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));
    ws.addImage(wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' }), 'F5:G8');
    wb.definedNames.add("'花名册'!$A$2", 'FirstName');
    ws.addConditionalFormatting({ ref: 'B2:B2', rules: [{ type: 'cellIs', operator: 'lessThan', formulae: [30], priority: 1, style: { font: { color: { argb: 'FFFF0000' } } } }] });
    ws.getColumn(1).width = 20;
    const bytes = await bytesOf(wb);
    const opened = await openRoster('a.xlsx', bytes);
    const out = await reload(concatBytes((await checkRoster(opened, { asOf: '2023-11-01' })).file));
    const s = out.getWorksheet('花名册') as ExcelJS.Worksheet;
    expect(s.getCell('A2').note).toBe('新调入');
    expect(s.getCell('B2').dataValidation).toMatchObject({ type: 'whole', formulae: [0, 2000] });
    expect(s.getImages()).toHaveLength(1);
    expect(out.definedNames.model).toEqual([{ name: 'FirstName', ranges: ["'花名册'!$A$2"] }]);
    // The clerk's rule and our 状态 colours.
    expect((s as unknown as { conditionalFormattings: { ref: string }[] }).conditionalFormattings.map((c) => c.ref)).toEqual(['B2:B2', 'J2:J2']);
    expect(s.getColumn(1).width).toBe(20);
    expect(s.getCell('J2').value).toBe('未达标');
    expect(s.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
