/// <reference types="office-js" />
// `npx ce-roster 花名册.xlsx [--out 花名册-核对结果.xlsx] [--sheet 名称]… [--as-of YYYY-MM-DD] [--rule-set ID]
//                [--worker URL --token T] [--json] [--force]`, or without options `npm run roster 花名册.xlsx`
// (npm keeps `--options` for itself: scripts/cli-args.ts). Relative paths are from the folder the command is typed in.
// Checks a roster .xlsx with the local engine (or the 计算服务 with --worker/--token) and writes a NEW .xlsx: the
// clerk's package with the nine output columns on each roster sheet plus 年度汇总, 提醒名单 and 审核材料清单, every
// other part copied byte for byte (xlsx/write/result.ts). The input file is never written.
// Exit codes: 0 done; 1 a problem with the roster or the file (message on stderr, in Chinese); 2 usage.
import { existsSync, realpathSync, statSync } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, extname, isAbsolute, join } from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { DEFAULT_RULE_SET, getRuleSet, hasRuleSet, isIsoDate, listRuleSets, usedLine, yearNote } from '../shared/index';
import { planNotes } from '../shared/roster/index';
import { localIsoDate } from '../shared/local-time';
import { fromUserFolder, npmTookOptionsMessage, optionsTakenByNpm, userFolder } from '../scripts/cli-args';
import { checkRoster, sheetList, type CheckProgress } from './check-roster';
import './node-codec';
import { RosterFileError, XlsxFileError, openRoster } from './roster-file';

/** The rule sets this build holds, one line each, as --rule-set takes them. */
const RULE_SET_LINES = listRuleSets()
  .map((rs) => `                           ${rs.id}：${rs.year} 年度，${rs.notice}${rs.id === DEFAULT_RULE_SET ? '（默认）' : ''}`)
  .join('\n');

const USAGE = `用法：npx ce-roster 花名册.xlsx [选项]      （不带选项时也可：npm run roster 花名册.xlsx）

  --out 文件.xlsx        结果文件（默认：与花名册同目录的“<原名>-核对结果.xlsx”）
  --sheet 名称           只核对这个工作表（可写多次）；默认核对所有认出花名册的可见工作表
  --as-of YYYY-MM-DD     核对日期（判断是否已过完成期限），默认今天
  --rule-set ID          按哪一年度的规则核对，可选：
${RULE_SET_LINES}
  --worker URL --token T 使用计算服务（默认在本机计算，数据不离开本机）
  --json                 在标准输出打印计算结果（JSON）
  --force                结果文件已存在时覆盖
  --help                 显示本说明

退出码：0 完成；1 花名册或文件有问题（原因见标准错误输出）；2 用法错误。
原文件不会被修改；结果写入新文件。`;

type Args = { input: string; out?: string; sheets: string[]; asOf?: string; ruleSet?: string; worker?: string; token?: string; json: boolean; force: boolean; help: boolean };

class UsageError extends Error {}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { input: '', sheets: [], json: false, force: false, help: false };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new UsageError(`选项 ${a} 后面缺少值。`);
      return v;
    };
    if (a === '--out' || a === '-o') args.out = value();
    else if (a === '--sheet') args.sheets.push(value());
    else if (a === '--as-of') args.asOf = value();
    else if (a === '--rule-set') args.ruleSet = value();
    else if (a === '--worker') args.worker = value();
    else if (a === '--token') args.token = value();
    else if (a === '--json') args.json = true;
    else if (a === '--force' || a === '-f') args.force = true;
    else if (a === '--help' || a === '-h') args.help = true;
    else if (a.startsWith('-') && a !== '-') throw new UsageError(`不认识的选项：${a}`);
    else positional.push(a);
  }
  if (args.help) return args;
  if (positional.length !== 1) throw new UsageError(positional.length === 0 ? '请给出花名册文件（.xlsx）。' : `只能给出一个花名册文件，收到 ${positional.length} 个。`);
  args.input = positional[0];
  if (args.asOf !== undefined && !isIsoDate(args.asOf)) throw new UsageError(`--as-of 的日期“${args.asOf}”无效，应为 YYYY-MM-DD，如 ${getRuleSet().year}-11-01。`);
  if (args.ruleSet !== undefined && !hasRuleSet(args.ruleSet)) {
    throw new UsageError(`没有名为“${args.ruleSet}”的规则集，--rule-set 可写：${listRuleSets().map((rs) => `${rs.id}（${rs.year} 年度）`).join('、')}。`);
  }
  if ((args.worker === undefined) !== (args.token === undefined)) throw new UsageError('--worker 和 --token 要一起给出。');
  return args;
}

function defaultOut(input: string): string {
  const ext = extname(input);
  return join(dirname(input), `${basename(input, ext)}-核对结果.xlsx`);
}


const PHASES: Record<CheckProgress['phase'], string> = { compute: '计算', write: '写入结果', save: '生成文件' };

/** Options that take a value: npm, given them without `--`, keeps them and passes their values on as file names. */
const VALUE_OPTIONS = ['out', 'sheet', 'as-of', 'rule-set', 'worker', 'token'] as const;

