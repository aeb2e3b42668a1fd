// The first five minutes, as `npm run demo` serves them on a laptop-sized window: the welcome article open
// through the start-up address with the Source Annotator views beside it, articles wrapped, a compact hover
// card (at most five other articles, within half the screen) that keeps answering after indexing, and a
// passage tagged from the palette. The screenshots it saves in test-results/ are the README's.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { ensureCodeServer } from '../../../scripts/lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from '../../../scripts/lib/codeServerRun.mjs';
import { DEMO_SETTINGS, demoUrl, WELCOME_ARTICLE } from '../../../scripts/lib/demoSession.mjs';
import { samplesDir, testResultsDir, vsixPath as defaultVsixPath } from '../../../scripts/lib/paths.mjs';
import { wordRectOnLine } from './pageProbes.mjs';
import { waitFor } from './uiTools.mjs';

const vsixPath = process.env.SOURCE_ANNOTATOR_VSIX || defaultVsixPath;
/** A common laptop screen; the card must fit in half its height. */
const VIEWPORT = { width: 1366, height: 768 };
const MAX_LISTED = 5;

const welcome = readFileSync(join(samplesDir, WELCOME_ARTICLE), 'utf8');
const sampleCount = readdirSync(samplesDir).filter((name) => /\.(txt|md)$/.test(name)).length;
/** Other samples that name Hegseth: what his card can list. */
const othersNamingHegseth = readdirSync(samplesDir)
  .filter((name) => name !== WELCOME_ARTICLE && /\.(txt|md)$/.test(name) && readFileSync(join(samplesDir, name), 'utf8').includes('Hegseth')).length;
const hegsethLine = welcome.split('\n').findIndex((line) => line.startsWith('Pete Hegseth')) + 1;

async function screenshot(page, name) {
  mkdirSync(testResultsDir, { recursive: true });
  await waitFor(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), (n) => n === 0, 5000,
    (n) => `${n} animations still running`);
  await page.screenshot({ path: join(testResultsDir, name) });
}

