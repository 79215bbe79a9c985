// Excel.Chart and ChartCollection in the simulator: add (source on the same sheet), one series with its name and
// categories, title, legend, value axis, position, delete; recorded on the sheet (sheet.charts).
import type { SheetModel, SimChartModel } from './model';
import { SimContext, SimError, SimItemCollection, SimObject, boxOf, guardProtected, writeOnly } from './context';
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

export class SimChartCollection extends SimItemCollection<SimChart> {
  protected readonly defaultItemProps = ['name'];
  constructor(
    ctx: SimContext,
    private readonly sheet: () => SheetModel,
  ) {
    super(ctx);
  }
  protected makeItems(): SimChart[] {
    const sheet = this.sheet();
    return sheet.charts.map((c) => new SimChart(this.ctx, () => ({ sheet, chart: c })));
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
        source: boxOf(ref),
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
    /** An object of write-only properties, each applied to the chart at sync. */
    const writes = <T extends object>(props: Record<string, (c: SimChartModel, v: never) => void>, base = {} as T): T => {
      for (const [name, apply] of Object.entries(props)) {
        Object.defineProperty(base, name, writeOnly<never>(name, (v) => ctx.later(() => apply(target(), v))));
      }
      return base;
    };
    const series = writes({ name: (c, v: string) => (c.seriesName = v) }, {
      setXAxisValues(range: SimRange): void {
        ctx.later(() => void (target().categories = boxOf(range.resolve())));
      },
    });
    return {
      title: writes({ text: (c, v: string) => (c.title = v) }),
      legend: writes({ visible: (c, v: boolean) => (c.legendVisible = v) }),
      series: {
        getItemAt(i: number) {
          if (i !== 0) throw new SimError('InvalidArgument', 'the simulation has one series per chart');
          return series;
        },
      },
      axes: {
        valueAxis: writes({
          numberFormat: (c, v: string) => (c.valueAxis.numberFormat = v),
          minimum: (c, v: number) => (c.valueAxis.minimum = v),
          maximum: (c, v: number) => (c.valueAxis.maximum = v),
        }),
      },
      setPosition(topLeft: string, bottomRight: string): void {
        ctx.later(() => void (target().position = { topLeft, bottomRight }));
      },
    };
  }
}
