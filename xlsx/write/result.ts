// The result package: the clerk's package with only our parts changed. Every part we do not own (charts, pivot
// tables, pictures, shapes, notes, VBA, custom XML …) is copied byte for byte, compressed bytes included; the
// roster sheets are patched (roster-sheet.ts), styles.xml gets appended entries, the workbook, its relationships
// and the content types get our sheets, and our sheets (年度汇总 with its tables and chart, 提醒名单, 审核材料清单)
// are written from their layouts — in place of an earlier run's, or appended after the clerk's sheets.
import type { ChartSpec, SummaryLayout } from '../../addin/summary/layout';
import type { PlacedResult } from '../../shared/roster/types';
import { uniqueTableName } from '../../shared/sheet/sheet-names';
import type { SheetLayout } from '../../shared/sheet/sheet-layout';
import type { Summary } from '../../shared/types';
import type { OpenedRoster } from '../roster-file';
import { forgetPart, partBytes, readRelationships, relKind, relsPathOf, resolveTarget, workbookPartOf, type SheetEntry } from '../package';
import { SharedStrings } from './shared-strings';
import { CLOSE, XmlScanner, attr, attrInt, is, name, newTag } from '../xml/scan';
import { PartSink, compress, type Compressed } from '../zip/part-sink';
import { ZipWriter } from '../zip/zip-write';
import { chartXml, drawingXml } from './chart';
import { writeLayoutSheet, type DefinedName } from './layout-sheet';
import { CONTENT_TYPES, REL_TYPES, appendRelationships, editContentTypes, editWorkbook, freshRelId, relationshipIds } from './package-parts';
import { writeRosterSheet } from './roster-sheet';
import { StyleBook } from './styles';
import { widenTablePart } from './table-part';
import { escapeAttr, utf8 } from './xml-text';

/**
 * One of our sheets to write: its name and layout (or a function making it, so that one large layout at a time is
 * in memory); 年度汇总 also has its tables and chart.
 */
export type OwnSheetOutput = { name: string; layout: SheetLayout | (() => SheetLayout); summary?: { layout: SummaryLayout; summary: Summary } };

const SUMMARY_WIDTHS = [12, 12, 8, 8, 8, 10, 10, 14, 14, 12, 18];
const N = { table: name('table'), id: name('id'), name: name('name'), displayName: name('displayName') };

/** 年度汇总's layout as a sheet layout (blocks with bold/size), for the one writer of our sheets. */
export function summaryAsSheetLayout(l: SummaryLayout): SheetLayout {
  return {
    sheetName: l.sheetName,
    blocks: l.blocks.map((b) => ({ address: b.address, values: b.values, numberFormat: b.numberFormat, ...(b.bold || b.fontSize ? { style: { ...(b.bold ? { bold: true } : {}), ...(b.fontSize ? { fontSize: b.fontSize } : {}) } } : {}) })),
    styles: [],
    merges: [],
    borders: [],
    columnWidths: [...SUMMARY_WIDTHS],
    rowHeights: [],
    freezeRows: 0,
    page: null,
  };
}

/** Table ids and names in use in the package (ids and names are workbook-wide). */
function tablesInUse(opened: OpenedRoster, except: ReadonlySet<string>): { ids: Set<number>; names: Set<string> } {
  const ids = new Set<number>();
  const names = new Set<string>();
  for (const e of opened.pkg.zip.entries) {
    const key = e.name.toLowerCase();
    if (!key.startsWith('xl/tables/') || !key.endsWith('.xml') || except.has(key)) continue;
    const b = partBytes(opened.pkg, e.name);
    if (!b) continue;
    const s = new XmlScanner(b, e.name);
    const t = newTag();
    while (s.next(t)) {
      if (t.kind !== CLOSE && is(b, t, N.table)) {
        ids.add(attrInt(b, t, N.id));
        names.add(attr(b, t, N.name) ?? '');
        names.add(attr(b, t, N.displayName) ?? '');
        break;
      }
    }
  }
  return { ids, names };
}

