/**
 * The workspace's entities as the Entities view lists them, after the workspace-level decisions (one
 * identity and one type per entity, no junk): what `source-annotator entities` prints.
 */
import type { NameType } from '../extract/types';
import type { CorpusIndex } from './corpusIndex';
import type { EntityKey } from './entityKey';

export interface EntityListing {
  key: EntityKey;
  canonical: string;
  type: NameType;
  /** Every written form of the mentions, with how often it occurs (the counts sum to `mentions`). */
  aliases: { text: string; count: number }[];
  mentions: number;
  articles: number;
}

/** Sorted by mentions, then articles, then name. */
export function listEntities(index: CorpusIndex, filter = ''): EntityListing[] {
  const out: EntityListing[] = [];
  for (const symbol of index.workspaceSymbols(filter, Number.MAX_SAFE_INTEGER)) {
    const info = index.entityInfo(symbol.key);
    if (!info) continue;
    out.push({
      key: info.key, canonical: info.canonical, type: info.type, aliases: index.entityForms(info.key),
      mentions: info.mentionCount, articles: info.articleCount,
    });
  }
  return out.sort((a, b) => b.mentions - a.mentions || b.articles - a.articles ||
    (a.canonical < b.canonical ? -1 : a.canonical > b.canonical ? 1 : a.type < b.type ? -1 : a.type > b.type ? 1 : 0));
}
