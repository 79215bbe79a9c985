// 审核材料清单 from the sample roster: who is on it, one row per credited source that needs evidence, the evidence
// wording taken from the rule set's table (附件1第7条), the layout's cells and merges.
import { describe, expect, it } from 'vitest';
import { zaozhuang2023 } from '../../shared/rulesets/zaozhuang-2023';
import { getDuties } from '../../shared/rulesets/duties';
import { buildChecklist } from '../../addin/evidence/checklist';
import { CHECKLIST_HEADERS, CHECKLIST_HEADER_ROW, PENDING_FILL, buildChecklistLayout, personRows } from '../../addin/evidence/checklist-layout';
import { missingEvidenceText, pendingEvidenceNote } from '../../shared/evidence';
import { rangeAddress } from '../../shared/sheet/a1';
import { AS_OF, sampleEvaluated } from './duties-fixtures';

const s = sampleEvaluated();
const people = buildChecklist(s);
const PLATFORM_LABELS = [s.ruleSet.sources.platformPublic.label, s.ruleSet.sources.platformProfessional.label];

describe('审核材料清单 from the sample roster', () => {
  it('lists every person (not 数据有误) whose credited hours come from anything but the city platform, or whose requirement is prorated', () => {
    const want = s.results
      .filter((r) => r.status !== '' && r.status !== '数据有误')
      // a proration lowers both requirements; 专业课按行业规定 lowers only the professional one, and is no proration
      .filter((r) => r.breakdown.some((b) => !PLATFORM_LABELS.includes(b.label) && b.public + b.professional > 0) || r.requiredPublic < (s.ruleSet.parameters.requiredPublic.value as number))
      .map((r) => s.firstDataRowNumber + r.index);
    expect(people.map((p) => p.rowNumber)).toEqual(want);
    expect(people.length).toBeGreaterThan(5);
    // 黄敏's professional part is checked by the sector: her 学历教育 still needs its evidence, but no proration item
    const huang = people.find((p) => p.name === '黄敏');
    expect(s.results[(huang?.rowNumber ?? 0) - s.firstDataRowNumber].requiredProfessional).toBe(0);
    expect(huang?.items.map((i) => i.key)).toEqual(['degree']);
  });

  it('one item per credited source with its hours; the evidence wording is the rule set’s', () => {
    for (const p of people) {
      const r = s.results[p.rowNumber - s.firstDataRowNumber];
      const sources = r.breakdown.filter((b) => !PLATFORM_LABELS.includes(b.label) && b.public + b.professional > 0);
      expect(p.items.filter((i) => i.key !== 'specialCase').map((i) => [i.label, i.hours])).toEqual(sources.map((b) => [b.label, b.public + b.professional]));
      for (const i of p.items) {
        expect(i.rule).toBe(s.duties.evidence[i.key]);
        expect(i.rule.evidence.length).toBeGreaterThan(4);
      }
    }
    const chen = people.find((p) => p.name === '陈静');
    expect(chen?.items.map((i) => [i.key, i.label, i.note])).toEqual([['specialCase', '特殊情况：产假', '要求折算为公需课15学时、专业课30学时']]);
    const transfer = people.find((p) => p.name === '彭飞');
    expect(transfer?.items.map((i) => i.rule.evidence)).toEqual([zaozhuang2023.sources.transferPublic.evidence?.evidence, zaozhuang2023.sources.transferProfessional.evidence?.evidence]);
  });

  it('the evidence table covers every source but the city platform, each citing 附件1 or 正文; the 待补材料 words come from it', () => {
    const d = getDuties('zaozhuang-2023');
    const keys = Object.keys(s.ruleSet.sources).filter((k) => !k.startsWith('platform'));
    expect(Object.keys(d.evidence).sort()).toEqual([...keys, 'specialCase'].sort());
    for (const rule of Object.values(d.evidence)) expect(rule.clause).toMatch(/^(附件1第\d条|正文四\(三\))/);
    expect(d.evidence.achievements.evidence).toContain('论文：封面、目录及正文页');
    expect(d.evidence.achievements.evidence).toContain('著作、译著：封面、索引、目录页');
    expect(d.evidence.training.evidence).toContain('培训合格证书');
    const luo = people.find((p) => p.name === '罗欣');
    expect(missingEvidenceText(luo?.items ?? [])).toBe(`证明材料不齐：资格证书（${d.evidence.certificates.evidence}）`);
    // the same words from the result alone, for the output columns' 说明
    expect(pendingEvidenceNote(s.results[(luo?.rowNumber ?? 0) - s.firstDataRowNumber])).toBe(missingEvidenceText(luo?.items ?? []));
  });

  it('lays out one group of rows per person, person cells merged, an empty 核验结果 column, 待补材料 highlighted', () => {
    const layout = buildChecklistLayout({ people, ruleSet: s.ruleSet, duties: s.duties, asOf: AS_OF, rosterSheet: '示例花名册', madeAt: '' });
    expect(layout.blocks.find((b) => b.address.startsWith(`A${CHECKLIST_HEADER_ROW}:`))?.values).toEqual([[...CHECKLIST_HEADERS]]);
    const body = layout.blocks.find((b) => b.address.startsWith(`A${CHECKLIST_HEADER_ROW + 1}:`));
    expect(body?.values).toEqual(people.flatMap((p) => personRows(p)));
    expect(body?.values.every((v) => v[CHECKLIST_HEADERS.indexOf('核验结果')] === '')).toBe(true);
    expect(body?.values.map((v) => v[CHECKLIST_HEADERS.indexOf('应查验的证明材料')])).toEqual(people.flatMap((p) => p.items.map((i) => s.duties.evidence[i.key].evidence)));
    let row = CHECKLIST_HEADER_ROW + 1;
    for (const p of people) {
      const n = p.items.length;
      if (n > 1) expect(layout.merges).toContain(rangeAddress(1, row, 1, n));
      const fill = layout.styles.find((x) => x.address === rangeAddress(0, row, 5, n));
      expect(fill?.style.fill, p.name).toBe(p.status === '待补材料' ? PENDING_FILL : undefined);
      row += n;
    }
    expect(layout.borders).toEqual([rangeAddress(0, CHECKLIST_HEADER_ROW, CHECKLIST_HEADERS.length, row - CHECKLIST_HEADER_ROW)]);
    expect(layout.page?.printArea).toBe(rangeAddress(0, 1, CHECKLIST_HEADERS.length, row - 1));
  });
});
