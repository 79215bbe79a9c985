// Excel custom functions (namespace CE in the manifest): =CE.CEHOURS(A2:Z2, A$1:Z$1[, 规则]).
// A thin layer over compute.ts: it turns the engine's 数据有误 message into #VALUE! (CustomFunctions.Error)
// and registers the functions when the custom-functions runtime is present. The rule set is the optional third
// argument, else the workbook's choice (addin/settings/rule-set-choice.ts, read when the formula runs; the task pane
// recalculates the workbook when the choice changes), else the default.
// custom-functions-metadata reads the JSDoc below to generate functions.json (build-metadata.ts).
import { RosterError } from '../office/errors';
import { workbookRuleSet } from '../settings/rule-set-choice';
import { FunctionArgumentError, computeFunction, ruleSetArgument } from './compute';
import type { FunctionKind, OutputCell } from './compute';

function invalidValue(message: string): CustomFunctions.Error {
  return new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, message);
}

function run(kind: FunctionKind, row: unknown[][], headers: unknown[][] | null | undefined, ruleSet: unknown): unknown[][] {
  let cells: OutputCell[][];
  try {
    cells = computeFunction(kind, row, headers, ruleSetArgument(ruleSet) || workbookRuleSet().ruleSet.id);
  } catch (e) {
    if (e instanceof FunctionArgumentError || e instanceof RosterError) throw invalidValue(e.message);
    throw e;
  }
  // One roster row in error: the whole formula is #VALUE! with the engine's message.
  if (cells.length === 1) {
    const error = cells[0].find((c): c is { error: string } => typeof c === 'object');
    if (error) throw invalidValue(error.error);
  }
  // Several rows: only the cells of the rows in error are #VALUE!, the rest of the spill stays readable.
  return cells.map((line) => line.map((c) => (typeof c === 'object' ? invalidValue(c.error) : c)));
}

/**
 * 认定总学时（公需课 + 专业课）。选多行时每行一个结果（溢出）。
 * @customfunction CEHOURS
 * @param row 花名册的一行（1×N），或多行（M×N）
 * @param [headers] 表头行，如 A$1:Z$1；省略时按花名册模板的列顺序
 * @param [ruleSet] 规则编号（见任务窗格“核对依据”）；省略时按本工作簿所选的规则，未选时为默认规则
 * @returns 认定总学时
 */
export function ceHours(row: unknown[][], headers?: unknown[][], ruleSet?: string): unknown[][] {
  return run('hours', row, headers, ruleSet);
}

/**
 * 状态：达标、未达标、待补材料（数据有误时为 #VALUE!）。选多行时每行一个结果。
 * @customfunction CESTATUS
 * @param row 花名册的一行（1×N），或多行（M×N）
 * @param [headers] 表头行，如 A$1:Z$1；省略时按花名册模板的列顺序
 * @param [ruleSet] 规则编号（见任务窗格“核对依据”）；省略时按本工作簿所选的规则，未选时为默认规则
 * @returns 状态
 */
export function ceStatus(row: unknown[][], headers?: unknown[][], ruleSet?: string): unknown[][] {
  return run('status', row, headers, ruleSet);
}

/**
 * 公需课认定学时。选多行时每行一个结果。
 * @customfunction CEPUBLIC
 * @param row 花名册的一行（1×N），或多行（M×N）
 * @param [headers] 表头行，如 A$1:Z$1；省略时按花名册模板的列顺序
 * @param [ruleSet] 规则编号（见任务窗格“核对依据”）；省略时按本工作簿所选的规则，未选时为默认规则
 * @returns 公需课认定学时
 */
export function cePublic(row: unknown[][], headers?: unknown[][], ruleSet?: string): unknown[][] {
  return run('public', row, headers, ruleSet);
}

/**
 * 专业课认定学时。选多行时每行一个结果。
 * @customfunction CEPROFESSIONAL
 * @param row 花名册的一行（1×N），或多行（M×N）
 * @param [headers] 表头行，如 A$1:Z$1；省略时按花名册模板的列顺序
 * @param [ruleSet] 规则编号（见任务窗格“核对依据”）；省略时按本工作簿所选的规则，未选时为默认规则
 * @returns 专业课认定学时
 */
export function ceProfessional(row: unknown[][], headers?: unknown[][], ruleSet?: string): unknown[][] {
  return run('professional', row, headers, ruleSet);
}

/**
 * 学时缺口：两个单元格，公需课缺口和专业课缺口。选多行时每行两个结果。
 * @customfunction CESHORTFALL
 * @param row 花名册的一行（1×N），或多行（M×N）
 * @param [headers] 表头行，如 A$1:Z$1；省略时按花名册模板的列顺序
 * @param [ruleSet] 规则编号（见任务窗格“核对依据”）；省略时按本工作簿所选的规则，未选时为默认规则
 * @returns 公需课缺口、专业课缺口
 */
export function ceShortfall(row: unknown[][], headers?: unknown[][], ruleSet?: string): unknown[][] {
  return run('shortfall', row, headers, ruleSet);
}

/**
 * 封顶提示：超过上限未计入的学时说明（无则为空）。选多行时每行一个结果。
 * @customfunction CEWARNINGS
 * @param row 花名册的一行（1×N），或多行（M×N）
 * @param [headers] 表头行，如 A$1:Z$1；省略时按花名册模板的列顺序
 * @param [ruleSet] 规则编号（见任务窗格“核对依据”）；省略时按本工作簿所选的规则，未选时为默认规则
 * @returns 封顶提示
 */
export function ceWarnings(row: unknown[][], headers?: unknown[][], ruleSet?: string): unknown[][] {
  return run('warnings', row, headers, ruleSet);
}

/** Function id → implementation, as registered with CustomFunctions.associate. */
export const CUSTOM_FUNCTIONS = {
  CEHOURS: ceHours,
  CESTATUS: ceStatus,
  CEPUBLIC: cePublic,
  CEPROFESSIONAL: ceProfessional,
  CESHORTFALL: ceShortfall,
  CEWARNINGS: ceWarnings,
} as const;

/** Registers the functions with the shared runtime (the task pane entry calls it once); a no-op outside Excel. */
export function registerCustomFunctions(): boolean {
  if (typeof CustomFunctions === 'undefined') return false;
  for (const [id, fn] of Object.entries(CUSTOM_FUNCTIONS)) CustomFunctions.associate(id, fn);
  return true;
}
