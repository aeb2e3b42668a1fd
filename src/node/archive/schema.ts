/**
 * The archive's schema, as numbered migrations the tool applies itself (`archive ingest`, `archive migrate`).
 * Each migration runs in its own transaction and is recorded in `sa_schema_migrations`; a session advisory
 * lock makes two tools that start at once apply them one after the other (the second finds them applied).
 *
 * Sizing notes (see docs/scale.md): `sa_mentions` is the big table (about 40 rows per article). It has no
 * surrogate key and one index, (entity_id, article_id, start_offset) INCLUDE (end_offset, surface), which
 * serves the references list as an index-only scan and the deletion of a changed article's mentions.
 * The hover card reads `sa_entity_articles`, one row per (entity, article) with the count and the first
 * mention, through (entity_id, count DESC, published DESC): its top articles are the first rows of an index.
 */
import type { PoolClient } from 'pg';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  /** An optional step (a key of `OPTIONAL_STEPS`) applied with the migration when the server allows it. */
  optional?: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'articles, entities, mentions, dates, figures, registry and annotations',
    sql: `
CREATE TABLE sa_articles (
  id           bigserial PRIMARY KEY,
  path         text COLLATE "C" NOT NULL UNIQUE,
  content_hash text NOT NULL,
  -- content, sidecar date, registry and analysis version together: what decides a re-ingest
  ingest_hash  text NOT NULL,
  title        text NOT NULL,
  outlet       text,
  byline       text,
  published    date,
  size         integer NOT NULL,
  ingested_at  timestamptz NOT NULL DEFAULT now()
);
-- the text, for snippets; apart so that scans of sa_articles stay small (TOAST compresses it)
CREATE TABLE sa_article_texts (
  article_id bigint PRIMARY KEY REFERENCES sa_articles (id) ON DELETE CASCADE,
  body       text NOT NULL
);
CREATE TABLE sa_entities (
  id        bigserial PRIMARY KEY,
  -- the index's entity key: "~:name" (type decided by the mentions) or "TYPE:name" (curated in a registry)
  key       text COLLATE "C" NOT NULL UNIQUE,
  canonical text NOT NULL,
  curated_type text,
  -- of a multi-word name the registry does not curate: its last word and its initials, for joining a short
  -- form ("Trump", "NATO") to the one full name it stands for, as the editor's index does
  surname   text,
  initials  text,
  -- every word of the name is a common English word (with no mention in a sentence: not an entity)
  common    boolean NOT NULL DEFAULT false,
  mentions  bigint NOT NULL DEFAULT 0,
  articles  bigint NOT NULL DEFAULT 0,
  -- evidence for the type, summed over every mention (same weights as the editor's index)
  w_person  bigint NOT NULL DEFAULT 0,
  w_org     bigint NOT NULL DEFAULT 0,
  w_place   bigint NOT NULL DEFAULT 0,
  w_misc    bigint NOT NULL DEFAULT 0,
  plain     bigint NOT NULL DEFAULT 0
);
CREATE INDEX sa_entities_mentions ON sa_entities (mentions DESC, id);
CREATE INDEX sa_entities_surname ON sa_entities (surname) WHERE surname IS NOT NULL;
CREATE INDEX sa_entities_initials ON sa_entities (initials) WHERE initials IS NOT NULL;
CREATE TABLE sa_entity_aliases (
  entity_id  bigint NOT NULL REFERENCES sa_entities (id),
  alias      text NOT NULL,
  normalized text COLLATE "C" NOT NULL,
  count      bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (entity_id, alias)
);
CREATE INDEX sa_entity_aliases_normalized ON sa_entity_aliases (normalized);
CREATE TABLE sa_mentions (
  entity_id    bigint NOT NULL,
  article_id   bigint NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  surface      text NOT NULL,
  -- the type the extractor gave this mention (0 PERSON, 1 ORG, 2 PLACE, 3 MISC)
  type         smallint NOT NULL
);
CREATE INDEX sa_mentions_entity ON sa_mentions (entity_id, article_id, start_offset) INCLUDE (end_offset, surface);
CREATE TABLE sa_entity_articles (
  entity_id   bigint NOT NULL,
  article_id  bigint NOT NULL,
  count       integer NOT NULL,
  first_start integer NOT NULL,
  first_end   integer NOT NULL,
  published   date,
  w_person    integer NOT NULL,
  w_org       integer NOT NULL,
  w_place     integer NOT NULL,
  w_misc      integer NOT NULL,
  plain       integer NOT NULL,
  PRIMARY KEY (entity_id, article_id)
);
CREATE INDEX sa_entity_articles_top ON sa_entity_articles (entity_id, count DESC, published DESC NULLS LAST, article_id);
CREATE INDEX sa_entity_articles_article ON sa_entity_articles (article_id);
CREATE TABLE sa_dates (
  article_id   bigint NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  value        text,
  mod          text,
  PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX sa_dates_value ON sa_dates (value) WHERE value IS NOT NULL;
CREATE TABLE sa_figures (
  article_id   bigint NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  type         text NOT NULL,
  value        double precision,
  unit         text,
  measure      text,
  PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX sa_figures_value ON sa_figures (type, unit, value);
-- the entity registries (.sources/entities.yaml) as ingested, one row per entity per registry file
CREATE TABLE sa_registry_entities (
  registry    text NOT NULL,
  canonical   text NOT NULL,
  type        text NOT NULL,
  aliases     text[] NOT NULL DEFAULT '{}',
  description text,
  links       text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (registry, type, canonical)
);
CREATE TABLE sa_registry_ignored (
  registry text NOT NULL,
  surface  text NOT NULL,
  PRIMARY KEY (registry, surface)
);
-- the analysts' annotations from the sidecars, replaced with their article
CREATE TABLE sa_annotations (
  article_id   bigint NOT NULL REFERENCES sa_articles (id) ON DELETE CASCADE,
  id           text NOT NULL,
  tags         text[] NOT NULL,
  note         text NOT NULL,
  author       text,
  exact        text NOT NULL,
  start_offset integer NOT NULL,
  end_offset   integer NOT NULL,
  created      text,
  modified     text,
  PRIMARY KEY (article_id, id)
);
CREATE INDEX sa_annotations_tags ON sa_annotations USING gin (tags);
`,
  },
  {
    version: 2,
    name: 'trigram indexes for the entities filter (pg_trgm, when the server has it)',
    // The Entities view's filter is a substring match (LIKE '%text%') on the name and the written forms;
    // a trigram index answers it without reading every entity. pg_trgm ships with PostgreSQL's contrib
    // (Debian's postgresql-15 package) and is a trusted extension, so the archive's owner may create it.
    // On a server without it, or for a role that may not create it, the step is deferred (see
    // `OPTIONAL_STEPS`): the filter still works, by a scan, and a later run adds the indexes.
    sql: '',
    optional: 'trigram indexes',
  },
  {
    version: 3,
    name: 'quotations with their speakers',
    // One row per quotation (the quoted words' offsets, without the quotation marks), replaced with its
    // article. The speaker is the archive's entity of the name the attribution rests on (joined to a full
    // name at query time, as every entity query does); speaker and speaker_type keep the name and type the
    // article gave it when it was ingested. An archive of schema 2 whose trigram step found no pg_trgm
    // records that step as deferred here, so that it is added once the extension is there.
    sql: `
CREATE TABLE sa_quotes (
  article_id        bigint NOT NULL REFERENCES sa_articles (id) ON DELETE CASCADE,
  start_offset      integer NOT NULL,
  end_offset        integer NOT NULL,
  text              text NOT NULL,
  speaker_entity_id bigint,
  speaker           text,
  speaker_type      text,
  cue_start         integer,
  cue_end           integer,
  PRIMARY KEY (article_id, start_offset, end_offset)
);
CREATE INDEX sa_quotes_speaker ON sa_quotes (speaker_entity_id);
INSERT INTO sa_schema_deferred (step, reason)
  SELECT 'trigram indexes', 'pg_trgm was not available when schema version 2 was applied'
  WHERE NOT EXISTS (SELECT 1 FROM pg_indexes WHERE indexname = 'sa_entities_name_trgm')
  ON CONFLICT (step) DO NOTHING;
`,
  },
  // Version 3 is the quotations table (sa_quotes), added by the quotation mirroring.
  {
    version: 4,
    name: 'analysis views: paragraph entity sets, dated sentences (timeline and connections queries)',
    // Connections count paragraphs naming two entities: one row per (article, paragraph, entity), read by
    // entity for one entity's connections and joined on (article, paragraph) for pairs. The timeline orders
    // resolved dates by their period's first day and precision (as the editor's timeline orders them); each date
    // keeps its sentence's offsets (the sentence is cut from the article's text) and the entities it names,
    // in text order (a GIN index answers "dates naming this entity"). Articles ingested before this version
    // have none of these until they are ingested again (the rows version changed with it).
    sql: `
ALTER TABLE sa_articles ADD COLUMN paragraphs integer NOT NULL DEFAULT 0;
ALTER TABLE sa_dates ADD COLUMN sentence_start integer, ADD COLUMN sentence_end integer,
  ADD COLUMN from_day text COLLATE "C", ADD COLUMN to_day text COLLATE "C", ADD COLUMN precision smallint,
  ADD COLUMN entity_ids bigint[];
CREATE INDEX sa_dates_timeline ON sa_dates (from_day, precision) WHERE from_day IS NOT NULL;
CREATE INDEX sa_dates_entities ON sa_dates USING gin (entity_ids) WHERE from_day IS NOT NULL;
CREATE TABLE sa_paragraph_entities (
  article_id bigint NOT NULL,
  paragraph  integer NOT NULL,
  entity_id  bigint NOT NULL,
  PRIMARY KEY (article_id, paragraph, entity_id)
);
CREATE INDEX sa_paragraph_entities_entity ON sa_paragraph_entities (entity_id, article_id, paragraph);
`,
  },
];

