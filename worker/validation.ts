// The request envelopes, checked by hand (three fields do not need a schema library: a lean bundle starts fast).
// Order matters for cost: the row count (413) before any row's shape, and the shape scan stops at the first few
// bad rows. Row content is not checked here: the engine turns a bad field into a 数据有误 row.
// Every message is Chinese and shows the value as it was sent (bounded in length).
import type { MiddlewareHandler } from 'hono';
import { ANSWER_FORMATS, type AnswerFormat } from '../shared/compact';
import { DEFAULT_RULE_SET, getRuleSet, hasRuleSet, isIsoDate, listRuleSets } from '../shared/index';
import { isRowObject } from '../shared/row';
import type { RosterRowInput } from '../shared/types';
import type { AppEnv } from './env';
import { errorResponse } from './errors';
import { hasOverflow, parseKeepingOverflow } from './json';

/** `summary: false`: the answer without its summary (a client that makes its own from the results). */
export type EvaluateRequest = { rows: RosterRowInput[]; ruleSet?: string; asOf?: string; format?: AnswerFormat; summary?: boolean };

export const MAX_AUDIT_LIMIT = 500;
export const DEFAULT_AUDIT_LIMIT = 50;
/** Bad rows named in a 400 before the scan stops. */
export const BAD_ROWS_LISTED = 5;
const SHOWN_CHARS = 64;

/** A value as the client sent it, for a message: text in quotes (cut after 64 characters), else its JSON kind. */
export function shown(value: unknown): string {
  if (typeof value === 'string') return `“${value.length > SHOWN_CHARS ? `${value.slice(0, SHOWN_CHARS)}…` : value}”`;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '一个超出范围的数';
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  return Array.isArray(value) ? '一个数组' : '一个对象';
}


const invalid = (message: string) => ({ status: 400 as const, code: 'INVALID_REQUEST', message });
type Refusal = { status: 400 | 413; code: string; message: string };

/** A rule set id as a request gives it: the refusal when it is not one, else null. */
function refuseRuleSet(ruleSet: unknown): Refusal | null {
  if (typeof ruleSet !== 'string') return invalid(`ruleSet 必须是字符串（规则集编号，如 ${DEFAULT_RULE_SET}），收到的是${shown(ruleSet)}`);
  if (hasRuleSet(ruleSet)) return null;
  const known = listRuleSets().map((r) => r.id).join('、');
  return { status: 400, code: 'UNKNOWN_RULE_SET', message: `未知的规则集${shown(ruleSet)}，可用：${known}` };
}

/** The checked envelope, or why it is refused. */
export function checkEvaluate(body: unknown, maxRows: number): EvaluateRequest | Refusal {
  if (!isRowObject(body)) {
    return invalid(`请求体必须是 JSON 对象：{ "rows": [...], "ruleSet"?: "...", "asOf"?: "YYYY-MM-DD", "format"?: "full" | "compact", "summary"?: true | false }，收到的是${shown(body)}`);
  }
  const { rows, ruleSet, asOf, format, summary } = body as { rows?: unknown; ruleSet?: unknown; asOf?: unknown; format?: unknown; summary?: unknown };
  if (rows === undefined) return invalid('缺少字段 rows（花名册行的数组）');
  if (!Array.isArray(rows)) return invalid(`rows 必须是数组，收到的是${shown(rows)}`);
  if (rows.length > maxRows) {
    return { status: 413, code: 'TOO_MANY_ROWS', message: `一次最多 ${maxRows} 行，本次 ${rows.length} 行：请分批提交` };
  }
  const bad: number[] = [];
  for (let i = 0; i < rows.length && bad.length <= BAD_ROWS_LISTED; i++) if (!isRowObject(rows[i])) bad.push(i);
  if (bad.length > 0) {
    const listed = bad.slice(0, BAD_ROWS_LISTED).map((i) => `rows[${i}]（${shown(rows[i])}）`).join('、');
    const more = bad.length > BAD_ROWS_LISTED ? `；其后还有不是对象的行，未逐一列出` : '';
    return invalid(`${listed} 不是对象：rows 的每一项都必须是对象（花名册的一行）${more}`);
  }
  const badRuleSet = ruleSet === undefined ? null : refuseRuleSet(ruleSet);
  if (badRuleSet) return badRuleSet;
  if (asOf !== undefined && (typeof asOf !== 'string' || !isIsoDate(asOf))) {
    return invalid(`asOf 必须是 YYYY-MM-DD 格式的有效日期（如 ${getRuleSet().year}-11-01），收到的是${shown(asOf)}`);
  }
  if (format !== undefined && !(ANSWER_FORMATS as readonly unknown[]).includes(format)) {
    return invalid(`format 必须是 ${ANSWER_FORMATS.map((f) => `"${f}"`).join(' 或 ')}（答复的格式，省略时为 "full"），收到的是${shown(format)}`);
  }
  if (summary !== undefined && typeof summary !== 'boolean') {
    return invalid(`summary 必须是 true 或 false（false：答复不含汇总，由调用方按各行结果自行汇总；省略时为 true），收到的是${shown(summary)}`);
  }
  return { rows: rows as RosterRowInput[], ruleSet: ruleSet as string | undefined, asOf, format: format as AnswerFormat | undefined, summary };
}

/** Parses the body read by hashBody and checks the envelope; sets `evaluateRequest`. */
export const validateEvaluate: MiddlewareHandler<AppEnv> = async (c, next) => {
  const text = new TextDecoder().decode(await c.req.arrayBuffer());
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return errorResponse(c, 400, 'INVALID_JSON', '请求体不是有效的 JSON');
  }
  let checked = checkEvaluate(body, c.get('config').limits.maxRows);
  if ('status' in checked) return errorResponse(c, checked.status, checked.code, checked.message);
  if (hasOverflow(checked.rows)) checked = checkEvaluate(parseKeepingOverflow(text), c.get('config').limits.maxRows) as EvaluateRequest;
  c.set('evaluateRequest', checked);
  await next();
};

/** `?ruleSet=ID`, given at most once; sets `rulesQuery` ('' when absent). */
export const validateRulesQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  const values = c.req.queries('ruleSet') ?? [];
  if (values.length > 1) return errorResponse(c, 400, 'INVALID_REQUEST', `ruleSet 只能给一次，收到 ${values.length} 个：${values.map(shown).join('、')}`);
  const refused = values.length === 0 ? null : refuseRuleSet(values[0]);
  if (refused) return errorResponse(c, refused.status, refused.code, refused.message);
  c.set('rulesQuery', values[0] ?? '');
  await next();
};

const LIMIT_RULE = `limit 必须是 1 到 ${MAX_AUDIT_LIMIT} 之间的整数（默认 ${DEFAULT_AUDIT_LIMIT}）`;

/** `?limit=N`, given at most once; sets `auditLimit`. */
export const validateAuditQuery: MiddlewareHandler<AppEnv> = async (c, next) => {
  const values = c.req.queries('limit') ?? [];
  if (values.length > 1) return errorResponse(c, 400, 'INVALID_REQUEST', `limit 只能给一次，收到 ${values.length} 个：${values.map(shown).join('、')}`);
  const text = values[0];
  const n = text !== undefined && /^\d{1,3}$/.test(text) ? Number(text) : NaN;
  if (text !== undefined && !(n >= 1 && n <= MAX_AUDIT_LIMIT)) {
    return errorResponse(c, 400, 'INVALID_REQUEST', `${LIMIT_RULE}，收到的是${shown(text)}`);
  }
  c.set('auditLimit', text === undefined ? DEFAULT_AUDIT_LIMIT : n);
  await next();
};
