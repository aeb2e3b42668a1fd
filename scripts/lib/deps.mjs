// Brings a fresh clone to a runnable state: node_modules and the Debian packages code-server and Chromium need.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.mjs';
import { npmCommand, probe, run } from './run.mjs';

/** Debian packages for code-server's native modules, the ripgrep it bundles, the headless browser, and .vsix unpacking. */
export const debianPackages = ['libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev', 'pkg-config', 'ripgrep', 'chromium', 'unzip'];

export async function ensureNodeModules() {
  if (existsSync(join(repoRoot, 'node_modules'))) return;
  console.log('node_modules is missing: running npm ci');
  await run(npmCommand, ['ci', '--no-audit', '--no-fund'], { cwd: repoRoot });
}

export async function missingDebianPackages() {
  if (process.platform !== 'linux') return [];
  const missing = [];
  for (const name of debianPackages) {
    if ((await probe('dpkg', ['-s', name])) !== 0) missing.push(name);
  }
  return missing;
}

export async function ensureDebianPackages() {
  const missing = await missingDebianPackages();
  if (missing.length === 0) return;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}\n` +
        `install them once as root: apt-get update && apt-get install -y ${missing.join(' ')}`,
    );
  }
  console.log(`installing missing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  await run('apt-get', ['update'], { env });
  await run('apt-get', ['install', '-y', ...missing], { env });
}
