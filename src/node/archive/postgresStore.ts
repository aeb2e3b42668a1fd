/**
 * The corpus archive on PostgreSQL, answering the editor's queries (`CorpusStore`) from the tables that
 * `archive ingest` fills (see `schema.ts`). Every query can be abandoned through its `AbortSignal`: the
 * promise rejects at once and the server is asked to cancel the statement; the store's own timeout
 * bounds any query the caller gave no signal for.
 */
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { NameType } from '../../core/extract/types';
import type {
  ArticleHit, CorpusStore, EntityQuery, EntityRow, EntitySummary, MentionHit, Page, PageRequest, StoreStats,
} from '../../core/index/corpusStore';
import { initialsOf, normalizeName, surnameOf, UNTYPED_PREFIX } from '../../core/index/entityKey';
import { snippetAt } from '../../core/index/snippet';
import { ArchiveError, createArchivePool, withArchiveClient, type ArchiveConnectionOptions } from './connection';
import { decideType, PLAIN_WEIGHT } from './rows';

/** The decided type in SQL, as `decideType` decides it (ties to PERSON, ORG, PLACE, MISC in that order). */
export const DECIDED_TYPE_SQL = `CASE WHEN curated_type IS NOT NULL THEN curated_type
  WHEN w_person >= w_org AND w_person >= w_place AND w_person >= w_misc THEN 'PERSON'
  WHEN w_org >= w_place AND w_org >= w_misc THEN 'ORG' WHEN w_place >= w_misc THEN 'PLACE' ELSE 'MISC' END`;
/** An entity the Entities view shows: mentioned, and not a common word seen only in headline-style lines. */
const VISIBLE_SQL = 'mentions > 0 AND NOT (common AND plain = 0)';
/** Bodies up to this size are read whole for snippets; longer ones only around the mention. */
const WHOLE_BODY = 256 * 1024;
const SNIPPET_WINDOW = 400;
const ENTITY_COLUMNS = 'id, key, canonical, curated_type, mentions, articles, w_person, w_org, w_place, w_misc';

/**
 * The entities as the Entities view lists them (`g`, for a WITH clause): each visible entity, except a
 * one-word name joined to the one full name it is the surname (initials) of, which is counted with it —
 * the joins `groupOf` makes for one entity, made here for all of them at once. Columns: the full name's
 * record (id, key, canonical, curated_type), its type, the group's mentions and articles, and its ids.
 */
