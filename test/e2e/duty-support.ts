// What the duty-sheet e2e tests share: the engine's answer for a roster sheet of the simulated workbook (the
// expected rows of 提醒名单 / 审核材料清单), and a ribbon action run the way Office runs it.
import type { Page } from 'playwright-core';
import { evaluate, getRuleSet, mapHeaders, rowFromCells } from '../../shared/index';
import { getDuties } from '../../shared/rulesets/duties';
import type { CeSimHost } from './host/sim-entry';

declare global {
  interface Window {
    __ceSim?: CeSimHost;
  }
}

/** evaluate() on the roster as it stands on `sheet` (header in row 1), with what buildReminders / buildChecklist take. */
export async function engineOn(page: Page, sheet: string, asOf: string) {
  const roster = await page.evaluate((s) => window.__ceSim!.snapshot(s), sheet);
  const mapping = mapHeaders(roster[0]);
  const rows = roster.slice(1).map((cells) => rowFromCells(cells, mapping.columns));
  const answer = evaluate(rows, { asOf });
  const ruleSet = getRuleSet(answer.ruleSet);
  return { rows, results: answer.results, ruleSet, duties: getDuties(ruleSet.id), firstDataRowNumber: 2 };
}

/** Runs a ribbon action registered by the pane and waits for its event to complete. */
export function runRibbonAction(page: Page, id: string): Promise<void> {
  return page.evaluate(
    (actionId) =>
      new Promise<void>((resolve) => {
        const action = window.__ceSim!.actions.get(actionId);
        if (!action) throw new Error(`ribbon action ${actionId} not registered`);
        action({ completed: () => resolve() });
      }),
    id,
  );
}
