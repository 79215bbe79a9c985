// CT_Worksheet's children in schema order (ECMA-376 Part 1, 18.3.1.99): where an element we add must go.
export const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
] as const;

export type WorksheetElement = (typeof WORKSHEET_ORDER)[number];

/** The rank of a child element (unknown names — e.g. mc:AlternateContent — rank with the element before them). */
export function worksheetRank(name: string): number {
  return (WORKSHEET_ORDER as readonly string[]).indexOf(name);
}
