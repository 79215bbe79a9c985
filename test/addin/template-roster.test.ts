// The blank roster 花名册模板 through Excel.run on the strict Excel simulator: headers, table, validation.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEADERS, getRuleSet } from '../../shared/index';
import { writeRosterTemplate } from '../../addin/template/roster-template';
import {
  ERROR_MESSAGE_MAX,
  PROMPT_MESSAGE_MAX,
  PROMPT_TITLE_MAX,
  TEMPLATE_DATA_ROWS,
  TEMPLATE_SHEET_NAME,
  TEMPLATE_TABLE_NAME,
  buildTemplateLayout,
} from '../../addin/template/template-layout';
import { WorkbookModel, cellsAt, createExcel, formatsAt, validationAt, type SheetModel } from '../support/excel-sim';

afterEach(() => {
  vi.unstubAllGlobals();
});

const col = (key: string): number => HEADERS.findIndex((h) => h.key === key);
const letter = (i: number): string => (i < 26 ? String.fromCharCode(65 + i) : `A${String.fromCharCode(65 + i - 26)}`);
const dataAddress = (key: string): string => `${letter(col(key))}2:${letter(col(key))}${TEMPLATE_DATA_ROWS + 1}`;

async function makeTemplate(model: WorkbookModel): Promise<SheetModel> {
  vi.stubGlobal('Excel', createExcel(model));
  await writeRosterTemplate();
  const sheet = model.sheet(TEMPLATE_SHEET_NAME);
  if (!sheet) throw new Error('template not made');
  return sheet;
}
const tablesOn = (model: WorkbookModel, sheet: SheetModel) => model.tables.filter((t) => t.sheetId === sheet.id);

