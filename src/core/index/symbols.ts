/** Outline of one article (document symbols) and the entities matching a search (workspace symbols). */
import { SPAN_TYPES } from '../extract/types';
import { SPAN_STRIDE, SpanField, spanCount, spanTypeAt } from './analysis';
import { normalizeName } from './entityKey';
import type { EntityDecisions } from './entityDecisions';
import { compareStrings, endOf, startOf, type IndexTables } from './indexTables';
import type { DocumentSymbolGroup, WorkspaceSymbol } from './queryTypes';
import { groupCounts } from './ranking';

export interface Outline {
  /** Reads up to `count` more mentions; true while some are left. */
  add(count: number): boolean;
  groups(): DocumentSymbolGroup[];
}

/** An article's outline, read a slice of mentions at a time (`add`); undefined for an unknown article. */
export function outlineOf(tables: IndexTables, decisions: EntityDecisions, uri: string): Outline | undefined {
  const record = tables.recordOf(uri);
  if (!record) return undefined;
  const groups = new Map<string, DocumentSymbolGroup>();
  const symbols = new Map<string, DocumentSymbolGroup['symbols'][number]>();
  // A long article has a few hundred symbols but hundreds of thousands of mentions: each mention's
  // symbol is found by its key id and type, without building its key string again.
  const byKeyAndType = new Map<number, DocumentSymbolGroup['symbols'][number]>();
  const total = spanCount(record.packed);
  let next = 0;
  const add = (count: number): boolean => {
    const stop = Math.min(total, next + count);
    for (let i = next; i < stop; i++) {
      const keyId = record.keyIds[i * 2];
      if (decisions.hidden(keyId)) continue;
      const start = startOf(record, i);
      const end = endOf(record, i);
      // a name's symbol follows its entity, whatever type this mention got
      const typeIndex = decisions.isNameKeyId(keyId) ? 0 : record.packed.spans[i * SPAN_STRIDE + SpanField.type];
      const fast = keyId >= 0 ? keyId * SPAN_TYPES.length + typeIndex : -1;
      let symbol = fast >= 0 ? byKeyAndType.get(fast) : undefined;
      if (!symbol) {
        const rawKey = keyId >= 0 ? tables.postings.keyOf(keyId) : undefined;
        const isName = rawKey !== undefined && decisions.isNameKey(rawKey);
        const internal = isName ? decisions.groupOf(rawKey)[0] : undefined;
        const type = internal ? decisions.decidedType(internal) ?? spanTypeAt(record.packed, i) : spanTypeAt(record.packed, i);
        const key = internal ? decisions.exposedKey(internal) : rawKey;
        const symbolKey = `${type}\u0000${key ?? record.text.slice(start, end)}`;
        symbol = symbols.get(symbolKey);
        if (!symbol) {
          const name = internal ? decisions.displayName(internal) : record.text.slice(start, end);
          symbol = { name, type, first: { start, end }, last: { start, end }, mentionCount: 0 };
          if (key) symbol.key = key;
          symbols.set(symbolKey, symbol);
          let group = groups.get(type);
          if (!group) groups.set(type, (group = { type, symbols: [] }));
          group.symbols.push(symbol);
        }
        if (fast >= 0) byKeyAndType.set(fast, symbol);
      }
      symbol.mentionCount++;
      symbol.last.start = start;
      symbol.last.end = end;
    }
    next = stop;
    return next < total;
  };
  return { add, groups: () => SPAN_TYPES.filter((t) => groups.has(t)).map((t) => groups.get(t)!) };
}

/** Entities whose name or an alias contains `query` (case- and punctuation-insensitive). */
export function workspaceSymbols(tables: IndexTables, decisions: EntityDecisions, query: string, limit: number): WorkspaceSymbol[] {
  const needle = normalizeName(query);
  const hits: { symbol: WorkspaceSymbol; prefix: boolean }[] = [];
  const seen = new Set<string>();
  for (const id of tables.postings.liveIds()) {
    if (decisions.isJunkId(id)) continue;
    const rawKey = tables.postings.keyOf(id);
    if (!decisions.isNameKey(rawKey)) continue;
    const group = decisions.groupOf(rawKey);
    const internal = group[0];
    if (seen.has(internal)) continue;
    const type = decisions.decidedType(internal);
    if (!type) continue;
    const normalizedName = internal.slice(internal.indexOf(':') + 1);
    let matched = normalizedName.includes(needle);
    if (!matched) {
      for (const surface of tables.surfaces[id]?.keys() ?? []) {
        if (normalizeName(surface).includes(needle)) {
          matched = true;
          break;
        }
      }
    }
    if (!matched) continue;
    seen.add(internal);
    const [firstId, firstList] = tables.postings.postingsOf(internal).entries().next().value as [number, readonly number[]];
    const record = tables.records[firstId]!;
    hits.push({
      prefix: normalizedName.startsWith(needle),
      symbol: {
        key: decisions.exposedKey(internal), name: decisions.displayName(internal), type,
        articleCount: group.length === 1 ? tables.postings.postingsOf(internal).size : groupCounts(tables, group).size,
        location: { uri: record.uri, start: startOf(record, firstList[0]), end: endOf(record, firstList[0]) },
      },
    });
  }
  hits.sort((a, b) => Number(b.prefix) - Number(a.prefix) || b.symbol.articleCount - a.symbol.articleCount ||
    compareStrings(a.symbol.name, b.symbol.name));
  return hits.slice(0, limit).map((h) => h.symbol);
}
