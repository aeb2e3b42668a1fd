/**
 * Writes a batch of analysed articles into the archive in one transaction: a killed run leaves every
 * article either wholly in (mentions, counts, aliases, dates, figures, annotations) or not at all.
 * Mentions, per-article entity counts, dates and figures go in with COPY; entity counters are adjusted
 * by deltas, taking their row locks in id order so that concurrent ingests never deadlock on them.
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { initialsOf, normalizeName, surnameOf, UNTYPED_PREFIX } from '../../core/index/entityKey';
import type { ArticleRows } from './rows';

export interface BatchOutcome {
  /** Articles written (new or replaced). */
  written: number;
  replaced: number;
  /** Articles another run had already written with the same content meanwhile. */
  alreadyCurrent: number;
  /** Entities whose counts went down (an article replaced or removed): candidates for `removeEmptyEntities`. */
  lowered: string[];
}

/** The surname and initials of an uncurated multi-word name's key; undefined for other keys. */
function shortForms(key: string): { surname?: string; initials?: string } | undefined {
  if (!key.startsWith(UNTYPED_PREFIX)) return undefined;
  const name = key.slice(UNTYPED_PREFIX.length);
  if (!name.includes(' ')) return undefined;
  return { surname: surnameOf(name), initials: initialsOf(name) };
}

/** One value in COPY's text format. */
function copyValue(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return value.replace(/[\\\t\n\r]/g, (c) => (c === '\\' ? '\\\\' : c === '\t' ? '\\t' : c === '\n' ? '\\n' : '\\r'));
}

