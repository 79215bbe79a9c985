// What goes in which cell of the sheet 审核材料清单 (pure): one group of rows per person (the person's cells merged
// down the group), one row per source of hours with the evidence the rule set requires and an empty 核验结果 cell.
import { rangeAddress } from '../../shared/sheet/a1';
import { HOURS, TEXT, WHOLE, blockAt, expandList, type LayoutValue, type ListRow, type ListRows, type SheetLayout } from '../../shared/sheet/sheet-layout';
import { DUTY_HEADER_ROW, DUTY_ROSTER_CELL, dutyPage, dutySheetHead, type DutySheetMeta } from '../duties/duty-head';
import type { ChecklistPerson } from './checklist';
import { matchKept, orphanRows } from '../duties/kept-cells';

export const CHECKLIST_SHEET_NAME = '审核材料清单';
export const CHECKLIST_ROSTER_CELL = DUTY_ROSTER_CELL;
export const CHECKLIST_HEADER_ROW = DUTY_HEADER_ROW;
export const CHECKLIST_HEADERS = ['花名册行号', '姓名', '单位', '部门', '状态', '学时来源', '认定学时', '依据条款', '应查验的证明材料', '核验结果', '备注'] as const;
/** The column the clerk fills in: kept across re-runs, by person and source of hours. */
export const VERDICT_HEADER = '核验结果';
export const CHECKLIST_KEY_HEADERS = ['姓名', '单位', '学时来源'] as const;
/** The person's columns, merged down the person's rows. */
const PERSON_COLUMNS = 5;
const WIDTHS = [10, 8, 18, 10, 8, 16, 8, 16, 52, 10, 22];
const FORMATS = CHECKLIST_HEADERS.map((h) => (h === '花名册行号' ? WHOLE : h === '认定学时' ? HOURS : TEXT));
export const PENDING_FILL = '#FFEB9C';

export type ChecklistLayoutInput = DutySheetMeta & { people: readonly ChecklistPerson[] };

export const itemKeys = (p: ChecklistPerson): string[][] => p.items.map((item) => [p.name, p.unit, item.label]);

/** The rows of one person: person cells on the first row only (the rest are merged into it). */
export function personRows(p: ChecklistPerson, verdicts: readonly string[] = []): LayoutValue[][] {
  return p.items.map((item, i) => [
    ...(i === 0 ? [p.rowNumber, p.name, p.unit, p.department, p.status] : ['', '', '', '', '']),
    item.label,
    item.hours ?? '',
    item.rule.clause,
    item.rule.evidence,
    verdicts[i] ?? '',
    item.note,
  ]);
}

/** The sheet; `listRows` 'when-written' gives the people's rows as a list made when written (the .xlsx writer). */
export function buildChecklistLayout(input: ChecklistLayoutInput, listRows: ListRows = 'arrays'): SheetLayout {
  const { people, ruleSet, duties } = input;
  const width = CHECKLIST_HEADERS.length;
  const annex7 = duties.evidence.training.text;
  const head = dutySheetHead(input, `${ruleSet.year}年度继续教育审核材料清单`, [
    '依据',
    `正文四(三)：用人单位查验培训证书、鉴定证书、论文著作等有效证明材料，对不符合申报要求的予以驳回。附件1第7条：${annex7}核验后在“核验结果”列填写：合格 / 驳回 / 待补；重新生成时会保留。`,
  ], CHECKLIST_HEADERS);
  const { blocks, styles } = head;
  const merges = [...head.merges];
  const borders: string[] = [];
  let row = CHECKLIST_HEADER_ROW + 1;
  const { byRow, orphans } = matchKept(input.kept ?? [], people.flatMap(itemKeys));
  const left = orphanRows(orphans, CHECKLIST_KEY_HEADERS, VERDICT_HEADER);
  const rowCount = Math.max(1, byRow.length);
  if (left.length > 0) blocks.push(blockAt(0, row + rowCount + 1, left));
  let list: SheetLayout['list'];
  if (people.length === 0) {
    blocks.push(blockAt(0, row, [['没有需要查验证明材料的学时：花名册中的学时都来自市平台。']]));
    row += 1;
  } else {
    const count = byRow.length;
    styles.push({ address: rangeAddress(8, row, 1, count), style: { wrap: true } });
    styles.push({ address: rangeAddress(10, row, 1, count), style: { wrap: true } });
    borders.push(rangeAddress(0, CHECKLIST_HEADER_ROW, width, count + 1));
    // a group of rows a person: the person's cells merged down it, a person whose evidence is pending in yellow
    list = {
      firstRow: row,
      rowCount: count,
      width,
      numberFormat: FORMATS,
      style: { vertical: 'Top' },
      *rows(): Iterable<ListRow> {
        let at = 0;
        for (const p of people) {
          const n = p.items.length;
          const rows = personRows(p, byRow.slice(at, at + n));
          at += n;
          for (const [i, values] of rows.entries()) {
            if (i > 0) yield { values };
            else yield { values, ...(p.status === '待补材料' ? { highlight: { col: 0, width: PERSON_COLUMNS, rows: n, style: { fill: PENDING_FILL } } } : {}), ...(n > 1 ? { mergeDown: { col: 0, width: PERSON_COLUMNS, rows: n } } : {}) };
          }
        }
      },
    };
    row += count;
  }
  const layout: SheetLayout = {
    sheetName: CHECKLIST_SHEET_NAME,
    blocks,
    styles,
    merges,
    borders,
    columnWidths: WIDTHS,
    rowHeights: head.rowHeights,
    freezeRows: CHECKLIST_HEADER_ROW,
    page: dutyPage(width, row - 1),
    ...(list ? { list } : {}),
  };
  return listRows === 'arrays' ? expandList(layout) : layout;
}
