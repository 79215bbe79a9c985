// The rule set a workbook is checked by: the clerk's choice, kept in the workbook itself (Office document settings,
// saved with the file), so each year's roster keeps its year's notice whoever opens it. Read by every action of the
// add-in (计算学时, 年度汇总, the duty sheets, 附件2, the template) and by the custom functions. Nothing chosen: the
// default rule set, and the surfaces say it is the default. A choice this build does not have is an error, never
// silently the default.
import { DEFAULT_RULE_SET, getRuleSet, hasRuleSet, listRuleSets, type RuleSet } from '../../shared/index';
import { RosterError } from '../office/errors';

/** The document setting holding the chosen rule set's id. */
export const RULE_SET_SETTING = 'ce.ruleSet';

/** What of Office.Settings this needs (the task pane and the custom functions share the runtime's one). */
export type DocumentSettings = Pick<Office.Settings, 'get' | 'set' | 'saveAsync'>;

export type RuleSetChoice = {
  ruleSet: RuleSet;
  /** false: nothing chosen in this workbook, the default is used. */
  chosen: boolean;
};

/** The workbook's settings, or null outside Office (or before Office is ready). */
export function documentSettings(): DocumentSettings | null {
  const office = (globalThis as { Office?: typeof Office }).Office;
  try {
    return office?.context?.document?.settings ?? null;
  } catch {
    return null;
  }
}

/** The id saved in the workbook, or '' when none. */
export function savedRuleSetId(settings: DocumentSettings | null = documentSettings()): string {
  const v: unknown = settings?.get(RULE_SET_SETTING);
  return typeof v === 'string' ? v.trim() : '';
}

/** Why a saved choice cannot be used, in a clerk's words. */
export function unavailableMessage(id: string): string {
  const known = listRuleSets().map((r) => `${r.year} 年度（${r.notice}）`).join('、');
  return `本工作簿选定的规则“${id}”在当前版本的加载项中没有（可用：${known}）：请在任务窗格的“核对依据”中重新选择，或请单位 IT 加入该规则。`;
}

/** The workbook's rule set: the saved choice, else the default. Throws RosterError when the saved one is not known. */
export function workbookRuleSet(settings: DocumentSettings | null = documentSettings()): RuleSetChoice {
  const id = savedRuleSetId(settings);
  if (id === '') return { ruleSet: getRuleSet(DEFAULT_RULE_SET), chosen: false };
  if (!hasRuleSet(id)) throw new RosterError(unavailableMessage(id));
  return { ruleSet: getRuleSet(id), chosen: true };
}

/** Saves the choice into the workbook (saved with the file). */
export function saveWorkbookRuleSet(id: string, settings: DocumentSettings | null = documentSettings()): Promise<void> {
  if (!hasRuleSet(id)) return Promise.reject(new RosterError(unavailableMessage(id)));
  if (!settings) return Promise.reject(new RosterError('无法在本工作簿中保存所选规则（不在 Excel 中，或 Excel 未就绪）。'));
  settings.set(RULE_SET_SETTING, id);
  return new Promise((resolve, reject) =>
    settings.saveAsync((result) => {
      if (result.status !== Office.AsyncResultStatus.Failed) resolve();
      else reject(new RosterError(`所选规则未能保存到本工作簿：${result.error?.message ?? '未知原因'}`));
    }),
  );
}
