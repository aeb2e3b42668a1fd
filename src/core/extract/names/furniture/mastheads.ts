import { Edit, type Line, WORD } from './edit';
import { MAX_GROUPS } from './tickers';

// Copyright lines and mastheads: "© 2026 The Lagos Courier Media Ltd. All rights reserved.", a line "The Lagos Courier"

const COPYRIGHT = /(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)([^\n]{2,90})/iu;
export const NAME_WORDS = /^(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|and|de|des|du|la|le|z|o\.o\.?|&|the|für|y|e|for)$/u;
export const ABBREVIATION_END = /(?:^|\s)(?:Ltd|Inc|Corp|Co|Pty|Bhd|Pte|S\.A|N\.V|o\.o|Sp|GmbH|plc|LLC|SpA|S\.p\.A|Cie|Ltda|S\.L|SARL|S\.R\.L|B\.V|A\.S|Oy|Tbk)$/u;

export function copyrightLines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 200 || !/©|\(c\)|copyright/i.test(line.text)) continue;
    const m = COPYRIGHT.exec(line.text);
    if (!m) continue;
    const rest = m[1];
    const stop = /\.\s+(?:All rights|This |Some rights|Reproduction|Registered|Powered|Terms|Privacy|Contact)|\.?\s*(?:All rights reserved|\||·|—|–|\s-\s)|\.\s*$|,\s|$/u.exec(rest);
    let name = stop ? rest.slice(0, stop.index) : rest;
    if (stop && rest[stop.index] === '.' && ABBREVIATION_END.test(name)) name += '.';
    name = name.trim();
    const words = name.split(/\s+/);
    if (!name || words.length > 8 || !words.every((w) => NAME_WORDS.test(w)) || !/^\p{Lu}/u.test(name)) continue;
    if (/^(?:All|Some)\b/.test(name)) continue;
    const start = line.start + m.index + m[0].indexOf(rest) + (rest.length - rest.trimStart().length);
    edit.name(start, start + name.length, 'ORG', edit.mixedCase(name, true));
  }
}

/** A masthead: a line of its own ("The Lagos Courier" between blank lines, or first on the page) that is an organisation after "The". */
export function mastheads(edit: Edit, lines: Line[]): void {
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i].text.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length > 60) continue;
    const m = /^\s*(The)\s+\S/.exec(line.text);
    if (!m || !blank(i + 1) || !(blank(i - 1) || i === 0)) continue;
    const at = line.start + m.index + m[0].indexOf('The');
    const org = edit.overlapping(at, line.end).find((s) => s.type === 'ORG' && s.start === at + 4 && s.end >= line.end - 1);
    if (!org || line.text.slice(org.end - line.start).trim() !== '') continue;
    edit.name(at, org.end, 'ORG', 'The ' + (org.canonical ?? org.text).replace(/^The\s+/, ''));
  }
}

// Header fields of a transcript or a page ("Program: The Global Desk", "Network: Radio Meridian International") and
// newsletter boxes ("Sign up to Africa Briefing", "Get the Morning Brief in your inbox")

const PROGRAMME_FIELD = /^\s*(?:Program|Programme|Show|Series|Podcast|Newsletter|Broadcast)\s*:\s*(\p{Lu}[^\n]{1,60}?)\s*$/u;
const OUTLET_FIELD = /^\s*(?:Network|Outlet|Publication|Station|Channel|Broadcaster|Publisher|Newspaper)\s*:\s*(\p{Lu}[^\n]{1,60}?)\s*$/u;
/** A wire's standards line: "Our Standards: The Thomson Reuters Trust Principles." names a document (MISC), without its "The". */
const STANDARDS = /^\s*Our Standards:\s*(?:The\s+)?(\p{Lu}[^\n.]{2,80}?)\.?(?:,|\s*$)/u;
/** A newsletter named after the word: "with the newsletter On the Campaign Trail." */
const NAMED_NEWSLETTER = /\bnewsletter,?\s+((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:\p{Lu}[\p{L}'’-]*|the|of|and|on|in|at|to|for)){0,5}\s*)(?=[.,:;]|$)/u;
const NEWSLETTER = /\b(?:(?:Sign up (?:to|for)|Subscribe to) (?:our |the )?((?:\p{Lu}[\p{L}'’-]*)(?:\s\p{Lu}[\p{L}'’-]*){1,3})(?=\s*(?:$|[.,:]|\s(?:newsletter|in your inbox|every|each)))|Get (?:our|the) ((?:\p{Lu}[\p{L}'’-]*)(?:\s\p{Lu}[\p{L}'’-]*){1,3})(?=\s(?:newsletter|in your inbox|delivered)))/u;

export function headerFields(edit: Edit, lines: Line[]): void {
  const programmes = new Set<string>();
  for (const line of lines) {
    if (line.text.length > 240 || !(line.text.includes(':') || line.text.includes('Sign up') || line.text.includes('Subscribe') || line.text.includes('Get ') || line.text.includes('newsletter '))) continue;
    const p = PROGRAMME_FIELD.exec(line.text);
    const o = p ? null : OUTLET_FIELD.exec(line.text);
    const n = p || o ? null : NEWSLETTER.exec(line.text);
    const m = p ?? o ?? n ?? STANDARDS.exec(line.text) ?? NAMED_NEWSLETTER.exec(line.text);
    if (!m) continue;
    const name = (m[1] ?? m[2]).trimEnd();
    if (/\s(?:the|of|and|on|in|at|to|for)$/.test(name)) continue;
    if (name.split(/\s+/).length > 6 || !name.split(/\s+/).every((w) => NAME_WORDS.test(w))) continue;
    const start = line.start + m.index + m[0].indexOf(name);
    edit.name(start, start + name.length, o ? 'ORG' : 'MISC', name);
    if (p && programmes.size < MAX_GROUPS) programmes.add(name);
  }
  for (const name of programmes) {
    let at = edit.text.indexOf(name);
    for (let tries = 0; at >= 0 && tries < 100; tries++) {
      if (!WORD.test(edit.text[at - 1] ?? '') && !WORD.test(edit.text[at + name.length] ?? '')) edit.name(at, at + name.length, 'MISC', name);
      at = edit.text.indexOf(name, at + name.length);
    }
  }
}

/** Who supplied the text: "Source: Ministry of Foreign Affairs of Vietnam.", "Transcription by Verbatim Media Services." */
const SOURCE_LINE = /(?:^\s*Sources?\s*:|\b(?:Transcription|Transcribed|Transcript|Translation|Captioning|Distributed|Produced)\s+(?:provided\s+)?by)\s+(\p{Lu}[^\n.;:,]{1,70})/u;

export function sourceLines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    const t = line.text;
    if (line.end - line.start > 300 || !(t.includes('Source') || t.includes('ranscri') || t.includes('ranslat') || t.includes('aptioning') ||
      t.includes('istributed by') || t.includes('roduced by'))) continue;
    const m = SOURCE_LINE.exec(line.text);
    if (!m) continue;
    const name = m[1].trimEnd();
    const words = name.split(/\s+/);
    if (words.length > 8 || !words.every((w) => NAME_WORDS.test(w)) || !/\p{Lu}[^\s]*$/u.test(name)) continue;
    const start = line.start + m.index + m[0].length - m[1].length;
    edit.name(start, start + name.length, 'ORG', edit.mixedCase(name, true));
  }
}
