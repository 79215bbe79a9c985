// The other version of the engine that a benchmark's `--baseline DIR` measures beside this one (DIR from
// `git archive <commit> shared package.json | tar -x -C DIR`). Its shared/rulesets/included.generated.ts is git-ignored,
// so not in an archive: this version's is copied there when it is missing.
import { copyFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

const GENERATED = 'shared/rulesets/included.generated.ts';

/** DIR as an absolute path, with the generated rule-set list its engine imports. */
export function baselineDir(dir: string): string {
  const at = resolve(dir);
  if (!existsSync(resolve(at, GENERATED))) copyFileSync(resolve(import.meta.dirname, '..', GENERATED), resolve(at, GENERATED));
  return at;
}
