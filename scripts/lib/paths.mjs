// Locations shared by the test, package and demo scripts, all derived from the clone's root.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));

export const vsixPath = join(repoRoot, `${manifest.name}-${manifest.version}.vsix`);

export const extensionId = `${manifest.publisher}.${manifest.name}`;

export const samplesDir = join(repoRoot, 'samples');

export const testResultsDir = join(repoRoot, 'test-results');

/** The compiled extension-host test bundle; it stays inside the clone so `require('mocha')` resolves. */
export const integrationOutDir = join(repoRoot, 'out', 'test', 'integration');

/** Per-user cache shared by every clone on this machine, so a fresh clone skips the code-server install. */
export function userCacheDir() {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'source-annotator');
}
