// The codes a row's warnings and errors carry (RULES.md §3–§9). One list each, so a misspelt code does not compile.

/** Warning codes: caps that removed hours, notes on the row, and the two ID warnings a 数据有误 row keeps. */
export const WARNING_CODES = [
  'CAP_TRAINING_DAILY',
  'CAP_TRAINING',
  'CAP_SEMINAR_DAILY',
  'CAP_SEMINAR',
  'CAP_CATEGORY1',
  'CAP_DEGREE',
  'CAP_CERTIFICATES',
  'CAP_ACHIEVEMENTS',
  'CAP_EXPERT_DAILY',
  'CAP_COMPETITIONS',
  'DAYS_MISSING',
  'HOURS_MISSING',
  'TRAINING_NOT_FILED',
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
export type WarningCode = (typeof WARNING_CODES)[number];

/** The codes of a cap that removes hours (each warning carries lostHours). */
export type CapCode = Extract<WarningCode, `CAP_${string}`>;

/** Error codes: one per field, the first that applies (RULES.md §7), plus the row-level ones. */
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

/** The warnings a 数据有误 row keeps (RULES.md §7). */
export const ERROR_ROW_WARNINGS: ReadonlySet<WarningCode> = new Set<WarningCode>(['ID_CHECKSUM', 'ID_AS_NUMBER']);
