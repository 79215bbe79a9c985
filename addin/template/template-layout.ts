// The blank roster template 花名册模板 as data (pure; roster-template.ts applies it with Office.js):
// every column of the rule set in its template order (orders.columns), and per column its validation rule, input message and number format.
import { DEFAULT_RULE_SET, getRuleSet, headerTable } from '../../shared/index';
import type { RosterKey } from '../../shared/types';
import { cellAddress, rangeAddress } from '../../shared/sheet/a1';

export const TEMPLATE_SHEET_NAME = '花名册模板';
export const TEMPLATE_TABLE_NAME = 'CeRosterTemplate';
/** Rows below the header that carry validation and formats (the table itself starts with one blank row). */
export const TEMPLATE_DATA_ROWS = 1000;
/** Excel's limits for a data-validation input message. */
export const PROMPT_TITLE_MAX = 32;
export const PROMPT_MESSAGE_MAX = 255;
/** Excel's limit for a data-validation error message. */
export const ERROR_MESSAGE_MAX = 225;
const YES_NO = ['是', '否'];
const DATE_MIN = '1900-01-01';
const DATE_MAX = '9999-12-31';

export type ValidationSpec =
  | { type: 'list'; values: string[] }
  | { type: 'decimal'; min: number; max: number }
  | { type: 'wholeNumber'; min: number; max: number }
  | { type: 'date'; min: string; max: string };

export type TemplateColumn = {
  key: RosterKey;
  header: string;
  /** Header cell, e.g. A1. */
  headerAddress: string;
  /** The data cells below the header, e.g. A2:A1001. */
  dataAddress: string;
  validation: ValidationSpec | null;
  /** Shown when a cell of the column is selected (quotes the column's rule). */
  prompt: { title: string; message: string };
  /** Shown when a value breaks the validation. */
  errorMessage: string | null;
  numberFormat: string | null;
};

export type TemplateLayout = {
  sheetName: string;
  /** Rows of each column's dataAddress. */
  dataRows: number;
  tableName: string;
  /** Header row plus one blank data row: the Excel table. */
  tableAddress: string;
  headerAddress: string;
  columns: TemplateColumn[];
};

export function clip(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

function validationFor(kind: string, ruleSet: string): ValidationSpec | null {
  const rs = getRuleSet(ruleSet);
  const limit = (name: string): number => rs.parameters[name].value as number;
  switch (kind) {
    case 'hours':
      return { type: 'decimal', min: 0, max: limit('maxHours') };
    case 'days':
      return { type: 'decimal', min: 0, max: limit('maxDays') };
    case 'months':
      return { type: 'decimal', min: 0, max: limit('maxMonths') };
    case 'count':
      return { type: 'wholeNumber', min: 0, max: limit('maxCount') };
    case 'yesno':
      return { type: 'list', values: YES_NO };
    case 'case':
      return { type: 'list', values: [...rs.specialCaseNames] };
    case 'date':
      return { type: 'date', min: DATE_MIN, max: DATE_MAX };
    default:
      return null;
  }
}

function errorMessageFor(v: ValidationSpec | null, header: string, year: number): string | null {
  if (!v) return null;
  switch (v.type) {
    case 'list':
      return `“${header}”请从下拉列表选择：${v.values.join('、')}`;
    case 'decimal':
      return `“${header}”应为 ${v.min} 到 ${v.max} 之间的数字`;
    case 'wholeNumber':
      return `“${header}”应为 ${v.min} 到 ${v.max} 之间的整数`;
    case 'date':
      return `“${header}”应为日期，例如 ${year}-10-09`;
  }
}

/** The template of a rule set (the default one when omitted): its columns in orders.columns order. */
export function buildTemplateLayout(dataRows: number = TEMPLATE_DATA_ROWS, ruleSet: string = DEFAULT_RULE_SET): TemplateLayout {
  const headers = headerTable(ruleSet);
  const year = getRuleSet(ruleSet).year;
  const columns: TemplateColumn[] = headers.map((h, i) => {
    const validation = validationFor(h.kind, ruleSet);
    const error = errorMessageFor(validation, h.zh, year);
    const title = clip(h.clause ? `${h.zh}（${h.clause}）` : h.zh, PROMPT_TITLE_MAX);
    const numberFormat = h.key === 'idNumber' ? '@' : h.kind === 'date' ? 'yyyy-mm-dd' : null;
    return {
      key: h.key,
      header: h.zh,
      headerAddress: cellAddress(i, 1),
      dataAddress: rangeAddress(i, 2, 1, dataRows),
      validation,
      prompt: { title, message: clip(h.rule, PROMPT_MESSAGE_MAX) },
      errorMessage: error === null ? null : clip(error, ERROR_MESSAGE_MAX),
      numberFormat,
    };
  });
  return {
    sheetName: TEMPLATE_SHEET_NAME,
    dataRows,
    tableName: TEMPLATE_TABLE_NAME,
    tableAddress: rangeAddress(0, 1, headers.length, 2),
    headerAddress: rangeAddress(0, 1, headers.length, 1),
    columns,
  };
}
