/**
 * Which lines of a long document the highlighter decorates: the lines on screen and a margin around them.
 * The window is kept while the screen stays well inside it, so small scrolls (a Go to Line, a line of
 * typing) neither repaint nor change the window's edges; new edges would send every decoration type
 * again in full. Pure (no `vscode`), unit-tested directly.
 */

/** About a page either side: PageUp/PageDown land on painted text, and each repaint stays small. */
export const VISIBLE_MARGIN_LINES = 50;
/** A scroll that leaves fewer lines than this painted beyond the screen's edge repaints. */
export const REPAINT_SLACK_LINES = 20;

export interface LineWindow {
  first: number;
  last: number;
}

/** Whether `painted` reaches the slack past both edges of the screen (`top`..`bottom`), or the document's ends. */
export function coversScreen(painted: LineWindow, top: number, bottom: number, lastLine: number): boolean {
  return (painted.first === 0 || top - REPAINT_SLACK_LINES >= painted.first) &&
    (Math.min(painted.last, lastLine) === lastLine || bottom + REPAINT_SLACK_LINES <= painted.last);
}

/** The lines to paint for the screen `top`..`bottom`: the previous window while it covers the screen, else one centred on it. */
export function paintWindow(previous: LineWindow | undefined, top: number, bottom: number, lastLine: number): LineWindow {
  if (previous && coversScreen(previous, top, bottom, lastLine)) return { first: previous.first, last: Math.min(previous.last, lastLine) };
  return { first: Math.max(0, top - VISIBLE_MARGIN_LINES), last: Math.min(lastLine, bottom + VISIBLE_MARGIN_LINES) };
}
