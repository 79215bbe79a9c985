// Which evidence a person's credited hours need (附件1第7条; 第6条 for a prorated requirement; 正文四(三) for
// transferred hours), from the rule set's evidence table (getDuties(id).evidence). The add-in's 审核材料清单 and
// 提醒名单 read this, and so does the 待补材料 note of the output columns (formatRowOutput), from the result alone.
import type { RosterRowInput, RowResult } from './types';
import type { EvidenceKey, EvidenceRule, RuleSet, RuleSetDuties } from './rulesets/types';
import { textOfCell } from './normalize';
import { hasWarning } from './codes';
import { requirementText } from './format';
import { getRuleSet } from './rulesets';
import { getDuties } from './rulesets/duties';

export type EvidenceItem = {
  key: EvidenceKey;
  /** The breakdown's label (e.g. 代表性成果) or, for a special case, 特殊情况：产假. */
  label: string;
  /** Credited hours of this source (public + professional); null for a prorated requirement. */
  hours: number | null;
  rule: EvidenceRule;
  /** For a prorated requirement: the lowered requirement, e.g. 要求折算为公需课15学时、专业课30学时. */
  note: string;
};

/** The rule set's sources by their breakdown label, made once a rule set (a roster asks for each of its rows). */
const labels = new WeakMap<RuleSet, Map<string, string>>();
function sourcesByLabel(ruleSet: RuleSet): Map<string, string> {
  let byLabel = labels.get(ruleSet);
  if (!byLabel) {
    byLabel = new Map();
    for (const key of ruleSet.orders.sources) byLabel.set(ruleSet.sources[key].label, key);
    labels.set(ruleSet, byLabel);
  }
  return byLabel;
}

/**
 * The evidence items of one evaluated row, in breakdown order; none for a blank or 数据有误 row. `row` (the input)
 * only adds the special case's name to a prorated requirement's item.
 */
export function evidenceNeeded(row: RosterRowInput | undefined, result: RowResult, ruleSet: RuleSet, duties: RuleSetDuties): EvidenceItem[] {
  if (result.status === '' || result.status === '数据有误') return [];
  const byLabel = sourcesByLabel(ruleSet);
  const items: EvidenceItem[] = [];
  for (const b of result.breakdown) {
    const key = byLabel.get(b.label);
    const rule = key === undefined ? undefined : duties.evidence[key];
    if (key === undefined || rule === undefined) continue;
    const hours = b.public + b.professional;
    if (hours <= 0) continue;
    items.push({ key, label: b.label, hours, rule, note: '' });
  }
  const p = ruleSet.parameters;
  const special = ruleSet.specialCases;
  // a professional requirement of 0 because the sector checks it (docs/rules.md §6a) is no proration
  const bySector = hasWarning(result, 'PROFESSIONAL_BY_SECTOR');
  const prorated = result.requiredPublic < (p[ruleSet.requirement.public].value as number)
    || (!bySector && result.requiredProfessional < (p[ruleSet.requirement.professional].value as number));
  if (special !== undefined && prorated) {
    const name = textOfCell(row?.[special.caseInput])?.trim() ?? '';
    items.push({
      key: 'specialCase',
      label: name ? `${ruleSet.inputs[special.caseInput].header}：${name}` : ruleSet.inputs[special.caseInput].header,
      hours: null,
      rule: duties.evidence.specialCase,
      note: `要求折算为${requirementText(result)}`,
    });
  }
  return items;
}

/** 证明材料不齐：代表性成果（证书或奖状…）；… — the plain words of a 待补材料 row. */
export function missingEvidenceText(items: readonly EvidenceItem[]): string {
  if (items.length === 0) return '证明材料不齐';
  return `证明材料不齐：${items.map((i) => `${i.label}（${i.rule.evidence}）`).join('；')}`;
}

/** For the output columns' 说明 of a 待补材料 row: 证明材料不齐：资格证书（…）, from the result alone. */
export function pendingEvidenceNote(result: RowResult, ruleSetId?: string): string {
  const ruleSet = getRuleSet(ruleSetId);
  return missingEvidenceText(evidenceNeeded(undefined, result, ruleSet, getDuties(ruleSet.id)));
}