describe('first screen (the demo, laptop-sized)', function () {
  this.timeout(240000);
  let server;
  let browser;
  let page;
  let runDir;
  let workspaceDir;
  const hostErrors = [];

  before(async function () {
    assert.ok(hegsethLine > 0, `a line of ${WELCOME_ARTICLE} starts with "Pete Hegseth"`);
    assert.ok(existsSync(vsixPath), `${vsixPath} does not exist; run \`npm run package\` first`);
    const binary = await ensureCodeServer();
    // The demo's own settings, nothing quietened: wrap and highlight style are the defaults a new user gets.
    runDir = createRunDir({ prefix: 'source-annotator-first-screen-', settings: { ...DEMO_SETTINGS, 'sourceAnnotator.annotations.author': 'UI Tester' } });
    workspaceDir = join(runDir.dir, 'samples');
    cpSync(samplesDir, workspaceDir, { recursive: true });
    await installExtension(binary, runDir, vsixPath);
    server = await startCodeServer(binary, runDir, { folder: workspaceDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (message) => {
      if (/Unable to retrieve document|already exists!/.test(message.text())) hostErrors.push(message.text().slice(0, 300));
    });
    await page.goto(demoUrl(server.url, workspaceDir));
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    mkdirSync(testResultsDir, { recursive: true });
    await page.screenshot({ path: join(testResultsDir, 'first-screen-failure.png') }).catch(() => {});
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (runDir && !process.env.SOURCE_ANNOTATOR_KEEP_RUNS) rmSync(runDir.dir, { recursive: true, force: true });
  });

  it('opens the welcome article with the Entities and Annotations views beside it', async () => {
    await page.locator(`.tab.active[data-resource-name="${WELCOME_ARTICLE}"]`).waitFor({ state: 'visible', timeout: 90000 });
    for (const view of ['Entities', 'Annotations']) {
      await page.locator('.part.sidebar .pane-header', { hasText: view }).first().waitFor({ state: 'visible', timeout: 60000 });
    }
    const firstLine = await page.locator('.monaco-editor .view-line').first().innerText();
    assert.ok(welcome.startsWith(firstLine.replace(/\u00a0/g, ' ').trim()), `the editor starts with the welcome headline: ${firstLine}`);
  });

  it('wraps the article: paragraphs take several screen lines, nothing scrolls sideways', async () => {
    const counts = await waitFor(() => page.evaluate(() => ({
      screenLines: document.querySelectorAll('.monaco-editor .view-lines .view-line').length,
      numberedLines: document.querySelectorAll('.monaco-editor .margin-view-overlays .line-numbers').length,
      contentWidth: document.querySelector('.monaco-editor .view-lines')?.scrollWidth ?? 0,
      editorWidth: document.querySelector('.monaco-editor .monaco-scrollable-element')?.clientWidth ?? 0,
    })), (c) => c.screenLines > 0, 30000, () => 'the editor shows no lines');
    // A wrapped paragraph adds screen lines without line numbers.
    assert.ok(counts.screenLines > counts.numberedLines, `no line wraps: ${JSON.stringify(counts)}`);
    assert.ok(counts.contentWidth <= counts.editorWidth + 1, `the text is wider than the editor: ${JSON.stringify(counts)}`);
  });

  it('highlights every kind and lists the entities once the folder is indexed', async () => {
    await waitFor(() => page.locator('.part.statusbar').innerText().catch(() => ''), (text) => text.includes(`${sampleCount} articles ·`), 90000,
      (text) => `the status bar never reported ${sampleCount} indexed articles: ${JSON.stringify(text)}`);
    // The Entities view fills from the index: people of the other articles are listed too.
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'Donald Trump' }).first().waitFor({ state: 'visible', timeout: 30000 });
    await screenshot(page, 'first-screen.png');
  });

  it('shows a compact card over "Hegseth": one line per other article, at most five, within half the screen', async () => {
    const hover = page.locator('.monaco-editor .monaco-resizable-hover .monaco-hover').first();
    const rect = await waitFor(() => page.evaluate(wordRectOnLine, { lineNumber: hegsethLine, word: 'Hegseth', occurrence: 0 }), Boolean, 30000,
      () => `line ${hegsethLine} is not on screen`);
    const centre = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    const entries = hover.locator('li');
    const expected = Math.min(MAX_LISTED, othersNamingHegseth) + (othersNamingHegseth > MAX_LISTED ? 1 : 0);
    await waitFor(async () => {
      if ((await hover.isVisible().catch(() => false)) && (await entries.count()) === expected) return true;
      await page.keyboard.press('Escape');
      await page.mouse.move(centre.x, centre.y + 150);
      await page.mouse.move(centre.x, centre.y, { steps: 4 });
      return hover.waitFor({ state: 'visible', timeout: 3000 }).then(async () => (await entries.count()) === expected, () => false);
    }, Boolean, 60000, async () => `the card over "Hegseth" did not list ${expected} articles; card: ${JSON.stringify(await hover.innerText().catch(() => ''))}`);
    const text = await hover.innerText();
    assert.match(text, /Pete Hegseth/);
    assert.match(text, new RegExp(`Other articles \\(${othersNamingHegseth}\\)`));
    for (const entry of await entries.allInnerTexts()) {
      assert.match(entry.trim(), /· \d+ mentions?$/, `an entry is one line of title, date and count: ${entry}`);
    }
    assert.equal(await hover.locator('blockquote').count(), 1, 'one snippet');
    const size = await hover.evaluate((element) => {
      const content = element.querySelector('.monaco-hover-content') ?? element;
      return { height: element.getBoundingClientRect().height, contentHeight: content.scrollHeight, width: element.getBoundingClientRect().width };
    });
    assert.ok(size.contentHeight <= VIEWPORT.height / 2, `the card needs ${size.contentHeight} px, more than half of ${VIEWPORT.height}`);
    await screenshot(page, 'hover-card.png');
    assert.deepEqual(hostErrors, [], 'the extension host kept the start-up document');
  });

  it('tags a passage from the palette; the Annotations view lists it', async () => {
    await page.keyboard.press('Escape');
    const from = await page.evaluate(wordRectOnLine, { lineNumber: hegsethLine, word: 'did', occurrence: 0 });
    const to = await page.evaluate(wordRectOnLine, { lineNumber: hegsethLine, word: 'attend', occurrence: 0 });
    assert.ok(from && to, '"did not attend" is on the first screen line of its paragraph');
    await page.mouse.click(from.left + 1, from.top + from.height / 2);
    await page.keyboard.down('Shift');
    await page.mouse.click(to.left + to.width - 1, to.top + to.height / 2);
    await page.keyboard.up('Shift');
    await waitFor(() => page.locator('[id="status.editor.selection"]').innerText().catch(() => ''), (text) => text.includes('(14 selected)'), 10000,
      (text) => `the selection should cover "did not attend"; status bar: ${text}`);
    const input = page.locator('.quick-input-widget input');
    await page.keyboard.press('F1');
    await input.waitFor({ state: 'visible', timeout: 10000 });
    await input.fill('>Source Annotator: Tag Selection');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'Tag Selection' }).first().waitFor({ state: 'visible', timeout: 10000 });
    await page.keyboard.press('Enter');
    await waitFor(() => page.locator('.quick-input-widget .quick-input-title').innerText().catch(() => ''), (text) => text.trim() === 'Tag selection', 10000,
      (text) => `the tag picker did not open: ${JSON.stringify(text)}`);
    await input.pressSequentially('absence', { delay: 20 });
    await waitFor(() => page.locator('.quick-input-list .monaco-list-row', { hasText: 'new tag' }).count(), (n) => n > 0, 10000, () => 'the typed tag is not offered');
    await page.keyboard.press('Enter');
    await page.locator('.part.sidebar .monaco-list-row', { hasText: 'absence' }).first().waitFor({ state: 'visible', timeout: 30000 });
    const sidecar = join(workspaceDir, `${WELCOME_ARTICLE}.annotations.yaml`);
    await waitFor(() => (existsSync(sidecar) ? readFileSync(sidecar, 'utf8') : ''), (text) => text.includes('absence') && text.includes('did not attend'), 15000,
      (text) => `the sidecar does not hold the tag: ${JSON.stringify(text)}`);
    await page.keyboard.press('End');
    await screenshot(page, 'tagging.png');
  });
});
