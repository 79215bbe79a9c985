// `npm stop`: ends the Worker and dev server `npm start` launched (by their recorded process ids) and, where
// desktop Excel was used, unregisters the sideloaded add-in.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
    if (process.platform === 'win32') {
      // End the process tree (wrangler → workerd, vite) by the recorded id.
      const r = spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { stdio: 'ignore' });
      console.log(`[stop] ${name} (pid ${pid}) ${r.status === 0 ? 'stopped' : 'was not running'}`);
      continue;
    }
    try {
      // start.ts launches each as its own process group: end the group so wrangler/workerd go too.
      process.kill(-pid, 'SIGTERM');
      console.log(`[stop] ${name} (pid ${pid}) stopped`);
    } catch {
      console.log(`[stop] ${name} (pid ${pid}) was not running`);
    }
  }
  rmSync(PID_FILE);
}
