// Command-line arguments as a user types them, from bash, cmd or PowerShell, through `npm run` or `npx`.
//  - `npm run <script>` runs the script in the project folder; the folder the user typed the command in is INIT_CWD.
//    Relative paths the user gives are meant from there.
//  - npm takes every `--option` it meets after the script name for its own configuration unless `--` comes first:
//    `npm run roster a.xlsx --out b.xlsx` runs the script with `a.xlsx b.xlsx` and sets npm_config_out=true (npm 11
//    warns "Unknown cli config"). PowerShell's npm shim drops the `--` itself (npm/cli issues 3136, 8852, 9353), so
//    options only reach a script reliably through `npx <bin> …` (package.json "bin"), which passes every argument on.
import { resolve } from 'node:path';

type Env = Readonly<Record<string, string | undefined>>;

/** The folder the user typed the command in: INIT_CWD under `npm run <script>` (npm runs it from the project folder), else the current one. */
export function userFolder(script: string, env: Env = process.env, cwd: string = process.cwd()): string {
  // INIT_CWD is inherited by every child process, so it is the user's folder only when npm started this script
  return env.npm_lifecycle_event === script && env.INIT_CWD ? env.INIT_CWD : cwd;
}

/** A path the user gave, resolved from their folder. */
export function fromUserFolder(path: string, folder: string): string {
  return resolve(folder, path);
}

/** The `--options` npm took for itself when it ran `script` (`npm run <script> … --out x` without `--`). */
export function optionsTakenByNpm(script: string, options: readonly string[], env: Env = process.env): string[] {
  if (env.npm_lifecycle_event !== script) return [];
  return options.filter((name) => env[`npm_config_${name.replace(/-/g, '_')}`] !== undefined);
}

/** What to say when npm took options meant for the script: the form that works in every shell. */
export function npmTookOptionsMessage(taken: readonly string[], script: string, bin: string, example: string): string {
  const list = taken.map((o) => `--${o}`).join('、');
  return `npm run ${script} 把选项 ${list} 当成了 npm 自己的设置，没有交给本命令。带选项时请这样写（bash、cmd、PowerShell 都适用）：
  npx ${bin} ${example}
（bash 和 cmd 中也可写 npm run ${script} -- ${example}；PowerShell 会吞掉 --。）`;
}
