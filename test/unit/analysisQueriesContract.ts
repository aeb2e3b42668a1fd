/**
 * What every `AnalysisQueries` must answer, whoever implements it: the workspace's analysis in memory
 * (`memoryAnalysisQueries.test.ts`) and the archive on PostgreSQL (`test/archive/analysisContract.test.ts`)
 * run this same suite over the same articles.
 *
 *   describeAnalysisQueries('my queries', async (articles) => ({ queries, fileOf: (name) => pathOf(name) }));
 *
 * `makeQueries` loads `articles` (analysed with the shipped name model, as the editor and `archive ingest`
 * analyse them) and returns the queries with `fileOf`, the `file` they report for an article's name. Besides
 * the properties every implementation must have, the suite checks the answers against `expected`, the
 * answers of the editor's own analysis over the same articles, so two implementations passing it agree.
 */
import { strict as assert } from 'node:assert';
import type { AnalysisQueries, ConnectionRow, QuoteRow, TimelineRow } from '../../src/core/index/analysisQueries';
import { PRECISION_ORDER } from '../../src/core/index/analysisQueries';
import type { Page } from '../../src/core/index/corpusStore';
import { periodOf } from '../../src/core/analysis/timeline/timex';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { buildConnections, connectionLine } from '../../src/core/analysis/connections/connections';
import { quoteLine } from '../../src/core/analysis/quotes/quoteLedger';
import { buildTimeline, timelineLine } from '../../src/core/analysis/timeline/timeline';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { extract } from '../../src/core/extract';
import { CorpusIndex } from '../../src/core/index/corpusIndex';

export interface AnalysisArticle {
  name: string;
  text: string;
}

export interface ContractQueries {
  queries: AnalysisQueries;
  fileOf(name: string): string;
  /** Removes what `makeQueries` created; called after `close`. */
  cleanup?(): Promise<void>;
}

/** Every row of each query as the editor's analysis answers it, with files as article names. */
export interface ExpectedAnswers {
  timeline: TimelineRow[];
  connections: ConnectionRow[];
  quotes: Map<string, QuoteRow[]>;
}

/**
 * Five articles of a harbour story: dated sentences (days, a month, a year, a quarter), entities named together
 * in several paragraphs (Helena Varga and Nordwind Shipping, Tallinn), quotations of two named speakers, in
 * articles published on different days and one undated. One article names the mayor by her surname alone
 * ("Varga"): the one person of that surname, so the same entity as "Helena Varga" in every answer.
 */
export const ANALYSIS_ARTICLES: readonly AnalysisArticle[] = [
  {
    name: 'harbour.txt',
    text: [
      'Harbour plan approved',
      'Published 2025-03-04',
      '',
      'Mayor Helena Varga said on 3 March 2025 that the Port Authority would start work in May 2025.',
      '',
      'Helena Varga met the board of Nordwind Shipping in Tallinn on Monday.',
      '',
      '"We will build the new quay before the winter," Helena Varga said.',
      '',
      'Nordwind Shipping and Helena Varga agreed to meet again in 2026.',
    ].join('\n'),
  },
  {
    name: 'ferry.txt',
    text: [
      'Ferry strike ends',
      'Published 2025-03-10',
      '',
      'Nordwind Shipping and the Baltic Seafarers Union signed a deal in Tallinn on 8 March 2025.',
      '',
      'Mayor Helena Varga welcomed it. "The ferries will run again tomorrow," Helena Varga said.',
      '',
      '"Our crews are back at sea," said Jonas Berg, the union\'s chairman.',
      '',
      'Jonas Berg and Nordwind Shipping will review the deal in the second quarter of 2025.',
    ].join('\n'),
  },
  {
    name: 'budget.txt',
    text: [
      'Budget vote',
      'Published 2025-02-20',
      '',
      'The city council of Tallinn voted on the budget on 19 February 2025.',
      '',
      'Councillor Jonas Berg opposed it. "This budget forgets the harbour," Jonas Berg said.',
      '',
      'Helena Varga did not attend; Helena Varga was in Riga.',
    ].join('\n'),
  },
  {
    name: 'profile.txt',
    text: [
      'Profile of the mayor',
      '',
      'Helena Varga grew up in a fishing village near Tallinn.',
      '',
      'In 2019 Helena Varga was elected to the council for the first time.',
      '',
      '"I still read every report myself," Helena Varga said.',
    ].join('\n'),
  },
  {
    name: 'shipping.txt',
    text: [
      'Nordwind Shipping orders ferries',
      'Published 2025-03-12',
      '',
      'Nordwind Shipping ordered two ferries from a yard in Riga in March 2025.',
      '',
      'Nordwind Shipping said the ferries would sail between Tallinn and Riga.',
      '',
      'Mayor Varga visited the yard in Riga on 14 March 2025 with Nordwind Shipping.',
      '',
      '"The yard can start in May," Varga said.',
    ].join('\n'),
  },
];

