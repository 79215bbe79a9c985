// Test helpers for .xlsx packages: parts as text, a package edited part by part (to make hostile or damaged files
// from real ones), and a check run in this process (the same code as the CLI and the page).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { checkRoster, type CheckOutcome } from '../../xlsx/check-roster';
import { openRoster, type OpenedRoster } from '../../xlsx/roster-file';
import '../../xlsx/node-codec';
import { concatBytes } from '../../xlsx/zip/zip-write';


export type Parts = Record<string, Uint8Array>;

export const partsOf = (bytes: Uint8Array): Parts => unzipSync(bytes);
export const text = (parts: Parts, name: string): string => strFromU8(parts[name]);

/** A package from parts (deflated; `stored` parts kept as they are, e.g. a forged size needs a hand-made zip). */
export function packageOf(parts: Parts): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(parts)) z[k] = [v, { level: 6 }];
  return zipSync(z);
}

/** The package with some parts' text replaced by f(text). */
export function editParts(bytes: Uint8Array, edits: Record<string, (xml: string) => string>): Uint8Array {
  const parts = partsOf(bytes);
  for (const [name, f] of Object.entries(edits)) parts[name] = strToU8(f(text(parts, name)));
  return packageOf(parts);
}

export async function check(name: string, bytes: Uint8Array, asOf = '2023-11-01'): Promise<{ opened: OpenedRoster; outcome: CheckOutcome; out: Uint8Array }> {
  const opened = await openRoster(name, bytes);
  const outcome = await checkRoster(opened, { asOf, now: new Date('2023-11-01T09:00:00') });
  return { opened, outcome, out: concatBytes(outcome.file) };
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function rejection(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected a refusal');
}

/** A message for the clerk: Chinese, no English internals of a library. */
export function expectClerkWords(message: string): void {
  if (!/[\u4e00-\u9fff]/.test(message)) throw new Error(`not Chinese: ${message}`);
  for (const bad of ['Corrupted', 'undefined entity', 'Bug', 'zip', 'Error:', 'at ', 'RangeError', 'TypeError', 'EISDIR', 'heap']) {
    if (message.includes(bad)) throw new Error(`internal words “${bad}” in: ${message}`);
  }
}
