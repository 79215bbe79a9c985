// Real .xlsx rosters made with exceljs, shaped like the ones units keep, and the engine input each person's row
// must give (what Excel's Range.values shows: a date cell is its serial, a formula its cached result).
import ExcelJS from 'exceljs';
import { HEADERS } from '../../shared/index';
import type { CellValue, RosterKey, RosterRowInput } from '../../shared/types';
import { excelSerial, withCheckDigit } from '../../addin/template/sample-roster';
import { generateRows } from '../../scripts/bench-rows';

/** A person as written: `cells` what goes into the sheet, `input` what the engine must receive. */
export type Person = { sheet: string; row: number; input: RosterRowInput };
export type RosterFile = { name: string; workbook: ExcelJS.Workbook; persons: Person[]; sheets: string[] };

const zh = (k: RosterKey): string => HEADERS.find((h) => h.key === k)?.zh ?? k;
const utcDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const BASE: RosterRowInput[] = [
  { name: '张伟', idNumber: withCheckDigit('37040219850312123'), unit: '枣庄市立医院', department: '内科', platformPublicHours: 30, platformProfessionalHours: 60 },
  { name: '王芳', idNumber: withCheckDigit('37040219880724246'), unit: '枣庄市立医院', department: '内科', platformPublicHours: 32, platformProfessionalHours: 40, trainingHours: 30, trainingDays: 3 },
  { name: '李娜', idNumber: withCheckDigit('37040219900105368'), unit: '枣庄市立医院', department: '外科', platformPublicHours: 45, platformProfessionalHours: 50 },
  { name: '刘洋', idNumber: withCheckDigit('37040219790918415'), unit: '枣庄市立医院', department: '外科', platformPublicHours: 30, platformProfessionalHours: 20, seminarHours: 40, seminarDays: 5 },
  { name: '陈静', idNumber: withCheckDigit('37040219920228522'), unit: '滕州市中心人民医院', department: '检验科', platformPublicHours: 30, platformProfessionalHours: 30, specialCase: '产假', absentMonths: 6 },
  { name: '杨帆', idNumber: withCheckDigit('37040219870611637'), unit: '滕州市中心人民医院', department: '检验科', platformPublicHours: 20, platformProfessionalHours: 30, trainingHours: 24, trainingDays: 3, trainingFiled: '否' },
  { name: '周强', idNumber: withCheckDigit('37048119760130931'), unit: '滕州市中心人民医院', department: '放射科', platformPublicHours: 30, platformProfessionalHours: 20, achievements: 5, evidenceComplete: '否' },
  { name: '吴丽', idNumber: withCheckDigit('37048119891203148'), unit: '滕州市中心人民医院', department: '放射科', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: '2023-10-09' },
];

const KEYS: RosterKey[] = ['name', 'idNumber', 'unit', 'department', 'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'trainingDays',
  'seminarHours', 'seminarDays', 'trainingFiled', 'achievements', 'specialCase', 'absentMonths', 'evidenceComplete', 'titleApplicant', 'titleSubmissionDate'];

/** The row as a sheet with only these columns gives it. */
function only(p: RosterRowInput, keys: readonly RosterKey[]): RosterRowInput {
  const input: RosterRowInput = {};
  for (const k of keys) if (p[k] !== undefined) input[k] = p[k];
  return input;
}

type CellWriter = (key: RosterKey, value: CellValue, i: number) => ExcelJS.CellValue;
const asIs: CellWriter = (_k, v) => (v === undefined || v === '' ? null : (v as ExcelJS.CellValue));

/** Writes header (at `headerRow`, 1-based) and people below it, columns from `col` (1-based); returns the persons. */
function writeRoster(ws: ExcelJS.Worksheet, people: RosterRowInput[], headerRow: number, col = 1, cell: CellWriter = asIs, keys = KEYS): Person[] {
  keys.forEach((k, j) => (ws.getCell(headerRow, col + j).value = zh(k)));
  ws.getColumn(col + keys.indexOf('idNumber')).numFmt = '@';
  return people.map((p, i) => {
    const r = headerRow + 1 + i;
    keys.forEach((k, j) => {
      const v = cell(k, p[k], i);
      if (v !== null) ws.getCell(r, col + j).value = v;
    });
    return { sheet: ws.name, row: r, input: p };
  });
}

