/**
 * Linking an article's spans into the index: each name to its entity key (through the registry's linker),
 * each date and figure to its value keys, with the postings, written forms and type evidence that follow;
 * and taking an article's links back out before it changes or goes.
 */
import type { NameType, Span } from '../extract/types';
import { SPAN_TYPES } from '../extract/types';
import { SPAN_STRIDE, SpanField, measureAt, spanCount, spanTypeAt } from './analysis';
import type { EntityDecisions } from './entityDecisions';
import { isNameType } from './entityKey';
import {
  bump, EMPTY_VOTES, IGNORED, mentionWeight, NO_KEY, TITLE_WEIGHT, VOTE_PLAIN, VOTE_TOTAL,
  type ArticleRecord, type IndexTables,
} from './indexTables';
import { followsPersonTitle, LineStyles } from './lineStyle';
import { dateKeys, figureKeys } from './spanKeys';

/** One distinct (type, canonical, surface) name of the article being linked. */
interface NameEntry {
  keyId: number;
  count: number;
  surface: string;
  canonical: string;
  slot: number;
}

// What `link` reads for every span of the corpus, bound once here as plain module constants (an imported
// binding may be read through an accessor, per span, depending on how the module was compiled).
const STRIDE = SPAN_STRIDE;
const START = SpanField.start;
const END = SpanField.end;
const TYPE = SpanField.type;
const CANONICAL = SpanField.canonical;
const VALUE = SpanField.value;
const UNIT = SpanField.unit;
const MEASURE = SpanField.measure;
const SURFACE = SpanField.surface;
const CONFIDENCE = SpanField.confidence;
const NONE = NO_KEY;
const PLAIN = VOTE_PLAIN;
const TOTAL = VOTE_TOTAL;
const TITLE = TITLE_WEIGHT;
const weightOf = mentionWeight;
const followsTitle = followsPersonTitle;
/** The name types come first in SPAN_TYPES: a type code below this is a name's. */
const NAME_TYPE_COUNT = SPAN_TYPES.findIndex((type) => !isNameType(type));
if (SPAN_TYPES.slice(NAME_TYPE_COUNT).some(isNameType)) throw new Error('SPAN_TYPES must list the name types first');

export class ArticleLinks {
  /** Memoized links, reset with the registry: type code → canonical → surface → key id (or IGNORED). */
  private nameMemo: Map<string, Map<string, number>>[] = [];
  /** Memoized date / figure keys: value signature → [primary, secondary] key ids. */
  private readonly valueMemo = new Map<string | number, [number, number]>();

  /** While an article is linked: key id → 1 + its place among the article's keys (0: none yet); then all 0 again. */
  private slotOfKey = new Int32Array(1024);
  /** The article's keys in order of first mention. */
  private readonly keysSeen: number[] = [];

  constructor(private readonly tables: IndexTables, private readonly decisions: EntityDecisions) {}

  /** Forgets the memoized name links (the registry changed). */
  resetNames(): void {
    this.nameMemo = [];
  }

