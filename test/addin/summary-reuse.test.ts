// 计算学时 then 年度汇总 on the same roster (simulated Excel, a counting service speaking the Worker's HTTP API with the
// real engine and compact answer): the summary uses the results 计算学时 kept (addin/compute/last-run.ts) and sends
// no second round of evaluate requests; an edited cell, another asOf, another service address or a new engine
// version on the service each send the whole roster again, and the numbers are always the engine's for the sheet
// as it is.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WorkerClient, type FetchLike } from '../../addin/api/client';
import { forgetRun } from '../../addin/compute/last-run';
import { runCompute } from '../../addin/compute/run';
import { SUMMARY_SHEET_NAME, TABLE_NAMES } from '../../addin/summary/layout';
import { buildAnnualSummarySheet } from '../../addin/summary/summary-sheet';
import { compactAnswerJson } from '../../shared/compact-json';
import { evaluateRows } from '../../shared/evaluate';
import { ENGINE_VERSION, HEADERS, evaluate, listRuleSets, mapHeaders, rowFromCells, type Summary } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { WorkbookModel, createExcel, type Scalar, type SheetModel } from '../support/excel-sim';

const AS_OF = '2023-11-01';
const TOKEN = 'tok';
const ROWS_PER_REQUEST = 25;
const PEOPLE = 120;

/** The Worker's API over the engine: counts evaluate requests; `engineVersion` can be changed (a redeployment). */
function service(): { fetch: FetchLike; evaluates: () => number; state: { engineVersion: string } } {
  let evaluates = 0;
  const state = { engineVersion: ENGINE_VERSION };
  const json = (body: unknown): Response => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
  const fetch: FetchLike = async (url, init) => {
    const path = new URL(url).pathname;
    if (path === '/v1/health') {
      return json({ ok: true, engineVersion: state.engineVersion, limits: { maxRows: 5000, maxBodyBytes: 5_242_880, rowsPerRequest: ROWS_PER_REQUEST } });
    }
    if (path === '/v1/rules') return json({ engineVersion: state.engineVersion, ruleSets: listRuleSets() });
    if (path !== '/v1/evaluate') return new Response('{}', { status: 404 });
    evaluates++;
    const body = JSON.parse(String(init?.body)) as { rows: RosterRowInput[]; asOf?: string };
    const text = new TextDecoder().decode(compactAnswerJson(evaluateRows(body.rows, { asOf: body.asOf }), body.rows, { batchId: `b${evaluates}` }));
    // the answer of the engine version the service runs now
    return new Response(text.replace(`"engineVersion":"${ENGINE_VERSION}"`, `"engineVersion":"${state.engineVersion}"`), { status: 200 });
  };
  return { fetch, evaluates: () => evaluates, state };
}

function rosterWorkbook(): { model: WorkbookModel; sheet: SheetModel } {
  const model = new WorkbookModel();
  const sheet = model.addSheet('花名册');
  HEADERS.forEach((h, c) => sheet.set(0, c, h.zh));
  for (let i = 0; i < PEOPLE; i++) {
    const row: Partial<Record<string, Scalar>> = {
      name: `人员${i}`, unit: `单位${i % 3}`, department: i % 2 === 0 ? '内科' : '',
      platformPublicHours: 20 + (i % 15), platformProfessionalHours: i % 4 === 0 ? 45 : 60, trainingHours: i % 5 === 0 ? 24 : '',
      trainingDays: i % 5 === 0 ? 3 : '',
    };
    HEADERS.forEach((h, c) => {
      const v = row[h.key];
      if (v !== undefined && v !== '') sheet.set(i + 1, c, v);
    });
  }
  return { model, sheet };
}

/** The engine's summary of the roster as the sheet holds it now. */
function engineSummary(sheet: SheetModel): Summary {
  const header = sheet.block(0, 0, 1, HEADERS.length)[0];
  const cells = sheet.block(1, 0, PEOPLE, HEADERS.length);
  return evaluate(cells.map((r) => rowFromCells(r, mapHeaders(header).columns)), { asOf: AS_OF }).summary;
}

