// The Excel JavaScript API requirement sets the add-in uses, call by call (versions from @types/office-js'
// "[Api set: ExcelApi x]"). manifest.xml declares EXCEL_API_MINIMUM; what needs more is optional and checked with
// Office.context.requirements.isSetSupported before use, so an older Excel never fails half-way through a run.
// test/addin/requirements.test.ts keeps this list, the source and manifest.xml in step.

export type ApiUse = {
  /** The call or property as written in the source, e.g. `.getRangeByIndexes(`. */
  call: string;
  /** ExcelApi version that introduced it. */
  version: string;
  /** What it does for the clerk. */
  purpose: string;
  /** Set when the add-in works without it (checked with excelSupports(feature) before use). */
  optional?: OptionalFeature;
};

/** Features the add-in can do without, each with the ExcelApi version it needs. */
export const OPTIONAL_FEATURES = {
  /** Drop-down lists and input messages in 花名册模板; clearing them when 年度汇总 is rebuilt. */
  dataValidation: '1.8',
  /** The percentage format of the 年度汇总 chart's value axis. */
  chartAxisFormat: '1.8',
  /** Reading merged areas (merged title rows and two-row headers). */
  mergedAreas: '1.13',
  /** Reading which rows are hidden or filtered out (the pane says how many were computed too). */
  visibleCells: '1.9',
  /** Print setup of 提醒名单, 审核材料清单 and 附件2: A4, orientation, print area, fit to one page. */
  pageLayout: '1.9',
} as const;
export type OptionalFeature = keyof typeof OPTIONAL_FEATURES;

export const EXCEL_API_USES: readonly ApiUse[] = [
  { call: '.getActiveWorksheet(', version: '1.1', purpose: '当前工作表' },
  { call: '.getSelectedRange(', version: '1.1', purpose: '选中的单元格' },
  { call: '.tables.add(', version: '1.1', purpose: '汇总表和模板的表格' },
  { call: '.charts.add(', version: '1.1', purpose: '达标率图表' },
  { call: '.setPosition(', version: '1.1', purpose: '图表位置' },
  { call: '.activate(', version: '1.1', purpose: '切换到结果工作表' },
  { call: '.select(', version: '1.1', purpose: '定位到某一行' },
  { call: '.autofitColumns(', version: '1.2', purpose: '列宽自适应' },
  { call: '.columnWidth', version: '1.2', purpose: '输出列列宽' },
  { call: '.getUsedRangeOrNullObject(', version: '1.4', purpose: '花名册范围' },
  { call: '.getItemOrNullObject(', version: '1.4', purpose: '查找已有的“年度汇总”' },
  { call: '.conditionalFormats', version: '1.6', purpose: '状态列着色' },
  { call: '.getRangeByIndexes(', version: '1.7', purpose: '按行分批读写' },
  { call: '.freezePanes', version: '1.7', purpose: '冻结表头行' },
  { call: '.getLocationOrNullObject(', version: '1.7', purpose: '保留经办人已设的冻结窗格' },
  { call: 'columnHidden', version: '1.2', purpose: '识别隐藏的列（同一栏目的隐藏列不读取）' },
  { call: '.setXAxisValues(', version: '1.7', purpose: '图表分类轴' },
  { call: '.dataValidation', version: '1.8', purpose: '模板的下拉列表和输入提示', optional: 'dataValidation' },
  { call: '.valueAxis.numberFormat', version: '1.8', purpose: '图表纵轴百分比格式', optional: 'chartAxisFormat' },
  { call: '.tables', version: '1.1', purpose: '识别花名册所在的表格及其汇总行' },
  { call: '.protection', version: '1.2', purpose: '写入前确认工作表未受保护' },
  { call: '.settings', version: '1.4', purpose: '记住输出列的位置和已忽略的列' },
  { call: 'valueTypes', version: '1.1', purpose: '按值类型识别错误值单元格' },
  { call: '.getMergedAreasOrNullObject(', version: '1.13', purpose: '识别合并的标题行和两行表头', optional: 'mergedAreas' },
  { call: '.getSpecialCellsOrNullObject(', version: '1.9', purpose: '统计隐藏或筛选掉的行', optional: 'visibleCells' },
  { call: '.merge(', version: '1.2', purpose: '附件2 和审核材料清单的合并单元格' },
  { call: '.rowHeight', version: '1.2', purpose: '附件2 的行高' },
  { call: '.borders', version: '1.1', purpose: '附件2 和名单的边框' },
  { call: '.application.calculate(', version: '1.1', purpose: '改选规则后重新计算本工作簿的 CE 函数' },
  { call: '.pageLayout', version: '1.9', purpose: 'A4、打印区域、缩放为一页', optional: 'pageLayout' },
];

const compareVersions = (a: string, b: string): number => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
};

/** The highest version any required (non-optional) use needs: what manifest.xml declares. */
export function requiredExcelApi(uses: readonly ApiUse[] = EXCEL_API_USES): string {
  return uses.filter((u) => !u.optional).reduce((max, u) => (compareVersions(u.version, max) > 0 ? u.version : max), '1.1');
}

export const EXCEL_API_MINIMUM = '1.7';

/**
 * Whether this Excel supports an optional feature. With no Office host to ask (Node tests and the simulated
 * workbook, whose Excel object implements everything) the answer is yes; a host whose check throws answers no.
 */
export function excelSupports(feature: OptionalFeature): boolean {
  const requirements = (globalThis as { Office?: typeof Office }).Office?.context?.requirements;
  if (!requirements?.isSetSupported) return true;
  try {
    return requirements.isSetSupported('ExcelApi', OPTIONAL_FEATURES[feature]) === true;
  } catch {
    return false;
  }
}
