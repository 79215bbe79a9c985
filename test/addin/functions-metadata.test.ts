/// <reference types="node" />
// functions.json generated from functions.ts's JSDoc: every function, the right dimensionality; errors fail the build.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateFunctionsMetadata } from '../../addin/functions/build-metadata';
import { FUNCTION_KINDS } from '../../addin/functions/ids';

type Param = { name: string; type?: string; dimensionality?: string; optional?: boolean };
type Fn = { id: string; name: string; description?: string; parameters: Param[]; result?: { type?: string; dimensionality?: string } };

let dir: string;
let functions: Fn[];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ce-functions-'));
  await generateFunctionsMetadata(dir);
  functions = (JSON.parse(await readFile(join(dir, 'functions.json'), 'utf8')) as { functions: Fn[] }).functions;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('functions.json', () => {
  it('lists exactly the six functions, id = name', () => {
    expect(functions.map((f) => f.id).sort()).toEqual(Object.keys(FUNCTION_KINDS).sort());
    for (const f of functions) {
      expect(f.name).toBe(f.id);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('takes row and optional headers as matrices of any, then an optional rule set (text), and returns a matrix (spills)', () => {
    for (const f of functions) {
      // positions are a contract with the clerks' formulas: a new argument is only ever appended
      expect(f.parameters, f.id).toEqual([
        expect.objectContaining({ name: 'row', type: 'any', dimensionality: 'matrix' }),
        expect.objectContaining({ name: 'headers', type: 'any', dimensionality: 'matrix', optional: true }),
        expect.objectContaining({ name: 'ruleSet', type: 'string', optional: true }),
      ]);
      expect(f.parameters[2].dimensionality ?? 'scalar', f.id).toBe('scalar');
      expect(f.parameters[0].optional, f.id).toBeUndefined();
      expect(f.result?.dimensionality, f.id).toBe('matrix');
    }
  });

  it('throws on any generator error instead of writing a partial file', async () => {
    const bad = join(dir, 'bad.ts');
    await writeFile(
      bad,
      '/**\n * Bad.\n * @customfunction BAD\n * @param x a map\n */\nexport function bad(x: Map<string, number>): number {\n  return x.size;\n}\n',
    );
    const out = join(dir, 'bad-out');
    await expect(generateFunctionsMetadata(out, bad)).rejects.toThrow(/error/);
    await expect(readFile(join(out, 'functions.json'), 'utf8')).rejects.toThrow();
  });

  it('throws when one of the six functions is missing', async () => {
    const partial = join(dir, 'partial.ts');
    await writeFile(partial, '/**\n * Only one.\n * @customfunction CEHOURS\n * @param row r\n */\nexport function h(row: unknown[][]): unknown[][] {\n  return row;\n}\n');
    await expect(generateFunctionsMetadata(join(dir, 'partial-out'), partial)).rejects.toThrow(/CESTATUS/);
  });
});
