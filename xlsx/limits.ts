// What the .xlsx reader takes on, checked before the work grows (sizes from the zip's central directory, counts as
// the XML is scanned). Beyond a limit the clerk gets a Chinese sentence saying which one and what to do.

export const XLSX_LIMITS = {
  /** Bytes of the file itself. */
  maxFileBytes: 300 * 1024 * 1024,
  /** Parts in the package (a workbook of 1,000 sheets has about 3,000). */
  maxEntries: 50_000,
  /** Bytes of one part once inflated (a sheet of 100,000 people with 40 columns is about 150 MB). */
  maxPartBytes: 768 * 1024 * 1024,
  /** Bytes of all the parts read, once inflated. */
  maxReadBytes: 1536 * 1024 * 1024,
  /** Inflated ÷ compressed: deflate cannot exceed about 1,032, so more means a forged size. */
  maxRatio: 1100,
  /** Cells of one roster's rectangle (rows × columns from the first to the last cell with a value). */
  maxGridCells: 20_000_000,
  /** Excel's own limits: characters of a cell, rows and columns of a sheet. */
  maxCellChars: 32_767,
  maxRows: 1_048_576,
  maxColumns: 16_384,
  /** Sheets in a workbook. */
  maxSheets: 10_000,
} as const;
