// An .xlsx package opened for reading: its zip directory, the workbook's sheets (names, order, kinds, visibility),
// relationships, the 1904 date system and the shared strings. Parts are inflated only when asked, each once.
import { DamagedPartError } from './errors';
import { XLSX_LIMITS } from './limits';
import { findEntry, inflateEntry, type ZipArchive } from './zip/zip-read';
import { parseAppendedMark, type AppendedRange } from './appended-strings';
import { CLOSE, EMPTY, OPEN, XmlScanner, attr, attrBool, is, name, newTag, unescapeOoxml } from './xml/scan';

export type Relationship = { id: string; type: string; target: string; external: boolean };
export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';
export type SheetEntry = { name: string; sheetId: number; rId: string; path: string | null; kind: SheetKind; hidden: boolean };

export type XlsxPackage = {
  zip: ZipArchive;
  workbookPath: string;
  sheets: SheetEntry[];
  date1904: boolean;
  /** Parts already inflated, by lower-case name (each part inflated once). */
  cache: Map<string, Uint8Array>;
  /** Bytes inflated so far (bounded by XLSX_LIMITS.maxReadBytes). */
  inflated: { bytes: number };
};

const N = {
  Relationship: name('Relationship'), Id: name('Id'), Type: name('Type'), Target: name('Target'), TargetMode: name('TargetMode'),
  sheet: name('sheet'), name: name('name'), sheetId: name('sheetId'), id: name('id'), state: name('state'),
  workbookPr: name('workbookPr'), date1904: name('date1904'), si: name('si'), t: name('t'), rPh: name('rPh'),
};

/** The bytes of a part, or null when the package has no such part. */
export function partBytes(pkg: Pick<XlsxPackage, 'zip' | 'cache' | 'inflated'>, path: string): Uint8Array | null {
  const key = path.replace(/^\/+/, '').toLowerCase();
  const hit = pkg.cache.get(key);
  if (hit) return hit;
  const e = findEntry(pkg.zip, key);
  if (!e) return null;
  if (pkg.inflated.bytes + e.size > XLSX_LIMITS.maxReadBytes) throw new DamagedPartError(e.name, 'read budget');
  const bytes = inflateEntry(pkg.zip, e);
  pkg.inflated.bytes += bytes.length;
  pkg.cache.set(key, bytes);
  return bytes;
}

/** Drops a part's inflated bytes (a roster sheet once read: the writer inflates it again when it needs it). */
export function forgetPart(pkg: Pick<XlsxPackage, 'cache'>, path: string): void {
  pkg.cache.delete(path.replace(/^\/+/, '').toLowerCase());
}

/** The folder of a part, with a trailing slash ('' for the root). */
const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

/** A relationship target resolved against the part that holds the relationship. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return normalise(target.slice(1));
  return normalise(folderOf(source) + target);
}

function normalise(path: string): string {
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The relationships part of a part: xl/workbook.xml → xl/_rels/workbook.xml.rels. */
export const relsPathOf = (part: string): string => `${folderOf(part)}_rels/${part.slice(folderOf(part).length)}.rels`;

export function readRelationships(pkg: Pick<XlsxPackage, 'zip' | 'cache' | 'inflated'>, part: string): Relationship[] {
  const path = relsPathOf(part);
  const b = partBytes(pkg, path);
  if (!b) return [];
  const s = new XmlScanner(b, path);
  const t = newTag();
  const out: Relationship[] = [];
  while (s.next(t)) {
    if ((t.kind === OPEN || t.kind === EMPTY) && is(b, t, N.Relationship)) {
      const id = attr(b, t, N.Id) ?? '';
      const type = attr(b, t, N.Type) ?? '';
      const target = attr(b, t, N.Target) ?? '';
      out.push({ id, type, target, external: (attr(b, t, N.TargetMode) ?? '') === 'External' });
    }
  }
  return out;
}

/** The last path segment of a relationship type (…/relationships/worksheet → worksheet), any namespace. */
export const relKind = (type: string): string => type.slice(type.lastIndexOf('/') + 1);

