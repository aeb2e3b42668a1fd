// The analysis views in the real workbench, as an analyst opens them: the Connections graph (a webview
// drawn by the graph library) from the command palette, and the Quotes view in the sidebar. Screenshots of
// both go to test-results/.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { ensureCodeServer } from '../../../scripts/lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from '../../../scripts/lib/codeServerRun.mjs';
import { repoRoot, samplesDir, testResultsDir, vsixPath as defaultVsixPath } from '../../../scripts/lib/paths.mjs';
import { openArticleInWorkbench, QUIET_EDITOR_SETTINGS, waitFor } from './uiTools.mjs';

const vsixPath = process.env.SOURCE_ANNOTATOR_VSIX || defaultVsixPath;

/** Runs a palette command by title, retrying until the extension has activated and lists it. */
async function runCommand(page, title) {
  const input = page.locator('.quick-input-widget input');
  await waitFor(async () => {
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 5000 });
    await input.fill(`>${title}`);
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    const listed = await row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
    if (listed) await row.click();
    else await page.keyboard.press('Escape');
    return listed;
  }, Boolean, 60000, () => `the command palette never listed "${title}"`);
}

describe('analysis views UI (packaged extension)', function () {
  this.timeout(240000);
  let server;
  let browser;
  let page;
  let runDir;

  before(async () => {
    const binary = await ensureCodeServer();
    runDir = createRunDir({ prefix: 'source-annotator-analysis-ui-', settings: { ...QUIET_EDITOR_SETTINGS } });
    const workspaceDir = join(runDir.dir, 'samples');
    cpSync(samplesDir, workspaceDir, { recursive: true });
    await installExtension(binary, runDir, vsixPath);
    server = await startCodeServer(binary, runDir, { folder: workspaceDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await openArticleInWorkbench(page, { serverUrl: server.url, workspaceDir, file: 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt', line: 1 });
    mkdirSync(testResultsDir, { recursive: true });
    // The views show the whole workspace once the first pass (with the name model) is done.
    const articles = readdirSync(workspaceDir).filter((name) => name.endsWith('.txt')).length;
    await page.locator('.statusbar-item', { hasText: new RegExp(`\\b${articles} articles`) }).first().waitFor({ state: 'visible', timeout: 120000 });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    await page.screenshot({ path: join(testResultsDir, 'analysis-failure.png') }).catch(() => {});
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (runDir && !process.env.SOURCE_ANNOTATOR_KEEP_RUNS) rmSync(runDir.dir, { recursive: true, force: true });
  });

  it('draws the Connections graph in a webview, with a keyboard-reachable entity list', async () => {
    await runCommand(page, 'Source Annotator: Show Connections Graph');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    const status = frame.locator('#status');
    await waitFor(() => status.innerText().catch(() => ''), (t) => /\d+ entities, \d+ connections/.test(t), 90000,
      (t) => `the graph never reported what it drew; status: ${JSON.stringify(t)}`);
    // cytoscape draws on canvases inside #graph
    assert.ok(await frame.locator('#graph canvas').count() > 0, 'the graph library drew on a canvas');
    const buttons = frame.locator('#entities button');
    assert.ok(await buttons.count() > 5, 'the entity list is filled');
    await buttons.first().focus();
    await page.keyboard.press('ArrowDown');
    const focused = await frame.locator('#entities button:focus').innerText();
    assert.equal(focused, await buttons.nth(1).innerText(), 'ArrowDown moves to the next entity');
    await page.screenshot({ path: join(testResultsDir, 'connections-graph.png') });
  });

  it('lists quotations by speaker in the Quotes view, as the quotes CLI counts them', async () => {
    // The view and `source-annotator quotes` share one ledger: the CLI over the same folder says what to expect.
    const ledger = execFileSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'quotes', '--json', join(runDir.dir, 'samples')], { encoding: 'utf8' })
      .split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const bySpeaker = new Map();
    for (const quote of ledger) if (quote.speaker) bySpeaker.set(quote.speaker, [...(bySpeaker.get(quote.speaker) ?? []), quote]);
    const ranked = [...bySpeaker.entries()].sort((a, b) => b[1].length - a[1].length);
    assert.ok(ranked.length >= 2 && ranked[1][1].length >= 2, `the samples have quoted speakers: ${JSON.stringify(ranked.map(([s, q]) => [s, q.length]))}`);
    await runCommand(page, 'Focus on Quotes View');
    // rows are found by their accessible names, which the view sets
    for (const [name, quotes] of ranked.slice(0, 2)) {
      await page.locator(`.monaco-list-row[aria-label^="${name}, ${quotes.length} quotations"]`).first().waitFor({ state: 'visible', timeout: 60000 });
    }
    const [speakerName, speakerQuotes] = ranked[1];
    await page.locator(`.monaco-list-row[aria-label^="${speakerName}, ${speakerQuotes.length} quotations"]`).first().click();
    const opening = speakerQuotes[0].text.split(/\s+/).slice(0, 4).join(' ').replace(/["\\]/g, '\\$&');
    await page.locator(`.monaco-list-row[aria-label^="Quotation by ${speakerName}: ${opening}"]`).first()
      .waitFor({ state: 'visible', timeout: 15000 });
    await page.screenshot({ path: join(testResultsDir, 'quotes-view.png') });
  });
});
