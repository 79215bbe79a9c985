// The .xlsx web page: choose or drop a roster, preflight, 开始核对 (local engine by default), counts, the attention
// list and 下载核对结果 (a new .xlsx). Everything runs in this browser unless the clerk chooses the 计算服务.
import { DEFAULT_RULE_SET, choiceLabel, getRuleSet, listRuleSets, usedLine, yearNote } from '../../shared/index';
import { localIsoDate } from '../../shared/local-time';
import { checkRoster, CancelledError, sheetList, type CheckOutcome, type CheckProgress } from '../check-roster';
import { RosterFileError, XlsxFileError, openRoster, type OpenOptions, type OpenedRoster } from '../roster-file';
import { renderAttention, renderCounts, renderPreflight } from './render';

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const e = document.getElementById(id);
  if (!e) throw new Error(`页面缺少 #${id}`);
  return e as T;
};

const fileInput = $<HTMLInputElement>('file');
const drop = $('drop');
const asOf = $<HTMLInputElement>('as-of');
const ruleSetChoice = $<HTMLSelectElement>('rule-set');
const modeService = $<HTMLInputElement>('mode-service');
const serviceFields = $('service-fields');
const serviceUrl = $<HTMLInputElement>('service-url');
const serviceToken = $<HTMLInputElement>('service-token');
const message = $('message');
const preflightCard = $('preflight');
const progressCard = $('progress-card');
const progress = $<HTMLProgressElement>('progress');
const progressText = $('progress-text');
const resultCard = $('result');

type State = {
  file: { name: string; bytes: Uint8Array } | null;
  opened: OpenedRoster | null;
  outcome: CheckOutcome | null;
  controller: AbortController | null;
  url: string | null;
};
const state: State = { file: null, opened: null, outcome: null, controller: null, url: null };

asOf.value = localIsoDate();
ruleSetChoice.replaceChildren(
  ...listRuleSets().map((rs) => {
    const option = document.createElement('option');
    option.value = rs.id;
    option.textContent = choiceLabel(rs, rs.id === DEFAULT_RULE_SET);
    option.title = rs.title;
    return option;
  }),
);
ruleSetChoice.value = DEFAULT_RULE_SET;
/** Whether the clerk picked the rule set (else the default is used, and said to be). */
let ruleSetPicked = false;

/** The 核对日期 in effect: the field's date, else today. */
const asOfInEffect = (): string => asOf.value || localIsoDate();

/** The rule set's lines: which one and why, and the note when the 核对日期 is in another year. */
function ruleSetLines(): string[] {
  const rs = getRuleSet(ruleSetChoice.value);
  const note = yearNote(rs, asOfInEffect());
  return [usedLine(rs, ruleSetPicked), ...(note ? [note] : [])];
}

/** The title line, the choice and the year note, from the chosen rule set's data. */
function renderRuleSet(): void {
  const rs = getRuleSet(ruleSetChoice.value);
  $('notice-line').textContent = `按${rs.notice}（${rs.year} 年度）`;
  const [used, note] = ruleSetLines();
  $('rule-set-line').textContent = used;
  const shown = $('year-note');
  shown.hidden = note === undefined;
  shown.textContent = note ?? '';
}
renderRuleSet();
const local = location.hostname === 'localhost' || location.hostname === '127.0.0.1';
serviceUrl.value = local && typeof __CE_WORKER_URL__ === 'string' && __CE_WORKER_URL__ ? __CE_WORKER_URL__ : location.origin;

function showMessage(text: string | null, kind: 'error' | 'info' = 'error'): void {
  message.hidden = text === null;
  message.textContent = text ?? '';
  message.className = kind === 'error' ? 'message' : 'message info';
  message.setAttribute('role', kind === 'error' ? 'alert' : 'status');
}

function show(card: 'preflight' | 'progress' | 'result' | null): void {
  preflightCard.hidden = card !== 'preflight';
  progressCard.hidden = card !== 'progress';
  resultCard.hidden = card !== 'result';
}

