// Our texts as shared strings (xlsx/write/shared-strings.ts): the clerk's string table keeps every string in place
// and ours follow it, each short text once; the result reads back (our reader and exceljs) with the add-in's values;
// a second run drops the first run's strings and appends its own, so the table does not grow from run to run; and
// a string of ours that a kept cell points to (copied elsewhere by some program) is never dropped.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { outputCells } from '../../addin/compute/results';
import { evaluate } from '../../shared/index';
import { openRoster, placeAll, rowsOf } from '../../xlsx/roster-file';
import { strToU8 } from 'fflate';
import { editParts, check, packageOf, partsOf, text } from './package-tools';
import { largeRoster, twoSheetRoster } from './rosters';
import { columnLetter } from '../../shared/sheet/a1';
import { convert, findSoffice } from '../support/libreoffice';

const SST = 'xl/sharedStrings.xml';
const OUT = join(fileURLToPath(new URL('../..', import.meta.url)), 'test', 'artifacts', 'shared-strings');
mkdirSync(OUT, { recursive: true });
const soffice = findSoffice();
const strings = (xml: string): string[] => [...xml.matchAll(/<si>([^]*?)<\/si>/g)].map((m) => m[1].replace(/<[^>]+>/g, ''));
const uniqueCount = (xml: string): number => Number(/uniqueCount="(\d+)"/.exec(xml)?.[1]);

/** CSV as LibreOffice writes it: fields in double quotes when they hold a comma, a quote or a line break. */
function csvRows(csv: string): string[][] {
  const rows: string[][] = [[]];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const ch = csv[i];
    if (quoted) {
      if (ch === '"' && csv[i + 1] === '"') field += csv[++i];
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      rows[rows.length - 1].push(field);
      field = '';
    } else if (ch === '\n') {
      rows[rows.length - 1].push(field.replace(/\r$/, ''));
      rows.push([]);
      field = '';
    } else field += ch;
  }
  rows[rows.length - 1].push(field);
  return rows;
}

