// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
const STARTS_LOWER = /^\p{Ll}/u;
const LETTER = /\p{L}/u;
const TWO_SENTENCES = /[.!?]\s+\p{Lu}/u;
const UPPER = /\p{Lu}/u;

/**
 * An article's title, outlet and byline, as a reader would name them from the top of a page saved as text.
 * The title is the first line near the top that reads as a headline: page furniture ("Play all audios:",
 * "IE 11 is not supported…", "Skip to content"), bracketed editor's notes, section labels, datelines,
 * bylines and paragraphs are passed over. Outlet and byline only when the text states them: the outlet from a
 * dateline, a "Title | Outlet" suffix, a source line, or else a copyright line at the end of the page.
 */
export interface ArticleMetadata {
  /** The headline; when no line reads as one, the start of the first line of text, shortened. */
  title: string;
  /** The publication named by the text ("Reuters" in "BRUSSELS (Reuters) -", "Title | The Guardian"). */
  outlet?: string;
  /** The author(s) from a "By …" line, without their role or where they wrote from. */
  byline?: string;
}

const TOP_LINES = 15;
const MAX_TITLE = 200;
const FURNITURE = new RegExp([
  '^(?:play all audios?|listen(?: to)?(?: this)?(?: article| story)?|ie ?11 is not supported|skip to (?:main )?content|advertisement',
  'sign (?:in|up)|log ?in|subscribe|menu|search|share(?: this)?(?: article| story)?|cookies?|we use cookies|accept(?: all)?(?: cookies)?',
  'breaking(?: news)?|live(?: updates)?(?![:\\s]+\\p{L})|watch(?: live)?|read more|related|home|image|photo|video|copyright|©|updated|published|posted',
  'we value your privacy|your privacy|privacy (?:settings|choices|preferences|centre|center|notice)|manage (?:options|preferences|cookies|settings)|reject all',
  '(?:news|press|media) release|media advisory|for immediate release|key points|in brief',
  'get more news|follow us|newsletter|most read|trending|top stories|loading|please enable javascript|this browser|your browser',
  'for an optimal experience|you are using an outdated browser|print|email|comments?|save|close|open|back to top)\\b',
].join('|'), 'iu');
const BRACKETED_NOTE = /^\s*[[(][^\])]*[\])]\s*$/;
const BREADCRUMB_G = /\s(?:[›»>|/]|::)\s/g;
const BYLINE = /^(?:[Bb]y|[Ww]ritten by|[Aa]uthor:?|[Rr]eporting by|BY)\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|da|di|le|la))*(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|al|bin|da|di|le|la))*)*)\s*$/u;
const DATELINE_OUTLET = /^[\p{Lu}][\p{Lu} .,'’-]{1,40}(?:,\s*\p{Lu}[\p{L} .'’-]{1,30}?)?(?:,?\s*\p{Lu}\p{Ll}{2,8}\.?\s+\d{1,2}(?:,?\s+(?:19|20)\d\d)?|,?\s*\d{1,2}\s+\p{Lu}\p{Ll}{2,8}(?:\s+(?:19|20)\d\d)?)?\s*(?:\((AP|AFP|Reuters|Bloomberg|UPI|dpa|Xinhua|TASS|ANSA|EFE|PA|CNN|[\p{Lu}][\p{L}.&' -]{1,30})\)|\/([\p{Lu}][\p{L}.&' -]{1,30})\/)\s*[-–—]/u;
const SOURCE_LINE = /^(?:source|publisher|published by|originally published (?:by|in|at)|©\s*(?:\d{4}\s+)?|copyright\s*(?:\d{4}\s+)?)[:\s]*([\p{Lu}][\p{L}\p{N}.&' -]{1,40}?)\s*\.?$/iu;
const TITLE_SUFFIX = /\s+[|–—-]\s+([\p{Lu}][\p{L}\p{N}.&' ]{1,40})$/u;
const WEEKDAY_OR_MONTH = /\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+\d/;

export function articleMetadata(text: string): ArticleMetadata {
  const lines = topLines(text);
  const meta: ArticleMetadata = { title: '' };
  let title: string | undefined;
  let shortTitle: string | undefined;
  let firstText: string | undefined;
  let inBody = false;
  let wire: string | undefined;
  let lastTitleLine: string | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\s+/g, ' ').trim();
    if (!line) continue;
    const byline = BYLINE.exec(bylineNames(line));
    if (byline && line.length <= 120 && !meta.byline) { meta.byline = byline[1].replace(/\s+/g, ' ').trim(); continue; }
    const outletInDateline = DATELINE_OUTLET.exec(line);
    if (outletInDateline) {
      // "BRUSSELS (Reuters) - …", "ROTTERDAM, Netherlands, March 11, 2026 (Reuters) - …", "AUSTIN, Texas, Sept. 23,
      // 2025 /PRNewswire/ -- …" open the body; the agency is the outlet unless the page names its own
      wire ??= (outletInDateline[1] ?? outletInDateline[2]).trim();
      firstText ??= line;
      inBody = true;
      continue;
    }
    const source = SOURCE_LINE.exec(line);
    if (source && line.length <= 60) { meta.outlet ??= source[1].trim(); continue; }
    // "Department of Finance Canada" above "News release": the line before a release's label is its issuer
    if (RELEASE_LABEL.test(line) && lastTitleLine !== undefined && !inBody) {
      meta.outlet ??= lastTitleLine;
      if (title === lastTitleLine) title = undefined;
      if (shortTitle === lastTitleLine) shortTitle = undefined;
      if (firstText === lastTitleLine) firstText = undefined;
      lastTitleLine = undefined;
      continue;
    }
    // "Sam Whitlock" above "Sport correspondent" or "at Villa Park": a byline without "By"
    if (!meta.byline && NAME_LINE.test(line) && ROLE_OR_PLACE_LINE.test(nextLine(lines, i))) { meta.byline = line; continue; }
    if (isFurniture(line) || LIST_ITEM.test(line)) continue;
    firstText ??= line;
    if (title || inBody) continue;
    const words = line.split(' ').length;
    // a line the next one continues in lower case is a wrapped paragraph
    const continued = STARTS_LOWER.test(lines.slice(i + 1).find((l) => l.trim())?.trim() ?? '');
    if (readsAsHeadline(line) && !continued) {
      // a sentence right after a short headline ("Budget fight") is the body's first, not a longer title
      if (shortTitle !== undefined && /[.!?]["”’]?$/u.test(line)) inBody = true;
      else if (words >= 4) title = lastTitleLine = line;
      else if (shortTitle === undefined) shortTitle = lastTitleLine = line;
    } else if (continued || isParagraph(line)) {
      // the body has begun: section heads and links further down are not the article's title
      inBody = true;
    }
  }
  let chosen = title ?? shortTitle;
  if (chosen) {
    // "Title | Outlet", "Title - Outlet": the outlet's name after the headline
    const suffix = TITLE_SUFFIX.exec(chosen);
    if (suffix && suffix[1].split(' ').length <= 4 && chosen.length - suffix[0].length >= 15) {
      meta.outlet ??= suffix[1].trim();
      chosen = chosen.slice(0, chosen.length - suffix[0].length).trim();
    }
  }
  meta.outlet ??= wire ?? copyrightHolder(text);
  if (!meta.outlet) delete meta.outlet;
  meta.title = chosen ? shorten(chosen, MAX_TITLE) : firstText ? shorten(firstSentence(firstText), 100) : '';
  return meta;
}

/** The label of an organisation's release, under the name of the organisation that issues it. */
const RELEASE_LABEL = /^(?:news|press|media) release$|^media advisory$|^for immediate release$|^statement$/i;
/** A list item: bullets under "Key points" are no headline. */
const LIST_ITEM = /^[-–•*·▪]\s/;
/** A line that is a person's name and nothing else ("Sam Whitlock", "Marguerite Oyelaran", "Amélie de Montchalin"). */
const NAME_LINE = /^\p{Lu}[\p{Ll}'’-]+(?:\s+(?:(?:de|van|von|al|bin|da|di|le|la|del|dos|du|der|den)\s+)?\p{Lu}[\p{Ll}'’-]+){1,3}$/u;
/** The line under a name in a byline: the writer's role ("Legal affairs correspondent") or where they wrote from ("at Villa Park"). */
const ROLE_OR_PLACE_LINE = new RegExp(
  `^(?:(?:[\\p{L}'’&-]+\\s+){0,4}(?:${[
    'correspondents?', 'reporters?', 'editors?', 'writers?', 'columnists?', 'journalists?', 'contributors?', 'analysts?', 'critics?',
  ].join('|')})|(?:at|in)\\s+\\p{Lu}[\\p{L}'’. -]{1,40})$`,
  'iu',
);

function nextLine(lines: string[], i: number): string {
  for (let k = i + 1; k < lines.length; k++) {
    const line = lines[k].replace(/\s+/g, ' ').trim();
    if (line) return line;
  }
  return '';
}

/**
 * A "By" line without what follows the names: the writer's role ("By Harriet Lowe, Courts Correspondent",
 * "By Oliver Grant, Markets Reporter") and where the story was written ("By Sam Whitfield at Villa Park").
 */
function bylineNames(line: string): string {
  if (!/^(?:[Bb]y|BY)\s/.test(line)) return line;
  return line
    .replace(ROLE_AFTER_NAME, '')
    .replace(/\s+(?:at|in|from)\s+\p{Lu}[\p{L}'’. -]*$/u, '');
}

/** ", Courts Correspondent", ", Senior Reporter", ", Editor": a role after a writer's name, to the end of the line. */
const ROLE_AFTER_NAME = new RegExp(
  `,\\s*(?:[\\p{L}'’&-]+\\s+){0,4}(?:${[
    'correspondents?', 'reporters?', 'editors?', 'writers?', 'columnists?', 'journalists?', 'contributors?', 'analysts?',
    'producers?', 'presenters?', 'critics?', 'commentators?', 'staff', 'desk', 'bureau', 'chief',
  ].join('|')})\\b.*$`,
  'iu',
);

/** How many lines at the end of a page may hold its copyright line. */
const BOTTOM_LINES = 15;
const COPYRIGHT_LINE = /^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:(?:19|20)\d\d\s*[-–]?\s*(?:(?:19|20)\d\d\s+)?)?([\p{Lu}][\p{L}\p{N}&' -]{1,40}?)\s*(?:[.,|]|\s+all rights reserved|$)/iu;

const COMPANY_SUFFIX = /\s+(?:(?:Media|News|Publishing|Publications)\s+)?(?:Ltd|Limited|Inc|LLC|plc|PLC|GmbH|Group|Holdings)\.?$/;

/** The outlet a page names in its copyright line near the end ("© 2026 The Daily Ledger. All rights reserved."). */
function copyrightHolder(text: string): string | undefined {
  // only the end of the text is looked at: a megabyte costs no more than a page
  const tail = text.slice(Math.max(0, text.length - 3000)).split('\n').slice(-BOTTOM_LINES);
  for (let i = tail.length - 1; i >= 0; i--) {
    const line = tail[i].replace(/\s+/g, ' ').trim();
    if (line.length > 200) continue;
    const m = COPYRIGHT_LINE.exec(line);
    // "© 2025 The Meridian Post Media Ltd": the publication, without the company's legal suffix
    if (m && !/^(?:all rights|the author|\d)/i.test(m[1])) return m[1].trim().replace(COMPANY_SUFFIX, '') || m[1].trim();
  }
  return undefined;
}

function topLines(text: string): string[] {
  const out: string[] = [];
  let at = 0;
  while (out.length < TOP_LINES && at < text.length) {
    let next = text.indexOf('\n', at);
    if (next < 0) next = text.length;
    // a megabyte on one line is no headline: only its start is looked at
    out.push(text.slice(at, Math.min(next, at + 2000)).replace(/^\uFEFF/, ''));
    at = next + 1;
  }
  return out;
}

/**
 * A line that is page furniture and nothing else ("Advertisement", "Share", "Most read"): a name
 * detector's capitalised word there names nothing.
 */
export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length <= 30 && FURNITURE.test(trimmed) && FURNITURE_WHOLE.test(trimmed);
}

/** The buttons of a page's share bar, saved as a line of words ("Facebook Twitter WhatsApp Email Copy link"). */
const SHARE_WORDS = new Set([
  'share', 'this', 'article', 'story', 'page', 'on', 'via', 'facebook', 'twitter', 'x', 'whatsapp', 'email', 'e-mail', 'copy',
  'link', 'linkedin', 'reddit', 'pinterest', 'print', 'messenger', 'telegram', 'bluesky', 'threads', 'mastodon', 'flipboard',
]);
const SHARE_TARGETS = /facebook|twitter|whatsapp|linkedin|reddit|pinterest|messenger|telegram|bluesky|mastodon|flipboard/;

/** A line that is a share bar and nothing else: two or more of its buttons, one of them a network. */
export function isShareLine(line: string): boolean {
  const words = line.trim().toLowerCase().split(/[\s|·•,/]+/).filter(Boolean);
  return words.length >= 2 && words.length <= 16 && words.every((w) => SHARE_WORDS.has(w)) && SHARE_TARGETS.test(line.toLowerCase());
}

/** Whether a range sits on a share bar's line: a name there is a button, not a mention. Looks no further than 120 characters either way. */
export function onShareLine(text: string, start: number, end: number): boolean {
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) if (start - --lineStart > 120) return false;
  let lineEnd = end;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10) if (++lineEnd - end > 120) return false;
  return isShareLine(text.slice(lineStart, lineEnd));
}

/** The furniture words alone on their line, with nothing after them but punctuation. */
const FURNITURE_WHOLE = new RegExp(`^(?:${FURNITURE.source.slice(4, -3)})[\\s\\p{P}]*$`, 'iu');

const CONSENT = /\bcookies?\b|\bconsent\b|\bprivacy\b|\bpersonali[sz]e\b|\bprivacy policy\b/i;

function isFurniture(line: string): boolean {
  if (FURNITURE.test(line) || BRACKETED_NOTE.test(line)) return true;
  if (/:$/.test(line)) return true; // a label: "Play all audios:", "Key points:"
  const separators = (line.match(BREADCRUMB_G) ?? []).length;
  // "News › World › Europe", "World | Climate | Business | Sign in"
  if (separators >= 2 && line.split(' ').length - separators <= 10) return true;
  // a cookie banner's paragraph: "We and our partners use cookies to personalise content and ads."
  if ((isParagraph(line) || /^We\s/.test(line)) && CONSENT.test(line)) return true;
  if (/^(?:https?:\/\/|www\.)\S+$/i.test(line)) return true;
  if (!LETTER.test(line)) return true; // rules, separators, bare numbers
  return false;
}

/** A headline: a short line of words, not a sentence of a paragraph, not a date line. */
function readsAsHeadline(line: string): boolean {
  if (isParagraph(line)) return false;
  const words = line.split(' ');
  if (TWO_SENTENCES.test(line)) return false; // two sentences
  if (/\.$/.test(line) && words.length > 12) return false; // a paragraph's sentence
  if (WEEKDAY_OR_MONTH.test(line) && words.length <= 8 && /\d/.test(line)) return false; // a date line
  if (!UPPER.test(line)) return false;
  return true;
}

function isParagraph(line: string): boolean {
  return line.length > 180 || line.split(' ').length > 25 || (/[.!?]["”’]?$/u.test(line) && line.split(' ').length > 12);
}

function firstSentence(line: string): string {
  // "U.S." and "Mr." do not end it: the period must follow a word of two letters or more without dots
  const m = /^.*?(?<![\s.]\p{Lu}|\b(?:Mr|Mrs|Ms|Dr|St|No|Gen|Sen|Rep|Gov))[^\s.]{2,}[.!?](?=\s+["“‘']?\p{Lu}|$)/u.exec(line);
  return m ? m[0] : line;
}

function shorten(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