const PHASE_TEXT: Record<CheckProgress['phase'], string> = { compute: '计算', write: '写入结果', save: '生成结果文件' };
/** Share of the bar per phase (reading is 0–20 %, computing 20–70 %, writing 70–80 %, saving 80–100 %). */
const PHASE_SPAN: Record<CheckProgress['phase'], [number, number]> = { compute: [20, 70], write: [70, 80], save: [80, 100] };

function setProgress(percent: number, text: string): void {
  progress.value = Math.max(0, Math.min(100, percent));
  progressText.textContent = text;
}

const nextFrame = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/** How the page opens a file: its words (no --sheet), what this tab's heap has left, the chosen rule set's columns. */
const PAGE_OPEN = (): OpenOptions => ({ reader: 'page', memoryBudget: memoryBudget(), where: '这个浏览器标签页', ruleSet: ruleSetChoice.value });

/** What this tab's JavaScript heap has left (Chromium says; other browsers: not checked). */
function memoryBudget(): number | undefined {
  const m = (performance as Performance & { memory?: { jsHeapSizeLimit: number; usedJSHeapSize: number } }).memory;
  return m ? m.jsHeapSizeLimit - m.usedJSHeapSize : undefined;
}

async function choose(file: File): Promise<void> {
  reset(false);
  show('progress');
  setProgress(2, `正在读取“${file.name}”（文件只在本机读取）…`);
  await nextFrame();
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    show(null);
    fail(e);
    return;
  }
  await preflightOf(file.name, bytes);
}

/** Reads the roster's sheets by the chosen rule set's columns and shows the preflight (again after another choice). */
async function preflightOf(name: string, bytes: Uint8Array): Promise<void> {
  const controller = new AbortController();
  state.controller = controller;
  show('progress');
  try {
    setProgress(8, `正在识别花名册…`);
    await nextFrame();
    const opened = await openRoster(name, bytes, PAGE_OPEN());
    if (controller.signal.aborted) throw new CancelledError();
    state.file = { name, bytes };
    state.opened = opened;
    renderPreflight($('preflight-body'), opened);
    show('preflight');
    $('step2').focus();
  } catch (e) {
    show(null);
    fail(e);
  } finally {
    state.controller = null;
  }
}

function fail(e: unknown): void {
  if (e instanceof CancelledError) {
    showMessage(e.message, 'info');
    return;
  }
  if (e instanceof RosterFileError || e instanceof XlsxFileError) {
    showMessage(e.message);
    return;
  }
  const why = e instanceof Error ? e.message : String(e);
  showMessage(`核对失败，没有生成结果文件：${why}`);
}

