/**
 * Safe Markdown building blocks for hover cards. The adapter renders cards as *trusted* Markdown (so our
 * `command:` links work), which means article text must never be able to add links, commands, HTML or
 * images of its own: every piece of article or registry text goes through `escapeMarkdown`.
 */

// all ASCII punctuation except , ; % / ? @ $ which start no Markdown construct and would only add noise
const ASCII_PUNCTUATION = /[!"#&'()*+\-.:<=>[\\\]^_`{|}~]/g;
// line breaks would start new blocks (headings, lists, tables); bidi controls can disguise link targets
const BREAKS_AND_CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/gu;
const BIDI_AND_INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/gu;

/**
 * Makes text literal in CommonMark / GitHub Markdown: every ASCII punctuation character that can
 * start or end a construct is backslash-escaped (which also defeats autolinks such as "https://…" and "www.…"), control characters
 * and line breaks become spaces, and bidirectional overrides are dropped.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(BIDI_AND_INVISIBLE, '').replace(BREAKS_AND_CONTROLS, ' ').replace(ASCII_PUNCTUATION, (ch) => `\\${ch}`);
}

/**
 * `command:id?args` with JSON arguments percent-encoded so that no character of an argument (a URI
 * with parentheses or spaces) can end the link destination early.
 */
export function commandUri(id: string, args: readonly unknown[]): string {
  const encoded = encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `command:${id}?${encoded}`;
}

/** A Markdown link to a command; `label` and `tooltip` are escaped here. */
export function commandLink(label: string, id: string, args: readonly unknown[], tooltip?: string): string {
  const title = tooltip ? ` "${escapeMarkdown(tooltip)}"` : '';
  return `[${escapeMarkdown(label)}](${commandUri(id, args)}${title})`;
}

/** A link to an analyst-curated web page; anything but http(s) is shown as plain text. */
export function webLink(url: string): string {
  if (!/^https?:\/\/[^\s]+$/iu.test(url)) return escapeMarkdown(url);
  const safe = encodeURI(decodeSafely(url)).replace(/[()<>"'\\\][]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);
  return `[${escapeMarkdown(url)}](${safe})`;
}

function decodeSafely(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

const INLINE_LINK = /(!?)\[((?:[^\]\\]|\\.)*)\]\(\s*<?([^)\s>]*)>?(?:\s+(?:"[^"]*"|'[^']*'))?\s*\)/gu;
const REFERENCE_DEFINITION = /^(\s{0,3})\[(?=[^\]]*\]:)/gmu;

/**
 * An analyst's note rendered as Markdown inside a card that is trusted for some commands: emphasis, lists,
 * code and http(s) links stay; anything that could act is made text. Raw HTML and `<…>` autolinks show as
 * text, a link to anything but http(s) (`command:`, `file:`, `vscode:`) keeps only its label, an image keeps
 * only its alt text (no remote pixel), and reference definitions (`[x]: command:…`) stay literal. Line breaks
 * are kept as hard breaks, as the note was written.
 */
export function untrustedMarkdown(text: string): string {
  return text
    .replace(BIDI_AND_INVISIBLE, '')
    .replace(/\r\n?/gu, '\n')
    .replace(/[<>]/gu, (ch) => (ch === '<' ? '&lt;' : '&gt;'))
    .replace(INLINE_LINK, (whole, bang: string, label: string, target: string) => {
      if (bang) return label;
      return /^https?:\/\/[^\s]+$/iu.test(target) ? `[${label}](${target.replace(/[()]/gu, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)})` : label;
    })
    .replace(REFERENCE_DEFINITION, '$1\\[')
    .split('\n')
    .join('  \n');
}
