// The e2e bundle (built as an IIFE by the e2e global setup). In the host page it owns the simulated workbook and
// draws it (grid, charts, print preview); served as office.js inside the task pane iframe it installs Office/Excel
// over the host's workbook (the same simulator as the Node tests: test/support/excel-sim).
import { WorkbookModel, type Scalar } from '../../support/excel-sim/model';
import { renderSimCharts } from './charts';
import { renderGrid } from './grid';
import { renderPrintPreview } from './print-preview';
import { installOffice, type ActionRegistry } from './office-shim';

export type CeSimHost = {
  model: WorkbookModel;
  actions: ActionRegistry;
  /** Values of a sheet from A1 to the used range's bottom-right corner. */
  snapshot(sheetName: string): Scalar[][];
  formats(sheetName: string): string[][];
  sheetNames(): string[];
  frozenRows(sheetName: string): number;
  conditionalFormats(sheetName: string): unknown[];
  selection(): { sheet: string; row: number; col: number; rows: number; cols: number };
  render(): void;
};

type SimWindow = Window &
  typeof globalThis & { __ceSim?: CeSimHost; __cePrintPreview?: (sheetName: string) => { scale: number; pages: number } };

function createHost(win: SimWindow): CeSimHost {
  const model = new WorkbookModel();
  model.addSheet('Sheet1');
  const grid = win.document.getElementById('grid');
  const sheetOf = (name: string) => {
    const s = model.sheet(name);
    if (!s) throw new Error(`no sheet ${name}`);
    return s;
  };
  const host: CeSimHost = {
    model,
    actions: new Map(),
    snapshot(name) {
      const s = sheetOf(name);
      const box = s.usedBox();
      return box ? s.block(0, 0, box.row + box.rows, box.col + box.cols) : [];
    },
    formats(name) {
      const s = sheetOf(name);
      const box = s.usedBox();
      return box ? s.formatBlock(0, 0, box.row + box.rows, box.col + box.cols) : [];
    },
    sheetNames: () => model.sheets.map((s) => s.name),
    frozenRows: (name) => sheetOf(name).frozenRows,
    conditionalFormats: (name) => sheetOf(name).conditionalFormats.map((f) => ({ ...f, rule: { ...f.rule } })),
    selection() {
      const sel = model.selection;
      return { sheet: model.sheet(sel.sheetId)?.name ?? '', row: sel.row, col: sel.col, rows: sel.rows, cols: sel.cols };
    },
    render() {
      if (!grid) return;
      renderGrid(grid, model);
      renderSimCharts(grid, model);
    },
  };
  model.onChange = () => host.render();
  host.render();
  return host;
}

const win = window as SimWindow;
const parentSim = win.parent !== win ? (win.parent as SimWindow).__ceSim : undefined;
if (parentSim) installOffice(win, parentSim.model, parentSim.actions);
else {
  win.__ceSim = createHost(win);
  win.__cePrintPreview = (name) => renderPrintPreview(win.document, model(win), name);
}

function model(w: SimWindow): WorkbookModel {
  if (!w.__ceSim) throw new Error('no simulated workbook');
  return w.__ceSim.model;
}
