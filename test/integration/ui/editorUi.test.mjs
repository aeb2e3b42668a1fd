// End-to-end through the real workbench UI: the packaged extension is installed into code-server, the
// folder opens untrusted (Restricted Mode), and we check what an analyst sees: the person colour under a
// name, nothing under a plain word, and a hover card with the full name.
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { ensureCodeServer } from '../../../scripts/lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from '../../../scripts/lib/codeServerRun.mjs';
import { samplesDir, testResultsDir, vsixPath as defaultVsixPath } from '../../../scripts/lib/paths.mjs';
import { decorationColoursAt, wordRectOnLine } from './pageProbes.mjs';
import { isColour, isTransparent, openArticleInWorkbench, QUIET_EDITOR_SETTINGS, waitFor } from './uiTools.mjs';

const articleName = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
/** Distinctive on purpose, so a match cannot be a theme default or another decoration. */
const personBackground = { hex: '#ff00aa55', rgba: [255, 0, 170, 0x55 / 255] };
const vsixPath = process.env.SOURCE_ANNOTATOR_VSIX || defaultVsixPath;
const sampleCount = readdirSync(samplesDir).filter((name) => /\.(txt|md)$/.test(name)).length;

function lineNumberOf(text, needle) {
  const index = text.split('\n').findIndex((line) => line.includes(needle));
  assert.ok(index >= 0, `"${needle}" not found in ${articleName}`);
  return index + 1;
}





/** Waits until the page has no running CSS animation, so a screenshot shows the hover fully drawn. */
async function animationsSettled(page) {
  await waitFor(() => page.evaluate(() => document.getAnimations().filter((a) => a.playState === 'running').length), (n) => n === 0, 5000, (n) => `${n} animations still running`);
}

