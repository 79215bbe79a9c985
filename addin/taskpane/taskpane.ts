// Task pane entry, and the shared runtime's page: as Microsoft's shared-runtime guidance does, the custom functions
// (CustomFunctions.associate, one per id of functions.json) and the ribbon action (Office.actions.associate) are
// registered when this script loads, before Office.onReady. Outside Excel the pane says so instead of throwing.
import { registerCustomFunctions } from '../functions/functions';
import { onRibbonSummary, registerSummaryRibbonAction } from '../summary/ribbon';
import { buildAnnualSummarySheet, type AnnualSummaryResult } from '../summary/summary-sheet';
import { writeRosterTemplate } from '../template/roster-template';
import { WorkerClient } from '../api/client';
import { NO_TOKEN_MESSAGE, WorkerError } from '../api/errors';
import { requestLimitsFrom } from '../../shared/sheet/chunks';
import { ChunkError } from '../compute/compute';
import { excelErrorMessage } from '../office/errors';
import { selectSheetRow } from '../office/navigate';
import { runCompute, type RunOutcome } from '../compute/run';
import { insertSampleRoster } from '../template/sample-sheet';
import { localIsoDate } from '../../shared/local-time';
import { loadSettings, saveSettings, tokenPlaceMessage, validateSettings, type Settings } from '../settings/settings';
import { byId, clearMessage, showMessage } from './dom';
import { chooseSummarySheets } from './sheet-chooser';
import { hidePreflight, hideProgress, hideResults, renderPreflight, renderResults, showProgress } from './render';
import { initDutiesPane, renderDutyTexts } from '../duties/duties-pane';
import { workbookRuleSet } from '../settings/rule-set-choice';
import { initRuleSetCard, renderRuleSet, ruleSetLines } from './rule-set-card';

let busy = false;
let controller: AbortController | null = null;
let acceptedUnknown: string[] = [];
let pendingUnknown: string[] = [];
let lastDone: Extract<RunOutcome, { kind: 'done' }> | null = null;

const input = (id: string): HTMLInputElement => byId<HTMLInputElement>(id);
const ACTION_BUTTONS = ['compute', 'insert-sample', 'insert-template', 'summary', 'accept-unknown'];

function setBusy(on: boolean): void {
  busy = on;
  for (const id of ACTION_BUTTONS) byId<HTMLButtonElement>(id).disabled = on;
}

function readForm(): Settings {
  return {
    workerUrl: input('settings-url').value,
    token: input('settings-token').value,
    asOf: input('settings-asof').value,
    sendPersonalData: input('settings-send-personal').checked,
  };
}

/** The 核对日期 in effect: the settings' date, else today. */
const asOfInEffect = (): string => readForm().asOf.trim() || localIsoDate();

function errorText(e: unknown): string {
  if (e instanceof ChunkError || e instanceof WorkerError) return e.message;
  return excelErrorMessage(e);
}

/** The settings as filled in, or null after saying what is wrong; `needToken`: 计算学时 sends rows only with a token. */
async function currentSettings(needToken = false): Promise<Settings | null> {
  const s = readForm();
  const problems = validateSettings(s);
  if (needToken && s.token.trim() === '') problems.push(NO_TOKEN_MESSAGE);
  if (problems.length > 0) {
    showMessage(problems.join(' '));
    byId<HTMLDetailsElement>('settings').open = true;
    return null;
  }
  return s;
}

async function compute(): Promise<void> {
  if (busy) return;
  const settings = await currentSettings(true);
  if (!settings) return;
  clearMessage();
  hideResults();
  let choice;
  try {
    choice = workbookRuleSet();
  } catch (e) {
    showMessage(errorText(e));
    return;
  }
  setBusy(true);
  controller = new AbortController();
  const cancel = byId<HTMLButtonElement>('cancel');
  cancel.disabled = false;
  cancel.textContent = '取消';
  try {
    const client = new WorkerClient({ baseUrl: settings.workerUrl, token: settings.token });
    const asOf = settings.asOf.trim() || localIsoDate();
    const outcome = await runCompute({
      evaluator: client,
      asOf,
      ruleSet: choice.ruleSet.id,
      sendPersonalData: settings.sendPersonalData,
      signal: controller.signal,
      acceptUnknown: acceptedUnknown,
      onProgress: (p) => showProgress(p.phase, p.done, p.total, p.detail),
      onWriteStart: () => {
        cancel.disabled = true;
        cancel.textContent = '写入中…';
      },
    });
    hideProgress();
    if (outcome.kind === 'preflight') {
      pendingUnknown = outcome.preflight.unknown;
      renderPreflight(outcome.preflight, outcome.sheetName);
      showMessage(
        outcome.preflight.blocking.length > 0 ? '表头检查未通过，未发送任何数据。' : '发现无法识别的列名，请确认后继续。',
        outcome.preflight.blocking.length > 0 ? 'error' : 'info',
      );
      return;
    }
    hidePreflight();
    lastDone = outcome;
    renderResults(outcome, (row) => void gotoRow(row.sheetRow), ruleSetLines(choice, asOf));
    showMessage(`已完成：${outcome.counts.total} 人的结果已写入工作表“${outcome.sheetName}”。`, 'success');
  } catch (e) {
    hideProgress();
    showMessage(errorText(e));
    const status = byId('connection-status');
    status.className = 'hint';
    status.textContent = '';
  } finally {
    controller = null;
    setBusy(false);
  }
}

/** Who computed 年度汇总 and, for the bundled engine, why. */
function summaryDoneMessage(r: AnnualSummaryResult): string {
  const how = r.computedBy === 'worker'
    ? r.reused ? '由计算服务计算，沿用刚才“计算学时”的结果，花名册未改动，未重新发送' : '由计算服务计算'
    : `由本地引擎计算：${r.fallbackReason ?? ''}`;
  return `已生成“年度汇总”工作表（${r.rows} 行，${how}）。`;
}

