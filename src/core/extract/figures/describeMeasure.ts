import type { Span } from '../types';

/**
 * The phrase a figure qualifies, for comparing figures across articles ("5% of their GDP on defense" →
 * "GDP on defense"; "32-nation bloc" → "bloc"; "$33 billion in aid" → "aid"). Heuristic: the words after
 * the figure — after "of"/"in"/"for"/"on" when one follows it, skipping determiners and possessives —
 * through modifiers to the head noun and one prepositional complement ("GDP on defense"), four words at most;
 * else the counted unit. Undefined when nothing is found.
 */
const LINKS = /^(?:of|in|for|on|to)$/;
const SKIP = /^(?:the|a|an|their|its|his|her|our|your|my|this|that|these|those|annual|total|new|additional|extra)$/i;
const BOUNDARY = /^(?:across|among|within|into|through|familiar|close|aware|responsible|involved|based|including|more|less|fewer|extra|each|apiece|annually|then|and|or|but|that|which|who|while|as|than|by|from|with|since|after|before|because|is|are|was|were|be|been|has|have|had|will|would|could|should|can|may|might|said|says|to|at|over|under|per|a|an|the)$/i;
const MAX_WORDS = 4;

/** Nouns made from verbs or adjectives, which often head a compound ("defense spending", "budget commitment"). */
const NOMINAL_ENDING = /(?:ing|ment|tion|sion|ness|ity|ure|ance|ence|ship|ism|age)$/i;
const MODIFIER_ENDING = /(?:al|ic|ive|ous|ful|less|able|ible|ary|ese|ish|ian|ean)$/i;

/** Adjectives that stay in the measured phrase though nothing marks them ("gross domestic product", "net debt"). */
const PLAIN_MODIFIERS = /^(?:gross|net|domestic|national|federal|military|public|foreign|core|real|total|overall|annual|defence|defense|economic|official|average|median|consumer|government)$/i;

export function describeMeasure(text: string, span: Span): string | undefined {
  // the phrase ends with its line and its sentence: "…of GDP" then "Speaking in Brussels" on the next line is
  // another sentence
  let tail = text.slice(span.end, span.end + 200);
  const lineEnd = tail.search(/[\n\r]|[.!?](?=\s)(?<!\b\p{L}\.\p{L}\.)/u);
  if (lineEnd >= 0) tail = tail.slice(0, lineEnd + 1);
  const words = [...tail.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s\p{L}\p{N}]/gu)].map((m) => m[0].replace(/[.’']+$/, ''));
  let k = 0;
  if (words[0] && LINKS.test(words[0])) k = 1;
  while (words[k] && SKIP.test(words[k])) k++;
  // a quoted term is still the measured thing: one of two “workstreams”
  if (words[k] && /^["“‘']$/u.test(words[k])) k++;
  const phrase: string[] = [];
  let linked = false;
  for (; k < words.length && phrase.length < MAX_WORDS; k++) {
    const w = words[k];
    if (!/^[\p{L}\p{N}]/u.test(w) || BOUNDARY.test(w)) break;
    phrase.push(w);
    const next = words[k + 1];
    if (!next || !/^[\p{L}\p{N}]/u.test(next) || BOUNDARY.test(next)) break;
    if (!linked && /^(?:on|for|in)$/i.test(next) && words[k + 2] && /^[\p{L}\p{N}]/u.test(words[k + 2])) {
      linked = true;
      phrase.push(next);
      k++;
      continue;
    }
    // a lower-case word before a plural noun modifies it ("major command posts", "restraining factors")
    const ahead = words.slice(k + 1, k + 3);
    const plural = ahead.findIndex((x) => /^\p{Ll}[\p{L}-]*s$/u.test(x));
    const beforePlural = /^\p{Ll}/u.test(w) && !/s$/i.test(w) && plural >= 0 &&
      ahead.slice(0, plural + 1).every((x) => /^\p{Ll}/u.test(x) && !BOUNDARY.test(x));
    // a participle before a noun modifies it ("facilitating factor")
    const participle = /^\p{Ll}[\p{L}]*ing$/u.test(w) && !/^(?:\p{L}*thing|during|according|including)$/u.test(w) && /^\p{Ll}/u.test(next);
    const modifies = participle || MODIFIER_ENDING.test(w) || PLAIN_MODIFIERS.test(w) || /^\p{Lu}/u.test(w) || NOMINAL_ENDING.test(next) || beforePlural;
    if (!modifies || /^(?:on|for|in)$/i.test(next)) break;
  }
  // a verb or an adverb right after a count is what the counted did ("the first two emerged primarily")
  if (phrase.length && (/ly$/i.test(phrase[0]) || (/ed$/i.test(phrase[0]) && !PLAIN_MODIFIERS.test(phrase[0]) && !/s$/i.test(phrase[1] ?? '')))) return undefined;
  if (phrase.length) return phrase.join(' ');
  return span.unit && span.unit !== 'fraction' ? span.unit : undefined;
}
