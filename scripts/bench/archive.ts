/**
 * Archive benchmark (`npm run bench:archive`, not part of `npm test`): a synthetic corpus loaded into a
 * throwaway PostgreSQL 15 cluster through the real CLI (`dist/cli.js archive ingest --jobs 2`), then the
 * editor's queries through `PostgresStore`, beside the in-memory `CorpusIndex` at 10,000 articles.
 *
 *   npm run bench:archive                                  100,000 articles (about 15 min on 2 free cores)
 *   npx tsx scripts/bench/archive.ts --articles=5000       a quick run
 *   npx tsx scripts/bench/archive.ts --db=postgres://…     an existing server instead of a throwaway cluster
 *   --memory-articles=N (default 10000, 0 to skip the in-memory comparison)
 *
 * Prints a table and writes .bench/archive-bench.json. Reports the load average, since the machine may be shared.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { PostgresStore } from '../../src/node/archive/postgresStore';
import { quotesBy } from '../../src/node/archive/quoteQueries';
import { ensureCorpus, seededRandom } from './synthCorpus';
import { benchmarkSize } from './index';
import { timeAnalysisQueries } from './analysisTimings';

const ROOT = resolve(__dirname, '..', '..');
const WORK = join(ROOT, '.bench');
const TARGETS = { ingestSeconds: 600, reingestSeconds: 60, hoverP99Ms: 50, referencesP99Ms: 200 };
const QUERIES = 300;

function arg(name: string): string | undefined {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found?.slice(name.length + 3);
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function load(): string {
  return loadavg().map((l) => l.toFixed(2)).join(' ');
}

function runCli(args: string[]): Promise<{ seconds: number; summary: Record<string, number> }> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`archive ${args[1]} exited with ${code}:\n${out}`));
      resolvePromise({ seconds: (performance.now() - started) / 1000, summary: JSON.parse(out.trim().split('\n').pop()!) });
    });
  });
}

async function timed<T>(samples: number, query: (i: number) => Promise<T>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t0 = performance.now();
    await query(i);
    times.push(performance.now() - t0);
  }
  return times;
}

async function main(): Promise<void> {
  const articles = Number(arg('articles') ?? 100000);
  const memoryArticles = Number(arg('memory-articles') ?? 10000);
  const jobs = Math.min(2, availableParallelism());
  mkdirSync(WORK, { recursive: true });
  console.log(`archive benchmark: ${articles} articles, ${jobs} workers; load average ${load()}`);
  const corpusDir = join(WORK, `archive-corpus-${articles}`);
  let t0 = performance.now();
  const paths = ensureCorpus(corpusDir, articles);
  const megabytes = paths.reduce((sum, p) => sum + readFileSync(p).length, 0) / 1048576;
  console.log(`  corpus ready (${megabytes.toFixed(0)} MB) in ${((performance.now() - t0) / 1000).toFixed(0)} s`);

  let cluster: { url: string; stop: () => Promise<void> } | undefined;
  let base = arg('db');
  if (!base) {
    const { startTestCluster } = await import('../pg-test-cluster.mjs' as string) as {
      startTestCluster: (o: { durable: boolean; log: (m: string) => void }) => Promise<{ url: string; stop: () => Promise<void> }>;
    };
    cluster = await startTestCluster({ durable: true, log: (m) => console.log(`  ${m}`) });
    base = cluster.url;
  }
  const stopCluster = () => void cluster?.stop();
  process.once('SIGINT', () => { stopCluster(); process.exit(130); });
  try {
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    const name = `bench_${articles}`;
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const dbUrl = new URL(base);
    dbUrl.pathname = `/${name}`;
    const url = dbUrl.toString();

    const loadBefore = load();
    console.log(`  ingest on ${jobs} workers… (load average ${loadBefore})`);
    const ingest = await runCli(['archive', 'ingest', '--db', url, '--jobs', String(jobs), '--json', corpusDir]);
    const loadDuring = load();
    console.log(`  ingested ${ingest.summary.written} in ${ingest.seconds.toFixed(0)} s (${(articles / ingest.seconds).toFixed(0)} articles/s; load average ${loadDuring})`);
    const reingest = await runCli(['archive', 'ingest', '--db', url, '--jobs', String(jobs), '--json', corpusDir]);
    console.log(`  re-ingest of the unchanged folder: ${reingest.seconds.toFixed(1)} s (${reingest.summary.unchanged} unchanged)`);
    if (reingest.summary.written !== 0) throw new Error(`re-ingest wrote ${reingest.summary.written} articles`);

    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('ANALYZE');
    // the entity closest to 100,000 mentions (the target's case), and the most mentioned one
    const near = (await client.query<{ key: string; mentions: string }>(
      'SELECT key, mentions FROM sa_entities ORDER BY abs(mentions - 100000), key LIMIT 1')).rows[0];
    const most = (await client.query<{ key: string; mentions: string }>('SELECT key, mentions FROM sa_entities ORDER BY mentions DESC LIMIT 1')).rows[0];
    const random = seededRandom(11);
    const sample = (await client.query<{ key: string }>('SELECT key FROM sa_entities WHERE mentions > 0 ORDER BY mentions DESC LIMIT 5000')).rows;
    const tables = (await client.query<{ name: string; rows: string; table_bytes: string; index_bytes: string }>(
      `SELECT c.relname AS name, c.reltuples::bigint AS rows, pg_table_size(c.oid) AS table_bytes, pg_indexes_size(c.oid) AS index_bytes
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname LIKE 'sa\\_%' ORDER BY pg_total_relation_size(c.oid) DESC`)).rows;
    const databaseBytes = Number((await client.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
    // the most quoted speaker, for the quotations query
    const quoted = (await client.query<{ key: string; n: string }>(
      `SELECT e.key, count(*) AS n FROM sa_quotes q JOIN sa_entities e ON e.id = q.speaker_entity_id GROUP BY e.key ORDER BY 2 DESC, 1 LIMIT 1`)).rows[0];
    await client.end();
    const nameOf = (key: string) => key.slice(key.indexOf(':') + 1);

    const store = new PostgresStore({ url, max: 2 });
    const results: Record<string, unknown> = {};
    try {
      await store.entity({ name: nameOf(near.key) }); // connect
      const hoverBig = await timed(QUERIES, () => store.entity({ name: nameOf(near.key), top: 5 }));
      const refsBig = await timed(QUERIES, () => store.references({ name: nameOf(near.key) }, { limit: 50 }));
      const hoverMost = await timed(100, () => store.entity({ name: nameOf(most.key), top: 5 }));
      const refsMost = await timed(100, () => store.references({ name: nameOf(most.key) }, { limit: 50 }));
      const hoverAny = await timed(QUERIES, () => store.entity({ name: nameOf(sample[Math.floor(random() * sample.length)].key), top: 5 }));
      const refsAny = await timed(QUERIES, () => store.references({ name: nameOf(sample[Math.floor(random() * sample.length)].key) }, { limit: 50 }));
      // the Entities view: its first page, and a filtered one (the short-form joins are made over every entity)
      const entitiesFirst = await timed(30, () => store.entities({ limit: 100 }));
      const entitiesFiltered = await timed(30, () => store.entities({ limit: 100, filter: 'an' }));
      let quotesFirst: number[] = [];
      if (quoted) {
        const speaker = (await store.resolveGroup({ name: nameOf(quoted.key) }))!;
        const quoteClient = new pg.Client({ connectionString: url });
        await quoteClient.connect();
        try {
          quotesFirst = await timed(100, () => quotesBy(quoteClient, speaker, { limit: 50 }));
        } finally {
          await quoteClient.end();
        }
      }
      const stats = await store.stats();
      Object.assign(results, {
        entitiesFirstP50Ms: percentile(entitiesFirst, 50), entitiesFirstP99Ms: percentile(entitiesFirst, 99),
        entitiesFilteredP50Ms: percentile(entitiesFiltered, 50), entitiesFilteredP99Ms: percentile(entitiesFiltered, 99),
        mostQuoted: quoted ? { key: quoted.key, quotes: Number(quoted.n) } : null,
        quotesFirstP50Ms: quotesFirst.length ? percentile(quotesFirst, 50) : null, quotesFirstP99Ms: quotesFirst.length ? percentile(quotesFirst, 99) : null,
        articles, megabytes, jobs, loadBefore, loadDuring, loadAfterQueries: load(),
        ingestSeconds: ingest.seconds, ingestPerSecond: articles / ingest.seconds, reingestSeconds: reingest.seconds,
        entityNear100k: { key: near.key, mentions: Number(near.mentions) },
        mostMentioned: { key: most.key, mentions: Number(most.mentions) },
        hoverBigP50Ms: percentile(hoverBig, 50), hoverBigP99Ms: percentile(hoverBig, 99),
        referencesBigP50Ms: percentile(refsBig, 50), referencesBigP99Ms: percentile(refsBig, 99),
        hoverMostP99Ms: percentile(hoverMost, 99), referencesMostP99Ms: percentile(refsMost, 99),
        hoverAnyP50Ms: percentile(hoverAny, 50), hoverAnyP99Ms: percentile(hoverAny, 99),
        referencesAnyP50Ms: percentile(refsAny, 50), referencesAnyP99Ms: percentile(refsAny, 99),
        databaseBytes, stats,
        tables: tables.map((t) => ({ name: t.name, rows: Number(t.rows), tableBytes: Number(t.table_bytes), indexBytes: Number(t.index_bytes) })),
      });
    } finally {
      await store.close();
    }
    console.log(`  analysis queries (timeline, connections, quotations); load average ${load()}`);
    results.analysis = await timeAnalysisQueries(url, nameOf(near.key), sample.slice(0, 1000).map((r) => nameOf(r.key)), seededRandom(12));
    results.loadAfterAnalysis = load();

    if (memoryArticles > 0) {
      console.log(`  in-memory CorpusIndex at ${memoryArticles} for comparison…`);
      t0 = performance.now();
      const memory = await benchmarkSize(memoryArticles, (line) => console.log(`  ${line.trim()}`));
      results.memory = memory;
      console.log(`  (in-memory benchmark ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
    writeFileSync(join(WORK, 'archive-bench.json'), JSON.stringify(results, null, 2));
    console.log(format(results));
  } finally {
    await cluster?.stop();
  }
}

function format(r: Record<string, unknown>): string {
  const n = (k: string) => Number(r[k]);
  const ms = (k: string) => `${n(k).toFixed(1)} ms`;
  const check = (value: number, target: number) => (value <= target ? 'met' : 'MISSED');
  const near = r.entityNear100k as { key: string; mentions: number };
  const most = r.mostMentioned as { key: string; mentions: number };
  const lines = [
    '',
    `| measure | archive (PostgreSQL 15), ${n('articles')} articles | target |`,
    '|---|---:|---|',
    `| ingest, ${n('jobs')} workers | ${n('ingestSeconds').toFixed(0)} s (${n('ingestPerSecond').toFixed(0)} articles/s) | ≤ ${TARGETS.ingestSeconds} s: ${check(n('ingestSeconds'), TARGETS.ingestSeconds)} |`,
    `| re-ingest, unchanged | ${n('reingestSeconds').toFixed(1)} s | ≤ ${TARGETS.reingestSeconds} s: ${check(n('reingestSeconds'), TARGETS.reingestSeconds)} |`,
    `| hover card, ${near.key} (${near.mentions} mentions) p50 / p99 | ${ms('hoverBigP50Ms')} / ${ms('hoverBigP99Ms')} | p99 ≤ ${TARGETS.hoverP99Ms} ms: ${check(n('hoverBigP99Ms'), TARGETS.hoverP99Ms)} |`,
    `| references first page (50), same entity p50 / p99 | ${ms('referencesBigP50Ms')} / ${ms('referencesBigP99Ms')} | p99 ≤ ${TARGETS.referencesP99Ms} ms: ${check(n('referencesBigP99Ms'), TARGETS.referencesP99Ms)} |`,
    `| hover / references p99, ${most.key} (${most.mentions} mentions) | ${ms('hoverMostP99Ms')} / ${ms('referencesMostP99Ms')} | |`,
    `| hover p50 / p99, random entities | ${ms('hoverAnyP50Ms')} / ${ms('hoverAnyP99Ms')} | |`,
    `| references p50 / p99, random entities | ${ms('referencesAnyP50Ms')} / ${ms('referencesAnyP99Ms')} | |`,
    `| Entities view, first page (100) p50 / p99 | ${ms('entitiesFirstP50Ms')} / ${ms('entitiesFirstP99Ms')} | |`,
    `| Entities view, filtered "an" (100) p50 / p99 | ${ms('entitiesFilteredP50Ms')} / ${ms('entitiesFilteredP99Ms')} | |`,
    ...(r.mostQuoted ? [`| quotations of ${(r.mostQuoted as { key: string }).key} (${(r.mostQuoted as { quotes: number }).quotes}), first page (50) p50 / p99 | ` +
      `${ms('quotesFirstP50Ms')} / ${ms('quotesFirstP99Ms')} | |`] : []),
    `| database size | ${(n('databaseBytes') / 1048576).toFixed(0)} MB | |`,
    '',
    '| table | rows | table MB | index MB | bytes/row (table + index) |',
    '|---|---:|---:|---:|---:|',
    ...(r.tables as { name: string; rows: number; tableBytes: number; indexBytes: number }[]).map((t) =>
      `| ${t.name} | ${t.rows} | ${(t.tableBytes / 1048576).toFixed(1)} | ${(t.indexBytes / 1048576).toFixed(1)} | ${t.rows ? ((t.tableBytes + t.indexBytes) / t.rows).toFixed(0) : '-'} |`),
    '',
    `load average before ingest ${r.loadBefore}, after ingest ${r.loadDuring}, after queries ${r.loadAfterQueries}`,
  ];
  const m = r.memory as { articles: number; coldSeconds: number; hoverP50Ms: number; hoverP99Ms: number; referencesP50Ms: number; referencesP99Ms: number; heapMB: number } | undefined;
  if (m) {
    lines.push('', `in-memory CorpusIndex at ${m.articles}: cold index ${m.coldSeconds.toFixed(0)} s, hover p50 / p99 ${m.hoverP50Ms.toFixed(2)} / ${m.hoverP99Ms.toFixed(2)} ms, ` +
      `references (all) p50 / p99 ${m.referencesP50Ms.toFixed(2)} / ${m.referencesP99Ms.toFixed(2)} ms, heap ${m.heapMB.toFixed(0)} MB`);
  }
  return lines.join('\n');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