async function gotoRow(row: number): Promise<void> {
  if (!lastDone) return;
  const target = { sheetId: lastDone.sheetId, row, firstCol: lastDone.firstCol, columnCount: lastDone.columnCount };
  try {
    await Excel.run((context) => selectSheetRow(context, target));
  } catch (e) {
    showMessage(`无法定位到第 ${row + 1} 行：${errorText(e)}`);
  }
}

async function guarded(action: () => Promise<string>): Promise<void> {
  if (busy) return;
  clearMessage();
  setBusy(true);
  try {
    showMessage(await action(), 'success');
  } catch (e) {
    showMessage(errorText(e));
  } finally {
    setBusy(false);
  }
}

async function testConnection(): Promise<void> {
  const status = byId('connection-status');
  const s = await currentSettings();
  if (!s) return;
  status.className = 'hint';
  status.textContent = '正在连接…';
  try {
    const client = new WorkerClient({ baseUrl: s.workerUrl, token: s.token, timeoutMs: 15_000 });
    const health = await client.health();
    const rules = (await client.rules()) as { ruleSets?: { id?: string; year?: number }[] } | { id?: string; year?: number }[];
    const list = Array.isArray(rules) ? rules : (rules.ruleSets ?? []);
    const ids = list.map((r) => (r.year ? `${r.id}（${r.year}年度）` : String(r.id))).join('、');
    status.className = 'hint ok';
    const sized = requestLimitsFrom(health.limits ?? null);
    status.textContent = `连接成功 · 引擎版本 ${health.engineVersion} · 规则 ${ids || '（未列出）'} · 每次最多发送 ${sized.maxRowsPerRequest} 行`;
  } catch (e) {
    status.className = 'hint bad';
    status.textContent = `连接失败：${errorText(e)}`;
  }
}

async function init(): Promise<void> {
  const s = await loadSettings();
  input('settings-url').value = s.workerUrl;
  input('settings-token').value = s.token;
  input('settings-asof').value = s.asOf;
  input('settings-send-personal').checked = s.sendPersonalData;
  if (!s.token) byId<HTMLDetailsElement>('settings').open = true;

  byId('compute').addEventListener('click', () => {
    acceptedUnknown = [];
    hidePreflight();
    void compute();
  });
  byId('accept-unknown').addEventListener('click', () => {
    acceptedUnknown = pendingUnknown;
    hidePreflight();
    void compute();
  });
  byId('cancel').addEventListener('click', () => {
    controller?.abort();
    byId('progress-detail').textContent = '正在取消…';
  });
  byId('insert-sample').addEventListener('click', () =>
    void guarded(async () => {
      const ruleSet = workbookRuleSet().ruleSet.id;
      const r = await Excel.run((context) => insertSampleRoster(context, ruleSet));
      return `已插入工作表“${r.sheetName}”（${r.rows} 行示例数据），可直接点击“计算学时”。`;
    }),
  );
  byId('insert-template').addEventListener('click', () =>
    void guarded(async () => {
      await writeRosterTemplate();
      return '已插入花名册模板：按列名填写后点击“计算学时”。';
    }),
  );
  byId('summary').addEventListener('click', () =>
    void guarded(async () => {
      const f = readForm();
      const sheets = await chooseSummarySheets();
      if (sheets === null) return '已取消年度汇总。';
      const r = await buildAnnualSummarySheet({ workerUrl: f.workerUrl, token: f.token, asOf: f.asOf.trim() || undefined, sendPersonalData: f.sendPersonalData, sheets });
      return [summaryDoneMessage(r), ...(r.notes ?? [])].join(' ');
    }),
  );
  byId('save-settings').addEventListener('click', () =>
    void (async () => {
      const f = readForm();
      const problems = validateSettings(f);
      if (problems.length > 0) return showMessage(problems.join(' '));
      await saveSettings(f);
      renderRuleSet(asOfInEffect());
      showMessage('设置已保存（仅保存在本机当前用户）。', 'success');
    })(),
  );
  byId('test-connection').addEventListener('click', () => void testConnection());
  initRuleSetCard({ asOf: asOfInEffect, say: showMessage, chosen: renderDutyTexts });
  input('settings-asof').addEventListener('input', () => renderRuleSet(asOfInEffect()));
  initDutiesPane({ asOf: asOfInEffect, today: () => localIsoDate(), run: guarded });
  // The ribbon's 年度汇总 runs in this same runtime: show its outcome here too.
  onRibbonSummary((o) =>
    o.ok
      ? showMessage(summaryDoneMessage(o.result), o.result.computedBy === 'worker' ? 'success' : 'info')
      : showMessage(o.message),
  );
}

/** Outside Excel (a plain browser, or office.js did not load): say so, and leave every action disabled. */
export const OUTSIDE_OFFICE_MESSAGE =
  '请在 Excel 中打开本加载项：当前页面不在 Excel 中（或 Office 脚本未能加载），无法读取工作表。请在 Excel 的“开始”选项卡点击“继续教育学时”组中的“打开任务窗格”。';

function outsideOffice(): void {
  setBusy(true);
  showMessage(OUTSIDE_OFFICE_MESSAGE, 'info');
}

registerCustomFunctions();
registerSummaryRibbonAction();
const office = (globalThis as { Office?: typeof Office }).Office;
if (!office?.onReady) outsideOffice();
else {
  void office.onReady((info) => {
    if (!info?.host) outsideOffice();
    else void init();
  });
}
