/// <reference types="node" />
// The local manifest check (Office's online validator is unreachable here and the public XSDs predate shared
// runtimes): well-formed XML, GUID id, every resid defined, string length limits, HTTPS URLs, the shared runtime,
// the CE namespace, the ribbon, the icons; and office-addin-manifest parses it. The same checks run on the
// production manifest `npm run manifest -- --host https://ce.example.org` writes.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { describe, expect, it } from 'vitest';
import { find, parseXml, walk, type XmlNode } from './xml-lite';
import { manifestAppDomains, manifestUrls } from './manifest-urls';
import { devManifest, manifestForOrigin, normalizeOrigin, productionManifest } from '../../scripts/manifest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const assets = fileURLToPath(new URL('../../addin/assets/', import.meta.url));
const PROD_ORIGIN = 'https://ce.example.org';

/** `npm run manifest -- --host … --out …` for real (tsx), once: the file it writes. */
function writeProdManifest(extra: string[] = []): { path: string; status: number | null; stderr: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'ce-manifest-')), 'manifest.prod.xml');
  const r = spawnSync(process.execPath, [join(repoRoot, 'node_modules/tsx/dist/cli.mjs'), join(repoRoot, 'scripts/manifest.ts'), '--out', path, ...extra], { encoding: 'utf8' });
  return { path, status: r.status, stderr: r.stderr };
}
const prod = writeProdManifest(['--host', `${PROD_ORIGIN}/`]);

const variants: { label: string; manifestPath: string; origin: string }[] = [
  { label: 'manifest.xml (development)', manifestPath: join(repoRoot, 'manifest.xml'), origin: 'https://localhost:3000' },
  { label: 'npm run manifest -- --host https://ce.example.org', manifestPath: prod.path, origin: PROD_ORIGIN },
];

