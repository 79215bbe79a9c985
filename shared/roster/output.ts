// Where the 9 output columns go: the block remembered from a previous run, an earlier version's block found by its
// headers, or new columns right of everything the roster holds. Never over an input column.
import { outputHeaderOf } from '../headers';
import { OUTPUT_HEADERS } from '../output-headers';
import type { GridReader } from './cells';
import { OUTPUT_BLOCK_MARKER, type OutputPlacement, type RememberedBlock } from './types';

const isOutput = (text: string, i: number): boolean => text !== '' && outputHeaderOf(text) === OUTPUT_HEADERS[i];

function placement(headerRow: number, cols: number[], exists: boolean, origin: OutputPlacement['origin']): OutputPlacement {
  return {
    headerRow,
    columns: OUTPUT_HEADERS.map((header, i) => ({ header, col: cols[i], exists })),
    origin,
    remember: { headerRow, columns: cols, marker: OUTPUT_BLOCK_MARKER },
  };
}

/** The remembered block when it still stands: same header row, our headers where they were, no input column among them. */
function rememberedBlock(reader: GridReader, r: RememberedBlock | null | undefined, headerRow: number, inputCols: ReadonlySet<number>): number[] | null {
  if (!r || r.marker !== OUTPUT_BLOCK_MARKER || r.headerRow !== headerRow || r.columns.length !== OUTPUT_HEADERS.length) return null;
  if (new Set(r.columns).size !== r.columns.length) return null;
  for (let i = 0; i < r.columns.length; i++) {
    const c = r.columns[i];
    if (!Number.isInteger(c) || c < 0 || inputCols.has(c) || !isOutput(reader.text(headerRow, c), i)) return null;
  }
  return [...r.columns];
}

/** An earlier version's block: the 9 output headers side by side, in order, with no roster column right of them. */
function previousBlock(reader: GridReader, headerRow: number, firstCol: number, lastCol: number, inputCols: ReadonlySet<number>): number[] | null {
  const n = OUTPUT_HEADERS.length;
  for (let c = lastCol - n + 1; c >= firstCol; c--) {
    let all = true;
    for (let i = 0; i < n && all; i++) all = isOutput(reader.text(headerRow, c + i), i);
    if (!all) continue;
    for (const k of inputCols) if (k >= c) return null;
    return Array.from({ length: n }, (_, i) => c + i);
  }
  return null;
}

/**
 * The output columns for a roster whose header (last header row) is `headerRow`, spanning columns firstCol..lastCol
 * (for a table its columns; otherwise everything the grid holds), with `inputCols` the columns that hold roster data.
 */
export function placeOutput(
  reader: GridReader,
  remembered: RememberedBlock | null | undefined,
  headerRow: number,
  firstCol: number,
  lastCol: number,
  inputCols: ReadonlySet<number>,
): OutputPlacement {
  const kept = rememberedBlock(reader, remembered, headerRow, inputCols);
  if (kept !== null) return placement(headerRow, kept, true, 'remembered');
  const previous = previousBlock(reader, headerRow, firstCol, lastCol, inputCols);
  if (previous !== null) return placement(headerRow, previous, true, 'previous');
  return placement(headerRow, OUTPUT_HEADERS.map((_, i) => lastCol + 1 + i), false, 'new');
}
