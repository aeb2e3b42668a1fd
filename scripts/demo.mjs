// `npm run demo`: installs whatever is missing, packages the extension, installs the .vsix into a demo
// profile and serves VS Code on samples/ at http://127.0.0.1:8080 (PORT or --port overrides) until Ctrl+C.
// The address it prints opens the welcome article, with the Source Annotator views beside it.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ensureCodeServer } from './lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from './lib/codeServerRun.mjs';
import { DEMO_SETTINGS, demoUrl, WELCOME_ARTICLE } from './lib/demoSession.mjs';
import { ensureDebianPackages, ensureNodeModules } from './lib/deps.mjs';
import { repoRoot, samplesDir, vsixPath } from './lib/paths.mjs';
import { run } from './lib/run.mjs';

// Only Node built-ins are imported above, so a fresh clone can install its dependencies first.
await ensureNodeModules();

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port ?? process.env.PORT ?? 8080);
if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid port: ${values.port ?? process.env.PORT}`);

await ensureDebianPackages();
const binary = await ensureCodeServer();
await run(process.execPath, ['scripts/package.mjs'], { cwd: repoRoot });

// One git-ignored profile inside the clone, reused by every demo run (installed extensions, UI state).
const runDir = createRunDir({ root: join(repoRoot, '.vscode-test', 'demo'), settings: DEMO_SETTINGS });
await installExtension(binary, runDir, vsixPath);
const server = await startCodeServer(binary, runDir, { folder: samplesDir, port });
console.log(`\nSource Annotator demo — open this address; it starts on "${WELCOME_ARTICLE}", which says what to try:\n${demoUrl(server.url, samplesDir)}`);
console.log(`(server log: ${server.logPath}; press Ctrl+C to stop)`);
const ended = await server.exited;
console.error(`code-server stopped (${ended}); see ${server.logPath}`);
process.exitCode = 1;
