// Builds the task pane (the real `npm run build`) and the e2e simulator bundle (IIFE) with the host page.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

/** An entry as one IIFE `sim.js` in `outDir` (the simulator runs in the host page and as the pane's office.js). */
export async function buildSimBundle(entry: string, outDir: string, name: string): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2020', minify: false, lib: { entry, formats: ['iife'], name, fileName: () => 'sim.js' } },
  });
}

export async function buildForE2e(root: string, outDir: string): Promise<void> {
  await build({ configFile: join(root, 'vite.config.ts'), configLoader: 'runner', logLevel: 'warn' });
  mkdirSync(outDir, { recursive: true });
  await buildSimBundle(join(root, 'test/e2e/host/sim-entry.ts'), outDir, 'CeSim');
  copyFileSync(join(root, 'test/e2e/host/host.html'), join(outDir, 'host.html'));
}
