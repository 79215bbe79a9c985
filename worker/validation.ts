// The request envelopes, checked with zod through Hono's validator. Row content is not checked here: the engine
// normalises every field and turns a bad one into a 数据有误 row (a schema pass over every row would cost more).
import { zValidator } from '@hono/zod-validator';
import type { Context } from 'hono';
import { z } from 'zod';
import { isIsoDate } from '../shared/index';
import type { RosterRowInput } from '../shared/types';
import { errorResponse } from './errors';

const isRowObject = (v: unknown): v is RosterRowInput => typeof v === 'object' && v !== null && !Array.isArray(v);

export const evaluateRequestSchema = z.object(
  {
    rows: z.array(z.custom<RosterRowInput>(isRowObject, { error: 'rows 的每一项都必须是对象（花名册的一行）' }), {
      error: (issue) => (issue.input === undefined ? '缺少字段 rows（花名册行的数组）' : 'rows 必须是数组'),
    }),
    ruleSet: z.string({ error: 'ruleSet 必须是字符串（规则集 id，如 zaozhuang-2023）' }).optional(),
    asOf: z
      .string({ error: 'asOf 必须是 YYYY-MM-DD 格式的日期字符串' })
      .refine(isIsoDate, { error: 'asOf 不是有效日期，应为 YYYY-MM-DD，如 2023-11-01' })
      .optional(),
  },
  { error: '请求体必须是 JSON 对象：{ "rows": [...], "ruleSet"?: "...", "asOf"?: "YYYY-MM-DD" }' },
);

export type EvaluateRequest = z.infer<typeof evaluateRequestSchema>;

export const MAX_AUDIT_LIMIT = 500;
export const DEFAULT_AUDIT_LIMIT = 50;

const LIMIT_MESSAGE = `limit 必须是 1 到 ${MAX_AUDIT_LIMIT} 之间的整数（默认 ${DEFAULT_AUDIT_LIMIT}）`;

export const auditQuerySchema = z.object({
  limit: z
    .string()
    .regex(/^\d+$/, { error: LIMIT_MESSAGE })
    .transform(Number)
    .pipe(z.number().int().min(1, { error: LIMIT_MESSAGE }).max(MAX_AUDIT_LIMIT, { error: LIMIT_MESSAGE }))
    .optional()
    .transform((n) => n ?? DEFAULT_AUDIT_LIMIT),
});

export type AuditQuery = z.infer<typeof auditQuerySchema>;

/** `rows[3]: message; asOf: message` — the field path first, so the caller sees what is wrong where. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const more = issues.length > 5 ? `；另有 ${issues.length - 5} 处` : '';
  return issues
    .slice(0, 5)
    .map((issue) => {
      const path = issue.path.reduce<string>(
        (acc, part) => (typeof part === 'number' ? `${acc}[${part}]` : acc ? `${acc}.${String(part)}` : String(part)),
        '',
      );
      return path && !issue.message.startsWith(path) ? `${path}：${issue.message}` : issue.message;
    })
    .join('；') + more;
}

const onInvalid = (result: { success: true } | { success: false; error: { issues: readonly z.core.$ZodIssue[] } }, c: Context) => {
  if (!result.success) return errorResponse(c, 400, 'INVALID_REQUEST', describeIssues(result.error.issues));
  return undefined;
};

export const validateEvaluate = zValidator('json', evaluateRequestSchema, onInvalid);
export const validateAuditQuery = zValidator('query', auditQuerySchema, onInvalid);
