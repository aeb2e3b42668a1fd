/**
 * The quote ledger over the corpus index: every article's quotations with their speakers resolved through
 * the index, so the registry's merges, aliases and type changes apply to speakers as they do to mentions.
 */
import type { CorpusIndex } from '../../index';
import type { NameType, Span } from '../../extract/types';
import { normalizeName } from '../../index';
import { findQuotes, type AttributionKind } from './findQuotes';

/** One quotation as the CLI prints it and the views list it. Offsets are UTF-16, end exclusive. */
export interface QuoteRecord {
  file: string;
  /** The quoted words without the quotation marks. */
  start: number;
  end: number;
  text: string;
  /** The speaker's canonical name, or null when the speaker is not named. */
  speaker: string | null;
  speakerType: NameType | null;
  /** The mention of the speaker the attribution rests on (a name, a pronoun, a description), or null. */
  cueStart: number | null;
  cueEnd: number | null;
}

export interface LedgerQuote extends QuoteRecord {
  /** The speaker's entity key in the index, for references and grouping. */
  speakerKey?: string;
  attribution: AttributionKind;
}

/** The quotations of one indexed article, in text order. */
export function quotesOfArticle(index: CorpusIndex, uri: string): LedgerQuote[] {
  const text = index.textOf(uri);
  if (text === undefined) return [];
  const spans = index.spansOf(uri);
  const found = findQuotes(text, spans);
  const fullName = fullPersonNames(spans);
  return found.map((q) => {
    const s = q.speaker;
    if (s?.name && s.type === 'PERSON') s.name = fullName(s.name);
    const record: LedgerQuote = {
      file: uri, start: q.start, end: q.end, text: q.text,
      speaker: s?.name ?? null, speakerType: s?.name ? s.type ?? null : null,
      cueStart: s ? s.cueStart : null, cueEnd: s ? s.cueEnd : null,
      attribution: q.attribution,
    };
    if (s?.nameStart !== undefined) {
      const key = index.spanAt(uri, s.nameStart)?.key;
      if (key) record.speakerKey = key;
    }
    return record;
  });
}

/**
 * A person's name as the article gives it in full: a short form the linker left alone ("Van der Berg" after
 * "Niels van der Berg": the case differs) becomes the one longer name of the article it ends.
 */
function fullPersonNames(spans: readonly Span[]): (name: string) => string {
  const names = [...new Set(spans.filter((s) => s.type === 'PERSON').map((s) => s.canonical ?? s.text))];
  return (name) => {
    const short = normalizeName(name);
    const longer = names.filter((n) => normalizeName(n).endsWith(` ${short}`));
    return longer.length === 1 ? longer[0] : name;
  };
}

/** The fields of the CLI's JSON line, in the documented order. */
export function quoteLine(q: QuoteRecord): QuoteRecord {
  return { file: q.file, start: q.start, end: q.end, text: q.text, speaker: q.speaker, speakerType: q.speakerType, cueStart: q.cueStart, cueEnd: q.cueEnd };
}
