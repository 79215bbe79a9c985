// Start-up work, so that a fresh Worker's first request costs what a warm one does (docs/api.md, CPU per request).
// V8 compiles a function the first time it runs, and a request runs a few hundred: left to the first request, that
// compilation costs it several times its own work, over the Workers Free plan's 10 ms of CPU. Cloudflare runs a
// Worker's top level once per isolate under a separate start-up limit (1 s), so the entry module (worker/index.ts)
// does it there, with everything a request does that the global scope allows (no Request or Response, no I/O, no
// randomness, no timers):
//  - warmUp(): every rule set evaluates a made-up roster that reaches every kind of cell and every rule, in both
//    answer formats, through the same envelope check and JSON steps as a request;
//  - warmUpRequestPath(app, env): the routes' matcher, the checked configuration (kept, as the first request would
//    keep it), a token comparison and the body HMAC.
// Nothing a request could see is changed: no audit record, no failed-login count, no rate-limit hit.
import { compactAnswerJson, evaluationCounts } from '../shared/compact-json';
import { evaluateRows, responseOf } from '../shared/evaluate';
import { getRuleSet, listRuleSets } from '../shared/index';
import { duplicateRows, warmUpRows } from '../shared/warm-up-rows';
import type { Hono } from 'hono';
import { storedCounts } from './audit';
import { hmacHex } from './body';
import { DEFAULT_ROWS_PER_REQUEST } from './limits';
import { configOf } from './config';
import type { AppEnv, Bindings } from './env';
import { labelForToken } from './tokens';
import { todayInChina } from './today';
import { checkEvaluate } from './validation';

/**
 * Passes over the roster per rule set: the first compiles every function it reaches, the next ones let V8 optimise
 * the functions a request spends its time in. Measured with `npm run bench:request` (400 rows, compact, under load):
 * a cold request cost 13.6 ms main-thread CPU after 3 passes, 9.6 after 10, no less after 20 or 40, while start-up
 * grew from 113 to 147, 219 and 345 ms.
 */
export const WARM_UP_PASSES = 10;

/** Runs the evaluate path on the made-up roster of every rule set; returns how many rows it evaluated. */
export function warmUp(passes: number = WARM_UP_PASSES): number {
  let rows = 0;
  for (const { id } of listRuleSets()) {
    const roster = warmUpRows(id, DEFAULT_ROWS_PER_REQUEST);
    const asOf = `${getRuleSet(id).year}-11-01`;
    const text = JSON.stringify({ ruleSet: id, asOf, format: 'compact', rows: roster });
    for (let pass = 0; pass < passes; pass++) {
      const checked = checkEvaluate(JSON.parse(text), roster.length);
      if ('status' in checked) throw new Error(`warm-up roster refused: ${checked.message}`);
      const evaluation = evaluateRows(checked.rows, { ruleSet: id, asOf });
      storedCounts(evaluationCounts(evaluation));
      compactAnswerJson(evaluation, checked.rows, { batchId: 'warm-up' });
      // the full answer (the default format) once, and the same ID number on two rows
      if (pass === 0) JSON.stringify(responseOf(evaluateRows(checked.rows, { ruleSet: id, asOf })));
      const twice = duplicateRows(id);
      compactAnswerJson(evaluateRows(twice, { ruleSet: id, asOf }), twice);
      rows += checked.rows.length + twice.length;
    }
  }
  return rows;
}

/** The routes a client calls (GET /v1/health, the evaluate call, the rules, the audit, the web page). */
const ROUTES: readonly [string, string][] = [
  ['GET', '/v1/health'], ['GET', '/v1/rules'], ['POST', '/v1/evaluate'], ['GET', '/v1/audit'], ['GET', '/'], ['OPTIONS', '/v1/evaluate'],
];

/**
 * The request path's own first-time work, as far as the global scope allows: Hono builds its route matcher on the
 * first match; the configuration is checked and kept for `env` (configOf); a token comparison and the audit's body
 * HMAC run once (Web Crypto is allowed there). Never throws; the returned promise settles after the crypto steps.
 */
export function warmUpRequestPath(app: Hono<AppEnv>, env: Bindings): Promise<void> {
  try {
    for (const [method, path] of ROUTES) app.router.match(method, path);
    todayInChina();
    const checked = configOf(env);
    if (!checked.ok) return Promise.resolve();
    const { tokens, hmacKey } = checked.config;
    const body = new TextEncoder().encode(JSON.stringify({ rows: warmUpRows(listRuleSets()[0].id, 20) }));
    new TextDecoder().decode(body);
    return hmacKey
      .then((key) => hmacHex(key, body))
      .then(() => labelForToken('warm-up', tokens, env.CE_ENV))
      .then(
        () => undefined,
        () => undefined,
      );
  } catch {
    return Promise.resolve();
  }
}
