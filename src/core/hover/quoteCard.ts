/**
 * The hover card of a quotation the quote ledger found: who said it (linked to the speaker's references),
 * when the article was published, and how independently the quotation is reported when more than one
 * source has it. A quotation whose speaker is not named and that no other source carries says nothing a
 * reader does not see in the text already: it gets no card. Pure.
 */
import type { LedgerQuote } from '../analysis/quotes/quoteLedger';
import type { Corroboration } from '../analysis/corroboration/corroboration';
import { corroborationMarkdown } from '../analysis/corroboration/cardLine';
import { HoverCommands } from './commands';
import { formatDateValue } from './format';
import { commandLink, escapeMarkdown } from './markdown';

export interface QuoteCardInput {
  /** The article's URI. */
  uri: string;
  quote: Pick<LedgerQuote, 'start' | 'speaker' | 'speakerKey' | 'cueStart'>;
  /** The article's publication date (YYYY-MM-DD), when known. */
  published?: string;
  /** How independently the quotation is reported, when other articles carry it too. */
  corroboration?: Corroboration;
}

/** The card's Markdown, or undefined when there is nothing to say. */
export function quoteCard(input: QuoteCardInput): string | undefined {
  const { quote } = input;
  const corroborated = input.corroboration?.summary ? input.corroboration : undefined;
  if (!quote.speaker && !corroborated) return undefined;
  let speaker: string;
  if (!quote.speaker) speaker = 'speaker not named';
  else if (quote.speakerKey) {
    speaker = `said by ${commandLink(quote.speaker, HoverCommands.showReferences, [quote.speakerKey, input.uri, quote.cueStart ?? quote.start], `All references to ${quote.speaker}`)}`;
  } else speaker = `said by ${escapeMarkdown(quote.speaker)}`;
  const head = `**Quotation** · ${speaker}${input.published ? ` · ${escapeMarkdown(formatDateValue(input.published))}` : ''}`;
  return corroborated ? `${head}\n\n${corroborationMarkdown(corroborated)}` : head;
}
