// What the start-up warm-up (worker/warm-up.ts) sends, as plain constants: no Workers types, so the Node tests of the
// built Worker (test/ops/worker-start-up.test.ts) can count its requests.

/**
 * Requests of a made-up roster per rule set, compact answer: the first compiles every function a request reaches,
 * the next ones let V8 optimise the functions a request spends its time in. `npm run bench:request`, 400 rows, compact,
 * interleaved fresh processes on 2 shared cores (load 12–15), median first request / start-up: 10 passes 9.5 ms / 241 ms,
 * 20 passes 7.5 / 330, 30 passes 8.4 / 412 (docs/benchmark-log.md). With the everyday rosters (load 7): 12
 * passes left a deoptimisation in the first request that 20 do not. The rosters stay 400 rows (WARM_UP_ROWS) though
 * requests are smaller now: 20 passes of 300-row rosters left parseRow in Maglev's code instead of TurboFan's at the
 * end of start-up (V8's --trace-opt --trace-deopt, every start), and 32 passes of 250 rows cost the first request
 * 0.26 ms more than 20 of 400 (docs/benchmark-log.md).
 */
export const WARM_UP_PASSES = 20;

/**
 * Passes for each rule set other than the default: the engine's code is the same for every rule set and is optimised
 * by the default's passes; another rule set needs only its own tables built and its columns seen, so a build that
 * includes several rule sets does not multiply the start-up time (Cloudflare's start-up limit is 1 s).
 */
export const OTHER_RULE_SET_PASSES = 2;

/** The passes the warm-up makes for a rule set. */
export const passesFor = (ruleSet: string, defaultRuleSet: string, passes: number = WARM_UP_PASSES): number =>
  ruleSet === defaultRuleSet ? passes : Math.min(passes, OTHER_RULE_SET_PASSES);

/** Evaluate requests of the warm-up: per rule set, each pass a roster (compact) and the cross-row pair, and the full answer once. */
export const warmUpEvaluateRequests = (ruleSets: readonly string[], defaultRuleSet: string, passes: number = WARM_UP_PASSES): number =>
  ruleSets.reduce((n, id) => n + 2 * passesFor(id, defaultRuleSet, passes) + 1, 0);

/** GET /v1/health requests of the warm-up: one first, then one each pass of every rule set. */
export const warmUpHealthRequests = (ruleSets: readonly string[], defaultRuleSet: string, passes: number = WARM_UP_PASSES): number =>
  ruleSets.reduce((n, id) => n + passesFor(id, defaultRuleSet, passes), 1);

/** The request id of every warm-up request (the global scope draws no random numbers). */
export const STAND_IN_REQUEST_ID = '00000000-0000-4000-8000-000000000000';
