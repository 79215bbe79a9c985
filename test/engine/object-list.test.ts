// A request's warning, error and item lists are lists of objects from the start (shared/object-list.ts), so the
// Worker's warm-up needs no row that starts a request with each warning. V8 does not show a list's kind to
// JavaScript; a Node process started with --allow-natives-syntax asks it (%HasObjectElements), on the lists the
// engine makes for a request.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

/** Each list's kind, as V8 keeps it: true for a list of objects (any value), false for small integers or numbers. */
function kindsInNode(): Record<string, boolean> {
  const script = `
    const { newRowContext } = await import('./shared/row.ts');
    const { getCompiledRuleSet } = await import('./shared/rulesets/index.ts');
    const { objectList } = await import('./shared/object-list.ts');
    const ctx = newRowContext(getCompiledRuleSet(), 4);
    const kinds = {
      errors: %HasObjectElements(ctx.errors),
      warnings: %HasObjectElements(ctx.warnings),
      items: %HasObjectElements(ctx.items),
      columnsWarnings: %HasObjectElements(ctx.columns.warnings),
      objectList: %HasObjectElements(objectList()),
      empty: %HasObjectElements([]),
      lengths: ctx.errors.length + ctx.warnings.length + ctx.items.length + ctx.columns.warnings.length + objectList().length,
    };
    process.stdout.write(JSON.stringify(kinds));
  `;
  const r = spawnSync(process.execPath, ['--allow-natives-syntax', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, boolean>;
}

describe('a request’s lists', () => {
  it('are empty lists of objects from the start (an empty [] is a list of small integers)', () => {
    expect(kindsInNode()).toEqual({ errors: true, warnings: true, items: true, columnsWarnings: true, objectList: true, empty: false, lengths: 0 });
  }, 30_000);
});