/**
 * Parts of the schema that only speed queries up and need something the server or the role may lack:
 * when one cannot be applied, the migration that carries it goes on without it and records it in
 * `sa_schema_deferred`; every later `migrate` tries it again, until it is in place.
 */
export interface OptionalStep {
  /** The extension the step needs (checked in `pg_available_extensions` first). */
  extension: string;
  /** Idempotent: it may run again after a partial or earlier success. */
  sql: string;
  /** What the archive does without it, for the notice. */
  without: string;
}

export const OPTIONAL_STEPS: Readonly<Record<string, OptionalStep>> = {
  'trigram indexes': {
    extension: 'pg_trgm',
    sql: `
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX IF NOT EXISTS sa_entities_name_trgm ON sa_entities USING gin ((substr(key, strpos(key, ':') + 1)) gin_trgm_ops);
CREATE INDEX IF NOT EXISTS sa_entity_aliases_normalized_trgm ON sa_entity_aliases USING gin (normalized gin_trgm_ops);
`,
    without: 'the entities filter works without them, by reading every entity',
  },
};

/**
 * SQLSTATEs that mean "this server or this role cannot do the optional step" rather than a fault:
 * insufficient privilege, an extension whose files are missing, a feature not supported, an undefined
 * object (an operator class of a missing extension).
 */