async function start(): Promise<void> {
  if (!state.file) return;
  const service = modeService.checked ? { url: serviceUrl.value.trim(), token: serviceToken.value.trim() } : null;
  if (service && (!service.url || !service.token)) {
    showMessage('选择了“计算服务”：请填写计算服务地址和访问令牌，或改选“本机计算”。');
    return;
  }
  showMessage(null);
  state.controller = new AbortController();
  show('progress');
  $<HTMLButtonElement>('cancel').focus();
  setProgress(20, '开始计算…');
  try {
    // A cancelled or failed run may have half-written the workbook in memory: read the file again first (and when
    // the preflight read it by another rule set's columns).
    const ruleSet = ruleSetChoice.value;
    const kept = state.opened !== null && state.opened.plans.every((p) => p.ruleSet === ruleSet) ? state.opened : null;
    const opened = kept ?? (await openRoster(state.file.name, state.file.bytes, PAGE_OPEN()));
    state.opened = null;
    const lines = ruleSetLines();
    state.outcome = await checkRoster(opened, {
      reader: 'page',
      asOf: asOf.value || undefined,
      ruleSet,
      service,
      signal: state.controller.signal,
      onProgress: (p) => {
        const [from, to] = PHASE_SPAN[p.phase];
        const share = p.total > 0 ? p.done / p.total : 0;
        const count = p.phase === 'compute' ? `（${p.done}/${p.total} 人）` : '';
        setProgress(from + (to - from) * share, `${PHASE_TEXT[p.phase]}${count}…`);
      },
    });
    const name = opened.fileName.replace(/\.[^.]*$/, '');
    state.url = URL.createObjectURL(new Blob(state.outcome.file as BlobPart[], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    $('download').dataset.fileName = `${name}-核对结果.xlsx`;
    renderCounts($('counts'), state.outcome.counts, state.outcome.computedBy);
    renderAttention($('attention'), state.outcome.attention, opened.plans.length > 1);
    $('result-rules').replaceChildren(
      ...lines.map((t, i) => {
        const li = document.createElement('li');
        li.textContent = t;
        if (i > 0) li.className = 'year';
        return li;
      }),
    );
    $('result-note').textContent = `结果文件：${name}-核对结果.xlsx（原文件未改动），含${sheetList(opened.names.summary, state.outcome.dutySheets)}。`;
    setProgress(100, '完成');
    show('result');
    $('step3').focus();
  } catch (e) {
    show('preflight');
    fail(e);
  } finally {
    state.controller = null;
  }
}

function download(): void {
  if (!state.url) return;
  const a = document.createElement('a');
  a.href = state.url;
  a.download = $('download').dataset.fileName ?? '核对结果.xlsx';
  document.body.append(a);
  a.click();
  a.remove();
}

function reset(clearInput = true): void {
  if (state.url) URL.revokeObjectURL(state.url);
  state.url = null;
  state.file = null;
  state.opened = null;
  state.outcome = null;
  showMessage(null);
  show(null);
  if (clearInput) {
    fileInput.value = '';
    fileInput.focus();
  }
}

fileInput.addEventListener('change', () => {
  const f = fileInput.files?.[0];
  // Cleared so that choosing the same file again (after fixing it) reads it again.
  fileInput.value = '';
  if (f) void choose(f);
});
for (const ev of ['dragenter', 'dragover'] as const) {
  drop.addEventListener(ev, (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
}
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  const f = e.dataTransfer?.files?.[0];
  if (f) void choose(f);
});
// The label is the visible control: Enter or Space on it opens the file chooser.
drop.tabIndex = 0;
drop.setAttribute('role', 'button');
drop.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' || e.key === ' ') {
    e.preventDefault();
    fileInput.click();
  }
});
for (const r of document.querySelectorAll<HTMLInputElement>('input[name="mode"]')) {
  r.addEventListener('change', () => {
    serviceFields.hidden = !modeService.checked;
    $('privacy').textContent = modeService.checked
      ? '已选择“计算服务”：开始核对后，各人的学时数据会发送到下面填写的计算服务（姓名和身份证号不发送，由本机核对）；不想上传请改选“本机计算”。'
      : '默认在本机浏览器中读取和计算，花名册不会上传；只有选择“计算服务”时才会把人员数据发送到单位的计算服务。';
  });
}
ruleSetChoice.addEventListener('change', () => {
  ruleSetPicked = true;
  renderRuleSet();
  // Another rule set reads other columns (and names them in the preflight): a chosen file is read again by it, and a
  // result made by the previous one is put away.
  const file = state.file;
  if (file === null || state.controller !== null) return;
  if (state.url) URL.revokeObjectURL(state.url);
  state.url = null;
  state.outcome = null;
  state.opened = null;
  showMessage(null);
  void preflightOf(file.name, file.bytes);
});
asOf.addEventListener('input', renderRuleSet);
$('start').addEventListener('click', () => void start());
$('reset').addEventListener('click', () => reset());
$('again').addEventListener('click', () => reset());
$('cancel').addEventListener('click', () => state.controller?.abort());
$('download').addEventListener('click', download);