describe('writeRosterTemplate', () => {
  it('writes every header of docs/rules.md §2 in order as an Excel table', async () => {
    const model = WorkbookModel.withSheets([{ name: '花名册', rows: [['姓名'], ['张三']] }]);
    const sheet = await makeTemplate(model);
    // 25 columns, then 专业课按行业规定 appended (docs/rules.md §2: never reordered)
    expect(HEADERS).toHaveLength(26);
    expect(HEADERS[25].zh).toBe('专业课按行业规定');
    expect(cellsAt(sheet, `A1:${letter(HEADERS.length - 1)}1`)).toEqual([HEADERS.map((h) => h.zh)]);
    // A1:Z2 with headers (the simulator makes tables with a header row only)
    expect(tablesOn(model, sheet)).toEqual([expect.objectContaining({ row: 0, col: 0, rows: 2, cols: HEADERS.length, name: TEMPLATE_TABLE_NAME })]);
    expect(sheet.frozenRows).toBe(1);
    expect(model.sheet(model.activeSheetId)?.name).toBe(TEMPLATE_SHEET_NAME);
    expect(cellsAt(model.sheet('花名册')!, 'A1:A2')).toEqual([['姓名'], ['张三']]);
  });

  it('validates each column by its kind, with limits from the rule set', async () => {
    const sheet = await makeTemplate(WorkbookModel.withSheets([{ name: 'Sheet1', rows: [] }]));
    const p = getRuleSet().parameters;
    const rule = (key: string): unknown => validationAt(sheet, dataAddress(key))?.rule;
    expect(rule('trainingFiled')).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(rule('evidenceComplete')).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(rule('titleApplicant')).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(rule('professionalBySector')).toEqual({ list: { inCellDropDown: true, source: '是,否' } });
    expect(dataAddress('professionalBySector')).toBe(`Z2:Z${TEMPLATE_DATA_ROWS + 1}`);
    expect(rule('specialCase')).toEqual({ list: { inCellDropDown: true, source: getRuleSet().specialCaseNames.join(',') } });
    expect(getRuleSet().specialCaseNames).toEqual(['境外工作', '病假', '产假', '其他']);
    for (const key of ['certificates', 'achievements', 'competitions']) {
      expect(rule(key), key).toEqual({ wholeNumber: { operator: 'Between', formula1: 0, formula2: p.maxCount.value } });
    }
    for (const key of ['aidMonths', 'absentMonths']) {
      expect(rule(key), key).toEqual({ decimal: { operator: 'Between', formula1: 0, formula2: 12 } });
    }
    for (const key of ['platformPublicHours', 'platformProfessionalHours', 'trainingHours', 'seminarHours', 'degreeStudyHours', 'expertHours', 'transferPublicHours', 'transferProfessionalHours']) {
      expect(rule(key), key).toEqual({ decimal: { operator: 'Between', formula1: 0, formula2: 2000 } });
    }
    for (const key of ['trainingDays', 'seminarDays', 'expertDays']) {
      expect(rule(key), key).toEqual({ decimal: { operator: 'Between', formula1: 0, formula2: 366 } });
    }
    expect(rule('titleSubmissionDate')).toEqual({ date: { operator: 'Between', formula1: '1900-01-01', formula2: '9999-12-31' } });
    expect(p.maxMonths.value).toBe(12);
    for (const key of ['name', 'idNumber', 'unit', 'department']) expect(rule(key), key).toBeUndefined();
    // ID numbers stay text (18 digits would lose precision as numbers); dates show as dates.
    expect(formatsAt(sheet, dataAddress('idNumber')).every((r) => r[0] === '@')).toBe(true);
    expect(formatsAt(sheet, dataAddress('titleSubmissionDate'))[0][0]).toBe('yyyy-mm-dd');
    const alert = validationAt(sheet, dataAddress('specialCase'))?.errorAlert;
    expect(alert).toEqual(expect.objectContaining({ showAlert: true, style: 'Stop' }));
    expect(alert?.message).toContain('产假');
    for (const rec of sheet.validations) {
      if (rec.errorAlert) expect(Array.from(rec.errorAlert.message).length).toBeLessThanOrEqual(ERROR_MESSAGE_MAX);
      if (rec.errorAlert) expect(Array.from(rec.errorAlert.title).length).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
    }
  });

  it('shows each column’s rule as its input message, within Excel’s limits', async () => {
    const sheet = await makeTemplate(WorkbookModel.withSheets([{ name: 'Sheet1', rows: [] }]));
    for (const h of HEADERS) {
      const prompt = validationAt(sheet, dataAddress(h.key))?.prompt;
      expect(prompt?.showPrompt, h.key).toBe(true);
      expect(Array.from(prompt?.title ?? '').length, h.key).toBeLessThanOrEqual(PROMPT_TITLE_MAX);
      expect(Array.from(prompt?.message ?? '').length, h.key).toBeLessThanOrEqual(PROMPT_MESSAGE_MAX);
      expect(prompt?.title.startsWith(h.zh.slice(0, 8)), h.key).toBe(true);
      if (Array.from(h.rule).length <= PROMPT_MESSAGE_MAX) expect(prompt?.message, h.key).toBe(h.rule);
    }
    expect(validationAt(sheet, dataAddress('trainingHours'))?.prompt?.message).toMatch(/24学时/);
    expect(validationAt(sheet, dataAddress('expertHours'))?.prompt?.message).toContain('只填天数不填学时的不计入');
    const sector = validationAt(sheet, dataAddress('professionalBySector'))?.prompt;
    expect(sector?.title).toBe('专业课按行业规定（正文二(二)、四(二)）');
    expect(sector?.message).toBe(
      '填是/否，空白视为否；填“是”：专业课由省行业主管部门按本行业规定核对，本表照常列出专业课学时，但只核对公需课（正文二(二)、四(二)）。',
    );
  });

  it('replaces the content of an existing 花名册模板 and touches no other sheet', async () => {
    const model = WorkbookModel.withSheets([
      { name: TEMPLATE_SHEET_NAME, rows: [['旧表头'], ['旧数据']] },
      { name: '花名册', rows: [['姓名'], ['张三']] },
    ]);
    const sheet = await makeTemplate(model);
    await writeRosterTemplate();
    expect(model.sheets.map((s) => s.name)).toEqual([TEMPLATE_SHEET_NAME, '花名册']); // no sheet added
    expect(sheet.clears).toBe(2);
    expect(sheet.get(1, 0)).toBe('');
    expect(sheet.get(0, 0)).toBe('姓名');
    expect(tablesOn(model, sheet)).toHaveLength(1);
    expect(sheet.validations).toHaveLength(HEADERS.length);
    expect(cellsAt(model.sheet('花名册')!, 'A1:A2')).toEqual([['姓名'], ['张三']]);
  });

  it('picks another table name when a different sheet already uses it', async () => {
    const model = WorkbookModel.withSheets([{ name: 'Sheet1', rows: [] }]);
    const sheet = await makeTemplate(model);
    sheet.name = '我的花名册'; // the user renamed the template sheet and wants a fresh one
    await writeRosterTemplate();
    const names = model.sheets.flatMap((s) => tablesOn(model, s).map((t) => t.name));
    expect(names).toEqual([TEMPLATE_TABLE_NAME, `${TEMPLATE_TABLE_NAME}_2`]);
  });

  it('layout: one column per header, in order', () => {
    const layout = buildTemplateLayout();
    expect(layout.columns.map((c) => c.key)).toEqual(HEADERS.map((h) => h.key));
    expect(layout.columns[0].dataAddress).toBe(`A2:A${TEMPLATE_DATA_ROWS + 1}`);
  });
});
