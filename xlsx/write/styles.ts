// styles.xml with our entries APPENDED: fonts (the workbook's default font with bold/size/colour laid over it, so
// the clerk's font family stays), fills, borders, number formats (built-in ids where Excel has one), cell formats
// and differential formats (状态 colours). Nothing existing is changed or reordered; an entry identical to one
// already there (a previous run's) is reused. Element order per CT_Stylesheet (ECMA-376 Part 1, 18.8.39).
import { DamagedPartError } from '../errors';
import { CLOSE, EMPTY, OPEN, XmlScanner, attr, attrInt, localName, name, newTag } from '../xml/scan';
import { escapeAttr, utf8 } from './xml-text';

/** CT_Stylesheet's children in schema order. */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'] as const;
type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs' | 'dxfs';

/** Excel's built-in number formats we use (ECMA-376 Part 1, 18.8.30). */
const BUILTIN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

export type XfSpec = {
  numFmt: string;
  bold?: boolean;
  fontSize?: number;
  /** #RRGGBB */
  fontColor?: string;
  fill?: string;
  wrap?: boolean;
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'top' | 'center' | 'bottom';
  border?: boolean;
};

export type DxfSpec = { fontColor: string; fill: string };

type List = { present: boolean; start: number; end: number; closeAt: number; selfClosing: boolean; items: string[]; added: string[] };

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

export class StyleBook {
  private readonly lists = {} as Record<ListName, List>;
  private readonly prefix: string;
  private readonly numFmtIds = new Map<string, number>();
  private nextNumFmt = 164;
  private readonly xfMemo = new Map<string, number>();
  private readonly defaultFont: string;
  private readonly topLevel: { name: string; start: number }[] = [];
  private rootEnd = -1;

  constructor(private readonly bytes: Uint8Array, private readonly path: string) {
    const s = new XmlScanner(bytes, path);
    const t = newTag();
    let depth = 0;
    let prefix = '';
    let current: { name: ListName; list: List; childDepth: number; childStart: number } | null = null;
    for (const n of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as ListName[]) {
      this.lists[n] = { present: false, start: -1, end: -1, closeAt: -1, selfClosing: false, items: [], added: [] };
    }
    while (s.next(t)) {
      if (t.kind === CLOSE) {
        depth--;
        if (depth === 0) this.rootEnd = t.start;
        if (current && depth === 1) {
          current.list.closeAt = t.start;
          current.list.end = t.end;
          current = null;
        } else if (current && depth === current.childDepth) {
          current.list.items.push(new TextDecoder().decode(bytes.subarray(current.childStart, t.end)));
        }
        continue;
      }
      if (depth === 0) prefix = t.local > t.nameStart ? new TextDecoder().decode(bytes.subarray(t.nameStart, t.local)) : '';
      if (depth === 1) {
        const n = localName(bytes, t);
        this.topLevel.push({ name: n, start: t.start });
        if ((ORDER as readonly string[]).includes(n) && n in this.lists) {
          const list = this.lists[n as ListName];
          list.present = true;
          list.start = t.start;
          if (t.kind === EMPTY) {
            list.selfClosing = true;
            list.end = t.end;
            list.closeAt = t.start;
          } else current = { name: n as ListName, list, childDepth: 2, childStart: 0 };
        }
      } else if (current && depth === 2) {
        if (t.kind === EMPTY) current.list.items.push(new TextDecoder().decode(bytes.subarray(t.start, t.end)));
        else current.childStart = t.start;
        if (current.name === 'numFmts') {
          const id = attrInt(bytes, t, name('numFmtId'));
          const code = attr(bytes, t, name('formatCode'));
          if (id >= 0 && code !== null && !this.numFmtIds.has(code)) this.numFmtIds.set(code, id);
          if (id >= this.nextNumFmt) this.nextNumFmt = id + 1;
        }
      }
      if (t.kind === OPEN) depth++;
    }
    if (this.rootEnd < 0) throw new DamagedPartError(path, 'styles root');
    this.prefix = prefix ? `${prefix}:` : '';
    const font0 = this.lists.fonts.items[0];
    this.defaultFont = font0 ?? `<${this.prefix}font><${this.prefix}sz val="11"/><${this.prefix}name val="Calibri"/></${this.prefix}font>`;
    // items of every list are compared without the prefix so that our own entries (written with it) are found again
  }

  /** An empty stylesheet, for a package without one. */
  static empty(): StyleBook {
    const xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
    return new StyleBook(utf8(xml), 'xl/styles.xml');
  }

  private el(n: string): string {
    return `${this.prefix}${n}`;
  }

  /** The index of `xml` in a list (existing or added), appending it when new. */
  private indexIn(list: ListName, xml: string): number {
    const l = this.lists[list];
    const at = l.items.indexOf(xml);
    if (at >= 0) return at;
    const added = l.added.indexOf(xml);
    if (added >= 0) return l.items.length + added;
    l.added.push(xml);
    return l.items.length + l.added.length - 1;
  }