function summaryTotal(model: WorkbookModel): unknown[] {
  const sheet = model.sheet(SUMMARY_SHEET_NAME);
  const table = model.tables.find((t) => t.sheetId === sheet?.id && t.name === TABLE_NAMES.total);
  if (!sheet || !table) throw new Error('no summary total table');
  return sheet.block(table.row + 1, table.col, 1, 10)[0];
}
const totals = (s: Summary): unknown[] => {
  const t = s.total;
  return [t.headcount, t.compliant, t.short, t.pendingEvidence, t.invalid, t.complianceRate, t.avgPublic, t.avgProfessional, t.avgTotal, t.lostHours];
};

afterEach(() => {
  vi.unstubAllGlobals();
  forgetRun();
});

describe('年度汇总 right after 计算学时 on the same roster', () => {
  const setUp = async (svc: ReturnType<typeof service>, baseUrl = 'https://ce.example.org') => {
    const { model, sheet } = rosterWorkbook();
    const excel = createExcel(model);
    vi.stubGlobal('Excel', excel);
    vi.stubGlobal('fetch', svc.fetch);
    const run = await runCompute({ evaluator: new WorkerClient({ baseUrl, token: TOKEN, fetch: svc.fetch }), asOf: AS_OF }, excel.run);
    expect(run.kind).toBe('done');
    return { model, sheet };
  };
  const round = Math.ceil(PEOPLE / ROWS_PER_REQUEST);

  it('sends no evaluate request: the kept results make the same summary the engine gives', async () => {
    const svc = service();
    const { model, sheet } = await setUp(svc);
    expect(svc.evaluates()).toBe(round);
    const out = await buildAnnualSummarySheet({ workerUrl: 'https://ce.example.org/', token: TOKEN, asOf: AS_OF });
    expect(out).toMatchObject({ computedBy: 'worker', reused: true, rows: PEOPLE });
    expect(svc.evaluates()).toBe(round);
    expect(summaryTotal(model)).toEqual(totals(engineSummary(sheet)));
    // refreshed from 年度汇总 itself: still nothing sent
    await buildAnnualSummarySheet({ workerUrl: 'https://ce.example.org', token: TOKEN, asOf: AS_OF });
    expect(svc.evaluates()).toBe(round);
  });

  it('an edited cell sends the whole roster again, and the summary counts the edit', async () => {
    const svc = service();
    const { model, sheet } = await setUp(svc);
    const before = engineSummary(sheet);
    const col = HEADERS.findIndex((h) => h.key === 'platformProfessionalHours');
    sheet.set(11, col, 10); // 人员10, compliant until now
    const out = await buildAnnualSummarySheet({ workerUrl: 'https://ce.example.org', token: TOKEN, asOf: AS_OF });
    expect(out).toMatchObject({ computedBy: 'worker', reused: false });
    expect(svc.evaluates()).toBe(2 * round);
    const after = engineSummary(sheet);
    expect(after.total.compliant).toBe(before.total.compliant - 1);
    expect(summaryTotal(model)).toEqual(totals(after));
  });

  it('another asOf, another service or a new engine version on the service: sent again', async () => {
    const svc = service();
    await setUp(svc);
    await buildAnnualSummarySheet({ workerUrl: 'https://ce.example.org', token: TOKEN, asOf: '2023-12-01' });
    expect(svc.evaluates()).toBe(2 * round);
    await buildAnnualSummarySheet({ workerUrl: 'https://ce2.example.org', token: TOKEN, asOf: AS_OF });
    expect(svc.evaluates()).toBe(3 * round);
    svc.state.engineVersion = `${ENGINE_VERSION}-next`;
    const out = await buildAnnualSummarySheet({ workerUrl: 'https://ce.example.org', token: TOKEN, asOf: AS_OF });
    expect(out.reused).toBe(false);
    expect(svc.evaluates()).toBe(4 * round);
  });
});
