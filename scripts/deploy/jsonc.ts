// JSON with comments (wrangler.jsonc, deploy.local.jsonc): line and block comments and trailing commas outside
// strings are dropped in one linear pass (no regex over the file), then JSON.parse.

/** The JSON text of a JSONC text, same line numbers (comments become spaces, so JSON.parse's positions still hold). */
export function stripJsonc(text: string): string {
  let out = '';
  let pendingComma = -1; // index in `out` of a comma that is dropped if the next token closes an object or array
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      pendingComma = -1;
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      out += text.slice(start, i + 1);
    } else if (ch === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (ch === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      const comment = text.slice(i, end < 0 ? text.length : end + 2);
      out += comment.replace(/[^\n]/g, ' ');
      i += comment.length - 1;
    } else if (ch === ',') {
      pendingComma = out.length;
      out += ch;
    } else if ((ch === '}' || ch === ']') && pendingComma >= 0) {
      out = `${out.slice(0, pendingComma)} ${out.slice(pendingComma + 1)}${ch}`;
      pendingComma = -1;
    } else {
      if (!/\s/.test(ch)) pendingComma = -1;
      out += ch;
    }
  }
  return out;
}

/** Parses JSONC; a syntax error names the file and the line. */
export function parseJsonc(text: string, fileName: string): unknown {
  const json = stripJsonc(text);
  try {
    return JSON.parse(json);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    const line = at ? json.slice(0, Number(at[1])).split('\n').length : null;
    throw new Error(`${fileName}${line ? ` 第 ${line} 行` : ''}不是有效的 JSON：${message}`);
  }
}