  link(record: ArticleRecord): void {
    const { spans, atoms } = record.packed;
    const { text, keyIds } = record;
    const articleId = record.id;
    const n = spanCount(record.packed);
    const width = atoms.length + 1;
    // distinct (type, canonical, surface) names and value signatures of this article, linked once each
    const nameEntries = new Map<number, NameEntry>();
    const valueEntries = new Map<number, [number, number]>();
    // key id → its slot in `votes` (this article's evidence for each name's type)
    const voteSlots = new Map<number, number>();
    const votes: number[] = [];
    const lines = new LineStyles(text);
    // the distinct keys of the article so far (`keysSeen`)
    let keyCount = 0;
    try {
      for (let i = 0, base = 0; i < n; i++, base += STRIDE) {
        const typeCode = spans[base + TYPE];
        let primary = NONE;
        let secondary = NONE;
        if (typeCode < NAME_TYPE_COUNT) {
          const canonicalAtom = spans[base + CANONICAL];
          const surfaceAtom = spans[base + SURFACE];
          const code = (typeCode * width + canonicalAtom + 1) * width + surfaceAtom + 1;
          let entry = nameEntries.get(code);
          if (!entry) {
            const surface = surfaceAtom < 0 ? text.slice(spans[base + START], spans[base + END]) : String(atoms[surfaceAtom]);
            const canonical = canonicalAtom < 0 ? undefined : String(atoms[canonicalAtom]);
            entry = { keyId: this.nameKeyId(typeCode, SPAN_TYPES[typeCode] as NameType, surface, canonical), count: 0, surface, canonical: canonical ?? surface, slot: -1 };
            nameEntries.set(code, entry);
          }
          entry.count++;
          primary = entry.keyId;
          if (primary >= 0) {
            let slot = entry.slot;
            if (slot < 0) {
              slot = voteSlots.get(primary) ?? -1;
              if (slot < 0) {
                voteSlots.set(primary, (slot = votes.length));
                votes.push(primary, 0, 0, 0, 0, 0, 0);
              }
              entry.slot = slot;
            }
            const start = spans[base + START];
            const headline = lines.capitalisedByLine(start, entry.surface);
            votes[slot + 1 + typeCode] += weightOf(headline, spans[base + CONFIDENCE]);
            if (followsTitle(text, start)) votes[slot + 1] += TITLE;
            if (!headline) votes[slot + PLAIN]++;
            votes[slot + TOTAL]++;
            keyCount = this.countPosting(primary, keyCount);
          }
        } else {
          const code = (((typeCode * width + spans[base + VALUE] + 1) * width + spans[base + UNIT] + 1) * width) + spans[base + MEASURE] + 1;
          let ids = valueEntries.get(code);
          if (!ids) valueEntries.set(code, (ids = this.valueKeyIds(record, i, SPAN_TYPES[typeCode])));
          primary = ids[0];
          secondary = ids[1];
          if (primary >= 0) keyCount = this.countPosting(primary, keyCount);
          if (secondary >= 0) keyCount = this.countPosting(secondary, keyCount);
        }
        keyIds[i * 2] = primary;
        keyIds[i * 2 + 1] = secondary;
      }
    } catch (err) {
      // leave the counts clean for the next article
      for (let k = 0; k < keyCount; k++) this.slotOfKey[this.keysSeen[k]] = 0;
      throw err;
    }
    this.filePostings(keyIds, articleId, keyCount);
    for (const entry of nameEntries.values()) {
      if (entry.keyId < 0) continue;
      bump(this.tables.surfaces, entry.keyId, entry.surface, entry.count);
      bump(this.tables.canonicals, entry.keyId, entry.canonical, entry.count);
    }
    record.votes = votes.length ? Int32Array.from(votes) : EMPTY_VOTES;
    this.decisions.addVotes(record.votes, 1);
  }

  /**
   * Notes that the article has a span under `keyId`; returns the number of distinct keys seen. The
   * article's posting lists are made once it is all linked (`filePostings`), each exactly as long as it
   * must be: lists grown by pushing keep room for seventeen numbers or more, and there are half a million
   * lists, mostly of one or two spans, at 10,000 articles.
   */
  private countPosting(keyId: number, keyCount: number): number {
    if (keyId >= this.slotOfKey.length) {
      const grown = new Int32Array(Math.max(keyId + 1, this.slotOfKey.length * 2));
      grown.set(this.slotOfKey);
      this.slotOfKey = grown;
    }
    if (this.slotOfKey[keyId] === 0) {
      this.keysSeen[keyCount] = keyId;
      this.slotOfKey[keyId] = ++keyCount;
    }
    return keyCount;
  }

