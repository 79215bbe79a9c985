// Clicking a task-pane button and waiting for the message it shows (e2e tests).
import type { Frame } from 'playwright-core';

/** Clicks a task-pane button and returns the message it shows once the button is enabled again. */
export async function clickForMessage(pane: Frame, id: string): Promise<string> {
  await pane.evaluate(() => {
    const m = document.getElementById('message');
    if (m) {
      m.hidden = true;
      m.textContent = '';
    }
  });
  await pane.click(`#${id}`);
  await pane.waitForFunction((button) => {
    const m = document.getElementById('message');
    return !!m && !m.hidden && (m.textContent ?? '') !== '' && !(document.getElementById(button) as HTMLButtonElement).disabled;
  }, id);
  return (await pane.textContent('#message')) ?? '';
}
