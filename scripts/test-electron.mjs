// `npm run test:electron`: the same extension-host suite under desktop VS Code via @vscode/test-electron.
// It needs to download VS Code (or VSCODE_EXECUTABLE pointing at an installed one), so offline it fails
// with an explanation; `npm test` runs this suite in code-server instead.
import { existsSync, mkdtempSync, cpSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildIntegrationSuite } from './lib/integrationBundle.mjs';
import { repoRoot, samplesDir, vsixPath } from './lib/paths.mjs';
import { run } from './lib/run.mjs';
import { extractVsix } from './lib/vsix.mjs';

if (!existsSync(vsixPath)) await run(process.execPath, ['scripts/package.mjs'], { cwd: repoRoot });
const testsEntry = await buildIntegrationSuite();
const unpacked = await extractVsix(vsixPath);
const scratch = mkdtempSync(join(tmpdir(), 'source-annotator-electron-'));
const workspaceDir = join(scratch, 'samples');
cpSync(samplesDir, workspaceDir, { recursive: true });
const resultsPath = join(scratch, 'results.json');

try {
  const exitCode = await runTests({
    vscodeExecutablePath: process.env.VSCODE_EXECUTABLE || undefined,
    extensionDevelopmentPath: unpacked.extensionDir,
    extensionTestsPath: testsEntry,
    extensionTestsEnv: { SOURCE_ANNOTATOR_TEST_RESULTS: resultsPath },
    launchArgs: [workspaceDir, '--disable-extensions', '--disable-workspace-trust', `--user-data-dir=${join(scratch, 'user-data')}`],
  });
  process.exitCode = exitCode;
} catch (error) {
  const message = error instanceof Error ? error.message : String(error);
  console.error(
    `\n@vscode/test-electron could not run desktop VS Code: ${message}\n` +
      'It downloads VS Code from update.code.visualstudio.com, which is unreachable offline. Set VSCODE_EXECUTABLE to an\n' +
      'installed `code` binary to use it, or run `npm test`, which runs the same suite in code-server.',
  );
  process.exitCode = 1;
} finally {
  unpacked.dispose();
  rmSync(scratch, { recursive: true, force: true });
}
