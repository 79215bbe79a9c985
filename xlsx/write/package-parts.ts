// The package-level parts we change: [Content_Types].xml (overrides added and removed), relationships parts
// (entries appended), workbook.xml (sheets appended, our print names replaced) — each by splicing its bytes.
import { CLOSE, EMPTY, OPEN, XmlScanner, attr, attrInt, is, localName, name, newTag } from '../xml/scan';
import { escapeAttr, utf8 } from './xml-text';

export const CONTENT_TYPES = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
} as const;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPES = { worksheet: `${REL}/worksheet`, table: `${REL}/table`, drawing: `${REL}/drawing`, chart: `${REL}/chart`, styles: `${REL}/styles`, sharedStrings: `${REL}/sharedStrings` } as const;
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

type Edit = { start: number; end: number; text: string };

function splice(bytes: Uint8Array, edits: Edit[]): Uint8Array[] {
  edits.sort((a, b) => a.start - b.start);
  const out: Uint8Array[] = [];
  let at = 0;
  for (const e of edits) {
    if (e.start > at) out.push(bytes.subarray(at, e.start));
    out.push(utf8(e.text));
    at = Math.max(at, e.end);
  }
  out.push(bytes.subarray(at));
  return out;
}

const N = { Override: name('Override'), PartName: name('PartName'), Relationship: name('Relationship'), Id: name('Id'), sheets: name('sheets'), sheet: name('sheet'), sheetId: name('sheetId'), definedNames: name('definedNames'), definedName: name('definedName'), name: name('name'), localSheetId: name('localSheetId') };

/** [Content_Types].xml with overrides for `add` and without those of `remove` (part names without the leading slash). */
export function editContentTypes(bytes: Uint8Array, add: readonly { part: string; type: string }[], remove: ReadonlySet<string>): Uint8Array[] {
  const s = new XmlScanner(bytes, '[Content_Types].xml');
  const t = newTag();
  const edits: Edit[] = [];
  let rootClose = -1;
  let depth = 0;
  while (s.next(t)) {
    if (t.kind === CLOSE) {
      depth--;
      if (depth === 0) rootClose = t.start;
      continue;
    }
    if (depth === 1 && is(bytes, t, N.Override)) {
      const part = (attr(bytes, t, N.PartName) ?? '').replace(/^\/+/, '').toLowerCase();
      const start = t.start;
      if (t.kind === OPEN) s.skipElement(t);
      if (remove.has(part)) edits.push({ start, end: s.pos, text: '' });
      continue;
    }
    if (t.kind === OPEN) depth++;
  }
  edits.push({ start: rootClose, end: rootClose, text: add.map((a) => `<Override PartName="/${escapeAttr(a.part)}" ContentType="${a.type}"/>`).join('') });
  return splice(bytes, edits);
}

/** A relationships part with `rels` appended (or a new part when `bytes` is null). */
export function appendRelationships(bytes: Uint8Array | null, path: string, rels: readonly { id: string; type: string; target: string }[]): Uint8Array[] {
  const items = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"/>`).join('');
  if (!bytes) return [utf8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_REL_NS}">${items}</Relationships>`)];
  const s = new XmlScanner(bytes, path);
  const t = newTag();
  let close = -1;
  let emptyRoot: { start: number; end: number } | null = null;
  while (s.next(t)) {
    if (t.kind === CLOSE) close = t.start;
    else if (t.kind === EMPTY && localName(bytes, t) === 'Relationships') emptyRoot = { start: t.start, end: t.end };
  }
  if (emptyRoot) return splice(bytes, [{ ...emptyRoot, text: `<Relationships xmlns="${PKG_REL_NS}">${items}</Relationships>` }]);
  return splice(bytes, [{ start: close, end: close, text: items }]);
}

/** The ids used in a relationships part. */
export function relationshipIds(bytes: Uint8Array | null, path: string): Set<string> {
  const ids = new Set<string>();
  if (!bytes) return ids;
  const s = new XmlScanner(bytes, path);
  const t = newTag();
  while (s.next(t)) if (t.kind !== CLOSE && is(bytes, t, N.Relationship)) ids.add(attr(bytes, t, N.Id) ?? '');
  return ids;
}

