// An analyst tags a passage through the real workbench: select text with the mouse, run "Tag
// Selection" from the command palette, type a new tag, press Enter; the passage gets the annotation
// colour and the sidecar appears beside the article. Deleting an annotated article in the Explorer asks
// whether to delete its sidecar too (the default of `sourceAnnotator.annotations.onArticleDelete`).
import { strict as assert } from 'node:assert';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { ensureCodeServer } from '../../../scripts/lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from '../../../scripts/lib/codeServerRun.mjs';
import { samplesDir, testResultsDir, vsixPath as defaultVsixPath } from '../../../scripts/lib/paths.mjs';
import { decorationColoursAt, wordRectOnLine } from './pageProbes.mjs';
import { isColour, openArticleInWorkbench, QUIET_EDITOR_SETTINGS, waitFor } from './uiTools.mjs';

const articleName = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
/** Every palette slot gets this colour, so the check does not depend on which slot the tag hashes to. */
const annotationBackground = { hex: '#00ff6655', rgba: [0, 255, 102, 0x55 / 255] };
const vsixPath = process.env.SOURCE_ANNOTATOR_VSIX || defaultVsixPath;




describe('annotations UI (packaged extension)', function () {
  this.timeout(240000);
  let server;
  let browser;
  let page;
  let runDir;
  let workspaceDir;
  const article = readFileSync(join(samplesDir, articleName), 'utf8');
  const lineIndex = article.split('\n').findIndex((line) => line.includes('Hegseth is not attending the meeting'));
  const lineNumber = lineIndex + 1;
  const passage = 'not attending the meeting';

  before(async function () {
    assert.ok(lineIndex >= 0, `the passage is in ${articleName}`);
    assert.ok(existsSync(vsixPath), `${vsixPath} does not exist; run \`npm run package\` first`);
    const binary = await ensureCodeServer();
    const palette = Object.fromEntries([1, 2, 3, 4, 5, 6].map((slot) => [`sourceAnnotator.annotation.tag${slot}`, annotationBackground.hex]));
    runDir = createRunDir({
      prefix: 'source-annotator-annotations-ui-',
      settings: {
        'workbench.colorCustomizations': palette,
        ...QUIET_EDITOR_SETTINGS,
        'sourceAnnotator.annotations.author': 'UI Tester',
        // VS Code's own "Are you sure?" should not stand before the question under test. Explorer
        // nesting stays on (the extension's default), so the sidecar sits under the article it follows.
        'explorer.confirmDelete': false,
      },
    });
    workspaceDir = join(runDir.dir, 'samples');
    cpSync(samplesDir, workspaceDir, { recursive: true });
    await installExtension(binary, runDir, vsixPath);
    server = await startCodeServer(binary, runDir, { folder: workspaceDir });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await openArticleInWorkbench(page, { serverUrl: server.url, workspaceDir, file: articleName, line: lineNumber });
  });

  afterEach(async function () {
    if (this.currentTest?.state !== 'failed' || !page) return;
    mkdirSync(testResultsDir, { recursive: true });
    await page.screenshot({ path: join(testResultsDir, 'annotations-failure.png') }).catch(() => {});
  });

  after(async () => {
    await browser?.close().catch(() => {});
    await server?.stop();
    if (runDir && !process.env.SOURCE_ANNOTATOR_KEEP_RUNS) rmSync(runDir.dir, { recursive: true, force: true });
  });

  it('tags a mouse selection through the command palette and paints it', async () => {
    const from = await waitFor(() => page.evaluate(wordRectOnLine, { lineNumber, word: 'not', occurrence: 0 }), Boolean, 30000,
      () => `line ${lineNumber} is not rendered`);
    const to = await page.evaluate(wordRectOnLine, { lineNumber, word: 'meeting', occurrence: 0 });
    assert.ok(to, '"meeting" is on the line');
    await page.mouse.click(from.left + 1, from.top + from.height / 2);
    await page.keyboard.down('Shift');
    await page.mouse.click(to.left + to.width - 1, to.top + to.height / 2);
    await page.keyboard.up('Shift');
    await waitFor(() => page.locator('[id="status.editor.selection"]').innerText().catch(() => ''),
      (text) => text.includes(`(${passage.length} selected)`), 10000, (text) => `the selection should cover "${passage}"; status bar: ${text}`);

    const input = page.locator('.quick-input-widget input');
    // The command exists once the extension has activated; retry the palette until it is listed.
    await waitFor(async () => {
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill('>Source Annotator: Tag Selection');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: 'Tag Selection' }).first();
      const listed = await row.waitFor({ state: 'visible', timeout: 3000 }).then(() => true, () => false);
      if (!listed) await page.keyboard.press('Escape');
      return listed;
    }, Boolean, 60000, () => 'the command palette never listed "Source Annotator: Tag Selection"');
    await page.keyboard.press('Enter');
    const title = page.locator('.quick-input-widget .quick-input-title');
    await waitFor(() => title.innerText().catch(() => ''), (text) => text.trim() === 'Tag selection', 10000,
      (text) => `the tag picker did not open; quick input title is ${JSON.stringify(text)}`);
    await input.pressSequentially('fact-check', { delay: 20 });
    const offered = page.locator('.quick-input-list .monaco-list-row', { hasText: 'new tag' });
    await waitFor(() => offered.count(), (n) => n > 0, 10000,
      async () => `the typed tag is not offered; rows: ${JSON.stringify(await page.locator('.quick-input-list .monaco-list-row').allInnerTexts())}`);
    await page.keyboard.press('Enter');

    const sidecarPath = join(workspaceDir, `${articleName}.annotations.yaml`);
    const sidecar = await waitFor(() => (existsSync(sidecarPath) ? readFileSync(sidecarPath, 'utf8') : ''), (text) => text.includes('fact-check'), 15000,
      (text) => `the sidecar was not written with the tag; it holds ${JSON.stringify(text)}`);
    assert.ok(sidecar.includes(`exact: "${passage}"`), sidecar);
    assert.ok(sidecar.includes('author: UI Tester'), sidecar);

    // Move the caret away so the selection does not cover what we inspect.
    await page.keyboard.press('Home');
    const attending = { lineNumber, word: 'attending', occurrence: 0 };
    const colours = await waitFor(async () => {
      const rect = await page.evaluate(wordRectOnLine, attending);
      return rect ? page.evaluate(decorationColoursAt, rect) : [];
    }, (found) => found.some((entry) => isColour(entry.background, annotationBackground.rgba)), 30000,
    (found) => `no annotation colour ${annotationBackground.hex} under "attending"; found ${JSON.stringify(found)}`);
    assert.ok(colours.length > 0);
    const gutterIcons = await page.locator('.monaco-editor .cgmr').count();
    assert.ok(gutterIcons >= 1, 'a gutter icon marks the annotated line');
    mkdirSync(testResultsDir, { recursive: true });
    await page.screenshot({ path: join(testResultsDir, 'annotations.png') });
  });

  it('asks before deleting the sidecar of an article deleted in the Explorer, and deletes it when told to', async () => {
    const name = 'delete-me.txt';
    const articlePath = join(workspaceDir, name);
    const sidecarPath = join(workspaceDir, `${name}.annotations.yaml`);
    writeFileSync(articlePath, 'A short article that an analyst annotated and then deleted.\n');
    writeFileSync(sidecarPath, 'version: 1\narticle:\n  source: UI test\nannotations: []\n');

    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    const row = page.locator('.explorer-folders-view .monaco-list-row')
      .filter({ has: page.locator('.label-name', { hasText: /^delete-me\.txt$/ }) });
    // The files were written behind the workbench's back; its file watcher has missed such a creation (a fresh
    // clone's run waited 30 s for it), so a poll that does not find the row asks the Explorer to read the folder again.
    const refresh = page.getByRole('button', { name: 'Refresh Explorer' });
    await waitFor(async () => {
      const rows = await row.count();
      if (rows === 0 && await refresh.isVisible().catch(() => false)) await refresh.click();
      return rows;
    }, (n) => n === 1, 30000, (n) => `the Explorer shows ${n} rows named ${name}`, 500);
    // A left click would open the article and move the focus to its editor; the context menu keeps it on the row.
    await row.click({ button: 'right' });
    const deleteItem = page.locator('.monaco-menu .action-item', { has: page.locator('.action-label', { hasText: /^Delete( Permanently)?$/ }) }).first();
    await deleteItem.waitFor({ state: 'visible', timeout: 10000 });
    // The menu acts on mouse-up after its own mouse-down bookkeeping, which a synthetic click can miss; Enter on the hovered item is reliable.
    await deleteItem.hover();
    await page.keyboard.press('Enter');
    // Without a trash the workbench confirms a permanent delete itself; that dialog is VS Code's, not ours.
    const question = page.locator('.notification-toast-container', { hasText: 'Delete its annotations sidecar too?' });
    const dialogButton = page.locator('.monaco-dialog-box .dialog-buttons .monaco-button', { hasText: /^(Delete|Move to Trash)$/ }).first();
    await waitFor(async () => {
      if (await question.count() > 0) return true;
      if (await dialogButton.isVisible().catch(() => false)) await dialogButton.click();
      return false;
    }, Boolean, 20000, async () => `no question about the sidecar; article exists: ${existsSync(articlePath)}; toasts: ${JSON.stringify(await page.locator('.notification-toast-container').allInnerTexts())}`);
    assert.equal(existsSync(articlePath), false, 'the article was deleted');
    assert.ok(existsSync(sidecarPath), 'the sidecar waits for the answer');
    await question.locator('.monaco-button', { hasText: 'Delete Sidecar' }).click();
    await waitFor(() => existsSync(sidecarPath), (exists) => !exists, 15000, () => 'the sidecar is still on disk after "Delete Sidecar"');
  });
});
