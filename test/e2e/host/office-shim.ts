// What the task pane's office.js becomes in the e2e host: Office, Excel and OfficeRuntime over the host page's
// simulated workbook (window.parent.__ceSim). Installed in the task pane's own window so its errors and
// promises belong to that realm, as with the real office.js.
import { createExcel } from '../../support/excel-sim/workbook';
import type { WorkbookModel } from '../../support/excel-sim/model';

export type ActionRegistry = Map<string, (event: { completed: () => void }) => void>;

/** The prefix of OfficeRuntime.storage's keys in the host's localStorage (the page's own keys have none). */
export const OFFICE_STORAGE_PREFIX = 'office-runtime-storage:';

export function installOffice(win: Window & typeof globalThis, model: WorkbookModel, actions: ActionRegistry): void {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: { host: 'Excel', requirements: { isSetSupported: () => true }, displayLanguage: 'zh-CN' },
    actions: {
      associate: (id: string, fn: (event: { completed: () => void }) => void) => {
        actions.set(id, fn);
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
  };
  // Office's storage for the add-in is not the page's localStorage: kept under keys of its own here
  const storage = {
    getItem: async (key: string): Promise<string | null> => win.localStorage.getItem(`${OFFICE_STORAGE_PREFIX}${key}`),
    setItem: async (key: string, value: string): Promise<void> => win.localStorage.setItem(`${OFFICE_STORAGE_PREFIX}${key}`, value),
  };
  Object.assign(win, { Office: office, Excel: createExcel(model), OfficeRuntime: { storage } });
}
