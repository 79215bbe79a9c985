// The sample roster (addin/template/sample-roster.ts) as the engine reads it, and its evaluate() answer.
import { evaluate, getRuleSet, mapHeaders, rowFromCells } from '../../shared/index';
import type { RosterRowInput } from '../../shared/types';
import { getDuties } from '../../shared/rulesets/duties';
import { sampleRoster } from '../../addin/template/sample-roster';

export const AS_OF = '2023-11-01';

export function sampleEvaluated(asOf = AS_OF) {
  const sample = sampleRoster();
  const mapping = mapHeaders(sample.headers);
  const rows: RosterRowInput[] = sample.rows.map((cells) => rowFromCells(cells, mapping.columns));
  const answer = evaluate(rows, { asOf });
  const ruleSet = getRuleSet(answer.ruleSet);
  return { sample, rows, results: answer.results, ruleSet, duties: getDuties(ruleSet.id), firstDataRowNumber: 2 };
}
