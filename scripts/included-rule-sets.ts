// Extra rule sets a build includes besides the built-in ones (a unit's local notice, or a second rule set for the
// tests): data files (JSON, one rule-set definition each) named by the CE_RULE_SETS environment variable or, when it
// is not set, by the git-ignored rule-sets.local.json ({ "files": [...] }). This step turns them into the generated,
// git-ignored module shared/rulesets/included.generated.ts, which the rule-set registry imports and registers with
// registerRuleSet (validated there as every rule set is: shared/rulesets/validate.ts; this step runs the same check
// first, so a bad file stops the build with its problems listed). Every build runs it first, so the pages (dist/), the Worker and the command line
// hold the same rule sets: vite.config.ts (npm run build, npm start, npm run deploy), scripts/worker-dev.ts,
// bin/ce-roster.mjs, vitest.config.ts, `npm run typecheck` and postinstall (a fresh clone has the module).
// `npm run rule-sets` runs it alone and says what is included. The module is rewritten only when it changes (a
// running `wrangler dev` would otherwise rebuild).
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BUILT_IN_RULE_SETS } from '../shared/rulesets/built-in';
import { ruleSetProblems } from '../shared/rulesets/validate';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
/** The environment variable listing rule-set files (separated like PATH: `;` on Windows, `:` elsewhere). */
export const RULE_SETS_ENV = 'CE_RULE_SETS';
/** The unit's own list, used when CE_RULE_SETS is not set: { "files": ["path", …] }, paths from the project folder. */
export const LOCAL_LIST = 'rule-sets.local.json';
export const GENERATED_MODULE = join('shared', 'rulesets', 'included.generated.ts');
/** A rule set with every clause text is some 30 KB: a file far larger than this is not one. */
export const MAX_RULE_SET_BYTES = 2 * 1024 * 1024;

/** A problem with the list or one of its files, said for IT (Chinese, naming the file and the key). */
export class IncludedRuleSetError extends Error {
  override readonly name = 'IncludedRuleSetError';
}

export type Included = {
  /** Where the list came from. */
  from: 'env' | 'local' | 'none';
  /** Absolute paths of the files, in the list's order. */
  files: string[];
  ids: string[];
  /** The generated module's text. */
  module: string;
};

type Env = Readonly<Record<string, string | undefined>>;

/** The files the list names, absolute (relative ones from the project folder), and where the list came from. */
export function listedFiles(root: string = ROOT, env: Env = process.env): { from: Included['from']; files: string[] } {
  const raw = env[RULE_SETS_ENV];
  if (raw !== undefined) {
    const files = raw.split(delimiter).map((s) => s.trim()).filter((s) => s !== '');
    return { from: files.length > 0 ? 'env' : 'none', files: files.map((f) => resolve(root, f)) };
  }
  const local = join(root, LOCAL_LIST);
  if (!existsSync(local)) return { from: 'none', files: [] };
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(local, 'utf8'));
  } catch (e) {
    throw new IncludedRuleSetError(`${LOCAL_LIST} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  const files = (list as { files?: unknown } | null)?.files;
  if (!Array.isArray(files) || !files.every((f): f is string => typeof f === 'string' && f.trim() !== '')) {
    throw new IncludedRuleSetError(`${LOCAL_LIST} 应为 { "files": ["规则集文件.json", …] }（文件路径从项目文件夹算起）`);
  }
  return { from: files.length > 0 ? 'local' : 'none', files: files.map((f) => resolve(root, f.trim())) };
}

/** One file's definition, checked as registerRuleSet checks it (shared/rulesets/validate.ts). */
export function readDefinition(file: string): { id: string; year: number; definition: object } {
  if (!existsSync(file)) throw new IncludedRuleSetError(`找不到规则集文件 ${file}`);
  const size = statSync(file).size;
  if (size > MAX_RULE_SET_BYTES) throw new IncludedRuleSetError(`规则集文件 ${file} 有 ${size} 字节，超过上限 ${MAX_RULE_SET_BYTES}：这不是一个规则集文件`);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new IncludedRuleSetError(`规则集文件 ${file} 不是有效的 JSON：${e instanceof Error ? e.message : String(e)}`);
  }
  const problems = ruleSetProblems(data);
  if (problems.length > 0) throw new IncludedRuleSetError(`规则集文件 ${file} 有误，无法使用：\n${problems.map((p) => `- ${p}`).join('\n')}`);
  const { id, year } = data as { id: string; year: number };
  return { id, year, definition: data as object };
}

/** The generated module for these files (their definitions in the list's order). */
export function moduleText(files: readonly string[], definitions: readonly object[], root: string = ROOT): string {
  const names = files.map((f) => (isAbsolute(f) ? relative(root, f) : f).split('\\').join('/'));
  const head = [
    '// Generated by scripts/included-rule-sets.ts: do not edit (git-ignored; every build rewrites it from CE_RULE_SETS',
    `// or ${LOCAL_LIST}). The rule sets this build includes besides the built-in ones; the registry validates them.`,
    ...(names.length > 0 ? names.map((n) => `// - ${n}`) : ['// None.']),
  ];
  // bin/ce-roster.mjs recognises a module that includes nothing by its `= [];` line: keep that form
  const items = definitions.map((d) => `  ${JSON.stringify(d)},`);
  return `${head.join('\n')}\nexport const INCLUDED_RULE_SETS: readonly unknown[] = [${items.length > 0 ? `\n${items.join('\n')}\n` : ''}];\n`;
}

/** Reads the listed files and writes the generated module when its text changed. */
export function writeIncludedRuleSets(root: string = ROOT, env: Env = process.env): Included & { changed: boolean } {
  const { from, files } = listedFiles(root, env);
  const read = files.map(readDefinition);
  const seen = new Map<string, string>();
  read.forEach((r, i) => {
    if (BUILT_IN_RULE_SETS.some((b) => b.id === r.id)) throw new IncludedRuleSetError(`规则集文件 ${files[i]} 的 id ${r.id} 与内置规则集相同：请换一个 id`);
    const other = seen.get(r.id);
    if (other !== undefined) throw new IncludedRuleSetError(`规则集 ${r.id} 出现了两次：${other} 和 ${files[i]}`);
    seen.set(r.id, files[i]);
  });
  const module = moduleText(files, read.map((r) => r.definition), root);
  const target = join(root, GENERATED_MODULE);
  const changed = !existsSync(target) || readFileSync(target, 'utf8') !== module;
  if (changed) {
    const tmp = `${target}.${process.pid}.tmp`;
    writeFileSync(tmp, module, 'utf8');
    renameSync(tmp, target);
  }
  return { from, files, ids: read.map((r) => r.id), module, changed };
}

const invokedPath = process.argv[1];
if (invokedPath && import.meta.url === pathToFileURL(resolve(invokedPath)).href) {
  try {
    const r = writeIncludedRuleSets();
    const source = r.from === 'env' ? `环境变量 ${RULE_SETS_ENV}` : r.from === 'local' ? LOCAL_LIST : '';
    console.log(r.ids.length > 0 ? `rule-sets: 另含 ${r.ids.join('、')}（来自${source}）` : 'rule-sets: 只含内置规则集');
  } catch (e) {
    console.error(e instanceof IncludedRuleSetError ? e.message : e);
    process.exitCode = 1;
  }
}
