// What the task pane's office.js becomes in the e2e host: Office, Excel and OfficeRuntime over the host page's
// simulated workbook (window.parent.__ceSim). Installed in the task pane's own window so its errors and
// promises belong to that realm, as with the real office.js. Office.context.document.settings is, as in Office, an
// in-memory copy of the workbook's settings loaded when the add-in starts, written back by saveAsync.
import { createExcel } from '../../support/excel-sim/workbook';
import type { WorkbookModel } from '../../support/excel-sim/model';

export type ActionRegistry = Map<string, (event: { completed: () => void }) => void>;

/** The prefix of OfficeRuntime.storage's keys in the host's localStorage (the page's own keys have none). */
export const OFFICE_STORAGE_PREFIX = 'office-runtime-storage:';

export function installOffice(win: Window & typeof globalThis, model: WorkbookModel, actions: ActionRegistry): void {
  const info = { host: 'Excel', platform: 'OfficeOnline' };
  const copy = new Map(model.settings);
  const settings = {
    get: (name: string): unknown => (copy.has(name) ? copy.get(name) : null),
    set: (name: string, value: unknown): void => void copy.set(name, JSON.parse(JSON.stringify(value)) as unknown),
    remove: (name: string): void => void copy.delete(name),
    saveAsync(callback?: (result: { status: string }) => void): void {
      for (const [k, v] of copy) model.settings.set(k, v);
      setTimeout(() => callback?.({ status: 'succeeded' }), 0);
    },
  };
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    context: { host: 'Excel', requirements: { isSetSupported: () => true }, displayLanguage: 'zh-CN', document: { settings } },
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
