// What the add-in remembers per sheet in the workbook's own settings (saved with the file, shared by everyone who
// opens it): where its output block is, and which unknown columns the clerk chose to ignore for a header set.
import { OUTPUT_BLOCK_MARKER, type RememberedBlock } from '../../shared/roster';

export type IgnoredColumns = { headerSet: string; headers: string[] };

const BLOCK_KEY = 'ce.outputBlock.';
const IGNORED_KEY = 'ce.ignoredColumns.';

const isIntArray = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0);

function asBlock(v: unknown): RememberedBlock | null {
  const b = v as Partial<RememberedBlock> | null;
  if (!b || typeof b !== 'object' || b.marker !== OUTPUT_BLOCK_MARKER || !Number.isInteger(b.headerRow) || !isIntArray(b.columns)) return null;
  return { headerRow: b.headerRow as number, columns: b.columns, marker: b.marker };
}

function asIgnored(v: unknown): IgnoredColumns | null {
  const b = v as Partial<IgnoredColumns> | null;
  if (!b || typeof b !== 'object' || typeof b.headerSet !== 'string' || !Array.isArray(b.headers)) return null;
  return { headerSet: b.headerSet, headers: b.headers.filter((h): h is string => typeof h === 'string') };
}

/** Queues a read of a setting; value() after the sync. */
function readSetting<T>(context: Excel.RequestContext, key: string, parse: (v: unknown) => T | null): { value: () => T | null } {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load('value');
  return { value: () => (item.isNullObject ? null : parse(item.value)) };
}

export const readRememberedBlock = (context: Excel.RequestContext, sheetId: string): { value: () => RememberedBlock | null } =>
  readSetting(context, BLOCK_KEY + sheetId, asBlock);

export const readIgnoredColumns = (context: Excel.RequestContext, sheetId: string): { value: () => IgnoredColumns | null } =>
  readSetting(context, IGNORED_KEY + sheetId, asIgnored);

/** Queued with the last write (no sync of its own). */
export function rememberBlock(context: Excel.RequestContext, sheetId: string, block: RememberedBlock): void {
  context.workbook.settings.add(BLOCK_KEY + sheetId, block);
}

export function rememberIgnored(context: Excel.RequestContext, sheetId: string, ignored: IgnoredColumns): void {
  context.workbook.settings.add(IGNORED_KEY + sheetId, ignored);
}
