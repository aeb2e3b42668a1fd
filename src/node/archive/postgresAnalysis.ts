/**
 * The analysis views' queries (`AnalysisQueries`: timeline, connections, a speaker's quotations) answered by
 * the archive on PostgreSQL, from the tables `archive ingest` fills (schema version 4, see `schema.ts`):
 *
 * - timeline: `sa_dates` rows the timeline places (`from_day` set), ordered by `sa_dates_timeline`
 *   (first day, precision) then path and offset; narrowed to an entity through the GIN index on the entities
 *   each date's sentence names. The sentence is cut from the article's text (`sa_article_texts`), white space
 *   collapsed as the editor collapses it.
 * - connections: paragraphs naming two entities, from `sa_paragraph_entities` (joined on article and paragraph;
 *   for one entity, read from `sa_paragraph_entities_entity`); the strength is computed in TypeScript by the
 *   editor's own `npmi` over the same counts; shared articles are counted from `sa_entity_articles`, only for
 *   the pairs whose order on the page depends on them.
 * - quotations: `sa_quotes` by speaker entity, newest article first (`quotesBySpeaker`).
 *
 * Entities are those of the archive's hover cards (`PostgresStore`): a short form joins the one full name it
 * stands for ("Varga" with "Helena Varga", "NATO" with the one organization it abbreviates, under the same rule,
 * decided in SQL: `shortFormJoinsSql`), and a group is named by its full name's canonical form in its most
 * frequent spelling (the registry's canonical name for a curated entity).
 */
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import { npmi } from '../../core/analysis/analysisStore';
import { collapseSpace } from '../../core/analysis/articleViews';
import type { NameType } from '../../core/extract/types';
import type {
  AnalysisQueries, ConnectionRow, ConnectionsQuery, QuoteRow, TimelineQuery, TimelineRow,
} from '../../core/index/analysisQueries';
import { compareConnections, isDay, pageBounds, pageOf, PRECISION_ORDER } from '../../core/index/analysisQueries';
import type { EntityQuery, Page, PageRequest } from '../../core/index/corpusStore';
import { initialsOf, normalizeName, surnameOf, UNTYPED_PREFIX } from '../../core/index/entityKey';
import { ArchiveError, createArchivePool, withArchiveClient, type ArchiveConnectionOptions } from './connection';
import { DECIDED_TYPE_SQL } from './postgresStore';
import { quotationsOf } from './quoteQueries';
import { decideType, PLAIN_WEIGHT } from './rows';

/** The largest page, as the archive's `CorpusStore`. */
const MAX_PAGE = 1000;
/** An entity the views show: mentioned, and not a common word seen only in headline-style lines. */
const VISIBLE_SQL = 'mentions > 0 AND NOT (common AND plain = 0)';

export interface PostgresAnalysisOptions extends Partial<ArchiveConnectionOptions> {
  /** An existing pool (not ended on `close`); otherwise `url` is required. */
  pool?: Pool;
  /** Longest a query may run when the caller passes no signal (ms). */
  queryTimeoutMs?: number;
  /** The largest page (default 1,000, as the archive's `CorpusStore`); a command printing everything may lift it. */
  maxPage?: number;
}

/** An entity as the views show it. */
interface Named {
  name: string;
  type: NameType;
}

interface DateRow {
  article_id: string;
  path: string;
  start_offset: number;
  end_offset: number;
  value: string;
  precision: number;
  sentence_start: number | null;
  sentence_end: number | null;
  entity_ids: string[] | null;
}

/** An entity with the short form joined to it: `rep` is the full name (the entity itself when alone). */
interface Group {
  rep: string;
  members: string[];
}

/** A pair of entity ids and the paragraphs naming both. */
interface PairCount {
  x: string;
  y: string;
  n: number;
}


