/**
 * The workspace's decisions about names, over the index's tables: a name's type (the registry's, else the
 * one its mentions vote for), whether a capitalised word is an entity at all, which keys denote one entity
 * (a full name and its unambiguous short form), and the key and name callers see. Memoized until the next
 * change of articles or registry (`clear`).
 */
import type { EntityRegistry, NameType, Span } from '../extract/types';
import { NAME_TYPES } from '../extract/types';
import { unpackSpan } from './analysis';
import { isCommonWord } from './commonWords';
import { entityKeyType, initialsOf, isNameType, surnameOf, UNTYPED_PREFIX, type EntityKey } from './entityKey';
import type { IndexedSpan } from './queryTypes';
import {
  IGNORED, mostFrequent, PLAIN_WEIGHT, VOTE_PLAIN, VOTE_STRIDE, VOTE_TOTAL, type ArticleRecord, type IndexTables,
} from './indexTables';

/** `typeMemo`'s value for a key without mentions. */
const NO_TYPE = '';
const NAME_TYPE_ORDER: readonly NameType[] = NAME_TYPES;

export class EntityDecisions {
  /** key id → VOTE_STRIDE - 1 sums (see VOTE_STRIDE), over every article */
  private votes = new Int32Array(1024 * (VOTE_STRIDE - 1));
  /** normalized name → every word of it is a common English word */
  private readonly commonNames = new Map<string, boolean>();
  /** key id → decided type; any change clears it */
  private readonly typeMemo = new Map<number, NameType | typeof NO_TYPE>();
  /** internal key → its group, and → the key callers see; any change clears them */
  private readonly groupMemo = new Map<string, string[]>();
  private readonly exposedMemo = new Map<string, string>();
  /** multi-word PERSON keys by surname, multi-word ORG keys by initials: cross-article short forms */
  private readonly bySurname = new Map<string, Set<string>>();
  private readonly byInitials = new Map<string, Set<string>>();

  constructor(
    private readonly tables: IndexTables,
    private readonly isCommon: (word: string) => boolean = isCommonWord,
  ) {}

  get registry(): EntityRegistry {
    return this.tables.linker.registry;
  }

  /** The memoized workspace decisions (types, groups, keys): any change of articles or registry may change them. */
  clear(): void {
    this.typeMemo.clear();
    this.groupMemo.clear();
    this.exposedMemo.clear();
  }

  // ---------------------------------------------------------------- evidence

  /** Adds (sign 1) or takes back (sign -1) an article's evidence for its names' types. */
  addVotes(votes: Int32Array, sign: 1 | -1): void {
    const width = VOTE_STRIDE - 1;
    for (let slot = 0; slot < votes.length; slot += VOTE_STRIDE) {
      const base = votes[slot] * width;
      if (base + width > this.votes.length) {
        const grown = new Int32Array(Math.max(base + width, this.votes.length * 2));
        grown.set(this.votes);
        this.votes = grown;
      }
      for (let k = 0; k < width; k++) this.votes[base + k] += sign * votes[slot + 1 + k];
    }
  }

  /** Files a key whose posting list became non-empty (or empty) under its surname / initials. */
  trackShortForms(key: string, present: boolean): void {
    // an untyped name may be decided PERSON or ORG: it is filed under both, and `groupOf` checks the type
    if (key.startsWith(UNTYPED_PREFIX)) {
      const name = key.slice(UNTYPED_PREFIX.length);
      if (!name.includes(' ')) return;
      this.trackShortForm(this.bySurname, surnameOf(name), key, present);
      this.trackShortForm(this.byInitials, initialsOf(name), key, present);
      return;
    }
    const type = entityKeyType(key);
    if (type !== 'PERSON' && type !== 'ORG') return;
    const name = key.slice(type.length + 1);
    this.trackShortForm(type === 'PERSON' ? this.bySurname : this.byInitials, type === 'PERSON' ? surnameOf(name) : initialsOf(name), key, present);
  }

  private trackShortForm(index: Map<string, Set<string>>, short: string | undefined, key: string, present: boolean): void {
    if (!short) return;
    let set = index.get(short);
    if (present) {
      if (!set) index.set(short, (set = new Set()));
      set.add(key);
    } else if (set) {
      set.delete(key);
      if (set.size === 0) index.delete(short);
    }
  }

