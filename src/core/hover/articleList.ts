/** The "other articles" lists shared by the name, date and figure cards. */
import type { ArticleMention } from '../index/queryTypes';
import { HoverCommands } from './commands';
import { commandLink, escapeMarkdown } from './markdown';

/** One line per article: the headline linking to the mention, the outlet and date, and the snippet with the mention in bold. */
export function articleLines(articles: readonly ArticleMention[], extra?: (article: ArticleMention) => string): string[] {
  return articles.map((article) => {
    const title = article.headline || article.uri.slice(article.uri.lastIndexOf('/') + 1);
    const link = commandLink(title, HoverCommands.openMention, [article.uri, article.start, article.end], 'Open the article at this mention');
    const outlet = article.outlet ? ` · ${escapeMarkdown(article.outlet)}` : '';
    const date = `${outlet}${article.published ? ` · ${escapeMarkdown(article.published)}` : ''}`;
    const count = article.mentionCount > 1 ? ` · ${article.mentionCount}×` : '';
    const { before, match, after } = article.snippet;
    const snippet = `${escapeMarkdown(before)}**${escapeMarkdown(match)}**${escapeMarkdown(after)}`;
    return `- ${link}${date}${count}${extra ? ` · ${extra(article)}` : ''} — ${snippet}`;
  });
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
