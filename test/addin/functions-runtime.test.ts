// functions.ts in a mocked custom-functions runtime: registration, #VALUE! with the engine's message.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import examples from '../fixtures/examples.json';
import { HEADERS, evaluate } from '../../shared/index';
import type { CellValue, RosterRowInput } from '../../shared/types';
import { FUNCTION_KINDS } from '../../addin/functions/ids';

class MockCfError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {}
}
const associate = vi.fn();
type Fn = (row: unknown[][], headers?: unknown[][]) => unknown[][];
let fns: Record<string, Fn>;
let registered = false;
let register: () => boolean = () => false;

type Example = { id: string; row: Record<string, CellValue>; expect: { status: string } };
const cases = examples as unknown as Example[];
const cells = (row: RosterRowInput): CellValue[] => HEADERS.map((h) => row[h.key] ?? null);
const badRow = cases.find((c) => c.expect.status === '数据有误')?.row as RosterRowInput;
const goodRow = cases.find((c) => c.id === 'ex03')?.row as RosterRowInput;

beforeAll(async () => {
  vi.stubGlobal('CustomFunctions', {
    Error: MockCfError,
    ErrorCode: { invalidValue: '#VALUE!' },
    associate,
  });
  const mod = await import('../../addin/functions/functions');
  fns = mod.CUSTOM_FUNCTIONS as unknown as Record<string, Fn>;
  registered = mod.registerCustomFunctions();
  register = mod.registerCustomFunctions;
});
afterAll(() => {
  vi.unstubAllGlobals();
});

describe('custom functions runtime layer', () => {
  it('registers every function with CustomFunctions.associate, only where the runtime exists', () => {
    expect(registered).toBe(true);
    const ids = associate.mock.calls.map((c) => c[0]);
    expect(ids.sort()).toEqual(Object.keys(FUNCTION_KINDS).sort());
    for (const [id, fn] of associate.mock.calls) expect(fn).toBe(fns[id as string]);
    vi.unstubAllGlobals();
    expect(register()).toBe(false);
    expect(associate).toHaveBeenCalledTimes(Object.keys(FUNCTION_KINDS).length);
    vi.stubGlobal('CustomFunctions', { Error: MockCfError, ErrorCode: { invalidValue: '#VALUE!' }, associate });
  });

  it('a 数据有误 row throws CustomFunctions.Error(#VALUE!) with the engine’s Chinese message', () => {
    const messages = evaluate([badRow]).results[0].errors.map((e) => e.message).join('；');
    for (const id of Object.keys(FUNCTION_KINDS)) {
      let thrown: unknown;
      try {
        fns[id]([cells(badRow)]);
      } catch (e) {
        thrown = e;
      }
      expect(thrown, id).toBeInstanceOf(MockCfError);
      expect((thrown as MockCfError).code).toBe('#VALUE!');
      expect((thrown as MockCfError).message).toBe(messages);
    }
  });

  it('in a spilled range only the bad row’s cells are #VALUE!, the others keep their numbers', () => {
    const good = evaluate([goodRow]).results[0];
    const out = fns.CESHORTFALL([cells(goodRow), cells(badRow), cells({})]);
    expect(out[0]).toEqual([good.publicShortfall, good.professionalShortfall]);
    expect(out[1][0]).toBeInstanceOf(MockCfError);
    expect(out[1][1]).toBeInstanceOf(MockCfError);
    expect(out[2]).toEqual(['', '']);
    expect(fns.CEHOURS([cells(goodRow)])).toEqual([[good.totalHours]]);
  });

  it('a bad header row is #VALUE! with a Chinese message', () => {
    expect(() => fns.CEHOURS([['张三', 30]], [['名单', '学时']])).toThrow(MockCfError);
    try {
      fns.CEHOURS([['张三', 30]], [['名单', '学时']]);
    } catch (e) {
      expect((e as MockCfError).message).toMatch(/姓名/);
    }
  });
});
