// Compiles the extension-host suite: each test file and the mocha entry become separate CommonJS bundles in
// out/test/integration/. `vscode` is provided by the host; `mocha` stays external and resolves from the
// clone's node_modules because the bundle lives inside the clone.
import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { integrationOutDir, repoRoot } from './paths.mjs';

const suiteDir = join(repoRoot, 'test', 'integration', 'suite');

export async function buildIntegrationSuite() {
  const entryPoints = readdirSync(suiteDir)
    .filter((name) => name === 'index.ts' || name.endsWith('.test.ts'))
    .map((name) => join(suiteDir, name));
  rmSync(integrationOutDir, { recursive: true, force: true });
  await build({
    entryPoints,
    outdir: integrationOutDir,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return join(integrationOutDir, 'index.js');
}
