// Data minimisation: by default the request bodies carry no name and no ID number (a row key instead); the local engine
// does the name, total-row, ID and duplicate work; results and the summary equal evaluate() on the full rows.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { WorkerClient, type FetchLike } from '../../addin/api/client';
import { computeAll } from '../../addin/compute/compute';
import { rowKey, sentCells } from '../../addin/compute/minimise';
import { syntheticRows } from '../../scripts/load-rows';
import { compactAnswerJson } from '../../shared/compact-json';
import { evaluateRows } from '../../shared/evaluate';
import { getRuleSet, listRuleSets } from '../../shared/index';
import { WARM_UP_ROWS, everydayRows, warmUpRows } from '../../shared/warm-up-rows';
import { WORKED_BATCHES, WORKED_CASES } from '../support/worked-cases';
import { summarizeRoster } from '../../addin/summary/summary-source';

const AS_OF = '2023-11-01';
const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/** A GB 11643 ID number with a correct check digit. */
function validId(n: number): string {
  const body = `370402198${String(n % 10)}0${String((n % 9) + 1)}1${String(n).padStart(4, '0').slice(-3)}`.slice(0, 17);
  const sum = [...body].reduce((s, d, i) => s + Number(d) * W[i], 0);
  return body + '10X98765432'[sum % 11];
}

/** A roster of 2,500 rows with the real-roster cases that need a name or an ID number. */
function roster(): RosterRowInput[] {
  const rows: RosterRowInput[] = Array.from({ length: 2500 }, (_, i) => ({
    name: `职工${String.fromCharCode(0x4e00 + (i % 500))}${i}`,
    idNumber: validId(i),
    unit: `单位${i % 5}`,
    department: `科室${i % 3}`,
    platformPublicHours: (i * 7) % 41,
    platformProfessionalHours: 60,
  }));
  rows[3] = { ...rows[3], idNumber: '370402198001011235' }; // a wrong check digit
  rows[10] = { ...rows[10], name: '' }; // a name missing
  rows[20] = {}; // blank
  rows[1800] = { ...rows[1800], idNumber: rows[5].idNumber }; // the same ID in another part
  rows[2499] = { name: '合计', platformPublicHours: 9999 }; // a total row
  return rows;
}

type Body = { rows: RosterRowInput[] };
function capturing(): { fetch: FetchLike; bodies: string[] } {
  const bodies: string[] = [];
  const fetch: FetchLike = async (url, init) => {
    if (url.endsWith('/v1/health')) return new Response(JSON.stringify({ ok: true, engineVersion: 'x', limits: { maxRows: 5000, rowsPerRequest: 1000 } }));
    const text = String(init?.body);
    bodies.push(text);
    const body = JSON.parse(text) as Body & { asOf?: string };
    return new Response(JSON.stringify({ ...evaluate(body.rows, { asOf: body.asOf }), batchId: `b${bodies.length}` }));
  };
  return { fetch, bodies };
}

describe('what leaves the workbook', () => {
  const rows = roster();
  const names = rows.map((r) => r.name).filter((v): v is string => typeof v === 'string' && v !== '' && v !== '合计');
  const ids = rows.map((r) => r.idNumber).filter((v): v is string => typeof v === 'string' && v !== '');

  it('by default: no name, no ID number in any request body; a row key per person; results equal evaluate()', async () => {
    const service = capturing();
    const client = new WorkerClient({ baseUrl: 'https://ce.example.org', token: 't', fetch: service.fetch });
    const out = await computeAll(rows, client, { asOf: AS_OF, firstDataRowNumber: 2 });
    expect(service.bodies.length).toBeGreaterThan(1);
    const all = service.bodies.join('\n');
    for (const n of names) expect(all.includes(n), n).toBe(false);
    for (const id of ids) expect(all.includes(id), id).toBe(false);
    expect(all).not.toContain('idNumber');
    const sent = service.bodies.flatMap((b) => (JSON.parse(b) as Body).rows);
    expect(sent).toHaveLength(rows.length);
    const want = evaluate(rows, { asOf: AS_OF }).results;
    sent.forEach((r, i) => {
      if (want[i].status === '' || want[i].status === '数据有误') expect(r, `row ${i}`).toEqual({});
      else expect(r.name, `row ${i}`).toBe(rowKey(2 + i));
    });
    // the name and ID work was done locally: missing name, check digit (and total rows, duplicates: whatever the engine does)
    expect(out.results).toEqual(want);
    expect(want[10].status).toBe('数据有误');
    expect(want[3].warnings.some((w) => w.code === 'ID_CHECKSUM')).toBe(true);
  });

  it('the summary fills the names back: attention lists the real names', async () => {
    const service = capturing();
    const out = await summarizeRoster(rows, { workerUrl: 'https://ce.example.org', token: 't', asOf: AS_OF, fetch: service.fetch });
    expect(out.computedBy).toBe('worker');
    expect(out.summary).toEqual(evaluate(rows, { asOf: AS_OF }).summary);
    expect(out.summary.attention.length).toBeGreaterThan(0);
    for (const a of out.summary.attention) expect(a.name).not.toMatch(/^R\d+$/);
    const all = service.bodies.join('\n');
    for (const n of names.slice(0, 50)) expect(all.includes(n)).toBe(false);
  });

  it('with the setting on, names and ID numbers are sent as typed', async () => {
    const service = capturing();
    const client = new WorkerClient({ baseUrl: 'https://ce.example.org', token: 't', fetch: service.fetch });
    const out = await computeAll(rows, client, { asOf: AS_OF, firstDataRowNumber: 2, sendPersonalData: true });
    const sent = service.bodies.flatMap((b) => (JSON.parse(b) as Body).rows);
    // every cell as typed, only the empty ones left out (row 10's empty name)
    expect(sent).toEqual(rows.map((row) => sentCells(row)));
    expect(sent[10]).not.toHaveProperty('name');
    expect(sent[11].name).toBe(rows[11].name);
    // the service sees one part at a time: the same ID in two parts (rows 5 and 1800) is found by the caller's check
    // over the whole roster (shared/roster findCrossDuplicates, applied in addin/compute/run.ts), not here
    const whole = evaluate(rows, { asOf: AS_OF }).results.map((r) => r.status);
    const crossPart = new Set([5, 1800]);
    expect(out.results.map((r) => r.status).filter((_, i) => !crossPart.has(i))).toEqual(whole.filter((_, i) => !crossPart.has(i)));
  });
});