export const GROUPS_SQL = `v AS MATERIALIZED (
    SELECT id, key, canonical, curated_type, mentions, articles, w_person, w_org, w_place, w_misc, surname, initials,
      (${DECIDED_TYPE_SQL}) AS type
    FROM sa_entities WHERE ${VISIBLE_SQL}),
  -- per short form: the one-word name (S) and the full names of that type it may stand for (P: surname of a
  -- person, O: initials of an organization), gathered by one aggregation rather than joins
  k AS (
    SELECT substr(key, ${UNTYPED_PREFIX.length + 1}) AS short, 'S' AS role, id, mentions, articles, w_person, w_org, w_place, w_misc FROM v
      WHERE curated_type IS NULL AND key LIKE '${UNTYPED_PREFIX}%' AND strpos(key, ' ') = 0
    UNION ALL SELECT surname, 'P', id, 0, articles, 0, 0, 0, 0 FROM v WHERE curated_type IS NULL AND surname IS NOT NULL AND type = 'PERSON'
    UNION ALL SELECT initials, 'O', id, 0, articles, 0, 0, 0, 0 FROM v WHERE curated_type IS NULL AND initials IS NOT NULL AND type = 'ORG'),
  per AS (
    SELECT min(id) FILTER (WHERE role = 'S') AS sid, sum(mentions) AS smentions,
      CASE WHEN count(*) FILTER (WHERE role = 'P') = 1 THEN min(id) FILTER (WHERE role = 'P') END AS pid,
      CASE WHEN count(*) FILTER (WHERE role = 'O') = 1 THEN min(id) FILTER (WHERE role = 'O') END AS oid,
      -- the short form's type, with each article of the one full name as evidence (as the index decides it)
      sum(w_person) + CASE WHEN count(*) FILTER (WHERE role = 'P') = 1 THEN ${PLAIN_WEIGHT} * min(articles) FILTER (WHERE role = 'P') ELSE 0 END AS wp,
      sum(w_org) + CASE WHEN count(*) FILTER (WHERE role = 'O') = 1 THEN ${PLAIN_WEIGHT} * min(articles) FILTER (WHERE role = 'O') ELSE 0 END AS wo,
      sum(w_place) AS wl, sum(w_misc) AS wm
    FROM k GROUP BY short
    HAVING count(*) FILTER (WHERE role = 'S') = 1 AND (count(*) FILTER (WHERE role = 'P') = 1 OR count(*) FILTER (WHERE role = 'O') = 1)),
  sh AS MATERIALIZED (
    SELECT sid AS id, smentions, pid, oid, CASE WHEN wp >= wo AND wp >= wl AND wp >= wm THEN 'PERSON'
      WHEN wo >= wl AND wo >= wm THEN 'ORG' WHEN wl >= wm THEN 'PLACE' ELSE 'MISC' END AS type
    FROM per),
  j AS MATERIALIZED (SELECT id AS short_id, smentions, CASE type WHEN 'PERSON' THEN pid WHEN 'ORG' THEN oid END AS head_id FROM sh),
  g AS (
    SELECT v.id, v.key, v.canonical, v.curated_type, coalesce(sh.type, v.type) AS type,
      v.mentions + coalesce(j.smentions, 0) AS mentions,
      CASE WHEN j.short_id IS NULL THEN v.articles
        ELSE (SELECT count(DISTINCT article_id) FROM sa_entity_articles WHERE entity_id IN (v.id, j.short_id)) END AS articles,
      CASE WHEN j.short_id IS NULL THEN ARRAY[v.id] ELSE ARRAY[v.id, j.short_id] END AS ids
    FROM v
    LEFT JOIN sh ON sh.id = v.id
    LEFT JOIN j ON j.head_id = v.id
    WHERE NOT EXISTS (SELECT 1 FROM j WHERE j.short_id = v.id AND j.head_id IS NOT NULL))`;

/** An entity as the editor shows it: one record, or a full name with the short form that stands for it. */
interface EntityGroup {
  /** The full name first. */
  members: EntityRecord[];
  type: NameType;
}

/** An entity of the archive as the editor shows it: its rows (a full name and a short form joined), name and type. */
export interface ArchiveEntityGroup {
  ids: string[];
  canonical: string;
  type: NameType;
}

export interface PostgresStoreOptions extends Partial<ArchiveConnectionOptions> {
  /** An existing pool (the store does not end it on `close`); otherwise `url` is required. */
  pool?: Pool;
  /** Longest a query may run when the caller passes no signal (ms). */
  queryTimeoutMs?: number;
}

interface EntityRecord {
  id: string;
  key: string;
  canonical: string;
  curated_type: string | null;
  mentions: string;
  articles: string;
  w_person: string;
  w_org: string;
  w_place: string;
  w_misc: string;
}

interface TopRow {
  article_id: number;
  count: number;
  first_start: number;
  first_end: number;
  path: string;
  title: string;
  published: string | null;
  outlet: string | null;
  body: string;
  body_offset: number;
}

interface MentionRow {
  article_id: number;
  start_offset: number;
  end_offset: number;
  surface: string;
}

interface ArticleTextRow {
  article_id: number;
  path: string;
  body: string;
  body_offset: number;
}


function missingSchema(err: unknown): boolean {
  return (err as { code?: string }).code === '42P01';
}

/**
 * The entities filter: the entities whose name or a written form contains the pattern (a LIKE pattern in
 * `param`). A union of two lookups, each of which a trigram index answers (an OR of the two would read
 * every entity).
 */
export function entityFilterSql(param: string): string {
  return `id IN (SELECT id FROM sa_entities WHERE substr(key, strpos(key, ':') + 1) LIKE ${param}
    UNION SELECT entity_id FROM sa_entity_aliases WHERE normalized LIKE ${param} AND count > 0)`;
}

