// A rule set's header table (docs/rules.md §2): per roster column, in the template's order (orders.columns), its
// Chinese header, aliases, kind and the template's input message with the rule set's numbers filled in. Pure data
// work, no registry: the compiled rule set keeps the table and the index the header mapping reads (shared/headers.ts).
import { normalizeHeader } from '../header-text';
import type { InputDef, InputKind, RuleSetDefinition } from './types';

export type HeaderKind = InputKind;

export type HeaderDef = {
  key: string;
  zh: string;
  aliases: string[];
  kind: HeaderKind;
  required: boolean;
  clause?: string;
  /** A short Chinese sentence quoting the rule for this column (Excel input message). */
  rule: string;
};

/** The rule set's fields a header table reads (a definition or a registered rule set alike). */
type HeaderSource = Pick<RuleSetDefinition, 'inputs' | 'parameters' | 'orders' | 'specialCases'>;

/** The placeholders of a rule text: `{name}` → name, in order. */
export function placeholdersOf(text: string): string[] {
  const out: string[] = [];
  let at = text.indexOf('{');
  while (at >= 0) {
    const end = text.indexOf('}', at + 1);
    if (end < 0) break;
    out.push(text.slice(at + 1, end));
    at = text.indexOf('{', end + 1);
  }
  return out;
}

/** Placeholders that are not parameters: the column's own clause and the special cases' names. */
export const RULE_TEXT_WORDS = ['clause', 'specialCases'] as const;

/** An input's rule text with its placeholders filled in (validate.ts checks each names something). */
export function ruleTextOf(rs: HeaderSource, input: InputDef): string {
  let out = '';
  let from = 0;
  let at = input.rule.indexOf('{');
  while (at >= 0) {
    const end = input.rule.indexOf('}', at + 1);
    if (end < 0) break;
    const name = input.rule.slice(at + 1, end);
    out += input.rule.slice(from, at);
    if (name === 'clause') out += input.clause ?? '';
    else if (name === 'specialCases') out += (rs.specialCases?.cases ?? []).map((c) => c.name).join('/');
    else out += String(rs.parameters[name]?.value);
    from = end + 1;
    at = input.rule.indexOf('{', from);
  }
  return out + input.rule.slice(from);
}

/** The header table of a rule set, in template column order; rule sentences quote that rule set's numbers. */
export function headersFor(rs: HeaderSource): HeaderDef[] {
  return rs.orders.columns.map((key) => {
    const input = rs.inputs[key];
    const aliases = [...input.aliases];
    const zh = input.header;
    const kind = input.kind;
    const required = input.required === true;
    const rule = ruleTextOf(rs, input);
    // one object shape per clause presence, keys in the order callers have always seen
    return input.clause === undefined ? { key, zh, aliases, kind, required, rule } : { key, zh, aliases, kind, required, clause: input.clause, rule };
  });
}

/** Every spelling of a column, normalised (header, JSON key, aliases) → its key; the first clash is reported. */
export function headerNames(headers: readonly HeaderDef[]): { byName: Map<string, string>; clash: { name: string; key: string; other: string } | null } {
  const byName = new Map<string, string>();
  let clash: { name: string; key: string; other: string } | null = null;
  for (const h of headers) {
    for (const name of [h.zh, h.key, ...h.aliases]) {
      const n = normalizeHeader(name);
      const prior = byName.get(n);
      if (prior !== undefined && prior !== h.key) clash ??= { name, key: h.key, other: prior };
      else byName.set(n, h.key);
    }
  }
  return { byName, clash };
}
