/** Tag bookkeeping shared by the tag picker, the Annotations view and Rename Tag. Pure. */
import type { Annotation } from '../../core/sidecar/model';

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