/**
 * SQL of the one-word entities (those matching `filter`, a condition on `e`) that join a full name, as
 * (id, group_id) rows — the rule of `PostgresStore.groupOf`: a one-word name is one entity with the one
 * uncurated full name whose surname it is (a person) or whose initials it is (an organization), when the
 * archive has exactly one such full name of that type and the one-word name is decided that type, its own
 * evidence counting that full name's articles (PLAIN_WEIGHT each) as the editor's index counts them.
 */
export function shortFormJoinsSql(filter: string): string {
  const full = (column: 'surname' | 'initials', type: 'PERSON' | 'ORG') => `LEFT JOIN LATERAL (
      SELECT count(*) AS n, min(id) AS id, min(articles) AS articles FROM sa_entities
      WHERE ${column} = substr(e.key, ${UNTYPED_PREFIX.length + 1}) COLLATE "default" AND curated_type IS NULL AND ${VISIBLE_SQL} AND (${DECIDED_TYPE_SQL}) = '${type}'
    ) AS ${column === 'surname' ? 'fp' : 'fo'} ON true`;
  return `SELECT id, group_id FROM (
    SELECT e.id, CASE WHEN x.t = 'PERSON' AND fp.n = 1 THEN fp.id WHEN x.t = 'ORG' AND fo.n = 1 THEN fo.id END AS group_id
    FROM sa_entities e
    ${full('surname', 'PERSON')}
    ${full('initials', 'ORG')}
    CROSS JOIN LATERAL (
      SELECT CASE WHEN wp >= wo AND wp >= wl AND wp >= wm THEN 'PERSON' WHEN wo >= wl AND wo >= wm THEN 'ORG'
                  WHEN wl >= wm THEN 'PLACE' ELSE 'MISC' END AS t
      FROM (SELECT e.w_person + CASE WHEN fp.n = 1 THEN ${PLAIN_WEIGHT} * fp.articles ELSE 0 END AS wp,
                   e.w_org + CASE WHEN fo.n = 1 THEN ${PLAIN_WEIGHT} * fo.articles ELSE 0 END AS wo,
                   e.w_place AS wl, e.w_misc AS wm) AS w
    ) AS x
    WHERE e.key LIKE '${UNTYPED_PREFIX}%' AND strpos(e.key, ' ') = 0 AND e.mentions > 0 AND NOT (e.common AND e.plain = 0) AND ${filter}
  ) AS j WHERE group_id IS NOT NULL`;
}

export class PostgresAnalysisQueries implements AnalysisQueries {
  readonly origin = 'archive' as const;
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly queryTimeoutMs: number;
  private readonly maxPage: number;
  private closed = false;

  constructor(options: PostgresAnalysisOptions) {
    if (options.pool) {
      this.pool = options.pool;
      this.ownsPool = false;
    } else {
      if (!options.url) throw new ArchiveError('PostgresAnalysisQueries needs a connection URL or a pool');
      this.pool = createArchivePool({ ...options, url: options.url, applicationName: options.applicationName ?? 'source-annotator analysis' });
      this.ownsPool = true;
    }
    this.queryTimeoutMs = options.queryTimeoutMs ?? 10_000;
    this.maxPage = options.maxPage ?? MAX_PAGE;
  }