export async function writeResultPackage(opened: OpenedRoster, placed: readonly PlacedResult[][], ownSheets: readonly OwnSheetOutput[]): Promise<Uint8Array[]> {
  const { pkg } = opened;
  const zip = pkg.zip;
  // lower-case part name → its new bytes, compressed as they are made (a large sheet's XML is never kept whole)
  const replaced = new Map<string, Promise<Compressed>>();
  const dropped = new Set<string>();
  const added: { part: string; data: Promise<Compressed>; type?: string }[] = [];
  const addPart = (part: string, pieces: Iterable<Uint8Array>, type?: string): void => void added.push({ part, data: compress(pieces), ...(type ? { type } : {}) });
  const taken = new Set(zip.entries.map((e) => e.name.toLowerCase()));
  const fresh = (folder: string, stem: string): string => {
    for (let i = 1; ; i++) {
      const part = `${folder}${stem}${i}.xml`;
      if (!taken.has(part.toLowerCase())) {
        taken.add(part.toLowerCase());
        return part;
      }
    }
  };

  // styles
  const stylesPath = workbookPartOf(pkg, 'styles');
  const stylesBytes = stylesPath ? partBytes(pkg, stylesPath) : null;
  const styles = stylesBytes && stylesPath ? new StyleBook(stylesBytes, stylesPath) : StyleBook.empty();
  // shared strings: ours appended (a previous run's dropped when nothing kept points to them)
  const replacedOwn = new Set(opened.own.filter((o) => ownSheets.some((x) => x.name === o.sheet.name)).map((o) => o.sheet.name));
  const sstPath = workbookPartOf(pkg, 'sharedStrings');
  const sstBytes = sstPath ? partBytes(pkg, sstPath) : null;
  const keep = keptStrings(opened, replacedOwn);
  const strings = new SharedStrings(sstPath && sstBytes ? { bytes: sstBytes, path: sstPath } : null, keep);

  // roster sheets, patched; their tables widened over new columns
  for (const [i, plan] of opened.plans.entries()) {
    const sheet = pkg.sheets.find((s) => s.name === plan.sheetName && s.path);
    if (!sheet?.path) throw new Error(`内部错误：找不到工作表 ${plan.sheetName}`);
    const bytes = partBytes(pkg, sheet.path);
    if (!bytes) throw new Error(`内部错误：工作表 ${plan.sheetName} 没有内容`);
    const sink = new PartSink();
    await writeRosterSheet(bytes, sheet.path, plan, placed[i], styles, strings, sink);
    forgetPart(pkg, sheet.path);
    replaced.set(sheet.path.toLowerCase(), sink.finish());
    const created = plan.output?.columns.filter((c) => !c.exists) ?? [];
    if (plan.table !== null && created.length > 0) {
      for (const rel of readRelationships(pkg, sheet.path)) {
        if (rel.external || relKind(rel.type) !== 'table') continue;
        const path = resolveTarget(sheet.path, rel.target);
        const tb = partBytes(pkg, path);
        if (!tb || !tableNamed(tb, path, plan.table)) continue;
        const widened = widenTablePart(tb, path, created);
        if (widened) replaced.set(path.toLowerCase(), compress(widened));
      }
    }
  }

  // our sheets: in place of an earlier run's of the same name, else appended
  const wbPath = pkg.workbookPath;
  const wbRelsPath = relsPathOf(wbPath);
  const wbRelsBytes = partBytes(pkg, wbRelsPath);
  const wbRelIds = relationshipIds(wbRelsBytes, wbRelsPath);
  const newWbRels: { id: string; type: string; target: string }[] = [];
  const appendSheets: { name: string; sheetId: number; rId: string }[] = [];
  const definedNames: { name: string; localSheetId: number; value: string }[] = [];
  const replacePrintNamesOf = new Set<number>();
  const contentAdds: { part: string; type: string }[] = [];
  let sheetId = Math.max(0, ...pkg.sheets.map((s) => s.sheetId));
  const ownByName = new Map(opened.own.map((o) => [o.sheet.name, o.sheet]));
  // table parts of our old sheets go; their names and ids are free again
  const oldParts = new Set<string>();
  for (const o of opened.own) {
    if (!o.sheet.path || !ownSheets.some((x) => x.name === o.sheet.name)) continue;
    for (const p of partsOf(opened, o.sheet.path)) oldParts.add(p.toLowerCase());
  }
  const tables = tablesInUse(opened, oldParts);
  let tableId = Math.max(0, ...tables.ids);
  for (const p of oldParts) dropped.add(p);

  for (const own of ownSheets) {
    const existing: SheetEntry | undefined = ownByName.get(own.name);
    const path = existing?.path ?? fresh('xl/worksheets/', 'sheet');
    const index = existing ? pkg.sheets.indexOf(existing) : pkg.sheets.length + appendSheets.length;
    const sheetRels: { id: string; type: string; target: string }[] = [];
    const relIds = new Set<string>();
    let drawing: string | undefined;
    const tableRels: string[] = [];
    if (own.summary) {
      const { layout, summary } = own.summary;
      for (const spec of layout.tables) {
        const block = layout.blocks.find((b) => b.address === spec.address);
        if (!block) continue;
        const tname = uniqueTableName(spec.name, tables.names);
        tables.names.add(tname);
        const tpath = fresh('xl/tables/', 'table');
        const id = freshRelId(relIds);
        tableRels.push(id);
        sheetRels.push({ id, type: REL_TYPES.table, target: `../tables/${tpath.slice('xl/tables/'.length)}` });
        addPart(tpath, [utf8(tableXml(++tableId, tname, spec.address, block.values[0].map(String), spec.style))], CONTENT_TYPES.table);
      }
      if (layout.chart) {
        const cpath = fresh('xl/charts/', 'chart');
        const dpath = fresh('xl/drawings/', 'drawing');
        addPart(cpath, [utf8(chartOf(own.name, layout.chart, summary))], CONTENT_TYPES.chart);
        addPart(dpath, [utf8(drawingXml(layout.chart, 'rId1'))], CONTENT_TYPES.drawing);
        addPart(relsPathOf(dpath), appendRelationships(null, '', [{ id: 'rId1', type: REL_TYPES.chart, target: `../charts/${cpath.slice('xl/charts/'.length)}` }]));
        drawing = freshRelId(relIds);
        sheetRels.push({ id: drawing, type: REL_TYPES.drawing, target: `../drawings/${dpath.slice('xl/drawings/'.length)}` });
      }
    }
    const sink = new PartSink();
    const names = await writeLayoutSheet(typeof own.layout === 'function' ? own.layout() : own.layout, styles, strings, sink, { drawing, tables: tableRels });
    const pieces = sink.finish();
    const relsPath = relsPathOf(path);
    if (existing) {
      replaced.set(path.toLowerCase(), pieces);
      dropped.delete(path.toLowerCase());
      replacePrintNamesOf.add(index);
      if (sheetRels.length > 0) {
        dropped.delete(relsPath.toLowerCase());
        if (taken.has(relsPath.toLowerCase())) replaced.set(relsPath.toLowerCase(), compress(appendRelationships(null, relsPath, sheetRels)));
        else addPart(relsPath, appendRelationships(null, relsPath, sheetRels));
      } else if (taken.has(relsPath.toLowerCase())) dropped.add(relsPath.toLowerCase());
    } else {
      added.push({ part: path, data: pieces, type: CONTENT_TYPES.worksheet });
      if (sheetRels.length > 0) addPart(relsPath, appendRelationships(null, relsPath, sheetRels));
      const rId = freshRelId(wbRelIds);
      newWbRels.push({ id: rId, type: REL_TYPES.worksheet, target: relativeTo(wbPath, path) });
      appendSheets.push({ name: own.name, sheetId: ++sheetId, rId });
    }
    for (const d of names) definedNames.push(definedName(d, index));
  }

  // the string table, then styles, workbook, its relationships, content types
  if (strings.added > 0 || keep < opened.strings.count) {
    const sink = new PartSink();
    strings.write(sink);
    const data = sink.finish();
    if (sstPath && sstBytes) replaced.set(sstPath.toLowerCase(), data);
    else {
      const part = sstPath ?? (taken.has('xl/sharedstrings.xml') ? fresh('xl/', 'sharedStrings') : 'xl/sharedStrings.xml');
      added.push({ part, data, type: CONTENT_TYPES.sharedStrings });
      if (!sstPath) newWbRels.push({ id: freshRelId(wbRelIds), type: REL_TYPES.sharedStrings, target: relativeTo(wbPath, part) });
    }
  }
  const stylesOut = styles.bytesOut();
  if (stylesPath && stylesBytes) {
    if (styles.changed) replaced.set(stylesPath.toLowerCase(), compress(stylesOut));
  } else {
    const sp = 'xl/styles.xml';
    addPart(sp, stylesOut, CONTENT_TYPES.styles);
    newWbRels.push({ id: freshRelId(wbRelIds), type: REL_TYPES.styles, target: relativeTo(wbPath, sp) });
  }
  const wbBytes = partBytes(pkg, wbPath);
  if (!wbBytes) throw new Error('内部错误：没有 workbook.xml');
  replaced.set(wbPath.toLowerCase(), compress(editWorkbook(wbBytes, wbPath, { appendSheets, replacePrintNamesOf, definedNames })));
  if (newWbRels.length > 0) {
    if (wbRelsBytes) replaced.set(wbRelsPath.toLowerCase(), compress(appendRelationships(wbRelsBytes, wbRelsPath, newWbRels)));
    else addPart(wbRelsPath, appendRelationships(null, wbRelsPath, newWbRels));
  }
  for (const a of added) if (a.type) contentAdds.push({ part: a.part, type: a.type });
  const ct = partBytes(pkg, '[Content_Types].xml');
  if (!ct) throw new Error('内部错误：没有 [Content_Types].xml');
  replaced.set('[content_types].xml', compress(editContentTypes(ct, contentAdds, dropped)));

  const out = new ZipWriter();
  for (const e of zip.entries) {
    const key = e.name.toLowerCase();
    if (dropped.has(key)) continue;
    const r = replaced.get(key);
    if (r) out.addCompressed(e.name, await r);
    else out.copy(zip, e);
  }
  for (const a of added) out.addCompressed(a.part, await a.data);
  return out.finish();
}

