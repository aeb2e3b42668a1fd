// A code-server session for reading-comfort checks: a generated multi-megabyte article, theme switching,
// typing-to-highlight latency, and the extension host's own stall statistics (read from the notification
// that `Source Annotator: Show Performance Statistics` shows). Shared by the UI test and `npm run bench`.
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser } from '../../../scripts/lib/browser.mjs';
import { ensureCodeServer } from '../../../scripts/lib/codeServerInstall.mjs';
import { createRunDir, installExtension, startCodeServer } from '../../../scripts/lib/codeServerRun.mjs';
import { samplesDir } from '../../../scripts/lib/paths.mjs';
import { WELCOME_ARTICLE } from '../../../scripts/lib/demoSession.mjs';
import { combinedShares, cpuShares, cpuSnapshot } from './machineCpu.mjs';
import { decorationColoursAt, wordRectOnLine } from './pageProbes.mjs';
import { openArticleInWorkbench, parseColour, QUIET_EDITOR_SETTINGS, waitFor } from './uiTools.mjs';

export { parseColour, waitFor };

export const LARGE_ARTICLE = 'large-article.txt';

/** Paragraphs of the sample articles in a seeded shuffled order, up to `bytes`: every block of it is distinct. */
export function makeLargeArticle(bytes, seed = 7) {
  // News articles only: the welcome article's instructions would read oddly in a news page.
  const paragraphs = readdirSync(samplesDir).filter((f) => f.endsWith('.txt') && f !== WELCOME_ARTICLE).sort()
    .flatMap((f) => readFileSync(join(samplesDir, f), 'utf8').split(/\n\s*\n/))
    .map((p) => p.trim()).filter((p) => p.length > 0);
  let state = seed;
  const next = () => (state = (state * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const parts = ['Analysts Review Alliance Coverage', ''];
  let size = parts.join('\n\n').length;
  while (size < bytes) {
    const paragraph = paragraphs[Math.floor(next() * paragraphs.length)];
    parts.push(paragraph);
    size += paragraph.length + 2;
  }
  return `${parts.join('\n\n')}\n`;
}

export const THEMES = {
  // `name` is the settings id; `label` is what the theme picker lists (it filters on labels).
  light: { name: 'Default Light Modern', label: 'Light Modern', bodyClass: 'vs' },
  dark: { name: 'Default Dark Modern', label: 'Dark Modern', bodyClass: 'vs-dark' },
  highContrast: { name: 'Default High Contrast', label: 'Dark High Contrast', bodyClass: 'hc-black' },
};



export function isPainted(entry) {
  const visible = (css) => (parseColour(css)?.[3] ?? 0) > 0;
  return visible(entry.background) || visible(entry.borderBottom);
}

/** Opens code-server on a folder with the samples (and optionally a large article) in one theme. */
export async function openReadingSession({ vsixPath, theme = 'dark', largeArticleBytes = 0, file, line = 1, settings = {} }) {
  const binary = await ensureCodeServer();
  const runDir = createRunDir({
    prefix: 'source-annotator-reading-',
    settings: {
      'workbench.colorTheme': THEMES[theme].name,
      ...QUIET_EDITOR_SETTINGS,
      'workbench.sideBar.location': 'right',
      'files.autoSave': 'off',
      ...settings,
    },
  });
  const workspaceDir = join(runDir.dir, 'samples');
  cpSync(samplesDir, workspaceDir, { recursive: true });
  if (largeArticleBytes > 0) writeFileSync(join(workspaceDir, LARGE_ARTICLE), makeLargeArticle(largeArticleBytes));
  await installExtension(binary, runDir, vsixPath);
  const server = await startCodeServer(binary, runDir, { folder: workspaceDir });
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await openArticleInWorkbench(page, { serverUrl: server.url, workspaceDir, file, line, tabTimeoutMs: 90000, editorTimeoutMs: 60000 });
  return {
    page, runDir, workspaceDir,
    /** Through the theme picker, as a person would (the settings file is not re-read live). */
    async setTheme(name) {
      await runPaletteCommand(page, 'Preferences: Color Theme', { keepOpen: true });
      // The picker replaces the palette in the same widget: type into whatever has the focus.
      await page.keyboard.type(THEMES[name].label);
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: THEMES[name].label }).first();
      await row.waitFor({ state: 'visible', timeout: 10000 });
      await row.click();
      await waitFor(
        () => page.evaluate((cls) => document.querySelector('.monaco-workbench')?.classList.contains(cls) ?? false, THEMES[name].bodyClass),
        Boolean, 30000, () => `theme ${THEMES[name].name} was not applied`, 200,
      );
    },
    async close() {
      await browser.close().catch(() => {});
      await server.stop();
      if (!process.env.SOURCE_ANNOTATOR_KEEP_RUNS) rmSync(runDir.dir, { recursive: true, force: true });
    },
  };
}

