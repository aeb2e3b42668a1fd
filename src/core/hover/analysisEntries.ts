/**
 * What the workspace analyses add to a name's hover card: the entities it is often named with (linking to
 * their references), its latest quotations (people and organizations), and a link to its timeline. Each
 * reads precomputed state (`AnalysisStore`): a card never scans the workspace.
 */
import type { AnalysisStore, ResolvedEntity } from '../analysis/analysisStore';
import type { NameType } from '../extract/types';
import type { CorpusIndex } from '../index/corpusIndex';
import { cutAtWord } from './articleList';
import { HoverCommands } from './commands';
import { commandLink, escapeMarkdown } from './markdown';
import { plural } from '../util/plural';

/** Connections listed in "Often with". */
export const MAX_NEIGHBOURS = 5;
/** Quotations listed under "Latest quotes". */
export const MAX_QUOTES = 2;
/** A quotation longer than this is cut at a word boundary. */
const QUOTE_CHARS = 60;
/**
 * What a card spends at most on counting one entry's list when the store does not keep it yet (ms): the
 * lists of the entities named most are counted in the background (`AnalysisStore.prepare`); one that takes
 * longer is left out of this card and ready for the next.
 */
export const COUNT_BUDGET_MS = 2;

/**
 * "Often with: Anna Berg (4 paragraphs) · Nordbank (2 paragraphs)": the strongest connections (NPMI over
 * paragraphs, at least two shared), each name opening that entity's references at a mention in an article
 * naming both. Undefined when there is none, or when counting the entity's partners would take longer than
 * `budgetMs` (it goes on in the background; `Infinity`: count whatever it takes).
 */
export function oftenWithLine(index: CorpusIndex, store: AnalysisStore, key: string, limit = MAX_NEIGHBOURS, budgetMs = COUNT_BUDGET_MS): string | undefined {
  if (budgetMs !== Infinity && !store.prepare(key, 'partners', budgetMs)) return undefined;
  // the strongest `limit` only: their shared articles are counted, not those of thousands of others
  const neighbours = store.neighbours(key, 2, limit);
  if (neighbours.length === 0) return undefined;
  const total = store.neighbourCount(key, 2);
  const shown = neighbours.map((n) => {
    const mention = index.mentionsInArticle(n.sharedArticle, n.entity.key)[0];
    const label = escapeMarkdown(n.entity.name);
    const name = mention
      ? commandLink(n.entity.name, HoverCommands.showReferences, [n.entity.key, n.sharedArticle, mention.start], `All references of ${n.entity.name}`)
      : label;
    return `${name} (${plural(n.paragraphs, 'paragraph')})`;
  });
  const more = total > neighbours.length ? ` · and ${total - neighbours.length} more` : '';
  return `**Often with** ${shown.join(' · ')}${more}`;
}

/**
 * "Latest quotes (2 of 12)": a person's or an organization's newest quotations (by their articles'
 * publication dates), one line each with the article's date, each a link that opens the quoted words.
 * Lines, not a list, to keep the card compact. Undefined for places and other names, or with none, or
 * while finding the quotations would take longer than `budgetMs` (as for `oftenWithLine`).
 */
export function latestQuotesBlock(index: CorpusIndex, store: AnalysisStore, key: string, type: NameType, limit = MAX_QUOTES,
  budgetMs = COUNT_BUDGET_MS): string | undefined {
  if (type !== 'PERSON' && type !== 'ORG') return undefined;
  if (budgetMs !== Infinity && !store.prepare(key, 'quotes', budgetMs)) return undefined;
  const { total, quotes } = store.quotesBy(key, limit);
  if (total === 0) return undefined;
  const lines = quotes.map((q) => {
    const info = index.articleInfo(q.file);
    const headline = info?.headline ? cutAtWord(info.headline, 80) : '';
    const tooltip = headline ? `${headline} — open the article at this quotation` : 'Open the article at this quotation';
    const link = commandLink(`“${cutAtWord(q.text, QUOTE_CHARS)}”`, HoverCommands.openMention, [q.file, q.start, q.end], tooltip);
    return info?.published ? `${link} · ${escapeMarkdown(info.published)}` : link;
  });
  const heading = total > quotes.length ? `**Latest quotes** (${quotes.length} of ${total})` : `**${total === 1 ? 'Quote' : 'Latest quotes'}** (${total})`;
  // a line break in Markdown: two spaces before the newline
  return [heading, ...lines].join('  \n');
}

/** "Timeline of Anna Berg": the Timeline view, showing the dated sentences that name the entity. */
export function timelineLink(entity: Pick<ResolvedEntity, 'name'>): string {
  return commandLink(`Timeline of ${entity.name}`, HoverCommands.timelineOf, [{ name: entity.name }], 'Show the dates of the sentences naming it in the Timeline view');
}
