import type { Span } from '../types';
import { bylines, datelines } from './furniture/bylines';
import { Edit, mostlyCapitals, splitLines } from './furniture/edit';
import { furnitureFigures } from './furniture/figures';
import { copyrightLines, headerFields, mastheads, sourceLines } from './furniture/mastheads';
import { capitalsCanonical, menuWords } from './furniture/menus';
import { platforms, shareBars } from './furniture/networks';
import { photoCredits } from './furniture/photoCredits';
import { boilerplateHeadings, companyShortForms, safeHarbourLaws } from './furniture/releases';
import { tickers } from './furniture/tickers';
import { reporterLines, speakerLabels } from './furniture/transcripts';

export { titleCase } from './furniture/edit';

/**
 * Page furniture: the lines around an article that a saved page, a press release or a broadcast transcript
 * carries (bylines, datelines, speaker labels, share bars, photo credits, ticker symbols, contact blocks,
 * copyright lines). The name detector reads them as prose and errs in ways prose never shows: an all-capitals
 * byline becomes an organisation, "SIX" in "(SIX: VRDN)" becomes the number 6, "[00:04:47]" a quantity, the "2"
 * of "GMT+2" a figure. These rules read each shape for what it is and correct the spans found in it.
 *
 * `applyPageFurniture(text, spans, original)` edits `spans` in place (sorted by start, not overlapping, before and after);
 * `text` is `original` with addresses blanked (same length): no span is made that reaches into a blanked range.
 * Every rule is bounded to a line or a short window, so the whole pass is linear in the text.
 */
export function applyPageFurniture(text: string, spans: Span[], original: string = text): void {
  if (text.length === 0) return;
  const edit = new Edit(text, spans, original);
  const lines = splitLines(original);
  const shouting = mostlyCapitals(text);
  // each rule runs only on a page that has what it looks for: one scan of the page is cheaper than a pass per line
  // the line rules pass over a line by a cheap test of their own; the costlier rules run only on a page that has
  // what they look for (one scan of the page)
  if (!shouting) {
    speakerLabels(edit, lines);
    reporterLines(edit, lines);
    bylines(edit, lines);
    datelines(edit, lines);
  }
  if (NETWORK_HINT.test(original)) {
    shareBars(edit, lines);
    platforms(edit);
  }
  tickers(edit);
  photoCredits(edit, lines);
  copyrightLines(edit, lines);
  mastheads(edit, lines);
  headerFields(edit, lines);
  sourceLines(edit, lines);
  boilerplateHeadings(edit, lines);
  if (LEGAL_HINT.test(original)) companyShortForms(edit);
  if (SAFE_HARBOUR_HINT.test(original)) safeHarbourLaws(edit, lines);
  furnitureFigures(edit, shouting);
  menuWords(edit, lines);
  if (!shouting) capitalsCanonical(edit);
  edit.commit();
}


const NETWORK_HINT = /Facebook|Twitter|WhatsApp|LinkedIn|Instagram|YouTube|TikTok|Telegram|Reddit|Pinterest|Bluesky|Mastodon|Flipboard|Snapchat|Weibo|WeChat|Tumblr|Substack|Share|SHARE|Follow/;
const LEGAL_HINT = /\b(?:Corp|Inc|Ltd|Limited|LLC|plc|PLC|AG|SA|S\.A|NV|N\.V|ASA|GmbH|SE|AB|Oyj|SpA|S\.p\.A|Bhd|Tbk|KK|K\.K)\b/;
const SAFE_HARBOUR_HINT = /forward-looking|[Ss]afe [Hh]arbou?r/i;