/**
 * How many of the table's strings stay: all of them, or those before the tail a previous run of ours appended when
 * every cell that points into it is one this run replaces (our cells of a roster sheet it patches, our sheets it
 * rewrites). Sheets the reader does not read (macro and dialog sheets) and revision logs may point anywhere: then all stay.
 */
function keptStrings(opened: OpenedRoster, replacedOwn: ReadonlySet<string>): number {
  const { count, appended, appendedRefs } = opened.strings;
  if (!appended) return count;
  if (opened.pkg.sheets.some((s) => s.kind !== 'worksheet' && s.kind !== 'chartsheet')) return count;
  if (opened.pkg.zip.entries.some((e) => e.name.toLowerCase().startsWith('xl/revisions/'))) return count;
  for (const [sheetName, refs] of appendedRefs) {
    if (replacedOwn.has(sheetName)) continue;
    const plan = opened.plans.find((p) => p.sheetName === sheetName);
    if (!plan?.output) return count;
    const cols = new Set(plan.output.columns.map((c) => c.col));
    const rows = new Set([plan.output.headerRow, ...plan.rows.map((r) => r.sheetRow)]);
    for (let i = 0; i < refs.length; i += 2) if (!rows.has(refs[i]) || !cols.has(refs[i + 1])) return count;
  }
  return appended.from;
}

