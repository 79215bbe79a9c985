// The exceljs adapter on real workbooks: value types as Excel gives them, formulas without a cached result reported,
// what the result file keeps (notes, validation, images, names, formats) and what the page warns it loses.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { checkRoster } from '../../xlsx/check-file';
import { XlsxFileError, checkXlsxFile, lostFeatures, lostFeaturesMessage } from '../../xlsx/file-check';
import { readSheetGrid } from '../../xlsx/read-grid';
import { openRoster } from '../../xlsx/roster-file';
import { zipEntryNames } from '../../xlsx/zip-entries';

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
const reload = async (bytes: Uint8Array): Promise<ExcelJS.Workbook> => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return wb;
};

/** A zip holding only a central directory with these names (all zipEntryNames reads). */
function centralDirectoryOnly(names: string[]): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (const n of names) {
    const name = enc.encode(n);
    const rec = new Uint8Array(46 + name.length);
    const v = new DataView(rec.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(28, name.length, true);
    rec.set(name, 46);
    parts.push(rec);
    size += rec.length;
  }
  const eocd = new Uint8Array(22);
  const e = new DataView(eocd.buffer);
  e.setUint32(0, 0x06054b50, true);
  e.setUint16(8, names.length, true);
  e.setUint16(10, names.length, true);
  e.setUint32(12, size, true);
  e.setUint32(16, 4, true);
  const out = new Uint8Array(4 + size + 22);
  out.set([0x50, 0x4b, 0x03, 0x04]);
  let at = 4;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  out.set(eocd, at);
  return out;
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
    const read = readSheetGrid((await reload(await bytesOf(wb))).worksheets[0], false);
    expect(read.grid.origin).toEqual({ row: 1, col: 1 });
    expect(read.grid.values[0]).toEqual([30, 12.5, '  张三 ', true, '#N/A', 45208.75, '公需课', '链接', 2, null, '#N/A']);
    expect(read.grid.valueTypes?.[0]).toEqual(['Integer', 'Double', 'String', 'Boolean', 'Error', 'Double', 'String', 'String', 'Integer', 'Empty', 'Error']);
    expect(read.uncachedFormulas).toEqual([{ sheetName: 's', address: 'K2', row: 1, col: 10 }]);
    expect(read.grid.hiddenRows).toEqual([2]);
    expect(read.grid.merged).toEqual([{ row: 3, col: 1, rowCount: 1, columnCount: 3 }]);
    expect(read.grid.values[2].slice(0, 3)).toEqual(['标题', null, null]);

    wb.properties.date1904 = true;
    const w1904 = await reload(await bytesOf(wb));
    expect(readSheetGrid(w1904.worksheets[0], true).grid.values[0][5]).toBe(45208.75 - 1462);
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
    const cfb = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
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
    expect(msg('a.xlsx', cfb)).toContain('打开密码');
    expect(msg('a.csv', new TextEncoder().encode('姓名\n张三'))).toContain('CSV');
    expect(msg('a.xlsx', new Uint8Array())).toContain('空的');
    for (const name of ['a.xls', 'a.et', 'a.csv']) expect(msg(name, name === 'a.csv' ? new Uint8Array([0x41]) : cfb)).toContain('另存为');
  });

  it('names what the result file will not contain, from the part names', () => {
    const names = ['xl/workbook.xml', 'xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/pivotTables/pivotTable1.xml', 'xl/vbaProject.bin', 'xl/webextensions/webextension1.xml'];
    const zip = centralDirectoryOnly(names);
    expect(zipEntryNames(zip)).toEqual(names);
    const lost = lostFeatures(zip);
    expect(lost).toEqual(['图表', '数据透视表', '宏（VBA）', '加载项保存的设置']);
    expect(lostFeaturesMessage(lost)).toContain('原文件不受影响');
    expect(lostFeatures(centralDirectoryOnly(['xl/workbook.xml', 'xl/drawings/drawing1.xml']))).toEqual(['形状或文本框']);
    expect(lostFeatures(centralDirectoryOnly(['xl/workbook.xml']))).toEqual([]);
    expect(zipEntryNames(new Uint8Array([1, 2, 3]))).toBeNull();
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
    expect(opened.lost).toEqual([]);
    const out = await reload((await checkRoster(opened, { asOf: '2023-11-01' })).bytes);
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
