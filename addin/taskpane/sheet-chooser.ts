// 年度汇总 over several roster sheets: when the workbook holds more than one roster sheet, the clerk ticks the ones
// to summarise (the last choice is remembered in the workbook). People on several sheets are counted once.
import { listRosterSheets } from '../summary/roster-sheets';
import { SUMMARY_SHEET_NAME } from '../summary/layout';
import { byId, el } from './dom';

const CHOICE_KEY = 'ce.summarySheets';

type Candidates = { sheets: string[]; preselected: string[] };

async function candidates(): Promise<Candidates> {
  return Excel.run(async (context) => {
    const active = context.workbook.worksheets.getActiveWorksheet().load('name');
    const saved = context.workbook.settings.getItemOrNullObject(CHOICE_KEY).load('value');
    const sheets = await listRosterSheets(context, [SUMMARY_SHEET_NAME]);
    const previous = saved.isNullObject || !Array.isArray(saved.value) ? [] : (saved.value as unknown[]).filter((v): v is string => typeof v === 'string');
    const kept = previous.filter((s) => sheets.includes(s));
    return { sheets, preselected: kept.length > 0 ? kept : sheets.includes(active.name) ? [active.name] : sheets };
  });
}

/** Shows the checklist and resolves with the ticked sheets, or null when the clerk cancels. */
function ask(c: Candidates): Promise<string[] | null> {
  let card = document.getElementById('sheet-chooser');
  if (!card) {
    card = el('section', { className: 'card notice' });
    card.id = 'sheet-chooser';
    byId('summary').closest('section')?.after(card);
  }
  const boxes = c.sheets.map((name) => {
    const box = el('input');
    box.type = 'checkbox';
    box.value = name;
    box.checked = c.preselected.includes(name);
    return box;
  });
  const ok = el('button', { className: 'btn primary', text: '生成年度汇总' });
  const cancel = el('button', { className: 'btn', text: '取消' });
  ok.type = cancel.type = 'button';
  const hint = el('p', { className: 'hint', text: '同一身份证号出现在多个工作表时只计一次，并在完成后列出。' });
  card.replaceChildren(
    el('h2', { text: '选择要汇总的花名册工作表' }),
    el('ul', { className: 'sheet-list' }, ...boxes.map((b) => el('li', {}, el('label', {}, b, ` ${b.value}`)))),
    hint,
    el('div', { className: 'btn-row' }, ok, cancel),
  );
  card.hidden = false;
  return new Promise((resolve) => {
    const finish = (v: string[] | null): void => {
      card.hidden = true;
      resolve(v);
    };
    ok.addEventListener('click', () => {
      const chosen = boxes.filter((b) => b.checked).map((b) => b.value);
      if (chosen.length === 0) {
        hint.textContent = '请至少勾选一个工作表。';
        return;
      }
      finish(chosen);
    });
    cancel.addEventListener('click', () => finish(null));
  });
}

/**
 * The sheets for 年度汇总: [] when the workbook has at most one roster sheet (the active sheet is used), the ticked
 * sheets otherwise (remembered for next time), or null when the clerk cancelled.
 */
export async function chooseSummarySheets(): Promise<string[] | null> {
  const c = await candidates();
  if (c.sheets.length <= 1) return [];
  const chosen = await ask(c);
  if (chosen !== null) {
    await Excel.run(async (context) => {
      context.workbook.settings.add(CHOICE_KEY, chosen);
      await context.sync();
    });
  }
  return chosen;
}
