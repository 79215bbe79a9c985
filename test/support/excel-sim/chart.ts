// Excel.Chart and ChartCollection in the simulator: add (source on the same sheet), one series with its name and
// categories, title, legend, value axis, position, delete; recorded on the sheet (sheet.charts).
import type { SheetModel, SimChartModel } from './model';
import { SimContext, SimError, SimObject, guardProtected } from './context';
import type { SimRange } from './range';

export class SimChart extends SimObject {
  constructor(
    ctx: SimContext,
    private readonly chart: () => { sheet: SheetModel; chart: SimChartModel },
  ) {
    super(ctx);
  }
  protected readProp(prop: string): unknown {
    const c = this.chart().chart;
    if (prop === 'name') return c.name;
    if (prop === 'id') return c.id;
    if (prop === 'chartType') return c.type;
    throw new SimError('PropertyNotFound', `Chart has no property '${prop}' in this simulation`);
  }
  get name(): string {
    return this.get('name');
  }
  delete(): void {
    this.ctx.later(() => {
      const { sheet, chart } = this.chart();
      guardProtected(sheet);
      sheet.charts.splice(sheet.charts.indexOf(chart), 1);
    });
  }
}

export class SimChartCollection extends SimObject {
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected readProp(prop: string): unknown {
    if (!prop.startsWith('items')) throw new SimError('PropertyNotFound', `ChartCollection has no property '${prop}'`);
    const sub = prop.split('/').slice(1);
    const sheet = this.sheet();
    return sheet.charts.map((c) => {
      const chart = new SimChart(this.ctx, () => ({ sheet, chart: c }));
      chart.resolveLoad(sub.length ? sub : ['name']);
      return chart;
    });
  }
  get items(): SimChart[] {
    return this.get('items');
  }
  add(type: string, source: SimRange, seriesBy = 'Auto'): unknown {
    const ctx = this.ctx;
    let made: { sheet: SheetModel; chart: SimChartModel } | null = null;
    const target = (): SimChartModel => {
      if (!made) throw new SimError('ItemNotFound', 'chart not created');
      return made.chart;
    };
    ctx.later(() => {
      const sheet = this.sheet();
      guardProtected(sheet);
      const ref = source.resolve();
      if (ref.sheet !== sheet) throw new SimError('InvalidArgument', 'chart source on another sheet');
      const list = sheet.charts;
      const chart: SimChartModel = {
        id: `{chart-${list.length + 1}-${Date.now()}}`,
        name: `图表 ${list.length + 1}`,
        type,
        source: { row: ref.row, col: ref.col, rows: ref.rows, cols: ref.cols },
        seriesBy,
        title: '',
        legendVisible: true,
        seriesName: '',
        categories: null,
        valueAxis: {},
        position: null,
      };
      list.push(chart);
      made = { sheet, chart };
    });
    const set = (f: (c: SimChartModel) => void): void => ctx.later(() => f(target()));
    const series = {
      set name(v: string) {
        set((c) => (c.seriesName = v));
      },
      setXAxisValues(range: SimRange): void {
        ctx.later(() => {
          const r = range.resolve();
          target().categories = { row: r.row, col: r.col, rows: r.rows, cols: r.cols };
        });
      },
    };
    return {
      title: {
        set text(v: string) {
          set((c) => (c.title = v));
        },
      },
      legend: {
        set visible(v: boolean) {
          set((c) => (c.legendVisible = v));
        },
      },
      series: {
        getItemAt(i: number) {
          if (i !== 0) throw new SimError('InvalidArgument', 'the simulation has one series per chart');
          return series;
        },
      },
      axes: {
        valueAxis: {
          set numberFormat(v: string) {
            set((c) => (c.valueAxis.numberFormat = v));
          },
          set minimum(v: number) {
            set((c) => (c.valueAxis.minimum = v));
          },
          set maximum(v: number) {
            set((c) => (c.valueAxis.maximum = v));
          },
        },
      },
      setPosition(topLeft: string, bottomRight: string): void {
        set((c) => (c.position = { topLeft, bottomRight }));
      },
    };
  }
}
