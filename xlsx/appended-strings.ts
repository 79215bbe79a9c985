// The mark a string table of ours carries (xlsx/write/shared-strings.ts): the first string a run of this tool
// appends says how many strings the table then holds, so a later run knows which tail is ours. No cell points to
// it; an office suite saving the file keeps only the strings its cells use, so the mark goes with its first save.
// (Not an <extLst> entry: some readers refuse a string table with one.)

const MARK = 'ce-hours-assistant:appended-strings:to=';

export type AppendedRange = { from: number; to: number };

/** The mark, first of the strings a run appends, when the table will hold `to` strings. */
export const appendedMark = (to: number): string => `${MARK}${to}`;

/** The range a table's string `text` at index `at` marks as appended by a run of ours, or null when it is no mark. */
export function parseAppendedMark(text: string, at: number): AppendedRange | null {
  if (text.length > MARK.length + 10 || !text.startsWith(MARK)) return null;
  const to = Number(text.slice(MARK.length));
  return Number.isInteger(to) && to > at ? { from: at, to } : null;
}
