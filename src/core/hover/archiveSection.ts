/**
 * The team archive's part of a name card, below the workspace's: how often the archive mentions the
 * entity, its top articles outside this workspace, and a link to page through every archive mention; or
 * one line saying the archive could not answer (the card above is complete without it).
 */
import type { ArchiveOutcome } from '../archive/askArchive';
import { unavailableText } from '../archive/askArchive';
import type { EntitySummary } from '../index/corpusStore';
import { cutAtWord } from './articleList';
import { commandLink, escapeMarkdown } from './markdown';
import { plural } from '../util/plural';

export const ArchiveCommands = {
  /** args: [name: string, type: string] — pages through the archive's mentions of the entity. */
  showResults: 'sourceAnnotator.archive.showResults',
  /** args: [file: string, start: number, end: number] — opens an archive article (when reachable) at a mention. */
  openResult: 'sourceAnnotator.archive.openResult',
  /** args: none — connects to the archive again and says how it went. */
  retry: 'sourceAnnotator.archive.retry',
} as const;

export interface ArchiveSectionOptions {
  /** The entity as the card names it, for the "more" link. */
  name: string;
  type: string;
  /** Archive articles that are also in the workspace (listed above already) are left out of the list. */
  inWorkspace?: (hit: { file: string; title: string }) => boolean;
  /** Articles listed at most. */
  limit?: number;
}

/** Markdown for the archive's part of a card; empty when there is nothing to say (the hover was closed). */
export function archiveSection(outcome: ArchiveOutcome<EntitySummary | undefined>, options: ArchiveSectionOptions): string {
  const heading = '**Team archive**';
  if (outcome.status === 'cancelled') return '';
  if (outcome.status !== 'ok') {
    return `${heading} · _unavailable: ${escapeMarkdown(unavailableText(outcome))}._ The workspace results above are complete. ` +
      commandLink('Retry', ArchiveCommands.retry, [], 'Connect to the archive again');
  }
  const summary = outcome.value;
  if (!summary) return `${heading} · _no matches in the archive._`;
  const lines = [`${heading} · ${plural(summary.mentions, 'mention')} in ${plural(summary.articles, 'article')}`];
  const listed = summary.top.filter((hit) => !options.inWorkspace?.(hit)).slice(0, options.limit ?? 5);
  for (const hit of listed) {
    const title = cutAtWord(hit.title || hit.file.slice(hit.file.lastIndexOf('/') + 1));
    const link = commandLink(title, ArchiveCommands.openResult, [hit.file, hit.start, hit.end], `Archive article: ${hit.file}`);
    const outlet = hit.outlet ? ` · ${escapeMarkdown(hit.outlet)}` : '';
    const date = hit.date ? ` · ${escapeMarkdown(hit.date)}` : '';
    lines.push(`- ${link}${outlet}${date} · ${plural(hit.count, 'mention')} _(archive)_`);
  }
  if (summary.mentions > 0) {
    lines.push(commandLink(`All ${plural(summary.mentions, 'archive mention')}…`, ArchiveCommands.showResults, [options.name, options.type],
      'Page through the archive\'s mentions in the Archive Results view'));
  }
  return lines.join('\n');
}
