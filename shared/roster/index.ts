// shared/roster: reading a clerk's roster sheet as pure code over a grid of cells (see types.ts).
export * from './types';
export { planRoster } from './plan';
export { findCrossDuplicates, rowsToSend, placeResults, markDuplicate, idKey } from './duplicates';
export { headerSetKey } from './accept';
export { HEADER_SEARCH_ROWS } from './header';
export { NO_HOURS_COLUMN_MESSAGE, SWITCH_SHEET_HINT, attentionRowLabel, evidenceUncheckedLine, headerName, missingOptionalLine } from './messages';
export { endsWithTotal, isHeadcountText, isNoteText, isTotalText } from './words';
export { columnLetter, readerOf } from './cells';
export { columnsLabel, planNotes, summaryNotes, type PlanNoteOptions } from './notes';
export { evidenceKeysOf } from './evidence-column';
