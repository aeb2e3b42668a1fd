/**
 * The state behind the analysis views and the hover-card entries: every article's quotations, dated
 * sentences and paragraph entity sets (computed when the article was indexed, `ArticleAnalysis.views`), and
 * the counts behind connections, kept up to date per article: an edit takes the article's old pairs out and
 * puts its new ones in, nothing is recounted.
 *
 * Identity. What an article stores is the extractor's names; the entity a name belongs to is a workspace
 * decision that changes after indexing (the registry's merges and aliases, the type most mentions argue for,
 * a surname that joins the one full name of the workspace). So counts are kept per *name key* (the linker's
 * key, which only the registry changes: a registry change rebuilds the store), and each key is resolved to
 * its entity (`CorpusIndex.entityGroup`, `displayName`, `nameTypeOf`) when a view or a card asks, once per
 * key until the index changes again.
 *
 * Work is lazy: index changes only mark articles; the next query brings the store up to date.
 */
import type { CorpusIndex } from '../index/corpusIndex';
import type { EntityKey } from '../index/entityKey';
import { initialsOf, normalizeName, surnameOf, UNTYPED_PREFIX } from '../index/entityKey';
import { EntityLinker } from '../index/linker';
import type { NameType } from '../extract/types';
import type { ArticleMetadata } from '../sidecar/model';
import { articleSource } from './articleSource';
import {
  articleViewsOf, ATTRIBUTIONS, collapseSpace, DATE_STRIDE, MENTION_STRIDE, PARAGRAPH_STRIDE, QUOTE_STRIDE, type ArticleViews,
} from './articleViews';
import type { LedgerQuote } from './quotes/quoteLedger';
import { compareEntries, type TimelineEntry } from './timeline/timeline';
import { periodOf, type DatePeriod, type DatePrecision } from './timeline/timex';
import { PairTable } from './pairTable';
import { TopRanking, type Describe } from './topRanking';

/** An entity as the workspace sees it now. */
export interface ResolvedEntity {
  /** The index's key (for references): the entity group's first key. */
  key: EntityKey;
  /** Its display name: the registry's canonical, else its most frequent canonical form. */
  name: string;
  type: NameType;
}

export interface Connection {
  /** Canonical names; `a` sorts before `b` (by name, then key). */
  a: string;
  b: string;
  /** Articles naming both. */
  articles: number;
  /** Paragraphs naming both. */
  paragraphs: number;
  /** NPMI over paragraphs, rounded to 4 decimals. */
  strength: number;
  aKey: string;
  bKey: string;
}

export interface EntityNode {
  key: string;
  name: string;
  type?: NameType;
  /** Articles and paragraphs naming the entity. */
  articles: number;
  paragraphs: number;
}

export interface ConnectionGraph {
  /** Strongest first. */
  connections: Connection[];
  /** The entities the connections join, keyed by entity key. */
  nodes: Map<string, EntityNode>;
  /** Paragraphs counted (with at least one entity or not). */
  paragraphCount: number;
  articleCount: number;
}

export interface ConnectionOptions {
  /** Minimum number of shared paragraphs (default 2). */
  minCount?: number;
  /** Only connections of this entity (canonical name, alias or a person's surname, any case). */
  entity?: string;
  /** The types of entity taken into account (default all names). */
  types?: readonly NameType[];
}

/** A resolved entity with the name keys of its group (the keys the store has seen). */
interface Entity extends ResolvedEntity {
  members: number[];
  /** A small number for the key, the same for every object of that key (see `numberOf`). */
  num: number;
}

/** One connection of an entity, as its hover card lists it. */
export interface Neighbour {
  entity: ResolvedEntity;
  paragraphs: number;
  articles: number;
  strength: number;
  /** An article where a paragraph names both. */
  sharedArticle: string;
}

/** A date of an article before names are resolved: what only the article's text decides. */
interface RawDate {
  date: string;
  precision: DatePrecision;
  from: string;
  to: string;
  start: number;
  end: number;
  text: string;
  sentence: string;
  firstMention: number;
  endMention: number;
}

interface ArticleState {
  uri: string;
  num: number;
  views: ArticleViews;
  /** Name key id of each mention (-1: a name the registry ignores). */
  mentionKeys: Int32Array;
  /** Per paragraph, its distinct name key ids in increasing order: a count, then the ids. */
  paragraphKeys: Int32Array;
  paragraphCount: number;
  dates?: RawDate[];
}

/** Where a quotation of an entity is, and its article's publication date (for the newest first). */
interface QuotedAt {
  state: ArticleState;
  at: number;
  published: string;
}

/** The background warm-up's thresholds (defaults `HUB_COST`, `PAIRS_PER_STEP`, `ARTICLES_PER_STEP`, `RANK_KEEP`). */
export interface WarmTuning {
  hubCost?: number;
  pairsPerStep?: number;
  articlesPerStep?: number;
  /** Partners a kept ranking holds (0: no ranking is kept, every card ranks every partner). */
  rankKeep?: number;
}

/** A count in steps (see `AnalysisStore.prepare`), valid while the store stays at `generation`. */
interface Job {
  generation: number;
  steps: Generator<void, unknown>;
}

/** A partner of an entity and the paragraphs naming both. */
interface Shared {
  entity: Entity;
  paragraphs: number;
  /** Articles naming both, and one of them (its number): counted when a card first lists the partner. */
  articles?: number;
  first?: number;
}
/** An entity's partners, as a list and by key (`keys`: how many of the partner's keys were counted). */
interface SharedList {
  list: Shared[];
  byKey: Map<EntityKey, Shared & { keys: number }>;
  /** `atLeast[n]`: how many partners share n paragraphs or more (n ≥ 1; missing: none), kept with the counts. */
  atLeast: number[];
  /** The first partners as a card ranks them, per least number of shared paragraphs, kept across changes (`rankedPartners`). */
  ranks?: Map<number, PartnerRanking>;
}

/**
 * An entity's first partners as ranked at `total` paragraphs in all and `own` paragraphs naming it, with the
 * partners whose counts changed since (`dirty`, and the name keys logged after `logAt`): while the totals
 * stay, a change re-ranks only those (`TopRanking.update`), not the thousands of partners of an entity
 * named everywhere.
 */
interface PartnerRanking {
  ranking: TopRanking<Shared>;
  total: number;
  own: number;
  logAt: number;
  dirty: Set<Shared>;
}

const PAIR_BASE = 67108864; // 2^26 entities at most in a pair id
const pairId = (a: number, b: number): number => (a < b ? a * PAIR_BASE + b : b * PAIR_BASE + a);

const stores = new WeakMap<CorpusIndex, AnalysisStore>();
/** Entities named in at least this many articles get a bit set of them when the graph is built. */
const BIT_SET_MIN = 256;
/** A store this close to the index answers at once (`ready`). */
const READY_PENDING = 50;
/** Articles the background catch-up reads per turn of the event loop. */
const CATCH_UP_SLICE = 200;
/** Pairs read, and articles read, between two looks at the clock when a list is counted in steps. */
const PAIRS_PER_STEP = 64;
const ARTICLES_PER_STEP = 8;
/** A slice of background counting stops after this long (ms), leaving the event loop to the editor. */
const WARM_SLICE_MS = 10;
/**
 * Lists costing at least this much to count — partner pairs read plus the articles that may be read again,
 * or quoted articles × `QUOTE_COST` — are counted (and partner lists ranked) in the background before a card
 * asks: about 1,200 lists at 10,000 articles, most under a millisecond of counting each, up to a few hundred
 * for the costliest; a card would otherwise count and rank such a list itself on its first hover (0.5–10 ms).
 */
const HUB_COST = 300;
const QUOTE_COST = 40;
/**
 * Partners a kept ranking holds in order: a card lists five; the margin lets a change push a few of them
 * down without ranking every partner again.
 */
const RANK_KEEP = 24;
/** Name keys the change log keeps (`changedIds`): a ranking older than that is made again. */
const CHANGE_LOG = 1 << 16;
/** The partners a card lists (`MAX_NEIGHBOURS` of the hover entries): their shared articles are counted in the warm-up. */
const CARD_PARTNERS = 5;

export class AnalysisStore {
  /** The store every view and card of this index shares (created on first use). */
  static of(index: CorpusIndex): AnalysisStore {
    let store = stores.get(index);
    if (!store) stores.set(index, (store = new AnalysisStore(index)));
    return store;
  }

  private linker: EntityLinker;
  private readonly articles: (ArticleState | undefined)[] = [];
  private readonly numByUri = new Map<string, number>();
  private readonly freeNums: number[] = [];
  private readonly keyIdOf = new Map<string, number>();
  private readonly keyStrings: string[] = [];
  /** A name (type, surface, canonical) of each key, to ask the index for the key's type. */
  private readonly keyNames: [NameType, string, string | null][] = [];
  /** Memoized links: type → canonical ('' for none) → surface → key id. */
  private keyMemo = new Map<string, Map<string, Map<string, number>>>();
  /** Per name key: paragraphs naming it, the articles naming it, the articles quoting it. */
  private readonly keyParagraphs: number[] = [];
  private readonly keyArticles: (Set<number> | undefined)[] = [];
  private readonly keyQuoted: (Set<number> | undefined)[] = [];
  /** Paragraphs naming both keys of a pair. */
  private readonly pairs = new PairTable();
  /** Short form → the keys it relates (surname, initials; a one-word name itself), see `invalidate`. */
  private readonly byTag = new Map<string, number[]>();
  /**
   * Short form → the keys that are that short form itself (the name after the type is the surname or the
   * acronym alone): of the thousands of keys a common surname relates, the few that join a full name's
   * entity (`membersOf`).
   */
  private readonly shortKeys = new Map<string, number[]>();
  private paragraphTotal = 0;
  private articleTotal = 0;