  async timeline(query: TimelineQuery): Promise<Page<TimelineRow>> {
    const { offset, limit } = pageBounds(query.page, this.maxPage);
    for (const [what, day] of [['from', query.from], ['to', query.to]] as const) {
      if (day !== undefined && !isDay(day)) throw new ArchiveError(`timeline: "${what}" must be a day, YYYY-MM-DD (got "${day}")`);
    }
    return this.withClient(query.page.signal ?? query.entity?.signal, async (client) => {
      const where = ['d.from_day IS NOT NULL'];
      const params: unknown[] = [];
      if (query.entity) {
        const id = await this.resolve(client, query.entity);
        if (id === undefined) return { items: [], total: 0 };
        params.push((await this.groupsOf(client, [id])).get(id)!.members);
        where.push(`d.entity_ids && $${params.length}::bigint[]`);
      }
      if (query.from !== undefined) {
        params.push(query.from);
        where.push(`d.to_day >= $${params.length}`);
      }
      if (query.to !== undefined) {
        params.push(query.to);
        where.push(`d.from_day <= $${params.length}`);
      }
      const filter = where.join(' AND ');
      // one statement after another: a connection runs one at a time
      const rows = await this.rows<DateRow>(client,
          `SELECT d.article_id, a.path, d.start_offset, d.end_offset, d.value, d.precision, d.sentence_start, d.sentence_end, d.entity_ids
           FROM sa_dates d JOIN sa_articles a ON a.id = d.article_id
           WHERE ${filter}
           ORDER BY d.from_day, d.precision, a.path, d.start_offset OFFSET ${offset} LIMIT ${limit}`, params);
      const [count] = await this.rows<{ n: string }>(client, `SELECT count(*) AS n FROM sa_dates d WHERE ${filter}`, params);
      const total = Number(count?.n ?? 0);
      if (rows.length === 0) return { items: [], total };
      const articleIds = [...new Set(rows.map((r) => r.article_id))];
      const entityIds = [...new Set(rows.flatMap((r) => r.entity_ids ?? []))];
      const bodies = await this.rows<{ article_id: string; body: string }>(client,
        'SELECT article_id, body FROM sa_article_texts WHERE article_id = ANY($1::bigint[])', [articleIds]);
      const groups = await this.groupsOf(client, entityIds);
      const names = await this.namesOf(client, groups);
      const bodyOf = new Map(bodies.map((b) => [String(b.article_id), b.body]));
      const items = rows.map((r): TimelineRow => {
        const body = bodyOf.get(String(r.article_id)) ?? '';
        const entities: string[] = [];
        const seen = new Set<string>();
        for (const id of r.entity_ids ?? []) {
          const rep = groups.get(String(id))?.rep;
          const name = rep === undefined ? undefined : names.get(rep)?.name;
          if (name === undefined || seen.has(rep!)) continue;
          seen.add(rep!);
          entities.push(name);
        }
        const sentence = r.sentence_start === null || r.sentence_end === null
          ? body.slice(r.start_offset, r.end_offset) : body.slice(r.sentence_start, r.sentence_end);
        return {
          date: r.value, precision: PRECISION_ORDER[r.precision], file: r.path, start: r.start_offset, end: r.end_offset,
          text: body.slice(r.start_offset, r.end_offset), sentence: collapseSpace(sentence), entities,
        };
      });
      return pageOf(items, total, offset);
    });
  }