/** A clean roster: header in row 1, IDs as text, one date as a date cell. */
export function cleanRoster(): RosterFile {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  const people = BASE.map((p) => ({ ...p }));
  const persons = writeRoster(ws, people, 1, 1, (k, v) => (k === 'titleSubmissionDate' && typeof v === 'string' ? utcDate(v) : asIs(k, v, 0)));
  // What the engine sees for a date cell: the serial.
  for (const p of persons) if (typeof p.input.titleSubmissionDate === 'string') p.input = { ...p.input, titleSubmissionDate: excelSerial(p.input.titleSubmissionDate) };
  ws.getColumn(KEYS.indexOf('titleSubmissionDate') + 1).numFmt = 'yyyy-mm-dd';
  return { name: 'clean', workbook: wb, persons, sheets: ['花名册'] };
}

/**
 * A unit's messy sheet: a merged title, a 序号 column, formulas with cached results, dates as dates and as text,
 * IDs as numbers and as text, a 合计 row of formulas and a 制表人 footer.
 */
export function messyRoster(): RosterFile {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('一科');
  ws.getCell('A1').value = '2023年度专业技术人员继续教育学时台账';
  ws.mergeCells(1, 1, 1, KEYS.length + 1);
  ws.getCell('A2').value = '填报单位：枣庄市立医院（盖章）';
  ws.getCell(3, 1).value = '序号';
  const people: RosterRowInput[] = BASE.map((p) => ({ ...p }));
  people[1] = { ...people[1], titleApplicant: '是', titleSubmissionDate: '2023-10-09' };
  people[2] = { ...people[2], titleApplicant: '是', titleSubmissionDate: '2023-06-20' };
  const persons = writeRoster(ws, people, 3, 2, (k, v, i) => {
    if (k === 'idNumber' && i === 3 && typeof v === 'string') return Number(v.slice(0, 17) + '0');
    if (k === 'platformProfessionalHours' && typeof v === 'number' && i % 2 === 0) return { formula: `${v / 2}+${v / 2}`, result: v };
    if (k === 'titleSubmissionDate' && i === 1 && typeof v === 'string') return utcDate(v);
    return asIs(k, v, i);
  });
  persons.forEach((p, i) => {
    ws.getCell(p.row, 1).value = i + 1;
    if (i === 3 && typeof p.input.idNumber === 'string') p.input = { ...p.input, idNumber: Number(p.input.idNumber.slice(0, 17) + '0') };
    if (i === 1 && typeof p.input.titleSubmissionDate === 'string') p.input = { ...p.input, titleSubmissionDate: excelSerial(p.input.titleSubmissionDate) };
  });
  ws.getColumn(2 + KEYS.indexOf('titleSubmissionDate')).numFmt = 'yyyy"年"m"月"d"日"';
  const last = persons[persons.length - 1].row;
  const total = last + 1;
  ws.getCell(total, 1).value = '合计';
  const pub = 2 + KEYS.indexOf('platformPublicHours');
  const letter = (c: number): string => String.fromCharCode(64 + c);
  const sum = people.reduce((s, p) => s + Number(p.platformPublicHours ?? 0), 0);
  ws.getCell(total, pub).value = { formula: `SUM(${letter(pub)}4:${letter(pub)}${last})`, result: sum };
  ws.getCell(total + 2, 1).value = '制表人：王小红';
  ws.getCell(total + 3, 1).value = '审核人：李主任';
  return { name: 'messy', workbook: wb, persons, sheets: ['一科'] };
}