export function openPackage(zip: ZipArchive): XlsxPackage {
  const pkg: XlsxPackage = { zip, workbookPath: '', sheets: [], date1904: false, cache: new Map(), inflated: { bytes: 0 } };
  const root = readRelationships(pkg, '');
  const office = root.find((r) => relKind(r.type) === 'officeDocument' && !r.external);
  const workbookPath = office ? resolveTarget('', office.target) : 'xl/workbook.xml';
  const wb = partBytes(pkg, workbookPath);
  if (!wb) throw new DamagedPartError(workbookPath, 'missing workbook');
  pkg.workbookPath = workbookPath;
  const rels = new Map(readRelationships(pkg, workbookPath).map((r) => [r.id, r]));
  const s = new XmlScanner(wb, workbookPath);
  const t = newTag();
  while (s.next(t)) {
    if (t.kind === CLOSE) continue;
    if (is(wb, t, N.workbookPr)) pkg.date1904 = attrBool(wb, t, N.date1904);
    else if (is(wb, t, N.sheet)) {
      if (pkg.sheets.length >= XLSX_LIMITS.maxSheets) throw new DamagedPartError(workbookPath, 'too many sheets');
      const rId = attr(wb, t, N.id, true) ?? '';
      const rel = rels.get(rId);
      const kind = rel ? relKind(rel.type) : '';
      pkg.sheets.push({
        name: attr(wb, t, N.name) ?? '',
        sheetId: Number(attr(wb, t, N.sheetId) ?? 0),
        rId,
        path: rel && !rel.external ? resolveTarget(workbookPath, rel.target) : null,
        kind: kind === 'worksheet' || kind === 'chartsheet' || kind === 'dialogsheet' || kind === 'macrosheet' ? kind : 'other',
        hidden: (attr(wb, t, N.state) ?? 'visible') !== 'visible',
      });
    }
  }
  return pkg;
}

/** The path of the workbook's part of a relationship kind (sharedStrings, styles), or null. */
export function workbookPartOf(pkg: XlsxPackage, kind: string): string | null {
  const rel = readRelationships(pkg, pkg.workbookPath).find((r) => relKind(r.type) === kind && !r.external);
  return rel ? resolveTarget(pkg.workbookPath, rel.target) : null;
}

/**
 * The shared strings as plain text (rich text runs joined, phonetic guides left out), [] when there are none; and
 * the tail that runs of ours appended (xlsx/write/shared-strings.ts), when the table ends with the last run's
 * strings: from the first string of the earliest run in an unbroken chain of them (a run appends after the strings
 * of one before it when a kept cell pointed to them) to the end.
 */
export type SharedStringTable = { strings: string[]; appended: AppendedRange | null };

export function readSharedStringTable(pkg: XlsxPackage): SharedStringTable {
  const path = workbookPartOf(pkg, 'sharedStrings');
  const b = path ? partBytes(pkg, path) : null;
  if (!path || !b) return { strings: [], appended: null };
  const s = new XmlScanner(b, path);
  const t = newTag();
  const out: string[] = [];
  let current: string | null = null;
  const maxBytes = XLSX_LIMITS.maxCellChars * 12;
  while (s.next(t)) {
    if (t.kind === OPEN && is(b, t, N.si)) current = '';
    else if (t.kind === EMPTY && is(b, t, N.si)) out.push('');
    else if (t.kind === CLOSE && is(b, t, N.si)) {
      out.push(unescapeOoxml(current ?? ''));
      current = null;
    } else if (t.kind === OPEN && is(b, t, N.rPh)) s.skipElement(t);
    else if (t.kind === OPEN && is(b, t, N.t) && current !== null) {
      current += s.text(t, maxBytes);
      if (current.length > XLSX_LIMITS.maxCellChars) s.fail('cell too long');
    }
  }
  // the last run's mark ends the table; a run before it whose strings were kept ends where that one began
  const marks = new Map<number, number>();
  for (let i = 0; i < out.length; i++) {
    const m = parseAppendedMark(out[i], i);
    if (m) marks.set(m.to, m.from);
  }
  let from = marks.get(out.length);
  for (let earlier = from; earlier !== undefined; earlier = marks.get(earlier)) from = earlier;
  return { strings: out, appended: from === undefined ? null : { from, to: out.length } };
}

export function readSharedStrings(pkg: XlsxPackage): string[] {
  return readSharedStringTable(pkg).strings;
}
