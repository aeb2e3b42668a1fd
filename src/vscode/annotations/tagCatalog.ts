/** Tag bookkeeping shared by the tag picker, the Annotations view and Rename Tag. Pure. */
import type { Annotation } from '../../core/sidecar/model';
import { plural } from '../../core/util/plural';

export interface TagUsage {
  tag: string;
  count: number;
}

/** Every tag used in the given articles' annotations, most used first, ties alphabetical. */
export function tagUsage(articles: Iterable<readonly Annotation[]>): TagUsage[] {
  const counts = new Map<string, number>();
  for (const annotations of articles) {
    for (const annotation of annotations) {
      for (const tag of annotation.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .map(([tag, count]) => ({ tag, count }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}

/** Tags typed by hand: comma-separated, trimmed, inner whitespace collapsed, duplicates dropped. */
export function parseTagInput(value: string): string[] {
  const tags = value.split(',').map((tag) => tag.trim().replace(/\s+/g, ' ')).filter((tag) => tag !== '');
  return [...new Set(tags)];
}

/** Union of two tag lists keeping the order of first appearance. */
export function mergeTags(existing: readonly string[], added: readonly string[]): string[] {
  return [...new Set([...existing, ...added])];
}

/**
 * What typing in the tag picker offers as one pre-selected item: every tag typed, new or existing
 * ("framework-claim, verify" keeps both, even though only "verify" is new; "framework-claim" alone is
 * kept too when other tags are already ticked). `undefined` when nothing is typed.
 */
export function typedTags(value: string, known: ReadonlySet<string>): { tags: string[]; description: string } | undefined {
  const tags = parseTagInput(value);
  if (tags.length === 0) return undefined;
  const fresh = tags.filter((tag) => !known.has(tag));
  const existing = tags.length - fresh.length;
  if (tags.length === 1) return { tags, description: fresh.length === 1 ? 'new tag' : 'existing tag' };
  const parts = [
    fresh.length > 0 ? plural(fresh.length, 'new tag') : undefined,
    existing > 0 ? `${existing} existing` : undefined,
  ].filter(Boolean);
  return { tags, description: parts.join(', ') };
}

/**
 * The tags a picker accept yields: the ticked items' tags, plus what is typed when nothing is ticked
 * (typing a name and pressing Enter is enough), without duplicates, in order.
 */
export function acceptedTags(ticked: readonly (readonly string[])[], value: string): string[] {
  const chosen = ticked.flat();
  return [...new Set([...chosen, ...(chosen.length === 0 ? parseTagInput(value) : [])])];
}
