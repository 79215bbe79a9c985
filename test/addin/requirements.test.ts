// The Excel API requirement sets: the list in addin/office/requirements.ts, the calls in the source and the
// manifest's <Requirements> stay in step; optional calls are only made after excelSupports() said yes.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EXCEL_API_MINIMUM, EXCEL_API_USES, OPTIONAL_FEATURES, excelSupports, requiredExcelApi } from '../../addin/office/requirements';

/** "1.13" is above "1.7": versions compare part by part, not as decimals. */
const versionAbove = (a: string, b: string): boolean => {
  const [x, y] = [a.split('.').map(Number), b.split('.').map(Number)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};
import { find, parseXml } from './xml-lite';

const root = fileURLToPath(new URL('../../', import.meta.url));
const manifest = parseXml(readFileSync(join(root, 'manifest.xml'), 'utf8'));
const sets = Object.fromEntries(find(manifest, 'Requirements').flatMap((r) => find(r, 'Set')).map((s) => [s.attrs.Name, s.attrs.MinVersion]));

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('requirements.ts') ? [{ file: p.slice(root.length), text: readFileSync(p, 'utf8') }] : [];
  });
}
// The .xlsx page's and command line's code lives in xlsx/ (no Office.js call, so no requirement set).
const addin = sources(join(root, 'addin'));

describe('Excel requirement sets', () => {
  it('the manifest declares SharedRuntime 1.1, CustomFunctionsRuntime 1.2 and the ExcelApi minimum of the list', () => {
    expect(sets.SharedRuntime).toBe('1.1');
    // CustomFunctions.Error (1.2) is how a spilled answer shows #VALUE! in one row only
    expect(sets.CustomFunctionsRuntime).toBe('1.2');
    expect(addin.some((s) => s.text.includes('new CustomFunctions.Error('))).toBe(true);
    expect(requiredExcelApi()).toBe(EXCEL_API_MINIMUM);
    expect(sets.ExcelApi).toBe(EXCEL_API_MINIMUM);
  });

  it('every listed call occurs in the add-in source; optional ones only in files that ask excelSupports() first', () => {
    for (const use of EXCEL_API_USES) {
      const users = addin.filter((s) => s.text.includes(use.call));
      expect(users.length, use.call).toBeGreaterThan(0);
      if (!use.optional) continue;
      expect(versionAbove(OPTIONAL_FEATURES[use.optional], EXCEL_API_MINIMUM), use.call).toBe(true);
      for (const s of users) expect(s.text, `${s.file} uses ${use.call}`).toContain(`excelSupports('${use.optional}')`);
    }
  });

  it('no Excel call above the minimum is left out of the list', () => {
    // calls of ExcelApi > 1.7 that the add-in might reach for: each found must be listed (and so be optional)
    const newer = ['.dataValidation', '.getTables(', '.valueAxis.numberFormat', '.getItemOrNullObject(', '.getSpecialCells', '.getMergedAreas', '.protection.', '.autoFilter', '.valuesAsJson', '.getCellProperties(', '.setCellProperties(', '.styles.', '.comments', '.shapes', '.slicers'];
    for (const call of newer) {
      if (!addin.some((s) => s.text.includes(call))) continue;
      expect(EXCEL_API_USES.some((u) => call.includes(u.call) || u.call.includes(call)), call).toBe(true);
    }
  });

  describe('excelSupports', () => {
    afterEach(() => vi.unstubAllGlobals());
    it('asks Office.context.requirements with the feature’s ExcelApi version', () => {
      const asked: string[] = [];
      vi.stubGlobal('Office', { context: { requirements: { isSetSupported: (set: string, v: string) => (asked.push(`${set} ${v}`), !versionAbove(v, '1.8')) } } });
      expect(excelSupports('dataValidation')).toBe(true);
      expect(excelSupports('visibleCells')).toBe(false);
      expect(excelSupports('mergedAreas')).toBe(false);
      expect(asked).toEqual(['ExcelApi 1.8', 'ExcelApi 1.9', 'ExcelApi 1.13']);
    });
    it('a host whose check throws answers no', () => {
      vi.stubGlobal('Office', { context: { requirements: { isSetSupported: () => { throw new Error('x'); } } } });
      expect(excelSupports('chartAxisFormat')).toBe(false);
    });
  });
});
