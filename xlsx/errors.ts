// The two kinds of refusal of the file path, both with a Chinese sentence for the clerk (no internals).

/** A file the page and the command line cannot read (not an .xlsx, damaged, too large), with the clerk's fix. */
export class XlsxFileError extends Error {
  override readonly name = 'XlsxFileError';
}

/** A roster problem the clerk must fix in the file (exit code 1 of the command line). */
export class RosterFileError extends Error {
  override readonly name = 'RosterFileError';
}

/** Inside the reader: a part's bytes are not what the format says; turned into an XlsxFileError naming the file. */
export class DamagedPartError extends Error {
  override readonly name = 'DamagedPartError';
  constructor(readonly part: string, readonly why: string) {
    super(`${part}: ${why}`);
  }
}

/** At most `max` items, then “等 N 个”: a message never lists a thousand names. */
export function shortList(items: readonly string[], max = 5, unit = '个'): string {
  const shown = items.slice(0, max).map((n) => `“${n}”`).join('、');
  return items.length > max ? `${shown} 等 ${items.length} ${unit}` : shown;
}
