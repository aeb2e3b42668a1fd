/**
 * What every `CorpusStore` must answer, whoever implements it: the workspace's in-memory store
 * (`memoryStore.test.ts`) and the archive on PostgreSQL run this same suite over the same articles.
 *
 *   describeCorpusStore('my store', async (articles) => ({ store, fileOf: (name) => pathOf(name) }));
 *
 * `makeStore` loads `articles` (analysed with the shipped name model, as the editor and `archive ingest`
 * analyse them) and returns the store with `fileOf`, the `file` the store reports for an article's name.
 * The store is built once for the suite and closed by its last test.
 */
import { strict as assert } from 'node:assert';
import type { CorpusStore, EntityRow, MentionHit } from '../../src/core/index/corpusStore';

export interface ContractArticle {
  /** A file name, e.g. `ferry.txt`. */
  name: string;
  text: string;
}

export interface ContractStore {
  store: CorpusStore;
  /** The `file` the store reports for the article called `name`. */
  fileOf(name: string): string;
  /** Removes what `makeStore` created (a database, a folder); called after `close`. */
  cleanup?(): Promise<void>;
}

const PROFILE = [
  'Profile of the mayor',
  '',
  'Helena Varga grew up in a fishing village near the coast.',
  'As a young engineer, Helena Varga designed two of the city bridges.',
  'Colleagues say Helena Varga reads every report herself.',
  'In 2019 Helena Varga was elected to the council for the first time.',
  'Four years later Helena Varga became the first engineer to lead the city.',
].join('\n');

/** Four articles: Helena Varga in all of them (most in the profile), Tallinn in three, Nordwind Shipping in two. */
export const CONTRACT_ARTICLES: readonly ContractArticle[] = [
  {
    name: 'harbour.txt',
    text: 'Harbour plan approved\n\nMayor Helena Varga said on Monday that the Port Authority would start work in May. ' +
      'Helena Varga met the board of Nordwind Shipping in Tallinn.',
  },
  {
    name: 'ferry.txt',
    text: 'Ferry strike ends\n\nNordwind Shipping and the Baltic Seafarers Union signed a deal in Tallinn on 3 March 2025. ' +
      'Mayor Helena Varga welcomed it.',
  },
  {
    name: 'budget.txt',
    text: 'Budget vote\n\nThe city council of Tallinn voted on the budget. Councillor Jonas Berg opposed it; Helena Varga did not attend.',
  },
  { name: 'profile.txt', text: PROFILE },
];

function occurrences(text: string, name: string): number[] {
  const out: number[] = [];
  for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push(at);
  return out;
}

const textOf = (name: string): string => CONTRACT_ARTICLES.find((a) => a.name === name)!.text;
const VARGA = 'Helena Varga';
const VARGA_MENTIONS = CONTRACT_ARTICLES.reduce((n, a) => n + occurrences(a.text, VARGA).length, 0);

async function rejects(promise: Promise<unknown>, what: string): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Error, `${what}: rejected with a non-Error ${String(err)}`);
    return err;
  }
  assert.fail(`${what}: answered instead of rejecting`);
}

