// Ribbon buttons 提醒名单 and 审核材料清单 (manifest actions buildReminderList, buildEvidenceChecklist) in the
// shared runtime: they use the saved 核对日期 (blank = today) and always complete the event.
import { buildChecklistSheet } from '../evidence/checklist-sheet';
import { isIsoDate } from '../../shared/index';
import { RosterError, excelErrorMessage } from '../office/errors';
import { localIsoDate } from '../../shared/local-time';
import { loadSettings } from '../settings/settings';
import type { Settings } from '../settings/settings';
import { buildReminderSheet } from '../reminders/reminders-sheet';
import { NO_PRINT_SETUP } from '../office/apply-sheet-layout';
import { clerkSheetNote } from './duty-sheet';
import { associateRibbonAction, RibbonChannel, type RibbonEvent } from '../office/ribbon-command';

export const DUTY_ACTIONS = { reminders: 'buildReminderList', checklist: 'buildEvidenceChecklist' } as const;
export type DutyAction = keyof typeof DUTY_ACTIONS;

export type DutyOutcome = { ok: boolean; message: string };
const channel = new RibbonChannel<DutyOutcome>();

/** The task pane shows what a ribbon click did (same runtime). Returns unsubscribe. */
export function onRibbonDuty(listener: (outcome: DutyOutcome) => void): () => void {
  return channel.subscribe(listener);
}

export type DutyDeps = { loadSettings: () => Promise<Pick<Settings, 'asOf'>>; run: Record<DutyAction, (asOf: string) => Promise<string>> };

function checkAsOf(asOf: string): void {
  if (!isIsoDate(asOf)) throw new RosterError(`核对日期“${asOf}”不是 YYYY-MM-DD 格式的有效日期：请在“设置”中改正或留空（表示今天）。`);
}

/** The success message of each action (the task pane's buttons show the same words). */
export const DUTY_RUNNERS: DutyDeps['run'] = {
  reminders: async (asOf) => {
    checkAsOf(asOf);
    const r = await buildReminderSheet({ asOf });
    return `已生成“${r.sheetName}”：${r.people} 人需要提醒${r.overdue > 0 ? `，其中 ${r.overdue} 人已逾期（标红）` : ''}（核对日期 ${asOf}，花名册“${r.rosterSheet}”）。${clerkSheetNote(r)}${r.printSetup ? '' : NO_PRINT_SETUP}`;
  },
  checklist: async (asOf) => {
    checkAsOf(asOf);
    const r = await buildChecklistSheet({ asOf });
    return `已生成“${r.sheetName}”：${r.people} 人共 ${r.items} 项学时需要查验证明材料（花名册“${r.rosterSheet}”）。${clerkSheetNote(r)}${r.printSetup ? '' : NO_PRINT_SETUP}`;
  },
};

const defaultDeps: DutyDeps = { loadSettings: () => loadSettings(), run: DUTY_RUNNERS };

export function runRibbonDuty(action: DutyAction, event: RibbonEvent, deps: DutyDeps = defaultDeps): Promise<DutyOutcome> {
  return channel.run(
    event,
    async () => {
      const s = await deps.loadSettings();
      return { ok: true, message: await deps.run[action](s.asOf.trim() || localIsoDate()) };
    },
    (e) => ({ ok: false, message: excelErrorMessage(e) }),
  );
}

/** Registers both actions where Office.actions exists; false elsewhere. */
export function registerDutyRibbonActions(deps: DutyDeps = defaultDeps): boolean {
  return (Object.keys(DUTY_ACTIONS) as DutyAction[])
    .map((action) => associateRibbonAction(DUTY_ACTIONS[action], (event) => void runRibbonDuty(action, event, deps)))
    .every(Boolean);
}
