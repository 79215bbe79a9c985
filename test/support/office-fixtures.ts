// A roster made the way a clerk's office suite makes it — by LibreOffice, through a Basic macro — with what a
// clerk's file may hold besides the roster: a chart, a pivot table, a text box, notes on a filled and on empty
// cells, a default font of the clerk's. Run `npx tsx test/support/office-fixtures.ts` to make it again (the file is
// committed). LibreOffice 7.4 headless has no document view, so it can neither freeze panes nor export a VBA
// project: the tests add a column freeze and an xl/vbaProject.bin to copies of this file (fidelity.test.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASIC_ERROR_HANDLER, BASIC_SAVE_XLSX, findSoffice, runBasic } from './libreoffice';

const PEOPLE = [
  ['1', '张伟', '370402198503121233', '枣庄市立医院', '内科', 30, 60],
  ['2', '王芳', '370402198807242461', '枣庄市立医院', '内科', 32, 40],
  ['3', '李娜', '370402199001053683', '枣庄市立医院', '外科', 45, 50],
  ['4', '刘洋', '370402197909184157', '枣庄市立医院', '外科', 30, 20],
  ['5', '陈静', '370402199202285220', '滕州市中心人民医院', '检验科', 30, 30],
  ['6', '杨帆', '370402198706116372', '滕州市中心人民医院', '检验科', 20, 30],
] as const;

const basicRow = (r: readonly (string | number)[]): string => `Array(${r.map((v) => (typeof v === 'number' ? String(v) : `"${v}"`)).join(', ')})`;

/** The Basic macro: one roster sheet and everything around it. */
export function fixtureMacro(): string {
  const rows = [['序号', '姓名', '身份证号', '单位', '部门', '市平台公需课学时', '市平台专业课学时'], ...PEOPLE];
  return `
Sub Main
  On Error GoTo Fail
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, args())
  ' the clerk's default font
  cellStyle = doc.StyleFamilies.getByName("CellStyles").getByName("Default")
  cellStyle.CharFontName = "Liberation Serif"
  cellStyle.CharHeight = 10
  cellStyle.CharFontNameAsian = "宋体"
  sheet = doc.Sheets.getByIndex(0)
  sheet.Name = "花名册"
  sheet.getCellRangeByName("A1:G${rows.length}").setDataArray(Array(${rows.map(basicRow).join(', ')}))
  sheet.getCellRangeByName("C2:C${rows.length}").NumberFormat = doc.NumberFormats.queryKey("@", sheet.getCellRangeByName("A1").CharLocale, False)
  ' notes: on a filled cell and on two empty cells
  sheet.Annotations.insertNew(sheet.getCellRangeByName("B3").CellAddress, "新调入")
  sheet.Annotations.insertNew(sheet.getCellRangeByName("J2").CellAddress, "空白单元格上的批注一")
  sheet.Annotations.insertNew(sheet.getCellRangeByName("L6").CellAddress, "空白单元格上的批注二")
  ' a chart of the hours
  Dim rect As New com.sun.star.awt.Rectangle
  rect.X = 1000
  rect.Y = 5000
  rect.Width = 9000
  rect.Height = 5000
  Dim ranges(0) As New com.sun.star.table.CellRangeAddress
  ranges(0).Sheet = 0
  ranges(0).StartColumn = 5
  ranges(0).StartRow = 0
  ranges(0).EndColumn = 6
  ranges(0).EndRow = ${rows.length - 1}
  sheet.Charts.addNewByName("学时图", rect, ranges(), True, False)
  ' a text box
  box = doc.createInstance("com.sun.star.drawing.TextShape")
  Dim pos As New com.sun.star.awt.Point
  pos.X = 11000
  pos.Y = 5000
  Dim size As New com.sun.star.awt.Size
  size.Width = 6000
  size.Height = 1500
  sheet.DrawPage.add(box)
  box.Position = pos
  box.Size = size
  box.String = "请各科室于11月30日前核对"
  ' a pivot table on a sheet of its own
  doc.Sheets.insertNewByName("透视", 1)
  pivotSheet = doc.Sheets.getByName("透视")
  pilots = pivotSheet.getDataPilotTables()
  desc = pilots.createDataPilotDescriptor()
  desc.setSourceRange(sheet.getCellRangeByName("A1:G${rows.length}").getRangeAddress())
  field = desc.getDataPilotFields().getByIndex(4)
  field.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.ROW
  dataField = desc.getDataPilotFields().getByIndex(6)
  dataField.Orientation = com.sun.star.sheet.DataPilotFieldOrientation.DATA
  dataField.Function = com.sun.star.sheet.GeneralFunction.SUM
  pilots.insertNewByName("按部门", pivotSheet.getCellRangeByName("A3").CellAddress, desc)
${BASIC_SAVE_XLSX}  Exit Sub
${BASIC_ERROR_HANDLER}
End Sub
`;
}

export const OFFICE_FIXTURE = 'libreoffice-chart-pivot-textbox-notes.xlsx';
export const OFFICE_FIXTURES = join(fileURLToPath(new URL('..', import.meta.url)), 'fixtures', 'office');

async function main(): Promise<void> {
  const soffice = findSoffice();
  if (!soffice) throw new Error('soffice not found');
  mkdirSync(OFFICE_FIXTURES, { recursive: true });
  const err = await runBasic(soffice, fixtureMacro(), { CE_OUT: join(OFFICE_FIXTURES, OFFICE_FIXTURE) });
  if (err) throw new Error(`${OFFICE_FIXTURE}: ${err}`);
  process.stdout.write(`made ${OFFICE_FIXTURE}\n`);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exitCode = 1;
  });
}
