// Bundles the extension and the CLI with esbuild. `--production` minifies and drops source maps.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';

const production = process.argv.includes('--production') || process.env.SOURCE_ANNOTATOR_PRODUCTION === '1';
mkdirSync('dist', { recursive: true });

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

await Promise.all([
  build({ ...common, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  build({ ...common, entryPoints: ['src/node/analysisWorker.ts'], outfile: 'dist/analysisWorker.js' }),
  build({ ...common, platform: 'browser', format: 'iife', target: 'es2022', entryPoints: ['src/webview/connectionsGraph.js'], outfile: 'dist/connectionsGraph.js' }),
]);
console.log(`built dist/extension.js and dist/cli.js${production ? ' (production)' : ''}`);
