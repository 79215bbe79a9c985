// Start-up work, so that a fresh Worker's first request costs what a warm one does (docs/developer-guide.md, warm-up).
// V8 compiles a function the first time it runs, and a request runs a few hundred: left to the first request, that
// compilation costs it several times its own work, over the Workers Free plan's 10 ms of CPU. Cloudflare runs a
// Worker's top level once per isolate under a separate start-up limit (1 s), so the entry module (worker/index.ts)
// sends requests through the whole app there: Hono's routing and context, every middleware (request id, secure
// headers, CORS, configuration, bearer auth, rate limit, body limit and HMAC), the envelope check, the engine on every
// rule set's made-up rosters (shared/warm-up-rows.ts), the audit record's counts and both answer formats.
// Compiling is not all: V8 optimises a function for what it has seen (the kinds of objects, lists and numbers at each
// place), and code that meets something else is thrown away (a deoptimisation) and runs slowly until V8 optimises it
// again. So the rosters differ as real ones do (the layouts of the clients, sparse rows, whole and half hours, numbers
// not seen before, requests without error rows), the runtime's own Request and Response stand in where the global
// scope allows them, and a request's lists of warnings and errors hold objects from the start (shared/object-list.ts:
// whichever rule warns first, the list is of the kind V8 saw), so no row need start a request with each warning
// (`npm run bench:request -- --deopts` lists what the first request still throws away).
//
// The global scope has no request: workerd refuses to make a Request or a Response with a body there, to draw random
// numbers (a request id) or to set a timer (the audit's time bound). While the warm-up's requests run, stand-ins take their
// place: a request object with what Hono reads of one (the runtime's own Request where there is no body), the
// runtime's own Response without its body (the warm-up reads only the status), a fixed request id and a timer that
// never fires; stand-in bindings take D1's and the rate limiters' place. Nothing a request could see is changed: no
// audit record, no rate-limit or failed-login count, no request id. The requests wait for no I/O, so they all settle
// while the top level runs, and the runtime's own objects are back before the first request (endWarmUp, called by
// index.ts before every request, puts them back should one not have settled).
import { WARM_UP_ROWS, duplicateRows, everydayRows, warmUpRows } from '../shared/warm-up-rows';
import { DEFAULT_RULE_SET, getRuleSet, listRuleSets } from '../shared/index';
import type { Hono } from 'hono';
import { configOf } from './config';
import type { AppEnv, Bindings } from './env';
import { STAND_IN_REQUEST_ID, WARM_UP_PASSES, passesFor } from './warm-up-plan';
import type { RosterRowInput } from '../shared/types';

/** The origin of the warm-up's made-up requests (.invalid: never a real host). */
const ORIGIN = 'https://warm-up.invalid';

/** What Hono and the Worker read of a request with a body: a stand-in for one, since the global scope cannot read a body. */
type StandInRequest = Pick<Request, 'method' | 'url' | 'headers' | 'body' | 'arrayBuffer'>;

/**
 * A request of the warm-up: without a body, the runtime's own Request (the global scope allows one); with a body, a
 * stand-in with what Hono and the Worker read of one (the global scope cannot read a body).
 */
function standInRequest(method: string, path: string, headers: Record<string, string>, body?: Uint8Array): Request {
  const url = `${ORIGIN}${path}`;
  if (body === undefined) return new Request(url, { method, headers });
  const request: StandInRequest = {
    method,
    url,
    headers: new Headers({ ...headers, 'Content-Length': String(body.byteLength) }),
    // Hono's bodyLimit reads a body's size from Content-Length and never reads this stream
    body: new ReadableStream<Uint8Array>(),
    arrayBuffer: () => Promise.resolve(body.slice().buffer as ArrayBuffer),
  };
  return request as Request;
}

/**
 * In place of Response while the warm-up runs: the app's new Response(body, init) gives the runtime's own Response
 * with that status and those headers but no body (the global scope refuses one; the warm-up reads only the status),
 * so the code that handles answers sees the same kind of object as it will in a request.
 */
function standInResponse(own: typeof Response): typeof Response {
  function StandInResponse(_body?: BodyInit | null, init?: ResponseInit): Response {
    return new own(null, init);
  }
  // `instanceof Response` holds for what it makes
  StandInResponse.prototype = own.prototype;
  return StandInResponse as unknown as typeof Response;
}

/** The stand-in bindings: an audit database that stores nothing, rate limiters that count nothing. */
function standInBindings(env: Bindings): Bindings {
  const allow: RateLimit = { limit: () => Promise.resolve({ success: true }) };
  const statement = { bind: () => statement, run: () => Promise.resolve({ success: true, meta: {}, results: [] }) };
  const db = { prepare: () => statement };
  return { ...env, DB: db as unknown as D1Database, RATE_LIMITER: allow, AUTH_FAILURE_LIMITER: allow };
}

type Saved = { Response: typeof Response; setTimeout: typeof setTimeout; clearTimeout: typeof clearTimeout };
let saved: Saved | null = null;

