// The one strict Excel simulator of the tests (Node unit tests, benchmarks, the e2e browser bundle). What it
// enforces, like Excel: reading a property before load() + sync() throws PropertyNotLoaded; writes are queued until
// sync(); a request or response over 5 MB fails with RequestPayloadSizeLimitExceeded (and a request over it applies
// nothing); a values/numberFormat array of the wrong shape is InvalidArgument; text typed into General cells becomes
// numbers and dates; a protected sheet refuses every write (AccessDenied); table headers must be unique; a prompt
// must fit Excel's lengths. The model (model.ts) is plain data a test seeds and inspects.
export { SimError } from './context';
export { coerceForFormat } from './range';
export { createExcel } from './workbook';
export { WorkbookModel, SheetModel } from './model';
export { cellsAt, formatsAt, validationAt } from './cells-at';
export type { JournalEntry, Scalar, TableModel, SimChartModel, SimValidation, SimBorder, SimPageLayoutModel, SyncStats } from './model';
