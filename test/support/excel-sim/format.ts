// Excel.RangeFormat and conditional formats in the simulator: font, fill, column width, autofit, wrap, alignment,
// row height, borders. Every property is write-only until loaded (reading throws PropertyNotLoaded), every write
// is queued until sync and refused on a protected sheet.
import type { ConditionalFormat, SimCellLayoutStyle } from './model';
import { OP_OVERHEAD, SimContext, SimError, boxOf, guardProtected, notLoaded, sameBox, writeOnly, type RangeRef } from './context';

/** Styles are recorded for at most this many rows of a range (a whole-column format stays cheap). */
const STYLE_ROWS = 5000;
const EDGES = new Set(['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp']);

type BorderItem = { style: string; weight: string; color: string };

export class SimRangeFormat {
  readonly font: { bold: boolean; color: string };
  readonly fill: { color: string };
  constructor(
    private readonly ctx: SimContext,
    private readonly resolve: () => RangeRef,
  ) {
    type Look = { bold?: boolean; fill?: string; fontColor?: string };
    const style = (apply: (s: Look) => void): void =>
      this.ctx.later(() => {
        const r = this.resolve();
        guardProtected(r.sheet);
        for (let i = 0; i < Math.min(r.rows, 1000); i++)
          for (let j = 0; j < r.cols; j++) {
            const key = `${r.row + i},${r.col + j}`;
            const s = r.sheet.styled.get(key) ?? {};
            apply(s);
            r.sheet.styled.set(key, s);
          }
      });
    const looks = <T>(props: Record<string, (s: Look, v: never) => void>): T => {
      const o = {};
      for (const [name, apply] of Object.entries(props)) Object.defineProperty(o, name, writeOnly<never>(name, (v) => style((s) => apply(s, v))));
      return o as T;
    };
    this.font = looks({ bold: (s, v: boolean) => (s.bold = v), color: (s, v: string) => (s.fontColor = v) });
    this.fill = looks({ color: (s, v: string) => (s.fill = v) });
  }

  set columnWidth(w: number) {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      for (let j = 0; j < r.cols; j++) r.sheet.columnWidths.set(r.col + j, w);
    });
  }
  get columnWidth(): number {
    throw notLoaded('columnWidth');
  }

  /** Widths from the longest text of the first 2,000 rows (CJK characters count wider). */
  autofitColumns(): void {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      for (let j = r.col; j < r.col + r.cols; j++) {
        let width = 48;
        for (let i = r.row; i < Math.min(r.row + r.rows, r.row + 2000); i++) {
          const text = String(r.sheet.get(i, j));
          const w = Array.from(text).reduce((n, ch) => n + (ch.charCodeAt(0) > 0xff ? 12 : 7), 10);
          width = Math.max(width, Math.min(w, 240));
        }
        r.sheet.columnWidths.set(j, width);
      }
    });
  }

  private layout(apply: (s: SimCellLayoutStyle) => void): void {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      const styles = r.sheet.cellStyles;
      for (let i = r.row; i < r.row + Math.min(r.rows, STYLE_ROWS); i++)
        for (let j = r.col; j < r.col + Math.min(r.cols, 200); j++) apply((styles[`${i},${j}`] ??= {}));
    });
  }
  set wrapText(v: boolean) {
    this.layout((s) => (s.wrap = v));
  }
  get wrapText(): boolean {
    throw notLoaded('wrapText');
  }
  set horizontalAlignment(v: string) {
    this.layout((s) => (s.horizontal = v));
  }
  get horizontalAlignment(): string {
    throw notLoaded('horizontalAlignment');
  }
  set verticalAlignment(v: string) {
    this.layout((s) => (s.vertical = v));
  }
  get verticalAlignment(): string {
    throw notLoaded('verticalAlignment');
  }
  set rowHeight(v: number) {
    this.ctx.later(() => {
      const r = this.resolve();
      guardProtected(r.sheet);
      for (let i = r.row; i < r.row + Math.min(r.rows, STYLE_ROWS); i++) r.sheet.rowHeights[i] = v;
    });
  }
  get rowHeight(): number {
    throw notLoaded('rowHeight');
  }

  /** Excel.RangeBorderCollection: one border per edge of this range. */
  get borders(): { getItem: (edge: string) => BorderItem } {
    return {
      getItem: (edge: string): BorderItem => {
        if (!EDGES.has(edge)) throw new SimError('InvalidArgument', `border index ${edge}`);
        const set = (key: keyof BorderItem, v: string): void =>
          this.ctx.later(() => {
            const r = this.resolve();
            guardProtected(r.sheet);
            const list = r.sheet.borders;
            let b = list.find((x) => x.edge === edge && sameBox(x.box, r));
            if (!b) list.push((b = { box: boxOf(r), edge }));
            b[key] = v;
          });
        const item = {} as BorderItem;
        for (const key of ['style', 'weight', 'color'] as const) Object.defineProperty(item, key, writeOnly<string>(key, (v) => set(key, v)));
        return item;
      },
    };
  }
}

export class SimConditionalFormats {
  constructor(
    private readonly ctx: SimContext,
    private readonly resolve: () => RangeRef,
  ) {}

  clearAll(): void {
    this.ctx.enqueue({
      bytes: OP_OVERHEAD,
      run: () => {
        const r = this.resolve();
        r.sheet.conditionalFormats = r.sheet.conditionalFormats.filter(
          (f) => !(f.row < r.row + r.rows && r.row < f.row + f.rows && f.col < r.col + r.cols && r.col < f.col + f.cols),
        );
        return 0;
      },
    });
  }

  add(type: string): { textComparison: { format: { font: { color: string }; fill: { color: string } }; rule: { operator: string; text: string } } } {
    const record: ConditionalFormat = { row: 0, col: 0, rows: 0, cols: 0, rule: { type } };
    this.ctx.enqueue({
      bytes: OP_OVERHEAD,
      run: () => {
        const r = this.resolve();
        Object.assign(record, { row: r.row, col: r.col, rows: r.rows, cols: r.cols });
        r.sheet.conditionalFormats.push(record);
        return 0;
      },
    });
    const ctx = this.ctx;
    const later = (f: () => void): void => ctx.enqueue({ bytes: OP_OVERHEAD, run: () => (f(), 0) });
    return {
      textComparison: {
        format: {
          font: {
            set color(v: string) {
              later(() => (record.rule.fontColor = v));
            },
            get color(): string {
              throw notLoaded('color');
            },
          },
          fill: {
            set color(v: string) {
              later(() => (record.rule.fillColor = v));
            },
            get color(): string {
              throw notLoaded('color');
            },
          },
        },
        set rule(v: { operator: string; text: string }) {
          later(() => Object.assign(record.rule, { operator: v.operator, text: v.text }));
        },
        get rule(): { operator: string; text: string } {
          throw notLoaded('rule');
        },
      },
    };
  }
}
