// The ribbon button 年度汇总 (manifest action id buildAnnualSummary) in the shared runtime.
import { loadSettings } from '../settings/settings';
import type { Settings } from '../settings/settings';
import { buildAnnualSummarySheet } from './summary-sheet';
import type { AnnualSummaryResult } from './summary-sheet';
import { associateRibbonAction, RibbonChannel, type RibbonEvent } from '../office/ribbon-command';

export const SUMMARY_ACTION_ID = 'buildAnnualSummary';

export type SummaryOutcome = { ok: true; result: AnnualSummaryResult } | { ok: false; message: string };
const channel = new RibbonChannel<SummaryOutcome>();

/** The task pane can subscribe to show the outcome of a ribbon click (same shared runtime). Returns unsubscribe. */
export function onRibbonSummary(listener: (outcome: SummaryOutcome) => void): () => void {
  return channel.subscribe(listener);
}

export type RibbonDeps = {
  loadSettings: () => Promise<Settings>;
  build: typeof buildAnnualSummarySheet;
};

const defaultDeps: RibbonDeps = { loadSettings: () => loadSettings(), build: buildAnnualSummarySheet };

/** Builds the summary with the saved settings; never throws, always completes the event. */
export function runRibbonSummary(event: RibbonEvent, deps: RibbonDeps = defaultDeps): Promise<SummaryOutcome> {
  return channel.run(
    event,
    async () => {
      const s = await deps.loadSettings();
      const result = await deps.build({ workerUrl: s.workerUrl, token: s.token, asOf: s.asOf.trim() || undefined, sendPersonalData: s.sendPersonalData });
      return { ok: true, result };
    },
    (e) => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
  );
}

/** Registers the ribbon action (the task pane entry calls it once); a no-op where Office.actions does not exist. */
export function registerSummaryRibbonAction(deps: RibbonDeps = defaultDeps): boolean {
  return associateRibbonAction(SUMMARY_ACTION_ID, (event) => void runRibbonSummary(event, deps));
}
