// How strong a configured bearer token looks (docs/it-runbook.md, 访问令牌). A Worker cannot know how a token was made;
// it refuses what is visibly weak: fewer than MIN_TOKEN_LENGTH characters, an estimated entropy under MIN_TOKEN_BITS
// (few distinct characters, or the same ones over and over: `password`, `aaaa…`, `123123…`), or mostly runs and
// sequences (`abcdef…`, `12345…`). `npm run token` (scripts/token.ts) makes 43 characters of 256 random bits, far above
// both bounds (none of 200,000 refused; the lowest estimate 181 bits); a UUID's lowest was 111 bits. At the edge,
// `openssl rand -hex 16` (32 hex characters, 128 bits) is refused about once in 12,000: make another.

/** The fewest characters a token may have: 32 random hex characters are 128 bits. */
export const MIN_TOKEN_LENGTH = 32;
/**
 * The least estimated entropy: the token's length times the Shannon entropy of its own characters. It undercounts a
 * random token (32 random hex characters estimate ~115 bits of their 128) and overcounts a chosen one, so the bound
 * sits well under what a generator gives and far above what a guess needs: failed logins are limited per address
 * (auth-failures.ts), and 2^96 guesses at that pace outlast any deployment.
 */
export const MIN_TOKEN_BITS = 96;

/** The token's length times the Shannon entropy (bits) of its character frequencies. */
export function estimatedBits(token: string): number {
  const counts = new Map<string, number>();
  for (const ch of token) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  const n = token.length;
  let perChar = 0;
  for (const c of counts.values()) perChar -= (c / n) * Math.log2(c / n);
  return perChar * n;
}

/** True when more than half of the adjacent pairs are the same character or neighbours (`aa`, `ab`, `21`). */
function mostlyRuns(token: string): boolean {
  let runs = 0;
  for (let i = 1; i < token.length; i++) if (Math.abs(token.charCodeAt(i) - token.charCodeAt(i - 1)) <= 1) runs++;
  return runs * 2 > token.length - 1;
}

/** Why a token is too weak (Chinese, never quoting it), or null when it is strong enough. */
export function weakness(token: string): string | null {
  if (token.length < MIN_TOKEN_LENGTH) return `令牌太短（至少 ${MIN_TOKEN_LENGTH} 个随机字符）`;
  if (estimatedBits(token) < MIN_TOKEN_BITS || mostlyRuns(token)) return '令牌太有规律（字符重复或连续），不像随机生成的';
  return null;
}