  async connections(query: ConnectionsQuery): Promise<Page<ConnectionRow>> {
    const { offset, limit } = pageBounds(query.page, this.maxPage);
    const minCount = Math.max(1, Math.floor(query.minCount ?? 2));
    return this.withClient(query.page.signal ?? query.entity?.signal, async (client) => {
      let pairs: PairCount[];
      let groups: Map<string, Group>;
      if (query.entity) {
        const id = await this.resolve(client, query.entity);
        if (id === undefined) return { items: [], total: 0 };
        const target = (await this.groupsOf(client, [id])).get(id)!;
        // the paragraphs naming the entity (any member), and per other visible entity the paragraphs of those naming it
        const MINE = 'mine AS (SELECT DISTINCT article_id, paragraph FROM sa_paragraph_entities WHERE entity_id = ANY($1::bigint[]))';
        const near = await this.rows<{ id: string; n: number }>(client,
          `WITH ${MINE}
           SELECT c.id, c.n FROM (SELECT p.entity_id AS id, count(*)::int AS n FROM mine JOIN sa_paragraph_entities p USING (article_id, paragraph)
                                  WHERE p.entity_id <> ALL($1::bigint[]) GROUP BY 1) AS c
           JOIN sa_entities e ON e.id = c.id WHERE e.mentions > 0 AND NOT (e.common AND e.plain = 0)`, [target.members], 'sa_connections_near');
        groups = await this.groupsOf(client, near.map((r) => String(r.id)));
        groups.set(id, target);
        for (const g of [...groups.values()]) if (!groups.has(g.rep)) groups.set(g.rep, g); // by full name too
        // per partner group: its members' paragraphs, less those naming two of its members (counted twice)
        const shared = new Map<string, number>();
        for (const r of near) {
          const rep = groups.get(String(r.id))!.rep;
          if (rep !== target.rep) shared.set(rep, (shared.get(rep) ?? 0) + Number(r.n));
        }
        const present = new Set(near.map((r) => String(r.id)));
        for (const [g, twice] of await this.overlaps(client, [...shared.keys()].map((rep) => groups.get(rep)!), present, MINE, target.members)) {
          shared.set(g, shared.get(g)! - twice);
        }
        pairs = [...shared].filter(([, n]) => n >= minCount).map(([y, n]) => ({ x: target.rep, y, n }));
      } else {
        pairs = await this.rows<PairCount>(client,
          `WITH j AS (${shortFormJoinsSql('TRUE')}),
           v AS (SELECT DISTINCT p.article_id, p.paragraph, coalesce(j.group_id, p.entity_id) AS g
                 FROM sa_paragraph_entities p JOIN sa_entities e ON e.id = p.entity_id LEFT JOIN j ON j.id = p.entity_id
                 WHERE e.mentions > 0 AND NOT (e.common AND e.plain = 0))
           SELECT p1.g AS x, p2.g AS y, count(*)::int AS n
           FROM v p1 JOIN v p2 ON p2.article_id = p1.article_id AND p2.paragraph = p1.paragraph AND p2.g > p1.g
           GROUP BY 1, 2 HAVING count(*) >= $1`, [minCount]);
        groups = await this.groupsOf(client, [...new Set(pairs.flatMap((p) => [String(p.x), String(p.y)]))]);
      }
      const total = pairs.length;
      if (total === 0) return { items: [], total };
      // each group's paragraphs: its members' (an index-only count each), less those naming two of its members
      const reps = [...new Set(pairs.flatMap((p) => [String(p.x), String(p.y)]))].map((rep) => groups.get(rep)!);
      const memberIds = reps.flatMap((g) => g.members);
      const counts = await this.rows<{ id: string; n: number }>(client,
        'SELECT entity_id AS id, count(*)::int AS n FROM sa_paragraph_entities WHERE entity_id = ANY($1::bigint[]) GROUP BY 1', [memberIds]);
      const countOf = new Map(counts.map((r) => [String(r.id), Number(r.n)]));
      const paragraphsOf = new Map(reps.map((g) => [g.rep, g.members.reduce((n, m) => n + (countOf.get(m) ?? 0), 0)]));
      for (const [g, twice] of await this.overlaps(client, reps, new Set(countOf.keys()))) paragraphsOf.set(g, paragraphsOf.get(g)! - twice);
      const [all] = await this.rows<{ n: string }>(client, 'SELECT coalesce(sum(paragraphs), 0) AS n FROM sa_articles', []);
      const paragraphTotal = Number(all?.n ?? 0);
      const scored = pairs.map((p) => ({
        x: String(p.x), y: String(p.y), paragraphs: Number(p.n),
        strength: npmi(Number(p.n), paragraphsOf.get(String(p.x)) ?? 0, paragraphsOf.get(String(p.y)) ?? 0, paragraphTotal),
      }));
      scored.sort((p, q) => q.strength - p.strength || q.paragraphs - p.paragraphs);
      // The page, widened to whole runs of equal strength and paragraphs: within a run the order depends on
      // the shared articles and the names, which are read for those pairs only.
      const same = (i: number, j: number) => scored[i].strength === scored[j].strength && scored[i].paragraphs === scored[j].paragraphs;
      if (offset >= total) return { items: [], total };
      let from = offset;
      while (from > 0 && same(from - 1, from)) from--;
      let to = Math.min(total, offset + limit);
      while (to < total && same(to - 1, to)) to++;
      const window = scored.slice(from, to);
      const wanted = [...new Set(window.flatMap((p) => [p.x, p.y]))];
      const names = await this.namesOf(client, groups, wanted);
      // articles naming both sides (each a group of one or two entities); which side is the smaller, by the
      // entities' article counters
      const articleIds = [...new Set(window.flatMap((p) => [...groups.get(p.x)!.members, ...groups.get(p.y)!.members]))];
      const articleCounts = new Map((await this.rows<{ id: string; articles: string }>(client,
        'SELECT id, articles FROM sa_entities WHERE id = ANY($1::bigint[])', [articleIds])).map((r) => [String(r.id), Number(r.articles)]));
      const sizeOf = (g: Group) => g.members.reduce((n, m) => n + (articleCounts.get(m) ?? 0), 0);
      const sides = window.map((p) => {
        const [x, y] = [groups.get(p.x)!, groups.get(p.y)!];
        return sizeOf(x) <= sizeOf(y) ? [x, y] : [y, x];
      });
      // each group's articles read once (a target shared by every pair is not read again per pair), then per pair
      // the smaller side's articles looked up among the larger side's
      const numbered = new Map<Group, number>();
      for (const [small, large] of sides) for (const g of [small, large]) if (!numbered.has(g)) numbered.set(g, numbered.size);
      const membersOf = [...numbered].flatMap(([g, n]) => g.members.map((id) => [n, id] as const));
      const shared = await this.rows<{ i: number; n: number }>(client,
        `WITH ga AS (SELECT DISTINCT m.g, ea.article_id FROM unnest($1::int[], $2::bigint[]) AS m(g, id)
                     JOIN sa_entity_articles ea ON ea.entity_id = m.id),
         pr AS (SELECT * FROM unnest($3::int[], $4::int[], $5::int[]) AS pr(i, small, large))
         SELECT pr.i, count(*)::int AS n FROM pr JOIN ga a ON a.g = pr.small JOIN ga b ON b.g = pr.large AND b.article_id = a.article_id
         GROUP BY pr.i`,
        [membersOf.map((x) => x[0]), membersOf.map((x) => x[1]), sides.map((_, i) => i),
          sides.map(([small]) => numbered.get(small)!), sides.map(([, large]) => numbered.get(large)!)]);
      const sharedOf = new Map(shared.map((r) => [Number(r.i), Number(r.n)]));
      const rows = window.map((p, i): ConnectionRow => {
        let [x, y] = [p.x, p.y];
        const nx = names.get(x)?.name ?? '';
        const ny = names.get(y)?.name ?? '';
        // `a` sorts before `b`: by name, then by key (the archive's ids stand for keys here)
        if (ny < nx || (ny === nx && Number(y) < Number(x))) [x, y] = [y, x];
        return {
          a: names.get(x)?.name ?? '', b: names.get(y)?.name ?? '', articles: sharedOf.get(i) ?? 0,
          paragraphs: p.paragraphs, strength: p.strength,
        };
      });
      rows.sort(compareConnections);
      return pageOf(rows.slice(offset - from, offset - from + limit), total, offset);
    });
  }

