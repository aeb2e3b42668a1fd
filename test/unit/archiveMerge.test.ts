import { strict as assert } from 'node:assert';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { extract } from '../../src/core/extract';
import { askArchive, entityWithArchive } from '../../src/core/archive/askArchive';
import { archiveSection } from '../../src/core/hover/archiveSection';
import { workspaceCopies } from '../../src/core/archive/sameArticle';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import type { CorpusStore, EntityQuery, Page, PageRequest, StoreStats, EntityRow, MentionHit, EntitySummary } from '../../src/core/index/corpusStore';
import { InMemoryStore } from '../../src/core/index/memoryStore';

/** An archive whose every query waits `delayMs` (or forever) before answering from `inner`; it may ignore its signal. */
class SlowStore implements CorpusStore {
  readonly origin = 'archive' as const;
  readonly signals: AbortSignal[] = [];
  constructor(private readonly inner: CorpusStore | undefined, private readonly delayMs: number, private readonly honoursSignal: boolean) {}

  private wait<T>(signal: AbortSignal | undefined, answer: () => Promise<T>): Promise<T> {
    if (signal) this.signals.push(signal);
    return new Promise<T>((resolve, reject) => {
      const timer = Number.isFinite(this.delayMs) ? setTimeout(() => resolve(answer()), this.delayMs) : undefined;
      if (this.honoursSignal) signal?.addEventListener('abort', () => {
        clearTimeout(timer);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      }, { once: true });
    });
  }

  entity(query: EntityQuery & { top?: number }): Promise<EntitySummary | undefined> {
    return this.wait(query.signal, () => this.inner!.entity({ ...query, signal: undefined }));
  }
  references(query: EntityQuery, page: PageRequest): Promise<Page<MentionHit>> {
    return this.wait(page.signal, () => this.inner!.references(query, { ...page, signal: undefined }));
  }
  entities(page: PageRequest): Promise<Page<EntityRow>> {
    return this.wait(page.signal, () => this.inner!.entities({ ...page, signal: undefined }));
  }
  stats(signal?: AbortSignal): Promise<StoreStats> {
    return this.wait(signal, () => this.inner!.stats());
  }
  async close(): Promise<void> {}
}

/** An archive whose server is down: every query fails as a refused connection does. */
class DownStore implements CorpusStore {
  readonly origin = 'archive' as const;
  private fail(): Promise<never> {
    const err = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    return Promise.reject(err);
  }
  entity(): Promise<never> { return this.fail(); }
  references(): Promise<never> { return this.fail(); }
  entities(): Promise<never> { return this.fail(); }
  stats(): Promise<never> { return this.fail(); }
  async close(): Promise<void> {}
}

async function storeOf(articles: Record<string, string>, prefix: string): Promise<InMemoryStore> {
  const nameDetector = await loadDefaultNameDetector();
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector }) });
  await index.indexAll(Object.entries(articles).map(([name, text]) => ({ uri: `${prefix}${name}`, text })));
  return new InMemoryStore(index);
}

