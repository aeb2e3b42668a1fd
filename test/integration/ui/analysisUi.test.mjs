// The analysis views in the real workbench, as an analyst opens them: the Connections graph (a webview
// drawn by the graph library) from the command palette, the Quotes and Timeline views in the sidebar, and
// the corroboration line of a date's hover card over a story another outlet republished. Screenshots of
// each go to test-results/.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { ensureCodeServer } from '../../../scripts/lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from '../../../scripts/lib/codeServerRun.mjs';
import { repoRoot, samplesDir, testResultsDir, vsixPath as defaultVsixPath } from '../../../scripts/lib/paths.mjs';
import { openArticleInWorkbench, QUIET_EDITOR_SETTINGS, waitFor } from './uiTools.mjs';
import { wordRectOnLine } from './pageProbes.mjs';

const REUTERS_STORY = 'Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt';
const REPUBLISHED = 'Hegseth to Skip NATO Ministers Meeting, Sources Say.txt';
const NEWSMAX_STORY = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
// named to sort after the story it copies: with the same publication date, the first name is the original
const REPUBLISHED_QUOTES = 'Policy Chief Colby Urges a NATO of Partners.txt';

/**
 * The analysts' sidecars of the samples (outlets, publication dates), and a republication of the Reuters
 * story by another outlet a day later: its own headline, the story's last paragraph and the page around it
 * left out.
 */