async function main(argv: readonly string[]): Promise<number> {
  const here = userFolder('roster');
  const taken = optionsTakenByNpm('roster', VALUE_OPTIONS);
  if (taken.length > 0) {
    process.stderr.write(`${npmTookOptionsMessage(taken, 'roster', 'ce-roster', '花名册.xlsx --out 结果.xlsx')}\n`);
    return 2;
  }
  // npm's own --force and --json: taken too, but nothing else moves
  const npmFlags = optionsTakenByNpm('roster', ['force', 'json']);
  if (npmFlags.length > 0) process.stderr.write(`注意：${npmTookOptionsMessage(npmFlags, 'roster', 'ce-roster', '花名册.xlsx --force')}\n`);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n\n${USAGE}\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const input = fromUserFolder(args.input, here);
  const out = fromUserFolder(args.out ?? defaultOut(input), here);
  if (!existsSync(input)) {
    const relative = isAbsolute(args.input) ? '' : `\n相对路径从运行命令时所在的文件夹 ${here} 算起；也可写完整路径，或把文件拖进命令行窗口。`;
    process.stderr.write(`找不到文件：在文件夹 ${dirname(input)} 中没有“${basename(input)}”。${relative}\n`);
    return 1;
  }
  if (statSync(input).isDirectory()) {
    process.stderr.write(`“${args.input}”是一个文件夹，不是花名册文件：请给出文件夹里的 .xlsx 文件，例如 ${join(input, '花名册.xlsx')}。\n`);
    return 1;
  }
  if (existsSync(out) && realpathSync(out) === realpathSync(input)) {
    process.stderr.write('结果文件不能与花名册是同一个文件（原文件从不改写）：请用 --out 另指定一个文件名。\n');
    return 2;
  }
  if (existsSync(out) && !args.force) {
    process.stderr.write(`结果文件已存在：${out}\n如要覆盖，请加 --force；或用 --out 另指定文件名。\n`);
    return 2;
  }
  const say = (line: string): void => {
    if (!args.json) process.stdout.write(`${line}\n`);
  };
  try {
    const bytes = new Uint8Array(await readFile(input));
    // the JavaScript heap this process may still take: a file that needs more is refused before the work grows
    const heap = getHeapStatistics();
    const opened = await openRoster(basename(input), bytes, {
      sheetNames: args.sheets,
      memoryBudget: heap.heap_size_limit - heap.used_heap_size,
      where: '本机（Node.js 的内存上限）',
      ruleSet: args.ruleSet,
    });
    for (const w of opened.warnings) process.stderr.write(`注意：${w}\n`);
    for (const plan of opened.plans) {
      say(`工作表“${plan.sheetName}”：表头在第 ${plan.headerRows.map((r) => r + 1).join('、')} 行，${plan.rows.filter((r) => r.input !== null).length} 行人员。`);
      // what was understood (rows that are no one, merged and hidden columns, …), as the task pane's 表头检查 says it
      for (const note of planNotes(plan, { header: false })) say(`  ${note}`);
      if (plan.unknown.length > 0) process.stderr.write(`注意：“${plan.sheetName}”中不认识的列（不参与计算）：${plan.unknown.map((u) => u.header).join('、')}\n`);
      if (plan.missingOptionalLine) say(`  ${plan.missingOptionalLine}`);
    }
    if (opened.duplicates.length > 0) process.stderr.write(`注意：有 ${opened.duplicates.length} 个身份证号出现在多行，这些行标为“数据有误”。\n`);
    const asOf = args.asOf ?? localIsoDate();
    // which rule set, said even when it is the default; a 核对日期 in another year, said on stderr (also with --json)
    const ruleSet = getRuleSet(args.ruleSet ?? DEFAULT_RULE_SET);
    say(usedLine(ruleSet, args.ruleSet !== undefined, '未指定 --rule-set'));
    const note = yearNote(ruleSet, asOf);
    if (note) process.stderr.write(`${note}\n`);
    let last = '';
    const outcome = await checkRoster(opened, {
      asOf,
      ruleSet: ruleSet.id,
      service: args.worker ? { url: args.worker, token: args.token ?? '' } : null,
      onProgress: (p) => {
        const line = `${PHASES[p.phase]} ${p.done}/${p.total}`;
        if (!args.json && process.stderr.isTTY && line !== last) process.stderr.write(`\r${line}   `);
        last = line;
      },
    });
    if (!args.json && process.stderr.isTTY) process.stderr.write('\r');
    const tmp = `${out}.${process.pid}.tmp`;
    try {
      const fh = await open(tmp, 'w');
      try {
        for (let i = 0; i < outcome.file.length; i += 1024) await fh.writev(outcome.file.slice(i, i + 1024));
      } finally {
        await fh.close();
      }
      await rename(tmp, out);
    } finally {
      await rm(tmp, { force: true });
    }
    const c = outcome.counts;
    say(`核对日期 ${asOf}，${outcome.computedBy === 'worker' ? '计算服务' : '本机计算'}：共 ${c.total} 人，达标 ${c.compliant}，未达标 ${c.short}，待补材料 ${c.pendingEvidence}，数据有误 ${c.invalid}。`);
    say(`结果已写入：${out}（原文件未改动），含${sheetList(opened.names.summary, outcome.dutySheets)}。`);
    if (args.json) process.stdout.write(`${JSON.stringify(outcome.response)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RosterFileError || e instanceof XlsxFileError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    const message = e instanceof Error ? e.message : String(e);
    process.stderr.write(`核对失败，未生成结果文件：${message}\n`);
    if (process.env.CE_DEBUG) process.stderr.write(`${e instanceof Error ? e.stack : ""}\n`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`内部错误：${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