describe('the team archive beside the workspace', function () {
  this.timeout(30_000);
  let workspace: InMemoryStore;
  let archive: InMemoryStore;
  const query = { name: 'Helena Varga', type: 'PERSON' as const };

  before(async () => {
    workspace = await storeOf({
      'harbour.txt': 'Harbour plan approved\n\nMayor Helena Varga met the board of Nordwind Shipping in Tallinn.',
    }, 'file:///workspace/');
    archive = await storeOf({
      'harbour.txt': 'Harbour plan approved\n\nMayor Helena Varga met the board of Nordwind Shipping in Tallinn.',
      'old-budget.txt': 'Budget of 2019\n\nHelena Varga voted against the budget. Helena Varga said it was too small.',
      'election.txt': 'Election night\n\nHelena Varga won the vote in Tallinn.',
    }, '/archive/');
  });

  it('shows the archive\'s matches, its articles outside the workspace first, with a link to page through all', async () => {
    const merged = await entityWithArchive(workspace, archive, query, { timeoutMs: 5000 });
    assert.equal(merged.workspace?.mentions, 1);
    assert.equal(merged.archive?.status, 'ok');
    const markdown = archiveSection(merged.archive!, { ...query, inWorkspace: (hit) => hit.file === '/archive/harbour.txt' });
    console.log(`      ${markdown.split('\n').join('\n      ')}`);
    assert.match(markdown, /^\*\*Team archive\*\* · 4 mentions in 3 articles$/mu);
    assert.match(markdown, /\[Budget of 2019\]\(command:sourceAnnotator\.archive\.openResult\?.*· 2 mentions _\(archive\)_$/mu);
    assert.match(markdown, /\[Election night\].*· 1 mention _\(archive\)_$/mu);
    assert.doesNotMatch(markdown, /Harbour plan/u, 'an article of the workspace is listed again');
    assert.match(markdown, /^\[All 4 archive mentions…\]\(command:sourceAnnotator\.archive\.showResults\?%5B%22Helena%20Varga%22%2C%22PERSON%22%5D /mu);
  });

  it('says the archive has no matches when it does not know the name', async () => {
    const merged = await entityWithArchive(workspace, archive, { name: 'Nordwind Shipping' }, { timeoutMs: 5000 });
    assert.equal(merged.workspace?.canonical, 'Nordwind Shipping');
    const none = await entityWithArchive(workspace, archive, { name: 'Jonas Berg' }, { timeoutMs: 5000 });
    assert.deepEqual(none.archive, { status: 'ok', value: undefined, ms: (none.archive as { ms: number }).ms });
    assert.equal(archiveSection(none.archive!, { name: 'Jonas Berg', type: 'PERSON' }), '**Team archive** · _no matches in the archive._');
  });

  it('gives the workspace results and "unavailable" with the reason when the server is down', async () => {
    const merged = await entityWithArchive(workspace, new DownStore(), query, { timeoutMs: 5000 });
    assert.equal(merged.workspace?.canonical, 'Helena Varga');
    assert.equal(merged.archive?.status, 'unavailable');
    const markdown = archiveSection(merged.archive!, query);
    assert.match(markdown, /^\*\*Team archive\*\* · _unavailable: the server refused the connection \\\(is PostgreSQL running there\?\\\)\._/u);
    assert.match(markdown, /The workspace results above are complete/u);
    assert.match(markdown, /\[Retry\]\(command:sourceAnnotator\.archive\.retry/u);
  });

  for (const honoursSignal of [true, false]) {
    it(`stops waiting for a slow archive at the timeout (a store that ${honoursSignal ? 'honours' : 'ignores'} its signal)`, async () => {
      const slow = new SlowStore(archive, Infinity, honoursSignal);
      const started = Date.now();
      const merged = await entityWithArchive(workspace, slow, query, { timeoutMs: 200 });
      const elapsed = Date.now() - started;
      assert.equal(merged.workspace?.mentions, 1);
      assert.deepEqual(merged.archive, { status: 'timeout', timeoutMs: 200 });
      assert.ok(elapsed >= 195 && elapsed < 3000, `settled after ${elapsed} ms`);
      assert.equal(slow.signals.length, 1);
      assert.ok(slow.signals[0].aborted, 'the store was not told to stop');
      assert.match(archiveSection(merged.archive!, query), /_unavailable: no answer within 200 ms\._/u);
    });
  }

  it('takes a slow answer that comes within the timeout', async () => {
    const merged = await entityWithArchive(workspace, new SlowStore(archive, 50, true), query, { timeoutMs: 5000 });
    assert.equal(merged.archive?.status, 'ok');
    assert.equal((merged.archive as { value: EntitySummary }).value.articles, 3);
  });

  it('stops at once, and shows nothing, when the hover closes', async () => {
    const slow = new SlowStore(archive, Infinity, false);
    const controller = new AbortController();
    const pending = askArchive((signal) => slow.entity({ ...query, signal }), { timeoutMs: 60_000, signal: controller.signal });
    await new Promise((resolve) => setImmediate(resolve));
    controller.abort();
    const outcome = await pending;
    assert.deepEqual(outcome, { status: 'cancelled' });
    assert.ok(slow.signals[0].aborted);
    assert.equal(archiveSection(outcome, query), '');
    controller.abort();
    assert.deepEqual(await askArchive(() => Promise.resolve(1), { timeoutMs: 1000, signal: controller.signal }), { status: 'cancelled' });
  });

  it('asks no archive when none is configured', async () => {
    const merged = await entityWithArchive(workspace, undefined, query, { timeoutMs: 1 });
    assert.equal(merged.archive, undefined);
    assert.equal(merged.workspace?.canonical, 'Helena Varga');
  });
});

describe('archive articles that are also in the workspace', () => {
  const same = workspaceCopies([
    { uri: 'file:///home/ana/news/Harbour%20plan.txt', headline: 'Harbour plan approved' },
    { uri: 'file:///home/ana/news/notes.txt', headline: 'Notes' },
  ]);

  it('are the same path, or the same file name with the same title', () => {
    assert.equal(same({ file: '/home/ana/news/Harbour plan.txt', title: 'anything' }), true);
    assert.equal(same({ file: 'file:///home/ana/news/notes.txt', title: 'anything' }), true);
    assert.equal(same({ file: '/srv/archive/2025/Harbour plan.txt', title: 'Harbour plan approved' }), true);
  });

  it('are not another article that shares a file name or a title', () => {
    assert.equal(same({ file: '/srv/archive/2025/Harbour plan.txt', title: 'Harbour plan rejected' }), false);
    assert.equal(same({ file: '/srv/archive/other.txt', title: 'Harbour plan approved' }), false);
  });
});
