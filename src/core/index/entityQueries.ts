/**
 * What the index knows of one entity: every mention (references), the articles mentioning it, its card
 * (type, canonical name, aliases, counts), its written forms, and its mentions in one article.
 */
import { SPAN_STRIDE, SpanField } from './analysis';
import type { EntityKey } from './entityKey';
import type { EntityDecisions } from './entityDecisions';
import { compareStrings, endOf, startOf, type ArticleRecord, type IndexTables } from './indexTables';
import type { EntityInfo, MentionLocation, RankedArticles } from './queryTypes';
import { groupCounts, rank, rankGroup, type RankOptions } from './ranking';

/** See `CorpusIndex.references` (which caches the answer). */
export function computeReferences(tables: IndexTables, decisions: EntityDecisions, key: EntityKey): MentionLocation[] {
  const group = decisions.groupOf(decisions.internalOf(key));
  const out: MentionLocation[] = [];
  if (group.length === 1) {
    // The common case, and the hot one for entities with 100,000+ mentions: fill a preallocated array.
    const postings = tables.postings.postingsOf(group[0]);
    let total = 0;
    for (const list of postings.values()) total += list.length;
    const filled: MentionLocation[] = new Array(total);
    let k = 0;
    for (const [id, list] of postings) {
      const record = tables.records[id]!;
      const uri = record.uri;
      const spans = record.packed.spans;
      for (let j = 0; j < list.length; j++) {
        const base = list[j] * SPAN_STRIDE;
        filled[k++] = { uri, start: spans[base + SpanField.start], end: spans[base + SpanField.end] };
      }
    }
    return filled;
  }
  const [main, ...shortForms] = group.map((k) => tables.postings.postingsOf(k));
  const emit = (record: ArticleRecord, list: readonly number[]) => {
    for (const i of list) out.push({ uri: record.uri, start: startOf(record, i), end: endOf(record, i) });
  };
  for (const [id, list] of main) {
    const extra = shortForms.map((m) => m.get(id)).filter((l): l is readonly number[] => l !== undefined);
    emit(tables.records[id]!, extra.length ? [...list, ...extra.flat()].sort((a, b) => a - b) : list);
  }
  shortForms.forEach((postings, g) => {
    for (const [id, list] of postings) {
      if (!main.has(id) && !shortForms.slice(0, g).some((m) => m.has(id))) emit(tables.records[id]!, list);
    }
  });
  return out;
}

export function articlesMentioning(tables: IndexTables, decisions: EntityDecisions, key: EntityKey, options: RankOptions): RankedArticles {
  const group = decisions.groupOf(decisions.internalOf(key));
  return group.length === 1 ? rank(tables, tables.postings.postingsOf(group[0]), options) : rankGroup(tables, group, options);
}

export function entityInfo(tables: IndexTables, decisions: EntityDecisions, key: EntityKey): EntityInfo | undefined {
  const group = decisions.groupOf(decisions.internalOf(key));
  const representative = group[0];
  const type = decisions.decidedType(representative);
  if (!type || decisions.isJunk(representative)) return undefined;
  const curated = tables.linker.registryEntity(representative);
  const counts = groupCounts(tables, group);
  if (!curated && counts.size === 0) return undefined;
  let mentionCount = 0;
  for (const count of counts.values()) mentionCount += count;
  const canonical = decisions.displayName(representative);
  const aliasCounts = new Map<string, number>();
  for (const k of group) {
    for (const [surface, count] of tables.surfaces[tables.postings.idOf(k) ?? -1] ?? []) aliasCounts.set(surface, (aliasCounts.get(surface) ?? 0) + count);
  }
  for (const alias of curated?.aliases ?? []) if (!aliasCounts.has(alias)) aliasCounts.set(alias, 0);
  const aliases = [...aliasCounts.entries()].filter(([surface]) => surface !== canonical)
    .sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([surface]) => surface);
  const info: EntityInfo = { key: decisions.exposedKey(representative), type, canonical, aliases, curated: !!curated, articleCount: counts.size, mentionCount };
  if (curated?.description) info.description = curated.description;
  if (curated?.links?.length) info.links = [...curated.links];
  return info;
}

export function entityForms(tables: IndexTables, decisions: EntityDecisions, key: EntityKey): { text: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const k of decisions.groupOf(decisions.internalOf(key))) {
    for (const [surface, count] of tables.surfaces[tables.postings.idOf(k) ?? -1] ?? []) counts.set(surface, (counts.get(surface) ?? 0) + count);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || compareStrings(a[0], b[0])).map(([text, count]) => ({ text, count }));
}

export function mentionsInArticle(tables: IndexTables, decisions: EntityDecisions, uri: string, key: string): { start: number; end: number }[] {
  const record = tables.recordOf(uri);
  if (!record) return [];
  const group = decisions.isNameKey(key) ? decisions.groupOf(decisions.internalOf(key)) : [key];
  const indexes: number[] = [];
  for (const k of group) indexes.push(...(tables.postings.postingsOf(k).get(record.id) ?? []));
  return indexes.sort((a, b) => a - b).map((i) => ({ start: startOf(record, i), end: endOf(record, i) }));
}
