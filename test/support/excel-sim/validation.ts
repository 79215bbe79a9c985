// Excel.DataValidation in the simulator: rule, input prompt (title ≤ 32, message ≤ 255 characters, as Excel
// enforces), error alert, ignoreBlanks, clear. Recorded per range on the sheet (sheet.validations).
import type { SimValidation } from './model';
import { SimContext, SimError, boxOf, notLoaded, overlaps, sameBox, type RangeRef } from './context';

export class SimDataValidation {
  constructor(
    private readonly ctx: SimContext,
    private readonly resolve: () => RangeRef,
  ) {}

  private record(f: (v: SimValidation) => void): void {
    this.ctx.later(() => {
      const r = this.resolve();
      let v = r.sheet.validations.find((x) => sameBox(x.box, r));
      if (!v) r.sheet.validations.push((v = { box: boxOf(r) }));
      f(v);
    });
  }

  clear(): void {
    this.ctx.later(() => {
      const r = this.resolve();
      r.sheet.validations = r.sheet.validations.filter((v) => !overlaps(v.box, r));
    });
  }
  set rule(v: unknown) {
    this.record((x) => (x.rule = v));
  }
  get rule(): unknown {
    throw notLoaded('rule');
  }
  set prompt(v: SimValidation['prompt']) {
    if (v && (Array.from(v.title).length > 32 || Array.from(v.message).length > 255)) {
      throw new SimError('InvalidArgument', 'data validation prompt too long (title ≤ 32, message ≤ 255)');
    }
    this.record((x) => (x.prompt = v));
  }
  get prompt(): SimValidation['prompt'] {
    throw notLoaded('prompt');
  }
  set errorAlert(v: SimValidation['errorAlert']) {
    this.record((x) => (x.errorAlert = v));
  }
  get errorAlert(): SimValidation['errorAlert'] {
    throw notLoaded('errorAlert');
  }
  set ignoreBlanks(v: boolean) {
    this.record((x) => (x.ignoreBlanks = v));
  }
  get ignoreBlanks(): boolean {
    throw notLoaded('ignoreBlanks');
  }
}
