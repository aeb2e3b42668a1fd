// The analysis views' queries on the archive (PostgresAnalysisQueries) against the real PostgreSQL test
// cluster: the same AnalysisQueries contract the workspace's in-memory analysis passes, over the same folder
// ingested with the CLI, compared with the CLIs' own answers (timeline rows, connection pairs and strengths
// within 1e-9, quotations).
import { strict as assert } from 'node:assert';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { MENTION_STRIDE, QUOTE_STRIDE } from '../../src/core/analysis/articleViews';
import { extract } from '../../src/core/extract';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { EntityLinker } from '../../src/core/index/linker';
import { PostgresAnalysisQueries, shortFormJoinsSql } from '../../src/node/archive/postgresAnalysis';
import { ANALYSIS_ARTICLES, describeAnalysisQueries, expectedAnswers, type AnalysisArticle } from '../unit/analysisQueriesContract';
import { assertConsistent, cli, count, freshDatabase, ingestJson, sampleFolder, tempDir, withClient } from './helpers';

/**
 * The quotations table as the quotation mirroring (schema version 3) lays it out. Where this tool's schema does
 * not have it yet, the test creates it and fills it from the articles' own analysis (the quotations, and each
 * speaker mention's entity as the ingest keys it), as that ingest fills it.
 */
async function ensureQuotes(url: string, folder: string, articles: readonly AnalysisArticle[]): Promise<boolean> {
  const exists = await withClient(url, async (c) => (await c.query("SELECT to_regclass('sa_quotes') IS NOT NULL AS ok")).rows[0].ok as boolean);
  if (exists) return false;
  const nameDetector = await loadDefaultNameDetector();
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector }) });
  await index.indexAll(articles.map((a) => ({ uri: join(folder, a.name), text: a.text })));
  const linker = new EntityLinker(undefined);
  await withClient(url, async (c) => {
    await c.query(`CREATE TABLE sa_quotes (
      article_id bigint NOT NULL REFERENCES sa_articles (id) ON DELETE CASCADE, start_offset int NOT NULL, end_offset int NOT NULL,
      text text NOT NULL, speaker_entity_id bigint, speaker text, speaker_type text, cue_start int, cue_end int,
      PRIMARY KEY (article_id, start_offset, end_offset))`);
    await c.query('CREATE INDEX sa_quotes_speaker ON sa_quotes (speaker_entity_id)');
    for (const a of articles) {
      const path = join(folder, a.name);
      const views = index.viewsOf(path)!;
      for (let at = 0; at < views.quotes.length; at += QUOTE_STRIDE) {
        const [start, end, cueStart, cueEnd, mention] = views.quotes.slice(at, at + 5);
        const name = mention >= 0 ? views.names[views.mentions[mention * MENTION_STRIDE + 2]] : undefined;
        const key = name ? linker.keyFor(name[0], name[1], name[2] ?? undefined) : undefined;
        await c.query(
          `INSERT INTO sa_quotes (article_id, start_offset, end_offset, text, speaker_entity_id, speaker, cue_start, cue_end)
           SELECT a.id, $2, $3, $4, (SELECT id FROM sa_entities WHERE key = $5), $6, $7, $8 FROM sa_articles a WHERE a.path = $1`,
          [path, start, end, a.text.slice(start, end), key ?? null, name ? name[2] ?? name[1] : null,
            cueStart >= 0 ? cueStart : null, cueStart >= 0 ? cueEnd : null]);
      }
    }
  });
  return true;
}

async function ingestedFolder(prefix: string, articles: readonly AnalysisArticle[]): Promise<{ url: string; folder: string }> {
  const url = await freshDatabase(prefix);
  const folder = tempDir(prefix);
  for (const article of articles) writeFileSync(join(folder, article.name), article.text);
  const { result } = await ingestJson(url, folder);
  assert.equal(result.code, 0, result.stderr);
  return { url, folder };
}

