// Builds the task pane (the real `npm run build`) and the e2e simulator bundle (IIFE) with the host page.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';

export async function buildForE2e(root: string, outDir: string): Promise<void> {
  await build({ configFile: join(root, 'vite.config.ts'), configLoader: 'runner', logLevel: 'warn' });
  mkdirSync(outDir, { recursive: true });
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2020',
      minify: false,
      lib: { entry: join(root, 'test/e2e/host/sim-entry.ts'), formats: ['iife'], name: 'CeSim', fileName: () => 'sim.js' },
    },
  });
  copyFileSync(join(root, 'test/e2e/host/host.html'), join(outDir, 'host.html'));
}
