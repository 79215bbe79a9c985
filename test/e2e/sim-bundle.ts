// The harness's host bundle plus simulator extensions (by default sim-excel-charts.ts: tables, charts, validation), built
// as one IIFE so both share the same classes in one realm. The entry is generated under `dir` (git-ignored).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSimBundle } from './build';

/** `installers`: [module path in the repository, exported function], each called once before the host entry runs. */
export async function buildSimWithExtensions(
  root: string,
  dir: string,
  installers: readonly [string, string][] = [['test/e2e/sim-excel-charts.ts', 'installSimExtensions']],
): Promise<string> {
  const entryDir = join(dir, 'entry');
  const outDir = join(dir, 'out');
  mkdirSync(entryDir, { recursive: true });
  const entry = join(entryDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      ...installers.map(([file, fn]) => `import { ${fn} } from ${JSON.stringify(join(root, file))};`),
      `import ${JSON.stringify(join(root, 'test/e2e/host/sim-entry.ts'))};`,
      ...installers.map(([, fn]) => `${fn}();`),
      '',
    ].join('\n'),
  );
  await buildSimBundle(entry, outDir, 'CeSimExtended');
  return readFileSync(join(outDir, 'sim.js'), 'utf8');
}
