// parseRow reuses one ParsedRow row after row and blanks every slot again before each row (shared/fields.ts): a row
// read after any other must read exactly as it does into a fresh ParsedRow — its values, texts, ID key, sources, kind,
// errors and warnings — whatever the rows before it held (other keys, other orders, more keys than remembered, a total
// row that stopped reading half-way, keys that are no column). And a one-character yes/no cell, read on parseRow's
// quick path, reads as readCell reads the same text with spaces around it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench-rows';
import { newParsedRow, parseRow, type ParsedRow } from '../../shared/fields';
import { getCompiledRuleSet } from '../../shared/rulesets';
import { READ_YES_NO } from '../../shared/rulesets/compile';
import type { RosterRowInput, RowError, RowWarning } from '../../shared/types';
import { arbitraryRosters } from './arbitrary-rows';

const rs = getCompiledRuleSet('zaozhuang-2023');

type Read = { kind: number; vals: number[]; name: string; unit: string; department: string; idKey: string | null; sources: number; errors: RowError[]; warnings: RowWarning[] };

function readInto(p: ParsedRow, row: RosterRowInput): Read {
  const errors: RowError[] = [];
  const warnings: RowWarning[] = [];
  const kind = parseRow(row, rs, errors, warnings, p);
  return { kind, vals: [...p.vals], name: p.name, unit: p.unit, department: p.department, idKey: p.idKey, sources: p.sources, errors, warnings };
}

/** Every row read after the ones before it (one ParsedRow) = the row read alone (a fresh ParsedRow). */
function sameAsFresh(rows: RosterRowInput[]): void {
  const reused = newParsedRow(rs);
  for (const row of rows) expect(readInto(reused, row)).toEqual(readInto(newParsedRow(rs), row));
}

/** A row with more keys than the ParsedRow remembers: its columns after many keys that are no column. */
function wideRow(row: RosterRowInput, extra: number): RosterRowInput {
  const wide: RosterRowInput = {};
  for (let i = 0; i < extra; i++) wide[`自定义列${i}`] = i;
  return { ...wide, ...row };
}

describe('parseRow with one ParsedRow for every row = a fresh one per row', () => {
  it('generated rows (the benchmark’s), in order and shuffled against rows of other shapes', () => {
    const rows = generateRows(3000, 11);
    sameAsFresh(rows);
    const mixed = rows.slice(0, 600).flatMap((r, i) => [r, i % 7 === 0 ? wideRow(r, 70) : { unit: r.unit, name: r.name }, i % 11 === 0 ? { name: '合计', platformPublicHours: 30 } : r]);
    sameAsFresh(mixed);
  });

  it('a total row after a row of many cells, keys in reverse order, a row of no columns, then the first again', () => {
    const full: RosterRowInput = { name: '甲', unit: '医院', platformPublicHours: 30, platformProfessionalHours: 60, trainingHours: 12, trainingDays: 2, specialCase: '产假', absentMonths: 3, titleApplicant: '是', titleSubmissionDate: '2023-06-01', evidenceComplete: '否' };
    const reversed = Object.fromEntries(Object.entries(full).reverse()) as RosterRowInput;
    sameAsFresh([full, { platformPublicHours: 5, name: '合计' }, reversed, { 备注: 'x', 序号: 3 }, full, wideRow(full, 80), full]);
  });

  it('arbitrary rows, arbitrary cells (fast-check)', () => {
    fc.assert(fc.property(arbitraryRosters(12, 16), (rows) => sameAsFresh(rows)), { numRuns: 300 });
  }, 60_000);
});

describe('a one-character yes/no cell on the quick path = the same text read in full (readCell)', () => {
  const slot = rs.inputs.slotOf.evidenceComplete ?? -1;
  /** What a yes/no cell comes to: its slot's value, whether its source counts, and the codes of any errors. */
  function yesNo(cell: string): { value: number; sources: number; errors: string[] } {
    const read = readInto(newParsedRow(rs), { name: '张三', evidenceComplete: cell });
    return { value: read.vals[slot], sources: read.sources, errors: read.errors.map((e) => e.code) };
  }

  it('every character: as itself and with spaces around it (which readCell trims), the same reading', () => {
    expect(rs.inputs.read[slot]).toBe(READ_YES_NO);
    let yes = 0;
    let no = 0;
    for (let code = 0; code < 0x10000; code++) {
      const c = String.fromCharCode(code);
      // a space is blank whatever is around it; a lone surrogate is no text a roster holds
      if (c.trim() === '' || (code >= 0xd800 && code <= 0xdfff)) continue;
      const quick = yesNo(c);
      expect(quick, `U+${code.toString(16)}`).toEqual(yesNo(` ${c} `));
      if (quick.errors.length === 0 && quick.value === 1) yes++;
      if (quick.errors.length === 0 && quick.value === 0) no++;
    }
    // 是 √ ✓ ✔ y Y 1 and 否 × ✗ ✘ n N 0, and the full-width letters and digits readCell folds
    expect(yes).toBeGreaterThanOrEqual(7);
    expect(no).toBeGreaterThanOrEqual(7);
  });
});
