// How a rule set is shown to a clerk on every surface (task pane, web page, command line, 年度汇总): its notice and
// year from the rule set's data, whether it was chosen or is the default, and the note when the 核对日期 falls in
// another year than the rule set's. Never a number or a year written in markup.
import type { RuleSet } from './types';

export type ShownRuleSet = Pick<RuleSet, 'id' | 'year' | 'notice' | 'title'>;

/** `<notice> · <year> 年度`: the line under the pane's and the page's title. */
export function noticeLine(rs: ShownRuleSet): string {
  return `${rs.notice} · ${rs.year} 年度`;
}

/** A choice in a list: `<year> 年度 · <notice>（默认）`. */
export function choiceLabel(rs: ShownRuleSet, isDefault: boolean): string {
  return `${rs.year} 年度 · ${rs.notice}${isDefault ? '（默认）' : ''}`;
}

/**
 * What rule set a run uses, said plainly: chosen, or the default because nothing was chosen (`unchosen` says how
 * the clerk could have chosen, e.g. 未指定 --rule-set).
 */
export function usedLine(rs: ShownRuleSet, chosen: boolean, unchosen = '未选择规则'): string {
  return chosen
    ? `按 ${rs.year} 年度的规则核对：${rs.title}（${rs.notice}）。`
    : `${unchosen}，按默认的 ${rs.year} 年度规则核对：${rs.title}（${rs.notice}）。`;
}

/**
 * When the 核对日期 is in another year than the rule set's: what that means, in a clerk's words. null when the
 * years agree (or the date is not a date).
 */
export function yearNote(rs: ShownRuleSet, asOf: string): string | null {
  const year = Number(asOf.slice(0, 4));
  if (!/^\d{4}-/.test(asOf) || year === rs.year) return null;
  return (
    `请注意：核对日期 ${asOf} 在 ${year} 年，所用规则是 ${rs.year} 年度的（${rs.notice}）：学时要求、上限和完成期限都按 ${rs.year} 年度计算。` +
    `核对 ${rs.year} 年度的学时，这样没有问题；要核对 ${year} 年度的学时，请改选 ${year} 年度的规则（没有的话请联系单位 IT 添加）。`
  );
}
