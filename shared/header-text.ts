// How a header cell's text is compared (docs/rules.md §2): THE header normaliser of the project and the small
// scanners the header mapping uses. Pure text functions, no rule set: the rule-set checks (rulesets/validate.ts) use
// them too, to find aliases that collide.
import { isSpaceCode, toHalfWidth } from './normalize';

/** A header cell longer than this (after trimming) is not a roster header: it is not scanned further. */
export const MAX_HEADER_TEXT = 200;

/** Bracket-like characters read as ( and ) (full-width ones are folded first). */
const OPENERS = new Set(['[', '【', '〔', '{', '〈', '《', '<']);
const CLOSERS = new Set([']', '】', '〕', '}', '〉', '》', '>']);
/** Decoration dropped from headers: required-field stars, colons, question marks, list separators, BOM. */
const DROPPED = new Set(['*', ':', '?', '、', '/', '\uFEFF', '"', "'", '“', '”']);

/**
 * THE header normaliser of the project (every part compares headers with it): full-width folded, no spaces, ASCII
 * lower case, any bracket as ( ), no stars, colons, question marks, 、 or /, and 科目 read as 课. One pass, linear.
 */
export function normalizeHeader(h: string): string {
  const s = toHalfWidth(h);
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    const c = s.charCodeAt(i);
    if (isSpaceCode(c) || DROPPED.has(ch)) continue;
    if (OPENERS.has(ch)) out += '(';
    else if (CLOSERS.has(ch)) out += ')';
    else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    else if (ch === '科' && s[i + 1] === '目') {
      out += '课';
      i++;
    } else out += ch;
  }
  return out;
}

/** A normalised header without its bracketed parts (`培训进修学时(学时)` → `培训进修学时`), in one pass. */
export function withoutBracketed(n: string): string {
  return splitBracketed(n)[0];
}

/** [the header without bracketed parts, the text inside the first bracket], in one pass (unbalanced brackets too). */
export function splitBracketed(n: string): [string, string] {
  if (n.indexOf('(') < 0) return [n, ''];
  let depth = 0;
  let out = '';
  let inner = '';
  let groups = 0;
  for (let i = 0; i < n.length; i++) {
    const ch = n[i];
    if (ch === '(') {
      if (depth === 0) groups++;
      depth++;
    } else if (ch === ')') {
      if (depth > 0) depth--;
    } else if (depth === 0) out += ch;
    else if (groups === 1) inner += ch;
  }
  return [out, inner];
}

/** The space-separated parts of a header (at most `MAX_PARTS`; more parts are read as one). */
const MAX_PARTS = 6;
export function partsOf(text: string): string[] {
  const parts: string[] = [];
  let at = -1;
  for (let i = 0; i <= text.length; i++) {
    const space = i === text.length || isSpaceCode(text.charCodeAt(i));
    if (space && at >= 0) {
      parts.push(text.slice(at, i));
      at = -1;
    } else if (!space && at < 0) at = i;
  }
  return parts.length > MAX_PARTS ? [] : parts;
}

/** A header cell's text, trimmed; null when it is too long to be a header. */
export function boundedHeaderText(header: string): string | null {
  if (header.length <= MAX_HEADER_TEXT) return header.trim();
  const t = header.trim();
  return t.length <= MAX_HEADER_TEXT ? t : null;
}
