/** The hover card of a PERSON / ORG / PLACE / MISC mention. */
import type { CorpusIndex } from '../index/corpusIndex';
import type { IndexedSpan } from '../index/queryTypes';
import type { NameType } from '../extract/types';
import { MAX_LISTED_ARTICLES, otherArticlesBlock } from './articleList';
import { plural } from '../util/plural';
import { HoverCommands } from './commands';
import { TYPE_LABELS } from './format';
import { commandLink, escapeMarkdown, webLink } from './markdown';
import { AnalysisStore } from '../analysis/analysisStore';
import { latestQuotesBlock, oftenWithLine, timelineLink } from './analysisEntries';

const MAX_ALIASES = 8;

export function nameCard(index: CorpusIndex, hit: IndexedSpan, limit = MAX_LISTED_ARTICLES): string {
  const { span } = hit;
  const key = hit.key;
  const info = key ? index.entityInfo(key) : undefined;
  const canonical = info?.canonical ?? span.canonical ?? span.text;
  const blocks: string[] = [];
  blocks.push(`**${TYPE_LABELS[span.type]}** · ${escapeMarkdown(canonical)}${info?.curated ? ' · _in the registry_' : ''}`);
  if (info?.description) blocks.push(`_${escapeMarkdown(info.description)}_`);
  const aliases = info?.aliases.filter((a) => a !== canonical).slice(0, MAX_ALIASES) ?? [];
  if (aliases.length) blocks.push(`Also: ${aliases.map(escapeMarkdown).join(', ')}`);
  if (info?.links?.length) blocks.push(`Links: ${info.links.map(webLink).join(' · ')}`);
  if (key && info) {
    const here = index.mentionsInArticle(hit.uri, key).length;
    blocks.push(`${plural(here, 'mention')} in this article · ${plural(info.articleCount, 'article')} in the workspace`);
    const others = index.articlesMentioning(key, { limit, excludeUri: hit.uri });
    if (others.total > 0) {
      blocks.push(otherArticlesBlock(`**Other articles** (${others.total})`, others.articles, others.total,
        { command: HoverCommands.showReferences, args: [key, hit.uri, span.start] }));
    }
    // the workspace analyses, once their state has caught up with the index (it does in the background)
    const store = AnalysisStore.of(index);
    if (store.ready()) {
      const often = oftenWithLine(index, store, key);
      if (often) blocks.push(often);
      const quotes = latestQuotesBlock(index, store, key, span.type as NameType);
      if (quotes) blocks.push(quotes);
    }
  }
  const actions: string[] = [];
  if (key) {
    actions.push(commandLink('All references', HoverCommands.showReferences, [key, hit.uri, span.start]));
    actions.push(commandLink('Add alias…', HoverCommands.addAlias, [key, span.text]));
    actions.push(commandLink('Merge with…', HoverCommands.merge, [key]));
    if (info) actions.push(timelineLink({ name: canonical }));
  }
  actions.push(commandLink(`Ignore “${span.text}”`, HoverCommands.ignore, [span.text], 'Never highlight this text as a name'));
  blocks.push(actions.join(' · '));
  return blocks.join('\n\n');
}