async function copyRows(client: PoolClient, sql: string, rows: Iterable<(string | number | boolean | null | undefined)[]>): Promise<void> {
  function* lines(): Generator<string> {
    let chunk = '';
    for (const row of rows) {
      chunk += row.map(copyValue).join('\t') + '\n';
      if (chunk.length > 65536) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
  await pipeline(Readable.from(lines()), client.query(copyFrom(sql)));
}

interface EntityDelta {
  mentions: number;
  articles: number;
  w: [number, number, number, number];
  plain: number;
}

/** Transient conflicts between concurrent transactions, where running the batch again is the answer. */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return code === '40P01' || code === '40001';
}

export async function writeBatch(client: PoolClient, batch: ArticleRows[]): Promise<BatchOutcome> {
  await client.query('BEGIN');
  try {
    const outcome = await writeInTransaction(client, batch);
    await client.query('COMMIT');
    return outcome;
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

async function writeInTransaction(client: PoolClient, input: ArticleRows[]): Promise<BatchOutcome> {
  // the same path twice in a batch (two DIRs overlapping): the last one wins
  const byPath = new Map(input.map((a) => [a.path, a]));
  const paths = [...byPath.keys()].sort();
  // another run on the same files waits here until this one commits, then finds them current
  await client.query(
    'SELECT pg_advisory_xact_lock(k) FROM (SELECT hashtextextended(p, 7) AS k FROM unnest($1::text[]) AS p ORDER BY 1) AS s',
    [paths],
  );
  const existing = await client.query<{ id: string; path: string; ingest_hash: string }>(
    'SELECT id, path, ingest_hash FROM sa_articles WHERE path = ANY($1::text[])', [paths]);
  const oldIds: string[] = [];
  let alreadyCurrent = 0;
  for (const row of existing.rows) {
    if (byPath.get(row.path)?.ingestHash === row.ingest_hash) {
      byPath.delete(row.path);
      alreadyCurrent++;
    } else {
      oldIds.push(row.id);
    }
  }
  const articles = [...byPath.values()];
  const deltas = new Deltas();
  const { deltaOf, bumpAlias } = deltas;
  await deleteArticleRows(client, oldIds, deltas);

  const idOfPath = new Map<string, string>();
  if (articles.length) {
    const inserted = await client.query<{ id: string; path: string }>(
      `INSERT INTO sa_articles (path, content_hash, ingest_hash, title, outlet, byline, published, size, paragraphs)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[], $8::int[], $9::int[])
       RETURNING id, path`,
      [articles.map((a) => a.path), articles.map((a) => a.contentHash), articles.map((a) => a.ingestHash),
        articles.map((a) => a.title), articles.map((a) => a.outlet ?? null), articles.map((a) => a.byline ?? null),
        articles.map((a) => a.published ?? null), articles.map((a) => a.size), articles.map((a) => a.paragraphs)]);
    for (const r of inserted.rows) idOfPath.set(r.path, r.id);
    await copyRows(client, 'COPY sa_article_texts (article_id, body) FROM STDIN', articles.map((a) => [idOfPath.get(a.path)!, a.body]));

    // entities: created once (in key order, so concurrent batches wait on each other instead of deadlocking)
    const firstOfKey = new Map<string, { canonical: string; curatedType?: string; common: boolean }>();
    for (const a of articles) for (const e of a.entities) if (!firstOfKey.has(e.key)) firstOfKey.set(e.key, e);
    const keys = [...firstOfKey.keys()].sort();
    const idOfKey = new Map<string, string>();
    if (keys.length) {
      await client.query(
        `INSERT INTO sa_entities (key, canonical, curated_type, common, surname, initials)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[]) ORDER BY 1 ON CONFLICT (key) DO NOTHING`,
        [keys, keys.map((k) => firstOfKey.get(k)!.canonical), keys.map((k) => firstOfKey.get(k)!.curatedType ?? null),
          keys.map((k) => firstOfKey.get(k)!.common), keys.map((k) => shortForms(k)?.surname ?? null),
          keys.map((k) => shortForms(k)?.initials ?? null)]);
      // a key share lock on each entity keeps it from being deleted as empty (`removeEmptyEntities`) until this
      // batch commits its mentions; an entity deleted between the insert and the lock is inserted again
      for (let tries = 0; ; tries++) {
        const missing = keys.filter((k) => !idOfKey.has(k));
        if (!missing.length) break;
        if (tries > 0) {
          if (tries > 5) throw new Error('entities kept disappearing while being written');
          await client.query(
            `INSERT INTO sa_entities (key, canonical, curated_type, common, surname, initials)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::boolean[], $5::text[], $6::text[]) ORDER BY 1 ON CONFLICT (key) DO NOTHING`,
            [missing, missing.map((k) => firstOfKey.get(k)!.canonical), missing.map((k) => firstOfKey.get(k)!.curatedType ?? null),
              missing.map((k) => firstOfKey.get(k)!.common), missing.map((k) => shortForms(k)?.surname ?? null),
              missing.map((k) => shortForms(k)?.initials ?? null)]);
        }
        const ids = await client.query<{ id: string; key: string }>(
          'SELECT id, key FROM sa_entities WHERE key = ANY($1::text[]) ORDER BY id FOR KEY SHARE', [missing]);
        for (const r of ids.rows) idOfKey.set(r.key, r.id);
      }
    }

    await copyRows(client, 'COPY sa_mentions (entity_id, article_id, start_offset, end_offset, surface, type) FROM STDIN', (function* () {
      for (const a of articles) {
        const articleId = idOfPath.get(a.path)!;
        for (const e of a.entities) {
          const entityId = idOfKey.get(e.key)!;
          for (const [start, end, surface, type] of e.mentions) yield [entityId, articleId, start, end, surface, type];
        }
      }
    })());
    await copyRows(client,
      'COPY sa_entity_articles (entity_id, article_id, count, first_start, first_end, published, w_person, w_org, w_place, w_misc, plain) FROM STDIN',
      (function* () {
        for (const a of articles) {
          const articleId = idOfPath.get(a.path)!;
          for (const e of a.entities) {
            const entityId = idOfKey.get(e.key)!;
            const d = deltaOf(entityId);
            d.mentions += e.mentions.length;
            d.articles += 1;
            for (let t = 0; t < 4; t++) d.w[t] += e.weights[t];
            d.plain += e.plain;
            for (const m of e.mentions) bumpAlias(entityId, m[2], 1);
            yield [entityId, articleId, e.mentions.length, e.mentions[0][0], e.mentions[0][1], a.published ?? null, ...e.weights, e.plain];
          }
        }
      })());
    await copyRows(client,
      'COPY sa_dates (article_id, start_offset, end_offset, value, mod, sentence_start, sentence_end, from_day, to_day, precision, entity_ids) FROM STDIN',
      (function* () {
        for (const a of articles) {
          for (const d of a.dates) {
            const keys = d[9];
            yield [idOfPath.get(a.path)!, ...d.slice(0, 9) as (string | number | null)[], keys ? `{${keys.flatMap((k) => idOfKey.get(k) ?? []).join(',')}}` : null];
          }
        }
      })());
    await copyRows(client, 'COPY sa_paragraph_entities (article_id, paragraph, entity_id) FROM STDIN', (function* () {
      for (const a of articles) {
        for (const [p, key] of a.paragraphEntities) {
          const entityId = idOfKey.get(key);
          if (entityId !== undefined) yield [idOfPath.get(a.path)!, p, entityId];
        }
      }
    })());
    await copyRows(client, 'COPY sa_figures (article_id, start_offset, end_offset, type, value, unit, measure) FROM STDIN', (function* () {
      for (const a of articles) for (const f of a.figures) yield [idOfPath.get(a.path)!, ...f];
    })());
    await copyRows(client,
      'COPY sa_quotes (article_id, start_offset, end_offset, text, speaker_entity_id, speaker, speaker_type, cue_start, cue_end) FROM STDIN',
      (function* () {
        for (const a of articles) {
          for (const q of a.quotes) {
            yield [idOfPath.get(a.path)!, q.start, q.end, q.text, q.speakerKey === null ? null : idOfKey.get(q.speakerKey) ?? null,
              q.speaker, q.speakerType, q.cueStart, q.cueEnd];
          }
        }
      })());
    const notes = articles.flatMap((a) => a.annotations.map((n) => ({ articleId: idOfPath.get(a.path)!, n })));
    if (notes.length) {
      await client.query(
        `INSERT INTO sa_annotations (article_id, id, tags, note, author, exact, start_offset, end_offset, created, modified)
         SELECT a, i, ARRAY(SELECT jsonb_array_elements_text(t)), n, au, x, s, e, c, m
         FROM unnest($1::bigint[], $2::text[], $3::jsonb[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[], $10::text[])
           AS u(a, i, t, n, au, x, s, e, c, m)
         ON CONFLICT (article_id, id) DO NOTHING`,
        [notes.map((x) => x.articleId), notes.map((x) => x.n.id), notes.map((x) => JSON.stringify(x.n.tags)), notes.map((x) => x.n.note),
          notes.map((x) => x.n.author ?? null), notes.map((x) => x.n.target.exact), notes.map((x) => x.n.target.start),
          notes.map((x) => x.n.target.end), notes.map((x) => x.n.created ?? null), notes.map((x) => x.n.modified ?? null)]);
    }
  }

  await applyDeltas(client, deltas);
  return { written: articles.length, replaced: oldIds.length, alreadyCurrent, lowered: [...deltas.lowered] };
}

/** The changes to entity counters and alias counts a transaction accumulates, applied once at its end. */
class Deltas {
  readonly entityDeltas = new Map<string, EntityDelta>();
  readonly aliasDeltas = new Map<string, Map<string, number>>();
  /** Entities with a mention taken away. */
  readonly lowered = new Set<string>();
  readonly deltaOf = (id: string): EntityDelta => {
    let d = this.entityDeltas.get(id);
    if (!d) this.entityDeltas.set(id, (d = { mentions: 0, articles: 0, w: [0, 0, 0, 0], plain: 0 }));
    return d;
  };
  readonly bumpAlias = (id: string, alias: string, by: number): void => {
    let m = this.aliasDeltas.get(id);
    if (!m) this.aliasDeltas.set(id, (m = new Map()));
    m.set(alias, (m.get(alias) ?? 0) + by);
  };
}

/** Deletes articles and every row of theirs, subtracting their counts from `deltas`. */
async function deleteArticleRows(client: PoolClient, oldIds: string[], deltas: Deltas): Promise<void> {
  const { deltaOf, bumpAlias } = deltas;
  if (oldIds.length) {
    const removed = await client.query<{ entity_id: string; article_id: string; count: number; w_person: number; w_org: number; w_place: number; w_misc: number; plain: number }>(
      `DELETE FROM sa_entity_articles WHERE article_id = ANY($1::bigint[])
       RETURNING entity_id, article_id, count, w_person, w_org, w_place, w_misc, plain`, [oldIds]);
    for (const r of removed.rows) {
      deltas.lowered.add(String(r.entity_id));
      const d = deltaOf(r.entity_id);
      d.mentions -= r.count;
      d.articles -= 1;
      d.w[0] -= r.w_person; d.w[1] -= r.w_org; d.w[2] -= r.w_place; d.w[3] -= r.w_misc;
      d.plain -= r.plain;
    }
    if (removed.rows.length) {
      const gone = await client.query<{ entity_id: string; surface: string; n: string }>(
        `WITH d AS (
           DELETE FROM sa_mentions m USING unnest($1::bigint[], $2::bigint[]) AS k(e, a)
           WHERE m.entity_id = k.e AND m.article_id = k.a RETURNING m.entity_id, m.surface)
         SELECT entity_id, surface, count(*) AS n FROM d GROUP BY 1, 2`,
        [removed.rows.map((r) => r.entity_id), removed.rows.map((r) => r.article_id)]);
      for (const r of gone.rows) bumpAlias(r.entity_id, r.surface, -Number(r.n));
    }
    await client.query('DELETE FROM sa_dates WHERE article_id = ANY($1::bigint[])', [oldIds]);
    await client.query('DELETE FROM sa_paragraph_entities WHERE article_id = ANY($1::bigint[])', [oldIds]);
    await client.query('DELETE FROM sa_figures WHERE article_id = ANY($1::bigint[])', [oldIds]);
    await client.query('DELETE FROM sa_articles WHERE id = ANY($1::bigint[])', [oldIds]);
  }
}

/** Applies the accumulated counter and alias changes, taking entity row locks in id order. */
async function applyDeltas(client: PoolClient, deltas: Deltas): Promise<void> {
  const { entityDeltas, aliasDeltas } = deltas;
  const changed = [...entityDeltas.entries()].filter(([, d]) => d.mentions || d.articles || d.plain || d.w.some((w) => w));
  if (changed.length) {
    const ids = changed.map(([id]) => id).sort((a, b) => Number(a) - Number(b));
    // NO KEY UPDATE (what the UPDATE takes anyway): it waits for other writers of these counters but not for
    // the key share locks of batches that are still writing mentions of these entities
    await client.query('SELECT id FROM sa_entities WHERE id = ANY($1::bigint[]) ORDER BY id FOR NO KEY UPDATE', [ids]);
    await client.query(
      `UPDATE sa_entities e SET mentions = e.mentions + d.m, articles = e.articles + d.a, w_person = e.w_person + d.wp,
         w_org = e.w_org + d.wo, w_place = e.w_place + d.wl, w_misc = e.w_misc + d.wm, plain = e.plain + d.pl
       FROM unnest($1::bigint[], $2::bigint[], $3::bigint[], $4::bigint[], $5::bigint[], $6::bigint[], $7::bigint[], $8::bigint[])
         AS d(id, m, a, wp, wo, wl, wm, pl)
       WHERE e.id = d.id`,
      [changed.map(([id]) => id), changed.map(([, d]) => d.mentions), changed.map(([, d]) => d.articles),
        changed.map(([, d]) => d.w[0]), changed.map(([, d]) => d.w[1]), changed.map(([, d]) => d.w[2]), changed.map(([, d]) => d.w[3]),
        changed.map(([, d]) => d.plain)]);
  }
  const aliasRows: [string, string, number][] = [];
  for (const [id, m] of aliasDeltas) for (const [alias, by] of m) if (by) aliasRows.push([id, alias, by]);
  if (aliasRows.length) {
    aliasRows.sort((a, b) => Number(a[0]) - Number(b[0]) || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    await client.query(
      `INSERT INTO sa_entity_aliases (entity_id, alias, normalized, count)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[])
       ON CONFLICT (entity_id, alias) DO UPDATE SET count = sa_entity_aliases.count + EXCLUDED.count`,
      [aliasRows.map((r) => r[0]), aliasRows.map((r) => r[1]), aliasRows.map((r) => normalizeName(r[1])), aliasRows.map((r) => r[2])]);
  }
}

/**
 * Removes the archive's articles at these paths (files deleted from their folder), with all their rows,
 * adjusting entity counters as a replacement does. Takes the same per-path locks as a batch, so a run
 * writing one of these paths at the same moment is waited for. Returns the number of articles removed.
 */
export async function removeArticles(client: PoolClient, input: string[]): Promise<{ removed: number; lowered: string[] }> {
  const paths = [...new Set(input)].sort();
  if (!paths.length) return { removed: 0, lowered: [] };
  await client.query('BEGIN');
  try {
    await client.query(
      'SELECT pg_advisory_xact_lock(k) FROM (SELECT hashtextextended(p, 7) AS k FROM unnest($1::text[]) AS p ORDER BY 1) AS s',
      [paths],
    );
    const { rows } = await client.query<{ id: string }>('SELECT id FROM sa_articles WHERE path = ANY($1::text[])', [paths]);
    const deltas = new Deltas();
    await deleteArticleRows(client, rows.map((r) => r.id), deltas);
    await applyDeltas(client, deltas);
    await client.query('COMMIT');
    return { removed: rows.length, lowered: [...deltas.lowered] };
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
}

/**
 * Deletes, of these entities, those left without a mention (every article naming them was replaced or
 * removed), with their written forms, and the written forms of any of them whose count fell to 0. Each
 * entity is locked first (FOR UPDATE, in id order) and deleted only if it is still empty: a batch that is
 * writing mentions of it holds a key share lock on it, so it is either waited for (and the entity, no
 * longer empty, stays) or finds it gone and inserts it again. Returns the entities deleted.
 */
export async function removeEmptyEntities(client: PoolClient, candidates: readonly string[]): Promise<number> {
  const ids = [...new Set(candidates)].sort((a, b) => Number(a) - Number(b));
  let deleted = 0;
  for (let i = 0; i < ids.length; i += 1000) {
    const chunk = ids.slice(i, i + 1000);
    for (let tries = 0; ; tries++) {
      await client.query('BEGIN');
      try {
        const { rows } = await client.query<{ id: string }>(
          'SELECT id FROM sa_entities WHERE id = ANY($1::bigint[]) AND mentions = 0 ORDER BY id FOR UPDATE', [chunk]);
        const empty = rows.map((r) => r.id);
        await client.query('DELETE FROM sa_entity_aliases WHERE entity_id = ANY($1::bigint[]) AND (count = 0 OR entity_id = ANY($2::bigint[]))',
          [chunk, empty]);
        const gone = empty.length ? (await client.query('DELETE FROM sa_entities WHERE id = ANY($1::bigint[]) AND mentions = 0', [empty])).rowCount ?? 0 : 0;
        await client.query('COMMIT');
        deleted += gone;
        break;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        if (!isRetryable(err) || tries >= 5) throw err;
      }
    }
  }
  return deleted;
}
