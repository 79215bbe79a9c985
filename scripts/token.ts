// `npm run token`: a new access token for CE_API_TOKEN (or an audit HMAC key for CE_AUDIT_HMAC_KEY): 32 random bytes
// as 43 base64url characters (256 bits; the Worker refuses tokens under 32 random characters, worker/token-strength.ts).
// The token alone goes to standard output, so PowerShell, cmd and bash can all capture it; how to use it goes to
// standard error. No arguments, so no `--` is ever needed.
import { randomBytes } from 'node:crypto';
import { weakness } from '../worker/token-strength';

let token = randomBytes(32).toString('base64url');
// never refused in practice (none in 200,000 draws); drawing again keeps that certain, and no token starts with -
while (weakness(token) !== null || token.startsWith('-')) token = randomBytes(32).toString('base64url');

process.stdout.write(`${token}\n`);
process.stderr.write(
  [
    '',
    '上面是一个新的访问令牌（43 个随机字符）。在 CE_API_TOKEN 中写成“标签:令牌”，多个用英文逗号分隔，例如：',
    `  renshike:${token}`,
    '每个使用单位或部门一个标签、一个令牌；令牌只发给该单位，不要写进文档或邮件正文。',
    '同一命令也可生成审计密钥 CE_AUDIT_HMAC_KEY。详见 docs/it-runbook.md（访问令牌）。',
    '',
  ].join('\n'),
);
