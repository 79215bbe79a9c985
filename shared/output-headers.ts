/** The add-in's output columns, appended right of the roster (docs/clerk-guide.md, 使用加载项). */
export const OUTPUT_HEADERS: readonly string[] = [
  '公需课认定学时',
  '专业课认定学时',
  '总学时',
  '公需课缺口',
  '专业课缺口',
  '完成期限',
  '状态',
  '封顶提示',
  '说明',
];