export class PostgresStore implements CorpusStore {
  readonly origin = 'archive' as const;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly queryTimeoutMs: number;
  private closed = false;

  constructor(options: PostgresStoreOptions) {
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      if (!options.url) throw new ArchiveError('PostgresStore needs a connection URL or a pool');
      this.pool = createArchivePool({ ...options, url: options.url, applicationName: options.applicationName ?? 'source-annotator store' });
      this.ownsPool = true;
    }
    this.queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
  }

  /** Runs `work` on one connection; an abort (or the store's timeout) rejects at once and cancels the statement. */
  private async withClient<T>(signal: AbortSignal | undefined, work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new ArchiveError('the archive store is closed');
    return withArchiveClient(this.pool, signal, this.queryTimeoutMs, work, (err) => missingSchema(err) ? new ArchiveError('this database holds no archive yet: run "source-annotator archive ingest" first') : undefined);
  }


  /**
   * Runs the listing's statement with JIT compilation off: it reads every entity, so the planner's cost can
   * pass the JIT threshold, and compiling then costs far more (seconds, measured) than the query itself.
   */
  private static async withoutJit<T>(client: PoolClient, work: () => Promise<T>): Promise<T> {
    await client.query('BEGIN READ ONLY');
    try {
      await client.query('SET LOCAL jit = off');
      const result = await work();
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  /** With a `name`, the statement is prepared once per connection and planned no more (the hover's, the page's). */
  private async rows<R extends QueryResultRow>(client: PoolClient, sql: string, params: unknown[], name?: string): Promise<R[]> {
    return (await client.query<R>(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows;
  }

  /**
   * SQL for the entity a name or alias denotes — the exact key first, then the most mentioned entity having
   * it as an alias — as one row (`LIMIT 1` stops at the first branch that finds it), with its parameters.
   */
  private resolveSql(query: EntityQuery, first: number): { sql: string; params: unknown[] } | undefined {
    const name = normalizeName(query.name);
    if (!name) return undefined;
    const columns = 'id, key, canonical, curated_type, mentions, articles, w_person, w_org, w_place, w_misc';
    const typeFilter = query.type ? `AND (${DECIDED_TYPE_SQL}) = $${first + 2}` : '';
    const keys = [UNTYPED_PREFIX + name, ...['PERSON', 'ORG', 'PLACE', 'MISC'].map((t) => `${t}:${name}`)];
    return {
      sql: `((SELECT ${columns} FROM sa_entities WHERE key = ANY($${first}::text[]) AND ${VISIBLE_SQL} ${typeFilter} ORDER BY mentions DESC, id LIMIT 1)
        UNION ALL
        (SELECT ${columns} FROM sa_entities WHERE id IN (SELECT entity_id FROM sa_entity_aliases WHERE normalized = $${first + 1} AND count > 0)
           AND ${VISIBLE_SQL} ${typeFilter} ORDER BY mentions DESC, id LIMIT 1) LIMIT 1)`,
      params: query.type ? [keys, name, query.type] : [keys, name],
    };
  }

  private typeOf(e: EntityRecord): NameType {
    return (e.curated_type as NameType | null) ?? decideType([Number(e.w_person), Number(e.w_org), Number(e.w_place), Number(e.w_misc)]);
  }

  /** SQL for an article's text for snippets: whole up to WHOLE_BODY, else a window around `near` (with its offset). */
  private static bodySql(article: string, near: string): string {
    return `CASE WHEN ${article}.size <= ${WHOLE_BODY} THEN t.body ELSE substr(t.body, greatest(${near} - ${SNIPPET_WINDOW}, 0) + 1, ${2 * SNIPPET_WINDOW}) END AS body,
      CASE WHEN ${article}.size <= ${WHOLE_BODY} THEN 0 ELSE greatest(${near} - ${SNIPPET_WINDOW}, 0) END AS body_offset`;
  }

  private static snippet(body: [string, number] | undefined, start: number, end: number): string {
    if (!body) return '';
    const [text, offset] = body;
    const s = snippetAt(text, Math.max(0, start - offset), Math.max(0, end - offset));
    return `${s.before}${s.match}${s.after}`;
  }

  async entity(query: EntityQuery & { top?: number }): Promise<EntitySummary | undefined> {
    const resolve = this.resolveSql(query, 2);
    if (!resolve) return undefined;
    const top = Math.max(0, Math.min(query.top ?? 5, 100));
    // one round trip: the entity, its written forms and its top articles with their text
    return this.withClient(query.signal, async (client) => {
      const [row] = await this.rows<{ e: EntityRecord | null; aliases: { alias: string; count: number }[] | null; top: TopRow[] | null }>(client,
        `WITH e AS ${resolve.sql}
         SELECT (SELECT row_to_json(e) FROM e) AS e,
           (SELECT json_agg(x) FROM (SELECT alias, count FROM sa_entity_aliases WHERE entity_id = (SELECT id FROM e) AND count > 0
              ORDER BY count DESC, alias LIMIT 50) AS x) AS aliases,
           (SELECT json_agg(x) FROM (
              SELECT ea.article_id, ea.count, ea.first_start, ea.first_end, a.path, a.title, to_char(a.published, 'YYYY-MM-DD') AS published,
                     a.outlet, ${PostgresStore.bodySql('a', 'ea.first_start')}
              FROM (SELECT * FROM sa_entity_articles WHERE entity_id = (SELECT id FROM e)
                    ORDER BY count DESC, published DESC NULLS LAST, article_id LIMIT $1) AS ea
              JOIN sa_articles a ON a.id = ea.article_id JOIN sa_article_texts t ON t.article_id = ea.article_id
              ORDER BY ea.count DESC, ea.published DESC NULLS LAST, ea.article_id) AS x) AS top`,
        [top, ...resolve.params], query.type ? 'sa_entity_typed' : 'sa_entity');
      const e = row?.e;
      if (!e) return undefined;
      const group = await this.groupOf(client, e);
      if (group.members.length > 1) return this.groupSummary(client, group, top);
      return this.summary(e, group.type, row.aliases ?? [], row.top ?? [], Number(e.articles));
    });
  }

  private summary(e: EntityRecord, type: NameType, aliases: { alias: string; count: number }[], top: TopRow[], articles: number): EntitySummary {
    const topHits: ArticleHit[] = top.map((h) => {
      const hit: ArticleHit = {
        file: h.path, title: h.title, count: h.count,
        snippet: PostgresStore.snippet([h.body, h.body_offset], h.first_start, h.first_end),
        start: h.first_start, end: h.first_end,
      };
      if (h.published) hit.date = h.published;
      if (h.outlet) hit.outlet = h.outlet;
      return hit;
    });
    const aliasList = aliases.map((a) => ({ text: a.alias, count: Number(a.count) }));
    // named as the editor names it: by the extractor's canonical form (the one recorded with the entity), in its
    // most frequent spelling ("Pete Hegseth", not the more frequent "Hegseth"; "Brussels", not a headline's "BRUSSELS")
    const lower = e.canonical.toLowerCase();
    const canonical = e.curated_type ? e.canonical : aliasList.find((a) => a.text.toLowerCase() === lower)?.text ?? e.canonical;
    return {
      canonical,
      type,
      aliases: aliasList,
      articles,
      mentions: Number(e.mentions),
      top: topHits,
    };
  }

  /** A full name and its short form as one entity: counts over both, top articles by their summed counts. */
  private async groupSummary(client: PoolClient, group: EntityGroup, top: number): Promise<EntitySummary> {
    const ids = group.members.map((m) => m.id);
    const [row] = await this.rows<{ articles: string; aliases: { alias: string; count: number }[] | null; top: TopRow[] | null }>(client,
      `SELECT (SELECT count(DISTINCT article_id) FROM sa_entity_articles WHERE entity_id = ANY($1::bigint[])) AS articles,
         (SELECT json_agg(x) FROM (SELECT alias, sum(count) AS count FROM sa_entity_aliases WHERE entity_id = ANY($1::bigint[]) AND count > 0
            GROUP BY alias ORDER BY 2 DESC, alias LIMIT 50) AS x) AS aliases,
         (SELECT json_agg(x) FROM (
            SELECT ea.article_id, ea.count, ea.first_start, ea.first_end, a.path, a.title, to_char(a.published, 'YYYY-MM-DD') AS published,
                   a.outlet, ${PostgresStore.bodySql('a', 'ea.first_start')}
            FROM (SELECT article_id, sum(count)::int AS count, min(first_start) AS first_start,
                         (array_agg(first_end ORDER BY first_start))[1] AS first_end, max(published) AS published
                  FROM sa_entity_articles WHERE entity_id = ANY($1::bigint[]) GROUP BY article_id
                  ORDER BY 2 DESC, 5 DESC NULLS LAST, 1 LIMIT $2) AS ea
            JOIN sa_articles a ON a.id = ea.article_id JOIN sa_article_texts t ON t.article_id = ea.article_id
            ORDER BY ea.count DESC, ea.published DESC NULLS LAST, ea.article_id) AS x) AS top`,
      [ids, top], 'sa_entity_group');
    const full = group.members[0];
    const merged: EntityRecord = { ...full, mentions: String(group.members.reduce((n, m) => n + Number(m.mentions), 0)) };
    return this.summary(merged, group.type, row.aliases ?? [], row.top ?? [], Number(row.articles));
  }

  /** Uncurated multi-word entities with this surname (PERSON) or these initials (ORG) that are decided `type`. */
  private async fullNames(client: PoolClient, type: 'PERSON' | 'ORG', short: string): Promise<EntityRecord[]> {
    const column = type === 'PERSON' ? 'surname' : 'initials';
    const rows = await this.rows<EntityRecord>(client,
      `SELECT ${ENTITY_COLUMNS} FROM sa_entities WHERE ${column} = $1 AND curated_type IS NULL AND ${VISIBLE_SQL} LIMIT 50`, [short]);
    return rows.filter((r) => this.typeOf(r) === type);
  }

  /**
   * A one-word name's type, as the editor's index decides it: its own evidence, plus that of the one person
   * it is the surname of (each article naming that person in full), or the one organization it abbreviates.
   */
  private async oneWordType(client: PoolClient, e: EntityRecord): Promise<NameType> {
    if (e.curated_type) return e.curated_type as NameType;
    const name = e.key.slice(UNTYPED_PREFIX.length);
    const weights = [Number(e.w_person), Number(e.w_org), Number(e.w_place), Number(e.w_misc)];
    const [persons, orgs] = [await this.fullNames(client, 'PERSON', name), await this.fullNames(client, 'ORG', name)];
    if (persons.length === 1) weights[0] += PLAIN_WEIGHT * Number(persons[0].articles);
    if (orgs.length === 1) weights[1] += PLAIN_WEIGHT * Number(orgs[0].articles);
    return decideType(weights);
  }

  /**
   * The editor's grouping: a person's full name and the surname alone (an organization's name and its initials)
   * are one entity when the workspace has exactly one full name of that type with that short form.
   */
  private async groupOf(client: PoolClient, e: EntityRecord): Promise<EntityGroup> {
    if (e.curated_type || !e.key.startsWith(UNTYPED_PREFIX)) return { members: [e], type: this.typeOf(e) };
    const name = e.key.slice(UNTYPED_PREFIX.length);
    if (!name.includes(' ')) {
      const type = await this.oneWordType(client, e);
      if (type !== 'PERSON' && type !== 'ORG') return { members: [e], type };
      const fulls = await this.fullNames(client, type, name);
      return fulls.length === 1 ? { members: [fulls[0], e], type } : { members: [e], type };
    }
    const type = this.typeOf(e);
    if (type !== 'PERSON' && type !== 'ORG') return { members: [e], type };
    const short = type === 'PERSON' ? surnameOf(name) : initialsOf(name);
    if (!short) return { members: [e], type };
    const fulls = await this.fullNames(client, type, short);
    if (fulls.length !== 1 || String(fulls[0].id) !== String(e.id)) return { members: [e], type };
    const [shortEntity] = await this.rows<EntityRecord>(client,
      `SELECT ${ENTITY_COLUMNS} FROM sa_entities WHERE key = $1 AND ${VISIBLE_SQL}`, [UNTYPED_PREFIX + short]);
    if (!shortEntity || await this.oneWordType(client, shortEntity) !== type) return { members: [e], type };
    return { members: [e, shortEntity], type };
  }

  /**
   * The entity a name or alias denotes, resolved as `entity` resolves it (a short form joined to its full
   * name): the ids of its rows, its name as the editor shows it, and its type. For queries of other tables
   * by entity (`quoteQueries.ts`).
   */
  async resolveGroup(query: EntityQuery): Promise<ArchiveEntityGroup | undefined> {
    const resolve = this.resolveSql(query, 1);
    if (!resolve) return undefined;
    return this.withClient(query.signal, async (client) => {
      const [e] = await this.rows<EntityRecord>(client, `SELECT * FROM ${resolve.sql} AS e`, resolve.params,
        query.type ? 'sa_resolve_typed' : 'sa_resolve');
      if (!e) return undefined;
      const group = await this.groupOf(client, e);
      const ids = group.members.map((m) => String(m.id));
      const full = group.members[0];
      let canonical = full.canonical;
      if (!full.curated_type) {
        const aliases = await this.rows<{ alias: string }>(client,
          `SELECT alias FROM sa_entity_aliases WHERE entity_id = ANY($1::bigint[]) AND count > 0
           GROUP BY alias ORDER BY sum(count) DESC, alias LIMIT 50`, [ids]);
        const lower = full.canonical.toLowerCase();
        canonical = aliases.find((a) => a.alias.toLowerCase() === lower)?.alias ?? full.canonical;
      }
      return { ids, canonical, type: group.type };
    });
  }

  async references(query: EntityQuery, page: PageRequest): Promise<Page<MentionHit>> {
    const resolve = this.resolveSql(query, 1);
    if (!resolve) return { items: [], total: 0 };
    const offset = Math.max(0, page.offset ?? 0);
    const limit = Math.max(1, Math.min(page.limit, 1000));
    return this.withClient(page.signal ?? query.signal, async (client) => {
      const [e] = await this.rows<EntityRecord>(client, `SELECT * FROM ${resolve.sql} AS e`, resolve.params,
        query.type ? 'sa_resolve_typed' : 'sa_resolve');
      if (!e) return { items: [], total: 0 };
      const group = await this.groupOf(client, e);
      const ids = group.members.map((m) => m.id);
      // the page of each member's mentions (index-only scans, each stopped at offset + limit), merged in order,
      // and each article's path and text once
      const parts = ids.map((_, i) => `(SELECT article_id, start_offset, end_offset, surface FROM sa_mentions WHERE entity_id = $${i + 3}
        ORDER BY article_id, start_offset LIMIT $1::bigint + $2::bigint)`);
      const [row] = await this.rows<{ mentions: MentionRow[] | null; articles: ArticleTextRow[] | null }>(client,
        `WITH m AS (SELECT * FROM (${parts.join(' UNION ALL ')}) AS u ORDER BY article_id, start_offset OFFSET $1 LIMIT $2),
         f AS (SELECT article_id, min(start_offset) AS near FROM m GROUP BY article_id)
         SELECT (SELECT json_agg(m ORDER BY article_id, start_offset) FROM m) AS mentions,
           (SELECT json_agg(x) FROM (SELECT f.article_id, a.path, ${PostgresStore.bodySql('a', 'f.near')}
              FROM f JOIN sa_articles a ON a.id = f.article_id JOIN sa_article_texts t ON t.article_id = f.article_id) AS x) AS articles`,
        [offset, limit, ...ids], `sa_references_${ids.length}`);
      const articles = new Map((row?.articles ?? []).map((a) => [String(a.article_id), a]));
      const items = (row?.mentions ?? []).map((m) => {
        const a = articles.get(String(m.article_id));
        return {
          file: a?.path ?? '', start: m.start_offset, end: m.end_offset, text: m.surface,
          snippet: PostgresStore.snippet(a ? [a.body, a.body_offset] : undefined, m.start_offset, m.end_offset),
        };
      });
      const total = group.members.reduce((n, m) => n + Number(m.mentions), 0);
      const next = offset + items.length;
      return next < total && items.length === limit ? { items, total, nextOffset: next } : { items, total };
    });
  }

  async entities(page: PageRequest & { filter?: string; type?: NameType }): Promise<Page<EntityRow>> {
    return this.withClient(page.signal, async (client) => {
      const params: unknown[] = [];
      const where: string[] = [];
      let matching = '';
      const filter = page.filter ? normalizeName(page.filter) : '';
      if (filter) {
        params.push(`%${filter.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
        const p = `$${params.length}`;
        // the entity is listed when its name or a written form of any of its rows matches (a hashed lookup per row)
        matching = `, f AS MATERIALIZED (SELECT id FROM sa_entities WHERE substr(key, strpos(key, ':') + 1) LIKE ${p}
          UNION SELECT entity_id FROM sa_entity_aliases WHERE normalized LIKE ${p} AND count > 0)`;
        where.push('(g.id IN (SELECT id FROM f) OR g.ids[2] IN (SELECT id FROM f))');
      }
      if (page.type) {
        params.push(page.type);
        where.push(`g.type = $${params.length}`);
      }
      const offset = Math.max(0, page.offset ?? 0);
      const limit = Math.max(1, Math.min(page.limit, 1000));
      const [row] = await PostgresStore.withoutJit(client, () => this.rows<{ total: string; items: (EntityRecord & { ids: string[]; type: NameType; forms: string[] | null })[] | null }>(client,
        `WITH ${GROUPS_SQL}${matching}, l AS (SELECT * FROM g ${where.length ? `WHERE ${where.join(' AND ')}` : ''})
         SELECT (SELECT count(*) FROM l) AS total,
           (SELECT json_agg(p ORDER BY p.mentions DESC, p.articles DESC, p.canonical COLLATE "C", p.id) FROM (
              SELECT l.*, (SELECT json_agg(alias ORDER BY c DESC, alias) FROM (
                  SELECT alias, sum(count) AS c FROM sa_entity_aliases WHERE entity_id = ANY(l.ids) AND count > 0
                  GROUP BY alias ORDER BY 2 DESC, alias LIMIT 50) AS x) AS forms
              FROM (SELECT * FROM l ORDER BY mentions DESC, articles DESC, canonical COLLATE "C", id OFFSET ${offset} LIMIT ${limit}) AS l) AS p) AS items`,
        params));
      const items = (row?.items ?? []).map((r) => {
        // named as `entity` names it: the recorded canonical form in its most frequent spelling
        const lower = r.canonical.toLowerCase();
        const canonical = r.curated_type ? r.canonical : (r.forms ?? []).find((f) => f.toLowerCase() === lower) ?? r.canonical;
        return { canonical, type: r.type, mentions: Number(r.mentions), articles: Number(r.articles) };
      });
      const total = Number(row?.total ?? 0);
      const next = offset + items.length;
      return next < total ? { items, total, nextOffset: next } : { items, total };
    });
  }

  async stats(signal?: AbortSignal): Promise<StoreStats> {
    return this.withClient(signal, async (client) => {
      const [row] = await PostgresStore.withoutJit(client, () => this.rows<{ articles: string; mentions: string; entities: string; bytes: string }>(client,
        `WITH ${GROUPS_SQL}
         SELECT (SELECT count(*) FROM sa_articles) AS articles,
                (SELECT coalesce(sum(mentions), 0) FROM sa_entities) AS mentions,
                (SELECT count(*) FROM g) AS entities,
                pg_database_size(current_database()) AS bytes`, []));
      return { articles: Number(row.articles), mentions: Number(row.mentions), entities: Number(row.entities), bytes: Number(row.bytes) };
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }
}
