// Helpers for e2e tests that need the simulator with extensions: a bundle of the harness's host entry plus
// extension installers (one IIFE, so the classes are the same in both realms), and clicking a task-pane button.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { build } from 'vite';

/** `installers`: [module path relative to the repository, exported function name], called in order before the host entry runs. */
export async function buildSimBundle(root: string, name: string, installers: [string, string][]): Promise<string> {
  const artifacts = join(root, 'test', 'artifacts');
  const entryDir = join(artifacts, `${name}-entry`);
  const outDir = join(artifacts, name);
  mkdirSync(entryDir, { recursive: true });
  const entry = join(entryDir, 'entry.ts');
  writeFileSync(
    entry,
    [
      ...installers.map(([file, fn]) => `import { ${fn} } from ${JSON.stringify(join(root, file))};`),
      `import ${JSON.stringify(join(root, 'test/e2e/host/sim-entry.ts'))};`,
      ...installers.map(([, fn]) => `${fn}();`),
      '',
    ].join('\n'),
  );
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2020', minify: false, lib: { entry, formats: ['iife'], name: 'CeSimBundle', fileName: () => 'sim.js' } },
  });
  return readFileSync(join(outDir, 'sim.js'), 'utf8');
}

/** Clicks a task-pane button and returns the message it shows once the button is enabled again. */
export async function clickForMessage(pane: Frame, id: string): Promise<string> {
  await pane.evaluate(() => {
    const m = document.getElementById('message');
    if (m) {
      m.hidden = true;
      m.textContent = '';
    }
  });
  await pane.click(`#${id}`);
  await pane.waitForFunction((button) => {
    const m = document.getElementById('message');
    return !!m && !m.hidden && (m.textContent ?? '') !== '' && !(document.getElementById(button) as HTMLButtonElement).disabled;
  }, id);
  return (await pane.textContent('#message')) ?? '';
}
