// The task pane's 专人工作 card: 提醒名单, 审核材料清单, 复制所选提醒, and the training-plan filing form with live
// checks (its title, clause and deadline from the workbook's rule set). Also registers the ribbon actions 提醒名单 /
// 审核材料清单 (the shared runtime's page is the task pane).
import './duties-pane.css';
import { getDuties } from '../../shared/rulesets/duties';
import { workbookRuleSet } from '../settings/rule-set-choice';
import { readSelectedMessages, copyText } from '../reminders/copy';
import { DUTY_RUNNERS, onRibbonDuty, registerDutyRibbonActions } from './ribbon';
import { byId, clearMessage, el, showMessage } from '../taskpane/dom';
import { FILING_FIELDS, checkFilingForm, emptyFilingInput, filingInputFromRow, type FilingCheck, type FilingInput } from '../forms/filing-form';
import { readSelectedProjectRow } from '../forms/filing-row';
import { RosterError } from '../office/errors';
import { FILING_NOT_MADE, makeFilingSheet } from '../forms/filing-sheet';
import { filingMark } from '../forms/filing-layout';
import { NO_PRINT_SETUP } from '../office/apply-sheet-layout';

export type DutiesPaneDeps = {
  /** The 核对日期 in effect (the settings' date, else today), YYYY-MM-DD. */
  asOf: () => string;
  today: () => string;
  /** Runs an action with the pane's busy state and shows its message (success) or error. */
  run: (action: () => Promise<string>) => Promise<void>;
};

const LEVEL_CLASS: Record<FilingCheck['level'], string> = { error: 'bad', warning: 'warn', info: 'ok' };

function readFiling(): FilingInput {
  const v = emptyFilingInput();
  for (const f of FILING_FIELDS) v[f.key] = byId<HTMLInputElement | HTMLTextAreaElement>(`filing-${f.key}`).value;
  return v;
}

function renderFormFields(): void {
  const box = byId('filing-form');
  box.replaceChildren();
  for (const f of FILING_FIELDS) {
    const id = `filing-${f.key}`;
    const label = el('label', { text: f.required ? `${f.label} *` : f.label });
    label.htmlFor = id;
    const input = f.multiline ? el('textarea') : el('input');
    input.id = id;
    input.maxLength = f.maxLength;
    if (input instanceof HTMLInputElement) input.type = 'text';
    if (f.placeholder) input.placeholder = f.placeholder;
    input.autocomplete = 'off';
    box.append(label, input);
  }
}

function renderChecks(today: string): void {
  let ruleSet;
  try {
    ruleSet = workbookRuleSet().ruleSet;
  } catch {
    // the workbook's choice is not available: the 核对依据 card says so, and 生成申报表 will too
    byId('filing-checks').replaceChildren();
    return;
  }
  const { checks } = checkFilingForm(readFiling(), ruleSet, getDuties(ruleSet.id), today);
  const list = byId('filing-checks');
  // Before anything is typed, only the 请填写 errors would show: keep the list quiet until the user starts.
  const touched = FILING_FIELDS.some((f) => readFiling()[f.key].trim() !== '');
  list.replaceChildren(
    ...(touched ? checks : []).map((c) => el('li', { className: `hint ${LEVEL_CLASS[c.level]}`, text: c.clause ? `${c.message}（${c.clause}）` : c.message })),
  );
}

/**
 * The filing form's title, clause and deadline as the workbook's rule set gives them (never markup); called when the
 * pane opens and when the 核对依据 changes. A choice that is not available leaves the plain words (the card says why).
 */
export function renderDutyTexts(): void {
  const title = byId('filing-title');
  const deadline = byId('filing-deadline');
  const sheetName = byId('filing-sheet-name');
  let ruleSet;
  try {
    ruleSet = workbookRuleSet().ruleSet;
  } catch {
    title.textContent = '培训项目计划申报表';
    sheetName.textContent = '申报表';
    deadline.hidden = true;
    return;
  }
  const duties = getDuties(ruleSet.id);
  const filing = duties.trainingPlanFiling;
  sheetName.textContent = `“${filingMark(duties)}-项目名称”`;
  title.textContent = `${filing.clause} ${filing.formTitle}`;
  deadline.textContent = `${filing.deadlineAppliesTo}须在 ${filing.deadline.value} 前报送（${filing.deadline.clause}，${ruleSet.notice}）；表格一式 ${filing.copies.value} 份，报${filing.office}。`;
  deadline.hidden = false;
}

export function initDutiesPane(deps: DutiesPaneDeps): void {
  renderDutyTexts();
  registerDutyRibbonActions();
  onRibbonDuty((o) => showMessage(o.message, o.ok ? 'success' : 'error'));
  renderFormFields();
  const copied = byId<HTMLTextAreaElement>('copied-text');
  byId('reminders').addEventListener('click', () => void deps.run(() => DUTY_RUNNERS.reminders(deps.asOf())));
  byId('evidence-checklist').addEventListener('click', () => void deps.run(() => DUTY_RUNNERS.checklist(deps.asOf())));
  byId('copy-reminders').addEventListener('click', () =>
    void deps.run(async () => {
      const messages = await Excel.run(readSelectedMessages);
      const text = messages.join('\n');
      copied.value = text;
      copied.hidden = false;
      const ok = await copyText(text);
      return ok
        ? `已复制 ${messages.length} 条提醒，可粘贴到短信或微信。`
        : `已选出 ${messages.length} 条提醒，但浏览器不允许自动复制：请在下方文本框中全选（Ctrl+A）后复制（Ctrl+C）。`;
    }),
  );
  byId('filing-form').addEventListener('input', () => {
    // an earlier 申报表未生成 message would describe values no longer in the form
    if (byId('message').textContent?.startsWith(FILING_NOT_MADE)) clearMessage();
    renderChecks(deps.today());
  });
  byId('filing-from-row').addEventListener('click', () =>
    void deps.run(async () => {
      const picked = await Excel.run(readSelectedProjectRow);
      const { input, fields } = filingInputFromRow(picked.headers, picked.cells);
      if (fields.length === 0) throw new RosterError(`工作表“${picked.sheetName}”的表头中没有申报表的栏目（如“申请培训项目名称”“培训天数”“拟计算学时”），未填入任何内容。`);
      for (const key of fields) byId<HTMLInputElement | HTMLTextAreaElement>(`filing-${key}`).value = input[key] ?? '';
      renderChecks(deps.today());
      return `已从工作表“${picked.sheetName}”第 ${picked.rowNumber} 行填入 ${fields.length} 项，请核对后点“生成申报表”。`;
    }),
  );
  byId('filing-make').addEventListener('click', () =>
    void deps.run(async () => {
      renderChecks(deps.today());
      const r = await makeFilingSheet(readFiling(), deps.today(), workbookRuleSet().ruleSet.id);
      const credit = r.creditable === null ? '' : `参训人员按本项目可认定 ${r.creditable} 学时。`;
      const warnings = r.checks.filter((c) => c.level === 'warning').length;
      return `已生成“${r.sheetName}”${r.printSetup ? '（A4 纵向一页，可直接打印）' : NO_PRINT_SETUP}。${credit}${warnings > 0 ? `请留意 ${warnings} 条提示。` : ''}`;
    }),
  );
}
