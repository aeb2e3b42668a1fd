import { strict as assert } from 'node:assert';
import pg from 'pg';
import { normalizeName } from '../../src/core/index/entityKey';
import { entityFilterSql, PostgresStore } from '../../src/node/archive/postgresStore';
import { migrate, MIGRATIONS } from '../../src/node/archive/schema';
import { cli, count, freshDatabase, ingestJson, sampleFolder, syntheticFolder, until, withClient } from './helpers';

describe('archive query, stats and the PostgreSQL store', function () {
  this.timeout(300000);
  let url: string;

  let folder: string;

  before(async () => {
    url = await freshDatabase('query');
    folder = sampleFolder();
    const { result } = await ingestJson(url, folder);
    assert.equal(result.code, 0, result.stderr);
  });

  it('agrees with the editor\'s entities (the entities command) on name, type, mentions and articles', async () => {
    const listed = await cli('entities', '--json', folder);
    assert.equal(listed.code, 0, listed.stderr);
    const rows = listed.stdout.trim().split('\n').slice(0, 20).map((line) => JSON.parse(line) as {
      canonical: string; type: string; mentions: number; articles: number; aliases: { text: string }[];
    });
    // including the index's joins: a surname to the one full name it belongs to ("Trump" to "Donald Trump"),
    // initials to the one organization they abbreviate
    let joined = 0;
    for (const row of rows) {
      const r = await cli('archive', 'query', '--db', url, '--entity', row.canonical, '--json');
      assert.equal(r.code, 0, r.stderr);
      const answer = JSON.parse(r.stdout);
      assert.deepEqual([answer.canonical, answer.type, answer.mentions, answer.articles], [row.canonical, row.type, row.mentions, row.articles]);
      if (row.aliases.some((x) => normalizeName(x.text) !== normalizeName(row.canonical))) {
        joined++;
        // asked by the short form, the same entity
        const short = row.aliases.find((x) => normalizeName(x.text) !== normalizeName(row.canonical))!.text;
        const byShort = JSON.parse((await cli('archive', 'query', '--db', url, '--entity', short, '--json')).stdout);
        assert.deepEqual(byShort, answer, `"${short}" names ${row.canonical}`);
      }
    }
    console.log(`      ${rows.length} most mentioned entities compared, ${joined} of them joined with a short form`);
    assert.ok(joined >= 1);
  });

  it('lists the entities as the entities command does: short forms joined, same names, types and counts', async () => {
    const { rows, total } = await compareListing(url, folder);
    const unjoined = await count(url, 'SELECT count(*) FROM sa_entities WHERE mentions > 0 AND NOT (common AND plain = 0)');
    console.log(`      ${total} entities listed, ${unjoined - total} short forms counted with their full names`);
    assert.ok(unjoined - total >= 1, 'short forms are joined');
    // no short form listed apart from its full name
    assert.ok(!rows.some((r) => r.canonical === 'Trump'), 'Trump is counted with Donald Trump');
    const store = new PostgresStore({ url });
    try {
      // the filter finds a joined entity by its short form's written forms, and the type filter applies to the group
      const trump = await store.entities({ limit: 10, filter: 'trump', type: 'PERSON' });
      assert.deepEqual(trump.items.map(line), rows.filter((e) => e.canonical === 'Donald Trump').map(line));
    } finally {
      await store.close();
    }
  });

  it('lists the entities as the entities command does over synthetic articles too', async () => {
    const synthetic = await freshDatabase('listing');
    const dir = syntheticFolder('listing', 120);
    assert.equal((await ingestJson(synthetic, '--jobs', '2', dir)).result.code, 0);
    // the synthetic text garbles some names ("Wanda Ivanova-"): the archive may spell those apart from the editor
    // (it names an entity by its recorded canonical form in its most frequent spelling), so names are compared normalized
    const { total } = await compareListing(synthetic, dir, true);
    const unjoined = await count(synthetic, 'SELECT count(*) FROM sa_entities WHERE mentions > 0 AND NOT (common AND plain = 0)');
    console.log(`      ${total} entities listed, ${unjoined - total} short forms counted with their full names`);
  });

  it('archive query --json prints exactly the contract, by canonical name or alias, any case', async () => {
    const r = await cli('archive', 'query', '--db', url, '--entity', 'NATO', '--json');
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1, 'one JSON object');
    const answer = JSON.parse(lines[0]);
    assert.deepEqual(Object.keys(answer), ['canonical', 'type', 'articles', 'mentions', 'top']);
    assert.equal(answer.canonical, 'North Atlantic Treaty Organization', 'the registry names it');
    assert.equal(answer.type, 'ORG');
    const key = 'ORG:north atlantic treaty organization';
    assert.equal(answer.mentions, await count(url, 'SELECT count(*) FROM sa_mentions m JOIN sa_entities e ON e.id = m.entity_id WHERE e.key = $1', [key]));
    assert.equal(answer.articles, await count(url, 'SELECT count(DISTINCT article_id) FROM sa_mentions m JOIN sa_entities e ON e.id = m.entity_id WHERE e.key = $1', [key]));
    assert.ok(answer.top.length >= 1 && answer.top.length <= 5);
    for (const t of answer.top) {
      assert.deepEqual(Object.keys(t), ['file', 'title', 'date', 'count', 'snippet']);
      assert.ok(t.file.endsWith('.txt'));
      assert.ok(t.date === null || /^\d{4}-\d{2}-\d{2}$/.test(t.date));
      assert.match(t.snippet, /NATO|North Atlantic/);
    }
    const counts = answer.top.map((t: { count: number }) => t.count);
    assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most mentions first');
    const byAlias = JSON.parse((await cli('archive', 'query', '--db', url, '--entity', 'north atlantic treaty organization', '--json')).stdout);
    assert.deepEqual(byAlias, answer);
  });

  it('archive query says so when no entity has the name; the readable form names the articles', async () => {
    const missing = await cli('archive', 'query', '--db', url, '--entity', 'Nobody Anywhere');
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /no entity "Nobody Anywhere" in the archive/);
    const readable = await cli('archive', 'query', '--db', url, '--entity', 'NATO');
    assert.equal(readable.code, 0);
    assert.match(readable.stdout, /^North Atlantic Treaty Organization \(ORG\): \d+ mentions in \d+ articles/);
    assert.match(readable.stdout, /Articles naming it most:/);
  });

  it('archive stats --json gives the counts and the database size', async () => {
    const r = await cli('archive', 'stats', '--db', url, '--json');
    assert.equal(r.code, 0, r.stderr);
    const stats = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(stats), ['articles', 'mentions', 'entities', 'bytes']);
    assert.equal(stats.articles, 6);
    assert.equal(stats.mentions, await count(url, 'SELECT count(*) FROM sa_mentions'));
    assert.ok(stats.entities > 20 && stats.entities <= await count(url, 'SELECT count(*) FROM sa_entities'));
    assert.equal(stats.bytes, await count(url, 'SELECT pg_database_size(current_database())'));
    const readable = await cli('archive', 'stats', '--db', url);
    assert.match(readable.stdout, /^articles {2}6\nmentions {2}\d+\nentities {2}\d+\nsize {6}[\d.]+ MB\n$/);
  });

  it('pages references in a stable order with the total, and lists entities most mentioned first', async () => {
    const store = new PostgresStore({ url });
    try {
      const first = await store.references({ name: 'NATO' }, { limit: 7 });
      const all = [...first.items];
      let next = first.nextOffset;
      while (next !== undefined) {
        const page = await store.references({ name: 'NATO' }, { offset: next, limit: 7 });
        assert.equal(page.total, first.total);
        all.push(...page.items);
        next = page.nextOffset;
      }
      assert.equal(all.length, first.total);
      const keys = all.map((m) => `${m.file}\u0000${m.start}`);
      assert.equal(new Set(keys).size, keys.length, 'no mention twice across pages');
      for (const m of all) assert.ok(m.snippet.includes(m.text), `${m.text} in its snippet`);
      const entities = await store.entities({ limit: 10 });
      assert.equal(entities.items.length, 10);
      const mentions = entities.items.map((e) => e.mentions);
      assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a));
      assert.equal(entities.total, (await store.stats()).entities);
      const people = await store.entities({ limit: 1000, type: 'PERSON', filter: 'hegseth' });
      assert.ok(people.items.length >= 1 && people.items.every((e) => e.type === 'PERSON' && /hegseth/i.test(e.canonical)));
    } finally {
      await store.close();
    }
  });

  it('gives up on a query at once when its signal aborts, and the server cancels the statement', async () => {
    const store = new PostgresStore({ url });
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE sa_entities IN ACCESS EXCLUSIVE MODE');
      const controller = new AbortController();
      const started = Date.now();
      const pending = store.entity({ name: 'NATO', signal: controller.signal });
      // the store's query is blocked behind the lock until the abort
      await until(async () => await count(url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'source-annotator store' AND wait_event_type = 'Lock'") === 1,
        'the query to wait on the lock');
      controller.abort();
      await assert.rejects(pending, (err: Error) => err.name === 'AbortError');
      assert.ok(Date.now() - started < 30000);
      await until(async () => await count(url, "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'source-annotator store' AND state = 'active'") === 0,
        'the server to cancel the statement');
      await locker.query('ROLLBACK');
      const answer = await store.entity({ name: 'NATO' });
      assert.equal(answer?.type, 'ORG', 'the store answers again');
      const aborted = new AbortController();
      aborted.abort();
      await assert.rejects(store.stats(aborted.signal), (err: Error) => err.name === 'AbortError');
    } finally {
      await locker.end();
      await store.close();
    }
  });

  it('answers the entities filter from trigram indexes on the name and the written forms', async () => {
    assert.equal(await count(url, "SELECT count(*) FROM pg_indexes WHERE indexname IN ('sa_entities_name_trgm', 'sa_entity_aliases_normalized_trgm')"), 2);
    const plan = await withClient(url, async (c) => {
      await c.query('SET enable_seqscan = off');
      const rows = (await c.query(`EXPLAIN SELECT id FROM sa_entities WHERE ${entityFilterSql("'%egset%'")}`)).rows as { 'QUERY PLAN': string }[];
      return rows.map((r) => r['QUERY PLAN']).join('\n');
    });
    assert.match(plan, /sa_entities_name_trgm/);
    assert.match(plan, /sa_entity_aliases_normalized_trgm/);
    const store = new PostgresStore({ url });
    try {
      const found = await store.entities({ limit: 1000, filter: 'EGSET' });
      assert.ok(found.items.some((e) => e.canonical === 'Pete Hegseth'), JSON.stringify(found.items));
      const none = await store.entities({ limit: 10, filter: 'zzqxw' });
      assert.deepEqual({ items: none.items, total: none.total }, { items: [], total: 0 });
    } finally {
      await store.close();
    }
  });

  it('upgrades an archive of schema version 1 to the current schema, then loads into it', async () => {
    const old = await freshDatabase('upgrade');
    const pool = new pg.Pool({ connectionString: old, max: 1 });
    try {
      const client = await pool.connect();
      try {
        await client.query(`CREATE TABLE sa_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
        await client.query('BEGIN');
        await client.query(MIGRATIONS[0].sql);
        await client.query('INSERT INTO sa_schema_migrations (version, name) VALUES (1, $1)', [MIGRATIONS[0].name]);
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
    const dir = sampleFolder();
    const run = await ingestJson(old, dir);
    assert.equal(run.result.code, 0, run.result.stderr);
    assert.deepEqual((run.summary as unknown as { migrated: number[] }).migrated, MIGRATIONS.slice(1).map((m) => m.version));
    assert.equal(await count(old, 'SELECT count(*) FROM sa_schema_migrations'), MIGRATIONS.length);
    assert.equal(await count(old, "SELECT count(*) FROM pg_indexes WHERE indexname = 'sa_entities_name_trgm'"), 1);
  });

  it('applies migrations once when several tools start at once, and refuses a newer schema', async () => {
    const fresh = await freshDatabase('migrate');
    const pool = new pg.Pool({ connectionString: fresh, max: 4 });
    try {
      const results = await Promise.all([0, 1, 2, 3].map(async () => {
        const client = await pool.connect();
        try {
          return await migrate(client);
        } finally {
          client.release();
        }
      }));
      assert.deepEqual(results.map((r) => r.length).sort(), [0, 0, 0, MIGRATIONS.length]);
      await withClient(fresh, (c) => c.query("INSERT INTO sa_schema_migrations (version, name) VALUES (999, 'from a newer tool')"));
      const client = await pool.connect();
      try {
        await assert.rejects(migrate(client), /newer than this tool's/);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
  });
});

interface Listed { canonical: string; type: string; mentions: number; articles: number }
const line = (r: Listed) => `${r.canonical} ${r.type} ${r.mentions} ${r.articles}`;

/** Every page of `PostgresStore.entities` against `entities --json` over the folder: the same rows. */
async function compareListing(url: string, folder: string, normalized = false): Promise<{ rows: Listed[]; total: number }> {
  const listed = await cli('entities', '--json', folder);
  assert.equal(listed.code, 0, listed.stderr);
  const expected = listed.stdout.trim().split('\n').map((l) => JSON.parse(l) as Listed);
  const store = new PostgresStore({ url });
  try {
    const rows: Listed[] = [];
    let offset: number | undefined = 0;
    let total = -1;
    while (offset !== undefined) {
      const page = await store.entities({ offset, limit: 25 });
      assert.ok(total === -1 || page.total === total, 'the same total on every page');
      total = page.total;
      rows.push(...page.items);
      offset = page.nextOffset;
    }
    assert.equal(rows.length, total);
    const key = normalized ? (r: Listed) => line({ ...r, canonical: normalizeName(r.canonical) }) : line;
    assert.deepEqual(rows.map(key).sort(), expected.map(key).sort());
    if (normalized) {
      const spelled = new Set(expected.map(line));
      const apart = rows.filter((r) => !spelled.has(line(r))).map((r) => r.canonical);
      console.log(`      ${rows.length - apart.length} of ${rows.length} named exactly as the entities command names them${apart.length ? ` (not: ${apart.join(', ')})` : ''}`);
    }
    const mentions = rows.map((r) => r.mentions);
    assert.deepEqual(mentions, [...mentions].sort((a, b) => b - a), 'most mentioned first');
    assert.equal((await store.stats()).entities, expected.length, 'stats count the entities as listed');
    return { rows, total };
  } finally {
    await store.close();
  }
}
