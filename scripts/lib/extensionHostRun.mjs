// Runs the extension-host mocha suite inside a real VS Code (code-server), the way @vscode/test-electron
// would: the workbench gets extensionDevelopmentPath/extensionTestsPath in its URL payload, loads both in
// the server-side extension host, and reports the suite's outcome through window.codeAutomationExit.
import { cpSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import { launchBrowser } from './browser.mjs';
import { createRunDir, remoteUri, startCodeServer, workbenchUrl } from './codeServerRun.mjs';
import { samplesDir } from './paths.mjs';

/** The sample the workbench opens at start-up, in the URL that loads it. */
const STARTUP_ARTICLE = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';

/**
 * Resolves with `{ exitCode, results }`: exitCode 0 when every test passed; results is the JSON summary the
 * suite wrote (or undefined when it never got that far, e.g. the test module failed to load). `env` is added to
 * the server's environment, which the extension host inherits.
 */
export async function runExtensionHostSuite({ binary, extensionDir, testsEntry, timeoutMs = 300000, env = {} }) {
  const runDir = createRunDir({ prefix: 'source-annotator-exthost-' });
  const workspaceDir = join(runDir.dir, 'samples');
  cpSync(samplesDir, workspaceDir, { recursive: true });
  const resultsPath = join(runDir.dir, 'results.json');

  const server = await startCodeServer(binary, runDir, {
    folder: workspaceDir,
    env: { ...env, SOURCE_ANNOTATOR_TEST_RESULTS: resultsPath, SOURCE_ANNOTATOR_STARTUP_ARTICLE: STARTUP_ARTICLE },
  });
  let browser;
  try {
    browser = await launchBrowser();
    const page = await browser.newPage();
    let reportExit;
    const exited = new Promise((resolvePromise) => (reportExit = resolvePromise));
    // Both must exist before the workbench loads: it looks them up once when the run ends / logs.
    await page.exposeFunction('codeAutomationExit', (code) => reportExit(Number(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => printHostLog(type, args));
    await page.goto(
      workbenchUrl(server.url, workspaceDir, [
        ['extensionDevelopmentPath', remoteUri(server.url, extensionDir)],
        ['extensionTestsPath', remoteUri(server.url, testsEntry)],
        // An article open from the start, as a user's start-up URL opens it (see 0-editorAtStartup.test.ts).
        ['openFile', `${remoteUri(server.url, join(workspaceDir, STARTUP_ARTICLE))}:1:1`],
        ['gotoLineMode', 'true'],
        ['skipWelcome', 'true'],
      ]),
    );
    let timer;
    const timedOut = new Promise((resolvePromise) => (timer = setTimeout(() => resolvePromise('timeout'), timeoutMs)));
    const outcome = await Promise.race([exited, timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') throw new Error(`extension-host suite did not finish within ${timeoutMs / 1000} s; server log: ${server.logPath}`);
    const results = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, 'utf8')) : undefined;
    return { exitCode: outcome, results };
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    if (!process.env.SOURCE_ANNOTATOR_KEEP_RUNS) rmSync(runDir.dir, { recursive: true, force: true });
  }
}

/** Workbench chatter that says nothing about the extension or the tests. */
const hostLogNoise = [/additional builtin extensions/, /connection token/, /Creating a socket/, /Service Worker/, /ChatSessionStore/];

function printHostLog(type, args) {
  const parts = Array.isArray(args) ? args : [args];
  const line = format(...parts);
  if (hostLogNoise.some((pattern) => pattern.test(line))) return;
  if (type === 'error') console.error(`  [host] ${line}`);
  else console.log(`  [host] ${line}`);
}