const uriOf = (name: string): string => `file:///workspace/${name}`;

/**
 * The answers of the CLIs' own functions over the fixture (`timeline`, `connections --min-count 1`, and the
 * quotations of `quotes` grouped by speaker, newest article first): what every implementation must give.
 */
export async function expectedAnswers(): Promise<ExpectedAnswers> {
  const nameDetector = await loadDefaultNameDetector();
  assert.ok(nameDetector, 'the shipped name model did not load');
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector }) });
  await index.indexAll(ANALYSIS_ARTICLES.map((a) => ({ uri: uriOf(a.name), text: a.text })));
  const name = (file: string) => file.slice(uriOf('').length);
  const uris = ANALYSIS_ARTICLES.map((a) => uriOf(a.name));
  const timeline = buildTimeline(index, uris).map((e) => ({ ...timelineLine(e), file: name(e.file) }) as unknown as TimelineRow);
  const connections = buildConnections(index, uris, { minCount: 1 }).connections.map((c) => connectionLine(c) as unknown as ConnectionRow);
  const store = AnalysisStore.of(index);
  const quotes = new Map<string, QuoteRow[]>();
  const published = (file: string) => index.articleInfo(file)?.published ?? '';
  for (const q of store.allQuotes()) {
    if (!q.speaker) continue;
    if (!quotes.has(q.speaker)) quotes.set(q.speaker, []);
    quotes.get(q.speaker)!.push({ ...quoteLine(q), file: q.file });
  }
  for (const [speaker, list] of quotes) {
    list.sort((p, q) => (published(q.file) < published(p.file) ? -1 : published(q.file) > published(p.file) ? 1 : 0) ||
      (p.file < q.file ? -1 : p.file > q.file ? 1 : p.start - q.start));
    quotes.set(speaker, list.map((q) => ({ ...q, file: name(q.file) })));
  }
  return { timeline, connections, quotes };
}

async function rejects(promise: Promise<unknown>, what: string): Promise<void> {
  try {
    await promise;
  } catch (err) {
    assert.ok(err instanceof Error, `${what}: rejected with a non-Error ${String(err)}`);
    return;
  }
  assert.fail(`${what}: answered instead of rejecting`);
}

/** Every row of a paged query, checking the paging on the way. */
async function allPages<T>(ask: (offset: number) => Promise<Page<T>>, what: string): Promise<T[]> {
  const rows: T[] = [];
  let offset: number | undefined = 0;
  let pages = 0;
  while (offset !== undefined) {
    const page: Page<T> = await ask(offset);
    rows.push(...page.items);
    assert.ok(rows.length <= page.total, `${what}: more rows than the total`);
    offset = page.nextOffset;
    if (offset !== undefined) assert.equal(offset, rows.length, `${what}: next offset`);
    else assert.equal(rows.length, page.total, `${what}: the last page ends short of the total`);
    assert.ok(++pages <= 1000, `${what}: paging does not end`);
  }
  return rows;
}