  async quotesBy(speaker: EntityQuery, page: PageRequest): Promise<Page<QuoteRow>> {
    const { offset, limit } = pageBounds(page, this.maxPage);
    return this.withClient(page.signal ?? speaker.signal, async (client) => {
      const id = await this.resolve(client, speaker);
      if (id === undefined) return { items: [], total: 0 };
      const groups = await this.groupsOf(client, [id]);
      const { rep, members } = groups.get(id)!;
      const found = await quotesBySpeaker(client, members, offset, limit);
      const who = (await this.namesOf(client, groups)).get(rep);
      const items = found.rows.map((q): QuoteRow => ({
        file: q.file, start: q.start, end: q.end, text: q.text, speaker: who?.name ?? null, speakerType: who?.type ?? null, cueStart: q.cueStart, cueEnd: q.cueEnd,
      }));
      return pageOf(items, found.total, offset);
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }

  /**
   * The entity a name or alias denotes, found as `PostgresStore` finds it: the exact key first (untyped, or a
   * registry's typed key), then the most mentioned entity having it as a written form; narrowed by type.
   */
  private async resolve(client: PoolClient, query: EntityQuery): Promise<string | undefined> {
    const name = normalizeName(query.name);
    if (!name) return undefined;
    const keys = [UNTYPED_PREFIX + name, ...['PERSON', 'ORG', 'PLACE', 'MISC'].map((t) => `${t}:${name}`)];
    const typeFilter = query.type ? `AND (${DECIDED_TYPE_SQL}) = $3` : '';
    const [row] = await this.rows<{ id: string }>(client,
      `((SELECT id, mentions FROM sa_entities WHERE key = ANY($1::text[]) AND ${VISIBLE_SQL} ${typeFilter} ORDER BY mentions DESC, id LIMIT 1)
        UNION ALL
        (SELECT id, mentions FROM sa_entities WHERE id IN (SELECT entity_id FROM sa_entity_aliases WHERE normalized = $2 AND count > 0)
           AND ${VISIBLE_SQL} ${typeFilter} ORDER BY mentions DESC, id LIMIT 1) LIMIT 1)`,
      query.type ? [keys, name, query.type] : [keys, name], query.type ? 'sa_analysis_resolve_typed' : 'sa_analysis_resolve');
    return row ? String(row.id) : undefined;
  }

  /**
   * For each group of two members both in `present`: the paragraphs naming both (of the paragraphs `mine`
   * defines, a CTE over $1 = `mineOf`, when given), which a sum over the members counts twice.
   */
  private async overlaps(client: PoolClient, groups: readonly Group[], present: ReadonlySet<string>, mine?: string, mineOf?: readonly string[]):
  Promise<Map<string, number>> {
    const pairs = groups.filter((g) => g.members.length === 2 && g.members.every((m) => present.has(m)));
    const out = new Map<string, number>();
    if (pairs.length === 0) return out;
    const offset = mine ? 1 : 0;
    const rows = await this.rows<{ g: string; n: number }>(client,
      `${mine ? `WITH ${mine} ` : ''}SELECT u.g, count(*)::int AS n
       FROM unnest($${offset + 1}::bigint[], $${offset + 2}::bigint[], $${offset + 3}::bigint[]) AS u(g, a, b)
       JOIN sa_paragraph_entities pa ON pa.entity_id = u.a
       JOIN sa_paragraph_entities pb ON pb.entity_id = u.b AND pb.article_id = pa.article_id AND pb.paragraph = pa.paragraph
       ${mine ? 'JOIN mine ON mine.article_id = pa.article_id AND mine.paragraph = pa.paragraph' : ''}
       GROUP BY u.g`,
      [...(mine ? [mineOf] : []), pairs.map((g) => g.rep), pairs.map((g) => g.members[0]), pairs.map((g) => g.members[1])]);
    for (const r of rows) out.set(String(r.g), Number(r.n));
    return out;
  }

  /**
   * The group of each of `ids`: the entity itself, or a full name and the short form joined to it (`rep`: the
   * full name). A short form maps to its full name; a full name finds its short form by its surname or initials.
   */
  private async groupsOf(client: PoolClient, ids: readonly string[]): Promise<Map<string, Group>> {
    const out = new Map<string, Group>();
    if (ids.length === 0) return out;
    const records = await this.rows<{ id: string; key: string }>(client, 'SELECT id, key FROM sa_entities WHERE id = ANY($1::bigint[])', [ids]);
    const shortKeys = new Set<string>();
    for (const r of records) {
      if (!r.key.startsWith(UNTYPED_PREFIX)) continue;
      const name = r.key.slice(UNTYPED_PREFIX.length);
      if (!name.includes(' ')) continue;
      for (const short of [surnameOf(name), initialsOf(name)]) if (short) shortKeys.add(UNTYPED_PREFIX + short);
    }
    const joins = await this.rows<{ id: string; group_id: string }>(client,
      shortFormJoinsSql('(e.id = ANY($1::bigint[]) OR e.key = ANY($2::text[]))'), [ids, [...shortKeys]]);
    const groups = new Map<string, Group>();
    const groupOf = (rep: string) => {
      let g = groups.get(rep);
      if (!g) groups.set(rep, (g = { rep, members: [rep] }));
      return g;
    };
    for (const j of joins) groupOf(String(j.group_id)).members.push(String(j.id));
    const repOf = new Map(joins.map((j) => [String(j.id), String(j.group_id)]));
    for (const id of ids) out.set(String(id), groupOf(repOf.get(String(id)) ?? String(id)));
    return out;
  }

  /**
   * The name and type of each visible group among `groups` (of its `only` representatives, default all), as the
   * archive's hover card names it: the registry's canonical name, else the full name's canonical form in its
   * most frequent spelling among the group's 50 most frequent written forms (`PostgresStore.summary`).
   */
  private async namesOf(client: PoolClient, groups: ReadonlyMap<string, Group>, only?: readonly string[]): Promise<Map<string, Named>> {
    const out = new Map<string, Named>();
    const reps = only ?? [...new Set([...groups.values()].map((g) => g.rep))];
    if (reps.length === 0) return out;
    const membership = reps.flatMap((rep) => (groups.get(rep)?.members ?? [rep]).map((m) => [rep, m]));
    const rows = await this.rows<{ id: string; canonical: string; curated_type: string | null; w: string[]; aliases: string[] | null }>(client,
      `SELECT e.id, e.canonical, e.curated_type, ARRAY[e.w_person, e.w_org, e.w_place, e.w_misc]::text[] AS w,
         ARRAY(SELECT alias FROM sa_entity_aliases a JOIN unnest($2::bigint[], $3::bigint[]) AS m(g, id) ON a.entity_id = m.id
               WHERE m.g = e.id AND a.count > 0 GROUP BY alias ORDER BY sum(a.count) DESC, alias LIMIT 50) AS aliases
       FROM sa_entities e WHERE e.id = ANY($1::bigint[]) AND ${VISIBLE_SQL}`,
      [reps, membership.map((m) => m[0]), membership.map((m) => m[1])]);
    for (const r of rows) {
      const lower = r.canonical.toLowerCase();
      const name = r.curated_type ? r.canonical : (r.aliases ?? []).find((a) => a.toLowerCase() === lower) ?? r.canonical;
      const type = (r.curated_type as NameType | null) ?? decideType(r.w.map(Number));
      out.set(String(r.id), { name, type });
    }
    return out;
  }

  /** Runs `work` on one connection; an abort (or the timeout) rejects at once and asks the server to cancel. */
  private async withClient<T>(signal: AbortSignal | undefined, work: (client: PoolClient) => Promise<T>): Promise<T> {
    if (this.closed) throw new ArchiveError('the archive analysis is closed');
    return withArchiveClient(this.pool, signal, this.queryTimeoutMs, work, (err) => {
      const code = (err as { code?: string }).code;
      return code === '42P01' || code === '42703'
        ? new ArchiveError('this archive has no analysis tables yet: run "source-annotator archive ingest" with this version first') : undefined;
    });
  }


  private async rows<R extends QueryResultRow>(client: PoolClient, sql: string, params: unknown[], name?: string): Promise<R[]> {
    return (await client.query<R>(name ? { name, text: sql, values: params } : { text: sql, values: params })).rows;
  }
}

/**
 * A speaker's quotations (the speaker's entity ids), newest article first (undated last), then by path, each
 * article's in text order: one page and the total. Over `sa_quotes (article_id, start_offset, end_offset, text,
 * speaker_entity_id, …)`, read through its index on `speaker_entity_id`. The speaker's name and type are the
 * caller's (the entity asked for).
 */
export async function quotesBySpeaker(client: PoolClient, speakerIds: readonly string[], offset: number, limit: number):
Promise<{ rows: Omit<QuoteRow, 'speaker' | 'speakerType'>[]; total: number }> {
  const page = await quotationsOf(client, speakerIds, { offset, limit });
  return { rows: page.items, total: page.total };
}
