// Builds the client (browser bundle + SSR bundle) when it is missing or older than its sources,
// so `npm start` is quick after the first time and always serves what the sources say.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const stamp = path.join(root, 'client/dist/vite.config.json');
const sources = ['client/src', 'client/index.html', 'client/vite.config.ts', 'shared/src', 'package-lock.json'];

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(target).map((entry) => newest(path.join(target, entry))));
}

const built = existsSync(stamp) ? statSync(stamp).mtimeMs : 0;
const changed = Math.max(...sources.map((source) => newest(path.join(root, source))));
if (built > changed) {
  console.log('[tell-us-once] The client is built and up to date.');
} else {
  // Known, harmless build warnings (govuk-frontend's old-browser CSS hack) are for `npm run build`, not here.
  console.log('[tell-us-once] Building the client (pages, styles and scripts)…');
  const result = spawnSync('npx', ['vite', 'build', '--logLevel', 'error', 'client'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error('[tell-us-once] The client build failed: see the messages above.');
    process.exit(result.status ?? 1);
  }
  console.log('[tell-us-once] Client built.');
}
