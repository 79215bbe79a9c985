// The sheet of one 附件2 form (pure): the form's cells, merges and borders as in the notice, A4 portrait, print
// area = the form, fitted to one page; the checks made while filling go below the print area.
import type { RuleSetDuties } from '../../shared/rulesets/types';
import type { FilingCheck, FilingForm } from './filing-form';
import { rangeAddress } from '../../shared/sheet/a1';
import { GENERAL, TEXT, blockAt, safeSheetName, type CellStyle, type LayoutBlock, type LayoutValue, type SheetLayout } from '../../shared/sheet/sheet-layout';

/**
 * The form's label in the notice (its clause, e.g. 附件2): A1 of every form sheet, which is how a re-run knows the sheet
 * is the add-in's, and the start of the sheet's name. Rule-set data, like the form's title.
 */
export function filingMark(duties: RuleSetDuties): string {
  return duties.trainingPlanFiling.clause;
}
export const FILING_COLUMNS = 6;
export const FILING_LAST_ROW = 13;
export const FILING_PRINT_AREA = rangeAddress(0, 1, FILING_COLUMNS, FILING_LAST_ROW);
const WIDTHS = [16, 14, 11, 12, 13, 14];
const LABEL: CellStyle = { bold: true, wrap: true, horizontal: 'Center', vertical: 'Center' };
const VALUE: CellStyle = { wrap: true, horizontal: 'Center', vertical: 'Center' };
const LONG: CellStyle = { wrap: true, horizontal: 'Left', vertical: 'Top' };
const SEAL: CellStyle = { wrap: true, horizontal: 'Right', vertical: 'Bottom' };
export const SEAL_TEXT = '单位盖章\n年    月    日';
const LEVEL_TEXT: Record<FilingCheck['level'], string> = { error: '错误', warning: '注意', info: '说明' };

/** The sheet of a project's form: 附件2-项目名称 (the form's label, then the project's name, made safe as a sheet name). */
export function filingSheetName(projectName: string, duties: RuleSetDuties): string {
  return safeSheetName(`${filingMark(duties)}-${projectName}`);
}

type Cell = { col: number; row: number; value: LayoutValue; style: CellStyle; width?: number };

/** The form's cells (row 1-based, col 0-based; width = merged columns). */
export function filingCells(f: FilingForm, duties: RuleSetDuties): Cell[] {
  const L = (col: number, row: number, value: string, width = 1): Cell => ({ col, row, value, style: LABEL, width });
  const V = (col: number, row: number, value: LayoutValue, width = 1, style: CellStyle = VALUE): Cell => ({ col, row, value, style, width });
  const cells: Cell[] = [
    { col: 0, row: 1, value: filingMark(duties), style: { bold: true } },
    { col: 0, row: 2, value: duties.trainingPlanFiling.formTitle, style: { bold: true, fontSize: 16, horizontal: 'Center', vertical: 'Center' }, width: 6 },
    L(0, 3, '申报单位'), V(1, 3, f.unit, 2), L(3, 3, '地址'), V(4, 3, f.address, 2),
    L(0, 4, '申请培训项目名称'), V(1, 4, f.projectName, 5),
    L(0, 5, '负责人'), V(1, 5, f.leader), L(2, 5, '联系人'), V(3, 5, f.contact), L(4, 5, '联系电话'), V(5, 5, f.phone),
    L(0, 6, '是否申请为市级高级研修班'), V(1, 6, f.advancedSeminar ? '是' : '否', 5),
    L(0, 7, '培训计划'), V(1, 7, f.plan, 5, LONG),
    L(0, 8, '计划培训对象'), V(1, 8, f.audience, 3), L(4, 8, '计划培训人数'), V(5, 8, f.headcount ?? ''),
    L(0, 9, '计划培训时间'), V(1, 9, f.period), L(2, 9, '培训天数'), V(3, 9, f.days), L(4, 9, '拟计算学时'), V(5, 9, f.hours),
    L(0, 10, '培训地点及培训形式'), V(1, 10, f.placeAndForm, 5),
    L(0, 11, '申报单位意见'), V(1, 11, SEAL_TEXT, 5, SEAL),
    L(0, 12, '人社部门审核意见'), V(1, 12, SEAL_TEXT, 5, SEAL),
    { col: 0, row: 13, value: duties.trainingPlanFiling.note, style: { wrap: true, horizontal: 'Left', vertical: 'Top' }, width: 6 },
  ];
  return cells;
}

export function buildFilingLayout(f: FilingForm, checks: readonly FilingCheck[], duties: RuleSetDuties): SheetLayout {
  const cells = filingCells(f, duties);
  const blocks: LayoutBlock[] = cells.map((c) => blockAt(c.col, c.row, [[c.value]], c.style, [[typeof c.value === 'number' ? GENERAL : TEXT]]));
  const merges = cells.filter((c) => (c.width ?? 1) > 1).map((c) => rangeAddress(c.col, c.row, c.width ?? 1, 1));
  const below = FILING_LAST_ROW + 2;
  blocks.push(blockAt(0, below, [['填表检查（不在打印区域内，不会打印）']], { bold: true }));
  const lines: LayoutValue[][] = checks.length
    ? checks.map((c) => [LEVEL_TEXT[c.level], c.clause ? `${c.message}（${c.clause}）` : c.message])
    : [['说明', '未发现问题']];
  blocks.push(blockAt(0, below + 1, lines));
  blocks.push(blockAt(0, below + 2 + lines.length, [['填报日期', f.filedOn], ['备案截止', `${duties.trainingPlanFiling.deadline.value}（${duties.trainingPlanFiling.deadline.clause}，${duties.trainingPlanFiling.deadlineAppliesTo}）`]]));
  const heights: Record<number, number> = { 2: 36, 3: 30, 4: 30, 5: 30, 6: 30, 7: 150, 8: 30, 9: 30, 10: 40, 11: 100, 12: 100, 13: 48 };
  return {
    sheetName: filingSheetName(f.projectName, duties),
    blocks,
    styles: [],
    merges,
    borders: [rangeAddress(0, 3, FILING_COLUMNS, 10)],
    columnWidths: WIDTHS,
    rowHeights: Object.entries(heights).map(([row, height]) => ({ row: Number(row), height })),
    freezeRows: 0,
    page: {
      paperSize: 'A4',
      orientation: 'Portrait',
      printArea: FILING_PRINT_AREA,
      fitToPages: { wide: 1, tall: 1 },
      margins: { top: 0.75, bottom: 0.75, left: 0.7, right: 0.7 },
      centerHorizontally: true,
    },
  };
}
