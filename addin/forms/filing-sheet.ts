// 生成申报表 (task pane): checks the form and writes it as its own sheet 附件2-项目名称 (re-making the same project
// replaces that sheet; other projects keep theirs). A form with errors writes nothing.
import { getRuleSet } from '../../shared/index';
import { getDuties } from '../../shared/rulesets/duties';
import { RosterError } from '../office/errors';
import { writeLayoutSheet } from '../office/apply-sheet-layout';
import { checkFilingForm, type FilingCheck, type FilingInput } from './filing-form';
import { buildFilingLayout, filingMark } from './filing-layout';
import { readPreviousSheet } from '../duties/previous-sheet';

export const FILING_NOT_MADE = '申报表未生成：';

export type FilingSheetResult = { sheetName: string; checks: FilingCheck[]; creditable: number | null; printSetup: boolean };

export async function makeFilingSheet(raw: Partial<FilingInput>, today: string, ruleSetId?: string): Promise<FilingSheetResult> {
  const ruleSet = getRuleSet(ruleSetId);
  const duties = getDuties(ruleSet.id);
  const { checks, form, creditable } = checkFilingForm(raw, ruleSet, duties, today);
  if (!form) {
    const errors = checks.filter((c) => c.level === 'error').map((c) => c.message);
    throw new RosterError(`${FILING_NOT_MADE}${errors.join('；')}`);
  }
  const layout = buildFilingLayout(form, checks, duties);
  const mark = filingMark(duties);
  const { printSetup } = await Excel.run(async (context) => {
    await readPreviousSheet(context, { name: layout.sheetName, isOurs: (top) => String(top[0]?.[0] ?? '') === mark });
    return writeLayoutSheet(context, layout);
  });
  return { sheetName: layout.sheetName, checks, creditable, printSetup };
}
