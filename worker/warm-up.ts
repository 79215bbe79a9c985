// Start-up work, so that a fresh Worker's first request costs what a warm one does (docs/api.md, CPU per request).
// V8 compiles a function the first time it runs, and the evaluate path is a few hundred functions: left to the first
// request, that compilation costs it several times its own work, over the Workers Free plan's 10 ms of CPU. Cloudflare
// runs a Worker's top level once per isolate under a separate start-up limit (1 s), so the Worker's entry module
// calls warmUp() there: every rule set evaluates a made-up roster that reaches every kind of cell and every rule, in
// both answer formats, through the same envelope check and JSON steps as a request. Pure: no I/O, no clock, no
// randomness (neither is allowed in a Worker's global scope), and nothing it computes is kept.
import { compactAnswerText, evaluationCounts } from '../shared/compact-text';
import { evaluateRows, responseOf } from '../shared/evaluate';
import { getRuleSet, listRuleSets } from '../shared/index';
import { warmUpRows } from '../shared/warm-up-rows';
import { storedCounts } from './audit';
import { checkEvaluate } from './validation';

/**
 * Passes over the roster per rule set: the first compiles every function it reaches; the next ones let V8's baseline
 * compiler take over the functions a request spends its time in (measured with `npm run bench:request`).
 */
export const WARM_UP_PASSES = 3;

/** Runs the evaluate path on the made-up roster of every rule set; returns how many rows it evaluated. */
export function warmUp(passes: number = WARM_UP_PASSES): number {
  let rows = 0;
  for (const { id } of listRuleSets()) {
    const roster = warmUpRows(id);
    const asOf = `${getRuleSet(id).year}-11-01`;
    const text = JSON.stringify({ ruleSet: id, asOf, format: 'compact', rows: roster });
    for (let pass = 0; pass < passes; pass++) {
      const checked = checkEvaluate(JSON.parse(text), roster.length);
      if ('status' in checked) throw new Error(`warm-up roster refused: ${checked.message}`);
      const evaluation = evaluateRows(checked.rows, { ruleSet: id, asOf });
      storedCounts(evaluationCounts(evaluation));
      new TextEncoder().encode(compactAnswerText(evaluation, checked.rows, { batchId: 'warm-up' }));
      // the full answer (the default format) once
      if (pass === 0) JSON.stringify(responseOf(evaluateRows(checked.rows, { ruleSet: id, asOf })));
      rows += checked.rows.length;
    }
  }
  return rows;
}
