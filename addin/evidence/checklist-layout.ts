// What goes in which cell of the sheet 审核材料清单 (pure): one group of rows per person (the person's cells merged
// down the group), one row per source of hours with the evidence the rule set requires and an empty 核验结果 cell.
import type { RuleSet, RuleSetDuties } from '../../shared/rulesets/types';
import { HOURS, TEXT, WHOLE, blockAt, rangeAddress, type LayoutBlock, type LayoutValue, type SheetLayout } from '../forms/sheet-layout';
import type { ChecklistPerson } from './checklist';
import { matchKept, orphanRows, type KeptEntry } from '../forms/kept-cells';

export const CHECKLIST_SHEET_NAME = '审核材料清单';
export const CHECKLIST_ROSTER_CELL = 'B3';
export const CHECKLIST_HEADER_ROW = 6;
export const CHECKLIST_HEADERS = ['花名册行号', '姓名', '单位', '部门', '状态', '学时来源', '认定学时', '依据条款', '应查验的证明材料', '核验结果', '备注'] as const;
/** The column the clerk fills in: kept across re-runs, by person and source of hours. */
export const VERDICT_HEADER = '核验结果';
export const CHECKLIST_KEY_HEADERS = ['姓名', '单位', '学时来源'] as const;
/** The person's columns, merged down the person's rows. */
const PERSON_COLUMNS = 5;
const WIDTHS = [10, 8, 18, 10, 8, 16, 8, 16, 52, 10, 22];
const FORMATS = CHECKLIST_HEADERS.map((h) => (h === '花名册行号' ? WHOLE : h === '认定学时' ? HOURS : TEXT));
export const PENDING_FILL = '#FFEB9C';

export type ChecklistLayoutInput = {
  people: readonly ChecklistPerson[];
  ruleSet: RuleSet;
  duties: RuleSetDuties;
  asOf: string;
  rosterSheet: string;
  madeAt: string;
  /** What the clerk typed into 核验结果 on the previous 审核材料清单. */
  kept?: readonly KeptEntry[];
};

export const itemKeys = (p: ChecklistPerson): string[][] => p.items.map((item) => [p.name, p.unit, item.source]);

/** The rows of one person: person cells on the first row only (the rest are merged into it). */
export function personRows(p: ChecklistPerson, verdicts: readonly string[] = []): LayoutValue[][] {
  return p.items.map((item, i) => [
    ...(i === 0 ? [p.sheetRow, p.name, p.unit, p.department, p.status] : ['', '', '', '', '']),
    item.source,
    item.hours ?? '',
    item.rule.clause,
    item.rule.evidence,
    verdicts[i] ?? '',
    item.note,
  ]);
}

export function buildChecklistLayout(input: ChecklistLayoutInput): SheetLayout {
  const { people, ruleSet, duties } = input;
  const width = CHECKLIST_HEADERS.length;
  const annex7 = duties.evidence.training.text;
  const blocks: LayoutBlock[] = [
    blockAt(0, 1, [[`${ruleSet.year}年度继续教育审核材料清单`]], { bold: true, fontSize: 14 }),
    blockAt(0, 2, [
      ['核对日期', input.asOf],
      ['花名册工作表', input.rosterSheet],
      ['生成时间', input.madeAt],
      ['依据', `正文四(三)：用人单位查验培训证书、鉴定证书、论文著作等有效证明材料，对不符合申报要求的予以驳回。附件1第7条：${annex7}核验后在“核验结果”列填写：合格 / 驳回 / 待补。`],
    ]),
    blockAt(0, CHECKLIST_HEADER_ROW, [[...CHECKLIST_HEADERS]], { bold: true, fill: '#DDEBF7', horizontal: 'Center' }),
  ];
  const styles: SheetLayout['styles'] = [{ address: rangeAddress(0, 5, width, 1), style: { wrap: true, vertical: 'Top' } }];
  const merges = [rangeAddress(1, 5, width - 1, 1)];
  const borders: string[] = [];
  let row = CHECKLIST_HEADER_ROW + 1;
  if (people.length === 0) {
    blocks.push(blockAt(0, row, [['没有需要查验证明材料的学时：花名册中的学时都来自市平台。']]));
    row += 1;
  } else {
    const { byRow, orphans } = matchKept(input.kept ?? [], people.flatMap(itemKeys));
    let at = 0;
    const values = people.flatMap((p) => {
      const rows = personRows(p, byRow.slice(at, at + p.items.length));
      at += p.items.length;
      return rows;
    });
    const left = orphanRows(orphans, CHECKLIST_KEY_HEADERS, VERDICT_HEADER);
    if (left.length > 0) blocks.push(blockAt(0, row + values.length + 1, left));
    blocks.push(blockAt(0, row, values, { vertical: 'Top' }, values.map(() => FORMATS)));
    styles.push({ address: rangeAddress(8, row, 1, values.length), style: { wrap: true } });
    styles.push({ address: rangeAddress(10, row, 1, values.length), style: { wrap: true } });
    for (const p of people) {
      const n = p.items.length;
      if (n > 1) for (let c = 0; c < PERSON_COLUMNS; c++) merges.push(rangeAddress(c, row, 1, n));
      if (p.status === '待补材料') styles.push({ address: rangeAddress(0, row, PERSON_COLUMNS, n), style: { fill: PENDING_FILL } });
      row += n;
    }
    borders.push(rangeAddress(0, CHECKLIST_HEADER_ROW, width, values.length + 1));
  }
  return {
    sheetName: CHECKLIST_SHEET_NAME,
    blocks,
    styles,
    merges,
    borders,
    columnWidths: WIDTHS,
    rowHeights: [{ row: 5, height: 60 }],
    freezeRows: CHECKLIST_HEADER_ROW,
    page: {
      paperSize: 'A4',
      orientation: 'Landscape',
      printArea: rangeAddress(0, 1, width, row - 1),
      fitToPages: { wide: 1, tall: null },
      margins: { top: 0.6, bottom: 0.6, left: 0.4, right: 0.4 },
      centerHorizontally: true,
      printTitleRows: `$${CHECKLIST_HEADER_ROW}:$${CHECKLIST_HEADER_ROW}`,
    },
  };
}
