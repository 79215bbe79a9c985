// The rosters the compact answer written straight from the columns is held to, byte for byte, against the answer
// built from per-row objects (test/engine/compact-json.test.ts): every worked case and batch, generated rosters, every
// rule set's warm-up roster, repeated ID numbers, odd hours and texts, and more distinct breakdown items than the
// caches keep.
import { generateRows } from '../../scripts/bench-rows';
import { syntheticRows } from '../../scripts/load-rows';
import { listRuleSets, type EvaluateOptions, type RosterRowInput } from '../../shared/index';
import { warmUpRows } from '../../shared/warm-up-rows';
import { WORKED_BATCHES, WORKED_CASES } from '../support/worked-cases';

export type AnswerRoster = { name: string; rows: RosterRowInput[]; options: EvaluateOptions };

/** Hours that are not whole or half, and requirements and deadlines that differ from the usual ones. */
const ODD_HOURS: RosterRowInput[] = [
  { name: '甲', platformPublicHours: 0.1, platformProfessionalHours: 0.2, trainingHours: 0.3, trainingDays: 1 },
  { name: '乙', platformPublicHours: 1e-7, platformProfessionalHours: 599.75, specialCase: '产假', absentMonths: 7 },
  { name: '丙', platformPublicHours: 30, platformProfessionalHours: 60, titleApplicant: '是', titleSubmissionDate: '2023-06-01' },
  { name: '丁', platformPublicHours: 12.345, aidMonths: 5, transferPublicHours: 0.5, transferProfessionalHours: 1e3 },
  { name: '戊', platformPublicHours: -0, platformProfessionalHours: 1e21, seminarHours: 5e-324, seminarDays: 1 },
];

/** Texts JSON escapes (quotes, backslashes, control characters, a lone surrogate) in names, units and cells. */
const ODD_TEXTS: RosterRowInput[] = [
  { name: '王"五\\', unit: '单位\n一', department: '\u0001科', platformPublicHours: 10, platformProfessionalHours: 20 },
  { name: '李\ud800', unit: '单位"二"', platformPublicHours: '三十', idNumber: 370402198503121234 },
  { name: '张</script>', unit: '\u2028单位', platformPublicHours: 30, platformProfessionalHours: 60, idNumber: '37040219850312123X' },
];

/** Every half hour of both platform sources and of 援派 (both sides): far more distinct items than are kept. */
function manyItems(): RosterRowInput[] {
  const rows: RosterRowInput[] = [];
  for (let k = 0; k < 2400; k++) rows.push({ name: `甲${k}`, platformPublicHours: k / 2, platformProfessionalHours: (k + 1) / 2, aidMonths: 1 + (k % 12) });
  return rows;
}

export function answerRosters(): AnswerRoster[] {
  const asOf = { asOf: '2023-11-01' };
  const defaultSet = WORKED_CASES.filter((ex) => ex.ruleSet === undefined).map((ex) => ex.row);
  const repeated = generateRows(300).map((r, i) => ({ ...r, idNumber: i % 50 === 7 ? '370402198503121234' : undefined }));
  const many = manyItems();
  return [
    ...WORKED_CASES.map((ex) => ({ name: `worked case ${ex.id}`, rows: [ex.row], options: { asOf: ex.asOf, ruleSet: ex.ruleSet } })),
    { name: 'every worked case in one call', rows: defaultSet, options: asOf },
    { name: 'every worked case in one call, no asOf', rows: defaultSet, options: {} },
    ...WORKED_BATCHES.map((b) => ({ name: `worked batch ${b.id}`, rows: b.rows, options: { asOf: b.asOf } })),
    { name: '20,000 benchmark rows', rows: generateRows(20_000), options: asOf },
    { name: '2,000 load rows', rows: syntheticRows(2000), options: { asOf: '2023-12-31' } },
    ...listRuleSets().map(({ id }) => ({ name: `the warm-up roster of ${id}`, rows: warmUpRows(id), options: { ruleSet: id, asOf: '2023-11-01' } })),
    { name: 'the same ID number on several rows (every result an object)', rows: repeated, options: asOf },
    { name: 'the empty roster', rows: [], options: {} },
    { name: 'odd hours', rows: ODD_HOURS, options: asOf },
    { name: 'odd texts', rows: ODD_TEXTS, options: asOf },
    { name: 'more distinct breakdown items than are kept', rows: many, options: asOf },
    { name: 'the same, in reverse', rows: many.slice().reverse(), options: asOf },
  ];
}
