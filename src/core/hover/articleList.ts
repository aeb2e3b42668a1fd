/** The "other articles" lists shared by the name, date and figure cards: one line per article, one snippet. */
import type { ArticleMention } from '../index/queryTypes';
import { HoverCommands } from './commands';
import { commandLink, escapeMarkdown } from './markdown';
import { plural } from '../util/plural';


/** Cards list at most this many other articles; "Show all N articles" opens the references peek. */
export const MAX_LISTED_ARTICLES = 5;
/** A title longer than this is cut at a word boundary. */
export const TITLE_CHARS = 70;

/** `text` cut at the last word boundary within `max` characters, with "…"; a single long word is cut at `max`. */
export function cutAtWord(text: string, max = TITLE_CHARS): string {
  const squashed = text.replace(/\s+/gu, ' ').trim();
  if (squashed.length <= max) return squashed;
  const room = squashed.slice(0, max);
  const space = room.lastIndexOf(' ');
  const cut = space >= max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.\u2013\u2014-]+$/u, '')}…`;
}

/** The article's title as listed: its headline, else its file name. */
export function articleTitle(article: Pick<ArticleMention, 'headline' | 'uri'>): string {
  return article.headline || decodeName(article.uri.slice(article.uri.lastIndexOf('/') + 1));
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** One line per article: the title (linking to the mention), the date and the count. */
export function articleLines(articles: readonly ArticleMention[], extra?: (article: ArticleMention) => string): string[] {
  return articles.map((article) => {
    const full = articleTitle(article);
    const title = cutAtWord(full);
    const tooltip = title === full ? 'Open the article at this mention' : `${full} — open the article at this mention`;
    const link = commandLink(title, HoverCommands.openMention, [article.uri, article.start, article.end], tooltip);
    const outlet = article.outlet ? ` · ${escapeMarkdown(article.outlet)}` : '';
    const date = `${outlet}${article.published ? ` · ${escapeMarkdown(article.published)}` : ''}`;
    const count = ` · ${plural(article.mentionCount, 'mention')}`;
    return `- ${link}${date}${count}${extra ? ` · ${extra(article)}` : ''}`;
  });
}

/** The sentence with the mention in the first listed article, quoted, the mention in bold. */
export function snippetQuote(article: ArticleMention | undefined): string | undefined {
  if (!article) return undefined;
  const { before, match, after } = article.snippet;
  if (!match) return undefined;
  return `> ${escapeMarkdown(before)}**${escapeMarkdown(match)}**${escapeMarkdown(after)}`;
}

/**
 * A card's list of other articles: a heading with the total, a line per listed article, "Show all N
 * articles" when more exist (a command link, when given), then one snippet from the first.
 */
export function otherArticlesBlock(
  heading: string, articles: readonly ArticleMention[], total: number, showAll?: { command: string; args: readonly unknown[] },
): string {
  const lines = articleLines(articles);
  if (showAll && total > articles.length) {
    lines.push(`- ${commandLink(`Show all ${plural(total, 'article')}`, showAll.command, showAll.args, 'List every mention in the references view')}`);
  }
  const quote = snippetQuote(articles[0]);
  return `${heading}\n\n${lines.join('\n')}${quote ? `\n\n${quote}` : ''}`;
}