  private readonly dirty = new Set<string>();
  private rebuild = true;
  /**
   * Resolutions of name keys, kept across index changes: a change forgets those of the keys of the changed
   * articles and of the keys related to them by a short form (`invalidate`).
   */
  private resolved: (Entity | null | undefined)[] = [];
  private readonly entities = new Map<EntityKey, Entity>();
  /** Answers that depend on every article, forgotten at each change. */
  private readonly formsMemo = new Map<EntityKey, Set<string>>();
  /** Date values and their periods (the same few thousand values recur). */
  private readonly periods = new Map<string, DatePeriod | null>();
  private readonly neighbourMemo = new Map<string, Neighbour[]>();
  /** Keys forgotten by the changes being caught up with, and what they resolved to before. */
  private readonly forgotten = new Map<number, Entity | null>();
  /** Per entity, where its quotations are, newest first; dropped like `sharedMemo` when its keys change. */
  private readonly quotesMemo = new Map<EntityKey, QuotedAt[]>();
  private readonly entityNumbers = new Map<EntityKey, number>();
  private scratch = new Int32Array(1024);
  private scratchKeys = new Int32Array(1024);
  /**
   * Per entity, its partners and shared paragraphs (see `sharedListOf`), kept up to date per article as the
   * pair counts are (`shiftShared`) rather than read again after each change.
   */
  private readonly sharedMemo = new Map<EntityKey, SharedList>();
  /**
   * The name keys of every article counted in or out, in order (from position `changedBase`): what changed
   * the paragraph counts of the entities they belong to, for the kept rankings (`PartnerRanking.logAt`).
   */
  private readonly changedIds: number[] = [];
  private changedBase = 0;
  /** Per name key, the `logStamp` it was last logged at: a key is logged once per catch-up, however often counted. */
  private readonly loggedAt: number[] = [];
  private logStamp = 0;
  /**
   * Per name key, the `count` call that last put the article in (or took it out of) its `keyArticles`: a key
   * named in several paragraphs of an article touches its article set once.
   */
  private readonly countedIn: number[] = [];
  private countStamp = 0;
  /**
   * Per name key, the keys of every entity it has been a member of (since the last rebuild): a logged change
   * to the name's paragraphs changes the paragraph count of those entities, as partners in any kept list.
   */
  private readonly holders: (EntityKey | EntityKey[] | undefined)[] = [];
  private graphMemo: { options: string; graph: ConnectionGraph } | undefined;
  private readonly subscription: { dispose(): void };
  private readonly hubCost: number;
  private readonly pairsPerStep: number;
  private readonly articlesPerStep: number;
  private readonly rankKeep: number;
  /** Bumped by every change to the store's articles: a count in steps started before it must start again. */
  private generation = 0;
  /** Counts in steps under way, by what and entity key (see `prepare`, `warmSlice`). */
  private readonly jobs = new Map<string, Job>();
  /** Lists cards asked for and could not wait for, counted first in the background. */
  private readonly requested: string[] = [];
  /** The costliest lists not kept, counted next in the background. */
  private hubQueue: string[] = [];
  /** The generation the hubs were last queued at. */
  private warmedAt = -1;
  private warming: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  private readonly idleWaiters: (() => void)[] = [];
  /** The next name key the warm-up resolves (see `warmSlice`). */
  private resolveCursor = 0;
  /** What each `trackQuotations` follower has not taken yet: articles whose quotations or speakers changed. */
  private readonly quotationFollowers = new Set<{ all: boolean; uris: Set<string> }>();