describeAnalysisQueries('the archive on PostgreSQL', async (articles) => {
  const { url, folder } = await ingestedFolder('analysis', articles);
  const made = await ensureQuotes(url, folder, articles);
  console.log(`      sa_quotes ${made ? 'created and filled by the test (no quotation mirroring in this schema)' : 'filled by archive ingest'}`);
  return { queries: new PostgresAnalysisQueries({ url, queryTimeoutMs: 30_000 }), fileOf: (name) => join(folder, name) };
}, expectedAnswers);

describe('the archive\'s analysis tables', function () {
  this.timeout(300_000);

  it('answers as the timeline and connections commands over the sample articles (registry, short forms and all), and so do its CLI twins', async () => {
    const folder = sampleFolder();
    const url = await freshDatabase('analysis_samples');
    const { result } = await ingestJson(url, folder);
    assert.equal(result.code, 0, result.stderr);
    const lines = async (...args: string[]) => {
      const r = await cli(...args, folder);
      assert.equal(r.code, 0, r.stderr);
      return r.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
    };
    const queries = new PostgresAnalysisQueries({ url, queryTimeoutMs: 60_000 });
    try {
      const timeline = await lines('timeline', '--json');
      const archived = (await queries.timeline({ page: { limit: 1000 } })).items;
      assert.ok(timeline.length >= 50, `${timeline.length} dates`);
      assert.deepEqual(archived, timeline);
      const connections = await lines('connections', '--json', '--min-count', '1');
      const pairs = [];
      for (let offset: number | undefined = 0; offset !== undefined;) {
        const page = await queries.connections({ minCount: 1, page: { offset, limit: 1000 } });
        pairs.push(...page.items);
        offset = page.nextOffset;
      }
      assert.ok(connections.length >= 100, `${connections.length} pairs`);
      assert.deepEqual(pairs.map((p) => [p.a, p.b, p.articles, p.paragraphs]), connections.map((c) => [c.a, c.b, c.articles, c.paragraphs]));
      pairs.forEach((p, i) => assert.ok(Math.abs(p.strength - (connections[i].strength as number)) <= 1e-9, `${p.a} / ${p.b}`));
      const ofNato = (await queries.connections({ entity: { name: 'NATO' }, minCount: 2, page: { limit: 1000 } })).items;
      const natoLines = await lines('connections', '--json', '--entity', 'North Atlantic Treaty Organization');
      assert.deepEqual(ofNato, natoLines);
      console.log(`      samples: ${timeline.length} dates, ${connections.length} pairs, ${ofNato.length} of NATO: the same rows as the commands`);
      // the archive's twins of the commands print the same lines, byte for byte
      for (const args of [['timeline', '--json'], ['connections', '--json'], ['connections', '--json', '--entity', 'NATO', '--min-count', '3'],
        ['timeline', '--json', '--entity', 'Trump'], ['connections', '--json', '--entity', 'Trump', '--min-count', '1']]) {
        const local = await cli(...args, folder);
        const archived = await cli('archive', ...args, '--db', url);
        assert.equal(archived.code, 0, archived.stderr);
        assert.ok(local.stdout.length > 0, args.join(' '));
        assert.equal(archived.stdout, local.stdout, `archive ${args.join(' ')}`);
      }
      const bad = await cli('archive', 'timeline', '--db', url, '--from', '2025-13');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /--from needs a day, YYYY-MM-DD/);
      const down = await cli('archive', 'connections', '--db', 'postgres://analyst:secret@127.0.0.1:9/archive');
      assert.equal(down.code, 1);
      assert.match(down.stderr, /^archive connections: .*127\.0\.0\.1:9/);
      assert.doesNotMatch(down.stderr, /secret/);
    } finally {
      await queries.close();
    }
  });

  it('replaces an article\'s paragraphs and dated sentences with the article, and removes them with it', async () => {
    const { url, folder } = await ingestedFolder('analysis_replace', ANALYSIS_ARTICLES);
    const queries = new PostgresAnalysisQueries({ url });
    try {
      const before = await queries.timeline({ page: { limit: 1000 } });
      const paragraphRows = await count(url, 'SELECT count(*) FROM sa_paragraph_entities');
      assert.ok(paragraphRows > 0);
      // the profile gains a dated sentence and a pair; budget.txt is deleted
      const profile = ANALYSIS_ARTICLES.find((a) => a.name === 'profile.txt')!;
      writeFileSync(join(folder, 'profile.txt'), `${profile.text}\n\nOn 1 April 2025 Helena Varga opened the Tallinn quay.\n`);
      rmSync(join(folder, 'budget.txt'));
      const { result, summary } = await ingestJson(url, folder);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(summary.written, 1);
      assert.equal(summary.removed, 1);
      await assertConsistent(url);
      const after = (await queries.timeline({ page: { limit: 1000 } })).items;
      assert.ok(after.some((r) => r.date === '2025-04-01' && r.entities.join() === 'Helena Varga,Tallinn'), JSON.stringify(after));
      assert.ok(!after.some((r) => r.file.endsWith('budget.txt')));
      assert.equal(after.length, before.total - before.items.filter((r) => r.file.endsWith('budget.txt')).length + 1);
      assert.equal(await count(url, 'SELECT count(*) FROM sa_paragraph_entities p WHERE NOT EXISTS (SELECT 1 FROM sa_articles a WHERE a.id = p.article_id)'), 0,
        'no paragraph row of a removed article');
      assert.equal(await count(url, 'SELECT count(*) FROM sa_dates d WHERE NOT EXISTS (SELECT 1 FROM sa_articles a WHERE a.id = d.article_id)'), 0);
      // a re-ingest of the unchanged folder changes nothing
      const again = await ingestJson(url, folder);
      assert.equal(again.summary.written, 0);
      assert.deepEqual((await queries.timeline({ page: { limit: 1000 } })).items, after);
    } finally {
      await queries.close();
    }
  });

  it('reads one entity\'s connections, its short forms and the timeline through their indexes', async () => {
    const { url } = await ingestedFolder('analysis_plans', ANALYSIS_ARTICLES);
    await withClient(url, async (c) => {
      await c.query('SET enable_seqscan = off'); // a five-article table would be read whole otherwise
      const plan = async (sql: string, params: unknown[]) =>
        (await c.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
      const id = Number((await c.query("SELECT id FROM sa_entities WHERE key = '~:nordwind shipping'")).rows[0].id);
      const pairs = await plan(`WITH mine AS (SELECT DISTINCT article_id, paragraph FROM sa_paragraph_entities WHERE entity_id = ANY($1::bigint[]))
        SELECT p.entity_id, count(*) FROM mine JOIN sa_paragraph_entities p USING (article_id, paragraph)
        WHERE p.entity_id <> ALL($1::bigint[]) GROUP BY 1`, [[id]]);
      assert.match(pairs, /sa_paragraph_entities_entity/, pairs);
      assert.match(pairs, /sa_paragraph_entities_pkey/, pairs);
      // a short form finds its full name through the surname and initials indexes, not by reading every entity
      const joins = await plan(shortFormJoinsSql('e.id = ANY($1::bigint[])'), [[id]]);
      assert.match(joins, /sa_entities_surname/, joins);
      assert.match(joins, /sa_entities_initials/, joins);
      assert.doesNotMatch(joins, /Seq Scan/, joins);
      const dates = await plan(`SELECT * FROM sa_dates d WHERE d.from_day IS NOT NULL AND d.entity_ids @> $1::bigint[]`, [[id]]);
      assert.match(dates, /sa_dates_entities/, dates);
      const ordered = await plan('SELECT * FROM sa_dates d WHERE d.from_day IS NOT NULL ORDER BY d.from_day, d.precision LIMIT 50', []);
      assert.match(ordered, /sa_dates_timeline/, ordered);
    });
  });

  it('says so when the archive has no analysis tables yet, in one sentence', async () => {
    const url = await freshDatabase('analysis_empty');
    const queries = new PostgresAnalysisQueries({ url });
    try {
      await assert.rejects(queries.timeline({ page: { limit: 5 } }), (err: Error) => {
        assert.equal(err.name, 'ArchiveError');
        assert.match(err.message, /archive ingest/);
        return true;
      });
      await assert.rejects(queries.timeline({ from: '2025-13', page: { limit: 5 } }), /YYYY-MM-DD/);
    } finally {
      await queries.close();
    }
  });
});
