import type { NameType, Span } from '../types';
import { inOrdinaryCase } from './lineCase';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
/** After a company's name: its officers ("Kestrel chief executive …"; "Tokyo shares" are a market's). */
const COMPANY_AFTER = /^(?:['’]s)?[ \t]+(?:chief executive|chief financial officer|CEO|CFO)\b/u;
/** Before a company's name: "shares of", "shares in", "a stake in". */
const COMPANY_BEFORE = /\b(?:shares|stake|stakes|investment|investments)[ \t]+(?:of|in)[ \t]+$/u;
/**
 * An apposition whose head noun says what the name is: "Kestrel, the Dutch maker of …", "Ostara, a Brussels-based
 * securities depository that …" (an organization); "Medan, the capital of …" (a place). The head noun is
 * followed by punctuation or a word that starts its complement, never by another noun ("a bank manager").
 */
const APPOSITION = /^,[ \t]+(?:the|a|an)[ \t]+(?:[\p{L}\p{N}-]+[ \t]+){0,4}?(company|maker|firm|group|bank|lender|insurer|carrier|airline|chipmaker|depository|operator|exchange|broadcaster|publisher|retailer|manufacturer|producer|conglomerate|startup|start-up|movement|militia|charity|distributor|agency|capital|city|town|village|province|region|port|island|district)(?=[ \t]+(?:of|that|which|whose|based|in|with|for|and)\b|[,.;:)])/u;
const PLACE_NOUNS = new Set(['capital', 'city', 'town', 'village', 'province', 'region', 'port', 'island', 'district']);
/** A lower-case geographic noun right after a name, or after two names joined by "and": "Songkhla province", "the Aek and Toba rivers". */
const PLACE_NOUN_AFTER = /^[ \t]+(?:province|provinces|regency|regencies|district|districts|county|counties|prefecture|crossing|crossings|river|rivers|valley|region|governorate|oblast)\b/u;
/** Verbs of going somewhere: what follows is a place ("flew to Kota Bharu"). */
const GOING_TO = /\b(?:flew|flown|travelled|traveled|drove|sailed|fled|evacuated)[ \t]+(?:to|into)[ \t]+$|\b(?:arrived|landed)[ \t]+in[ \t]+$/u;
/** "the city of", "the village of": the capitalised words after it are a place. */
const PLACE_OF = /\b(?:city|town|village|island|province|region|district|port|capital|county|municipality|enclave|suburb)[ \t]+of[ \t]+((?:\p{Lu}[\p{L}\p{M}'’-]*)(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]*){0,3})/gu;
/** A compass word before a place is part of its name ("Central" + "Tapanuli"). */
const COMPASS_BEFORE = /(?<![\p{L}\p{N}'’.-])(?:Central|North|South|East|West)[ \t]$/u;
/** A newswire's name in brackets after a dateline ("JAKARTA, Dec 1 (Kestrel Wire) -") or after a copyright sign. */
const STARTS_UPPER = /^\p{Lu}/u;
const PREPOSITION_BEFORE = /\b(?:in|In|at|At|from|From|to|To|across|Across|for|For)[ \t]+$/u;
const OUTLET_AFTER = /^\)[ \t]+[-–—]/u;
const COPYRIGHT_BEFORE = /(?:©|\([cC]\)|Copyright)[ \t]*(?:\d{4}[ \t]*)?$/u;

/**
 * Types that the words around a name settle, whatever the detector or the votes said: an officer or the shares
 * after a name, or an apposition, make it an organization (every mention of it); a geographic noun after it,
 * "the city of" before it, or a verb of going, a place; a newswire's name after a dateline or a copyright sign, an
 * organization. A single word typed as a person that names a person of the document in full is left as it is.
 * Also joins a compass word before a place ("Central Tapanuli") and the words before a single word that, with
 * them, make a longer name of the document ("Hat" + "Yai" after "the city of Hat Yai"). Spans are in text order.
 * Words written in title case say little, so a compass word joins on lines in ordinary case only.
 */
export function applyContextCues(text: string, spans: Span[], personWords: ReadonlySet<string>): Span[] {
  const settled = new Map<string, NameType>();
  const settle = (s: Span, type: NameType): void => {
    if (s.type === 'PERSON' && personWords.has(s.text)) return;
    if (s.type === 'PERSON' && /\s/.test(s.text) && type !== 'PLACE') return;
    settled.set(s.text, type);
  };
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const after = text.slice(s.end, s.end + 120);
    const before = text.slice(Math.max(0, s.start - 40), s.start);
    if (COMPANY_AFTER.test(after) || (COMPANY_BEFORE.test(before) && s.type !== 'PLACE' && s.type !== 'MISC')) { settle(s, 'ORG'); continue; }
    if (OUTLET_AFTER.test(after) && text[s.start - 1] === '(' || COPYRIGHT_BEFORE.test(before)) { settle(s, 'ORG'); continue; }
    const apposition = APPOSITION.exec(after);
    if (apposition) { settle(s, PLACE_NOUNS.has(apposition[1]) ? 'PLACE' : 'ORG'); continue; }
    // "Kestrel, the Baltic Institute for Maritime Law": an apposition that is an organization's name
    const next = spans[k + 1];
    // closed by a comma or a full stop; a place opening a sentence is no apposition ("In Norland, the Farmers' Union …")
    if (next && next.type === 'ORG' && /\s/.test(next.text) && /^,[ \t]+the[ \t]+$/.test(text.slice(s.end, next.start)) &&
      /^[,.;]/.test(text.slice(next.end, next.end + 1)) && !PREPOSITION_BEFORE.test(before)) { settle(s, 'ORG'); continue; }
    // a nationality adjective before a geographic noun stays one ("the English county championship"); a verb of
    // going moves a person-like name only ("moved to Juventus" is a club)
    if ((PLACE_NOUN_AFTER.test(after) && s.type !== 'MISC') || (GOING_TO.test(before) && s.type === 'PERSON')) {
      settle(s, 'PLACE');
      // "the Aek and Toba rivers", "flew to Kota Bharu and Ipoh": the name joined by "and" is a place too
      const partner = PLACE_NOUN_AFTER.test(after) ? spans[k - 1] : spans[k + 1];
      const joined = partner && /^[ \t]+and[ \t]+$/.test(partner.end <= s.start ? text.slice(partner.end, s.start) : text.slice(s.end, partner.start));
      if (joined) settle(partner, 'PLACE');
      // "the Aek and Toba rivers": each is a river by name, as the guidelines restore an elided head
      const rivers = /^[ \t]+rivers\b/.exec(after);
      if (rivers && joined && partner.end <= s.start && !s.canonical && !partner.canonical) {
        s.canonical = `${s.text} River`;
        partner.canonical = `${partner.text} River`;
      }
    }
  }
  let out = spans;
  if (settled.size) {
    for (const s of out) {
      const type = settled.get(s.text);
      if (type && !(s.type === 'PERSON' && personWords.has(s.text))) s.type = type;
    }
  }
  out = withPlacesOf(text, out);
  out = withLongerForms(text, out);
  return out;
}

/** "the city of Hat Yai": the capitalised words after it are one place, whatever pieces a detector read there. */
function withPlacesOf(text: string, spans: Span[]): Span[] {
  if (!/ of /.test(text)) return spans;
  // spans do not overlap: sorted by start, their ends are sorted too, and each match finds its spans by binary search
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const removed = new Set<Span>();
  const places: Span[] = [];
  for (const m of text.matchAll(PLACE_OF)) {
    const start = m.index + m[0].length - m[1].length;
    const end = start + m[1].length;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid].end <= start) lo = mid + 1;
      else hi = mid;
    }
    const inside: Span[] = [];
    for (let k = lo; k < sorted.length && sorted[k].start < end; k++) inside.push(sorted[k]);
    if (inside.length === 0 || inside.some((s) => s.start < start || s.end > end || removed.has(s) || (s.type === 'PERSON' && /\s/.test(s.text)))) continue;
    if (inside.length === 1 && inside[0].start === start && inside[0].end === end) {
      inside[0].type = 'PLACE';
      continue;
    }
    for (const s of inside) removed.add(s);
    places.push({ start, end, type: 'PLACE', text: m[1], value: null });
  }
  if (places.length === 0) return spans;
  return [...sorted.filter((s) => !removed.has(s)), ...places].sort((a, b) => a.start - b.start);
}

/**
 * A compass word before a place joins it ("Central" + "Tapanuli"), and a single word preceded by the words that
 * make, with it, a longer place or organization of the document is that name ("Hat" + "Yai").
 */
function withLongerForms(text: string, spans: Span[]): Span[] {
  /** the distinct longer names of the document by their last word, with their types */
  const longer = new Map<string, Map<string, NameType>>();
  for (const s of spans) {
    // every word capitalised: "Hat Yai", not "Human Rights in China"
    if ((s.type !== 'PLACE' && s.type !== 'ORG') || !/\s/.test(s.text) || s.text.length > 60 || !s.text.split(' ').every((w) => STARTS_UPPER.test(w))) continue;
    const last = s.text.slice(s.text.lastIndexOf(' ') + 1);
    let forms = longer.get(last);
    if (!forms) longer.set(last, (forms = new Map()));
    forms.set(s.text, s.type as NameType);
  }
  const ends = new Set(spans.map((s) => s.end));
  const mentions = new Map<string, number>();
  for (const s of spans) mentions.set(s.text, (mentions.get(s.text) ?? 0) + 1);
  for (const s of spans) {
    // the word right before is a name's own last word: nothing to take in
    if (ends.has(s.start - 1) || /\s/.test(s.text)) continue;
    if (s.type === 'PLACE' && inOrdinaryCase(text, s.start, s.end)) {
      const compass = COMPASS_BEFORE.exec(text.slice(Math.max(0, s.start - 12), s.start));
      // a place named alone elsewhere takes a compass word as an adjective ("northern Iraq", "north London")
      if (compass && mentions.get(s.text) === 1) {
        s.start -= compass[0].length;
        s.text = text.slice(s.start, s.end);
        continue;
      }
    }
    for (const [form, type] of longer.get(s.text) ?? []) {
      const start = s.end - form.length;
      if (start < 0 || text.slice(start, s.end) !== form || (start > 0 && /[\p{L}\p{N}]/u.test(text[start - 1]))) continue;
      s.start = start;
      s.text = form;
      s.type = type;
      break;
    }
  }
  return spans;
}
