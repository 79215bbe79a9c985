// The harness's host bundle plus the simulator extensions of sim-excel-charts.ts (tables, charts, validation), built
// as one IIFE so both share the same classes in one realm. The entry is generated under `dir` (git-ignored).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSimBundle } from './build';

export async function buildSimWithExtensions(root: string, dir: string): Promise<string> {
  const entryDir = join(dir, 'entry');
  const outDir = join(dir, 'out');
  mkdirSync(entryDir, { recursive: true });
  const entry = join(entryDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      `import { installSimExtensions } from ${JSON.stringify(join(root, 'test/e2e/sim-excel-charts.ts'))};`,
      `import ${JSON.stringify(join(root, 'test/e2e/host/sim-entry.ts'))};`,
      'installSimExtensions();',
      '',
    ].join('\n'),
  );
  await buildSimBundle(entry, outDir, 'CeSimExtended');
  return readFileSync(join(outDir, 'sim.js'), 'utf8');
}
