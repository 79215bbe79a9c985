// The workbook's rule set (addin/settings/rule-set-choice.ts) over a stand-in of Office's document settings, how a
// rule set is shown (shared/rulesets/shown.ts), and the year note of 年度汇总.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_RULE_SET, evaluate, getRuleSet, noticeLine, usedLine, yearNote } from '../../shared/index';
import { RosterError } from '../../addin/office/errors';
import { RULE_SET_SETTING, saveWorkbookRuleSet, workbookRuleSet, type DocumentSettings } from '../../addin/settings/rule-set-choice';
import { buildSummaryLayout } from '../../addin/summary/layout';

const rs = getRuleSet(DEFAULT_RULE_SET);

/** Office.Settings as the add-in sees it: an in-memory copy, saved by saveAsync. */
function settings(initial: Record<string, unknown> = {}, fail = false): DocumentSettings & { saved: Record<string, unknown> } {
  const copy: Record<string, unknown> = { ...initial };
  const saved: Record<string, unknown> = { ...initial };
  return {
    saved,
    get: (k: string) => (k in copy ? copy[k] : null),
    set: (k: string, v: unknown) => void (copy[k] = v),
    saveAsync: ((cb?: (r: Office.AsyncResult<void>) => void) => {
      if (!fail) Object.assign(saved, copy);
      cb?.({ status: fail ? 'failed' : 'succeeded', error: fail ? { message: '磁盘已满' } : undefined } as unknown as Office.AsyncResult<void>);
    }) as DocumentSettings['saveAsync'],
  };
}

describe('the workbook’s rule set', () => {
  vi.stubGlobal('Office', { AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' } });

  it('nothing chosen: the default, marked as not chosen; outside Office the same', () => {
    expect(workbookRuleSet(settings())).toEqual({ ruleSet: rs, chosen: false });
    expect(workbookRuleSet(settings({ [RULE_SET_SETTING]: '  ' }))).toEqual({ ruleSet: rs, chosen: false });
    expect(workbookRuleSet(null)).toEqual({ ruleSet: rs, chosen: false });
  });

  it('a saved choice is used; one this build lacks is an error naming it and those there are, never the default', () => {
    expect(workbookRuleSet(settings({ [RULE_SET_SETTING]: DEFAULT_RULE_SET }))).toEqual({ ruleSet: rs, chosen: true });
    const gone = settings({ [RULE_SET_SETTING]: 'gone-1999' });
    expect(() => workbookRuleSet(gone)).toThrow(RosterError);
    expect(() => workbookRuleSet(gone)).toThrow(`“gone-1999”`);
    expect(() => workbookRuleSet(gone)).toThrow(`${rs.year} 年度（${rs.notice}）`);
  });

  it('saving sets the setting and saves the document; an unknown id or a failed save is said', async () => {
    const s = settings();
    await saveWorkbookRuleSet(DEFAULT_RULE_SET, s);
    expect(s.saved[RULE_SET_SETTING]).toBe(DEFAULT_RULE_SET);
    await expect(saveWorkbookRuleSet('gone-1999', s)).rejects.toThrow('“gone-1999”');
    await expect(saveWorkbookRuleSet(DEFAULT_RULE_SET, settings({}, true))).rejects.toThrow('所选规则未能保存到本工作簿：磁盘已满');
    await expect(saveWorkbookRuleSet(DEFAULT_RULE_SET, null)).rejects.toThrow('无法在本工作簿中保存');
  });
});

describe('how a rule set is shown', () => {
  it('notice and year from the data; the default said to be the default', () => {
    expect(noticeLine(rs)).toBe(`${rs.notice} · ${rs.year} 年度`);
    expect(usedLine(rs, false)).toBe(`未选择规则，按默认的 ${rs.year} 年度规则核对：${rs.title}（${rs.notice}）。`);
    expect(usedLine(rs, true)).toBe(`按 ${rs.year} 年度的规则核对：${rs.title}（${rs.notice}）。`);
  });

  it('a 核对日期 in another year gets a note naming both years; the rule set’s own year none', () => {
    expect(yearNote(rs, `${rs.year}-11-01`)).toBeNull();
    expect(yearNote(rs, `${rs.year + 1}-01-05`)).toContain(`核对日期 ${rs.year + 1}-01-05 在 ${rs.year + 1} 年，所用规则是 ${rs.year} 年度的（${rs.notice}）`);
    const later = yearNote(rs, `${rs.year + 3}-12-07`) ?? '';
    expect(later).toContain(`请改选 ${rs.year + 3} 年度的规则`);
    expect(later).not.toMatch(/rule|Worker|engine/i);
  });

  it('年度汇总 says it first among its notes; in the rule set’s year the sheet is as before', () => {
    const input = {
      summary: evaluate([]).summary,
      ruleSet: { id: rs.id, title: rs.title, notice: rs.notice, year: rs.year },
      engineVersion: '0',
      computedBy: 'local' as const,
      madeAt: 'x',
      rosterSheet: 'S',
      firstDataRowNumber: 2,
      notes: ['花名册没有“证明材料齐全”列'],
    };
    const texts = (asOf?: string): unknown[][] => buildSummaryLayout({ ...input, asOf }).blocks.flatMap((b) => b.values);
    const other = `${rs.year + 3}-12-07`;
    const notes = texts(other).filter((r) => r[0] === '提示');
    expect(notes.map((r) => r[1])).toEqual([yearNote(rs, other), '花名册没有“证明材料齐全”列']);
    expect(texts(`${rs.year}-11-01`)).toEqual(texts(undefined));
  });
});

describe('what the surfaces show comes from the rule set', () => {
  // The add-in, the .xlsx page and the Worker (markup, styles, code and its comments) never state the default rule
  // set's notice, year or office as a fact: they show what the chosen rule set's data says.
  const root = fileURLToPath(new URL('../../', import.meta.url));
  const listed = spawnSync('git', ['ls-files', '-z', 'addin', 'xlsx/web', 'worker', 'manifest.xml'], { cwd: root, encoding: 'utf8' });
  const files = listed.stdout.split('\0').filter((f) => /\.(ts|html|css|xml|jsonc|sql)$/.test(f));
  const facts = [
    rs.notice,
    rs.notice.slice(0, rs.notice.indexOf('字')),
    rs.duties.trainingPlanFiling.formTitle,
    rs.duties.trainingPlanFiling.office,
    rs.parameters.yearEnd.value as string,
  ];
  const year = new RegExp(`(^|[^0-9])${rs.year}([^0-9]|$)`);

  it('no file of addin/, xlsx/web/ or worker/ names the default rule set’s notice, its year or its filing office', () => {
    expect(listed.status).toBe(0);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((f) => {
      const text = readFileSync(join(root, f), 'utf8');
      return [...facts.filter((t) => text.includes(t)), ...(year.test(text) ? [String(rs.year)] : [])].map((t) => `${f}: ${t}`);
    });
    expect(found).toEqual([]);
  });
});
