// What the page shows: the preflight per sheet, the counts and the attention list (DOM only; text via textContent).
import { planNotes } from '../../shared/roster/notes';
import type { StatusCounts } from '../../shared/status-counts';
import type { ComputedBy } from '../../addin/summary/layout';
import type { SheetAttention } from '../check-roster';
import type { OpenedRoster } from '../roster-file';

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (className) e.className = className;
  return e;
}

export function renderPreflight(box: HTMLElement, opened: OpenedRoster): void {
  box.replaceChildren();
  const list = el('ul', undefined, 'sheets');
  for (const plan of opened.plans) {
    const li = el('li');
    const persons = plan.rows.filter((r) => r.input !== null).length;
    li.append(el('strong', `工作表“${plan.sheetName}”`), `：表头在第 ${plan.headerRows.map((r) => r + 1).join('、')} 行，${persons} 人`);
    const notes: string[] = [];
    if (plan.table) notes.push(`花名册是表格“${plan.table}”`);
    if (plan.output?.origin !== 'new') notes.push('上次的核对结果列会被更新');
    if (notes.length > 0) li.append(`（${notes.join('；')}）`);
    const details = el('ul');
    if (plan.unknown.length > 0) details.append(el('li', `不认识的列（不参与计算）：${plan.unknown.map((u) => u.header).join('、')}`, 'warn'));
    // what was understood (rows that are no one, merged and hidden columns, your own columns, …), as in the task pane
    for (const note of planNotes(plan, { header: false })) details.append(el('li', note));
    if (plan.missingOptionalLine) details.append(el('li', plan.missingOptionalLine));
    if (details.childElementCount > 0) li.append(details);
    list.append(li);
  }
  box.append(list);
  const warnings = [...opened.warnings];
  if (opened.duplicates.length > 0) warnings.push(`有 ${opened.duplicates.length} 个身份证号出现在多行：这些行会标为“数据有误”，请合并为一行。`);
  if (warnings.length > 0) {
    const w = el('ul', undefined, 'warnings');
    for (const t of warnings) w.append(el('li', t));
    box.append(el('h3', '请注意'), w);
  }
  box.append(el('p', `共 ${opened.rowsToCompute} 人待核对。点“开始核对”后生成一个新的结果文件，原文件不会被修改。`, 'hint'));
}

const STATUS_CLASS: Record<string, string> = { 达标: 'ok', 未达标: 'bad', 待补材料: 'pending', 数据有误: 'invalid' };

export function renderCounts(box: HTMLElement, c: StatusCounts, computedBy: ComputedBy): void {
  box.replaceChildren();
  const items: [string, number, string][] = [
    ['共', c.total, 'total'],
    ['达标', c.compliant, 'ok'],
    ['未达标', c.short, 'bad'],
    ['待补材料', c.pendingEvidence, 'pending'],
    ['数据有误', c.invalid, 'invalid'],
  ];
  for (const [label, n, cls] of items) {
    const d = el('div', undefined, `count ${cls}`);
    d.append(el('span', String(n), 'n'), el('span', label, 'label'));
    d.dataset.status = label;
    box.append(d);
  }
  box.append(el('p', computedBy === 'worker' ? '由计算服务计算。' : '在本机计算，数据没有离开本机。', 'hint'));
}

/** Rows shown at most; the result file's 年度汇总 lists everyone. */
export const ATTENTION_SHOWN = 500;

export function renderAttention(box: HTMLElement, rows: readonly SheetAttention[], withSheet: boolean): void {
  box.replaceChildren();
  if (rows.length === 0) {
    box.append(el('p', '没有未达标或数据有误的人员。'));
    return;
  }
  const table = el('table');
  const head = el('tr');
  for (const h of [...(withSheet ? ['工作表'] : []), '行号', '姓名', '状态', '原因']) {
    const th = el('th', h);
    th.scope = 'col';
    head.append(th);
  }
  table.append(el('thead'), el('tbody'));
  table.tHead?.append(head);
  const body = table.tBodies[0];
  for (const a of rows.slice(0, ATTENTION_SHOWN)) {
    const tr = el('tr');
    if (withSheet) tr.append(el('td', a.sheetName));
    tr.append(el('td', String(a.sheetRow + 1)), el('td', a.name), el('td', a.status, `status ${STATUS_CLASS[a.status] ?? ''}`), el('td', a.reason));
    body.append(tr);
  }
  box.append(table);
  if (rows.length > ATTENTION_SHOWN) box.append(el('p', `只列出前 ${ATTENTION_SHOWN} 人，共 ${rows.length} 人；完整名单见结果文件的“年度汇总”。`, 'hint'));
}
