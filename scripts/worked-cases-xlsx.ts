// `npx tsx scripts/worked-cases-xlsx.ts`: writes test/fixtures/worked-cases.xlsx, the worked cases
// (test/fixtures/examples.json and batches.json) as a clerk's workbook saved by an office suite: the cells are put in
// with exceljs, then LibreOffice (`soffice`, Debian's libreoffice-calc-nogui) opens the file and saves it again, so the
// fixture holds what an office suite writes, not what our own library writes.
//   sheet 示例: a title row, a 序号 column, the columns in another order than the template's, real rosters' spellings
//               (工作单位, 科室, 公需科目, 是否备案, 行业另有规定 …), one worked case per row in the order of examples.json
//   sheet b01, b02, …: one per batch of batches.json, under the template's headers
// Run it again whenever the worked cases change; test/xlsx/worked-cases.test.ts fails until the fixture matches them.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { HEADERS, getRuleSet } from '../shared/index';
import type { RosterKey, RosterRowInput } from '../shared/types';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const fixture = (name: string): string => join(root, 'test/fixtures', name);
const read = <T>(name: string): T => JSON.parse(readFileSync(fixture(name), 'utf8')) as T;

/** The example sheet's columns: every roster key once, in an order of their own, under spellings real rosters use. */
const EXAMPLE_COLUMNS: [RosterKey, string][] = [
  ['name', '姓名'],
  ['idNumber', '公民身份证号码'],
  ['unit', '工作单位'],
  ['department', '科室'],
  ['professionalBySector', '行业另有规定'],
  ['platformPublicHours', '市平台公需科目学时'],
  ['platformProfessionalHours', '市平台专业科目学时'],
  ['trainingDays', '培训进修天数'],
  ['trainingHours', '培训进修学时（学时）'],
  ['trainingFiled', '是否备案'],
  ['seminarHours', '高级研修班学时'],
  ['seminarDays', '高级研修班天数'],
  ['degreeStudyHours', '自考及学历教育学时'],
  ['certificates', '资格证书（个）'],
  ['achievements', '代表性成果数'],
  ['expertHours', '专家活动学时'],
  ['expertDays', '专家活动天数'],
  ['aidMonths', '援派月数'],
  ['competitions', '竞赛项数'],
  ['specialCase', '特殊情况'],
  ['absentMonths', '不在岗月数'],
  ['transferPublicHours', '调入公需课学时'],
  ['transferProfessionalHours', '调入专业课学时'],
  ['evidenceComplete', '证明材料是否齐全'],
  ['titleApplicant', '是否申报职称'],
  ['titleSubmissionDate', '职称材料提交日期'],
];

type Example = { id: string; row: RosterRowInput };
type Batch = { id: string; rows: RosterRowInput[] };

/** The header in row `top`, then one row per roster row; with `numbered`, a 序号 column first (blank on rows that are no person). */
function writeRows(ws: ExcelJS.Worksheet, top: number, columns: [RosterKey, string][], rows: RosterRowInput[], numbered: boolean): void {
  const first = numbered ? 2 : 1;
  if (numbered) ws.getCell(top, 1).value = '序号';
  columns.forEach(([key, header], j) => {
    ws.getCell(top, first + j).value = header;
    // ID numbers as text, as a careful clerk formats the column (a number typed there stays a number)
    if (key === 'idNumber') ws.getColumn(first + j).numFmt = '@';
  });
  let person = 0;
  rows.forEach((row, i) => {
    const r = top + 1 + i;
    if (numbered && typeof row.name === 'string' && row.name !== '合计') ws.getCell(r, 1).value = ++person;
    columns.forEach(([key], j) => {
      const v = row[key];
      if (v !== undefined && v !== null && v !== '') ws.getCell(r, first + j).value = v as ExcelJS.CellValue;
    });
  });
}

async function main(): Promise<void> {
  const examples = read<Example[]>('examples.json');
  const batches = read<Batch[]>('batches.json');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('示例');
  ws.getCell('A1').value = `${getRuleSet().year}年度专业技术人员继续教育学时台账（工作示例）`;
  ws.mergeCells(1, 1, 1, EXAMPLE_COLUMNS.length + 1);
  writeRows(ws, 2, EXAMPLE_COLUMNS, examples.map((e) => e.row), true);
  const template = HEADERS.map((h): [RosterKey, string] => [h.key, h.zh]);
  for (const b of batches) writeRows(wb.addWorksheet(b.id), 1, template, b.rows, false);

  const dir = mkdtempSync(join(tmpdir(), 'ce-worked-'));
  try {
    const made = join(dir, 'worked-cases.xlsx');
    await wb.xlsx.writeFile(made);
    const out = join(dir, 'out');
    // a profile of its own: another soffice of the same user (or a clerk's open LibreOffice) does not interfere
    execFileSync('soffice', [
      `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML',
      '--outdir', out, made,
    ], { stdio: 'inherit', timeout: 120_000 });
    copyFileSync(join(out, 'worked-cases.xlsx'), fixture('worked-cases.xlsx'));
    console.log(`写入 test/fixtures/worked-cases.xlsx：${examples.length} 个工作示例、${batches.length} 组跨行示例（由 LibreOffice 保存）`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