const OPTIONAL_REFUSALS = new Set(['42501', '58P01', '0A000', '42704', '42883']);

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** The advisory lock key of migrations (any constant shared by every copy of the tool). */
const MIGRATION_LOCK = 0x5a_a7_c1_01;

export interface MigrateOptions {
  /** Told when an optional step is deferred, and when a deferred one is added at last. */
  onNotice?: (message: string) => void;
}

/**
 * Applies the migrations the database lacks, each in a transaction, under a session advisory lock, then
 * tries again the optional steps an earlier run had to defer. Returns the versions applied now (empty
 * when the schema was current). A database whose schema is newer than this tool's is refused, so an old
 * copy never writes into a layout it does not know.
 */
export async function migrate(client: PoolClient, options: MigrateOptions = {}): Promise<number[]> {
  const notice = options.onNotice ?? (() => undefined);
  await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await client.query(`CREATE TABLE IF NOT EXISTS sa_schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await client.query(`CREATE TABLE IF NOT EXISTS sa_schema_deferred (
      step text PRIMARY KEY, reason text NOT NULL, recorded_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM sa_schema_migrations');
    const applied = new Set(rows.map((r) => Number(r.version)));
    const newest = Math.max(0, ...applied);
    if (newest > SCHEMA_VERSION) {
      throw new Error(`the archive's schema is version ${newest}, newer than this tool's (${SCHEMA_VERSION}): update source-annotator`);
    }
    const done: number[] = [];
    const deferredNow = new Set<string>();
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      await client.query('BEGIN');
      try {
        if (migration.sql.trim()) await client.query(migration.sql);
        if (migration.optional) {
          const refused = await tryOptionalStep(client, migration.optional);
          if (refused !== undefined) {
            deferredNow.add(migration.optional);
            await client.query(`INSERT INTO sa_schema_deferred (step, reason) VALUES ($1, $2)
              ON CONFLICT (step) DO UPDATE SET reason = EXCLUDED.reason, recorded_at = now()`, [migration.optional, refused]);
            notice(`${migration.optional} not created: ${refused}; ${OPTIONAL_STEPS[migration.optional].without}. ` +
              'A later run adds them once the server allows it.');
          }
        }
        await client.query('INSERT INTO sa_schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw err;
      }
      done.push(migration.version);
    }
    await retryDeferred(client, deferredNow, notice);
    return done;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
  }
}

/** The optional steps still deferred in this archive, with the reason recorded. */
export async function deferredSteps(client: Pick<PoolClient, 'query'>): Promise<{ step: string; reason: string }[]> {
  const { rows } = await client.query<{ step: string; reason: string }>(
    "SELECT step, reason FROM sa_schema_deferred ORDER BY step");
  return rows;
}

/**
 * Runs an optional step inside the caller's transaction, behind a savepoint. Returns undefined when it
 * is in place, or why not (the extension missing from the server, or the server's refusal).
 */
async function tryOptionalStep(client: PoolClient, name: string): Promise<string | undefined> {
  const step = OPTIONAL_STEPS[name];
  if (!step) return `unknown step "${name}"`;
  const available = await client.query('SELECT 1 FROM pg_available_extensions WHERE name = $1', [step.extension]);
  if (!available.rowCount) return `the server has no ${step.extension} extension (PostgreSQL's contrib)`;
  await client.query('SAVEPOINT optional_step');
  try {
    await client.query(step.sql);
    await client.query('RELEASE SAVEPOINT optional_step');
    return undefined;
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (!code || !OPTIONAL_REFUSALS.has(code)) throw err;
    await client.query('ROLLBACK TO SAVEPOINT optional_step');
    return (err as Error).message;
  }
}

/** Tries each deferred step again (except those deferred by this very run), each in its own transaction. */
async function retryDeferred(client: PoolClient, skip: ReadonlySet<string>, notice: (m: string) => void): Promise<void> {
  for (const { step } of await deferredSteps(client)) {
    if (skip.has(step)) continue;
    await client.query('BEGIN');
    try {
      const refused = await tryOptionalStep(client, step);
      if (refused === undefined) {
        await client.query('DELETE FROM sa_schema_deferred WHERE step = $1', [step]);
        notice(`${step} created (deferred by an earlier run)`);
      } else {
        await client.query('UPDATE sa_schema_deferred SET reason = $2 WHERE step = $1', [step, refused]);
      }
      await client.query('COMMIT');
    } catch (err) {
      await client.query('ROLLBACK');
      throw err;
    }
  }
}
