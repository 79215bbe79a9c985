// The add-in's nine output cells for one row (docs/clerk-guide.md, 使用加载项).
import { pendingEvidenceNote } from './evidence';
import { requirementText, round2 } from './format';
import { DEFAULT_RULE_SET, getRuleSet } from './rulesets';
import type { CellValue, RowResult } from './types';

export { OUTPUT_HEADERS } from './output-headers';

/** true for a warning that reports hours not credited (caps and unfiled training): it goes to 封顶提示. */
function isCapWarning(w: { lostHours?: number }): boolean {
  return w.lostHours !== undefined;
}

/** How many hours of which kind, e.g. `公需课2.5学时、专业课5学时`; the kind is left out when the label names it. */
function hoursText(label: string, pub: number, pro: number): string {
  if (pro <= 0 && label.endsWith('公需课')) return `${round2(pub)}学时`;
  if (pub <= 0 && label.endsWith('专业课')) return `${round2(pro)}学时`;
  const parts: string[] = [];
  if (pub > 0) parts.push(`公需课${round2(pub)}学时`);
  if (pro > 0) parts.push(`专业课${round2(pro)}学时`);
  return parts.join('、');
}

/** The breakdown as a sentence: `已认定：市平台公需课30学时（正文二(一)、四(二)），培训进修计专业课24学时（附件1第1条）`. */
function breakdownText(result: RowResult): string {
  if (result.breakdown.length === 0) return '';
  const items = result.breakdown.map((b) => {
    const h = hoursText(b.label, b.public, b.professional);
    const named = (b.professional <= 0 && b.label.endsWith('公需课')) || (b.public <= 0 && b.label.endsWith('专业课'));
    return `${b.label}${named ? '' : '计'}${h}（${b.clause}）`;
  });
  return `已认定：${items.join('，')}`;
}

/** Sentences joined as a paragraph: each ends with 。 (added unless it ends with one already). */
function paragraph(sentences: readonly string[]): string {
  let out = '';
  for (const s of sentences) out += s.endsWith('。') ? s : `${s}。`;
  return out;
}

/**
 * The 9 output cells of one result, in OUTPUT_HEADERS order: credited public, professional and total hours,
 * shortfalls (numbers, rounded to 2 decimals), deadline (text), status, 封顶提示 (cap warnings' messages) and
 * 说明 (errors, other warnings, the requirement when prorated, the evidence note from the rule set's evidence table
 * (shared/evidence.ts, as the 审核材料清单), the breakdown).
 * A blank row gives nine empty cells; a 数据有误 row gives empty hour cells and the errors in 说明. `ruleSet` names
 * the rule set the result came from (for the clauses it cites; the default rule set when omitted).
 */
export function formatRowOutput(result: RowResult, ruleSet: string = DEFAULT_RULE_SET): CellValue[] {
  if (result.status === '') {
    // a blank row: nine empty cells; a total or note row (NOT_A_PERSON): why it was skipped, in 说明
    return ['', '', '', '', '', '', '', '', paragraph(result.warnings.map((w) => w.message))];
  }
  const caps = result.warnings.filter(isCapWarning).map((w) => w.message).join('；');
  const notes: string[] = [];
  for (const e of result.errors) notes.push(e.message);
  for (const w of result.warnings) if (!isCapWarning(w)) notes.push(w.message);
  if (result.status === '数据有误') {
    return ['', '', '', '', '', result.deadline, result.status, caps, paragraph(notes)];
  }
  if (result.status === '待补材料') {
    // the same evidence table as the 审核材料清单 (附件1第7条): 证明材料不齐：竞赛（获奖证书…）
    const clause = getRuleSet(ruleSet).clauses.annex1Item7.clause;
    notes.push(`学时已达标，但${pendingEvidenceNote(result, ruleSet)}`, `请补齐后再在省平台申报（${clause}）`);
  }
  notes.push(`本年度应完成${requirementText(result)}`);
  const bd = breakdownText(result);
  if (bd.length > 0) notes.push(bd);
  return [
    round2(result.publicHours),
    round2(result.professionalHours),
    round2(result.totalHours),
    round2(result.publicShortfall),
    round2(result.professionalShortfall),
    result.deadline,
    result.status,
    caps,
    paragraph(notes),
  ];
}
