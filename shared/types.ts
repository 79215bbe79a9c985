// The engine's public shapes (docs/api.md); field meanings in docs/rules.md.
// Every caller (Worker, task pane, custom functions) codes against these types only.
import type { ErrorCode, WarningCode } from './codes';

export type { ErrorCode, WarningCode } from './codes';

/** A cell value as it arrives from Excel, JSON or a test. */
export type CellValue = number | string | boolean | null | undefined;

/** A roster column's JSON key: a key of the rule set's `inputs` (docs/rules.md §2 for zaozhuang-2023's). */
export type RosterKey = string;

/** One roster row: one person, one year, keyed by the rule set's column keys; any value a number, string, boolean, null or absent. */
export type RosterRowInput = { [key: string]: CellValue };

export type RowStatus = '达标' | '未达标' | '待补材料' | '数据有误' | '';

export type BreakdownItem = { clause: string; label: string; public: number; professional: number };
export type RowWarning = { code: WarningCode; clause?: string; message: string; lostHours?: number };
/** `rows`: for DUPLICATE_ID, the other rows of the call with the same ID number (0-based indexes). */
export type RowError = { field: string; code: ErrorCode; message: string; rows?: number[] };

export type RowResult = {
  index: number;
  status: RowStatus;
  publicHours: number;
  professionalHours: number;
  totalHours: number;
  requiredPublic: number;
  requiredProfessional: number;
  publicShortfall: number;
  professionalShortfall: number;
  deadline: string;
  breakdown: BreakdownItem[];
  warnings: RowWarning[];
  errors: RowError[];
};

export type SummaryCounts = {
  headcount: number;
  compliant: number;
  short: number;
  pendingEvidence: number;
  invalid: number;
  complianceRate: number;
  avgPublic: number;
  avgProfessional: number;
  avgTotal: number;
  lostHours: number;
  /** People whose professional subjects the sector checks (专业课按行业规定 = 是, docs/rules.md §6a). */
  professionalBySector: number;
};

export type SummaryGroup = { unit: string; department: string } & SummaryCounts;

export type AttentionItem = {
  index: number;
  name: string;
  unit: string;
  department: string;
  status: string;
  publicShortfall: number;
  professionalShortfall: number;
  deadline: string;
};

export type Summary = {
  total: SummaryCounts;
  groups: SummaryGroup[];
  attention: AttentionItem[];
};

export type EvaluateOptions = { ruleSet?: string; asOf?: string };

export type EvaluateResponse = {
  ruleSet: string;
  engineVersion: string;
  results: RowResult[];
  summary: Summary;
};

/**
 * An answer without its summary: what the Worker answers to `"summary": false` (docs/api.md), for a client that makes
 * the summary itself from the results of all its requests (the add-in, the web page, the command line).
 */
export type EvaluatedRows = Omit<EvaluateResponse, 'summary'>;
