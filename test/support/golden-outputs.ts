// What zaozhuang-2023 answers, as the product writes it, on generated rows: the compact answer's bytes, the full
// answer, the nine output cells, the .xlsx result file (every sheet's cells, styles, merges, validations), the
// template, the sample roster, the custom functions and the header table. Each piece is hashed
// (SHA-256); test/fixtures/golden/zaozhuang-2023.json holds the hashes recorded from main before the rule set became
// data of a few kinds (docs/developer-guide.md, Tests), and test/engine/golden-2023.test.ts requires the same today.
// `npx tsx test/support/golden-outputs.ts OUT.json` writes the pieces themselves (to compare two versions by eye).
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { computeFunction, FUNCTION_KINDS } from '../../addin/functions/compute';
import { buildTemplateLayout } from '../../addin/template/template-layout';
import { sampleRoster } from '../../addin/template/sample-roster';
import { checkRoster } from '../../xlsx/check-roster';
import { openRoster } from '../../xlsx/roster-file';
import { generateRows } from '../../scripts/bench-rows';
import { evaluateRows } from '../../shared/evaluate';
import { compactAnswerJson } from '../../shared/compact-json';
import { DEFAULT_RULE_SET, HEADERS, evaluate, formatRowOutput, mapHeaders } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { warmUpRows } from '../../shared/warm-up-rows';
import { WORKED_BATCHES, WORKED_CASES } from './worked-cases';
import { largeRoster, messyRoster, twoSheetRoster, type RosterFile } from '../xlsx/rosters';

const AS_OF = '2023-11-01';
const MADE_AT = new Date(Date.UTC(2023, 10, 1, 2, 30));

/** The outputs of one evaluate call: compact bytes, full answer, output cells. */
function engineOutputs(rows: RosterRowInput[], asOf: string | undefined): { compact: string; full: string; cells: string } {
  const options = asOf === undefined ? {} : { asOf };
  const compact = new TextDecoder().decode(compactAnswerJson(evaluateRows(rows, options), rows));
  const full = evaluate(rows, options);
  return { compact, full: JSON.stringify(full), cells: JSON.stringify(full.results.map((r) => formatRowOutput(r, full.ruleSet))) };
}

/** Every cell of every sheet (value and style), merges, validations, views and columns of a result workbook. */
async function workbookText(bytes: Uint8Array): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        cells.push([r, c, cell.type === 1 ? null : cell.value, cell.style, cell.dataValidation ?? null]);
      });
    });
    const model = ws.model as unknown as { merges?: string[]; conditionalFormattings?: unknown[] };
    return {
      name: ws.name,
      cells,
      merges: model.merges ?? [],
      conditional: model.conditionalFormattings ?? [],
      views: ws.views,
      columns: (ws.columns ?? []).map((c) => [c.width ?? null, c.hidden ?? false]),
      pageSetup: ws.pageSetup,
    };
  });
  return JSON.stringify(sheets);
}

async function resultFile(f: RosterFile): Promise<string> {
  const buffer = await f.workbook.xlsx.writeBuffer();
  const opened = await openRoster(`${f.name}.xlsx`, new Uint8Array(buffer as ArrayBuffer));
  const outcome = await checkRoster(opened, { asOf: AS_OF, now: MADE_AT });
  const bytes = new Uint8Array(outcome.file.reduce((n, part) => n + part.length, 0));
  let at = 0;
  for (const part of outcome.file) {
    bytes.set(part, at);
    at += part.length;
  }
  return workbookText(bytes);
}

/** Every golden piece as text, by name. */
export async function goldenPieces(): Promise<Record<string, string>> {
  const pieces: Record<string, string> = {};
  const add = (prefix: string, o: Record<string, string>): void => {
    for (const [k, v] of Object.entries(o)) pieces[`${prefix}.${k}`] = v;
  };
  add('generated', engineOutputs(generateRows(3000, 2023), AS_OF));
  add('generated-no-asof', engineOutputs(generateRows(500, 7), undefined));
  add('warm-up', engineOutputs(warmUpRows(DEFAULT_RULE_SET, 2000), AS_OF));
  const cases = WORKED_CASES.map((c) => engineOutputs([c.row], c.asOf));
  const batches = WORKED_BATCHES.map((b) => engineOutputs(b.rows, b.asOf));
  for (const part of ['compact', 'full', 'cells'] as const) {
    pieces[`cases.${part}`] = JSON.stringify(cases.map((c) => c[part]));
    pieces[`batches.${part}`] = JSON.stringify(batches.map((c) => c[part]));
  }
  pieces['xlsx.large'] = await resultFile(largeRoster(300));
  pieces['xlsx.messy'] = await resultFile(messyRoster());
  pieces['xlsx.two-sheets'] = await resultFile(twoSheetRoster());
  pieces.template = JSON.stringify(buildTemplateLayout());
  const sample = sampleRoster();
  pieces.sample = JSON.stringify(sample);
  const kinds = Object.values(FUNCTION_KINDS);
  const sampleRows = sample.rows as unknown[][];
  pieces.functions = JSON.stringify(kinds.map((k) => [
    computeFunction(k, sampleRows),
    computeFunction(k, sampleRows.map((r) => [...r].reverse()), [[...sample.headers].reverse()]),
  ]));
  pieces.headers = JSON.stringify(HEADERS);
  pieces['map-headers'] = JSON.stringify([
    mapHeaders(['姓名', '身份证号码', '工作单位', '科室', '公需课', '专业课', '培训（天）', '培训进修（学时）', '备注', '状态']),
    mapHeaders(['基本情况 姓名', '市平台学时 公需课', '市平台学时 专业课', '培训进修 是否备案', '职称申报 提交日期', '竞赛次数']),
  ]);
  return pieces;
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash and length of every piece. */
export async function goldenHashes(): Promise<Record<string, { sha256: string; length: number }>> {
  const pieces = await goldenPieces();
  return Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, { sha256: sha256(v), length: v.length }]));
}

if (process.argv[1]?.endsWith('golden-outputs.ts')) {
  const out = process.argv[2];
  const pieces = await goldenPieces();
  if (out === '--hashes') {
    console.log(JSON.stringify(Object.fromEntries(Object.entries(pieces).map(([k, v]) => [k, { sha256: sha256(v), length: v.length }])), null, 2));
  } else if (out) writeFileSync(out, JSON.stringify(pieces, null, 1));
}