export function describeAnalysisQueries(
  label: string,
  makeQueries: (articles: readonly AnalysisArticle[]) => Promise<ContractQueries>,
  expected: () => Promise<ExpectedAnswers>,
): void {
  describe(`AnalysisQueries contract: ${label}`, function () {
    this.timeout(120_000);
    let made: ContractQueries;
    let queries: AnalysisQueries;
    let want: ExpectedAnswers;
    let nameOf: (file: string) => string;
    const named = <T extends { file: string }>(rows: T[]): T[] => rows.map((r) => ({ ...r, file: nameOf(r.file) }));
    const textOf = (name: string): string => ANALYSIS_ARTICLES.find((a) => a.name === name)!.text;

    before(async () => {
      want = await expected();
      made = await makeQueries(ANALYSIS_ARTICLES);
      queries = made.queries;
      const names = new Map(ANALYSIS_ARTICLES.map((a) => [made.fileOf(a.name), a.name]));
      nameOf = (file) => {
        const name = names.get(file);
        assert.ok(name, `a file it was not given: ${file}`);
        return name;
      };
      // the expected answers are worth comparing with: the fixture exercises each query
      assert.ok(want.timeline.length >= 8, `only ${want.timeline.length} dates`);
      assert.ok(want.connections.length >= 3, `only ${want.connections.length} connections`);
      assert.ok((want.quotes.get('Helena Varga')?.length ?? 0) >= 3, 'Helena Varga is quoted');
    });

    after(async () => {
      await made?.queries.close();
      await made?.cleanup?.();
    });

    it('puts every resolved date on one axis, in date order, each with its sentence and the entities it names', async () => {
      const rows = named(await allPages((offset) => queries.timeline({ page: { offset, limit: 3 } }), 'timeline'));
      console.log(`      timeline: ${rows.length} dates in ${new Set(rows.map((r) => r.file)).size} articles`);
      assert.deepEqual(rows, want.timeline);
      assert.ok(rows.some((r) => r.file === 'shipping.txt' && r.entities.includes('Helena Varga')), '"Varga" alone is Helena Varga');
      for (const r of rows) {
        const text = textOf(r.file);
        assert.equal(text.slice(r.start, r.end), r.text);
        assert.ok(r.sentence.includes(r.text.replace(/\s+/g, ' ')), `${r.sentence} / ${r.text}`);
        assert.equal(periodOf(r.date)?.precision, r.precision);
      }
      for (let i = 1; i < rows.length; i++) {
        const [p, q] = [periodOf(rows[i - 1].date)!, periodOf(rows[i].date)!];
        assert.ok(p.from < q.from || (p.from === q.from && PRECISION_ORDER.indexOf(rows[i - 1].precision) <= PRECISION_ORDER.indexOf(rows[i].precision)),
          `${rows[i - 1].date} before ${rows[i].date}`);
      }
    });

    it('narrows the timeline to an entity and to a period', async () => {
      const varga = named((await queries.timeline({ entity: { name: 'helena varga' }, page: { limit: 100 } })).items);
      assert.deepEqual(varga, want.timeline.filter((r) => r.entities.includes('Helena Varga')));
      assert.ok(varga.length >= 2 && varga.length < want.timeline.length, `${varga.length} dates name Helena Varga`);
      const march = named((await queries.timeline({ from: '2025-03-01', to: '2025-03-31', page: { limit: 100 } })).items);
      const inMarch = want.timeline.filter((r) => periodOf(r.date)!.to >= '2025-03-01' && periodOf(r.date)!.from <= '2025-03-31');
      assert.deepEqual(march, inMarch);
      assert.ok(march.length >= 3 && march.length < want.timeline.length, `${march.length} dates in March`);
      assert.deepEqual(await queries.timeline({ entity: { name: 'Nobody Anywhere' }, page: { limit: 10 } }), { items: [], total: 0 });
      await rejects(queries.timeline({ from: 'March 2025', page: { limit: 10 } }), 'a "from" that is no day');
    });

    it('ranks connections as the editor does, with the same strengths, in pages', async () => {
      const rows = await allPages((offset) => queries.connections({ minCount: 1, page: { offset, limit: 2 } }), 'connections');
      console.log(`      connections (min 1): ${rows.length} pairs`);
      assert.deepEqual(rows.map((r) => [r.a, r.b, r.articles, r.paragraphs]), want.connections.map((r) => [r.a, r.b, r.articles, r.paragraphs]));
      rows.forEach((r, i) => assert.ok(Math.abs(r.strength - want.connections[i].strength) <= 1e-9, `${r.a} / ${r.b}: ${r.strength} vs ${want.connections[i].strength}`));
      for (const r of rows) {
        assert.ok(r.a < r.b || r.a === r.b, `${r.a} before ${r.b}`);
        assert.ok(r.strength >= -1 && r.strength <= 1);
        assert.ok(r.paragraphs >= 1 && r.articles >= 1);
      }
      const strong = (await queries.connections({ page: { limit: 100 } })).items;
      assert.deepEqual(strong.map((r) => [r.a, r.b]), want.connections.filter((r) => r.paragraphs >= 2).map((r) => [r.a, r.b]), 'default minimum of 2 paragraphs');
      assert.ok(strong.length >= 1 && strong.length < rows.length);
      const ofShipping = (await queries.connections({ entity: { name: 'Nordwind Shipping' }, minCount: 1, page: { limit: 100 } })).items;
      assert.deepEqual(ofShipping.map((r) => [r.a, r.b]),
        want.connections.filter((r) => r.a === 'Nordwind Shipping' || r.b === 'Nordwind Shipping').map((r) => [r.a, r.b]));
      assert.ok(ofShipping.length >= 2);
      assert.deepEqual(await queries.connections({ entity: { name: 'Nobody Anywhere' }, page: { limit: 10 } }), { items: [], total: 0 });
    });

    it('lists a speaker\'s quotations newest article first, each article\'s in text order', async () => {
      for (const [speaker, expectedQuotes] of want.quotes) {
        const rows = named(await allPages((offset) => queries.quotesBy({ name: speaker }, { offset, limit: 2 }), `quotes of ${speaker}`));
        assert.deepEqual(rows, expectedQuotes, speaker);
        for (const q of rows) {
          assert.equal(textOf(q.file).slice(q.start, q.end), q.text);
          assert.equal(q.speaker, speaker);
        }
      }
      const varga = named((await queries.quotesBy({ name: 'HELENA VARGA' }, { limit: 100 })).items);
      console.log(`      quotations of Helena Varga: ${varga.map((q) => q.file).join(', ')}`);
      assert.equal(varga[varga.length - 1].file, 'profile.txt', 'the undated article last');
      assert.equal(varga[0].file, 'shipping.txt', 'the newest article first, where "Varga" alone speaks');
      assert.deepEqual(await queries.quotesBy({ name: 'Nobody Anywhere' }, { limit: 10 }), { items: [], total: 0 });
      assert.deepEqual(await queries.quotesBy({ name: '  ' }, { limit: 10 }), { items: [], total: 0 });
    });

    it('rejects a query whose signal is already aborted, and answers the next one', async () => {
      const controller = new AbortController();
      controller.abort();
      const { signal } = controller;
      await rejects(queries.timeline({ page: { limit: 5, signal } }), 'timeline');
      await rejects(queries.connections({ page: { limit: 5, signal } }), 'connections');
      await rejects(queries.quotesBy({ name: 'Helena Varga' }, { limit: 5, signal }), 'quotesBy');
      assert.ok((await queries.timeline({ page: { limit: 1 } })).items.length === 1);
    });

    it('answers nothing once closed', async () => {
      await queries.close();
      await rejects(queries.timeline({ page: { limit: 5 } }), 'timeline after close');
      await rejects(queries.quotesBy({ name: 'Helena Varga' }, { limit: 5 }), 'quotesBy after close');
      await queries.close();
    });
  });
}
