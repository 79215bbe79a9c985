// JSON.parse for request bodies, keeping numbers that overflow a double as the text that was typed: 1e400 would
// otherwise reach the engine as Infinity and its message would show “Infinity” instead of what the client sent.

type SourceContext = { source?: string };

/** A row's own values that JSON.parse turned into ±Infinity (only the row's top level reaches a message). */
export function hasOverflow(rows: readonly unknown[]): boolean {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (typeof row !== 'object' || row === null) continue;
    // Object.values over the parsed object's own properties: cheaper than `row[key]` for every key of for…in
    const values = Object.values(row);
    for (let j = 0; j < values.length; j++) {
      const v = values[j];
      if (v === Infinity || v === -Infinity) return true;
    }
  }
  return false;
}

/** Re-parses `text` with every overflowing number as its source text (JSON.parse source access, as in workerd). */
export function parseKeepingOverflow(text: string): unknown {
  return JSON.parse(text, function (this: unknown, _key: string, value: unknown, context?: SourceContext) {
    if (value === Infinity || value === -Infinity) return context?.source ?? (value === Infinity ? '超出范围的数' : '超出范围的负数');
    return value;
  } as (this: unknown, key: string, value: unknown) => unknown);
}
