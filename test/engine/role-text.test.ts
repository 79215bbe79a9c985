// parseRow takes a name, unit or department cell as it is when isPlainRoleText says so (shared/normalize.ts), without
// the full reading (shared/fields.ts readCell). That is right only if the full reading would give the text back
// unchanged, as a plain text: no total or note row's name, no placeholder, no Excel error, no space to trim, not
// over-long. Held here for the rule set's own words in both widths, with text around them, and for arbitrary texts
// made of the characters that matter; and a row read either way reads the same.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateRows } from '../../scripts/bench-rows';
import { newParsedRow, notAPersonName, parseRow } from '../../shared/fields';
import { MAX_GROUP_TEXT, excelErrorOf, isPlaceholder, isPlainRoleText, toHalfWidth } from '../../shared/normalize';
import { getCompiledRuleSet, getRuleSet } from '../../shared/rulesets';
import type { RowError, RowWarning } from '../../shared/types';

const rs = getCompiledRuleSet('zaozhuang-2023');
const words = getRuleSet('zaozhuang-2023').words;

/** What the full reading asks of a text it gives back as it is. */
function readsAsItself(t: string): boolean {
  return (
    t.length > 0 && t.length <= MAX_GROUP_TEXT && t.trim() === t && notAPersonName(t, rs) === null &&
    !isPlaceholder(t, rs.words) && excelErrorOf(t, rs.words) === null
  );
}

const wide = (s: string): string => s.replace(/[\x21-\x7e]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
const ruleWords = [
  ...words.placeholders.value, ...words.excelErrors.value, ...words.totalRowNames.value, ...words.noteRowPrefixes.value,
].flatMap((w) => [w, wide(w), toHalfWidth(w), w.toLowerCase()]);

describe('a name, unit or department taken as it is', () => {
  it('is never one of the rule set’s words, in either width, alone or with text around it', () => {
    const texts = ruleWords.flatMap((w) => [w, `${w}：张三`, `${w}:`, ` ${w}`, `${w} `, `\u3000${w}`, `${w}\u3000`, `${w}行`]);
    for (const t of texts) if (isPlainRoleText(t, rs.words)) expect(readsAsItself(t), t).toBe(true);
    // the words themselves always go to the full reading
    for (const w of ruleWords) expect(isPlainRoleText(w, rs.words), w).toBe(false);
  });

  it('is a text the full reading gives back unchanged (arbitrary texts)', () => {
    const chars = [...new Set([...ruleWords.join(''), ' ', '\u3000', '\u00a0', '\t', '\n', '\ufeff', '张', '医', '院', 'a', '1', '：', ':'])];
    const text = fc.array(fc.constantFrom(...chars), { minLength: 0, maxLength: 12 }).map((cs) => cs.join(''));
    fc.assert(fc.property(text, (t) => !isPlainRoleText(t, rs.words) || readsAsItself(t)), { numRuns: 20000 });
    expect(isPlainRoleText('张'.repeat(MAX_GROUP_TEXT), rs.words)).toBe(true);
    expect(isPlainRoleText('张'.repeat(MAX_GROUP_TEXT + 1), rs.words)).toBe(false);
  });

  it('covers the names, units and departments of ordinary rosters (so rows take the quick way)', () => {
    const rows = generateRows(500);
    const texts = rows.flatMap((r) => [r.name, r.unit, r.department]).filter((t): t is string => typeof t === 'string' && t !== '');
    expect(texts.filter((t) => isPlainRoleText(t, rs.words))).toEqual(texts);
  });

  it('reads a row the same as the full reading (texts with spaces around them take the full reading)', () => {
    const read = (row: Record<string, unknown>) => {
      const p = newParsedRow(rs);
      const errors: RowError[] = [];
      const warnings: RowWarning[] = [];
      const kind = parseRow(row, rs, errors, warnings, p);
      return { kind, name: p.name, unit: p.unit, department: p.department, plain: p.plain, errors, warnings };
    };
    const quick = read({ name: '张三', unit: '枣庄市立医院', department: '内科', platformPublicHours: 30 });
    const full = read({ name: ' 张三', unit: '枣庄市立医院 ', department: '\u3000内科', platformPublicHours: 30 });
    expect(quick.kind).toBe(full.kind);
    expect([quick.name, quick.unit, quick.department]).toEqual([full.name, full.unit, full.department]);
    expect(quick.errors).toEqual(full.errors);
    // the quick texts are plain; the trimmed ones are not (the attention list looks at their cells again)
    expect(quick.plain).toBe(7);
    expect(full.plain).toBe(0);
  });
});
