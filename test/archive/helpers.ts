/**
 * Shared pieces of the archive tests: the test cluster's URL (set by `scripts/pg-test-cluster.mjs`, which
 * `npm test -- --only archive` runs them under), a fresh database per test, the built CLI as a child
 * process, and the invariants every archive must keep whatever happened to the runs that filled it.
 */
import { strict as assert } from 'node:assert';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { sampleArticles, synthesizeArticle } from '../../scripts/bench/synthCorpus';

export const ROOT = resolve(__dirname, '..', '..');
export const CLI = join(ROOT, 'dist', 'cli.js');

export function clusterUrl(): string {
  const url = process.env.SOURCE_ANNOTATOR_TEST_PG;
  if (!url) {
    throw new Error('SOURCE_ANNOTATOR_TEST_PG is not set: run the archive tests with "npm test -- --only archive" ' +
      '(or "node scripts/pg-test-cluster.mjs -- npx mocha ...")');
  }
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  return url;
}

let databases = 0;

/** A new, empty database on the test cluster; its URL. */
export async function freshDatabase(prefix = 'archive'): Promise<string> {
  const base = clusterUrl();
  const name = `${prefix}_${process.pid}_${++databases}`;
  const admin = new pg.Client({ connectionString: base });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function startCli(args: string[]): { child: ChildProcess; done: Promise<CliResult> } {
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (c) => (stdout += c));
  child.stderr!.on('data', (c) => (stderr += c));
  const done = new Promise<CliResult>((resolvePromise, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolvePromise({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export function cli(...args: string[]): Promise<CliResult> {
  return startCli(args).done;
}

export interface IngestSummary {
  files: number;
  written: number;
  replaced: number;
  unchanged: number;
  failed: number;
  removed: number;
}

export async function ingestJson(url: string, ...args: string[]): Promise<{ result: CliResult; summary: IngestSummary }> {
  const result = await cli('archive', 'ingest', '--db', url, '--json', ...args);
  const line = result.stdout.trim().split('\n').pop() ?? '';
  let summary: IngestSummary;
  try {
    summary = JSON.parse(line) as IngestSummary;
  } catch {
    throw new Error(`archive ingest printed no summary (exit ${result.code}):\n${result.stdout}\n${result.stderr}`);
  }
  return { result, summary };
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function count(url: string, sql: string, params: unknown[] = []): Promise<number> {
  return withClient(url, async (c) => Number(Object.values((await c.query(sql, params)).rows[0] as object)[0]));
}

const scratch: string[] = [];
process.on('exit', () => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A temporary folder, removed when the test run ends. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `sa-archive-${name}-`));
  scratch.push(dir);
  return dir;
}

/** The sample articles with the fixture sidecars beside them, and a registry curating one entity. */
export function sampleFolder(): string {
  const dir = tempDir('samples');
  for (const f of readdirSync(join(ROOT, 'samples'))) if (f.endsWith('.txt')) cpSync(join(ROOT, 'samples', f), join(dir, f));
  const sidecars = join(ROOT, 'test', 'fixtures', 'sample-sidecars');
  for (const f of readdirSync(sidecars)) cpSync(join(sidecars, f), join(dir, f));
  mkdirSync(join(dir, '.sources'));
  writeFileSync(join(dir, '.sources', 'entities.yaml'),
    'entities:\n  - canonical: North Atlantic Treaty Organization\n    type: ORG\n    aliases:\n      - NATO\n');
  return dir;
}

/** `count` synthetic articles (numbered from `first`) in a new folder. */
export function syntheticFolder(name: string, count: number, first = 0): string {
  const dir = tempDir(name);
  const samples = sampleArticles(ROOT);
  for (let n = first; n < first + count; n++) writeFileSync(join(dir, `${String(n).padStart(5, '0')}.txt`), synthesizeArticle(samples, n));
  return dir;
}

/**
 * What an archive must satisfy after any sequence of runs, killed ones included: every article whole
 * (its text, and its mentions matching its per-entity counts), and every entity's counters equal to the
 * sums over its articles.
 */
export async function assertConsistent(url: string): Promise<void> {
  await withClient(url, async (c) => {
    const q = async (sql: string) => Number(Object.values((await c.query(sql)).rows[0] as object)[0]);
    assert.equal(await q('SELECT count(*) FROM sa_articles a WHERE NOT EXISTS (SELECT 1 FROM sa_article_texts t WHERE t.article_id = a.id)'), 0,
      'every article has its text');
    assert.equal(await q(`SELECT count(*) FROM (
        SELECT ea.entity_id, ea.article_id FROM sa_entity_articles ea
        LEFT JOIN (SELECT entity_id, article_id, count(*) AS n FROM sa_mentions GROUP BY 1, 2) m USING (entity_id, article_id)
        WHERE m.n IS DISTINCT FROM ea.count) bad`), 0, 'per-article counts match the mentions');
    assert.equal(await q(`SELECT count(*) FROM (SELECT DISTINCT entity_id, article_id FROM sa_mentions) m
        WHERE NOT EXISTS (SELECT 1 FROM sa_entity_articles ea WHERE ea.entity_id = m.entity_id AND ea.article_id = m.article_id)`), 0,
    'no mention without its per-article row');
    assert.equal(await q('SELECT count(*) FROM sa_mentions m WHERE NOT EXISTS (SELECT 1 FROM sa_articles a WHERE a.id = m.article_id)'), 0,
      'no mention of a missing article');
    assert.equal(await q(`SELECT count(*) FROM sa_entities e LEFT JOIN (
        SELECT entity_id, sum(count) AS m, count(*) AS a, sum(w_person) AS wp, sum(plain) AS pl FROM sa_entity_articles GROUP BY 1) s
        ON s.entity_id = e.id
        WHERE e.mentions <> coalesce(s.m, 0) OR e.articles <> coalesce(s.a, 0) OR e.w_person <> coalesce(s.wp, 0) OR e.plain <> coalesce(s.pl, 0)`), 0,
    'entity counters equal the sums over their articles');
    assert.equal(await q(`SELECT count(*) FROM sa_entities e LEFT JOIN (SELECT entity_id, sum(count) AS n FROM sa_entity_aliases GROUP BY 1) s
        ON s.entity_id = e.id WHERE e.mentions <> coalesce(s.n, 0)`), 0, 'alias counts sum to the mentions');
  });
}

/** The archive's content without its ids and times: entities with their counts, and articles by path and hash. */
export async function snapshot(url: string): Promise<{ entities: string[]; articles: string[]; mentions: number }> {
  return withClient(url, async (c) => {
    const entities = (await c.query<{ line: string }>(
      `SELECT key || ' ' || mentions || ' ' || articles || ' ' || w_person || ' ' || w_org || ' ' || w_place || ' ' || w_misc || ' ' || plain AS line
       FROM sa_entities WHERE mentions > 0 ORDER BY key`)).rows.map((r) => r.line);
    const articles = (await c.query<{ line: string }>(
      `SELECT path || ' ' || ingest_hash AS line FROM sa_articles ORDER BY path`)).rows.map((r) => r.line);
    const mentions = Number((await c.query('SELECT count(*) AS n FROM sa_mentions')).rows[0].n);
    return { entities, articles, mentions };
  });
}

/** Waits until `condition` holds, checking every `everyMs`; fails after `timeoutMs`. */
export async function until(condition: () => Promise<boolean>, what: string, timeoutMs = 120000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
