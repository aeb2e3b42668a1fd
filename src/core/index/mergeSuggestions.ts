/** Entities whose names are probably spellings of one name, for the analyst to merge (never merged silently). */
import type { EntityKey } from './entityKey';
import type { EntityDecisions } from './entityDecisions';
import { compareStrings, type IndexTables } from './indexTables';
import { groupCounts } from './ranking';

// Regular expressions with Unicode properties are module constants: the bundler turns such a literal into a
// `new RegExp` call, which inside a function would build it again at every call.
const COMBINING_MARKS = /\p{M}/gu;
const NOT_LETTER_OR_SPACE = /[^\p{L} ]/gu;
const DOUBLED_LETTER = /(\p{L})\1+/gu;

export interface MergeSuggestion {
  key: EntityKey;
  into: EntityKey;
  name: string;
  intoName: string;
  mentions: number;
}

/**
 * A name's spelling with the differences of transliteration folded away: accents, y/i, doubled letters,
 * ks/x, ph/f ("Zelenskiy", "Zelenskyy" and "Zelensky" agree).
 */
export function spellingSkeleton(name: string): string {
  return name.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(NOT_LETTER_OR_SPACE, '')
    .replace(/y/g, 'i').replace(/ph/g, 'f').replace(/ks/g, 'x').replace(/ck/g, 'k').replace(DOUBLED_LETTER, '$1')
    .replace(/i+\b/g, 'i');
}

/** See `CorpusIndex.mergeSuggestions`; `skeletons` memoizes `spellingSkeleton` across calls. */
export function mergeSuggestions(
  tables: IndexTables, decisions: EntityDecisions, skeletons: Map<string, string>, limit: number,
): MergeSuggestion[] {
  const bySkeleton = new Map<string, { internal: string; mentions: number }[]>();
  const seen = new Set<string>();
  for (const rawKey of tables.postings.liveKeys()) {
    if (!decisions.isNameKey(rawKey) || decisions.isJunk(rawKey)) continue;
    const internal = decisions.groupOf(rawKey)[0];
    if (seen.has(internal)) continue;
    seen.add(internal);
    const name = internal.slice(internal.indexOf(':') + 1);
    if (name.length < 5) continue;
    let skeleton = skeletons.get(name);
    if (skeleton === undefined) {
      if (skeletons.size > 200_000) skeletons.clear();
      skeletons.set(name, (skeleton = spellingSkeleton(name)));
    }
    const list = bySkeleton.get(skeleton);
    if (list) list.push({ internal, mentions: 0 });
    else bySkeleton.set(skeleton, [{ internal, mentions: 0 }]);
  }
  const out: MergeSuggestion[] = [];
  for (const list of bySkeleton.values()) {
    if (list.length < 2) continue;
    for (const entry of list) for (const count of groupCounts(tables, decisions.groupOf(entry.internal)).values()) entry.mentions += count;
    // the most mentioned spelling is the one to merge into
    list.sort((a, b) => b.mentions - a.mentions || compareStrings(a.internal, b.internal));
    const [main, ...others] = list;
    for (const other of others) {
      out.push({
        key: decisions.exposedKey(other.internal), into: decisions.exposedKey(main.internal),
        name: decisions.displayName(other.internal), intoName: decisions.displayName(main.internal), mentions: other.mentions + main.mentions,
      });
    }
  }
  out.sort((a, b) => b.mentions - a.mentions || compareStrings(a.name, b.name));
  return out.slice(0, limit);
}