  numFmtId(code: string): number {
    const builtin = BUILTIN[code];
    if (builtin !== undefined) return builtin;
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.lists.numFmts.added.push(`<${this.el('numFmt')} numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    return id;
  }

  private font(spec: XfSpec): number {
    if (spec.bold === undefined && spec.fontSize === undefined && spec.fontColor === undefined) return 0;
    const p = this.prefix;
    // the default font's children, with ours laid over: b, sz and color replaced or added (CT_Font is a choice list)
    let inner = this.defaultFont.replace(new RegExp(`^<${p}font[^>]*>|</${p}font>$`, 'g'), '');
    if (this.defaultFont.endsWith('/>')) inner = '';
    const drop = (n: string): void => {
      inner = inner.replace(new RegExp(`<${p}${n}(?:\\s[^>]*)?/>|<${p}${n}(?:\\s[^>]*)?>[^<]*</${p}${n}>`, 'g'), '');
    };
    let head = '';
    if (spec.bold !== undefined) {
      drop('b');
      if (spec.bold) head += `<${p}b/>`;
    }
    if (spec.fontColor !== undefined) {
      drop('color');
      head += `<${p}color rgb="${argb(spec.fontColor)}"/>`;
    }
    if (spec.fontSize !== undefined) {
      drop('sz');
      head += `<${p}sz val="${spec.fontSize}"/>`;
    }
    return this.indexIn('fonts', `<${p}font>${head}${inner}</${p}font>`);
  }

  private fill(hex: string | undefined): number {
    if (hex === undefined) return 0;
    const p = this.prefix;
    return this.indexIn('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="${argb(hex)}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  private border(box: boolean | undefined): number {
    if (!box) return 0;
    const p = this.prefix;
    const side = (n: string): string => `<${p}${n} style="thin"><${p}color indexed="64"/></${p}${n}>`;
    return this.indexIn('borders', `<${p}border>${side('left')}${side('right')}${side('top')}${side('bottom')}<${p}diagonal/></${p}border>`);
  }

  /** The cellXfs index of a cell format (appended once per distinct spec). */
  xf(spec: XfSpec): number {
    const key = JSON.stringify(spec);
    const memo = this.xfMemo.get(key);
    if (memo !== undefined) return memo;
    const p = this.prefix;
    const numFmtId = this.numFmtId(spec.numFmt);
    const fontId = this.font(spec);
    const fillId = this.fill(spec.fill);
    const borderId = this.border(spec.border);
    const align = spec.wrap !== undefined || spec.horizontal || spec.vertical
      ? `<${p}alignment${spec.horizontal ? ` horizontal="${spec.horizontal}"` : ''}${spec.vertical ? ` vertical="${spec.vertical}"` : ''}${spec.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const attrs = `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1"${fontId ? ' applyFont="1"' : ''}${fillId ? ' applyFill="1"' : ''}${borderId ? ' applyBorder="1"' : ''}${align ? ' applyAlignment="1"' : ''}`;
    const xml = align ? `<${p}xf ${attrs}>${align}</${p}xf>` : `<${p}xf ${attrs}/>`;
    const id = this.indexIn('cellXfs', xml);
    this.xfMemo.set(key, id);
    return id;
  }

  /** The dxfs index of a differential format (a conditional format's font colour and fill). */
  dxf(spec: DxfSpec): number {
    const p = this.prefix;
    return this.indexIn('dxfs', `<${p}dxf><${p}font><${p}color rgb="${argb(spec.fontColor)}"/></${p}font><${p}fill><${p}patternFill patternType="solid"><${p}bgColor rgb="${argb(spec.fill)}"/></${p}patternFill></${p}fill></${p}dxf>`);
  }

  get changed(): boolean {
    return Object.values(this.lists).some((l) => l.added.length > 0);
  }

  /** The new styles.xml: the original bytes with our entries spliced in and the lists' counts updated. */
  bytesOut(): Uint8Array[] {
    if (!this.changed) return [this.bytes];
    const out: Uint8Array[] = [];
    let at = 0;
    const emit = (to: number): void => {
      if (to > at) out.push(this.bytes.subarray(at, to));
      at = Math.max(at, to);
    };
    // insertion points, in file order: each list's close tag, or (absent lists) before the next schema element
    const edits: { at: number; skipTo: number; text: string }[] = [];
    for (const n of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs', 'dxfs'] as ListName[]) {
      const l = this.lists[n];
      if (l.added.length === 0) continue;
      const count = l.items.length + l.added.length;
      const el = this.el(n);
      if (!l.present) {
        edits.push({ at: this.insertionPoint(n), skipTo: -1, text: `<${el} count="${count}">${l.added.join('')}</${el}>` });
      } else if (l.selfClosing) {
        edits.push({ at: l.start, skipTo: l.end, text: `<${el} count="${count}">${l.added.join('')}</${el}>` });
      } else {
        // the start tag again with the new count, then the old children, then ours before the close tag
        const start = this.startTagEnd(l.start);
        edits.push({ at: l.start, skipTo: start, text: `<${el} count="${count}">` });
        edits.push({ at: l.closeAt, skipTo: -1, text: l.added.join('') });
      }
    }
    edits.sort((a, b) => a.at - b.at);
    for (const e of edits) {
      emit(e.at);
      out.push(utf8(e.text));
      if (e.skipTo >= 0) at = e.skipTo;
    }
    emit(this.bytes.length);
    return out;
  }

  private startTagEnd(start: number): number {
    const s = new XmlScanner(this.bytes, this.path, start);
    const t = newTag();
    s.next(t);
    return t.end;
  }

  private insertionPoint(list: ListName): number {
    const rank = ORDER.indexOf(list);
    const after = this.topLevel.find((e) => ORDER.indexOf(e.name as (typeof ORDER)[number]) > rank);
    return after ? after.start : this.rootEnd;
  }
}
