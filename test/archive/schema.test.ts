import { strict as assert } from 'node:assert';
import pg from 'pg';
import { PostgresStore } from '../../src/node/archive/postgresStore';
import { MIGRATIONS } from '../../src/node/archive/schema';
import { count, freshDatabase, ingestJson, sampleFolder, withClient } from './helpers';

const TRIGRAM_INDEXES = "SELECT count(*) FROM pg_indexes WHERE indexname IN ('sa_entities_name_trgm', 'sa_entity_aliases_normalized_trgm')";

describe('archive schema: the optional trigram indexes (PostgreSQL)', function () {
  this.timeout(300000);

  it('goes on without them when the role may not create pg_trgm, and adds them once it may', async () => {
    const adminUrl = await freshDatabase('limited');
    const database = new URL(adminUrl).pathname.slice(1);
    const role = `sa_limited_${process.pid}`;
    // a role that may create tables in the database but not extensions (no CREATE on the database),
    // as on a managed server where the archive's user is not the database's owner
    await withClient(adminUrl, async (c) => {
      await c.query(`DROP ROLE IF EXISTS ${role}`);
      await c.query(`CREATE ROLE ${role} LOGIN PASSWORD 'limited'`);
      await c.query(`GRANT CREATE ON SCHEMA public TO ${role}`);
    });
    const url = new URL(adminUrl);
    url.username = role;
    url.password = 'limited';
    const limited = url.toString();
    assert.equal(await count(limited, "SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'"), 0);
    assert.equal(await count(limited, "SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'"), 1, 'the server has it');

    const dir = sampleFolder();
    const first = await ingestJson(limited, dir);
    assert.equal(first.result.code, 0, first.result.stderr);
    assert.deepEqual((first.summary as unknown as { migrated: number[] }).migrated, MIGRATIONS.map((m) => m.version));
    assert.match(first.result.stderr, /note: trigram indexes not created: permission denied to create extension "pg_trgm".*the entities filter works without them/);
    assert.doesNotMatch(first.result.stderr, /\n\s+at /);
    assert.equal(await count(limited, TRIGRAM_INDEXES), 0);
    assert.equal(await count(limited, "SELECT count(*) FROM sa_schema_deferred WHERE step = 'trigram indexes'"), 1, 'recorded for a later run');
    assert.equal(await count(limited, 'SELECT count(*) FROM sa_articles'), 6, 'the articles are loaded all the same');
    const store = new PostgresStore({ url: limited });
    try {
      const found = await store.entities({ limit: 1000, filter: 'egset' });
      assert.ok(found.items.some((e) => e.canonical === 'Pete Hegseth'), 'the filter works by a scan');
    } finally {
      await store.close();
    }

    // still refused: the next run says nothing new and loads as before
    const second = await ingestJson(limited, dir);
    assert.equal(second.result.code, 0, second.result.stderr);
    assert.doesNotMatch(second.result.stderr, /trigram/);
    assert.equal(await count(limited, TRIGRAM_INDEXES), 0);
    assert.equal(await count(limited, "SELECT count(*) FROM sa_schema_deferred WHERE step = 'trigram indexes'"), 1);

    await withClient(adminUrl, (c) => c.query(`GRANT CREATE ON DATABASE ${database} TO ${role}`));
    const third = await ingestJson(limited, dir);
    assert.equal(third.result.code, 0, third.result.stderr);
    assert.match(third.result.stderr, /note: trigram indexes created \(deferred by an earlier run\)/);
    assert.equal(await count(limited, TRIGRAM_INDEXES), 2);
    assert.equal(await count(limited, 'SELECT count(*) FROM sa_schema_deferred'), 0);
    const fourth = await ingestJson(limited, dir);
    assert.doesNotMatch(fourth.result.stderr, /trigram/, 'once in place, nothing more to say');
  });

  it('adds them to an archive whose schema version 2 was applied on a server without pg_trgm', async () => {
    const old = await freshDatabase('without_trgm');
    const pool = new pg.Pool({ connectionString: old, max: 1 });
    try {
      const client = await pool.connect();
      try {
        // what schema 2 left on a server without the extension: the version recorded, no index
        await client.query('CREATE TABLE sa_schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())');
        await client.query(MIGRATIONS[0].sql);
        await client.query('INSERT INTO sa_schema_migrations (version, name) VALUES (1, $1), (2, $2)', [MIGRATIONS[0].name, MIGRATIONS[1].name]);
      } finally {
        client.release();
      }
    } finally {
      await pool.end();
    }
    assert.equal(await count(old, TRIGRAM_INDEXES), 0);
    const run = await ingestJson(old, sampleFolder());
    assert.equal(run.result.code, 0, run.result.stderr);
    assert.deepEqual((run.summary as unknown as { migrated: number[] }).migrated, MIGRATIONS.slice(2).map((m) => m.version));
    assert.equal(await count(old, TRIGRAM_INDEXES), 2);
    assert.equal(await count(old, 'SELECT count(*) FROM sa_schema_deferred'), 0);
  });
});