function tableNamed(b: Uint8Array, path: string, tableName: string): boolean {
  const s = new XmlScanner(b, path);
  const t = newTag();
  while (s.next(t)) if (t.kind !== CLOSE && is(b, t, N.table)) return attr(b, t, N.displayName) === tableName || attr(b, t, N.name) === tableName;
  return false;
}

/** The parts an earlier run's sheet of ours refers to (tables, its drawing and the drawing's charts), and its rels. */
function partsOf(opened: OpenedRoster, sheetPath: string): string[] {
  const out: string[] = [];
  for (const rel of readRelationships(opened.pkg, sheetPath)) {
    if (rel.external) continue;
    const target = resolveTarget(sheetPath, rel.target);
    out.push(target);
    if (relKind(rel.type) === 'drawing') {
      for (const inner of readRelationships(opened.pkg, target)) if (!inner.external && relKind(inner.type) === 'chart') out.push(resolveTarget(target, inner.target));
      out.push(relsPathOf(target));
    }
  }
  return out;
}

function relativeTo(from: string, part: string): string {
  const base = from.slice(0, from.lastIndexOf('/') + 1);
  return part.startsWith(base) ? part.slice(base.length) : `/${part}`;
}

function definedName(d: DefinedName, localSheetId: number): { name: string; localSheetId: number; value: string } {
  return { name: d.name, localSheetId, value: d.value };
}

function tableXml(id: number, tableName: string, ref: string, headers: readonly string[], style: string): string {
  const cols = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(h)}"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="${id}" name="${escapeAttr(tableName)}" displayName="${escapeAttr(tableName)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/><tableColumns count="${headers.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeAttr(style)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`
  );
}

function chartOf(sheetName: string, spec: ChartSpec, summary: Summary): string {
  return chartXml(sheetName, spec, summary.groups.map((g) => [g.unit, g.department] as [string, string]), summary.groups.map((g) => g.complianceRate));
}
