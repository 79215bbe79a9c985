// Renders progress, the header check and the results of a run into the task pane.
import type { Preflight } from '../compute/preflight';
import type { AttentionRow } from '../compute/results';
import { STATUS_KEYS, isCountedStatus } from '../../shared/status-counts';
import type { Phase, RunOutcome } from '../compute/run';
import { byId, el } from './dom';

const PHASES: Record<Phase, string> = { read: '正在读取花名册', compute: '正在计算', write: '正在写入结果' };
/** The attention list shows this many rows; the rest are counted. */
export const ATTENTION_LIMIT = 200;

const n = (x: number): string => x.toLocaleString('zh-CN');

export function showProgress(phase: Phase, done: number, total: number, detail = ''): void {
  byId('progress').hidden = false;
  byId('progress-phase').textContent = PHASES[phase];
  byId('progress-text').textContent = `${n(done)} / ${n(total)} 行`;
  const pct = total > 0 ? Math.round((done / total) * 100) : 0;
  byId('progress-fill').style.width = `${pct}%`;
  byId('progress-bar').setAttribute('aria-valuenow', String(pct));
  byId('progress-detail').textContent = detail;
}

export function hideProgress(): void {
  byId('progress').hidden = true;
}

export function renderPreflight(check: Preflight, sheetName: string): boolean {
  const body = byId('preflight-body');
  body.replaceChildren();
  const blocking = check.blocking.length > 0;
  if (blocking) {
    body.append(el('p', { text: `工作表“${sheetName}”暂不能计算，未发送任何数据：` }), el('ul', {}, ...check.blocking.map((b) => el('li', { text: b }))));
  }
  if (!blocking && check.unknown.length > 0) {
    body.append(
      el('p', { text: `工作表“${sheetName}”中以下列名无法识别，这些列不参与计算，也不会被改动（如是拼写问题，请改成模板中的列名）：` }),
      el('ul', {}, ...check.unknown.map((u) => el('li', { text: `“${u}”` }))),
    );
  }
  if (check.notes.length > 0) {
    body.append(el('p', { text: '已识别的花名册结构：' }), el('ul', { className: 'notes' }, ...check.notes.map((t) => el('li', { text: t }))));
  }
  if (check.missingOptional) body.append(el('p', { className: 'hint', text: check.missingOptional }));
  byId('preflight-actions').hidden = blocking || check.unknown.length === 0;
  byId('preflight').hidden = false;
  return blocking;
}

export function hidePreflight(): void {
  byId('preflight').hidden = true;
}

/** `ruleLines`: the rule set the run used and, when the 核对日期 is in another year, the note saying so (shown last). */
export function renderResults(outcome: Extract<RunOutcome, { kind: 'done' }>, onGoto: (row: AttentionRow) => void, ruleLines: readonly string[] = []): void {
  byId('results').hidden = false;
  byId('results-sheet').textContent = `· ${outcome.sheetName}`;
  byId('results-rules').replaceChildren(...ruleLines.map((t, i) => el('li', { className: i > 0 ? 'year' : '', text: t })));
  for (const node of Array.from(byId('results').querySelectorAll<HTMLElement>('[data-status]'))) {
    const status = node.dataset.status ?? '';
    node.textContent = n(isCountedStatus(status) ? outcome.counts[STATUS_KEYS[status]] : 0);
  }
  const meta = [`共 ${n(outcome.counts.total)} 人`];
  if (outcome.hiddenCount > 0) meta.push(`其中 ${n(outcome.hiddenCount)} 人所在的行已隐藏或被筛选，也已计算`);
  if (outcome.duplicateCount > 0) meta.push(`${n(outcome.duplicateCount)} 行身份证号重复，已标为“数据有误”`);
  if (outcome.created.length > 0) meta.push(`新增结果列 ${outcome.created.length} 列`);
  byId('results-meta').textContent = meta.join(' · ');
  renderDetails(outcome);

  const list = byId('attention');
  list.replaceChildren();
  for (const row of outcome.attention.slice(0, ATTENTION_LIMIT)) {
    const goto = el('button', { className: 'goto', text: '定位' });
    goto.type = 'button';
    goto.title = `选中第 ${row.sheetRow + 1} 行`;
    goto.dataset.row = String(row.sheetRow + 1);
    goto.addEventListener('click', () => onGoto(row));
    const who = el('span', { className: 'who' }, el('strong', { text: row.name || '（无姓名）' }), ` 第 ${row.sheetRow + 1} 行`, el('span', { className: 'reason', text: row.reason }));
    list.append(el('li', {}, el('span', { className: row.status === '数据有误' ? 'tag invalid' : 'tag bad', text: row.status }), who, goto));
  }
  byId('attention-wrap').hidden = outcome.attention.length === 0;
  const more = byId('attention-more');
  more.hidden = outcome.attention.length <= ATTENTION_LIMIT;
  more.textContent = `另有 ${n(outcome.attention.length - ATTENTION_LIMIT)} 人未列出，可在“状态”列筛选查看。`;
  const ids = document.getElementById('batch-ids');
  if (ids) ids.textContent = outcome.batchIds.length > 0 ? outcome.batchIds.join('，') : '（计算服务未返回）';
  // the record numbers are shown under 详细信息 with the other technical detail
  const audit = ids?.closest('p');
  if (audit) audit.hidden = true;
}

/** Technical detail behind a 详细信息 disclosure: what was understood, how it was computed, the record numbers. */
function renderDetails(outcome: Extract<RunOutcome, { kind: 'done' }>): void {
  let details = document.getElementById('results-details') as HTMLDetailsElement | null;
  if (!details) {
    details = document.createElement('details');
    details.id = 'results-details';
    details.className = 'details';
    byId('results-meta').after(details);
  }
  const lines = [
    ...outcome.notes,
    ...(outcome.counts.blank > 0 ? [`空白行 ${n(outcome.counts.blank)} 行已跳过。`] : []),
    ...(outcome.unknown.length > 0 ? [`未参与计算的列：${outcome.unknown.map((u) => `“${u}”`).join('、')}。`] : []),
    ...(outcome.missingOptional ? [outcome.missingOptional] : []),
    `分 ${outcome.requests} 部分发送给计算服务；规则 ${outcome.ruleSet}，版本 ${outcome.engineVersion}。`,
    `记录编号：${outcome.batchIds.length > 0 ? outcome.batchIds.join('，') : '（计算服务未返回）'}`,
  ];
  details.replaceChildren(el('summary', { text: '详细信息' }), el('ul', { className: 'notes' }, ...lines.map((t) => el('li', { text: t }))));
}

export function hideResults(): void {
  byId('results').hidden = true;
}