  // ---------------------------------------------------------------- identity

  /** True for a name's key, exposed (`PERSON:…`) or internal (untyped `~:…`, or a registry entity's). */
  isNameKey(key: string): boolean {
    return key.startsWith(UNTYPED_PREFIX) || entityKeyType(key) !== undefined;
  }

  isNameKeyId(keyId: number): boolean {
    return keyId >= 0 && this.isNameKey(this.tables.postings.keyOf(keyId));
  }

  /**
   * The index's own key for a name key given by a caller: a registry entity's key as it is, any other
   * name without its type (the type is the workspace's decision, not part of the identity).
   */
  internalOf(key: string): string {
    if (key.startsWith(UNTYPED_PREFIX)) return key;
    const type = entityKeyType(key);
    if (!type || this.tables.linker.registryEntity(key)) return key;
    return UNTYPED_PREFIX + key.slice(type.length + 1);
  }

  /** The key callers see: `TYPE:name`, with the workspace's type for names the registry does not curate. */
  exposedKey(internal: string): EntityKey {
    if (!internal.startsWith(UNTYPED_PREFIX)) return internal;
    let key = this.exposedMemo.get(internal);
    if (key === undefined) this.exposedMemo.set(internal, (key = `${this.decidedType(internal) ?? 'MISC'}:${internal.slice(UNTYPED_PREFIX.length)}`));
    return key;
  }

  /**
   * A name's type: the registry's for a curated entity, else the type with the most evidence over all its
   * mentions in the workspace (ties go to the earlier of PERSON, ORG, PLACE, MISC, so the answer does not
   * depend on the order articles were indexed in).
   */
  decidedType(internal: string): NameType | undefined {
    if (!internal.startsWith(UNTYPED_PREFIX)) return entityKeyType(internal);
    const id = this.tables.postings.idOf(internal);
    if (id === undefined) return undefined;
    const memo = this.typeMemo.get(id);
    if (memo !== undefined) return memo === NO_TYPE ? undefined : memo;
    const base = id * (VOTE_STRIDE - 1);
    let decided: NameType | undefined;
    if (base < this.votes.length && this.votes[base + VOTE_TOTAL - 1] > 0) {
      const weights = Array.from(this.votes.subarray(base, base + NAME_TYPE_ORDER.length));
      // A one-word name that is the surname of exactly one person (or the initials of exactly one
      // organization) in the workspace: each article naming that person in full is evidence too.
      const name = internal.slice(UNTYPED_PREFIX.length);
      if (!name.includes(' ')) {
        weights[0] += PLAIN_WEIGHT * this.fullNameArticles(this.bySurname.get(name), 'PERSON');
        weights[1] += PLAIN_WEIGHT * this.fullNameArticles(this.byInitials.get(name), 'ORG');
      }
      let best = 0;
      for (let t = 1; t < weights.length; t++) if (weights[t] > weights[best]) best = t;
      decided = NAME_TYPE_ORDER[best];
    }
    this.typeMemo.set(id, decided ?? NO_TYPE);
    return decided;
  }

  /** The articles of the one multi-word name of `type` among `keys`; 0 when there is none or several. */
  private fullNameArticles(keys: Set<string> | undefined, type: NameType): number {
    const found = this.onlyOfType(keys, type);
    return found ? this.tables.postings.postingsOf(found).size : 0;
  }

  /** The one key of `keys` decided `type` (and not junk); undefined when there is none or more than one. */
  private onlyOfType(keys: Set<string> | undefined, type: NameType): string | undefined {
    if (!keys) return undefined;
    let found: string | undefined;
    for (const key of keys) {
      if (this.decidedType(key) !== type || this.isJunk(key)) continue;
      if (found) return undefined;
      found = key;
    }
    return found;
  }

  /**
   * A capitalised common word ("Rivalry", "Drone Cooperation") seen only in Title Case or ALL-CAPS lines,
   * and never as a name in a sentence anywhere in the workspace, is not an entity. The registry overrides.
   */
  isJunk(internal: string): boolean {
    if (!internal.startsWith(UNTYPED_PREFIX)) return false;
    const id = this.tables.postings.idOf(internal);
    return id !== undefined && this.isJunkId(id);
  }

