// Produces source-annotator-<version>.vsix at the repo root: a production esbuild bundle, packaged without
// node_modules because everything the extension and the CLI need is bundled into dist/.
import { statSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot, vsixPath } from './lib/paths.mjs';
import { npxCommand, run } from './lib/run.mjs';

await run(process.execPath, ['scripts/build.mjs', '--production'], { cwd: repoRoot });
await run(
  npxCommand,
  ['--no-install', 'vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--no-rewrite-relative-links', '--out', vsixPath],
  { cwd: repoRoot },
);
const kib = Math.round(statSync(vsixPath).size / 1024);
console.log(`packaged ${relative(repoRoot, vsixPath)} (${kib} KiB)`);
