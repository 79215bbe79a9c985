// What the clerk typed survives a re-run (pure part), and big sheets are written in batches under the payload budget.
import { describe, expect, it } from 'vitest';
import { matchKept, orphanRows, readKept } from '../../addin/duties/kept-cells';
import { blockAt, planBlockBatches } from '../../shared/sheet/sheet-layout';
import { jsonBytes } from '../../shared/sheet/chunks';

describe('kept cells', () => {
  it('reads typed cells by key; blank key cells of a merged group take the value above', () => {
    const columns = {
      姓名: ['王芳', '', '刘洋', '赵磊'],
      单位: ['医院', '', '医院', '医院'],
      学时来源: ['培训进修', '高级研修班', '培训进修', '资格证书'],
      核验结果: ['合格', '驳回：无公章', '', ' 待补 '],
    };
    expect(readKept(columns, ['姓名', '单位', '学时来源'], '核验结果')).toEqual([
      { key: ['王芳', '医院', '培训进修'], value: '合格' },
      { key: ['王芳', '医院', '高级研修班'], value: '驳回：无公章' },
      { key: ['赵磊', '医院', '资格证书'], value: '待补' },
    ]);
  });

  it('matches new rows by key (first wins), lists what is left, never drops a value', () => {
    const previous = [
      { key: ['王芳', '医院'], value: '11月2日已发' },
      { key: ['王芳', '医院'], value: '重名的另一位' },
      { key: ['李娜', '医院'], value: '已电话通知' },
    ];
    const { byRow, orphans } = matchKept(previous, [['刘洋', '医院'], ['王芳', '医院'], ['王芳', '医院']]);
    expect(byRow).toEqual(['', '11月2日已发', '重名的另一位']);
    expect(orphans).toEqual([{ key: ['李娜', '医院'], value: '已电话通知' }]);
    expect(orphanRows(orphans, ['姓名', '单位'], '通知情况')).toEqual([
      ['以下“通知情况”是上次填写的，但对应的行已不在本次名单中（保留备查）：'],
      ['姓名', '单位', '通知情况'],
      ['李娜', '医院', '已电话通知'],
    ]);
    expect(orphanRows([], ['姓名'], 'x')).toEqual([]);
  });
});

describe('block batches', () => {
  it('cuts big blocks into row slices within the byte budget, addresses following the rows', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i % 9, '提醒'.repeat(50)]);
    const big = blockAt(0, 7, rows);
    const small = blockAt(0, 1, [['标题']]);
    const perRow = jsonBytes(rows[0]) + jsonBytes(big.numberFormat[0]) + 2;
    const batches = planBlockBatches([small, big], perRow * 30);
    const slices = batches.flat();
    expect(slices[0]).toBe(small);
    expect(slices.slice(1).map((b) => b.address)).toEqual(['A7:B36', 'A37:B66', 'A67:B96', 'A97:B106']);
    expect(slices.slice(1).flatMap((b) => b.values)).toEqual(rows);
    for (const batch of batches) {
      const bytes = batch.reduce((n, b) => n + b.values.reduce((m, r, i) => m + jsonBytes(r) + jsonBytes(b.numberFormat[i]) + 2, 0), 0);
      expect(bytes).toBeLessThanOrEqual(perRow * 30);
    }
    expect(planBlockBatches([small, big])).toEqual([[small, big]]);
  });
});

describe('an emptied list still shows what was typed', () => {
  it('nobody left to remind or to check: the previous entries are listed, not dropped', async () => {
    const { buildRemindersLayout } = await import('../../addin/reminders/reminders-layout');
    const { buildChecklistLayout } = await import('../../addin/evidence/checklist-layout');
    const { getRuleSet } = await import('../../shared/index');
    const { getDuties } = await import('../../shared/rulesets/duties');
    const meta = { ruleSet: getRuleSet(), duties: getDuties(), asOf: '2023-11-01', rosterSheet: '花名册', madeAt: '' };
    const r = buildRemindersLayout({ ...meta, reminders: [], kept: [{ key: ['李娜', '医院', '外科'], value: '已通知' }] });
    expect(r.blocks.flatMap((b) => b.values)).toContainEqual(['李娜', '医院', '外科', '已通知']);
    const c = buildChecklistLayout({ ...meta, people: [], kept: [{ key: ['李娜', '医院', '培训进修'], value: '合格' }] });
    expect(c.blocks.flatMap((b) => b.values)).toContainEqual(['李娜', '医院', '培训进修', '合格']);
  });
});
