// Names of the sheets we create, for every surface (add-in, .xlsx page, command line): Excel's rules (at most 31
// characters, none of : \ / ? * [ ], unique without regard to case) for ANY roster sheet names, and never the name
// of a sheet of the clerk's. Pure.

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/** How Excel compares sheet names: case-insensitively. */
export const sheetKey = (name: string): string => name.toUpperCase();

const FORBIDDEN = ':\\/?*[]';

/** Characters of `s` allowed in a sheet name, as code points (a surrogate pair is one character). */
const cleanChars = (s: string): string[] => [...s].filter((ch) => !FORBIDDEN.includes(ch));

/** `chars` in at most `room` characters: the head and the tail around “…” (一科 / 二科 stay apart). */
function abbreviate(chars: readonly string[], room: number): string {
  if (chars.length <= room) return chars.join('');
  if (room <= 1) return chars.slice(0, Math.max(0, room)).join('');
  const tail = Math.min(Math.max(2, Math.floor((room - 1) / 3)), room - 1);
  const head = room - 1 - tail;
  return `${chars.slice(0, head).join('')}…${chars.slice(chars.length - tail).join('')}`;
}

/**
 * The name of our sheet `base` (e.g. 提醒名单) for each roster sheet: `base` alone for one roster sheet when no
 * other sheet has it, else `base（roster）` shortened to 31 characters; names already used (`taken`,
 * case-insensitive: other sheets of the workbook, our earlier picks) are skipped by numbering: base（roster 2）.
 * `reuse[i]`, when given, is kept as it is (the name a previous run gave this roster's sheet). The add-in asks for
 * one roster sheet at a time (the one being processed); the .xlsx path for all of a file's roster sheets at once.
 */
export function ownSheetNames(base: string, rosterSheets: readonly string[], taken: ReadonlySet<string>, reuse: readonly (string | null)[] = []): string[] {
  const used = new Set(taken);
  for (const r of reuse) if (r) used.add(sheetKey(r));
  return rosterSheets.map((roster, i) => {
    const kept = reuse[i];
    if (kept) return kept;
    const chars = cleanChars(roster);
    const make = (suffix: string): string => {
      const room = MAX_SHEET_NAME - [...base].length - 2 - [...suffix].length;
      return `${base}（${abbreviate(chars, room)}${suffix}）`;
    };
    let name = rosterSheets.length === 1 ? base : make('');
    for (let n = 1; used.has(sheetKey(name)); n++) name = make(n === 1 ? '' : ` ${n}`);
    used.add(sheetKey(name));
    return name;
  });
}

/** `base`, or `base_2`, `base_3`… when another sheet already has a table of that name (table names are workbook-wide). */
export function uniqueTableName(base: string, taken: ReadonlySet<string>): string {
  const lower = new Set([...taken].map((n) => n.toLowerCase()));
  if (!lower.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const candidate = `${base}_${i}`;
    if (!lower.has(candidate.toLowerCase())) return candidate;
  }
}