describe('editor UI (Restricted Mode, packaged extension)', function () {
  this.timeout(240000);
  let server;
  let browser;
  let page;
  let runDir;
  const article = readFileSync(join(samplesDir, articleName), 'utf8');
  const hegseth = { lineNumber: lineNumberOf(article, 'War Secretary Pete Hegseth'), word: 'Hegseth', occurrence: 0 };
  const talks = { lineNumber: lineNumberOf(article, 'arrived for talks in'), word: 'talks', occurrence: 0 };

  before(async function () {
    assert.ok(existsSync(vsixPath), `${vsixPath} does not exist; run \`npm run package\` first`);
    const binary = await ensureCodeServer();
    runDir = createRunDir({
      prefix: 'source-annotator-ui-',
      trusted: false,
      settings: {
        'workbench.colorCustomizations': { 'sourceAnnotator.person.background': personBackground.hex },
        ...QUIET_EDITOR_SETTINGS,
        'workbench.sideBar.location': 'right',
      },
    });
    const workspaceDir = join(runDir.dir, 'samples');
    cpSync(samplesDir, workspaceDir, { recursive: true });
    await installExtension(binary, runDir, vsixPath);
    server = await startCodeServer(binary, runDir, { folder: workspaceDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The caret goes to the start of the blank line above the name, away from the words we inspect.
    const caretLine = hegseth.lineNumber - 1;
    await openArticleInWorkbench(page, { serverUrl: server.url, workspaceDir, file: articleName, line: caretLine });
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (runDir && !process.env.SOURCE_ANNOTATOR_KEEP_RUNS) rmSync(runDir.dir, { recursive: true, force: true });
  });

  it('opens the folder in Restricted Mode', async () => {
    const statusText = await waitFor(
      () => page.locator('.part.statusbar').innerText(),
      (text) => /Restricted Mode/i.test(text),
      30000,
      (text) => `status bar does not show Restricted Mode: ${JSON.stringify(text)}`,
    );
    assert.match(statusText, /Restricted Mode/i);
  });

  it('paints the person colour under "Hegseth" and nothing under "talks"', async () => {
    const colours = await waitFor(
      async () => {
        const rect = await page.evaluate(wordRectOnLine, hegseth);
        return rect ? page.evaluate(decorationColoursAt, rect) : [];
      },
      (found) => found.some((entry) => isColour(entry.background, personBackground.rgba)),
      60000,
      (found) => `no decoration with ${personBackground.hex} under "Hegseth"; found ${JSON.stringify(found)}`,
    );
    assert.ok(colours.length > 0);

    const talksRect = await page.evaluate(wordRectOnLine, talks);
    assert.ok(talksRect, `line ${talks.lineNumber} with "talks" is not rendered`);
    const underTalks = await page.evaluate(decorationColoursAt, talksRect);
    const painted = underTalks.filter((entry) => !isTransparent(entry.background) || !isTransparent(entry.borderBottom));
    assert.deepEqual(painted, [], 'a plain word must carry no decoration');
  });

  it('shows a hover card with the full name over "Hegseth"', async () => {
    const hover = page.locator('.monaco-editor .monaco-resizable-hover .monaco-hover').first();
    const rect = await page.evaluate(wordRectOnLine, hegseth);
    assert.ok(rect, `line ${hegseth.lineNumber} is not rendered`);
    const centre = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    const text = await waitFor(
      async () => {
        // Leave and re-enter the word each round: a hover asked before activation is not retried by the editor.
        await page.mouse.move(centre.x, centre.y + 200);
        await page.mouse.move(centre.x, centre.y, { steps: 4 });
        try {
          await hover.waitFor({ state: 'visible', timeout: 3000 });
          return await hover.innerText();
        } catch {
          return '';
        }
      },
      (value) => value.includes('Pete Hegseth'),
      60000,
      (value) => `hover over "Hegseth" never showed "Pete Hegseth"; last text: ${JSON.stringify(value)}`,
    );
    mkdirSync(testResultsDir, { recursive: true });
    await animationsSettled(page);
    await page.screenshot({ path: join(testResultsDir, 'e2e-hover.png') });
    assert.ok(text.includes('Pete Hegseth'));
  });

  it('lists other articles in the card; clicking one opens that article at the mention', async () => {
    const otherArticle = 'Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt';
    const hover = page.locator('.monaco-editor .monaco-resizable-hover .monaco-hover').first();
    const rect = await page.evaluate(wordRectOnLine, hegseth);
    const centre = { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    const link = hover.locator('a', { hasText: 'U.S. Defense Secretary Pete Hegseth' }).first();
    // Cross-references need the workspace index: its status-bar item says when the first pass is done.
    await waitFor(
      () => page.locator('.part.statusbar').innerText().catch(() => ''),
      (text) => text.includes(`${sampleCount} articles ·`),
      60000,
      (text) => `the status bar never reported the ${sampleCount} indexed sample articles: ${JSON.stringify(text)}`,
    );
    // The card lists other articles below its summary; the link may sit in the card's scrolled part.
    const hasLink = async () => (await hover.isVisible().catch(() => false)) && (await link.count()) > 0;
    await waitFor(
      async () => {
        if (await hasLink()) return true;
        await page.keyboard.press('Escape'); // a card shown before indexing finished would otherwise stay up
        await page.mouse.move(centre.x, centre.y + 200);
        await page.mouse.move(centre.x, centre.y, { steps: 4 });
        return hover.waitFor({ state: 'visible', timeout: 3000 }).then(hasLink, () => false);
      },
      Boolean,
      60000,
      async () => `the hover card over "Hegseth" never listed the other article that mentions him; card: ${JSON.stringify(await hover.innerText().catch(() => ''))}; status bar: ${JSON.stringify(await page.locator('.part.statusbar').innerText().catch(() => ''))}`,
    );
    const cardText = await hover.innerText();
    assert.match(cardText, /Other articles/);
    // 002 opens with the page furniture "Play all audios:", which is no title: the card names it by its first sentence
    assert.ok(cardText.includes('NATO allies can’t entirely hedge') && !cardText.includes('Play all audios'),
      `the card should list every other sample article mentioning him, by title: ${cardText}`);
    mkdirSync(testResultsDir, { recursive: true });
    await animationsSettled(page);
    await page.screenshot({ path: join(testResultsDir, 'e2e-cross-references.png') });
    await link.scrollIntoViewIfNeeded();
    await link.click();
    await page.locator(`.tab.active[data-resource-name="${otherArticle}"]`).waitFor({ state: 'visible', timeout: 30000 });
    // The card links to the first mention below the headline (the one its snippet quotes).
    const otherLines = readFileSync(join(samplesDir, otherArticle), 'utf8').split('\n');
    const mentionLine = otherLines.findIndex((line, i) => i > 0 && line.includes('Hegseth'));
    // The status bar gives the caret, at the end of the selected "Hegseth".
    const expected = `Ln ${mentionLine + 1}, Col ${otherLines[mentionLine].indexOf('Hegseth') + 1 + 'Hegseth'.length} (7 selected)`;
    const selection = await waitFor(
      () => page.locator('[id="status.editor.selection"]').innerText().catch(() => ''),
      (text) => text.includes(expected),
      30000,
      (text) => `the editor should select "Hegseth" (${expected}) in ${otherArticle}; status bar says ${JSON.stringify(text)}`,
    );
    assert.ok(selection.includes(expected));
  });
});
