// exceljs keeps the shared-string table of a workbook it writes in an object keyed by the strings themselves. V8 hashes
// a string longer than 16,383 characters by its length alone, so distinct long cells of one length all collide: 2,000
// cells of 32,767 characters cost 2,000² comparisons of up to 32,767 characters each (minutes, issue 22 item 7).
// This gives the table a second index for long strings, keyed by their length and a hash of every character (one
// pass), comparing whole strings only within one key: the same table, the same indexes, in linear time. Node only,
// for tests that write large rosters with exceljs (the product no longer writes with exceljs).
import { createRequire } from 'node:module';

/** Strings up to this length keep exceljs' own index (V8 hashes them by content). */
export const LONG_STRING = 16_383;

type Model = { values: unknown[]; count: number };
type SharedStrings = { model: Model; addText(value: string): number; longIndex?: Map<string, number[]> };

/** The length and two 32-bit FNV-1a hashes (different offsets) of every UTF-16 unit: a short key, one pass. */
export function longStringKey(s: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
  }
  return `${s.length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

let installed = false;

/** Installs the long-string index on exceljs' shared-string table (idempotent). */
export function installLongStringIndex(): void {
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform.js') as { prototype: SharedStrings };
  const proto = SharedStringsXform.prototype;
  const original = proto.addText;
  proto.addText = function addText(this: SharedStrings, value: string): number {
    if (typeof value !== 'string' || value.length <= LONG_STRING) return original.call(this, value);
    const index = (this.longIndex ??= new Map());
    const key = longStringKey(value);
    const candidates = index.get(key);
    const values = this.model.values;
    this.model.count++;
    if (candidates !== undefined) {
      for (const i of candidates) if (values[i] === value) return i;
    }
    const at = values.length;
    values.push(value);
    if (candidates === undefined) index.set(key, [at]);
    else candidates.push(at);
    return at;
  };
}
