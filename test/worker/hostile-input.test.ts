// Hostile and careless input: the row count is checked (413) before any row's shape, a shape scan stops at the first
// few bad rows, and every message is Chinese and shows the value as it was sent (no English, no “Infinity”).
import { describe, expect, it } from 'vitest';
import { DEFAULT_MAX_ROWS } from '../../worker/limits';
import { bearer, call, errorOf, postJson, TOKENS } from './http';

const T = TOKENS.limits;

/** What is left of a message once field names, formats and quoted values are taken out: no English words. */
function englishIn(message: string): string[] {
  const allowed = /rows|ruleSet|asOf|format|full|compact|summary|limit|JSON|Content-Type|application\/json|Authorization|Bearer|YYYY-MM-DD|zaozhuang-\d+|null|true|false/g;
  return message.replace(/“[^”]*”/g, '').replace(allowed, '').match(/[A-Za-z]{2,}/g) ?? [];
}

describe('row count before row shapes', () => {
  it('150,000 numbers as rows → 413 naming the limit, not a 500', async () => {
    const body = `{"rows":[${Array(150_000).fill('1').join(',')}]}`;
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(413);
    const error = await errorOf(res);
    expect(error.code).toBe('TOO_MANY_ROWS');
    expect(error.message).toBe(`一次最多 ${DEFAULT_MAX_ROWS} 行，本次 150000 行：请分批提交`);
  });

  it('5,000 numbers as rows → 400 naming the first five, quickly', async () => {
    const body = `{"rows":[${Array(DEFAULT_MAX_ROWS).fill('7').join(',')}]}`;
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(400);
    const { code, message } = await errorOf(res);
    expect(code).toBe('INVALID_REQUEST');
    expect(message).toBe('rows[0]（7）、rows[1]（7）、rows[2]（7）、rows[3]（7）、rows[4]（7） 不是对象：rows 的每一项都必须是对象（花名册的一行）；其后还有不是对象的行，未逐一列出');
  });

  it('a single bad row among objects is named with its value', async () => {
    const res = await postJson('/v1/evaluate', T, { rows: [{}, {}, [1, 2], {}] });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toBe('rows[2]（一个数组） 不是对象：rows 的每一项都必须是对象（花名册的一行）');
  });
});

describe('messages are Chinese and show values as sent', () => {
  it('a number too large for a double shows as typed in the row error, never as Infinity', async () => {
    const body = '{"asOf":"2023-11-01","rows":[{"name":"张三","platformPublicHours":1e400,"trainingDays":-2E+999}]}';
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('Infinity');
    const { results } = JSON.parse(text) as { results: { status: string; errors: { field: string; message: string }[] }[] };
    expect(results[0].status).toBe('数据有误');
    const byField = Object.fromEntries(results[0].errors.map((e) => [e.field, e.message]));
    expect(byField.platformPublicHours).toContain('1e400');
    expect(byField.trainingDays).toContain('-2E+999');
  });

  it.each([
    ['limit given twice', '/v1/audit?limit=1&limit=2', /^limit 只能给一次，收到 2 个：“1”、“2”$/],
    ['a huge limit', '/v1/audit?limit=99999999999999999999999999', /收到的是“99999999999999999999999999”$/],
    ['a limit in exponent form', '/v1/audit?limit=1e400', /收到的是“1e400”$/],
    ['a limit in words', '/v1/audit?limit=ten', /收到的是“ten”$/],
  ])('GET /v1/audit: %s → 400 in Chinese', async (_what, path, message) => {
    const res = await call(path, { headers: bearer(T) });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.message).toMatch(message);
    expect(englishIn(error.message)).toEqual([]);
    expect(error.message).not.toContain('Infinity');
  });

  it.each([
    ['broken JSON', '{"rows": ['],
    ['a JSON string', '"rows"'],
    ['rows a string', '{"rows": "张三"}'],
    ['rows a huge number', '{"rows": 1e400}'],
    ['ruleSet a number', '{"rows": [], "ruleSet": 2023}'],
    ['an unknown, long rule set', `{"rows": [], "ruleSet": "${'x'.repeat(10_000)}"}`],
    ['asOf a date in words', '{"rows": [], "asOf": "tomorrow"}'],
    ['asOf an object', '{"rows": [], "asOf": {"y": 2023}}'],
    ['format unknown', '{"rows": [], "format": "xml"}'],
    ['summary a text', '{"rows": [], "summary": "否"}'],
  ])('POST /v1/evaluate: %s → 400 in Chinese, value shown and bounded', async (_what, body) => {
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(400);
    const { message } = await errorOf(res);
    expect(englishIn(message)).toEqual([]);
    expect(message).not.toContain('Infinity');
    expect(message.length).toBeLessThan(300);
  });

  it('values as typed in envelope messages', async () => {
    const cases: [string, string][] = [
      ['{"rows": [], "asOf": "tomorrow"}', '收到的是“tomorrow”'],
      ['{"rows": [], "ruleSet": 2023}', '收到的是2023'],
      ['{"rows": "张三"}', '收到的是“张三”'],
    ];
    for (const [body, part] of cases) expect((await errorOf(await postJson('/v1/evaluate', T, body))).message).toContain(part);
  });
});

describe('answers do not grow with a cell (issue 22 item 7)', () => {
  it.each([['full'], ['compact']])('a 5 MB unit comes back as a 数据有误 row in a few kilobytes (%s)', async (format) => {
    const unit = 'u'.repeat(5_000_000);
    const rows = [{ name: 'R2', unit, department: '内科', platformPublicHours: 30, platformProfessionalHours: 60 }];
    const body = JSON.stringify({ asOf: '2023-11-01', rows, ...(format === 'compact' ? { format } : {}) });
    expect(body.length).toBeGreaterThan(5_000_000);
    const res = await postJson('/v1/evaluate', T, body);
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text.length).toBeLessThan(4_000);
    expect(text).toContain('TOO_LONG');
    expect(text).toContain('（内容过长）');
  });
});
