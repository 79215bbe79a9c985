// What the start-up warm-up (worker/warm-up.ts) sends, as plain constants: no Workers types, so the Node tests of the
// built Worker (test/ops/worker-start-up.test.ts) can count its requests.

/**
 * Requests of a made-up roster per rule set, compact answer: the first compiles every function a request reaches,
 * the next ones let V8 optimise the functions a request spends its time in. `npm run bench:request`, 400 rows, compact,
 * interleaved fresh processes on 2 shared cores (load 12–15), median first request / start-up: 10 passes 9.5 ms / 241 ms,
 * 20 passes 7.5 / 330, 30 passes 8.4 / 412 (developer guide, Benchmarks). With the everyday rosters (load 7): 12
 * passes left a deoptimisation in the first request that 20 do not. With smaller rosters (300 rows, then 250: the
 * advertised size since 2026-12-07) 20 passes were too little work after the engine's row reader's last
 * deoptimisation: V8's trace (--trace-opt --trace-deopt) showed parseRow ending start-up in Maglev's code instead of
 * TurboFan's, in every start, and the first request was 0.5–1.3 ms slower than with 400-row rosters. 32 passes of 250
 * rows (the rows 20 of 400 were) end with it in TurboFan's code again.
 */
export const WARM_UP_PASSES = 32;

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
