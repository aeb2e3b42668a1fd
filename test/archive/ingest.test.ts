import { strict as assert } from 'node:assert';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/core/extract';
import { analyzeArticle } from '../../src/core/index/analysis';
import { EntityLinker } from '../../src/core/index/linker';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { articleRows } from '../../src/node/archive/rows';
import pg from 'pg';
import { removeEmptyEntities } from '../../src/node/archive/load';
import { MIGRATIONS } from '../../src/node/archive/schema';
import {
  assertConsistent, cli, count, freshDatabase, ingestJson, sampleFolder, snapshot, startCli, syntheticFolder, until, withClient,
} from './helpers';

describe('archive ingest (PostgreSQL)', function () {
  this.timeout(300000);

  it('loads a folder: articles, mentions, registry and annotations, and the counters agree with the rows', async () => {
    const url = await freshDatabase();
    const dir = sampleFolder();
    const { result, summary } = await ingestJson(url, '--jobs', '2', dir);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(summary.files, 6);
    assert.equal(summary.written, 6);
    assert.equal(summary.failed, 0);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles'), 6);
    await assertConsistent(url);
    // the registry is mirrored, and its alias pins NATO to the curated entity
    assert.equal(await count(url, "SELECT count(*) FROM sa_registry_entities WHERE canonical = 'North Atlantic Treaty Organization' AND 'NATO' = ANY(aliases)"), 1);
    assert.ok(await count(url, "SELECT mentions FROM sa_entities WHERE key = 'ORG:north atlantic treaty organization'") > 20);
    assert.equal(await count(url, "SELECT count(*) FROM sa_entities WHERE key = '~:nato' AND mentions > 0"), 0);
    // annotations from the sidecars, searchable by tag
    let sidecarNotes = 0;
    for (const f of readdirSync(dir)) if (f.endsWith('.annotations.yaml')) sidecarNotes += (readFileSync(join(dir, f), 'utf8').match(/^ {2}- id:/gm) ?? []).length;
    assert.ok(sidecarNotes > 0);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_annotations'), sidecarNotes);
    assert.ok(await count(url, "SELECT count(*) FROM sa_annotations WHERE 'framing' = ANY(tags)") >= 1);
    // the schema version is recorded once
    assert.equal(await count(url, 'SELECT count(*) FROM sa_schema_migrations'), MIGRATIONS.length);
  });

  it('counts the same mentions as an analysis of the files in this process', async () => {
    const url = await freshDatabase();
    const dir = sampleFolder();
    const { result } = await ingestJson(url, dir);
    assert.equal(result.code, 0, result.stderr);
    const nameDetector = await loadDefaultNameDetector();
    const registry = { entities: [{ canonical: 'North Atlantic Treaty Organization', type: 'ORG' as const, aliases: ['NATO'] }] };
    const linker = new EntityLinker(registry);
    const expected = new Map<string, number>();
    let dates = 0;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.txt'))) {
      const text = readFileSync(join(dir, f), 'utf8');
      const analysis = analyzeArticle(join(dir, f), text, { extract: (t, o) => extract(t, { ...o, nameDetector }), registry });
      const rows = articleRows(analysis, text, linker, { path: f, ingestHash: '', size: text.length });
      for (const e of rows.entities) expected.set(e.key, (expected.get(e.key) ?? 0) + e.mentions.length);
      dates += rows.dates.length;
    }
    const stored = await withClient(url, async (c) => new Map((await c.query<{ key: string; mentions: string }>(
      'SELECT key, mentions FROM sa_entities WHERE mentions > 0')).rows.map((r) => [r.key, Number(r.mentions)])));
    assert.deepEqual([...stored].sort(), [...expected].sort());
    assert.equal(await count(url, 'SELECT count(*) FROM sa_dates'), dates);
  });

  it('changes nothing when re-run on an unchanged folder, and replaces only an edited article', async () => {
    const url = await freshDatabase();
    const dir = sampleFolder();
    assert.equal((await ingestJson(url, dir)).result.code, 0);
    const before = await snapshot(url);
    const ids = await withClient(url, async (c) => (await c.query('SELECT id, path, ingested_at FROM sa_articles ORDER BY id')).rows);
    const again = await ingestJson(url, dir);
    assert.equal(again.result.code, 0, again.result.stderr);
    assert.deepEqual({ written: again.summary.written, unchanged: again.summary.unchanged }, { written: 0, unchanged: 6 });
    assert.deepEqual(await snapshot(url), before);
    assert.deepEqual(await withClient(url, async (c) => (await c.query('SELECT id, path, ingested_at FROM sa_articles ORDER BY id')).rows), ids,
      'no article rewritten');

    const edited = readdirSync(dir).find((f) => f.startsWith('Hegseth Warns'))!;
    appendFileSync(join(dir, edited), '\nIn a later statement, Chancellor Olaf Scholz of Germany said Berlin agreed.\n');
    const third = await ingestJson(url, dir);
    assert.equal(third.result.code, 0, third.result.stderr);
    assert.deepEqual({ written: third.summary.written, replaced: third.summary.replaced, unchanged: third.summary.unchanged },
      { written: 1, replaced: 1, unchanged: 5 });
    await assertConsistent(url);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles'), 6);
    assert.ok(await count(url, "SELECT mentions FROM sa_entities WHERE key = '~:olaf scholz'") >= 1);
    // the same as loading the edited folder into an empty archive
    const clean = await freshDatabase();
    assert.equal((await ingestJson(clean, dir)).result.code, 0);
    assert.deepEqual((await snapshot(url)).entities, (await snapshot(clean)).entities);
  });

  it('removes the articles of files deleted from a folder given, only there, and keeps them with --keep-missing', async () => {
    const url = await freshDatabase();
    const a = syntheticFolder('missing-a', 10, 0);
    const b = syntheticFolder('missing-b', 10, 100);
    assert.equal((await ingestJson(url, a, b)).result.code, 0);
    unlinkSync(join(a, '00003.txt'));
    unlinkSync(join(b, '00104.txt'));
    unlinkSync(join(b, '00105.txt'));

    const kept = await ingestJson(url, '--keep-missing', a);
    assert.equal(kept.result.code, 0, kept.result.stderr);
    assert.deepEqual({ unchanged: kept.summary.unchanged, removed: kept.summary.removed }, { unchanged: 9, removed: 0 });
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles'), 20);

    // only folder a is given: b's deleted files stay until b is ingested
    const first = await ingestJson(url, a);
    assert.equal(first.result.code, 0, first.result.stderr);
    assert.deepEqual({ written: first.summary.written, unchanged: first.summary.unchanged, removed: first.summary.removed },
      { written: 0, unchanged: 9, removed: 1 });
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles WHERE path = $1', [join(a, '00003.txt')]), 0);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles'), 19);
    await assertConsistent(url);

    const second = await ingestJson(url, b);
    assert.equal(second.result.code, 0, second.result.stderr);
    assert.equal(second.summary.removed, 2);
    const again = await ingestJson(url, a, b);
    assert.equal(again.summary.removed, 0, 'nothing more to remove');
    await assertConsistent(url);
    // the same archive as loading what is left into an empty one
    const clean = await freshDatabase();
    assert.equal((await ingestJson(clean, a, b)).result.code, 0);
    assert.deepEqual((await snapshot(url)).entities, (await snapshot(clean)).entities);
  });

  it('deletes the entities and written forms no article names any more, after a replacement or a removal', async () => {
    const url = await freshDatabase();
    const dir = sampleFolder();
    const extra = join(dir, 'Quellmark Visits Tallinn.txt');
    writeFileSync(extra, 'Quellmark Visits Tallinn\n\nThe envoy Zbigniew Quellmark met officials of Estonia in Tallinn on Monday. ' +
      'Quellmark said the talks with the Baltic Defence Forum went well.\n');
    const edited = join(dir, readdirSync(dir).find((f) => f.startsWith('Hegseth Warns'))!);
    appendFileSync(edited, '\nLater, Ambassador Ottoline Varga-Brenner of Hungary said Budapest would agree.\n');
    assert.equal((await ingestJson(url, dir)).result.code, 0);
    const keys = async () => (await withClient(url, async (c) => (await c.query<{ key: string }>('SELECT key FROM sa_entities ORDER BY key')).rows)).map((r) => r.key);
    const before = await keys();
    for (const name of ['~:zbigniew quellmark', '~:ottoline varga brenner']) assert.ok(before.includes(name), `${name} in ${before.join(', ')}`);
    const aliasesBefore = await count(url, 'SELECT count(*) FROM sa_entity_aliases');

    // the extra article deleted, the ambassador's line taken out again
    unlinkSync(extra);
    writeFileSync(edited, readFileSync(edited, 'utf8').replace(/\nLater, Ambassador [^\n]*\n$/, ''));
    const run = await ingestJson(url, dir);
    assert.equal(run.result.code, 0, run.result.stderr);
    assert.deepEqual({ written: run.summary.written, removed: run.summary.removed }, { written: 1, removed: 1 });
    assert.equal(await count(url, 'SELECT count(*) FROM sa_entities WHERE mentions = 0'), 0, 'no entity left at 0 mentions');
    assert.equal(await count(url, 'SELECT count(*) FROM sa_entity_aliases WHERE count = 0'), 0, 'no written form left at 0');
    const after = await keys();
    for (const name of ['~:zbigniew quellmark', '~:ottoline varga brenner', '~:tallinn']) assert.ok(!after.includes(name), `${name} deleted`);
    assert.ok(await count(url, 'SELECT count(*) FROM sa_entity_aliases') < aliasesBefore);
    await assertConsistent(url);
    // exactly the entities and written forms of a fresh load of what is left
    const clean = await freshDatabase();
    assert.equal((await ingestJson(clean, dir)).result.code, 0);
    const cleanKeys = (await withClient(clean, async (c) => (await c.query<{ key: string }>('SELECT key FROM sa_entities ORDER BY key')).rows)).map((r) => r.key);
    assert.deepEqual(after, cleanKeys);
    const forms = (u: string) => withClient(u, async (c) => (await c.query<{ f: string }>(
      "SELECT e.key || ' ' || a.alias || ' ' || a.count AS f FROM sa_entity_aliases a JOIN sa_entities e ON e.id = a.entity_id ORDER BY 1")).rows.map((r) => r.f));
    assert.deepEqual(await forms(url), await forms(clean));
    const stats = JSON.parse((await cli('archive', 'stats', '--db', url, '--json')).stdout);
    assert.equal(stats.entities, JSON.parse((await cli('archive', 'stats', '--db', clean, '--json')).stdout).entities);

    // what a run killed before its clean-up leaves: an entity at 0 with a written form at 0; the next run deletes them
    const left = await count(url, "INSERT INTO sa_entities (key, canonical) VALUES ('~:wilhelmina oort', 'Wilhelmina Oort') RETURNING id");
    await withClient(url, (c) => c.query("INSERT INTO sa_entity_aliases (entity_id, alias, normalized, count) VALUES ($1, 'Wilhelmina Oort', 'wilhelmina oort', 0)", [left]));
    const unchanged = await ingestJson(url, dir);
    assert.equal(unchanged.summary.written, 0);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_entities WHERE id = $1', [left]), 0);
    assert.deepEqual(await forms(url), await forms(clean));
  });

  it('never deletes an empty entity that a batch in progress is writing mentions of', async () => {
    const url = await freshDatabase();
    assert.equal((await ingestJson(url, syntheticFolder('empty-race', 2))).result.code, 0);
    const id = await count(url, "INSERT INTO sa_entities (key, canonical) VALUES ('~:ilse vandermolen', 'Ilse Vandermolen') RETURNING id");
    // a batch that has locked the entity as writeBatch does (key share) and not yet added its counts
    const batch = new pg.Client({ connectionString: url });
    await batch.connect();
    const pool = new pg.Pool({ connectionString: url, max: 1, application_name: 'archive clean-up' });
    try {
      await batch.query('BEGIN');
      await batch.query('SELECT id FROM sa_entities WHERE id = $1 FOR KEY SHARE', [id]);
      const client = await pool.connect();
      const cleanup = removeEmptyEntities(client, [String(id)]).finally(() => client.release());
      await until(async () => await count(url,
        "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'archive clean-up' AND wait_event_type = 'Lock'") === 1,
      'the clean-up to wait for the batch');
      // the batch adds its counts (the NO KEY UPDATE lock does not wait for the clean-up) and commits
      await batch.query('SELECT id FROM sa_entities WHERE id = $1 FOR NO KEY UPDATE', [id]);
      await batch.query('UPDATE sa_entities SET mentions = mentions + 3, articles = articles + 1 WHERE id = $1', [id]);
      await batch.query('COMMIT');
      assert.equal(await cleanup, 0, 'nothing deleted');
      assert.equal(await count(url, 'SELECT mentions FROM sa_entities WHERE id = $1', [id]), 3);
      // once empty and unlocked, it goes
      await batch.query('UPDATE sa_entities SET mentions = 0, articles = 0 WHERE id = $1', [id]);
      const again = await pool.connect();
      try {
        assert.equal(await removeEmptyEntities(again, [String(id)]), 1);
      } finally {
        again.release();
      }
      assert.equal(await count(url, 'SELECT count(*) FROM sa_entities WHERE id = $1', [id]), 0);
    } finally {
      await batch.end();
      await pool.end();
    }
  });

  it('keeps an article whose file the folder walk skips but which is still on the disk', async () => {
    const url = await freshDatabase();
    const parent = syntheticFolder('walk', 4, 0);
    const hidden = join(parent, 'build');
    mkdirSync(hidden);
    writeFileSync(join(hidden, 'draft.txt'), readFileSync(join(parent, '00001.txt'), 'utf8'));
    assert.equal((await ingestJson(url, hidden)).result.code, 0);
    const run = await ingestJson(url, parent);
    assert.equal(run.result.code, 0, run.result.stderr);
    assert.equal(run.summary.removed, 0);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles WHERE path = $1', [join(hidden, 'draft.txt')]), 1);
  });

  it('reports a bad file, loads the others and exits non-zero', async () => {
    const url = await freshDatabase();
    const dir = syntheticFolder('bad', 12);
    writeFileSync(join(dir, '00005-binary.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 1, 2, 3]));
    const { result, summary } = await ingestJson(url, '--batch', '4', dir);
    assert.equal(result.code, 1);
    assert.match(result.stderr, /00005-binary\.txt: not ingested: binary file/);
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual({ files: summary.files, written: summary.written, failed: summary.failed }, { files: 13, written: 12, failed: 1 });
    assert.equal(await count(url, 'SELECT count(*) FROM sa_articles'), 12);
    await assertConsistent(url);
  });

  it('resumes after being killed mid-run, leaving no half article, and ends as a clean run does', async () => {
    const url = await freshDatabase();
    const dir = syntheticFolder('resume', 240);
    const run = startCli(['archive', 'ingest', '--db', url, '--jobs', '1', '--batch', '8', dir]);
    await until(async () => {
      try {
        return await count(url, 'SELECT count(*) FROM sa_articles') >= 16;
      } catch {
        return false; // the schema is not there yet
      }
    }, 'the first batches to commit');
    run.child.kill('SIGKILL');
    const killed = await run.done;
    assert.equal(killed.signal, 'SIGKILL');
    const partial = await count(url, 'SELECT count(*) FROM sa_articles');
    assert.ok(partial >= 16 && partial < 240, `${partial} articles when killed`);
    assert.equal(partial % 8, 0, 'whole batches only');
    await assertConsistent(url);

    const resumed = await ingestJson(url, '--jobs', '2', dir);
    assert.equal(resumed.result.code, 0, resumed.result.stderr);
    assert.equal(resumed.summary.unchanged, partial, 'what was committed is not analysed again');
    assert.equal(resumed.summary.written, 240 - partial);
    await assertConsistent(url);

    const clean = await freshDatabase();
    assert.equal((await ingestJson(clean, '--jobs', '2', dir)).result.code, 0);
    assert.deepEqual(await snapshot(url), await snapshot(clean));
  });

  it('takes two runs at once on different folders of a new archive (migrations included)', async () => {
    const url = await freshDatabase();
    const a = syntheticFolder('concurrent-a', 60, 0);
    const b = syntheticFolder('concurrent-b', 60, 1000);
    const [ra, rb] = await Promise.all([ingestJson(url, '--jobs', '1', '--batch', '5', a), ingestJson(url, '--jobs', '1', '--batch', '5', b)]);
    assert.equal(ra.result.code, 0, ra.result.stderr);
    assert.equal(rb.result.code, 0, rb.result.stderr);
    assert.equal(ra.summary.written + rb.summary.written, 120);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_schema_migrations'), MIGRATIONS.length);
    await assertConsistent(url);
    const sequential = await freshDatabase();
    assert.equal((await ingestJson(sequential, a)).result.code, 0);
    assert.equal((await ingestJson(sequential, b)).result.code, 0);
    assert.deepEqual(await snapshot(url), await snapshot(sequential));
  });

  it('takes a run removing articles and a run adding others at once, and ends as a fresh load of what is left', async () => {
    const url = await freshDatabase();
    const a = syntheticFolder('shrinking', 40, 0);
    const b = syntheticFolder('growing', 40, 2000);
    assert.equal((await ingestJson(url, '--batch', '5', a)).result.code, 0);
    for (let n = 0; n < 40; n += 2) unlinkSync(join(a, `${String(n).padStart(5, '0')}.txt`));
    const [ra, rb] = await Promise.all([ingestJson(url, '--jobs', '1', a), ingestJson(url, '--jobs', '1', '--batch', '5', b)]);
    assert.equal(ra.result.code, 0, ra.result.stderr);
    assert.equal(rb.result.code, 0, rb.result.stderr);
    assert.deepEqual([ra.summary.removed, rb.summary.written], [20, 40]);
    await assertConsistent(url);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_entities WHERE mentions = 0'), 0);
    const clean = await freshDatabase();
    assert.equal((await ingestJson(clean, a, b)).result.code, 0);
    const keys = (u: string) => withClient(u, async (c) => (await c.query<{ key: string }>('SELECT key FROM sa_entities ORDER BY key')).rows.map((r) => r.key));
    assert.deepEqual(await keys(url), await keys(clean));
    assert.deepEqual((await snapshot(url)).entities, (await snapshot(clean)).entities);
  });

  it('says why when the server is down, the password is refused or the URL is wrong, without a stack trace', async () => {
    const good = new URL(await freshDatabase());
    const down = new URL(good.toString());
    down.port = String(await closedPort());
    const r1 = await cli('archive', 'stats', '--db', down.toString());
    assert.equal(r1.code, 1);
    assert.match(r1.stderr, /^archive stats: cannot reach the archive at 127\.0\.0\.1:\d+: connection refused/);
    const wrong = new URL(good.toString());
    wrong.password = 'not-the-password';
    const r2 = await cli('archive', 'ingest', '--db', wrong.toString(), sampleFolder());
    assert.equal(r2.code, 1);
    assert.match(r2.stderr, /password refused for user "postgres"/);
    assert.doesNotMatch(r2.stderr, /not-the-password/, 'the password is never printed');
    const r3 = await cli('archive', 'query', '--db', 'mysql://localhost/x', '--entity', 'NATO');
    assert.equal(r3.code, 1);
    assert.match(r3.stderr, /not a PostgreSQL URL/);
    const missing = new URL(good.toString());
    missing.pathname = '/no_such_database';
    const r4 = await cli('archive', 'stats', '--db', missing.toString());
    assert.match(r4.stderr, /has no database "no_such_database"/);
    for (const r of [r1, r2, r3, r4]) assert.doesNotMatch(r.stderr, /\n\s+at /);
  });
});

async function closedPort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolvePort) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}
