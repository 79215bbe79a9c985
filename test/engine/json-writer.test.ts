// The answer's own JSON writer (shared/json-writer.ts, shared/summary-json.ts) against JSON.stringify, byte for byte:
// numbers of every kind (the printed fractions are kept and reused, so each is written twice), and the summary's
// counts and groups with labels that need escaping.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { newJsonWriter, putJsonString, putNumber, reserve, written, MAX_NUMBER_BYTES } from '../../shared/json-writer';
import { writeCounts, writeGroups } from '../../shared/summary-json';
import type { SummaryCounts, SummaryGroup } from '../../shared/types';

const utf8 = new TextDecoder('utf-8', { fatal: true });

function numberText(n: number): string {
  const w = newJsonWriter(8);
  reserve(w, MAX_NUMBER_BYTES);
  w.at = putNumber(w.buf, w.at, n);
  return utf8.decode(written(w));
}

const counts = fc.record<SummaryCounts>({
  headcount: fc.nat(), compliant: fc.nat(), short: fc.nat(), pendingEvidence: fc.nat(), invalid: fc.nat(),
  complianceRate: fc.double(), avgPublic: fc.double(), avgProfessional: fc.double(), avgTotal: fc.double(),
  lostHours: fc.double(), professionalBySector: fc.nat(),
});

describe('the answer’s JSON writer = JSON.stringify', () => {
  it('writes every number as JSON.stringify does, also the second time (kept texts)', () => {
    const odd = [0, -0, 0.5, -0.5, 1 / 3, 2 / 3, 0.1 + 0.2, 1e21, 1e-7, -1e-7, 2 ** 31, -(2 ** 31), 2 ** 53 + 2, 5e-324, NaN, Infinity, -Infinity];
    for (const n of [...odd, ...odd]) expect(numberText(n)).toBe(JSON.stringify(n));
    fc.assert(fc.property(fc.double(), (n) => numberText(n) === JSON.stringify(n) && numberText(n) === JSON.stringify(n)));
  });

  it('encodes a text that needs no escaping as JSON.stringify and UTF-8 do, and declines one that does', () => {
    const put = (text: string): string | null => {
      const w = newJsonWriter(8);
      reserve(w, 3 * text.length + 2);
      const end = putJsonString(w.buf, 0, text);
      return end < 0 ? null : utf8.decode(w.buf.subarray(0, end));
    };
    for (const text of ['', '枣庄市立医院', 'Ab 1', 'é', '𠀀科', '（未填）']) expect(put(text)).toBe(JSON.stringify(text));
    for (const text of ['a"b', 'a\\b', 'a\nb', '\u0000', '\ud800', 'x\udc00', '\ud800x']) expect(put(text)).toBeNull();
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (text) => {
      const got = put(text);
      return got === null ? JSON.stringify(text) !== `"${text}"` : got === JSON.stringify(text);
    }));
  });

  it('writes the summary’s counts and groups as JSON.stringify does', () => {
    const group = fc.tuple(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), counts).map(([unit, department, c]): SummaryGroup => ({ unit, department, ...c }));
    fc.assert(fc.property(counts, fc.array(group, { maxLength: 6 }), (total, groups) => {
      const w = newJsonWriter(16);
      writeCounts(w, total);
      writeGroups(w, groups);
      expect(utf8.decode(written(w))).toBe(JSON.stringify(total) + JSON.stringify(groups));
    }));
    const w = newJsonWriter(16);
    const quoted: SummaryGroup = { unit: '枣庄"市\\立\n医院', department: '\ud800内科\u2028', ...fc.sample(counts, 1)[0] };
    writeGroups(w, [quoted, quoted]);
    expect(utf8.decode(written(w))).toBe(JSON.stringify([quoted, quoted]));
  });
});
