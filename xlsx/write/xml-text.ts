// Text into XML: the five characters escaped, characters XML 1.0 cannot hold written as OOXML's _xHHHH_, and a
// literal “_xHHHH_” protected as _x005F_xHHHH_ (what Excel writes), so every value reads back as it was.

const enc = new TextEncoder();
export const utf8 = (s: string): Uint8Array => enc.encode(s);

export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, '&quot;');
}

/**
 * A character escapeText may change (`_` for _xHHHH_): one pass of the regular-expression engine over the text (a
 * single character class, no backtracking), so the usual text, which has none, is returned without a loop here.
 */
const MAY_ESCAPE = /[&<>_\x00-\x08\x0B\x0C\x0E-\x1F\uD800-\uDFFF\uFFFE\uFFFF]/;

export function escapeText(s: string): string {
  if (!MAY_ESCAPE.test(s)) return s;
  let out = '';
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | null = null;
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) rep = `_x${c.toString(16).toUpperCase().padStart(4, '0')}_`;
    else if (c === 0x5f && /^_x[0-9A-Fa-f]{4}_/.test(s.slice(i, i + 7))) rep = '_x005F_';
    else if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
      else rep = '\ufffd';
    } else if (c >= 0xdc00 && c <= 0xdfff) rep = '\ufffd';
    if (rep !== null) {
      out += s.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? s : out + s.slice(from);
}

/** White space as String.prototype.trim takes it (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** A <t> element's attribute keeping a text's leading or trailing white space ('' when it has none). */
export function spaceAttr(s: string): string {
  return s.length > 0 && (isTrimmed(s.charCodeAt(0)) || isTrimmed(s.charCodeAt(s.length - 1))) ? ' xml:space="preserve"' : '';
}

/** An Excel number as XML text: finite, shortest round-trip form. */
export function numberText(n: number): string {
  return Number.isFinite(n) ? String(n) : '0';
}
