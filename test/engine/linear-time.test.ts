// Untrusted text costs linear time (issue: hostile input). Every field and every header cell is fed 50,000-character
// strings of many shapes; each must cost at most a generous multiple of receiving a plain 50,000-character string in
// the same run (a quadratic scan costs thousands of times more). Timing is relative, never absolute.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getRuleSet, evaluate, keyForHeader, mapHeaders, type RosterRowInput } from '../../shared/index';

/** zaozhuang-2023's columns (orders.columns). */
const ROSTER_KEYS = getRuleSet().orders.columns;

const N = 50_000;
/** How many times the cost of JSON.parse of a row holding a plain 50,000-character string a cell may cost. */
const BOUND = 200;

const fill = (unit: string, prefix = '', suffix = '') => prefix + unit.repeat(Math.ceil((N - prefix.length - suffix.length) / unit.length)) + suffix;
const SHAPES: Record<string, string> = {
  'a valid date, spaces, x': fill(' ', '2023-1-1', 'x'),
  'a valid number, spaces, a unit and x': fill(' ', '12', '学时x'),
  'spaces then a digit': fill(' ', '', '1'),
  'ideographic spaces then a digit': fill('\u3000', '', '1'),
  'tabs and spaces': fill('\t \n'),
  'opening brackets': fill('('),
  'full-width brackets': fill('（'),
  'brackets, nested': fill('(（【[') + fill(')）】]'),
  'bracket pairs': fill('(1)'),
  digits: fill('1'),
  'full-width digits': fill('１'),
  dots: fill('.'),
  'digits and dots': fill('1.'),
  'date parts': fill('2023-'),
  'full-width date parts': fill('２０２３－'),
  'chinese date parts': fill('2023年10月'),
  'unit words': fill('学时'),
  'number and unit words': fill('1学时 '),
  'times of day': fill('1:'),
  'hash signs': fill('#'),
  'excel error repeated': fill('#N/A'),
  'total words': fill('合计'),
  'a note row': fill('x', '制表人：'),
  'spaced total word': fill(' 合'),
  'placeholders': fill('/—无'),
  'yes words': fill('是'),
  'plus and minus': fill('+-'),
  'id digits and spaces': fill('1101 0519 '),
};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function timeOf(f: () => unknown, reps: number): number {
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    f();
    ts.push(performance.now() - t);
  }
  return median(ts);
}

/** The cost of receiving a plain 50,000-character cell as JSON, measured now. */
function baseline(): number {
  const json = JSON.stringify({ name: 'a'.repeat(N) });
  return Math.max(timeOf(() => JSON.parse(json), 31), 0.005);
}

/** The ratio of f's cost to the baseline; re-measured (up to three times) before it is reported over the bound. */
function ratioOf(f: () => unknown): number {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt < 3 && best > BOUND; attempt++) best = Math.min(best, timeOf(f, 5) / baseline());
  return best;
}

describe('every field: 50,000-character cells cost linear time', () => {
  it('the shapes are 50,000 characters or more', () => {
    for (const [name, s] of Object.entries(SHAPES)) expect(s.length, name).toBeGreaterThanOrEqual(N);
  });

  for (const key of ROSTER_KEYS) {
    it(`${key}`, () => {
      for (const [shape, cell] of Object.entries(SHAPES)) {
        const row: RosterRowInput = key === 'name' ? { name: cell, platformPublicHours: 30 } : { name: '张三', [key]: cell };
        let result = evaluate([row]);
        const ratio = ratioOf(() => {
          result = evaluate([row]);
        });
        expect(ratio, `${key} = ${shape}`).toBeLessThan(BOUND);
        expect(result.results).toHaveLength(1);
        // messages quote a bad cell shortly, never the whole cell
        for (const e of result.results[0].errors) expect(e.message.length, `${key} = ${shape}`).toBeLessThan(300);
      }
    });
  }
});

describe('every header cell: 50,000-character headers cost linear time', () => {
  for (const [shape, cell] of Object.entries(SHAPES)) {
    it(shape, () => {
      const ratio = ratioOf(() => {
        keyForHeader(cell);
        keyForHeader(`市平台学时 ${cell}`);
        mapHeaders([cell, `${cell} 公需课`, `培训进修 ${cell}`]);
      });
      expect(ratio).toBeLessThan(BOUND);
      expect(keyForHeader(cell)).toBeNull();
    });
  }
});

describe('properties: the engine is linear in its input and never throws (fast-check)', () => {
  /** A piece of cell text: random strings (full Unicode), and the pieces hostile or real cells are made of. */
  const piece = fc.oneof(
    fc.string({ minLength: 1, maxLength: 6 }),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }),
    fc.constantFrom(' ', '\u3000', '(', '（', '1', '１', '.', '学时', '2023-', '年', ':', '#', '合计', '制表人：', '无', '是'),
  );
  const template = fc.array(
    fc.dictionary(fc.constantFrom(...ROSTER_KEYS), fc.tuple(piece, fc.constantFrom('', '2023-10-09', '30', '#N/A', '合计')), {
      minKeys: 1,
      maxKeys: 5,
    }),
    { minLength: 1, maxLength: 2 },
  );

  /** Rows whose cells are `piece` repeated to about `length` characters after a realistic start. */
  function build(t: Record<string, [string, string]>[], length: number): RosterRowInput[] {
    return t.map((row) => {
      const out: Record<string, string> = {};
      for (const [k, [p, start]] of Object.entries(row)) out[k] = start + p.repeat(Math.ceil(length / p.length));
      return out as RosterRowInput;
    });
  }

  /** Time per input character at a size, the median of a few runs (JSON length of the rows as the input size). */
  function perChar(rows: RosterRowInput[]): number {
    return timeOf(() => evaluate(rows, { asOf: '2023-11-01' }), 5) / JSON.stringify(rows).length;
  }

  /** Per-character time of `larger` at most `bound` times that of `smaller` (re-measured up to three times); never throws. */
  function expectLinear(smaller: RosterRowInput[], larger: RosterRowInput[], bound: number): void {
    expect(() => evaluate(larger)).not.toThrow();
    let growth = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 5 && growth > bound; attempt++) growth = Math.min(growth, perChar(larger) / perChar(smaller));
    expect(growth).toBeLessThan(bound);
  }

  it('time per input character does not grow with cell length (1,000 → 50,000 characters)', () => {
    fc.assert(
      fc.property(template, (t) => {
        const small = build(t, 1_000);
        const large = build(t, 50_000);
        // a quadratic cost grows 50 times here
        expectLinear(small, large, 8);
      }),
      { numRuns: 15 },
    );
  });

  it('time per input character does not grow with the number of rows (×8 → ×128), duplicates included', () => {
    fc.assert(
      fc.property(template, fc.constantFrom('11010519491231002X', '1', ''), (t, id) => {
        const base = build(t, 20).map((r) => ({ ...r, idNumber: id }));
        const many = Array.from({ length: 128 }, () => base).flat();
        const few = Array.from({ length: 8 }, () => base).flat();
        // a quadratic cost grows 16 times here
        expectLinear(few, many, 6);
      }),
      { numRuns: 15 },
    );
  });

  it('evaluate never throws on arbitrary rows of arbitrary JSON', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.jsonValue(), fc.dictionary(fc.constantFrom(...ROSTER_KEYS), fc.jsonValue())), { maxLength: 20 }), (rows) => {
        expect(evaluate(rows as RosterRowInput[]).results).toHaveLength(rows.length);
      }),
      { numRuns: 200 },
    );
  });
});
