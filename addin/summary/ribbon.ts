// The ribbon button 年度汇总 (manifest action id buildAnnualSummary) in the shared runtime.
import { loadSettings } from '../settings/settings';
import type { Settings } from '../settings/settings';
import { buildAnnualSummarySheet } from './summary-sheet';
import type { AnnualSummaryResult } from './summary-sheet';

export const SUMMARY_ACTION_ID = 'buildAnnualSummary';

export type SummaryOutcome = { ok: true; result: AnnualSummaryResult } | { ok: false; message: string };
type Listener = (outcome: SummaryOutcome) => void;
const listeners = new Set<Listener>();

/** The task pane can subscribe to show the outcome of a ribbon click (same shared runtime). Returns unsubscribe. */
export function onRibbonSummary(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export type RibbonDeps = {
  loadSettings: () => Promise<Settings>;
  build: typeof buildAnnualSummarySheet;
};

const defaultDeps: RibbonDeps = { loadSettings: () => loadSettings(), build: buildAnnualSummarySheet };

/** Builds the summary with the saved settings; never throws, always completes the event. */
export async function runRibbonSummary(event: { completed: () => void }, deps: RibbonDeps = defaultDeps): Promise<SummaryOutcome> {
  let outcome: SummaryOutcome;
  try {
    const s = await deps.loadSettings();
    const result = await deps.build({ workerUrl: s.workerUrl, token: s.token, asOf: s.asOf.trim() || undefined, sendPersonalData: s.sendPersonalData });
    outcome = { ok: true, result };
  } catch (e) {
    outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
  for (const l of listeners) l(outcome);
  event.completed();
  return outcome;
}

/** Registers the ribbon action (the task pane entry calls it once); a no-op where Office.actions does not exist. */
export function registerSummaryRibbonAction(deps: RibbonDeps = defaultDeps): boolean {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office?.actions) return false;
  office.actions.associate(SUMMARY_ACTION_ID, (event: Office.AddinCommands.Event) => {
    void runRibbonSummary(event, deps);
  });
  return true;
}
