/**
 * Quotations in the archive (`sa_quotes`, filled by `archive ingest`), asked for by speaker. The rows have
 * the shape `source-annotator quotes --json` prints, so the archive and a folder answer alike.
 */
import type { ClientBase } from 'pg';
import type { Page } from '../../core/index/corpusStore';
import type { QuoteRecord } from '../../core/analysis/quotes/quoteLedger';
import type { ArchiveEntityGroup } from './postgresStore';

export interface QuotePageRequest {
  offset?: number;
  /** At most 1,000 a page. */
  limit: number;
}

interface QuoteRow {
  file: string;
  start: number;
  end: number;
  text: string;
  cue_start: number | null;
  cue_end: number | null;
  total: string;
}

/** A quotation as the archive stores it, without the speaker's name and type (which are the group's). */
export type StoredQuotation = Omit<QuoteRecord, 'speaker' | 'speakerType'>;

/**
 * The quotations whose speaker is any of the entity rows `ids` (a full name and the short form joined to
 * it), newest article first (publication date, undated last, then path), each article's in text order —
 * the order of the editor's quote ledger.
 */
export async function quotationsOf(client: ClientBase, ids: readonly string[], page: QuotePageRequest): Promise<Page<StoredQuotation>> {
  const offset = Math.max(0, Math.floor(page.offset ?? 0));
  const limit = Math.max(1, Math.min(Math.floor(page.limit), 1000));
  const { rows } = await client.query<QuoteRow>(
    `SELECT a.path AS file, q.start_offset AS start, q.end_offset AS "end", q.text, q.cue_start, q.cue_end, count(*) OVER () AS total
     FROM sa_quotes q JOIN sa_articles a ON a.id = q.article_id
     WHERE q.speaker_entity_id = ANY($1::bigint[])
     ORDER BY a.published DESC NULLS LAST, a.path, q.start_offset, q.end_offset
     OFFSET $2 LIMIT $3`,
    [ids, offset, limit]);
  const items: StoredQuotation[] = rows.map((r) => ({ file: r.file, start: r.start, end: r.end, text: r.text, cueStart: r.cue_start, cueEnd: r.cue_end }));
  // past the last row the window count is not there: ask for the total alone
  const total = rows.length ? Number(rows[0].total)
    : Number((await client.query<{ n: string }>('SELECT count(*) AS n FROM sa_quotes WHERE speaker_entity_id = ANY($1::bigint[])', [ids])).rows[0].n);
  const next = offset + items.length;
  return next < total ? { items, total, nextOffset: next } : { items, total };
}

/**
 * The entity's quotations (see `quotationsOf`). `speaker` and `speakerType` are the entity's, as the editor
 * names the speaker of every quotation it resolves to that entity.
 */
export async function quotesBy(client: ClientBase, entity: ArchiveEntityGroup, page: QuotePageRequest): Promise<Page<QuoteRecord>> {
  const found = await quotationsOf(client, entity.ids, page);
  // in the key order `quotes --json` prints
  const items = found.items.map((q): QuoteRecord => ({
    file: q.file, start: q.start, end: q.end, text: q.text, speaker: entity.canonical, speakerType: entity.type, cueStart: q.cueStart, cueEnd: q.cueEnd,
  }));
  return { ...found, items };
}
