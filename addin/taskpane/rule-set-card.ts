// The task pane's 核对依据 card: which notice (rule set) this workbook is checked by, remembered in the workbook
// (addin/settings/rule-set-choice.ts), with the notice and year shown from the rule set's data, the default said to
// be the default, and a plain note when the 核对日期 is in another year. A choice changes the pane's title line, the
// next 计算学时 and 年度汇总, the duty sheets, and the workbook's CE functions (recalculated at once).
import { DEFAULT_RULE_SET, choiceLabel, getRuleSet, listRuleSets, noticeLine, usedLine, yearNote } from '../../shared/index';
import { RosterError } from '../office/errors';
import { savedRuleSetId, saveWorkbookRuleSet, unavailableMessage, workbookRuleSet, type RuleSetChoice } from '../settings/rule-set-choice';
import { byId, el } from './dom';

export type RuleSetCardDeps = {
  /** The 核对日期 in effect (the settings' date, else today), YYYY-MM-DD. */
  asOf: () => string;
  /** Shows what a choice did (or why it failed). */
  say: (text: string, kind: 'error' | 'success') => void;
  /** After a choice is saved: the other cards show the new rule set's texts. */
  chosen?: () => void;
};

/** The lines a run's results show about its rule set: which one and why, and the year note if any. */
export function ruleSetLines(choice: RuleSetChoice, asOf: string): string[] {
  const note = yearNote(choice.ruleSet, asOf);
  return [usedLine(choice.ruleSet, choice.chosen), ...(note ? [note] : [])];
}

/** Recalculates the workbook so that CE functions follow the new choice (they read it when they run). */
async function recalculateFunctions(): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.application.calculate(Excel.CalculationType.full);
    await context.sync();
  });
}

/** Shows the workbook's choice (or the default, or a choice that is not available) and the year note. */
export function renderRuleSet(asOf: string): void {
  const select = byId<HTMLSelectElement>('rule-set');
  const state = byId('rule-set-state');
  const line = byId('ruleset-line');
  const note = byId('year-note');
  let choice: RuleSetChoice | null = null;
  try {
    choice = workbookRuleSet();
  } catch (e) {
    if (!(e instanceof RosterError)) throw e;
  }
  select.querySelector('option[data-unavailable]')?.remove();
  if (choice === null) {
    const id = savedRuleSetId();
    const missing = el('option', { text: `（本工作簿所选的“${id}”不可用，请重新选择）` });
    missing.value = '';
    missing.disabled = true;
    missing.dataset.unavailable = '1';
    select.prepend(missing);
    select.value = '';
    state.className = 'hint bad';
    state.textContent = unavailableMessage(id);
    line.textContent = '未能确定核对依据';
    note.hidden = true;
    return;
  }
  select.value = choice.ruleSet.id;
  state.className = 'hint';
  const code = `规则编号 ${choice.ruleSet.id}（CE 函数的第三个参数可写它）。`;
  state.textContent = choice.chosen
    ? `本工作簿按此核对：${choice.ruleSet.title}。所选保存在本工作簿中。${code}`
    : `本工作簿尚未选择，使用默认：${choice.ruleSet.title}。选择后保存在本工作簿中。${code}`;
  line.textContent = `${noticeLine(choice.ruleSet)}${choice.chosen ? '' : '（默认）'}`;
  const text = yearNote(choice.ruleSet, asOf);
  note.hidden = text === null;
  note.textContent = text ?? '';
}

export function initRuleSetCard(deps: RuleSetCardDeps): void {
  const select = byId<HTMLSelectElement>('rule-set');
  select.replaceChildren(
    ...listRuleSets().map((rs) => {
      const option = el('option', { text: choiceLabel(rs, rs.id === DEFAULT_RULE_SET) });
      option.value = rs.id;
      option.title = rs.title;
      return option;
    }),
  );
  renderRuleSet(deps.asOf());
  select.addEventListener('change', () =>
    void (async () => {
      const id = select.value;
      try {
        await saveWorkbookRuleSet(id);
        renderRuleSet(deps.asOf());
        deps.chosen?.();
        const rs = getRuleSet(id);
        let recalculated = true;
        try {
          await recalculateFunctions();
        } catch {
          recalculated = false;
        }
        const functions = recalculated ? '本工作簿中的 CE 函数已按新规则重新计算。' : '本工作簿中的 CE 函数将在下次重新计算（F9）时按新规则计算。';
        deps.say(`已选择 ${rs.year} 年度的规则（${rs.notice}），保存在本工作簿中；“计算学时”“年度汇总”和专人工作表都将按它核对。${functions}`, 'success');
      } catch (e) {
        renderRuleSet(deps.asOf());
        deps.say(e instanceof Error ? e.message : String(e), 'error');
      }
    })(),
  );
}
