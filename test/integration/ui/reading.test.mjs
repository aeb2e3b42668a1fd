// Reading comfort in the real workbench: highlight legibility in light, dark and high-contrast themes
// (contrast ratios computed from the colours the browser actually paints, and a high-contrast screenshot),
// and typing into a generated 5 MB article, which must be re-highlighted and keep the host responsive.
// Timings are printed, not asserted: `npm run bench` reports them against their targets.
import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { samplesDir, testResultsDir, vsixPath as defaultVsixPath } from '../../../scripts/lib/paths.mjs';
import { decorationColoursAt, wordRectOnLine } from './pageProbes.mjs';
import { lineWith, measureLargeFileEditing, openReadingSession, parseColour, runPaletteCommand, waitFor } from './readingSession.mjs';

const vsixPath = process.env.SOURCE_ANNOTATOR_VSIX || defaultVsixPath;
const articleName = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';

function luminance([r, g, b]) {
  const channel = (v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

export function contrastRatio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `over` with its alpha painted on the opaque `under`. */
function composite(over, under) {
  const alpha = over[3] ?? 1;
  return [0, 1, 2].map((i) => over[i] * alpha + under[i] * (1 - alpha));
}

/** Text colour, editor background and the decoration's colours under `word`, as the page paints them. */
async function paintedColours(page, target) {
  const rect = await page.evaluate(wordRectOnLine, target);
  const decorations = rect ? await page.evaluate(decorationColoursAt, rect) : [];
  const base = await page.evaluate((r) => {
    const element = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    const background = getComputedStyle(document.querySelector('.monaco-editor-background') ?? document.body).backgroundColor;
    return { text: element ? getComputedStyle(element).color : '', background };
  }, rect);
  return { decorations, ...base };
}

describe('reading comfort (code-server UI)', function () {
  this.timeout(600000);

  before(() => assert.ok(existsSync(vsixPath), `${vsixPath} does not exist; run \`npm run package\` first`));

  it('draws person highlights legibly in light, dark and high-contrast themes, in the soft and the patterned style', async () => {
    const article = readFileSync(join(samplesDir, articleName), 'utf8');
    const target = { lineNumber: lineWith(article, 'War Secretary Pete Hegseth'), word: 'Hegseth', occurrence: 0 };
    const session = await openReadingSession({ vsixPath, theme: 'light', file: articleName, line: target.lineNumber - 1 });
    // The person underline each style draws: how the test knows the editor has repainted in it.
    const STYLES = {
      soft: { width: '1px', style: 'solid', label: 'Soft' },
      background: { width: '2px', style: 'solid', label: 'Tint and patterned underline' },
    };
    const results = [];
    try {
      for (const theme of ['light', 'dark', 'highContrast']) {
        await session.setTheme(theme);
        for (const [style, underline] of Object.entries(STYLES)) {
          // As a reader would: the style picker, which writes the setting; the highlighter repaints.
          await runPaletteCommand(session.page, 'Source Annotator: Choose Highlight Style', { keepOpen: true });
          const row = session.page.locator('.quick-input-list .monaco-list-row', { hasText: underline.label }).first();
          await row.waitFor({ state: 'visible', timeout: 10000 });
          await row.click();
          await session.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
          await waitFor(async () => {
            const rect = await session.page.evaluate(wordRectOnLine, target);
            return rect ? session.page.evaluate(decorationColoursAt, rect) : [];
          }, (found) => found.some((d) => d.borderBottomWidth === underline.width && d.borderBottomStyle === underline.style && (parseColour(d.borderBottom)?.[3] ?? 0) > 0),
          90000, (found) => `no ${style} highlight under "Hegseth" in the ${theme} theme: ${JSON.stringify(found)}`, 250);
          const colours = await paintedColours(session.page, target);
          const editorBackground = parseColour(colours.background);
          const decoration = colours.decorations.find((d) => (parseColour(d.borderBottom)?.[3] ?? 0) > 0) ?? colours.decorations[0];
          const tint = parseColour(decoration.background) ?? [0, 0, 0, 0];
          const underBackground = composite(tint, editorBackground);
          const textContrast = contrastRatio(parseColour(colours.text), underBackground);
          const underlineContrast = contrastRatio(parseColour(decoration.borderBottom), editorBackground);
          results.push({ theme, style, textContrast, underlineContrast });
          console.log(`      ${theme}, ${style}: text on highlight ${textContrast.toFixed(2)}:1, underline on editor ${underlineContrast.toFixed(2)}:1`);
          assert.ok(textContrast >= 4.5, `${theme}, ${style}: text on the highlight has contrast ${textContrast.toFixed(2)}:1 (< 4.5)`);
          assert.ok(underlineContrast >= 3, `${theme}, ${style}: the underline has contrast ${underlineContrast.toFixed(2)}:1 (< 3)`);
          // The same paragraph in each theme and style, for docs/reading.md.
          const rect = await session.page.evaluate(wordRectOnLine, target);
          mkdirSync(testResultsDir, { recursive: true });
          await session.page.screenshot({
            path: join(testResultsDir, `style-${style}-${theme}.png`),
            clip: { x: Math.max(0, rect.left - 120), y: Math.max(0, rect.top - 60), width: 760, height: 150 },
          });
          if (theme === 'highContrast' && style === 'soft') await session.page.screenshot({ path: join(testResultsDir, 'high-contrast.png') });
        }
      }
      assert.equal(results.length, 6);
    } finally {
      await session.close();
    }
  });

  it('re-highlights text typed into a 5 MB article and reports the host\'s stalls', async () => {
    const result = await measureLargeFileEditing({ vsixPath, rounds: 2 });
    console.log(`      5 MB article: first highlight after ${result.openToFirstHighlightMs} ms; typed text highlighted after ${result.typingToHighlightMs.join(', ')} ms; ` +
      `longest host stall while editing ${result.editing.maxEventLoopDelayMs} ms (indexed after ${result.openToIndexedMs} ms, ` +
      `all analysed after ${result.openToAnalysedMs} ms; longest stall while opening, indexing and analysing ${result.startup.maxEventLoopDelayMs} ms)`);
    assert.ok(result.bytes >= 5 * 1024 * 1024);
    // Five megabytes take seconds to analyse in the background; the status bar says how far it has got.
    assert.match(result.progressAtFirstHighlight ?? '', /Analysing \d{1,2}%/, 'no background-analysis progress was shown at the first highlight');
    assert.equal(result.typingToHighlightMs.length, 2);
    assert.ok(result.editing.sampledForMs > 0 && Number.isFinite(result.editing.maxEventLoopDelayMs));
    assert.ok(result.editing.editToPaintMs.length > 0, 'the host painted no edit of the large article');
  });
});