/** 市平台学时 merged over 公需课/专业课, 培训进修 over 学时/天数; 姓名 and 身份证号 merged over two rows. */
export function twoRowHeaderRoster(): RosterFile {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  ws.getRow(1).values = ['姓名', '身份证号', '单位', '市平台学时', null, '培训进修', null];
  ws.getRow(2).values = [null, null, null, '公需课', '专业课', '学时', '天数'];
  ws.mergeCells('A1:A2');
  ws.mergeCells('B1:B2');
  ws.mergeCells('C1:C2');
  ws.mergeCells('D1:E1');
  ws.mergeCells('F1:G1');
  ws.getColumn(2).numFmt = '@';
  const keys: RosterKey[] = ['name', 'idNumber', 'unit', 'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'trainingDays'];
  const persons = BASE.map((p, i) => {
    keys.forEach((k, j) => {
      if (p[k] !== undefined) ws.getCell(3 + i, 1 + j).value = p[k] as ExcelJS.CellValue;
    });
    return { sheet: ws.name, row: 3 + i, input: only(p, keys) };
  });
  return { name: 'two-row-header', workbook: wb, persons, sheets: ['花名册'] };
}

/** An Excel table with a total row (合计 + SUBTOTAL), below a title. */
export function tableRoster(): RosterFile {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '继续教育学时（表格）';
  const keys: RosterKey[] = ['name', 'idNumber', 'unit', 'department', 'platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'trainingDays'];
  ws.addTable({
    name: 'Roster2023',
    ref: 'A3',
    headerRow: true,
    totalsRow: true,
    columns: keys.map((k, j) => (j === 0 ? { name: zh(k), totalsRowLabel: '合计' } : { name: zh(k), totalsRowFunction: k.endsWith('Hours') ? 'sum' : 'none' })),
    rows: BASE.map((p) => keys.map((k) => (p[k] ?? null) as ExcelJS.CellValue)),
  });
  const persons = BASE.map((p, i) => ({ sheet: ws.name, row: 4 + i, input: only(p, keys) }));
  return { name: 'table', workbook: wb, persons, sheets: ['台账'] };
}

/** Two departments' sheets (one person on both: a duplicate ID) and a 填表说明 sheet that is not a roster. */
export function twoSheetRoster(): RosterFile {
  const wb = new ExcelJS.Workbook();
  const notes = wb.addWorksheet('填表说明');
  notes.getCell('A1').value = '填表说明';
  notes.getCell('A2').value = '1. 每人一行，姓名必填。';
  const a = wb.addWorksheet('一科');
  const b = wb.addWorksheet('二科');
  const first = writeRoster(a, BASE.slice(0, 5), 1);
  const second = writeRoster(b, [...BASE.slice(5), { ...BASE[0], name: '张伟', department: '二科' }], 1);
  return { name: 'two-sheets', workbook: wb, persons: [...first, ...second], sheets: ['一科', '二科'] };
}

/** `n` generated rows (the engine benchmark's generator), IDs as text, under a header in row 1. */
export function largeRoster(n: number, sheetName = '花名册'): RosterFile {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  const keys = HEADERS.map((h) => h.key);
  ws.addRow(keys.map(zh));
  const rows = generateRows(n);
  const persons: Person[] = new Array(n);
  for (let i = 0; i < n; i++) {
    // Unique valid IDs: the region part counts thousands, the sequence part the rest.
    const id = withCheckDigit(`37${String(Math.floor(i / 1000)).padStart(4, '0')}1985${String(1 + (i % 12)).padStart(2, '0')}15${String(i % 1000).padStart(3, '0')}`);
    const input: RosterRowInput = { ...rows[i], idNumber: id };
    ws.addRow(keys.map((k) => (input[k] === undefined ? null : (input[k] as ExcelJS.CellValue))));
    persons[i] = { sheet: sheetName, row: i + 2, input };
  }
  return { name: `large-${n}`, workbook: wb, persons, sheets: [sheetName] };
}

export async function saveRoster(f: RosterFile, path: string): Promise<void> {
  await f.workbook.xlsx.writeFile(path);
}
