// Arbitrary roster rows for the compact answer's property tests (fast-check): any JSON value in any field, plus the
// strings real rosters hold (placeholders, Excel errors, units, full-width digits, total and note rows, an ID number).
import fc from 'fast-check';
import { getRuleSet, type RosterRowInput } from '../../shared/index';

/** zaozhuang-2023's columns (orders.columns). */
const ROSTER_KEYS = getRuleSet().orders.columns;

const cell = fc.oneof(
  fc.jsonValue(),
  fc.constantFrom('', ' ', '无', '—', '#N/A', '是', '否', '３０学时', '12天', '-3', '2023-10-09', '产假', '合计', '制表人：王', '370402198503121234'),
  fc.double(),
  fc.integer({ min: -5, max: 500 }),
);

/** Rosters of up to `maxRows` rows of up to `maxKeys` fields each. */
export function arbitraryRosters(maxRows: number, maxKeys: number): fc.Arbitrary<RosterRowInput[]> {
  const row = fc.dictionary(fc.constantFrom(...ROSTER_KEYS), cell, { maxKeys }) as fc.Arbitrary<RosterRowInput>;
  return fc.array(row, { maxLength: maxRows });
}
