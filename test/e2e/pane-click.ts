// Clicking a task-pane button and waiting for the message it shows (e2e tests).
import type { Frame } from 'playwright-core';

/** Hides and empties the pane's message, so the next one can be waited for. */
export async function clearMessage(pane: Frame): Promise<void> {
  await pane.evaluate(() => {
    const m = document.getElementById('message');
    if (m) {
      m.hidden = true;
      m.textContent = '';
    }
  });
}

/** Clicks a task-pane button and returns the message it shows once the button is enabled again. */
export async function clickForMessage(pane: Frame, id: string): Promise<string> {
  await clearMessage(pane);
  await pane.click(`#${id}`);
  await pane.waitForFunction((button) => {
    const m = document.getElementById('message');
    return !!m && !m.hidden && (m.textContent ?? '') !== '' && !(document.getElementById(button) as HTMLButtonElement).disabled;
  }, id);
  return (await pane.textContent('#message')) ?? '';
}

/** Fills 设置 (only the fields given), saves and waits for 设置已保存; `fold` closes the settings again. */
export async function saveSettings(pane: Frame, fields: { url?: string; token?: string; asOf?: string; fold?: boolean }): Promise<void> {
  await pane.evaluate(() => ((document.getElementById('settings') as HTMLDetailsElement).open = true));
  if (fields.url !== undefined) await pane.fill('#settings-url', fields.url);
  if (fields.token !== undefined) await pane.fill('#settings-token', fields.token);
  if (fields.asOf !== undefined) await pane.fill('#settings-asof', fields.asOf);
  await pane.click('#save-settings');
  await pane.waitForSelector('#message:has-text("设置已保存")');
  if (fields.fold) await pane.evaluate(() => ((document.getElementById('settings') as HTMLDetailsElement).open = false));
}