/** true where the runtime refuses a Response with a body (a Worker's global scope): the warm-up needs its stand-ins there. */
export function atGlobalScope(): boolean {
  try {
    new Response('');
    return false;
  } catch {
    return true;
  }
}

/** Puts the stand-ins in place of what the global scope forbids (Response, a random request id, timers). */
function beginWarmUp(): void {
  if (saved !== null) return;
  saved = { Response: globalThis.Response, setTimeout: globalThis.setTimeout, clearTimeout: globalThis.clearTimeout };
  globalThis.Response = standInResponse(saved.Response);
  globalThis.setTimeout = (() => 0) as unknown as typeof setTimeout;
  globalThis.clearTimeout = () => undefined;
  // an own property over Crypto.prototype's method, deleted afterwards
  Object.defineProperty(crypto, 'randomUUID', { value: () => STAND_IN_REQUEST_ID, configurable: true, writable: true });
}

/** Puts the runtime's own Response, timers and request ids back; does nothing when no stand-ins are in place. */
export function endWarmUp(): void {
  if (saved === null) return;
  globalThis.Response = saved.Response;
  globalThis.setTimeout = saved.setTimeout;
  globalThis.clearTimeout = saved.clearTimeout;
  delete (crypto as { randomUUID?: unknown }).randomUUID;
  saved = null;
}

type Envelope = { ruleSet: string; asOf?: string; format?: 'compact'; rows: RosterRowInput[] };

/**
 * The request's fields in one of the orders clients write them: the add-in's (rows first, then the optional fields it
 * sets, and no summary: it makes its own), without ruleSet (the default), or in another order with the summary.
 */
function envelope(k: number, e: Envelope): object {
  switch (k % 3) {
    case 0:
      return { rows: e.rows, ruleSet: e.ruleSet, asOf: e.asOf, format: e.format, summary: false };
    case 1:
      return e.ruleSet === DEFAULT_RULE_SET
        ? { rows: e.rows, asOf: e.asOf, format: e.format, summary: false }
        : { rows: e.rows, ruleSet: e.ruleSet, asOf: e.asOf, format: e.format, summary: false };
    default:
      return { ruleSet: e.ruleSet, asOf: e.asOf, format: e.format, rows: e.rows };
  }
}

/** What the warm-up's requests were answered: a status per request, in the order sent. */
export type WarmUpReport = { statuses: number[] };

export type WarmUpOptions = {
  /** Requests of the made-up roster for the default rule set (WARM_UP_PASSES; others: passesFor). */
  passes?: number;
  /** Stand-ins for Response, request ids and timers: where the runtime refuses them (atGlobalScope()) by default. */
  standIns?: boolean;
};

/**
 * Sends the warm-up's requests through `app`, with stand-in bindings and, at the global scope, stand-ins for what it
 * forbids; puts the runtime's own back at the end, whatever happens. Never rejects: a request that throws ends the
 * warm-up (its status is 0) and is logged.
 */
export async function warmUpRequests(app: Hono<AppEnv>, env: Bindings, options: WarmUpOptions = {}): Promise<WarmUpReport> {
  const { passes = WARM_UP_PASSES, standIns = atGlobalScope() } = options;
  const statuses: number[] = [];
  if (standIns) beginWarmUp();
  try {
    const bindings = standInBindings(env);
    const checked = configOf(env);
    const token = checked.ok ? (checked.config.tokens[0]?.token ?? '') : '';
    const auth = { Authorization: `Bearer ${token}` };
    const send = async (request: Request): Promise<void> => {
      const res = await app.fetch(request, bindings);
      statuses.push(res.status);
    };
    const evaluate = (body: object): Promise<void> =>
      send(standInRequest('POST', '/v1/evaluate', { ...auth, 'Content-Type': 'application/json' }, new TextEncoder().encode(JSON.stringify(body))));
    await send(standInRequest('GET', '/v1/health', {}));
    for (const { id } of listRuleSets()) {
      const rows = warmUpRows(id);
      const asOf = `${getRuleSet(id).year}-11-01`;
      for (let pass = 0, n = passesFor(id, DEFAULT_RULE_SET, passes); pass < n; pass++) {
        // every kind of cell (warmUpRows), then everyday rows that differ each pass, in the orders clients write a
        // request's fields
        const roster = pass % 2 === 0 ? rows : everydayRows(id, WARM_UP_ROWS, pass);
        await evaluate(envelope(pass, { ruleSet: id, asOf, format: 'compact', rows: roster }));
        // the same ID number on two rows: the cross-row check, whose results are objects (docs/rules.md §9); no asOf:
        // the default, today in China
        await evaluate({ ruleSet: id, format: 'compact', rows: duplicateRows(id) });
        // the full answer (the default format) once
        if (pass === 0) await evaluate({ ruleSet: id, asOf, rows });
        // with no body the runtime's own Request stands in: Hono's routing sees both kinds of request
        await send(standInRequest('GET', '/v1/health', {}));
      }
    }
  } catch (err) {
    statuses.push(0);
    console.error('warm-up: a request failed', err);
  } finally {
    if (standIns) endWarmUp();
  }
  return { statuses };
}