describe('empty cells are not sent', () => {
  /** Rows with every kind of empty and nearly empty cell, as a sheet gives them. */
  const mixed = (): RosterRowInput[] =>
    Array.from({ length: 60 }, (_, i) => ({
      name: i % 9 === 4 ? '' : `职工${i}`,
      unit: i % 3 === 0 ? null : i % 3 === 1 ? '' : '枣庄市立医院',
      department: i % 4 === 0 ? '　' : i % 4 === 1 ? ' ' : null,
      platformPublicHours: i % 5 === 0 ? 0 : i % 5 === 1 ? '' : i % 5 === 2 ? '0' : 30,
      platformProfessionalHours: i % 7 === 0 ? null : 60,
      trainingFiled: i % 6 === 0 ? false : i % 6 === 1 ? '' : null,
      trainingHours: null,
      specialCase: '',
    }));

  it('sentCells keeps every cell but null and empty text: 0, false, "0" and spaces stay', () => {
    expect(sentCells({ a: null, b: '', c: 0, d: false, e: '0', f: ' ', g: '　', h: 'x', i: 12.5 })).toEqual({ c: 0, d: false, e: '0', f: ' ', g: '　', h: 'x', i: 12.5 });
    expect(sentCells({})).toEqual({});
    // the fields left out are left out whatever they hold; the others keep their order
    expect(Object.keys(sentCells({ name: '张三', unit: 'u', idNumber: '370402198503121234', trainingHours: 3 }, ['name', 'idNumber']))).toEqual(['unit', 'trainingHours']);
    const row = { a: null, b: 1 };
    sentCells(row);
    expect(row).toEqual({ a: null, b: 1 });
  });

  it('no request body holds a null or an empty text, with or without names', async () => {
    const rows = mixed();
    for (const sendPersonalData of [false, true]) {
      const service = capturing();
      const client = new WorkerClient({ baseUrl: 'https://ce.example.org', token: 't', fetch: service.fetch });
      const out = await computeAll(rows, client, { asOf: AS_OF, firstDataRowNumber: 2, sendPersonalData });
      const sent = service.bodies.flatMap((b) => (JSON.parse(b) as Body).rows);
      expect(sent).toHaveLength(rows.length);
      for (const r of sent) for (const v of Object.values(r)) expect(v === null || v === '', JSON.stringify(r)).toBe(false);
      // what is sent still has the cells that are not empty: 0, false, '0' and spaces
      if (sendPersonalData) expect(sent[0]).toEqual({ name: '职工0', department: '　', platformPublicHours: 0, trainingFiled: false });
      expect(out.results).toEqual(evaluate(rows, { asOf: AS_OF }).results);
    }
  });

  it('the engine gives the same answer without the empty cells: full and compact, every kind of roster', () => {
    type Roster = { label: string; rows: RosterRowInput[]; asOf?: string; ruleSet?: string };
    const rosters: Roster[] = [
      { label: 'mixed', rows: mixed(), asOf: AS_OF },
      { label: 'load rows', rows: syntheticRows(3000), asOf: AS_OF },
      ...WORKED_CASES.map((c): Roster => ({ label: c.id, rows: [c.row], asOf: c.asOf, ruleSet: c.ruleSet })),
      ...WORKED_BATCHES.map((b): Roster => ({ label: b.id, rows: b.rows, asOf: b.asOf })),
      ...listRuleSets().flatMap(({ id }): Roster[] => [
        { label: `${id} warm-up rows`, rows: warmUpRows(id), asOf: `${getRuleSet(id).year}-11-01`, ruleSet: id },
        { label: `${id} everyday rows`, rows: everydayRows(id, WARM_UP_ROWS, 3), asOf: `${getRuleSet(id).year}-11-01`, ruleSet: id },
      ]),
    ];
    let emptied = 0;
    for (const { label, rows, asOf, ruleSet } of rosters) {
      const sent = rows.map((row) => sentCells(row));
      emptied += rows.reduce((n, r, i) => n + Object.keys(r).length - Object.keys(sent[i]).length, 0);
      const options = { asOf, ruleSet };
      expect(JSON.stringify(evaluate(sent, options)), label).toBe(JSON.stringify(evaluate(rows, options)));
      const bytes = (rs: RosterRowInput[]) => Buffer.from(compactAnswerJson(evaluateRows(rs, options), rs)).toString('utf8');
      expect(bytes(sent), label).toBe(bytes(rows));
    }
    // the rosters do hold empty cells (else this would prove nothing)
    expect(emptied).toBeGreaterThan(10_000);
  });
});
