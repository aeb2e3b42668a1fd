import type { NameType, Span } from '../types';
import { inOrdinaryCase } from './lineCase';
import { firstEndingAfter } from '../../util/firstIndex';

// Unicode-property expressions live here, compiled once: the bundler rewrites such a literal into a
// `new RegExp` call, which inside a function would build the expression again at every use
/** After a company's name: its officers ("Kestrel chief executive …"; "Tokyo shares" are a market's). */
const COMPANY_AFTER = /(?:['’]s)?[ \t]+(?:chief executive|chief financial officer|CEO|CFO)\b/uy;
/** Before a company's name: "shares of", "shares in", "a stake in". */
const COMPANY_BEFORE = /\b(?:shares|stake|stakes|investment|investments)[ \t]+(?:of|in)[ \t]+$/u;
/**
 * An apposition whose head noun says what the name is: "Kestrel, the Dutch maker of …", "Ostara, a Brussels-based
 * securities depository that …" (an organization); "Medan, the capital of …" (a place). The head noun is
 * followed by punctuation or a word that starts its complement, never by another noun ("a bank manager").
 */
const APPOSITION = /,[ \t]+(?:the|a|an)[ \t]+(?:[\p{L}\p{N}-]+[ \t]+){0,4}?(company|maker|firm|group|bank|lender|insurer|carrier|airline|chipmaker|depository|operator|exchange|broadcaster|publisher|retailer|manufacturer|producer|conglomerate|startup|start-up|movement|militia|charity|distributor|agency|capital|city|town|village|province|region|port|island|district)(?=[ \t]+(?:of|that|which|whose|based|in|with|for|and)\b|[,.;:)])/uy;
const PLACE_NOUNS = new Set(['capital', 'city', 'town', 'village', 'province', 'region', 'port', 'island', 'district']);
/** A lower-case geographic noun right after a name, or after two names joined by "and": "Songkhla province", "the Aek and Toba rivers". */
const PLACE_NOUN_AFTER = /[ \t]+(?:province|provinces|regency|regencies|district|districts|county|counties|prefecture|crossing|crossings|river|rivers|valley|region|governorate|oblast)\b/uy;
/** Verbs of going somewhere: what follows is a place ("flew to Kota Bharu"). */
const GOING_TO = /\b(?:flew|flown|travelled|traveled|drove|sailed|fled|evacuated)[ \t]+(?:to|into)[ \t]+$|\b(?:arrived|landed)[ \t]+in[ \t]+$/u;
/** "the city of", "the village of": the capitalised words after it are a place. */
const PLACE_OF = / of ((?:\p{Lu}[\p{L}\p{M}'’-]*)(?:[ \t]\p{Lu}[\p{L}\p{M}'’-]*){0,3})/uy;
const PLACE_OF_NOUNS = new Set(['city', 'town', 'village', 'island', 'province', 'region', 'district', 'port', 'capital', 'county', 'municipality', 'enclave', 'suburb']);
/** A compass word before a place is part of its name ("Central" + "Tapanuli"). */
const COMPASS_BEFORE = /(?<![\p{L}\p{N}'’.-])(?:Central|North|South|East|West)[ \t]$/u;
/** A newswire's name in brackets after a dateline ("JAKARTA, Dec 1 (Kestrel Wire) -") or after a copyright sign. */
const STARTS_UPPER = /^\p{Lu}/u;
const PREPOSITION_BEFORE = /\b(?:in|In|at|At|from|From|to|To|across|Across|for|For)[ \t]+$/u;
const OUTLET_AFTER = /\)[ \t]+[-–—]/uy;
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
  /** a sticky expression tried right after a span */
  const at = (re: RegExp, s: Span): RegExpExecArray | null => {
    re.lastIndex = s.end;
    return re.exec(text);
  };
  for (let k = 0; k < spans.length; k++) {
    const s = spans[k];
    const next1 = text[s.end];
    // what comes before is read only where its last characters allow a cue ("to ", "in ", "of ", a year, "©")
    const c1 = text.charCodeAt(s.start - 1);
    const c2 = text.charCodeAt(s.start - 2);
    // o(f), (t)o, (i)n, a year, ")" or "©" before a space, or "©" itself
    const cue = c1 === 169 || (c1 === 32 && (c2 === 111 || c2 === 110 || c2 === 102 || (c2 >= 48 && c2 <= 57) || c2 === 41 || c2 === 169));
    const before = cue ? text.slice(Math.max(0, s.start - 40), s.start) : '';
    const company = (next1 === ' ' || next1 === "'" || next1 === '’') && at(COMPANY_AFTER, s);
    if (company || (before && COMPANY_BEFORE.test(before) && s.type !== 'PLACE' && s.type !== 'MISC')) { settle(s, 'ORG'); continue; }
    if ((next1 === ')' && text[s.start - 1] === '(' && at(OUTLET_AFTER, s)) || (before && COPYRIGHT_BEFORE.test(before))) { settle(s, 'ORG'); continue; }
    const apposition = next1 === ',' ? at(APPOSITION, s) : null;
    if (apposition) { settle(s, PLACE_NOUNS.has(apposition[1]) ? 'PLACE' : 'ORG'); continue; }
    // "Kestrel, the Baltic Institute for Maritime Law": an apposition that is an organization's name,
    // closed by a comma or a full stop; a place opening a sentence is no apposition ("In Norland, the Farmers' Union …")
    const next = spans[k + 1];
    if (next1 === ',' && next && next.type === 'ORG' && /\s/.test(next.text) && /^,[ \t]+the[ \t]+$/.test(text.slice(s.end, next.start)) &&
      /^[,.;]/.test(text.slice(next.end, next.end + 1)) && !PREPOSITION_BEFORE.test(text.slice(Math.max(0, s.start - 8), s.start))) { settle(s, 'ORG'); continue; }
    // a nationality adjective before a geographic noun stays one ("the English county championship"); a verb of
    // going moves a person-like name only ("moved to Juventus" is a club)
    const placeNoun = next1 === ' ' && s.type !== 'MISC' && at(PLACE_NOUN_AFTER, s) !== null;
    if (placeNoun || (before && s.type === 'PERSON' && GOING_TO.test(before))) {
      settle(s, 'PLACE');
      // "the Aek and Toba rivers", "flew to Kota Bharu and Ipoh": the name joined by "and" is a place too
      const partner = placeNoun ? spans[k - 1] : spans[k + 1];
      const joined = partner && /^[ \t]+and[ \t]+$/.test(partner.end <= s.start ? text.slice(partner.end, s.start) : text.slice(s.end, partner.start));
      if (joined) settle(partner, 'PLACE');
      // "the Aek and Toba rivers": each is a river by name, as the guidelines restore an elided head
      if (placeNoun && joined && partner.end <= s.start && /^[ \t]+rivers\b/.test(text.slice(s.end, s.end + 9)) && !s.canonical && !partner.canonical) {
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
  const coordinated = new Map<string, NameType>();
  /** for each word of a person's name, the distinct names holding it */
  let namesByWord: Map<string, Set<string>> | undefined;
  const sharesWord = (person: Span): boolean => {
    if (!namesByWord) {
      namesByWord = new Map();
      for (const p of out) {
        if (p.type !== 'PERSON') continue;
        for (const w of p.text.split(' ')) {
          let set = namesByWord.get(w);
          if (!set) namesByWord.set(w, (set = new Set()));
          if (set.size < 2) set.add(p.text);
        }
      }
    }
    return person.text.split(' ').some((w) => [...(namesByWord!.get(w) ?? [])].some((t) => t !== person.text));
  };
  // "Bener Meriah and Central Aceh": a name read as a person before a place it is coordinated with, and that
  // shares no word with another person's name (a single word: that is no word of a person's full name), is a place too
  for (let k = 0; k + 1 < out.length; k++) {
    const [a, b] = [out[k], out[k + 1]];
    // the name comes first: after "… in New York and", a person is named ("and Jo Lim in Brussels")
    if (b.type !== 'PLACE' || a.type !== 'PERSON') continue;
    const other = a;
    if (other.type !== 'PERSON' || !/^[ \t]+and[ \t]+$/.test(text.slice(a.end, b.start)) || settled.has(other.text)) continue;
    if (!(other.text.includes(' ') ? sharesWord(other) : personWords.has(other.text))) coordinated.set(other.text, 'PLACE');
  }
  if (coordinated.size) for (const s of out) if (s.type === 'PERSON' && coordinated.has(s.text)) s.type = 'PLACE';
  return out;
}

/** "the city of Hat Yai": the capitalised words after it are one place, whatever pieces a detector read there. */
function withPlacesOf(text: string, spans: Span[]): Span[] {
  if (!/ of /.test(text)) return spans;
  // spans do not overlap: sorted by start, their ends are sorted too, and each match finds its spans by binary search
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const removed = new Set<Span>();
  const places: Span[] = [];
  for (let of = text.indexOf(' of '); of >= 0; of = text.indexOf(' of ', of + 1)) {
    let w = of;
    while (w > 0 && of - w < 14 && text.charCodeAt(w - 1) >= 97 && text.charCodeAt(w - 1) <= 122) w--;
    if (!PLACE_OF_NOUNS.has(text.slice(w, of)) || (w > 0 && /[\p{L}\p{N}]/u.test(text[w - 1]))) continue;
    PLACE_OF.lastIndex = of;
    const m = PLACE_OF.exec(text);
    if (!m) continue;
    const start = of + m[0].length - m[1].length;
    const end = start + m[1].length;
    const lo = firstEndingAfter(sorted, start);
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
    if ((s.type !== 'PLACE' && s.type !== 'ORG') || !s.text.includes(' ') || s.text.length > 60 || !s.text.split(' ').every((w) => STARTS_UPPER.test(w))) continue;
    const last = s.text.slice(s.text.lastIndexOf(' ') + 1);
    let forms = longer.get(last);
    if (!forms) longer.set(last, (forms = new Map()));
    forms.set(s.text, s.type as NameType);
  }
  let ends: Set<number> | undefined;
  let mentions: Map<string, number> | undefined;
  for (const s of spans) {
    const forms = longer.size ? longer.get(s.text) : undefined;
    // a compass word ends with "h", "t" or "l" ("North", "East", "Central") right before the space
    const c = text.charCodeAt(s.start - 2);
    const compassLike = s.type === 'PLACE' && text.charCodeAt(s.start - 1) === 32 && (c === 104 || c === 116 || c === 108);
    if ((!forms && !compassLike) || s.text.includes(' ')) continue;
    // the word right before is a name's own last word: nothing to take in
    ends ??= new Set(spans.map((o) => o.end));
    if (ends.has(s.start - 1)) continue;
    if (compassLike && inOrdinaryCase(text, s.start, s.end)) {
      const compass = COMPASS_BEFORE.exec(text.slice(Math.max(0, s.start - 12), s.start));
      if (!mentions) {
        mentions = new Map();
        for (const o of spans) mentions.set(o.text, (mentions.get(o.text) ?? 0) + 1);
      }
      // a place named alone elsewhere takes a compass word as an adjective ("northern Iraq", "north London")
      if (compass && mentions.get(s.text) === 1) {
        s.start -= compass[0].length;
        s.text = text.slice(s.start, s.end);
        continue;
      }
    }
    for (const [form, type] of forms ?? []) {
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
