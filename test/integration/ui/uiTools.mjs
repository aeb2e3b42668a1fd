// Node-side helpers shared by the UI tests: opening an article, bounded polling and colour parsing.
import { join } from 'node:path';
import { remoteUri, workbenchUrl } from '../../../scripts/lib/codeServerRun.mjs';

/** Editor settings that keep VS Code's own highlights and layout away from the words under test. */
export const QUIET_EDITOR_SETTINGS = {
  'editor.occurrencesHighlight': 'off',
  'editor.selectionHighlight': false,
  'editor.renderLineHighlight': 'none',
  'editor.wordWrap': 'off',
  // The extension wraps articles by default (a language default beats a plain user setting): the probes
  // find words by logical line, so these checks read unwrapped lines. reading-first-screen tests the wrap.
  '[plaintext]': { 'editor.wordWrap': 'off' },
  '[article]': { 'editor.wordWrap': 'off' },
  'editor.minimap.enabled': false,
};

/**
 * Polls `probe` until `accept` takes its value; throws with `describe(last)` (which may be async)
 * after `timeoutMs`. Never a fixed sleep: the interval only paces the polling.
 */
export async function waitFor(probe, accept, timeoutMs, describe, intervalMs = 50) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (accept(value)) return value;
    if (Date.now() > deadline) throw new Error(`${await describe(value)} (after ${timeoutMs / 1000} s)`);
    await new Promise((resolvePromise) => setTimeout(resolvePromise, intervalMs));
  }
}

/** `rgb(…)` / `rgba(…)` → [r, g, b, a], or undefined. */
export function parseColour(css) {
  const match = /rgba?\(([^)]+)\)/.exec(css ?? '');
  if (!match) return undefined;
  const [r, g, b, a = 1] = match[1].split(',').map((part) => Number(part.trim()));
  return [r, g, b, a];
}

export function isColour(css, expected) {
  const actual = parseColour(css);
  return Boolean(actual) && actual.every((value, i) => Math.abs(value - expected[i]) < (i === 3 ? 0.01 : 1));
}

export function isTransparent(css) {
  const colour = parseColour(css);
  return !colour || colour[3] === 0;
}

/**
 * Loads the workbench on `workspaceDir` with `file` open at `line` (caret at its start) and waits until
 * its tab is active and the editor shows text.
 */
export async function openArticleInWorkbench(page, { serverUrl, workspaceDir, file, line, tabTimeoutMs = 60000, editorTimeoutMs = 30000 }) {
  await page.goto(workbenchUrl(serverUrl, workspaceDir, [
    ['openFile', `${remoteUri(serverUrl, join(workspaceDir, file))}:${line}:1`],
    ['gotoLineMode', 'true'],
    ['skipWelcome', 'true'],
  ]));
  await page.locator(`.tab.active[data-resource-name="${file}"]`).waitFor({ state: 'visible', timeout: tabTimeoutMs });
  await page.locator('.monaco-editor .view-line').first().waitFor({ state: 'visible', timeout: editorTimeoutMs });
}