  /** `isJunk` by key id: the vote counts first, which settle most keys without reading the key. */
  isJunkId(id: number): boolean {
    const base = id * (VOTE_STRIDE - 1);
    if (base >= this.votes.length || this.votes[base + VOTE_PLAIN - 1] > 0 || this.votes[base + VOTE_TOTAL - 1] === 0) return false;
    const internal = this.tables.postings.keyOf(id);
    if (!internal.startsWith(UNTYPED_PREFIX)) return false;
    const name = internal.slice(UNTYPED_PREFIX.length);
    let common = this.commonNames.get(name);
    if (common === undefined) {
      common = name.split(' ').every((word) => this.isCommon(word));
      this.commonNames.set(name, common);
    }
    return common;
  }

  /** IGNORED, or a name key that is junk: the mention is no entity at all. */
  hidden(keyId: number): boolean {
    return keyId === IGNORED || (keyId >= 0 && this.isJunkId(keyId));
  }

  /** `entityGroup` over internal keys; memoized until the next change. Do not mutate the result. */
  groupOf(internal: string): string[] {
    let group = this.groupMemo.get(internal);
    if (!group) this.groupMemo.set(internal, (group = this.computeGroup(internal)));
    return group;
  }

  private computeGroup(internal: string): string[] {
    const type = this.decidedType(internal);
    if (type !== 'PERSON' && type !== 'ORG') return [internal];
    const name = internal.slice(internal.indexOf(':') + 1);
    const index = type === 'PERSON' ? this.bySurname : this.byInitials;
    if (name.includes(' ')) {
      const short = type === 'PERSON' ? surnameOf(name) : initialsOf(name);
      if (!short) return [internal];
      const shortKey = UNTYPED_PREFIX + short;
      if (this.tables.postings.postingsOf(shortKey).size > 0 && this.decidedType(shortKey) === type && !this.isJunk(shortKey) &&
        this.onlyOfType(index.get(short), type) === internal) {
        return [internal, shortKey];
      }
      return [internal];
    }
    // A one-word name the registry curates keeps the aliases the analyst gave it and nothing more.
    if (this.tables.linker.registryEntity(internal)) return [internal];
    const full = this.onlyOfType(index.get(name), type);
    return full ? [full, internal] : [internal];
  }

  // ---------------------------------------------------------------- what callers see

  /** The display name of an entity: the registry's canonical, else the most frequent canonical form. */
  displayName(key: EntityKey): string {
    const internal = this.internalOf(key);
    const curated = this.tables.linker.registryEntity(internal);
    if (curated) return curated.canonical;
    return mostFrequent(this.tables.canonicals[this.tables.postings.idOf(internal) ?? -1]) ?? internal.slice(internal.indexOf(':') + 1);
  }

  /** See `CorpusIndex.nameTypeOf`. */
  nameTypeOf(type: NameType, surface: string, canonical: string | undefined): NameType | null | undefined {
    const key = this.tables.linker.keyFor(type, surface, canonical);
    if (key === undefined) return null;
    const id = this.tables.postings.idOf(key);
    if (id === undefined || this.tables.postings.postingsOf(key).size === 0) return undefined;
    if (this.isJunk(key)) return null;
    return this.decidedType(this.groupOf(key)[0]) ?? type;
  }

  indexedSpan(record: ArticleRecord, i: number): IndexedSpan | undefined {
    const primary = record.keyIds[i * 2];
    if (this.hidden(primary)) return undefined;
    const secondary = record.keyIds[i * 2 + 1];
    const span = this.displaySpan(record, i);
    const result: IndexedSpan = { uri: record.uri, index: i, span };
    if (primary >= 0) {
      const key = this.tables.postings.keyOf(primary);
      result.key = isNameType(span.type) ? this.exposedKey(this.groupOf(key)[0]) : key;
    }
    if (secondary >= 0) result.secondaryKey = this.tables.postings.keyOf(secondary);
    return result;
  }

  /** The extractor's span with the registry applied: a re-typed or merged entity shows its curated form. */
  displaySpan(record: ArticleRecord, i: number): Span {
    const span = unpackSpan(record.packed, i, record.text);
    const keyId = record.keyIds[i * 2];
    if (keyId >= 0 && isNameType(span.type)) {
      const key = this.groupOf(this.tables.postings.keyOf(keyId))[0];
      span.type = this.decidedType(key) ?? span.type;
      span.canonical = this.displayName(key);
    }
    return span;
  }
}
