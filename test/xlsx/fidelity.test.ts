// The clerk's file, untouched: for every roster fixture (the office-suite-made rosters of test/fixtures/rosters,
// LibreOffice-made files with a chart, a pivot table, a text box, notes on empty cells, a freeze of columns, and
// rosters made with exceljs) the result package keeps every part we do not own byte for byte, every input cell
// (value, formula, style reference), note, merge and freeze, the default font; our cells are the add-in's; and the
// result opens in LibreOffice and converts to PDF (where LibreOffice is installed).
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { outputCells } from '../../addin/compute/results';
import { evaluate } from '../../shared/index';
import { placeAll, rowsOf, type OpenedRoster } from '../../xlsx/roster-file';
import { NO_SOFFICE, convert, findSoffice } from '../support/libreoffice';
import { OFFICE_FIXTURE } from '../support/office-fixtures';
import { check, packageOf, partsOf, text, type Parts } from './package-tools';
import { cleanRoster, messyRoster, tableRoster, twoRowHeaderRoster, twoSheetRoster } from './rosters';

const root = fileURLToPath(new URL('../..', import.meta.url));
const OUT = join(root, 'test', 'artifacts', 'fidelity');
mkdirSync(OUT, { recursive: true });
const soffice = findSoffice();
if (!soffice) console.log(NO_SOFFICE);

const fromDir = (dir: string): { name: string; bytes: () => Promise<Uint8Array> }[] =>
  existsSync(dir) ? readdirSync(dir).filter((f) => /\.xls[xm]$/.test(f)).map((f) => ({ name: f, bytes: async () => new Uint8Array(readFileSync(join(dir, f))) })) : [];
const viaExcelJs = [cleanRoster, messyRoster, tableRoster, twoRowHeaderRoster, twoSheetRoster].map((make) => {
  const f = make();
  return { name: `exceljs-${f.name}.xlsx`, bytes: async () => new Uint8Array((await f.workbook.xlsx.writeBuffer()) as ArrayBuffer) };
});
const officeFile = (): Parts => partsOf(new Uint8Array(readFileSync(join(root, 'test/fixtures/office', OFFICE_FIXTURE))));
const enc = (s: string): Uint8Array => new TextEncoder().encode(s);
/** LibreOffice's file with a freeze of two columns and the header row (LibreOffice headless cannot set one). */
const withColumnFreeze = async (): Promise<Uint8Array> => {
  const parts = officeFile();
  parts['xl/worksheets/sheet1.xml'] = enc(text(parts, 'xl/worksheets/sheet1.xml').replace(/(<sheetView\b[^>]*>)(?:<pane[^>]*\/>)?/, '$1<pane xSplit="2" ySplit="1" topLeftCell="C2" activePane="bottomRight" state="frozen"/>'));
  return packageOf(parts);
};
/** LibreOffice's file as an .xlsm with a VBA project part (LibreOffice headless cannot export one). */
const asXlsm = async (): Promise<Uint8Array> => {
  const parts = officeFile();
  const vba = new Uint8Array(4096);
  vba.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  for (let i = 8; i < vba.length; i++) vba[i] = (i * 7919) % 251;
  parts['xl/vbaProject.bin'] = vba;
  parts['[Content_Types].xml'] = enc(text(parts, '[Content_Types].xml').replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml').replace('</Types>', '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/></Types>'));
  parts['xl/_rels/workbook.xml.rels'] = enc(text(parts, 'xl/_rels/workbook.xml.rels').replace('</Relationships>', '<Relationship Id="rIdVba1" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'));
  return packageOf(parts);
};
const FILES = [
  ...fromDir(join(root, 'test/fixtures/rosters')),
  ...fromDir(join(root, 'test/fixtures/office')),
  { name: 'libreoffice-column-freeze.xlsx', bytes: withColumnFreeze },
  { name: 'libreoffice-macro.xlsm', bytes: asXlsm },
  ...viaExcelJs,
];

/** The raw <c …>…</c> elements of a sheet by reference (every writer here gives each cell its r). */
function cells(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of xml.matchAll(/<(?:\w+:)?c\b[^>]*?\br="([A-Z]+\d+)"[^>]*?(?:\/>|>[^]*?<\/(?:\w+:)?c>)/g)) out.set(m[1], m[0]);
  return out;
}
const colOf = (ref: string): number => [...ref.replace(/\d+/g, '')].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1;
const all = (xml: string, re: RegExp): string[] => [...xml.matchAll(re)].map((m) => m[0]);
const children = (xml: string, list: string, child: string): string[] => {
  const m = new RegExp(`<${list}\\b[^>]*>([^]*?)</${list}>`).exec(xml);
  return m ? all(m[1], new RegExp(`<${child}\\b[^>]*?(?:/>|>[^]*?</${child}>)`, 'g')) : [];
};

/** Parts we own in the result: the roster sheets, styles, shared strings, workbook, its rels, content types, widened tables. */
function ownedParts(opened: OpenedRoster): Set<string> {
  const owned = new Set(['[Content_Types].xml', 'xl/styles.xml', 'xl/sharedStrings.xml', opened.pkg.workbookPath, opened.pkg.workbookPath.replace(/([^/]+)$/, '_rels/$1.rels')]);
  for (const p of opened.plans) {
    const path = opened.pkg.sheets.find((s) => s.name === p.sheetName)?.path;
    if (path) owned.add(path);
    if (p.table) for (const n of Object.keys(partsOf(opened.pkg.zip.bytes))) if (n.startsWith('xl/tables/')) owned.add(n);
  }
  for (const o of opened.own) if (o.sheet.path) owned.add(o.sheet.path);
  return owned;
}

