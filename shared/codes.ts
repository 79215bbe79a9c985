// The codes a row's warnings and errors carry (docs/rules.md §3–§9). Error codes are the engine's; warning codes are
// listed per rule set (its sources name their cap codes).

/**
 * A warning's code. Each rule set lists the codes its rules can give (`orders.warningCodes`, GET /v1/rules): the
 * engine's own (ENGINE_WARNING_CODES) and the cap codes its sources and category caps name (CAP_TRAINING …).
 */
export type WarningCode = string;

/** The codes the kinds of rules give whatever the rule set (rulesets/validate.ts says which rule gives which). */
export const ENGINE_WARNING_CODES = [
  'DAYS_MISSING',
  'HOURS_MISSING',
  'SPECIAL_CASE_NOT_ELIGIBLE',
  'SPECIAL_CASE_NEEDS_PROVINCIAL_APPROVAL',
  'ABSENCE_WITHOUT_CASE',
  'PROFESSIONAL_BY_SECTOR',
  'TITLE_DATE_MISSING',
  'CALENDAR_UNKNOWN',
  'DEADLINE_PASSED',
  'ID_CHECKSUM',
  'ID_AS_NUMBER',
  'NOT_A_PERSON',
] as const;

/** Error codes: one per field, the first that applies (docs/rules.md §7), plus the row-level ones. */
export const ERROR_CODES = [
  'EXCEL_ERROR',
  'NOT_A_NUMBER',
  'NEGATIVE',
  'NOT_INTEGER',
  'OUT_OF_RANGE',
  'NOT_YES_NO',
  'UNKNOWN_CASE',
  'NOT_A_DATE',
  'NOT_TEXT',
  'TOO_LONG',
  'NAME_MISSING',
  'REQUIRED',
  'DUPLICATE_ID',
  'NOT_A_ROW',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** true when a result carries a warning of this code (e.g. PROFESSIONAL_BY_SECTOR: the sector checks its professional part). */
export function hasWarning(r: { readonly warnings: readonly { readonly code: string }[] }, code: WarningCode): boolean {
  const ws = r.warnings;
  for (let i = 0; i < ws.length; i++) if (ws[i].code === code) return true;
  return false;
}

/** The warnings a 数据有误 row keeps (docs/rules.md §7). */
export const ERROR_ROW_WARNINGS: ReadonlySet<WarningCode> = new Set<WarningCode>(['ID_CHECKSUM', 'ID_AS_NUMBER']);