export function describeCorpusStore(label: string, makeStore: (articles: readonly ContractArticle[]) => Promise<ContractStore>): void {
  describe(`CorpusStore contract: ${label}`, function () {
    this.timeout(120_000);
    let made: ContractStore;
    let store: CorpusStore;
    /** The article name of a store's `file`. */
    let nameOf: (file: string) => string;

    before(async () => {
      made = await makeStore(CONTRACT_ARTICLES);
      store = made.store;
      const names = new Map(CONTRACT_ARTICLES.map((a) => [made.fileOf(a.name), a.name]));
      nameOf = (file) => {
        const name = names.get(file);
        assert.ok(name, `the store reported a file it was not given: ${file}`);
        return name;
      };
    });

    after(async () => {
      await made?.store.close();
      await made?.cleanup?.();
    });

    it('says where its answers come from', () => {
      assert.ok(store.origin === 'workspace' || store.origin === 'archive', store.origin);
    });

    it('finds an entity by its name, in any case, with its counts and its top articles, most mentions first', async () => {
      for (const asked of [VARGA, 'helena varga', 'HELENA  VARGA']) {
        const summary = await store.entity({ name: asked, top: 3 });
        assert.ok(summary, `no entity for "${asked}"`);
        assert.equal(summary.canonical, VARGA);
        assert.equal(summary.type, 'PERSON');
        assert.equal(summary.articles, CONTRACT_ARTICLES.length);
        assert.equal(summary.mentions, VARGA_MENTIONS);
        assert.ok(summary.aliases.some((a) => a.text === VARGA && a.count === VARGA_MENTIONS), JSON.stringify(summary.aliases));
        assert.equal(summary.top.length, 3);
        assert.equal(nameOf(summary.top[0].file), 'profile.txt');
        assert.equal(summary.top[0].count, occurrences(PROFILE, VARGA).length);
        for (let i = 1; i < summary.top.length; i++) assert.ok(summary.top[i - 1].count >= summary.top[i].count);
        for (const hit of summary.top) {
          const text = textOf(nameOf(hit.file));
          assert.equal(text.slice(hit.start, hit.end), VARGA, `${hit.file} ${hit.start}-${hit.end}`);
          assert.ok(hit.snippet.includes(VARGA), hit.snippet);
          assert.equal(hit.title, text.split('\n')[0]);
          assert.equal(hit.count, occurrences(text, VARGA).length);
        }
      }
    });

    it('gives 5 top articles by default, and narrows by type', async () => {
      const tallinn = await store.entity({ name: 'Tallinn' });
      assert.equal(tallinn?.type, 'PLACE');
      assert.equal(tallinn?.articles, 3);
      assert.equal(tallinn?.top.length, 3);
      assert.equal((await store.entity({ name: VARGA }))?.top.length, 4);
      assert.equal((await store.entity({ name: VARGA, type: 'PERSON' }))?.canonical, VARGA);
      assert.equal(await store.entity({ name: VARGA, type: 'ORG' }), undefined);
      assert.equal((await store.entity({ name: 'Nordwind Shipping', type: 'ORG' }))?.articles, 2);
    });

    it('answers "not found" with undefined and empty pages, not with an error', async () => {
      assert.equal(await store.entity({ name: 'Nobody Anywhere' }), undefined);
      assert.equal(await store.entity({ name: '   ' }), undefined);
      assert.deepEqual(await store.references({ name: 'Nobody Anywhere' }, { limit: 10 }), { items: [], total: 0 });
      const none = await store.entities({ limit: 10, filter: 'zzzqqq' });
      assert.deepEqual(none, { items: [], total: 0 });
    });

    it('pages every mention exactly once, each article\'s mentions together and in text order', async () => {
      const seen: MentionHit[] = [];
      let offset: number | undefined = 0;
      let pages = 0;
      while (offset !== undefined) {
        const page = await store.references({ name: VARGA }, { offset, limit: 3 });
        assert.equal(page.total, VARGA_MENTIONS);
        assert.ok(page.items.length <= 3);
        seen.push(...page.items);
        offset = page.nextOffset;
        if (offset !== undefined) assert.equal(offset, seen.length);
        assert.ok(++pages <= VARGA_MENTIONS, 'paging does not end');
      }
      assert.equal(pages, Math.ceil(VARGA_MENTIONS / 3));
      assert.equal(seen.length, VARGA_MENTIONS);
      const keys = seen.map((m) => `${nameOf(m.file)}@${m.start}`);
      assert.equal(new Set(keys).size, keys.length, 'a mention came twice');
      const expected = CONTRACT_ARTICLES.flatMap((a) => occurrences(a.text, VARGA).map((at) => `${a.name}@${at}`));
      assert.deepEqual([...keys].sort(), [...expected].sort());
      const finished = new Set<string>();
      for (let i = 0; i < seen.length; i++) {
        const m = seen[i];
        const text = textOf(nameOf(m.file));
        assert.equal(m.text, VARGA);
        assert.equal(text.slice(m.start, m.end), VARGA);
        assert.ok(m.snippet.includes(VARGA), m.snippet);
        const previous = seen[i - 1];
        if (previous && previous.file === m.file) assert.ok(previous.start < m.start, 'mentions of an article out of order');
        else {
          if (previous) finished.add(previous.file);
          assert.ok(!finished.has(m.file), `the mentions of ${m.file} are not together`);
        }
      }
      // the same page twice is the same page
      const again = await store.references({ name: VARGA }, { offset: 3, limit: 3 });
      assert.deepEqual(again.items, seen.slice(3, 6));
    });

    it('lists entities most mentioned first, in pages, filtered by name or type', async () => {
      const all: EntityRow[] = [];
      let offset: number | undefined = 0;
      let total = -1;
      while (offset !== undefined) {
        const page = await store.entities({ offset, limit: 2 });
        total = page.total;
        all.push(...page.items);
        offset = page.nextOffset;
        assert.ok(all.length <= total);
      }
      assert.equal(all.length, total);
      for (let i = 1; i < all.length; i++) assert.ok(all[i - 1].mentions >= all[i].mentions, 'not most mentioned first');
      assert.deepEqual(all[0], { canonical: VARGA, type: 'PERSON', mentions: VARGA_MENTIONS, articles: CONTRACT_ARTICLES.length });
      for (const name of ['Tallinn', 'Nordwind Shipping']) assert.ok(all.some((r) => r.canonical === name), `${name} missing`);
      const places = await store.entities({ limit: 100, type: 'PLACE' });
      assert.ok(places.items.length > 0 && places.items.every((r) => r.type === 'PLACE'), JSON.stringify(places.items));
      assert.ok(places.items.some((r) => r.canonical === 'Tallinn'));
      const filtered = await store.entities({ limit: 100, filter: 'varg' });
      assert.deepEqual(filtered.items.map((r) => r.canonical), [VARGA]);
      assert.equal(filtered.total, 1);
    });

    it('counts articles, mentions and entities as its other answers do', async () => {
      const stats = await store.stats();
      assert.equal(stats.articles, CONTRACT_ARTICLES.length);
      const rows = await store.entities({ limit: 1000 });
      assert.equal(stats.entities, rows.total);
      assert.equal(stats.mentions, rows.items.reduce((n, r) => n + r.mentions, 0));
      if (stats.bytes !== undefined) assert.ok(stats.bytes > 0);
    });

    it('rejects a query whose signal is already aborted', async () => {
      const controller = new AbortController();
      controller.abort();
      const { signal } = controller;
      await rejects(store.entity({ name: VARGA, signal }), 'entity');
      await rejects(store.references({ name: VARGA }, { limit: 5, signal }), 'references');
      await rejects(store.entities({ limit: 5, signal }), 'entities');
      await rejects(store.stats(signal), 'stats');
      // and answers the next one
      assert.equal((await store.entity({ name: VARGA }))?.canonical, VARGA);
    });

    it('answers nothing once closed', async () => {
      await store.close();
      await rejects(store.entity({ name: VARGA }), 'entity after close');
      await rejects(store.stats(), 'stats after close');
      await store.close();
    });
  });
}
