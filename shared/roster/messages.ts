// The Chinese reasons a roster cannot be computed (shown in the task pane, the .xlsx page and by CEHOURS).
import { headerOf } from '../headers';
import { DEFAULT_RULE_SET, getCompiledRuleSet } from '../rulesets';
import type { RosterKey } from '../types';
import type { StopCode, StopReason } from './types';

/** Shown when no column that earns hours is recognised: nothing is computed (everyone would be 0 h, 未达标). */
export const NO_HOURS_COLUMN_MESSAGE =
  '没有认出任何学时列（如“市平台公需课学时”“市平台专业课学时”“培训进修学时”），无法计算：' +
  '请把学时列的表头改成模板里的名称后再计算。';

export const SWITCH_SHEET_HINT = '请切换到花名册所在的工作表。';

/** The Chinese header of a roster key in a rule set (the default one when omitted). */
export function headerName(key: RosterKey, ruleSet: string = DEFAULT_RULE_SET): string {
  return headerOf(key, ruleSet);
}

export function stopReason(code: StopCode, sheetName: string, detail = ''): StopReason {
  const messages: Record<StopCode, string> = {
    EMPTY_SHEET: `工作表“${sheetName}”是空的。${SWITCH_SHEET_HINT}`,
    NO_HEADER: `工作表“${sheetName}”里找不到花名册的表头（如“姓名”“市平台公需课学时”）。${SWITCH_SHEET_HINT}`,
    NO_NAME_COLUMN: `工作表“${sheetName}”缺少“姓名”列。请在表头行添加“姓名”列后再计算。`,
    NO_HOURS_COLUMN: NO_HOURS_COLUMN_MESSAGE,
    DUPLICATE_COLUMN: `${detail}无法确定读哪一列：请只保留一列，删除或改名其余的列。`,
    NO_DATA_ROWS: `工作表“${sheetName}”的表头下方没有人员数据。`,
  };
  return { code, message: messages[code] };
}

/** Absent optional columns in one short line: “未出现的 19 个选填列按空白计算（如 身份证号、单位、部门 等）。” */
export function missingOptionalLine(keys: readonly RosterKey[], ruleSet: string = DEFAULT_RULE_SET): string {
  if (keys.length === 0) return '';
  const names = keys.slice(0, 3).map((k) => headerName(k, ruleSet)).join('、');
  return keys.length <= 3 ? `未出现的选填列按空白计算：${names}。` : `未出现的 ${keys.length} 个选填列按空白计算（如${names}等）。`;
}

/** Where a person is, as 年度汇总's 需关注人员 shows it: the row number, or “一科 第 5 行” when there are several sheets. */
export function attentionRowLabel(sheetName: string, sheetRow: number, severalSheets: boolean): string | number {
  return severalSheets ? `${sheetName} 第 ${sheetRow + 1} 行` : sheetRow + 1;
}

/** “第 5 行” on the same sheet, ““二科”第 3 行” on another. */
export function sheetRowLabel(sheetName: string, sheetRow: number, here: string): string {
  return sheetName === here ? `第 ${sheetRow + 1} 行` : `“${sheetName}”第 ${sheetRow + 1} 行`;
}

/**
 * A roster without 证明材料齐全 whose people claim hours that need evidence (附件1第7条): said once, in the preflight
 * card and in 年度汇总.
 */
export function evidenceUncheckedLine(people: number, ruleSet: string = DEFAULT_RULE_SET): string {
  const column = getCompiledRuleSet(ruleSet).ruleSet.evidenceStatus?.input ?? '';
  return (
    `花名册没有“${headerName(column, ruleSet)}”列：${people} 人填了需要证明材料的学时（培训进修、资格证书、代表性成果等），` +
    '这些学时都按材料齐全计算，不会标为“待补材料”；请对照“审核材料清单”逐项核验。'
  );
}