function addRepublishedStory(workspaceDir) {
  cpSync(join(repoRoot, 'test', 'fixtures', 'sample-sidecars'), workspaceDir, { recursive: true });
  const paragraphs = readFileSync(join(workspaceDir, REUTERS_STORY), 'utf8').split('\n').filter((line) => line.trim()).slice(0, 6);
  writeFileSync(join(workspaceDir, REPUBLISHED), `Hegseth to skip NATO ministers' meeting, sources say\n\n${paragraphs.join('\n\n')}\n`);
  writeFileSync(join(workspaceDir, `${REPUBLISHED}.annotations.yaml`), 'version: 1\narticle:\n  published: 2026-01-21\n  source: Daily Courier\nannotations: []\n');
  // and the Newsmax story with Colby's quotations, republished the same day without its dateline and copyright line
  const story = readFileSync(join(workspaceDir, NEWSMAX_STORY), 'utf8').split('\n').filter((line) => line.trim());
  const body = story.filter((line) => !/^Thursday, 12 February 2026|^©/.test(line)).slice(1);
  writeFileSync(join(workspaceDir, REPUBLISHED_QUOTES), `Policy chief Colby urges a NATO of partners\n\n${body.join('\n\n')}\n`);
  writeFileSync(join(workspaceDir, `${REPUBLISHED_QUOTES}.annotations.yaml`), 'version: 1\narticle:\n  published: 2026-02-12\n  source: Atlantic Ledger\nannotations: []\n');
}

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
    addRepublishedStory(workspaceDir);
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

  it('groups the Timeline by year and month, and opens a date from the keyboard', async () => {
    // (the Explorer has a Timeline view of its own: ours is the one in the Source Annotator sidebar)
    await runCommand(page, 'Source Annotator: Focus on Event Timeline View');
    const view = page.locator('[id="workbench.view.extension.sourceAnnotator"] .pane', { has: page.locator('.pane-header', { hasText: 'Timeline' }) }).first();
    const rows = view.locator('.monaco-list-row');
    await rows.first().waitFor({ state: 'visible', timeout: 60000 });
    // the other views of the sidebar are closed, so the Timeline has the height to show a month's dates
    for (const name of ['Entities', 'Annotations', 'Quotes']) {
      const header = page.locator('[id="workbench.view.extension.sourceAnnotator"] .pane-header', { hasText: name }).first();
      if (await header.getAttribute('aria-expanded') === 'true') await header.click();
    }
    await rows.first().click();
    const focusedLabel = () => view.locator('.monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '');
    /** Moves the keyboard focus with `key` until the focused row's label starts with `prefix`. */
    const moveTo = async (key, prefix) => {
      for (let i = 0; i < 60; i++) {
        if ((await focusedLabel())?.startsWith(prefix)) return;
        await page.keyboard.press(key);
      }
      assert.fail(`the keyboard never reached "${prefix}"; focus on ${JSON.stringify(await focusedLabel())}`);
    };
    // the years run in date order: from the last one up to 2026, open it, down to February, open it
    // (each ArrowRight opens a group; its rows are awaited before moving on)
    await page.keyboard.press('End');
    await moveTo('ArrowUp', '2026, ');
    await page.keyboard.press('ArrowRight');
    await view.locator('.monaco-list-row[aria-label^="January 2026, "]').first().waitFor({ state: 'visible', timeout: 15000 });
    await moveTo('ArrowDown', 'February 2026, ');
    await page.keyboard.press('ArrowRight');
    await view.locator('.monaco-list-row[aria-label^="2026-0"]').first().waitFor({ state: 'visible', timeout: 15000 });
    await page.keyboard.press('ArrowDown');
    const label = await focusedLabel();
    assert.match(label ?? '', /^2026-/, 'the first date of February has the focus');
    await page.screenshot({ path: join(testResultsDir, 'timeline-view.png') });
    await page.keyboard.press('Enter');
    await waitFor(() => page.locator('.monaco-editor .selected-text').count(), (n) => n > 0, 30000,
      () => `Enter on "${label}" selected no date in an editor`);
  });

  it('says in a date card how many outlets report the day, the republished wire copy counted once', async () => {
    await openArticleInWorkbench(page, { serverUrl: server.url, workspaceDir: join(runDir.dir, 'samples'), file: REUTERS_STORY, line: 2 });
    const hover = page.locator('.monaco-editor .monaco-resizable-hover .monaco-hover').first();
    const target = { lineNumber: 2, word: 'Feb. 12', occurrence: 0 };
    const text = await waitFor(
      async () => {
        const rect = await page.evaluate(wordRectOnLine, target);
        if (!rect) return '';
        const centre = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
        // leave and re-enter each round: the copy index fills in the background
        await page.mouse.move(centre.x, centre.y + 200);
        await page.mouse.move(centre.x, centre.y, { steps: 4 });
        try {
          await hover.waitFor({ state: 'visible', timeout: 3000 });
          return await hover.innerText();
        } catch {
          return '';
        }
      },
      (value) => value.includes('Corroboration'),
      90000,
      (value) => `the card over "Feb. 12" never showed a corroboration line; last text: ${JSON.stringify(value)}`,
    );
    assert.match(text, /reported by 1 outlet \(Reuters\) only; 1 more republishes its wire copy \(Daily Courier\)/);
    // the card fades in: wait for it to be opaque before the screenshot
    await waitFor(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), (n) => n === 0, 5000, (n) => `${n} animations still running`);
    await page.screenshot({ path: join(testResultsDir, 'corroboration-card.png') });
  });

  it('says in a quotation\'s tooltip in the Quotes view how many outlets report it', async () => {
    await runCommand(page, 'Source Annotator: Focus on Quotes View');
    const view = page.locator('[id="workbench.view.extension.sourceAnnotator"] .pane', { has: page.locator('.pane-header', { hasText: 'Quotes' }) }).first();
    const colby = view.locator('.monaco-list-row[aria-label^="Elbridge Colby, "]').first();
    await colby.waitFor({ state: 'visible', timeout: 60000 });
    // the Timeline view closed, so the Quotes view has the height
    const timelineHeader = page.locator('[id="workbench.view.extension.sourceAnnotator"] .pane-header', { hasText: 'Timeline' }).first();
    if (await timelineHeader.getAttribute('aria-expanded') === 'true') await timelineHeader.click();
    await colby.click();
    if (await colby.getAttribute('aria-expanded') !== 'true') await page.keyboard.press('ArrowRight');
    // a quotation of the Newsmax story (his first ones are the analysis piece's), reached by keyboard so it is in view
    const wanted = 'Quotation by Elbridge Colby: we have a really strong basis';
    for (let i = 0; i < 20; i++) {
      const focused = await view.locator('.monaco-list-row.focused').first().getAttribute('aria-label').catch(() => '');
      if (focused?.startsWith(wanted)) break;
      await page.keyboard.press('ArrowDown');
    }
    const quote = view.locator(`.monaco-list-row[aria-label^="${wanted}"]`).first();
    await quote.waitFor({ state: 'visible', timeout: 15000 });
    const tooltip = page.locator('.workbench-hover, .monaco-hover', { hasText: /This\squotation/u }).first();
    const text = await waitFor(
      async () => {
        await page.mouse.move(5, 5);
        await quote.hover();
        // (the hover renders spaces as non-breaking ones)
        return (await tooltip.innerText({ timeout: 3000 }).catch(() => '')).replace(/\s+/gu, ' ');
      },
      (value) => value.includes('This quotation'),
      60000,
      (value) => `the quotation's tooltip never said how it is reported; last text: ${JSON.stringify(value)}`,
    );
    assert.match(text, /This quotation: reported by 1 outlet only; 1 more republishes its wire copy\./);
    await waitFor(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), (n) => n === 0, 5000, (n) => `${n} animations still running`);
    await page.screenshot({ path: join(testResultsDir, 'quotes-corroboration.png') });
  });
});
