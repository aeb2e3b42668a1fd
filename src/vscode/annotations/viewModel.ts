/**
 * The Annotations view's tree as plain data: grouped by tag or by article, filtered by tag or text,
 * with counts, and orphans (annotations whose text is gone) in a group of their own. Pure.
 */
import type { Annotation } from '../../core/sidecar/model';

export type GroupBy = 'tag' | 'article';

export interface ViewEntry {
  /** The article's URI string and a short label (workspace-relative path). */
  article: string;
  articleLabel: string;
  annotation: Annotation;
  orphan: boolean;
}

export interface ViewGroup {
  kind: 'tag' | 'article' | 'orphans' | 'untagged';
  label: string;
  entries: ViewEntry[];
}

export const ORPHANS_LABEL = 'Orphaned (text not found)';
export const UNTAGGED_LABEL = '(untagged)';

/**
 * `tag:name` keeps annotations with exactly that tag; any other text keeps annotations whose quote,
 * note, tags or article contain it, case-insensitively.
 */
export function matchesFilter(entry: ViewEntry, filter: string): boolean {
  const query = filter.trim();
  if (query === '') return true;
  const tagMatch = /^tag:(.+)$/i.exec(query);
  if (tagMatch) return entry.annotation.tags.some((tag) => tag.toLowerCase() === tagMatch[1].trim().toLowerCase());
  const needle = query.toLowerCase();
  const { annotation } = entry;
  return [annotation.target.exact, annotation.note, entry.articleLabel, ...annotation.tags]
    .some((field) => field.toLowerCase().includes(needle));
}

export function buildGroups(entries: readonly ViewEntry[], groupBy: GroupBy, filter = ''): ViewGroup[] {
  const kept = entries.filter((entry) => matchesFilter(entry, filter));
  const anchored = kept.filter((entry) => !entry.orphan);
  const byOffset = (a: ViewEntry, b: ViewEntry): number =>
    a.articleLabel.localeCompare(b.articleLabel) || a.annotation.target.start - b.annotation.target.start;
  const groups: ViewGroup[] = [];
  if (groupBy === 'article') {
    const byArticle = new Map<string, ViewEntry[]>();
    for (const entry of anchored) {
      if (!byArticle.has(entry.article)) byArticle.set(entry.article, []);
      byArticle.get(entry.article)!.push(entry);
    }
    for (const list of byArticle.values()) {
      groups.push({ kind: 'article', label: list[0].articleLabel, entries: list.sort(byOffset) });
    }
    groups.sort((a, b) => a.label.localeCompare(b.label));
  } else {
    const byTag = new Map<string, ViewEntry[]>();
    const untagged: ViewEntry[] = [];
    for (const entry of anchored) {
      if (entry.annotation.tags.length === 0) untagged.push(entry);
      for (const tag of entry.annotation.tags) {
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag)!.push(entry);
      }
    }
    const tagGroups = [...byTag.entries()].map(([tag, list]) => ({ kind: 'tag' as const, label: tag, entries: list.sort(byOffset) }));
    tagGroups.sort((a, b) => b.entries.length - a.entries.length || a.label.localeCompare(b.label));
    groups.push(...tagGroups);
    if (untagged.length > 0) groups.push({ kind: 'untagged', label: UNTAGGED_LABEL, entries: untagged.sort(byOffset) });
  }
  const orphans = kept.filter((entry) => entry.orphan).sort(byOffset);
  if (orphans.length > 0) groups.push({ kind: 'orphans', label: ORPHANS_LABEL, entries: orphans });
  return groups;
}

/** One line for a tree item or a quick pick: the quote, shortened, on a single line. */
export function quoteLabel(exact: string, max = 60): string {
  const flat = exact.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
