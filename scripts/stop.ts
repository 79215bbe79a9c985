// `npm stop`: ends the Worker and dev server `npm start` launched (by their recorded process ids) and, where
// desktop Excel was used, unregisters the sideloaded add-in.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { killTree } from './process-tree';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const PID_FILE = join(root, 'node_modules', '.cache', 'ce-addin', 'dev.pids.json');

if (process.platform === 'win32' || process.platform === 'darwin') {
  // the manifest `npm start` sideloaded (CE_DEV_PORT), else the checked-in one
  const devManifest = join(root, 'node_modules', '.cache', 'ce-addin', 'manifest.dev.xml');
  const manifest = existsSync(devManifest) ? devManifest : join(root, 'manifest.xml');
  spawnSync(process.execPath, [join(root, 'node_modules', 'office-addin-debugging', 'cli.js'), 'stop', manifest, 'desktop'], {
    stdio: 'inherit',
  });
}
if (!existsSync(PID_FILE)) {
  console.log('[stop] nothing recorded: `npm start` is not running.');
} else {
  const pids = JSON.parse(readFileSync(PID_FILE, 'utf8')) as Record<string, number | undefined>;
  for (const [name, pid] of Object.entries(pids)) {
    if (!pid) continue;
    // start.ts launches each so that its whole tree (wrangler → workerd, vite) can be ended by the recorded id
    console.log(`[stop] ${name} (pid ${pid}) ${killTree(pid) ? 'stopped' : 'was not running'}`);
  }
  rmSync(PID_FILE);
}