/** A fresh relationship id: rId<n> above every numbered one in use. */
export function freshRelId(used: Set<string>): string {
  let n = 0;
  for (const id of used) {
    const m = /^rId(\d{1,9})$/.exec(id);
    if (m) n = Math.max(n, Number(m[1]));
  }
  let id = `rId${n + 1}`;
  while (used.has(id)) id = `rId${++n + 1}`;
  used.add(id);
  return id;
}

export type WorkbookEdit = {
  appendSheets: readonly { name: string; sheetId: number; rId: string }[];
  /** Sheets (by index in <sheets>) whose print area and titles are replaced by ours. */
  replacePrintNamesOf: ReadonlySet<number>;
  definedNames: readonly { name: string; localSheetId: number; value: string }[];
};

const PRINT_NAMES = new Set(['_xlnm.print_area', '_xlnm.print_titles']);
/** CT_Workbook's children after definedNames (ECMA-376 Part 1, 18.2.27). */
const AFTER_DEFINED_NAMES = new Set(['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']);

/** workbook.xml with our sheets appended to <sheets> and our print names (re)written in <definedNames>. */
export function editWorkbook(bytes: Uint8Array, path: string, edit: WorkbookEdit): Uint8Array[] {
  const s = new XmlScanner(bytes, path);
  const t = newTag();
  const edits: Edit[] = [];
  let depth = 0;
  let prefix = '';
  let sheetsClose = -1;
  let definedClose = -1;
  let insertDefinedAt = -1;
  let rootClose = -1;
  while (s.next(t)) {
    if (t.kind === CLOSE) {
      depth--;
      if (depth === 1 && is(bytes, t, N.sheets)) sheetsClose = t.start;
      if (depth === 1 && is(bytes, t, N.definedNames)) definedClose = t.start;
      if (depth === 0) rootClose = t.start;
      continue;
    }
    if (depth === 0) prefix = t.local > t.nameStart ? new TextDecoder().decode(bytes.subarray(t.nameStart, t.local)) : '';
    if (depth === 1 && insertDefinedAt < 0 && AFTER_DEFINED_NAMES.has(localName(bytes, t))) insertDefinedAt = t.start;
    if (depth === 1 && is(bytes, t, N.sheets) && t.kind === EMPTY) {
      edits.push({ start: t.start, end: t.end, text: `<${prefix}sheets>${sheetsXml(edit, prefix, false)}</${prefix}sheets>` });
      continue;
    }
    if (depth === 2 && is(bytes, t, N.definedName)) {
      const nm = (attr(bytes, t, N.name) ?? '').toLowerCase();
      const local = attrInt(bytes, t, N.localSheetId);
      const start = t.start;
      if (t.kind === OPEN) s.skipElement(t);
      if (PRINT_NAMES.has(nm) && edit.replacePrintNamesOf.has(local)) edits.push({ start, end: s.pos, text: '' });
      continue;
    }
    if (depth === 1 && is(bytes, t, N.definedNames) && t.kind === EMPTY) {
      edits.push({ start: t.start, end: t.end, text: '' });
      continue;
    }
    if (t.kind === OPEN) depth++;
  }
  // r:id needs the relationships namespace under the prefix r: declared on the root, else on each new element
  const head = new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length, 4096)));
  const declared = head.includes(`xmlns:r="${REL}"`);
  if (sheetsClose >= 0) edits.push({ start: sheetsClose, end: sheetsClose, text: sheetsXml(edit, prefix, declared) });
  const names = edit.definedNames.map((d) => `<${prefix}definedName name="${escapeAttr(d.name)}" localSheetId="${d.localSheetId}">${escapeAttr(d.value)}</${prefix}definedName>`).join('');
  if (names) {
    if (definedClose >= 0) edits.push({ start: definedClose, end: definedClose, text: names });
    else {
      const at = insertDefinedAt >= 0 ? insertDefinedAt : rootClose;
      edits.push({ start: at, end: at, text: `<${prefix}definedNames>${names}</${prefix}definedNames>` });
    }
  }
  return splice(bytes, edits);
}

function sheetsXml(edit: WorkbookEdit, prefix: string, declared: boolean): string {
  const ns = declared ? '' : ` xmlns:r="${REL}"`;
  return edit.appendSheets.map((x) => `<${prefix}sheet name="${escapeAttr(x.name)}" sheetId="${x.sheetId}"${ns} r:id="${x.rId}"/>`).join('');
}