const made: string[] = [];
afterAll(async () => {
  if (!soffice || made.length === 0) return;
  // one LibreOffice start-up for every result: each must open (no repair) and print to PDF
  const t0 = performance.now();
  const pdfs = await convert(soffice, made, 'pdf', OUT);
  console.log(`LibreOffice: ${made.length} 个结果文件转 PDF 用时 ${((performance.now() - t0) / 1000).toFixed(1)} 秒`);
  for (const p of pdfs) expect(readFileSync(p).subarray(0, 5).toString()).toBe('%PDF-');
}, 300_000);

describe.each(FILES)('$name', ({ name, bytes }) => {
  it('keeps every part we do not own byte for byte, every input cell, note, merge, freeze and the default font; our cells are the add-in\'s', async () => {
    const input = await bytes();
    const { opened, out } = await check(name, input);
    const a: Parts = partsOf(input);
    const b: Parts = partsOf(out);
    const owned = ownedParts(opened);
    for (const part of Object.keys(a)) {
      if (owned.has(part) || part.endsWith('/')) continue;
      expect(b[part], `${name}: ${part} 缺失`).toBeDefined();
      expect(Buffer.from(b[part]).equals(Buffer.from(a[part])), `${name}: ${part} 被改动`).toBe(true);
    }
    for (const plan of opened.plans) {
      const path = opened.pkg.sheets.find((s) => s.name === plan.sheetName)?.path as string;
      const before = text(a, path);
      const after = text(b, path);
      const ours = new Set(plan.output?.columns.map((c) => c.col));
      const got = cells(after);
      for (const [ref, xml] of cells(before)) if (!ours.has(colOf(ref))) expect(got.get(ref), `${name} ${plan.sheetName}!${ref}`).toBe(xml);
      for (const re of [/<(?:\w+:)?mergeCell\b[^>]*>/g, /<(?:\w+:)?legacyDrawing\b[^>]*>/g, /<(?:\w+:)?drawing\b[^>]*>/g, /<(?:\w+:)?dataValidation\b[^]*?<\/(?:\w+:)?dataValidation>/g, /<(?:\w+:)?tablePart\b[^>]*>/g]) {
        expect(all(after, re), `${name} ${re}`).toEqual(all(before, re));
      }
      const pane = all(before, /<(?:\w+:)?pane\b[^>]*>/g);
      if (pane.length > 0) expect(all(after, /<(?:\w+:)?pane\b[^>]*>/g), `${name}: 原有的冻结窗格`).toEqual(pane);
      else expect(after).toMatch(new RegExp(`<pane ySplit="${(plan.output?.headerRow ?? 0) + 1}"[^>]*state="frozen"`));
    }
    // styles: appended only — the fonts (the first is the workbook's default), fills, borders and cell formats
    // that were there are still there, in place
    const sa = text(a, 'xl/styles.xml');
    const sb = text(b, 'xl/styles.xml');
    for (const [list, child] of [['fonts', 'font'], ['fills', 'fill'], ['borders', 'border'], ['cellXfs', 'xf'], ['cellStyleXfs', 'xf'], ['cellStyles', 'cellStyle']]) {
      const was = children(sa, list, child);
      expect(children(sb, list, child).slice(0, was.length), `${name} ${list}`).toEqual(was);
    }
    // shared strings: appended only — every string that was there is still there, in place (the clerk's cells point to them)
    if (a['xl/sharedStrings.xml']) {
      const was = all(text(a, 'xl/sharedStrings.xml'), /<(?:\w+:)?si\b[^]*?<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g);
      expect(all(text(b, 'xl/sharedStrings.xml'), /<(?:\w+:)?si\b[^]*?<\/(?:\w+:)?si>|<(?:\w+:)?si\/>/g).slice(0, was.length), `${name} sharedStrings`).toEqual(was);
    }
    // our cells, read back independently (exceljs), equal what the add-in writes for the same results
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out as unknown as ExcelJS.Buffer);
    const placed = placeAll(opened, evaluate(rowsOf(opened).rows, { asOf: '2023-11-01' }).results);
    opened.plans.forEach((plan, p) => {
      const ws = wb.getWorksheet(plan.sheetName) as ExcelJS.Worksheet;
      plan.rows.forEach((r, i) => {
        const want = outputCells(placed[p][i]).map((v) => (v === '' ? null : v));
        const gotRow = plan.output?.columns.map((c) => ws.getCell(r.sheetRow + 1, c.col + 1).value ?? null);
        expect(gotRow, `${name} ${plan.sheetName} 第 ${r.sheetRow + 1} 行`).toEqual(want);
      });
    });
    if (name.endsWith('.xlsm')) {
      expect(Buffer.from(b['xl/vbaProject.bin']).equals(Buffer.from(a['xl/vbaProject.bin']))).toBe(true);
      expect(text(b, '[Content_Types].xml')).toContain('macroEnabled.main+xml');
      expect(text(b, 'xl/_rels/workbook.xml.rels')).toContain('vbaProject');
    }
    const file = join(OUT, name.replace(/\.xls[xm]$/, '-核对结果$&'));
    writeFileSync(file, out);
    // LibreOffice refuses our stand-in VBA project (not a real one) in the input as in the output: no PDF for it
    if (!name.endsWith('.xlsm')) made.push(file);
  }, 120_000);
});

describe('roster fixture copies', () => {
  const upstream = join(root, '../shared/rosters');
  const files = existsSync(upstream) ? readdirSync(upstream) : [];
  it.runIf(files.length > 0)('test/fixtures/rosters/* are byte for byte ../shared/rosters/* (expect.json included)', () => {
    expect(readdirSync(join(root, 'test/fixtures/rosters')).sort()).toEqual([...files].sort());
    for (const f of files) expect(readFileSync(join(root, 'test/fixtures/rosters', f)).equals(readFileSync(join(upstream, f))), f).toBe(true);
  });
});