  /**
   * `only`: the articles taken into account (default every article of the index). `tuning`: the background
   * warm-up's thresholds (see `HUB_COST`, `PAIRS_PER_STEP`, `ARTICLES_PER_STEP`), for tests.
   */
  constructor(private readonly index: CorpusIndex, private readonly only?: ReadonlySet<string>, tuning: WarmTuning = {}) {
    this.hubCost = tuning.hubCost ?? HUB_COST;
    this.pairsPerStep = tuning.pairsPerStep ?? PAIRS_PER_STEP;
    this.articlesPerStep = tuning.articlesPerStep ?? ARTICLES_PER_STEP;
    this.rankKeep = tuning.rankKeep ?? RANK_KEEP;
    this.linker = new EntityLinker(index.registry);
    this.subscription = index.onDidChange((event) => {
      this.forgetAnswers();
      if (event.relinked) this.rebuild = true;
      for (const uri of event.changed) this.dirty.add(uri);
      for (const uri of event.removed) this.dirty.add(uri);
      for (const { from, to } of event.renamed) {
        this.dirty.add(from);
        this.dirty.add(to);
      }
      // a store in use keeps up with changes in the background, large ones (a branch switch, the first
      // indexing) a slice at a time, so that the next card seldom pays for catching up with an edit itself
      if (this.inUse) this.catchUp();
    });
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.catchingUp);
    clearTimeout(this.warming);
    this.warming = undefined;
    this.catchingUp = undefined;
    for (const resolve of this.idleWaiters.splice(0)) resolve();
    this.subscription.dispose();
    if (stores.get(this.index) === this) stores.delete(this.index);
  }

  // ---------------------------------------------------------------- queries

  /**
   * True when the store can answer at once (at most `pending` articles to catch up with). Otherwise it
   * catches up in the background, a slice of articles per turn of the event loop, and says false: a hover
   * card leaves its analysis entries out rather than keep the editor waiting.
   */
  ready(pending = READY_PENDING): boolean {
    this.inUse = true;
    if (!this.rebuild && this.dirty.size <= pending) return true;
    this.catchUp();
    return false;
  }

  private catchingUp: ReturnType<typeof setTimeout> | undefined;
  /** Set by the first query: from then on, large changes are caught up with in the background. */
  private inUse = false;

  private catchUp(): void {
    if (this.catchingUp !== undefined) return;
    if (this.rebuild) {
      this.rebuild = false;
      this.reset();
      this.dirty.clear();
      for (const uri of this.index.uris()) if (!this.only || this.only.has(uri)) this.dirty.add(uri);
    }
    this.catchingUp = setTimeout(() => {
      this.catchingUp = undefined;
      this.logStamp++;
      let n = 0;
      for (const uri of this.dirty) {
        if (n++ >= CATCH_UP_SLICE) break;
        this.dirty.delete(uri);
        this.remove(uri);
        if (this.index.has(uri) && (!this.only || this.only.has(uri))) this.add(uri);
      }
      this.settleForgotten();
      if (this.dirty.size > 0 || this.rebuild) this.catchUp();
      else this.scheduleWarm();
    }, 0);
  }

  /** True when the store holds the article. */
  has(uri: string): boolean {
    this.sync();
    return this.numByUri.has(uri);
  }

  /** The entity of an index key now (undefined when it is no entity of the store's articles). */
  entity(key: EntityKey): ResolvedEntity | undefined {
    this.sync();
    return this.entityOf(key);
  }

  /** True when the entity answers to `wanted` (a normalized name): its canonical, an alias, a person's surname. */
  answersTo(key: EntityKey, wanted: string): boolean {
    let forms = this.formsMemo.get(key);
    if (!forms) {
      const info = this.index.entityInfo(key);
      const name = info?.canonical ?? this.index.displayName(key);
      forms = new Set([normalizeName(name)]);
      for (const alias of info?.aliases ?? []) forms.add(normalizeName(alias));
      const surname = (info?.type ?? key.slice(0, key.indexOf(':'))) === 'PERSON' ? surnameOf(normalizeName(name)) : undefined;
      if (surname) forms.add(surname);
      this.formsMemo.set(key, forms);
    }
    return forms.has(wanted);
  }

  /** The quotations of one article, in text order, speakers resolved to their entities. */
  quotes(uri: string): LedgerQuote[] {
    this.sync();
    const state = this.stateOf(uri);
    return state ? this.quotesOf(state) : [];
  }

  /** Every article's quotations (of `uris`, default all), in article order. */
  allQuotes(uris?: Iterable<string>): LedgerQuote[] {
    this.sync();
    const out: LedgerQuote[] = [];
    for (const state of this.statesOf(uris)) for (const q of this.quotesOf(state)) out.push(q);
    return out;
  }

  /**
   * The quotations of an entity (its speaker resolves to it), newest article first (by publication date,
   * then file), each article's in text order: the first `limit`, and how many there are in all.
   */
  quotesBy(key: EntityKey, limit = Infinity): { total: number; quotes: LedgerQuote[] } {
    this.sync();
    const target = this.entityOf(key);
    if (!target) return { total: 0, quotes: [] };
    let found = this.quotesMemo.get(target.key);
    if (!found) {
      const steps = this.countQuotes(target);
      let step = steps.next();
      while (!step.done) step = steps.next();
      found = step.value;
    }
    return { total: found.length, quotes: found.slice(0, limit).map((f) => this.quoteAt(f.state, f.at, this.index.textOf(f.state.uri) ?? '')) };
  }

  /**
   * Readies what a hover card shows of an entity — its partners (`neighbours`, `neighbourCount`) or its
   * quotations (`quotesBy`) — spending at most about `budgetMs` on it now. True when the answer is at hand:
   * a list kept from before, or one counted within the budget; false when counting it takes longer (an
   * entity named in thousands of articles): the count goes on in the background, where the lists of such
   * entities are counted anyway once the store has caught up (`warm`), and the card leaves the entry out
   * this time rather than keep the editor waiting. Whatever the path, the lists are the ones `neighbours`
   * and `quotesBy` count from scratch.
   */
  prepare(key: EntityKey, what: 'partners' | 'quotes', budgetMs: number): boolean {
    this.sync();
    const target = this.entityOf(key);
    if (!target) return true;
    if ((what === 'partners' ? this.sharedMemo : this.quotesMemo).has(target.key)) return true;
    const id = `${what}\u0000${target.key}`;
    let job = this.jobs.get(id);
    if (!job || job.generation !== this.generation) {
      job = this.newJob(what, target);
      this.jobs.set(id, job);
    }
    if (this.runJob(job, performance.now() + budgetMs)) return true;
    this.requested.push(id);
    this.scheduleWarm();
    return false;
  }

  /**
   * Resolves once the store has nothing left to do in the background: it has caught up with the index and
   * counted the lists of the entities named most (see `warm`). For tests and benchmarks.
   */
  idle(): Promise<void> {
    this.inUse = true;
    const done = new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    if (this.rebuild || this.dirty.size > 0) this.catchUp();
    else this.scheduleWarm();
    return done;
  }

  /** What the background warm-up has done: slices run, the longest (ms), lists counted, partners in the lists. For benchmarks. */
  readonly warmStats = { slices: 0, longestMs: 0, lists: 0, partners: 0 };
  /**
   * How the partners a card lists were ranked: from a kept ranking adjusted for the partners changed since
   * (`kept`, of which `adjusted` had some), or every partner ranked (`ranked`). For tests and benchmarks.
   */
  readonly rankStats = { kept: 0, adjusted: 0, ranked: 0 };

  /**
   * Follows which articles' quotations change: `take()` brings the store up to date and says which articles'
   * quotations (or the entities their speakers resolve to) changed since the last `take()` — `all` after a
   * rebuild (a registry change) and at the first call. What a list of every quotation kept per article (the
   * Quotes view) reads again, instead of every article's.
   */
  trackQuotations(): { take(): { all: boolean; uris: ReadonlySet<string> }; dispose(): void } {
    let pending = { all: true, uris: new Set<string>() };
    this.quotationFollowers.add(pending);
    return {
      take: () => {
        this.sync();
        const taken = pending;
        this.quotationFollowers.delete(taken);
        pending = { all: false, uris: new Set() };
        this.quotationFollowers.add(pending);
        return taken;
      },
      dispose: () => {
        this.quotationFollowers.delete(pending);
      },
    };
  }

  /** Tells the followers of quotations that an article's quotations changed (`all`: every article's). */
  private quotationsChanged(uri: string | undefined): void {
    for (const f of this.quotationFollowers) {
      if (uri === undefined) f.all = true;
      else if (!f.all) f.uris.add(uri);
    }
  }

  /** The dates of one article, in text order. */
  timeline(uri: string, metadataFor?: (uri: string) => ArticleMetadata | undefined): TimelineEntry[] {
    this.sync();
    const state = this.stateOf(uri);
    return state ? this.timelineOf(state, metadataFor) : [];
  }

  /** The timeline of the articles (default all) in date order; `filter` keeps the dates whose entities it accepts. */
  allDates(uris?: Iterable<string>, filter?: (keys: readonly string[]) => boolean,
    metadataFor?: (uri: string) => ArticleMetadata | undefined): TimelineEntry[] {
    this.sync();
    const out: TimelineEntry[] = [];
    for (const state of this.statesOf(uris)) {
      for (const e of this.timelineOf(state, metadataFor)) if (!filter || filter(e.entityKeys)) out.push(e);
    }
    return out.sort(compareEntries);
  }

  /** Entities named together in paragraphs, ranked by NPMI; kept until the index changes. */
  connections(options: ConnectionOptions = {}): ConnectionGraph {
    this.sync();
    const signature = JSON.stringify([options.minCount, options.entity, options.types]);
    if (this.graphMemo?.options === signature) return this.graphMemo.graph;
    const graph = this.buildGraph(options);
    this.graphMemo = { options: signature, graph };
    return graph;
  }

  /** How many connections of the entity share at least `minCount` paragraphs (what `neighbours` lists without a limit). */
  neighbourCount(key: EntityKey, minCount = 2): number {
    this.sync();
    const target = this.entityOf(key);
    if (!target) return 0;
    return this.sharedListOf(target).atLeast[Math.max(1, minCount)] ?? 0;
  }

  /**
   * The connections of one entity sharing at least `minCount` paragraphs, strongest first, the first
   * `limit` with their article counts: what its hover card lists. Reads only the entity's own pair counts.
   */
  neighbours(key: EntityKey, minCount = 2, limit = Infinity): Neighbour[] {
    this.sync();
    const target = this.entityOf(key);
    if (!target) return [];
    const memoKey = `${minCount}\u0000${limit}\u0000${target.key}`;
    const known = this.neighbourMemo.get(memoKey);
    if (known) return known;
    const ranked = this.rankedPartners(target, Math.max(1, minCount), limit);
    const out: Neighbour[] = ranked.map(({ item: shared, paragraphs, strength }) => {
      const { entity } = shared;
      const partner = this.entities.get(entity.key) ?? entity;
      // an article naming both (the card links to it), found once and kept up to date per article (`shiftShared`)
      if (shared.first === undefined && shared.articles !== 0) shared.first = this.sharedArticles(target, partner, false).first;
      const sharedArticle = shared.first !== undefined ? this.articles[shared.first]?.uri ?? '' : '';
      const count = (all: boolean) => this.sharedArticles(target, partner, all);
      return {
        entity: { key: entity.key, name: entity.name, type: entity.type }, paragraphs, strength, sharedArticle,
        // counted when first read (a card shows the paragraphs only), then kept up to date per article
        get articles(): number {
          shared.articles ??= count(true).articles;
          return shared.articles;
        },
      };
    });
    this.neighbourMemo.set(memoKey, out);
    return out;
  }

  /**
   * The articles naming both entities (`articles`, when `all`; else only one is looked for) and one of them
   * (`first`), read through their keys' article sets without making their unions: an entity named everywhere
   * is named in thousands of articles.
   */
  private sharedArticles(x: Entity, y: Entity, all: boolean): { articles: number; first: number | undefined } {
    const size = (e: Entity) => e.members.reduce((n, m) => n + (this.keyArticles[m]?.size ?? 0), 0);
    const [small, large] = size(x) <= size(y) ? [x, y] : [y, x];
    const sets = large.members.map((m) => this.keyArticles[m]).filter((set): set is Set<number> => set !== undefined);
    const seen = small.members.length > 1 ? new Set<number>() : undefined;
    let articles = 0;
    let first: number | undefined;
    for (const m of small.members) {
      for (const a of this.keyArticles[m] ?? []) {
        if (seen) {
          if (seen.has(a)) continue;
          seen.add(a);
        }
        if (!sets.some((set) => set.has(a))) continue;
        articles++;
        first ??= a;
        if (!all) return { articles, first };
      }
    }
    return { articles, first };
  }

  /**
   * The target's partners sharing at least `least` paragraphs, the first `limit` in rank order (strength,
   * then paragraphs, name, key). A card's few come from a ranking kept with the partner list: while the
   * paragraph totals it was made at hold, a change re-ranks only the partners whose counts it changed (those
   * of the changed articles' names); otherwise, or when too few are left known to come first, every partner
   * is ranked again.
   */
  private rankedPartners(target: Entity, least: number, limit: number) {
    const kept = this.sharedListOf(target);
    const own = this.entityParagraphs(target);
    const total = this.paragraphTotal;
    const describe: Describe<Shared> = (shared, into) => {
      if (shared.paragraphs < least) return false;
      into.strength = npmi(shared.paragraphs, own, this.entityParagraphs(shared.entity), total);
      into.paragraphs = shared.paragraphs;
      into.name = shared.entity.name;
      into.key = shared.entity.key;
      return true;
    };
    if (limit > this.rankKeep) {
      this.rankStats.ranked++;
      return TopRanking.of(kept.list, describe, limit).first(limit);
    }
    let rank = kept.ranks?.get(least);
    // (a ranking left for longer than its partners would take to rank again is made again)
    const logged = this.changedBase + this.changedIds.length - (rank?.logAt ?? 0);
    if (rank && rank.total === total && rank.own === own && rank.logAt >= this.changedBase && logged <= kept.list.length) {
      this.collectDirty(kept, rank);
      const changed = rank.dirty.size > 0;
      const fits = rank.ranking.update(rank.dirty, describe, limit);
      rank.dirty.clear();
      if (fits) {
        this.rankStats.kept++;
        if (changed) this.rankStats.adjusted++;
        return rank.ranking.first(limit);
      }
    }
    this.rankStats.ranked++;
    rank = { ranking: TopRanking.of(kept.list, describe, this.rankKeep), total, own, logAt: this.changedBase + this.changedIds.length, dirty: new Set() };
    (kept.ranks ??= new Map()).set(least, rank);
    return rank.ranking.first(limit);
  }

  /** Marks the partners whose paragraph counts the changes logged since the ranking may have changed. */
  private collectDirty(kept: SharedList, rank: PartnerRanking): void {
    const { changedIds, holders } = this;
    for (let i = rank.logAt - this.changedBase; i < changedIds.length; i++) {
      const held = holders[changedIds[i]];
      if (held === undefined) continue;
      if (typeof held === 'string') {
        const shared = kept.byKey.get(held);
        if (shared) rank.dirty.add(shared);
      } else {
        for (const key of held) {
          const shared = kept.byKey.get(key);
          if (shared) rank.dirty.add(shared);
        }
      }
    }
    rank.logAt = this.changedBase + changedIds.length;
  }

  /** Notes that the name key `id` is a member of the entity `key` (see `holders`). */
  private hold(id: number, key: EntityKey): void {
    const held = this.holders[id];
    if (held === undefined) this.holders[id] = key;
    else if (typeof held === 'string') {
      if (held !== key) this.holders[id] = [held, key];
    } else if (!held.includes(key)) held.push(key);
  }

  /** Moves a kept partner's shared paragraphs by one, keeping `atLeast` and the rankings' changed partners. */
  private shiftPartner(kept: SharedList, entry: Shared, sign: 1 | -1): void {
    const { atLeast } = kept;
    if (sign > 0) {
      const n = ++entry.paragraphs;
      while (atLeast.length <= n) atLeast.push(0);
      atLeast[n]++;
    } else {
      atLeast[entry.paragraphs--]--;
    }
    if (kept.ranks) for (const rank of kept.ranks.values()) rank.dirty.add(entry);
  }

  /**
   * The entities sharing paragraphs with the target, with the number shared: kept across index changes
   * until a change touches the target's keys or those of one of its partners (`invalidate`).
   */
  private sharedListOf(target: Entity): SharedList {
    const cached = this.sharedMemo.get(target.key);
    if (cached) return cached;
    const steps = this.countPartners(target, false);
    let step = steps.next();
    while (!step.done) step = steps.next();
    return step.value;
  }

  /**
   * Counts the target's partners from the pair table and keeps the list (`sharedMemo`), in steps: it yields
   * every few thousand pairs or few dozen articles read, so that the background warm-up (`warmSlice`) can
   * spread an entity named everywhere over several turns of the event loop. Only valid while the store does
   * not change (`generation`): a caller resuming it after a change must start again. `own`: counts in arrays
   * of its own rather than the shared scratch ones (a count that may be suspended).
   */
  private *countPartners(target: Entity, own: boolean): Generator<void, SharedList> {
    for (const m of target.members) this.resolve(m); // so that a change to any of them drops this entry
    // counted in arrays indexed by entity number: thousands of partners for an entity named everywhere
    let size = Math.max(1024, this.entityNumbers.size * 2);
    if (!own && this.scratch.length < this.entityNumbers.size) {
      this.scratch = new Int32Array(size);
      this.scratchKeys = new Int32Array(size);
    }
    let scratch = own ? new Int32Array(size) : this.scratch;
    let scratchKeys = own ? new Int32Array(size) : this.scratchKeys;
    const touched: Entity[] = [];
    let doubled = false;
    let visited = 0;
    for (const m of target.members) {
      const partners = this.pairs.partnersOf(m);
      for (let i = 0; i < partners.length; i += 2) {
        // every pair read counts towards a step: most partner keys of a name found everywhere are no entity
        if (own && ++visited % this.pairsPerStep === 0) yield;
        const e = this.resolve(partners[i]);
        if (!e) continue;
        if (e.num === target.num) {
          doubled = true;
          continue;
        }
        if (e.num >= size) {
          // an entity numbered since the arrays were made (resolved for the first time here)
          size = e.num * 2;
          const grown = new Int32Array(size);
          const grownKeys = new Int32Array(size);
          grown.set(scratch);
          grownKeys.set(scratchKeys);
          scratch = grown;
          scratchKeys = grownKeys;
          if (!own) {
            this.scratch = scratch;
            this.scratchKeys = scratchKeys;
          }
        }
        if (scratchKeys[e.num] === 0) touched.push(e);
        scratch[e.num] += partners[i + 1];
        scratchKeys[e.num]++;
      }
    }
    const shared = new Map<EntityKey, { entity: Entity; paragraphs: number; keys: number }>();
    const list: Shared[] = [];
    const twice: Entity[] = [];
    for (const e of touched) {
      const entry = { entity: e, paragraphs: scratch[e.num], keys: scratchKeys[e.num] };
      scratch[e.num] = 0;
      scratchKeys[e.num] = 0;
      shared.set(e.key, entry);
      list.push(entry);
      // A paragraph naming one side through two of its keys counted twice: read the paragraphs (rare).
      if (entry.keys > 1 && this.hasDoubles(e)) twice.push(e);
      if (own && list.length % (this.pairsPerStep * 4) === 0) yield;
    }
    if (doubled) twice.push(target);
    if (twice.length) yield* this.correctTarget(target, twice, shared);
    const atLeast = [0];
    for (const { paragraphs } of list) {
      while (atLeast.length <= paragraphs) atLeast.push(0);
      atLeast[paragraphs]++;
    }
    for (let n = atLeast.length - 2; n >= 1; n--) atLeast[n] += atLeast[n + 1];
    atLeast[0] = 0;
    const kept: SharedList = { list, byKey: shared, atLeast };
    this.sharedMemo.set(target.key, kept);
    return kept;
  }

  /** Where the target's quotations are, newest first, counted and kept (`quotesMemo`), in steps (see `countPartners`). */
  private *countQuotes(target: Entity): Generator<void, QuotedAt[]> {
    for (const m of target.members) this.resolve(m); // so that a change to any of them drops this entry
    const nums = new Set<number>();
    for (const id of target.members) for (const n of this.keyQuoted[id] ?? []) nums.add(n);
    const found: QuotedAt[] = [];
    let read = 0;
    for (const n of nums) {
      if (++read % this.articlesPerStep === 0) yield;
      const state = this.articles[n]!;
      const { quotes } = state.views;
      let published: string | undefined;
      for (let at = 0; at < quotes.length; at += QUOTE_STRIDE) {
        const mention = quotes[at + 4];
        if (mention < 0 || this.resolve(state.mentionKeys[mention])?.key !== target.key) continue;
        published ??= this.index.articleInfo(state.uri)?.published ?? '';
        found.push({ state, at, published });
      }
    }
    found.sort(compareQuoted);
    this.quotesMemo.set(target.key, found);
    return found;
  }

  // ---------------------------------------------------------------- background warm-up

  /** A count in steps (`countPartners`, `countQuotes`), valid while the store stays at `generation`. */
  private newJob(what: 'partners' | 'quotes', target: Entity): Job {
    return { generation: this.generation, steps: what === 'partners' ? this.countPartners(target, true) : this.countQuotes(target) };
  }

  /** Runs a job until it is done (true) or the clock passes `deadline` (false). */
  private runJob(job: Job, deadline: number): boolean {
    for (;;) {
      if (job.steps.next().done) {
        for (const [id, j] of this.jobs) if (j === job) this.jobs.delete(id);
        this.warmStats.lists++;
        return true;
      }
      if (performance.now() >= deadline) return false;
    }
  }

  /** Schedules a slice of background counting when there is something to count (else tells `idle` waiters). */
  private scheduleWarm(): void {
    if (this.warming !== undefined || this.disposed || !this.inUse) return;
    if (this.warmedAt === this.generation && this.requested.length === 0 && this.hubQueue.length === 0 &&
      this.resolveCursor >= this.keyStrings.length) {
      this.settleIdle();
      return;
    }
    this.warming = setTimeout(() => this.warmSlice(), 0);
  }

  /**
   * One background slice of counting, at most `WARM_SLICE_MS` (a single step past it at most): first the
   * lists cards asked for and could not wait for, then those of the entities whose lists cost most to count
   * (pairs read plus articles read again, at least `HUB_COST`), so that the first hover on an entity named
   * everywhere finds its list kept. Waits while the store has articles to catch up with; starts a job again
   * when the store changed since it began.
   */
  private warmSlice(): void {
    this.warming = undefined;
    if (this.disposed) return;
    if (this.rebuild || this.dirty.size > READY_PENDING || this.catchingUp !== undefined) {
      this.catchUp(); // which calls again when it is done
      return;
    }
    const started = performance.now();
    const deadline = started + WARM_SLICE_MS;
    this.sync();
    for (const [id, job] of this.jobs) if (job.generation !== this.generation) this.jobs.delete(id);
    if (this.warmedAt !== this.generation) {
      this.warmedAt = this.generation;
      this.resolveCursor = 0;
      this.queueHubs();
    }
    // Every name key resolved first, a few at a time: resolving a key for the first time looks at those
    // related to it by a short form too (thousands, for some), which a count's step must not do at once.
    while (this.resolveCursor < this.keyStrings.length && performance.now() < deadline) {
      for (let n = 0; n < 16 && this.resolveCursor < this.keyStrings.length; n++) this.resolve(this.resolveCursor++);
    }
    while (this.resolveCursor >= this.keyStrings.length && performance.now() < deadline) {
      const id = this.requested.shift() ?? this.hubQueue.shift();
      if (id === undefined) break;
      const [what, key] = id.split('\u0000') as ['partners' | 'quotes', string];
      // a queued hub is a name key ('#' and its id), a requested list an entity key
      const target = key.startsWith('#') ? this.resolve(Number(key.slice(1))) : this.entities.get(key) ?? this.entityOf(key);
      if (!target || (what === 'quotes' && target.type !== 'PERSON' && target.type !== 'ORG')) continue;
      if ((what === 'partners' ? this.sharedMemo : this.quotesMemo).has(target.key)) {
        if (what === 'partners') this.rankForCard(target);
        continue;
      }
      const jobId = `${what}\u0000${target.key}`; // the id `prepare` gives it
      let job = this.jobs.get(jobId);
      if (!job) this.jobs.set(jobId, (job = this.newJob(what, target)));
      if (!this.runJob(job, deadline)) {
        this.requested.unshift(jobId); // resumed first in the next slice
        break;
      }
      if (what === 'partners') {
        this.warmStats.partners += this.sharedMemo.get(target.key)?.list.length ?? 0;
        this.rankForCard(target);
      }
    }
    const took = performance.now() - started;
    this.warmStats.slices++;
    if (took > this.warmStats.longestMs) this.warmStats.longestMs = took;
    if (this.requested.length > 0 || this.hubQueue.length > 0 || this.resolveCursor < this.keyStrings.length) {
      this.scheduleWarm();
      return;
    }
    this.jobs.clear();
    this.settleIdle();
  }

  /**
   * Ranks a counted list's partners as a card does (at least two shared paragraphs, the default of
   * `neighbours`) and counts the shared articles of those it lists, so that the card finds both at hand; a
   * ranking kept since an earlier change is only adjusted (`rankedPartners`).
   */
  private rankForCard(target: Entity): void {
    if (this.rankKeep > 0) this.neighbours(target.key, 2, Math.min(CARD_PARTNERS, this.rankKeep));
  }

  /**
   * The name keys whose lists cost at least `HUB_COST` to count, costliest first: their entities are
   * resolved when their turn comes (a key whose entity's list is kept by then is passed over).
   */
  private queueHubs(): void {
    const costs: [string, number][] = [];
    for (let id = 0; id < this.keyStrings.length; id++) {
      const pairCost = this.pairs.partnerSlots(id) + (this.keyArticles[id]?.size ?? 0);
      const quoteCost = (this.keyQuoted[id]?.size ?? 0) * QUOTE_COST;
      if (pairCost >= this.hubCost) costs.push([`partners\u0000#${id}`, pairCost]);
      if (quoteCost >= this.hubCost) costs.push([`quotes\u0000#${id}`, quoteCost]);
    }
    this.hubQueue = costs.sort((a, b) => b[1] - a[1]).map(([id]) => id);
  }

  private settleIdle(): void {
    if (this.catchingUp !== undefined || this.warming !== undefined || this.rebuild || this.dirty.size > 0) return;
    const waiters = this.idleWaiters.splice(0);
    for (const resolve of waiters) resolve();
  }

  /** The number of an entity key, kept for the store's life (the scratch arrays of `countPartners` are indexed by it). */
  private numberOf(key: EntityKey): number {
    let n = this.entityNumbers.get(key);
    if (n === undefined) this.entityNumbers.set(key, (n = this.entityNumbers.size));
    return n;
  }

  // ---------------------------------------------------------------- per-article results

  private quotesOf(state: ArticleState): LedgerQuote[] {
    const { quotes } = state.views;
    if (quotes.length === 0) return [];
    const text = this.index.textOf(state.uri) ?? '';
    const out: LedgerQuote[] = [];
    for (let at = 0; at < quotes.length; at += QUOTE_STRIDE) out.push(this.quoteAt(state, at, text));
    return out;
  }

  private quoteAt(state: ArticleState, at: number, text: string): LedgerQuote {
    const { quotes } = state.views;
    const start = quotes[at];
    const end = quotes[at + 1];
    const cueStart = quotes[at + 2];
    const mention = quotes[at + 4];
    const speaker = mention >= 0 ? this.resolve(state.mentionKeys[mention]) : null;
    const record: LedgerQuote = {
      file: state.uri, start, end, text: text.slice(start, end),
      speaker: speaker ? speaker.name : null, speakerType: speaker ? speaker.type : null,
      cueStart: cueStart >= 0 ? cueStart : null, cueEnd: cueStart >= 0 ? quotes[at + 3] : null,
      attribution: ATTRIBUTIONS[quotes[at + 5]] ?? 'none',
    };
    if (speaker) record.speakerKey = speaker.key;
    return record;
  }

  private timelineOf(state: ArticleState, metadataFor?: (uri: string) => ArticleMetadata | undefined): TimelineEntry[] {
    const raw = (state.dates ??= this.rawDates(state));
    if (raw.length === 0) return [];
    const source = articleSource(this.index, state.uri, metadataFor?.(state.uri));
    const out: TimelineEntry[] = [];
    for (const d of raw) {
      const entities: string[] = [];
      const entityKeys: string[] = [];
      for (let m = d.firstMention; m < d.endMention; m++) {
        const e = this.resolve(state.mentionKeys[m]);
        if (!e || entityKeys.includes(e.key)) continue;
        entityKeys.push(e.key);
        entities.push(e.name);
      }
      const entry: TimelineEntry = {
        date: d.date, precision: d.precision, file: state.uri, start: d.start, end: d.end, text: d.text,
        sentence: d.sentence, entities, entityKeys, from: d.from, to: d.to,
        publication: d.precision === 'day' && source.published === d.from, headline: source.headline,
      };
      if (source.published) entry.published = source.published;
      if (source.outlet) entry.outlet = source.outlet;
      out.push(entry);
    }
    return out;
  }

  private rawDates(state: ArticleState): RawDate[] {
    const { dates, dateValues, dateSentences } = state.views;
    const text = this.index.textOf(state.uri) ?? '';
    const out: RawDate[] = [];
    for (let at = 0, k = 0; at < dates.length; at += DATE_STRIDE, k++) {
      const value = dateValues[k];
      let period = this.periods.get(value);
      if (period === undefined) this.periods.set(value, (period = periodOf(value) ?? null));
      if (!period) continue;
      // cache entries of analyses without the collapsed sentences (`undefined`) collapse here
      const sentence = dateSentences?.[k] ?? (dateSentences ? text.slice(dates[at + 2], dates[at + 3]) : collapseSpace(text.slice(dates[at + 2], dates[at + 3])));
      out.push({
        date: value, precision: period.precision, from: period.from, to: period.to,
        start: dates[at], end: dates[at + 1], text: text.slice(dates[at], dates[at + 1]), sentence,
        firstMention: dates[at + 4], endMention: dates[at + 5],
      });
    }
    return out;
  }

  // ---------------------------------------------------------------- connections

  /** Paragraphs naming the entity: its keys' paragraphs, less those naming two of its keys at once. */
  private entityParagraphs(entity: Entity): number {
    const { members } = entity;
    if (members.length === 1) return this.keyParagraphs[members[0]] ?? 0;
    let n = 0;
    for (const id of members) n += this.keyParagraphs[id] ?? 0;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) n -= this.pairs.get(members[i], members[j]);
    }
    return n;
  }

  /** True when a paragraph names the entity through two of its keys. */
  private hasDoubles(entity: Entity): boolean {
    const { members } = entity;
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) if (this.pairs.get(members[i], members[j]) > 0) return true;
    }
    return false;
  }

  /** The articles naming the entity (the union of its keys'). */
  private articlesOf(entity: Entity): ReadonlySet<number> {
    const { members } = entity;
    if (members.length === 1) return this.keyArticles[members[0]] ?? new Set();
    const union = new Set<number>();
    for (const id of members) for (const a of this.keyArticles[id] ?? []) union.add(a);
    return union;
  }

  /**
   * Summed over keys, a paragraph naming the target or a partner through two of its keys counts the pair
   * twice (or more): the articles where two keys of such an entity meet the target are read again, and in
   * each such paragraph the surplus is taken off.
   */
  private *correctTarget(target: Entity, twice: readonly Entity[], shared: Map<EntityKey, { entity: Entity; paragraphs: number; keys: number }>): Generator<void, void> {
    const targetArticles = this.articlesOf(target);
    const nums = new Set<number>();
    for (const e of twice) {
      const { members } = e;
      for (let i = 0; i < members.length; i++) {
        for (let j = i + 1; j < members.length; j++) {
          if (this.pairs.get(members[i], members[j]) === 0) continue;
          const a = this.keyArticles[members[i]] ?? new Set<number>();
          const b = this.keyArticles[members[j]] ?? new Set<number>();
          const [small, large] = a.size <= b.size ? [a, b] : [b, a];
          let seen = 0;
          for (const n of small) {
            if (large.has(n) && targetArticles.has(n)) nums.add(n);
            if (++seen % (this.articlesPerStep * 128) === 0) yield;
          }
        }
      }
    }
    yield;
    const isMember = new Set(target.members);
    const multiplicity = new Map<EntityKey, number>();
    let read = 0;
    for (const n of nums) {
      if (++read % this.articlesPerStep === 0) yield;
      const keys = this.articles[n]!.paragraphKeys;
      for (let at = 0; at < keys.length;) {
        const from = at + 1;
        at = from + keys[at];
        let mine = 0;
        for (let i = from; i < at; i++) if (isMember.has(keys[i])) mine++;
        if (mine === 0) continue;
        multiplicity.clear();
        for (let i = from; i < at; i++) {
          const e = this.resolve(keys[i]);
          if (e && e.key !== target.key) multiplicity.set(e.key, (multiplicity.get(e.key) ?? 0) + 1);
        }
        for (const [key, theirs] of multiplicity) {
          const surplus = mine * theirs - 1;
          if (surplus > 0) shared.get(key)!.paragraphs -= surplus;
        }
      }
    }
  }

  private buildGraph(options: ConnectionOptions): ConnectionGraph {
    const minCount = Math.max(1, options.minCount ?? 2);
    const types = options.types ? new Set<string>(options.types) : undefined;
    // every live key to its entity, numbered densely
    const entityNum = new Int32Array(this.keyStrings.length).fill(-1);
    const byNum: Entity[] = [];
    const numOf = new Map<EntityKey, number>();
    const membersByNum: number[][] = [];
    for (let id = 0; id < this.keyStrings.length; id++) {
      if (!this.keyParagraphs[id]) continue;
      const e = this.resolve(id);
      if (!e || (types && !types.has(e.type))) continue;
      let n = numOf.get(e.key);
      if (n === undefined) {
        numOf.set(e.key, (n = byNum.length));
        byNum.push(e);
        membersByNum.push([]);
      }
      entityNum[id] = n;
      membersByNum[n].push(id);
    }
    const paragraphsOf = new Float64Array(byNum.length);
    for (let n = 0; n < byNum.length; n++) for (const id of membersByNum[n]) paragraphsOf[n] += this.keyParagraphs[id];
    // Key pairs are entity pairs, except where an entity has several keys: those are merged (few).
    const merged = new Map<number, number>();
    const direct: [number, number, number][] = [];
    const doubled = new Set<number>();
    this.pairs.forEachPair((a, b, count) => {
      const x = entityNum[a];
      const y = entityNum[b];
      if (x < 0 || y < 0) return;
      if (x === y) {
        // paragraphs naming two keys of one entity: counted once, and corrected below
        paragraphsOf[x] -= count;
        doubled.add(x);
      } else if (membersByNum[x].length === 1 && membersByNum[y].length === 1) {
        if (count >= minCount) direct.push([x, y, count]);
      } else {
        const id = pairId(x, y);
        merged.set(id, (merged.get(id) ?? 0) + count);
      }
    });
    if (doubled.size) this.correctDoubles(doubled, membersByNum, entityNum, merged);
    for (const [id, count] of merged) if (count >= minCount) direct.push([Math.floor(id / PAIR_BASE), id % PAIR_BASE, count]);

    const wanted = options.entity !== undefined ? normalizeName(options.entity) : undefined;
    // Each entity's articles as a sorted array (two small ones intersect by a merge), and a bit set for an
    // entity named in many articles (two of those intersect by words, a small one is looked up in it).
    const lists: (Int32Array | undefined)[] = new Array(byNum.length);
    const articlesOf = (n: number): Int32Array => {
      let list = lists[n];
      if (!list) {
        const members = membersByNum[n];
        if (members.length === 1) list = Int32Array.from(this.keyArticles[members[0]] ?? []);
        else {
          const union = new Set<number>();
          for (const id of members) for (const a of this.keyArticles[id] ?? []) union.add(a);
          list = Int32Array.from(union);
        }
        lists[n] = list.sort();
      }
      return list;
    };
    const words = (this.articles.length >> 5) + 1;
    const bitSets: (Uint32Array | null | undefined)[] = new Array(byNum.length);
    const bitsOf = (n: number): Uint32Array | null => {
      let bits = bitSets[n];
      if (bits === undefined) {
        const list = articlesOf(n);
        bits = list.length < BIT_SET_MIN ? null : new Uint32Array(words);
        if (bits) for (const a of list) bits[a >> 5] |= 1 << (a & 31);
        bitSets[n] = bits;
      }
      return bits;
    };
    const sharedArticles = (x: number, y: number): number => {
      const [small, large] = articlesOf(x).length <= articlesOf(y).length ? [x, y] : [y, x];
      const largeBits = bitsOf(large);
      const few = articlesOf(small);
      let shared = 0;
      if (largeBits) {
        const smallBits = bitsOf(small);
        if (smallBits) for (let w = 0; w < words; w++) shared += popCount(smallBits[w] & largeBits[w]);
        else for (let i = 0; i < few.length; i++) if (largeBits[few[i] >> 5] & (1 << (few[i] & 31))) shared++;
      } else {
        const many = articlesOf(large);
        for (let i = 0, j = 0; i < few.length && j < many.length;) {
          if (few[i] < many[j]) i++;
          else if (few[i] > many[j]) j++;
          else {
            shared++;
            i++;
            j++;
          }
        }
      }
      return shared;
    };
    const found: Connection[] = [];
    const nameRank = new Map<string, number>();
    for (const [i, name] of [...new Set(byNum.map((e) => e.name))].sort().entries()) nameRank.set(name, i);
    // the sort keys, in arrays of numbers: strength, paragraphs and articles (the higher first), then the names' ranks
    const strengths: number[] = [];
    const counts: number[] = [];
    const ranks: number[] = [];
    for (const [first, second, count] of direct) {
      let x = first;
      let y = second;
      if (wanted !== undefined && !this.answersTo(byNum[x].key, wanted) && !this.answersTo(byNum[y].key, wanted)) continue;
      const articles = sharedArticles(x, y);
      const ex = byNum[x];
      const ey = byNum[y];
      if (ey.name < ex.name || (ey.name === ex.name && ey.key < ex.key)) [x, y] = [y, x];
      const strength = npmi(count, paragraphsOf[x], paragraphsOf[y], this.paragraphTotal);
      found.push({ a: byNum[x].name, b: byNum[y].name, articles, paragraphs: count, strength, aKey: byNum[x].key, bKey: byNum[y].key });
      strengths.push(strength);
      counts.push(count, articles);
      ranks.push(nameRank.get(byNum[x].name)!, nameRank.get(byNum[y].name)!);
    }
    // strongest first, then more paragraphs, more articles, then by the names (a sort on numbers, stable)
    const order = found.map((_, i) => i).sort((i, j) => strengths[j] - strengths[i] || counts[2 * j] - counts[2 * i] ||
      counts[2 * j + 1] - counts[2 * i + 1] || ranks[2 * i] - ranks[2 * j] || ranks[2 * i + 1] - ranks[2 * j + 1]);
    const connections = order.map((i) => found[i]);
    // nodes in the order of their strongest connection, whatever order the counts were kept in
    const nodes = new Map<string, EntityNode>();
    for (const c of connections) {
      for (const key of [c.aKey, c.bKey]) {
        if (nodes.has(key)) continue;
        const n = numOf.get(key)!;
        nodes.set(key, { key, name: byNum[n].name, type: byNum[n].type, articles: articlesOf(n).length, paragraphs: paragraphsOf[n] });
      }
    }
    return { connections, nodes, paragraphCount: this.paragraphTotal, articleCount: this.articleTotal };
  }

  /**
   * A paragraph naming an entity through two of its keys ("Mark Rutte" and a "Rutte" of another
   * spelling) added each of its pairs once per key: those paragraphs are read again and the surplus taken off.
   */
  private correctDoubles(doubled: ReadonlySet<number>, membersByNum: number[][], entityNum: Int32Array, together: Map<number, number>): void {
    const nums = new Set<number>();
    for (const n of doubled) for (const id of membersByNum[n]) for (const a of this.keyArticles[id] ?? []) nums.add(a);
    const multiplicity = new Map<number, number>();
    for (const a of nums) {
      const keys = this.articles[a]!.paragraphKeys;
      for (let at = 0; at < keys.length;) {
        const from = at + 1;
        at = from + keys[at];
        multiplicity.clear();
        let repeated = false;
        for (let i = from; i < at; i++) {
          const n = entityNum[keys[i]];
          if (n < 0) continue;
          const m = (multiplicity.get(n) ?? 0) + 1;
          multiplicity.set(n, m);
          if (m > 1) repeated = true;
        }
        if (!repeated) continue;
        const present = [...multiplicity];
        for (let i = 0; i < present.length; i++) {
          for (let j = i + 1; j < present.length; j++) {
            const surplus = present[i][1] * present[j][1] - 1;
            if (surplus === 0) continue;
            const id = pairId(present[i][0], present[j][0]);
            together.set(id, together.get(id)! - surplus);
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- identity

  /** The entity of a name key now; null when the name is no entity (ignored, or a headline's common word). */
  private resolve(id: number): Entity | null {
    if (id < 0) return null;
    const known = this.resolved[id];
    if (known !== undefined) return known;
    const [type, surface, canonical] = this.keyNames[id];
    const decided = this.index.nameTypeOf(type, surface, canonical ?? undefined);
    let entity: Entity | null = null;
    if (decided) {
      const group = this.index.entityGroup(this.keyStrings[id]);
      const key = group[0];
      entity = this.entities.get(key) ?? null;
      if (!entity) {
        this.entities.set(key, (entity = { key, name: this.index.displayName(key), type: decided, members: this.membersOf(key, group, id), num: this.numberOf(key) }));
        for (const m of entity.members) this.hold(m, key);
      } else if (!entity.members.includes(id)) {
        // a key the index puts under the entity that neither its group nor a short form relates to it: it
        // joins, and what was counted without it is counted again
        entity.members.push(id);
        this.hold(id, entity.key);
        this.changedIds.push(id); // its paragraphs changed, in every ranking that lists it
        this.sharedMemo.delete(entity.key);
        this.quotesMemo.delete(entity.key);
        this.forgetAnswers();
        this.generation++;
      }
    }
    this.resolved[id] = entity;
    return entity;
  }

  /**
   * The name keys of a new entity: those of its group, and those related to them by a short form that the
   * index puts under it although its group does not list them (a surname alone, once the registry names the
   * full name), so that the members do not depend on which key is asked for first.
   */
  private membersOf(key: EntityKey, group: readonly EntityKey[], id: number): number[] {
    const members: number[] = [];
    for (const exposed of group) {
      const member = this.keyIdOf.get(this.internalOf(exposed));
      if (member !== undefined && !members.includes(member)) members.push(member);
    }
    if (!members.includes(id)) members.push(id);
    const inGroup = members.length;
    for (let i = 0; i < inGroup; i++) {
      for (const tag of tagsOf(this.keyStrings[members[i]])) {
        // the short form itself (a surname or an acronym alone), not the other full names sharing it
        for (const related of this.shortKeys.get(tag) ?? []) {
          if (members.includes(related)) continue;
          const [type, surface, canonical] = this.keyNames[related];
          if (this.index.nameTypeOf(type, surface, canonical ?? undefined) && this.index.entityGroup(this.keyStrings[related])[0] === key) members.push(related);
        }
      }
    }
    return members;
  }

  /** The entity of an index key, through the keys of its group. */
  private entityOf(key: EntityKey): Entity | undefined {
    const known = this.entities.get(key);
    if (known) return known;
    for (const exposed of this.index.entityGroup(key)) {
      const e = this.resolve(this.keyIdOf.get(this.internalOf(exposed)) ?? -1);
      if (e) return e;
    }
    return undefined;
  }

  /** The linker's key behind an index key: a registry entity's as it is, any other name without its type. */
  private internalOf(exposed: EntityKey): string {
    if (exposed.startsWith(UNTYPED_PREFIX) || this.linker.registryEntity(exposed)) return exposed;
    return UNTYPED_PREFIX + exposed.slice(exposed.indexOf(':') + 1);
  }

  /**
   * Forgets the resolutions an article's change may have changed: those of its keys, and of every key
   * sharing a short form with one of them (a surname joins a full name only while that full name is the
   * only one with it; the type of a one-word name follows its full name's), with their entities.
   */
  private invalidate(state: ArticleState): void {
    if (this.resolved.length === 0) return; // nothing resolved yet (the first build)
    const seen = new Set<number>();
    const forget = (id: number) => {
      if (seen.has(id)) return;
      seen.add(id);
      const e = this.resolved[id];
      if (!this.forgotten.has(id)) this.forgotten.set(id, e ?? null);
      if (e) {
        this.entities.delete(e.key);
        // its partner list and quotations are kept: the article's are taken out and put in (`shiftShared`, `shiftQuotes`)
      }
      this.resolved[id] = undefined;
    };
    for (const id of state.mentionKeys) if (id >= 0) forget(id);
    for (const id of state.mentionKeys) {
      if (id < 0) continue;
      const name = this.keyStrings[id].slice(this.keyStrings[id].indexOf(':') + 1);
      for (const tag of tagsOf(this.keyStrings[id])) {
        // names related through a short form decide together only where that short form is a name itself
        if (tag !== name && !this.keyIdOf.has(UNTYPED_PREFIX + tag)) continue;
        for (const related of this.byTag.get(tag) ?? []) forget(related);
      }
    }
  }

  /**
   * Resolves again the keys a change made the store forget. Where the answer differs (another entity, a
   * new name, type or group), the partner lists that named the old entity are dropped too.
   */
  private settleForgotten(): void {
    // every key resolved again first, so that the partners below are found under their present entities
    for (const id of this.forgotten.keys()) this.resolve(id);
    for (const [id, before] of this.forgotten) {
      const now = this.resolve(id);
      if (before === now || (before && now && before.key === now.key && before.name === now.name && before.type === now.type &&
        before.members.length === now.members.length && before.members.every((m, i) => now.members[i] === m))) continue;
      for (const e of [before, now]) {
        if (!e) continue;
        this.sharedMemo.delete(e.key);
        this.quotesMemo.delete(e.key);
      }
      // the quotations it speaks, in articles the change did not touch, have another speaker now
      for (const n of this.keyQuoted[id] ?? []) {
        const article = this.articles[n];
        if (article) this.quotationsChanged(article.uri);
      }
      this.pairs.forEachPartner(id, (other) => {
        const partner = this.resolved[other];
        if (partner) this.sharedMemo.delete(partner.key);
      });
    }
    this.forgotten.clear();
  }

  private forgetAnswers(): void {
    this.formsMemo.clear();
    this.neighbourMemo.clear();
    this.graphMemo = undefined;
  }

  // ---------------------------------------------------------------- keeping up with the index

  private sync(): void {
    this.inUse = true;
    if (this.rebuild) {
      this.rebuild = false;
      this.dirty.clear();
      this.reset();
      // every article read first, then counted: the pair table is made as large as the paragraphs
      // suggest at once, instead of growing (and placing every pair again) a dozen times on the way
      const states: ArticleState[] = [];
      let paragraphPairs = 0;
      for (const uri of this.index.uris()) {
        if (this.only && !this.only.has(uri)) continue;
        const state = this.stateFor(uri);
        if (!state) continue;
        states.push(state);
        paragraphPairs += pairsIn(state.paragraphKeys);
      }
      this.pairs.reserve(Math.min(MAX_RESERVED_PAIRS, Math.ceil(paragraphPairs * DISTINCT_PAIRS)));
      for (const state of states) this.admit(state);
      this.scheduleWarm();
      return;
    }
    if (this.dirty.size === 0) return;
    this.logStamp++;
    for (const uri of this.dirty) {
      this.remove(uri);
      if (this.index.has(uri) && (!this.only || this.only.has(uri))) this.add(uri);
    }
    this.dirty.clear();
    this.settleForgotten();
    this.scheduleWarm(); // the lists the change dropped, counted again in the background
  }

  private reset(): void {
    this.generation++;
    this.linker = new EntityLinker(this.index.registry);
    this.keyMemo = new Map();
    this.articles.length = 0;
    this.numByUri.clear();
    this.freeNums.length = 0;
    this.keyIdOf.clear();
    this.keyStrings.length = 0;
    this.keyNames.length = 0;
    this.keyParagraphs.length = 0;
    this.loggedAt.length = 0;
    this.countedIn.length = 0;
    this.keyArticles.length = 0;
    this.keyQuoted.length = 0;
    this.pairs.clear();
    this.byTag.clear();
    this.shortKeys.clear();
    this.paragraphTotal = 0;
    this.articleTotal = 0;
    this.resolved = [];
    this.entities.clear();
    this.sharedMemo.clear();
    this.quotesMemo.clear();
    this.forgotten.clear();
    this.changedBase += this.changedIds.length;
    this.changedIds.length = 0;
    this.holders.length = 0;
    this.forgetAnswers();
    this.quotationsChanged(undefined);
  }

  private stateOf(uri: string): ArticleState | undefined {
    const num = this.numByUri.get(uri);
    return num === undefined ? undefined : this.articles[num];
  }

  private *statesOf(uris: Iterable<string> | undefined): Generator<ArticleState> {
    if (uris === undefined) {
      for (const state of this.articles) if (state) yield state;
      return;
    }
    for (const uri of uris) {
      const state = this.stateOf(uri);
      if (state) yield state;
    }
  }

  private keyId(type: NameType, surface: string, canonical: string | null): number {
    let byCanonical = this.keyMemo.get(type);
    if (!byCanonical) this.keyMemo.set(type, (byCanonical = new Map()));
    let bySurface = byCanonical.get(canonical ?? '');
    if (!bySurface) byCanonical.set(canonical ?? '', (bySurface = new Map()));
    const known = bySurface.get(surface);
    if (known !== undefined) return known;
    const key = this.linker.keyFor(type, surface, canonical ?? undefined);
    let id = key === undefined ? -1 : this.keyIdOf.get(key);
    if (id === undefined && key !== undefined) {
      id = this.keyStrings.length;
      this.keyIdOf.set(key, id);
      this.keyStrings.push(key);
      this.keyNames.push([type, surface, canonical]);
      this.keyParagraphs.push(0);
      this.loggedAt.push(-1);
      this.countedIn.push(-1);
      this.keyArticles.push(undefined);
      this.keyQuoted.push(undefined);
      for (const tag of tagsOf(key)) {
        const list = this.byTag.get(tag);
        if (list) list.push(id);
        else this.byTag.set(tag, [id]);
        if (key.endsWith(`:${tag}`)) {
          const short = this.shortKeys.get(tag);
          if (short) short.push(id);
          else this.shortKeys.set(tag, [id]);
        }
      }
    }
    bySurface.set(surface, id!);
    return id!;
  }

  private add(uri: string): void {
    const state = this.stateFor(uri);
    if (state) this.admit(state);
  }

  /** An article's state, its keys numbered and its number taken (`admit` counts it). */
  private stateFor(uri: string): ArticleState | undefined {
    const text = this.index.textOf(uri);
    if (text === undefined) return undefined;
    const views = this.index.viewsOf(uri) ?? articleViewsOf(text, this.index.analysedSpansOf(uri));
    const num = this.freeNums.pop() ?? this.articles.length;
    const nameKeys = views.names.map(([type, surface, canonical]) => this.keyId(type, surface, canonical));
    const mentionKeys = new Int32Array(views.mentions.length / MENTION_STRIDE);
    for (let m = 0; m < mentionKeys.length; m++) mentionKeys[m] = nameKeys[views.mentions[m * MENTION_STRIDE + 2]];
    const flat: number[] = [];
    const ids: number[] = [];
    for (let at = 0; at < views.paragraphs.length; at += PARAGRAPH_STRIDE) {
      ids.length = 0;
      for (let m = views.paragraphs[at + 2]; m < views.paragraphs[at + 3]; m++) {
        const id = mentionKeys[m];
        if (id < 0 || ids.includes(id)) continue;
        // in order as they come (a paragraph names a handful of keys): no comparator to call
        let i = ids.length;
        ids.push(id);
        while (i > 0 && ids[i - 1] > id) {
          ids[i] = ids[i - 1];
          i--;
        }
        ids[i] = id;
      }
      flat.push(ids.length);
      for (const id of ids) flat.push(id);
    }
    const state: ArticleState = {
      uri, num, views, mentionKeys, paragraphKeys: Int32Array.from(flat), paragraphCount: views.paragraphs.length / PARAGRAPH_STRIDE,
    };
    this.articles[num] = state;
    this.numByUri.set(uri, num);
    return state;
  }

  private admit(state: ArticleState): void {
    const { uri, views } = state;
    this.generation++;
    this.count(state, 1);
    this.shiftShared(state, 1);
    this.shiftQuotes(state, 1);
    this.invalidate(state);
    if (views.quotes.length > 0) this.quotationsChanged(uri);
  }

  private remove(uri: string): void {
    const num = this.numByUri.get(uri);
    if (num === undefined) return;
    const state = this.articles[num]!;
    this.generation++;
    this.shiftShared(state, -1); // with the entities the kept lists were counted with
    this.shiftQuotes(state, -1);
    this.invalidate(state); // before its pairs are taken back, so that its partners are found
    this.count(state, -1);
    this.articles[num] = undefined;
    this.numByUri.delete(uri);
    this.freeNums.push(num);
    if (state.views.quotes.length > 0) this.quotationsChanged(uri);
  }

  /**
   * Adds (1) or takes back (-1) an article's paragraphs in the kept partner lists: in each paragraph, every
   * kept entity gains or loses one shared paragraph with every other entity named there (once, however many
   * of its keys name it). Entities are those the lists were counted with: a key's resolution before the
   * change. A list meeting a key never resolved (a new name: its entity is decided only when the change is
   * settled) is dropped, to be counted again when asked; so is one that would lose a partner it lacks.
   */
  private shiftShared(state: ArticleState, sign: 1 | -1): void {
    if (this.sharedMemo.size === 0) return;
    const keys = state.paragraphKeys;
    // the article's entities: its partners' shared articles change with it
    const named: Entity[] = [];
    let unknownHere = false;
    for (let at = 0; at < keys.length;) {
      const from = at + 1;
      at = from + keys[at];
      for (let i = from; i < at; i++) {
        const e = this.priorEntity(keys[i]);
        if (e === undefined) unknownHere = true;
        else if (e && !named.some((x) => x.key === e.key)) named.push(e);
      }
    }
    const here: Entity[] = [];
    for (let at = 0; at < keys.length;) {
      const from = at + 1;
      at = from + keys[at];
      here.length = 0;
      let unknown = false;
      for (let i = from; i < at; i++) {
        const e = this.priorEntity(keys[i]);
        if (e === undefined) unknown = true;
        else if (e && !here.some((x) => x.key === e.key)) here.push(e);
      }
      for (const target of here) {
        const kept = this.sharedMemo.get(target.key);
        if (!kept) continue;
        if (unknown) {
          this.sharedMemo.delete(target.key);
          continue;
        }
        for (const partner of here) {
          if (partner.key === target.key) continue;
          const entry = kept.byKey.get(partner.key);
          if (entry && (sign > 0 || entry.paragraphs > 0)) this.shiftPartner(kept, entry, sign);
          else if (sign > 0) {
            const added = { entity: partner, paragraphs: 0, keys: 1 };
            kept.byKey.set(partner.key, added);
            kept.list.push(added);
            this.shiftPartner(kept, added, 1);
          } else {
            this.sharedMemo.delete(target.key);
            break;
          }
        }
      }
    }
    for (const target of named) {
      const kept = this.sharedMemo.get(target.key);
      if (!kept) continue;
      if (unknownHere) {
        this.sharedMemo.delete(target.key);
        continue;
      }
      for (const partner of named) {
        const entry = partner.key === target.key ? undefined : kept.byKey.get(partner.key);
        if (!entry) continue;
        // the article names both: one more or one fewer shared, and the link goes to it (or to another, found when listed)
        if (sign < 0 && entry.first === state.num) entry.first = undefined;
        if (entry.articles === undefined) continue;
        entry.articles += sign;
        if (sign > 0) entry.first ??= state.num;
      }
    }
  }

  /** A key's entity as the kept lists know it: before the change being caught up with (undefined: never resolved). */
  private priorEntity(id: number): Entity | null | undefined {
    const known = this.resolved[id];
    return known !== undefined ? known : this.forgotten.has(id) ? this.forgotten.get(id)! : undefined;
  }

  /**
   * Takes an article's quotations out of (-1) or puts them into (1) the kept quotation lists of their
   * speakers, as resolved before the change (a speaker never resolved yet is settled with the change).
   */
  private shiftQuotes(state: ArticleState, sign: 1 | -1): void {
    if (this.quotesMemo.size === 0) return;
    const { quotes } = state.views;
    let published: string | undefined;
    for (let at = 0; at < quotes.length; at += QUOTE_STRIDE) {
      const mention = quotes[at + 4];
      const id = mention >= 0 ? state.mentionKeys[mention] : -1;
      if (id < 0) continue;
      const known = this.resolved[id];
      const e = known !== undefined ? known : this.forgotten.get(id);
      const found = e ? this.quotesMemo.get(e.key) : undefined;
      if (!found) continue;
      if (sign < 0) {
        const i = found.findIndex((f) => f.state === state && f.at === at);
        if (i >= 0) found.splice(i, 1);
        else this.quotesMemo.delete(e!.key);
        continue;
      }
      published ??= this.index.articleInfo(state.uri)?.published ?? '';
      const entry = { state, at, published };
      let i = found.length;
      while (i > 0 && compareQuoted(found[i - 1], entry) > 0) i--;
      found.splice(i, 0, entry);
    }
  }

  /** Adds (1) or takes back (-1) an article's paragraphs, pairs and quoted speakers. */
  private count(state: ArticleState, sign: 1 | -1): void {
    const { paragraphKeys: keys, num } = state;
    const stamp = ++this.countStamp;
    this.paragraphTotal += sign * state.paragraphCount;
    this.articleTotal += sign;
    for (let at = 0; at < keys.length;) {
      const from = at + 1;
      at = from + keys[at];
      for (let i = from; i < at; i++) {
        const a = keys[i];
        if (this.loggedAt[a] !== this.logStamp) {
          this.loggedAt[a] = this.logStamp;
          this.changedIds.push(a);
        }
        this.keyParagraphs[a] += sign;
        if (this.countedIn[a] !== stamp) {
          this.countedIn[a] = stamp;
          if (sign > 0) (this.keyArticles[a] ??= new Set()).add(num);
          else this.keyArticles[a]?.delete(num);
        }
        for (let j = i + 1; j < at; j++) this.pairs.add(a, keys[j], sign);
      }
    }
    if (this.changedIds.length > CHANGE_LOG) {
      const dropped = this.changedIds.length - CHANGE_LOG / 2;
      this.changedIds.splice(0, dropped);
      this.changedBase += dropped;
    }
    const { quotes } = state.views;
    for (let at = 0; at < quotes.length; at += QUOTE_STRIDE) {
      const mention = quotes[at + 4];
      const id = mention >= 0 ? state.mentionKeys[mention] : -1;
      if (id < 0) continue;
      if (sign > 0) (this.keyQuoted[id] ??= new Set()).add(num);
      else this.keyQuoted[id]?.delete(num);
    }
  }
}

/**
 * The share of an article's paragraph pairs (two keys named in one paragraph) expected to be new to the
 * workspace, for sizing the pair table before counting: most pairs recur across paragraphs and articles
 * (0.28 over the 10,000 synthetic articles of the benchmark). Fewer reserved only means growing later.
 */
const DISTINCT_PAIRS = 0.25;
/** At most this many pairs reserved at once (about 100 MB of table). */
const MAX_RESERVED_PAIRS = 1 << 22;

/** The pairs of keys named in one paragraph, over the paragraphs of `paragraphKeys` (see `ArticleState`). */
function pairsIn(paragraphKeys: Int32Array): number {
  let pairs = 0;
  for (let at = 0; at < paragraphKeys.length; at += paragraphKeys[at] + 1) pairs += (paragraphKeys[at] * (paragraphKeys[at] - 1)) / 2;
  return pairs;
}

/** The short forms a name key relates to others by: a full name's surname and initials, a one-word name itself. */
function tagsOf(key: string): string[] {
  const name = key.slice(key.indexOf(':') + 1);
  if (!name.includes(' ')) return [name];
  const tags: string[] = [];
  const surname = surnameOf(name);
  if (surname) tags.push(surname);
  const initials = initialsOf(name);
  if (initials) tags.push(initials);
  return tags;
}

function popCount(word: number): number {
  let v = word - ((word >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

/** Normalized pointwise mutual information over paragraphs, rounded to 4 decimals. */
export function npmi(together: number, a: number, b: number, total: number): number {
  const all = Math.max(1, total);
  const pab = together / all;
  if (pab >= 1) return 1;
  const value = Math.log(pab / ((a / all) * (b / all))) / -Math.log(pab);
  return Math.round(value * 10000) / 10000;
}

/** Newest article first (by publication date), then by file, each article's quotations in text order. */
function compareQuoted(a: { state: ArticleState; at: number; published: string }, b: { state: ArticleState; at: number; published: string }): number {
  return (a.published < b.published ? 1 : a.published > b.published ? -1 : 0) ||
    (a.state.uri < b.state.uri ? -1 : a.state.uri > b.state.uri ? 1 : a.at - b.at);
}