  /** Files the article's span indexes under each of its `keyCount` keys, in text order; resets the slots. */
  private filePostings(keyIds: Int32Array, articleId: number, keyCount: number): void {
    const lists: (number[] | undefined)[] = new Array(keyCount);
    for (let j = 0; j < keyIds.length; j++) {
      const keyId = keyIds[j];
      if (keyId < 0) continue;
      const k = this.slotOfKey[keyId] - 1;
      const list = lists[k];
      if (list) list.push(j >> 1);
      else lists[k] = [j >> 1];
    }
    for (let k = 0; k < keyCount; k++) {
      const keyId = this.keysSeen[k];
      this.slotOfKey[keyId] = 0;
      const list = lists[k]!;
      // a copy holds exactly its numbers (a one-span list was made so)
      this.tables.postings.setArticle(keyId, articleId, list.length > 1 ? list.slice() : list);
    }
  }

  private nameKeyId(typeCode: number, type: NameType, surface: string, canonical: string | undefined): number {
    const byCanonical = (this.nameMemo[typeCode] ??= new Map());
    let bySurface = byCanonical.get(canonical ?? '');
    if (!bySurface) byCanonical.set(canonical ?? '', (bySurface = new Map()));
    let id = bySurface.get(surface);
    if (id === undefined) {
      const key = this.tables.linker.keyFor(type, surface, canonical);
      id = key === undefined ? IGNORED : this.tables.postings.intern(key);
      bySurface.set(surface, id);
    }
    return id;
  }

  private valueKeyIds(record: ArticleRecord, i: number, type: Span['type']): [number, number] {
    const { spans, atoms } = record.packed;
    const base = i * SPAN_STRIDE;
    const value = spans[base + SpanField.value] < 0 ? null : atoms[spans[base + SpanField.value]];
    const unit = spans[base + SpanField.unit] < 0 ? undefined : String(atoms[spans[base + SpanField.unit]]);
    const measure = type === 'DATE' ? undefined : measureAt(record.packed, i);
    const signature = type === 'DATE' && value !== null ? value : `${type}\u0000${value}\u0000${unit ?? ''}\u0000${measure ?? ''}`;
    let ids = this.valueMemo.get(signature);
    if (!ids) {
      const keys = type === 'DATE' ? dateKeys(value) : figureKeys({ type, value, unit }, measure);
      ids = [
        keys.primary === undefined ? NO_KEY : this.tables.postings.intern(keys.primary),
        keys.secondary === undefined ? NO_KEY : this.tables.postings.intern(keys.secondary),
      ];
      if (this.valueMemo.size > 500_000) this.valueMemo.clear();
      this.valueMemo.set(signature, ids);
    }
    return ids;
  }

  unlink(record: ArticleRecord): void {
    this.decisions.addVotes(record.votes, -1);
    record.votes = EMPTY_VOTES;
    const { spans, atoms } = record.packed;
    const seen = new Set<number>();
    const nameCounts = new Map<string, number>();
    for (let i = 0; i < record.keyIds.length; i++) {
      const keyId = record.keyIds[i];
      if (keyId < 0) continue;
      if (i % 2 === 0 && isNameType(spanTypeAt(record.packed, i / 2))) {
        const base = (i / 2) * SPAN_STRIDE;
        const surface = spans[base + SpanField.surface] < 0
          ? record.text.slice(spans[base + SpanField.start], spans[base + SpanField.end]) : String(atoms[spans[base + SpanField.surface]]);
        const canonical = spans[base + SpanField.canonical] < 0 ? surface : String(atoms[spans[base + SpanField.canonical]]);
        const code = `${keyId}\u0000${surface}\u0000${canonical}`;
        nameCounts.set(code, (nameCounts.get(code) ?? 0) + 1);
      }
      if (!seen.has(keyId)) {
        seen.add(keyId);
        this.tables.postings.removeArticle(keyId, record.id);
      }
    }
    for (const [code, count] of nameCounts) {
      const [keyId, surface, canonical] = code.split('\u0000');
      bump(this.tables.surfaces, Number(keyId), surface, -count);
      bump(this.tables.canonicals, Number(keyId), canonical, -count);
    }
  }
}