/** Runs a command by its palette title and returns once the palette has closed. */
export async function runPaletteCommand(page, title, { keepOpen = false } = {}) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`>${title}`);
  // Click the row with this title: Enter would run whichever row the fuzzy filter ranked first.
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10000 });
  await row.click();
  if (!keepOpen) await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
}

/** The extension host's stats, read from the notification the stats command shows. */
export async function readPerfStats(page) {
  await runPaletteCommand(page, 'Source Annotator: Show Performance Statistics');
  const message = page.locator('.notification-list-item-message', { hasText: 'Source Annotator performance' }).last();
  await message.waitFor({ state: 'visible', timeout: 15000 });
  const text = await message.innerText();
  await page.keyboard.press('Escape');
  const json = /JSON (\{.*\})/s.exec(text.replace(/\s+/g, ' '));
  if (!json) throw new Error(`no stats in ${JSON.stringify(text)}`);
  return JSON.parse(json[1]);
}

/** Puts the caret on `lineNumber` of the active editor (and the focus in the editor). */
export async function goToLine(page, lineNumber) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10000 });
  await input.fill(`:${lineNumber}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10000 });
}

/** Is any decoration drawn under `word` on editor line `lineNumber`? */
export async function isHighlighted(page, lineNumber, word) {
  const rect = await page.evaluate(wordRectOnLine, { lineNumber, word, occurrence: 0 });
  if (!rect) return false;
  return (await page.evaluate(decorationColoursAt, rect)).some(isPainted);
}

/** A fast burst of typing; `SOURCE_ANNOTATOR_KEY_DELAY_MS=100` types at a person's pace instead. */
const DEFAULT_KEY_DELAY_MS = Number(process.env.SOURCE_ANNOTATOR_KEY_DELAY_MS ?? 25);

/**
 * Types `text` at the end of the line the caret is on (one key every `keyDelayMs`, like a person), then
 * measures the time from the last key to the moment a decoration shows under `word` (or, `until: 'shown'`,
 * the moment `word` itself shows).
 */
export async function typeAndTimeHighlight(page, { lineNumber, text, word, keyDelayMs = DEFAULT_KEY_DELAY_MS, timeoutMs = 20000, until = 'highlighted' }) {
  await page.keyboard.press('End');
  await page.keyboard.type(text, { delay: keyDelayMs });
  const stopped = Date.now();
  const probe = until === 'shown'
    ? () => page.evaluate(wordRectOnLine, { lineNumber, word, occurrence: 0 })
    : () => isHighlighted(page, lineNumber, word);
  await waitFor(probe, Boolean, timeoutMs, () => `"${word}" typed on line ${lineNumber} was never ${until}`, 5);
  return Date.now() - stopped;
}

/** A line of `text` (1-based) at or after `from` that contains `word`. */
export function lineWith(text, word, from = 1) {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i].includes(word)) return i + 1;
  throw new Error(`no line with "${word}" after line ${from}`);
}

/**
 * The long-file scenario: open a generated article of `bytes` in the middle, wait for the first visible
 * highlight, for the workspace index and for the background analysis of the whole article, reset the
 * host's stats, scroll, type three sentences with names at the end of visible lines and time each until
 * its name is highlighted; then read the host's longest stall over that editing.
 */
/**
 * Other work shares the extension host whose stalls are measured, and would be counted as ours: the
 * built-in merge-conflict extension re-reads the whole document after every change (40–250 ms on 5 MB
 * here), and git and the remote port finder spawn processes (`ps`, `git`; a fork of a host this size
 * costs 30–100 ms). They are switched off for the measurement; docs/reading.md says so. The port finder
 * keeps scanning processes every two seconds while `remote.autoForwardPorts` is off whenever a tunnel
 * provider is registered (code-server has one); only a port source other than `process` stops it.
 */
const OTHER_WORK_QUIET = {
  'merge-conflict.decorators.enabled': false,
  'merge-conflict.codeLens.enabled': false,
  'git.enabled': false,
  'remote.autoForwardPorts': false,
  'remote.autoForwardPortsSource': 'output',
  // A stall is the longest gap between two ticks of the host's sampling timer, so at the default 10 ms it
  // counts up to 10 ms of idle time before the stall; every millisecond makes it the stall itself.
  'sourceAnnotator.performance.sampleIntervalMs': 1,
};

/** Sentences typed with highlights on, one list per window; each name is new on its line. */
const MEASURED_SENTENCES = [
  [
    { text: ' Later, Angela Merkel spoke in Brussels.', word: 'Merkel' },
    { text: ' Then Emmanuel Macron flew to Berlin.', word: 'Macron' },
    { text: ' On Friday, Pete Hegseth answered.', word: 'Hegseth' },
  ],
  [
    { text: ' Next, Ursula von der Leyen met Giorgia Meloni.', word: 'Meloni' },
    { text: ' Later, Antony Blinken called Warsaw.', word: 'Blinken' },
    { text: ' On Sunday, Donald Tusk replied.', word: 'Tusk' },
  ],
];
/** The baseline's sentences, typed with every highlight off. */
const BASELINE_SENTENCES = [
  [
    { text: ' Afterwards, Olaf Scholz arrived in Paris.', word: 'Scholz' },
    { text: ' Then Keir Starmer left Rome.', word: 'Starmer' },
    { text: ' On Monday, Mark Rutte replied.', word: 'Rutte' },
  ],
  [
    { text: ' Afterwards, Pedro Sanchez arrived in Madrid.', word: 'Sanchez' },
    { text: ' Then Mette Frederiksen left Oslo.', word: 'Frederiksen' },
    { text: ' On Tuesday, Jens Stoltenberg replied.', word: 'Stoltenberg' },
  ],
];

async function scrollAround(page, line) {
  await goToLine(page, line);
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageDown');
  for (let i = 0; i < 6; i++) await page.keyboard.press('PageUp');
}

/**
 * One measured window: reset the host's stats, scroll around the anchor, type each sentence at the end of
 * its own visible line, and read the stats back. With highlights on, each typed name is timed until it is
 * highlighted; with them off (the baseline, when the extension does no analysis while typing), until it shows.
 */
async function editingWindow(page, anchorLine, sentences, { highlighted }) {
  // The machine's CPU is read just outside the host's measurement, so reading /proc is not measured.
  const cpuBefore = cpuSnapshot();
  await runPaletteCommand(page, 'Source Annotator: Reset Performance Statistics');
  await scrollAround(page, anchorLine);
  const typing = [];
  for (const [k, sentence] of sentences.entries()) {
    const lineNumber = anchorLine + 2 * k;
    await goToLine(page, lineNumber);
    const ms = await typeAndTimeHighlight(page, { lineNumber, ...sentence, until: highlighted ? 'highlighted' : 'shown' });
    if (highlighted) typing.push(ms);
  }
  const stats = await readPerfStats(page);
  return { stats: { ...stats, cpu: cpuShares(cpuBefore, cpuSnapshot()) }, typing };
}

async function setHighlights(page, on) {
  await runPaletteCommand(page, 'Source Annotator: Toggle Highlights');
  const label = on ? /\d+\/\d+/ : 'Highlights off';
  await page.locator('.statusbar-item', { hasText: label }).first().waitFor({ state: 'visible', timeout: 15000 });
}

/** The worst of several windows' stats: the longest stall and p99 of any, every paint time. */
function worstOf(windows) {
  return {
    maxEventLoopDelayMs: Math.max(...windows.map((w) => w.maxEventLoopDelayMs)),
    p99EventLoopDelayMs: Math.max(...windows.map((w) => w.p99EventLoopDelayMs)),
    sampledForMs: windows.reduce((sum, w) => sum + w.sampledForMs, 0),
    editToPaintMs: windows.flatMap((w) => w.editToPaintMs),
    windows: windows.map((w) => w.maxEventLoopDelayMs),
    sampleIntervalMs: windows[0].sampleIntervalMs,
    // Each window's longest garbage collection (and all of them), to set beside its longest stall.
    longestGc: windows.map((w) => (w.gc.count ? `${w.gc.longestMs} ms ${w.gc.longestKind} (${w.gc.count} in ${w.gc.totalMs} ms)` : 'none')),
    cpu: combinedShares(windows.map((w) => w.cpu)),
  };
}

export async function measureLargeFileEditing({ vsixPath, bytes = 5 * 1024 * 1024, rounds = 3, withBaseline = false }) {
  const article = makeLargeArticle(bytes);
  const middle = Math.floor(article.split('\n').length / 2);
  const anchorLine = lineWith(article, 'NATO', middle);
  const openedAt = Date.now();
  const session = await openReadingSession({ vsixPath, largeArticleBytes: bytes, file: LARGE_ARTICLE, line: anchorLine, settings: OTHER_WORK_QUIET });
  const { page } = session;
  try {
    const firstWord = { lineNumber: anchorLine, word: 'NATO' };
    await waitFor(() => isHighlighted(page, firstWord.lineNumber, firstWord.word), Boolean, 120000,
      () => `"NATO" on line ${anchorLine} of the large article was never highlighted`, 100);
    const openToFirstHighlightMs = Date.now() - openedAt;
    // The rest of the article is analysed in the background, with its progress in the status bar.
    const progress = page.locator('.statusbar-item', { hasText: /Analysing \d+%/ }).first();
    // (It may appear a frame after the highlight; five megabytes take far longer than this wait to analyse.)
    const progressAtFirstHighlight = await progress.waitFor({ state: 'visible', timeout: 5000 }).then(() => progress.innerText(), () => undefined);
    // Indexing the workspace (the large article included) and analysing the whole article are one-off costs
    // of opening; editing is measured after them.
    await page.locator('.statusbar-item', { hasText: /[\d,]+ articles? · [\d,]+ entit(y|ies)/ }).first().waitFor({ state: 'visible', timeout: 180000 });
    const openToIndexedMs = Date.now() - openedAt;
    await progress.waitFor({ state: 'hidden', timeout: 180000 });
    const openToAnalysedMs = Date.now() - openedAt;
    const startup = await readPerfStats(page);
    // With a baseline, windows alternate on, off, on, off, so that neither mode is measured only nearer to
    // the one-off work of opening; each mode reports its worst window.
    const measured = [];
    const baselines = [];
    const typing = [];
    for (const round of withBaseline ? [0, 1] : [0]) {
      const on = await editingWindow(page, anchorLine, MEASURED_SENTENCES[round].slice(0, rounds), { highlighted: true });
      measured.push(on.stats);
      typing.push(...on.typing);
      if (!withBaseline) break;
      await setHighlights(page, false);
      baselines.push((await editingWindow(page, anchorLine, BASELINE_SENTENCES[round].slice(0, rounds), { highlighted: false })).stats);
      await setHighlights(page, true);
    }
    const editing = worstOf(measured);
    const baseline = withBaseline ? worstOf(baselines) : undefined;
    return { bytes: article.length, openToFirstHighlightMs, progressAtFirstHighlight, openToIndexedMs, openToAnalysedMs, typingToHighlightMs: typing, startup, editing, baseline };
  } finally {
    await session.close();
  }
}
