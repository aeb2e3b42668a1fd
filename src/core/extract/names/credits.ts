import type { NameMention } from '../types';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
/**
 * A picture's credit: its label, a colon, then the rest of the line ("Photograph: Jane Doe/Getty Images",
 * "Photo: Ana Ruiz/AFP via Getty Images"), first on its line or after a caption's sentence.
 */
const CREDIT = /(?:^|(?<=[.!?)”"’]?[ \t]))(?:Photograph|Photographs|Photo|Photos|Picture|Pictures|Photo credit|Image|Images|Illustration|Composite|Credit|Video|Footage)[ \t]*:[ \t]*([^\n]{2,160})$/gmu;
/** One credited name: capitalised words, with particles, hyphens, apostrophes and "&" inside. */
const CREDITED = /^(?:The[ \t]+)?\p{Lu}[\p{L}\p{M}'’.&-]*(?:[ \t]+(?:(?:de|da|di|del|van|von|der|den|le|la|du|dos|al|bin|y|&)[ \t]+)*\p{Lu}[\p{L}\p{M}'’.&-]*){0,4}$/u;
/** Between credited names: a slash, or "via". */
const CREDIT_SEPARATOR = /[ \t]*\/[ \t]*|[ \t]+(?:via|Via|VIA)[ \t]+/gu;
/** A credit to someone, not by them, ends the credit: "… /Getty Images for Berlinale" (the event is left to the detector). */
const CREDIT_FOR = /[ \t]+(?:for|For|FOR)[ \t]+\S[^/]*$/u;
/** Last words of picture agencies and archives ("Getty Images", "Magnum Photos", "Press Association"). */
const AGENCY_WORD = /(?:Images|Image|Pictures|Photos|Photo|Photography|Press|Agency|Association|News|Media|Archive|Archives|Library|Collection|Studio|Studios|Museum|Gallery|Foundation|Handout|Pool)$/u;
const ALL_CAPS = /^[\p{Lu}\p{N}&.-]{2,6}$/u;

/**
 * The names in pictures' credit lines: the photographer (a person) and the agencies after the slash or
 * "via" (organizations). Such lines are written in title case, where a detector that trusts capitals only in
 * running text drops their names. A credit that is no list of names (a caption after "Photo:") gives none.
 */
export function creditNames(text: string): NameMention[] {
  if (!/(?:Photo|Picture|Image|Illustration|Composite|Credit|Video|Footage)/.test(text)) return [];
  const out: NameMention[] = [];
  for (const m of text.matchAll(CREDIT)) {
    let body = m[1].replace(/[ \t.]+$/, '');
    const credit = CREDIT_FOR.exec(body);
    if (credit) body = body.slice(0, credit.index);
    const start = m.index + m[0].length - m[1].length;
    const parts: { start: number; end: number; text: string }[] = [];
    let from = 0;
    for (const sep of body.matchAll(CREDIT_SEPARATOR)) {
      parts.push({ start: start + from, end: start + sep.index, text: body.slice(from, sep.index) });
      from = sep.index + sep[0].length;
    }
    parts.push({ start: start + from, end: start + body.length, text: body.slice(from) });
    if (!parts.every((p) => CREDITED.test(p.text))) continue;
    parts.forEach((p, k) => {
      const words = p.text.split(/[ \t]+/);
      const agency = ALL_CAPS.test(p.text) || AGENCY_WORD.test(p.text) || words[0] === 'The';
      // the first of several is the photographer unless it reads as an agency; one name alone is a person only
      // when it has two or three words ("Photograph: Reuters" is the agency)
      const person = k === 0 && !agency && words.length >= 2 && words.length <= 4;
      out.push({ start: p.start, end: p.end, type: person ? 'PERSON' : 'ORG' });
    });
  }
  return out;
}
