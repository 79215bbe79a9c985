// The ribbon action: registered where Office.actions exists, reads the saved settings, always completes the event.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SUMMARY_ACTION_ID, onRibbonSummary, registerSummaryRibbonAction, runRibbonSummary } from '../../addin/summary/ribbon';
import type { RibbonDeps } from '../../addin/summary/ribbon';

afterEach(() => vi.unstubAllGlobals());

const settings = { workerUrl: 'http://127.0.0.1:8787', token: 'tok', asOf: '', sendPersonalData: false };

describe('ribbon 年度汇总', () => {
  it('builds with the saved settings (blank 核对日期 = today) and completes the event', async () => {
    const build = vi.fn<RibbonDeps['build']>(async () => ({ computedBy: 'worker' as const, rows: 7, fallbackReason: null }));
    const completed = vi.fn();
    const seen: unknown[] = [];
    const off = onRibbonSummary((o) => seen.push(o));
    const out = await runRibbonSummary({ completed }, { loadSettings: async () => settings, build });
    off();
    expect(build).toHaveBeenCalledWith({ workerUrl: settings.workerUrl, token: 'tok', asOf: undefined, sendPersonalData: false });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(out).toEqual({ ok: true, result: { computedBy: 'worker', rows: 7, fallbackReason: null } });
    expect(seen).toEqual([out]);
  });

  it('passes a saved 核对日期 through', async () => {
    const build = vi.fn<RibbonDeps['build']>(async () => ({ computedBy: 'local' as const, rows: 1, fallbackReason: null }));
    await runRibbonSummary({ completed: () => undefined }, { loadSettings: async () => ({ ...settings, asOf: ' 2023-11-01 ' }), build });
    expect(build.mock.calls[0][0].asOf).toBe('2023-11-01');
  });

  it('a failure still completes the event and reports the Chinese message', async () => {
    const completed = vi.fn();
    const out = await runRibbonSummary(
      { completed },
      { loadSettings: async () => settings, build: async () => { throw new Error('缺少必需的列：姓名'); } },
    );
    expect(out).toEqual({ ok: false, message: '缺少必需的列：姓名' });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it('registers buildAnnualSummary with Office.actions.associate, and is a no-op without it', async () => {
    expect(registerSummaryRibbonAction()).toBe(false);
    const associate = vi.fn();
    vi.stubGlobal('Office', { actions: { associate } });
    const build = vi.fn<RibbonDeps['build']>(async () => ({ computedBy: 'local' as const, rows: 2, fallbackReason: null }));
    expect(registerSummaryRibbonAction({ loadSettings: async () => settings, build })).toBe(true);
    expect(associate).toHaveBeenCalledWith(SUMMARY_ACTION_ID, expect.any(Function));
    const completed = vi.fn();
    (associate.mock.calls[0][1] as (e: { completed: () => void }) => void)({ completed } as never);
    await vi.waitFor(() => expect(completed).toHaveBeenCalled());
    expect(build).toHaveBeenCalledTimes(1);
  });
});