async function bytesOf(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

describe('our texts as shared strings', () => {
  it('the clerk’s strings stay in place; ours follow once each; our cells read back as the add-in writes them', { timeout: 120_000 }, async () => {
    const input = await bytesOf(largeRoster(300).workbook);
    const before = text(partsOf(input), SST);
    const { opened, out } = await check('花名册.xlsx', input);
    const after = text(partsOf(out), SST);
    const was = strings(before);
    const now = strings(after);
    expect(now.slice(0, was.length)).toEqual(was);
    expect(uniqueCount(after)).toBe(now.length);
    // each short text of ours once (a status, a deadline, a unit): far fewer strings than our cells
    const ours = now.slice(was.length);
    expect(new Set(ours).size).toBe(ours.length);
    expect(ours).toContain('状态');
    expect(ours).toContain('未达标');
    const sheet = text(partsOf(out), 'xl/worksheets/sheet1.xml');
    const statusCol = opened.plans[0].output?.columns.find((c) => c.header === '状态')?.col ?? -1;
    const letter = columnLetter(statusCol);
    expect(sheet).toMatch(new RegExp(`<c r="${letter}2" s="\\d+" t="s"><v>\\d+</v></c>`));
    // read back by our reader and by exceljs: the add-in's values
    const placed = placeAll(opened, evaluate(rowsOf(opened).rows, { asOf: '2023-11-01' }).results);
    const again = await openRoster('结果.xlsx', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet(opened.plans[0].sheetName) as ExcelJS.Worksheet;
    expect(again.plans[0].output?.columns.every((c) => c.exists)).toBe(true);
    opened.plans[0].rows.forEach((r, i) => {
      const want = outputCells(placed[0][i]).map((v) => (v === '' ? null : v));
      expect(opened.plans[0].output?.columns.map((c) => ws.getCell(r.sheetRow + 1, c.col + 1).value ?? null), `第 ${r.sheetRow + 1} 行`).toEqual(want);
    });
    // and by LibreOffice: the roster sheet as CSV has our header and each person's status
    if (soffice) {
      const file = join(OUT, '共享字符串-核对结果.xlsx');
      writeFileSync(file, out);
      const [csv] = await convert(soffice, [file], 'csv:Text - txt - csv (StarCalc):44,34,76', OUT);
      const lines = csvRows(readFileSync(csv, 'utf8'));
      const k = opened.plans[0].output?.columns.findIndex((c) => c.header === '状态') ?? -1;
      expect(lines[0][statusCol]).toBe('状态');
      opened.plans[0].rows.forEach((r, i) => expect(lines[r.sheetRow][statusCol], `第 ${r.sheetRow + 1} 行`).toBe(String(outputCells(placed[0][i])[k] ?? '')));
    }
  });

  it('a second run drops the first run’s strings and appends its own: the table does not grow', async () => {
    const input = await bytesOf(largeRoster(300).workbook);
    const clerks = strings(text(partsOf(input), SST)).length;
    const first = (await check('花名册.xlsx', input)).out;
    const second = (await check('结果.xlsx', first)).out;
    const third = (await check('结果2.xlsx', second, '2023-12-20')).out;
    const [a, b, c] = [first, second, third].map((f) => strings(text(partsOf(f), SST)));
    expect(b).toEqual(a);
    // another 核对日期: other sentences, the same table size order (the clerk's strings and this run's), not a + c
    const fresh = strings(text(partsOf((await check('花名册.xlsx', input, '2023-12-20')).out), SST));
    expect(c).toEqual(fresh);
    expect(c.slice(0, clerks)).toEqual(a.slice(0, clerks));
  });

  // the rosters an office suite wrote (LibreOffice, a WPS-style layout): their tables hold rich text, phonetic runs and
  // the order that suite chose; a second run over our result keeps them in place and the table's size
  const OFFICE_ROSTERS = join(fileURLToPath(new URL('../fixtures/rosters', import.meta.url)));
  it.each(readdirSync(OFFICE_ROSTERS).filter((f) => f.endsWith('.xlsx')))('%s: a second run keeps the suite’s strings in place and the table’s size; our cells the same', async (file) => {
    const input = new Uint8Array(readFileSync(join(OFFICE_ROSTERS, file)));
    const clerks = strings(text(partsOf(input), SST));
    const { opened, out: first } = await check(file, input);
    const second = (await check(file, first)).out;
    const [a, b] = [first, second].map((f) => strings(text(partsOf(f), SST)));
    expect(a.slice(0, clerks.length)).toEqual(clerks);
    expect(b).toEqual(a);
    const books = await Promise.all(
      [first, second].map(async (f) => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(f as unknown as ExcelJS.Buffer);
        return wb;
      }),
    );
    for (const plan of opened.plans) {
      const [ws1, ws2] = books.map((wb) => wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet);
      for (const r of plan.rows) {
        for (const c of plan.output?.columns ?? []) {
          expect(ws2.getCell(r.sheetRow + 1, c.col + 1).value, `${plan.sheetName} 第 ${r.sheetRow + 1} 行 ${c.header}`).toEqual(ws1.getCell(r.sheetRow + 1, c.col + 1).value);
        }
      }
    }
  });

  it('a string of ours that a kept cell points to is kept (the run appends after it)', async () => {
    const first = (await check('花名册.xlsx', await bytesOf(twoSheetRoster().workbook))).out;
    const table = strings(text(partsOf(first), SST));
    const index = table.indexOf('未达标');
    expect(index).toBeGreaterThan(0);
    // a cell on the clerk's 填表说明 sheet that shows one of our strings (as a program copying cells would write it)
    const edited = editParts(first, { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(/(<row r="2"[^>]*>[^]*?)(<\/row>)/, `$1<c r="C2" t="s"><v>${index}</v></c>$2`) });
    expect(text(partsOf(edited), 'xl/worksheets/sheet1.xml')).toContain(`<c r="C2" t="s"><v>${index}</v></c>`);
    const second = (await check('结果.xlsx', edited)).out;
    const after = strings(text(partsOf(second), SST));
    expect(after.slice(0, table.length)).toEqual(table);
    expect(after.length).toBeGreaterThan(table.length);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(second as unknown as ExcelJS.Buffer);
    expect(wb.getWorksheet('填表说明')?.getCell('C2').value).toBe('未达标');
    // and the run after that one, with the cell gone, drops both runs' strings again
    const cleaned = editParts(second, { 'xl/worksheets/sheet1.xml': (xml) => xml.replace(`<c r="C2" t="s"><v>${index}</v></c>`, '') });
    const third = strings(text(partsOf((await check('结果.xlsx', cleaned)).out), SST));
    expect(third.length).toBeLessThan(after.length);
  });

  it('a workbook without a string table (inline strings only) gets one, with its relationship and content type', { timeout: 120_000 }, async () => {
    // the roster as a program writing inline strings saves it: each shared string put into its cell, the table gone
    const made = partsOf(await bytesOf(largeRoster(30).workbook));
    const table = strings(text(made, SST));
    const esc = (t: string): string => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    made['xl/worksheets/sheet1.xml'] = strToU8(text(made, 'xl/worksheets/sheet1.xml').replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"><v>(\d+)<\/v><\/c>/g, (_, r: string, rest: string, i: string) => `<c r="${r}"${rest} t="inlineStr"><is><t>${esc(table[Number(i)])}</t></is></c>`));
    expect(text(made, 'xl/worksheets/sheet1.xml')).not.toContain('t="s"');
    delete made[SST];
    made['xl/_rels/workbook.xml.rels'] = strToU8(text(made, 'xl/_rels/workbook.xml.rels').replace(/<Relationship [^>]*sharedStrings[^>]*\/>/, ''));
    made['[Content_Types].xml'] = strToU8(text(made, '[Content_Types].xml').replace(/<Override [^>]*sharedStrings[^>]*\/>/, ''));
    const input = packageOf(made);
    expect(text(partsOf(input), 'xl/_rels/workbook.xml.rels')).not.toContain('sharedStrings');
    const { opened, out } = await check('花名册.xlsx', input);
    const parts = partsOf(out);
    expect(strings(text(parts, SST))).toContain('状态');
    expect(text(parts, 'xl/_rels/workbook.xml.rels')).toMatch(/Type="[^"]*\/sharedStrings" Target="sharedStrings.xml"/);
    expect(text(parts, '[Content_Types].xml')).toContain('<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    const status = opened.plans[0].output?.columns.find((c) => c.header === '状态');
    expect(wb.getWorksheet(opened.plans[0].sheetName)?.getCell(1, (status?.col ?? 0) + 1).value).toBe('状态');
    // LibreOffice opens it (no repair) and prints it
    if (soffice) {
      const file = join(OUT, '无共享字符串表-核对结果.xlsx');
      writeFileSync(file, out);
      const [pdf] = await convert(soffice, [file], 'pdf', OUT);
      expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    }
    // and the second run over it drops its strings as over any result of ours
    const again = (await check('结果.xlsx', out)).out;
    expect(strings(text(partsOf(again), SST))).toEqual(strings(text(parts, SST)));
  });
  it('a string table whose start tag is padded with spaces costs linear time (no backtracking on the tag)', { timeout: 60_000 }, async () => {
    const input = await bytesOf(largeRoster(20).workbook);
    const padded = editParts(input, { [SST]: (xml) => xml.replace(/<sst /, `<sst${' '.repeat(200_000)}data-x="1" `) });
    const t0 = performance.now();
    const { out } = await check('花名册.xlsx', padded);
    const ms = performance.now() - t0;
    const root = /<sst[^>]*>/.exec(text(partsOf(out), SST))?.[0] ?? '';
    expect(root).toContain('data-x="1"');
    expect(root).toMatch(/ uniqueCount="\d+">$/);
    // a quadratic scan of 200,000 spaces takes tens of seconds; the whole run takes well under a second here
    expect(ms).toBeLessThan(10_000);
  });
});
