// Our texts as shared strings, APPENDED to the clerk's string table (xl/sharedStrings.xml, made when there is none):
// a status, a unit's name or a clause written a hundred thousand times is one <si>, and each cell of ours says
// <c t="s"><v>index</v></c>. The clerk's strings keep their places (their cells are copied byte for byte, indices
// and all); ours follow, each text once, the first of them a mark (xlsx/appended-strings.ts) saying where ours end.
//
// A later run over our result drops that tail and appends its own, so the table does not grow from run to run —
// but only when nothing it keeps points into the tail (the caller checks every cell that does); otherwise the tail
// stays and the new strings follow it.
import { DamagedPartError } from '../errors';
import { CLOSE, EMPTY, OPEN, XmlScanner, is, name, newTag } from '../xml/scan';
import type { PartSink } from '../zip/part-sink';
import { appendedMark } from '../appended-strings';
import { MAIN_NS } from './layout-sheet';
import { escapeText, spaceAttr } from './xml-text';

const N = { sst: name('sst'), si: name('si') };

/**
 * Texts longer than this are written in their cells (inline strings): they are mostly one person's own (说明, a
 * reminder's message), so a table entry would save nothing and cost a lookup of the whole text and memory until
 * the end.
 */
const MAX_SHARED_CHARS = 64;

/**
 * Where the clerk's table's pieces lie: its root tag, the end of the strings kept (the start of the first one
 * dropped, or of what follows the strings), and the start of what follows the strings (an extension list, the end tag).
 */
type Layout = { rootTag: string; rootStart: number; rootEnd: number; empty: boolean; prefix: string; keptEnd: number; restStart: number };

function layoutOf(bytes: Uint8Array, path: string, keep: number): Layout {
  const s = new XmlScanner(bytes, path);
  const t = newTag();
  const out: Layout = { rootTag: '', rootStart: 0, rootEnd: 0, empty: false, prefix: '', keptEnd: -1, restStart: -1 };
  let strings = 0;
  while (s.next(t)) {
    if (t.kind === CLOSE) {
      out.restStart = t.start;
      break;
    }
    if (!out.rootTag) {
      if (!is(bytes, t, N.sst)) s.fail('not a shared string table');
      out.rootTag = new TextDecoder().decode(bytes.subarray(t.start, t.end));
      out.rootStart = t.start;
      out.rootEnd = t.end;
      out.prefix = new TextDecoder().decode(bytes.subarray(t.nameStart, t.local));
      if (t.kind === EMPTY) {
        out.empty = true;
        out.keptEnd = out.restStart = t.end;
        break;
      }
      continue;
    }
    // a child of <sst>: the strings (CT_Sst: si*, then extLst)
    if (!is(bytes, t, N.si)) {
      out.restStart = t.start;
      break;
    }
    if (strings === keep) out.keptEnd = t.start;
    strings++;
    if (t.kind === OPEN) s.skipElement(t);
  }
  if (!out.rootTag || out.restStart < 0) throw new DamagedPartError(path, 'no <sst>');
  if (out.keptEnd < 0) out.keptEnd = out.restStart;
  return out;
}

/** A start tag without its closing `>` or `/>` and the spaces before it (a scan from the end: linear, no regex). */
function openingWithout(tag: string): string {
  let end = tag.length;
  if (tag.charCodeAt(end - 1) === 0x3e) end--; // >
  if (tag.charCodeAt(end - 1) === 0x2f) end--; // /
  while (end > 0 && /\s/.test(tag[end - 1])) end--;
  return tag.slice(0, end);
}

export class SharedStrings {
  private readonly ours = new Map<string, number>();

  /**
   * `source`: the clerk's table (bytes and path), or null when the package has none; `keep`: how many of its strings
   * stay (all of them, or fewer when a previous run's tail goes). Index `keep` is the mark; ours follow it.
   */
  constructor(
    private readonly source: { bytes: Uint8Array; path: string } | null,
    private readonly keep: number,
  ) {}

  /** Whether a text goes into the table (else into its cell). */
  shares(text: string): boolean {
    return text.length <= MAX_SHARED_CHARS;
  }

  /** The index of a text (appended the first time it is asked for). */
  of(text: string): number {
    let i = this.ours.get(text);
    if (i === undefined) {
      i = this.keep + 1 + this.ours.size;
      this.ours.set(text, i);
    }
    return i;
  }

  /** Strings appended so far (the mark not counted). */
  get added(): number {
    return this.ours.size;
  }

  /** The whole table: the clerk's strings kept byte for byte, the mark and ours after them. */
  write(sink: PartSink): void {
    const total = this.keep + 1 + this.ours.size;
    const layout = this.source ? layoutOf(this.source.bytes, this.source.path, this.keep) : null;
    const p = layout?.prefix ?? '';
    const si = (text: string): string => `<${p}si><${p}t${spaceAttr(text)}>${escapeText(text)}</${p}t></${p}si>`;
    const src = this.source?.bytes;
    if (layout && src) {
      // the root tag with the new uniqueCount; count (references, optional) left out: it is no longer known
      sink.copy(src, 0, layout.rootStart);
      sink.text(`${openingWithout(layout.rootTag.replace(/\s(?:count|uniqueCount)\s*=\s*("[^"]*"|'[^']*')/g, ''))} uniqueCount="${total}">`);
      if (!layout.empty) sink.copy(src, layout.rootEnd, layout.keptEnd);
    } else {
      sink.text(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${MAIN_NS}" uniqueCount="${total}">`);
    }
    sink.text(si(appendedMark(total)));
    for (const text of this.ours.keys()) sink.text(si(text));
    if (layout && src) {
      if (layout.empty) sink.text(`</${p}sst>`);
      sink.copy(src, layout.restStart, src.length);
    } else sink.text('</sst>');
  }
}