for (const { label, manifestPath, origin } of variants) describe(label, () => {
  const root = parseXml(readFileSync(manifestPath, 'utf8'));
  const one = (name: string, under: XmlNode = root): XmlNode => {
    const all = find(under, name);
    expect(all, name).toHaveLength(1);
    return all[0];
  };

  /** Resource id → value, from bt:Images, bt:Urls, bt:ShortStrings and bt:LongStrings. */
  const resources = new Map<string, { kind: string; value: string; node: XmlNode }>();
  for (const kind of ['bt:Images', 'bt:Urls', 'bt:ShortStrings', 'bt:LongStrings']) {
    for (const container of find(root, kind)) {
      for (const n of container.children) resources.set(n.attrs.id, { kind, value: n.attrs.DefaultValue, node: n });
    }
  }
  /** The single direct child named `name`. */
  const child = (node: XmlNode, name: string): XmlNode => {
    const all = node.children.filter((n) => n.name === name);
    expect(all, name).toHaveLength(1);
    return all[0];
  };
  const resValue = (id: string): string => resources.get(id)?.value ?? '';

  describe('is a manifest', () => {
    it('is a well-formed TaskPaneApp for Excel with a GUID id and a 4-part version', () => {
      expect(root.name).toBe('OfficeApp');
      expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
      expect(one('Id').text).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
      expect(one('Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
      expect(child(child(root, 'Hosts'), 'Host').attrs.Name).toBe('Workbook');
      expect(one('Permissions').text).toBe('ReadWriteDocument');
    });

    it('defines every resid it uses, once, with ids of at most 32 characters', () => {
      const ids = [...find(root, 'bt:Image'), ...find(root, 'bt:Url'), ...find(root, 'bt:String')].map((n) => n.attrs.id).filter(Boolean);
      expect(new Set(ids).size).toBe(ids.length);
      const used = walk(root).flatMap((n) => (n.attrs.resid ? [n.attrs.resid] : []));
      expect(used.length).toBeGreaterThan(10);
      for (const id of used) {
        expect(resources.has(id), `resid ${id}`).toBe(true);
        expect(id.length).toBeLessThanOrEqual(32);
      }
    });

    it('keeps strings within Office limits', () => {
      const limit = (n: XmlNode, max: number) => {
        expect(n.attrs.DefaultValue.length, n.attrs.id ?? n.name).toBeLessThanOrEqual(max);
        for (const o of n.children) expect(o.attrs.Value.length).toBeLessThanOrEqual(max);
      };
      for (const r of resources.values()) if (r.kind === 'bt:ShortStrings') limit(r.node, 125);
      for (const r of resources.values()) if (r.kind === 'bt:LongStrings') limit(r.node, 250);
      limit(child(root, 'DisplayName'), 125);
      limit(child(root, 'Description'), 250);
      expect(one('ProviderName').text.length).toBeLessThanOrEqual(250);
      for (const c of find(root, 'Control')) expect(c.attrs.id.length).toBeLessThanOrEqual(125);
    });

    it('puts every URL and the AppDomain on its one https origin', () => {
      const xml = readFileSync(manifestPath, 'utf8');
      expect(manifestUrls(xml).length).toBeGreaterThanOrEqual(6);
      for (const u of manifestUrls(xml)) expect(new URL(u).origin, u).toBe(origin);
      expect(manifestAppDomains(xml)).toEqual([origin]);
    });

    it('uses HTTPS for every URL', () => {
      const urls = [
        ...[...resources.values()].filter((r) => r.kind === 'bt:Urls' || r.kind === 'bt:Images').map((r) => r.value),
        ...['IconUrl', 'HighResolutionIconUrl', 'SupportUrl'].map((n) => one(n).attrs.DefaultValue),
        ...find(root, 'SourceLocation').flatMap((n) => (n.attrs.DefaultValue ? [n.attrs.DefaultValue] : [])),
        ...find(root, 'AppDomain').map((n) => n.text),
      ];
      expect(urls.length).toBeGreaterThan(8);
      for (const u of urls) expect(u).toMatch(/^https:\/\/[^\s]+$/);
    });

    it('declares the shared runtime and the CE custom functions on the task pane page', () => {
      expect(find(one('Requirements'), 'Set').map((s) => s.attrs)).toContainEqual({ Name: 'SharedRuntime', MinVersion: '1.1' });
      const runtime = one('Runtime');
      expect(runtime.attrs).toEqual({ resid: 'Taskpane.Url', lifetime: 'long' });
      const cf = find(root, 'ExtensionPoint').find((e) => e.attrs['xsi:type'] === 'CustomFunctions')!;
      expect(cf).toBeDefined();
      expect(resValue(one('Namespace', cf).attrs.resid)).toBe('CE');
      expect(resValue(one('Metadata', cf).children[0].attrs.resid)).toBe(`${origin}/functions.json`);
      expect(one('Page', cf).children[0].attrs.resid).toBe(runtime.attrs.resid);
      // Script: the JavaScript file of the functions (the page's own script); Page: the shared runtime's page
      expect(resValue(one('Script', cf).children[0].attrs.resid)).toBe(`${origin}/taskpane.js`);
      expect(one('FunctionFile').attrs.resid).toBe('Taskpane.Url');
      expect(resValue('Taskpane.Url')).toBe(`${origin}/taskpane.html`);
    });

    it('puts group 继续教育学时 on the Home tab with 打开任务窗格 and 年度汇总', () => {
      const tab = one('OfficeTab');
      expect(tab.attrs.id).toBe('TabHome');
      const group = one('Group', tab);
      expect(resValue(child(group, 'Label').attrs.resid)).toBe('继续教育学时');
      const controls = find(group, 'Control');
      const labels = controls.map((c) => resValue(c.children.find((n) => n.name === 'Label')!.attrs.resid));
      expect(labels).toEqual(['打开任务窗格', '年度汇总', '提醒名单', '审核材料清单']);
      const actions = controls.map((c) => child(c, 'Action'));
      expect(actions[0].attrs['xsi:type']).toBe('ShowTaskpane');
      expect(child(actions[0], 'SourceLocation').attrs.resid).toBe('Taskpane.Url');
      expect(actions[1].attrs['xsi:type']).toBe('ExecuteFunction');
      expect(child(actions[1], 'FunctionName').text).toBe('buildAnnualSummary');
      expect(actions.slice(2).map((a) => [a.attrs['xsi:type'], child(a, 'FunctionName').text])).toEqual([
        ['ExecuteFunction', 'buildReminderList'],
        ['ExecuteFunction', 'buildEvidenceChecklist'],
      ]);
    });

    it("speaks a clerk's words in its Chinese labels and tooltips (no Worker, batch, engine)", () => {
      const texts = [...resources.values()].filter((r) => r.kind.endsWith('Strings')).map((r) => r.value);
      expect(texts.length).toBeGreaterThan(8);
      for (const t of texts) expect(t).not.toMatch(/worker|batch|engine|引擎/i);
      expect(resValue('CE.TaskpaneButton.Tooltip')).toContain('计算服务地址');
    });

    it('points its icons at PNGs that exist in addin/assets at the declared sizes', () => {
      const images = find(one('bt:Images'), 'bt:Image');
      expect(images.map((n) => n.attrs.id)).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
      for (const img of [...images.map((n) => n.attrs.DefaultValue), one('IconUrl').attrs.DefaultValue, one('HighResolutionIconUrl').attrs.DefaultValue]) {
        const file = `${assets}${img.split('/assets/')[1]}`;
        expect(existsSync(file), file).toBe(true);
        const png = readFileSync(file);
        expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
        const size = Number(/icon-(\d+)\.png$/.exec(img)![1]);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      }
    });

    it('is parsed by office-addin-manifest (what `office-addin-manifest info` prints)', async () => {
      const info = await OfficeAddinManifest.readManifestFile(manifestPath);
      expect(info.id).toBe(one('Id').text);
      expect(info.displayName).toBe('继续教育学时助手');
      expect(info.hosts).toEqual(['Workbook']);
      expect(info.defaultSettings?.sourceLocation).toBe(`${origin}/taskpane.html`);
    });

    it('rejects malformed XML (the checker itself)', () => {
      expect(() => parseXml('<a><b></a>')).toThrow(/not well-formed/);
      expect(() => parseXml('<a x="1" x="2"/>')).toThrow(/duplicate/);
      expect(() => parseXml('<a>R&D</a>')).toThrow(/entity/);
    });
  });
});

describe('npm run manifest', () => {
  it('exits 0, keeps the Id unless --new-id, and only the origin and the development comment change', () => {
    expect(prod.status, prod.stderr).toBe(0);
    const dev = readFileSync(join(repoRoot, 'manifest.xml'), 'utf8');
    const devComment = /<!-- Development manifest:[^]*?-->\n/.exec(dev)?.[0];
    expect(devComment).toContain('https://localhost:3000');
    const written = readFileSync(prod.path, 'utf8');
    expect(written).toBe(dev.replace(devComment!, '').split('https://localhost:3000').join(PROD_ORIGIN));
    expect(written).toBe(productionManifest(dev, PROD_ORIGIN));
    expect(written).not.toMatch(/localhost|development|npm start/i);
    expect(written).toContain('<!-- 继续教育学时助手: Excel task pane');
    const fresh = manifestForOrigin(dev, PROD_ORIGIN, { newId: true });
    const id = (x: string) => /<Id>([^<]*)<\/Id>/.exec(x)?.[1];
    expect(id(fresh)).toMatch(/^[0-9a-f-]{36}$/);
    expect(id(fresh)).not.toBe(id(dev));
  });

  it('the dev manifest follows CE_DEV_PORT (npm start): every URL on https://localhost:PORT', () => {
    const xml = devManifest('https://localhost:3443');
    expect(manifestUrls(xml).length).toBeGreaterThanOrEqual(6);
    for (const u of manifestUrls(xml)) expect(new URL(u).origin, u).toBe('https://localhost:3443');
    expect(manifestAppDomains(xml)).toEqual(['https://localhost:3443']);
    expect(devManifest('https://localhost:3000')).toBe(readFileSync(join(repoRoot, 'manifest.xml'), 'utf8'));
  });

  it('refuses a host that is not an https origin, with a usage message (exit 2)', () => {
    expect(() => normalizeOrigin('http://ce.example.org')).toThrow(/https/);
    expect(() => normalizeOrigin('https://ce.example.org/addin')).toThrow(/origin/);
    expect(() => normalizeOrigin('ce.example.org')).toThrow(/URL/);
    expect(normalizeOrigin('https://CE.example.org:8443/')).toBe('https://ce.example.org:8443');
    const bad = writeProdManifest(['--host', 'http://ce.example.org']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('https://');
  });
});
