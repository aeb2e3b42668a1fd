import type { Span } from '../types';

/**
 * Stock-market indexes named by a family and a number or a word ("S&P 500", "FTSE 100", "Nikkei 225", "Nasdaq
 * Composite"): one MISC name each, which a detector cuts at the number ("S&P") or
 * types as the exchange ("Nasdaq"). The families are those of the index providers' own lists (S&P Dow Jones
 * Indices, FTSE Russell, STOXX, Nikkei, Nasdaq, MSCI, Deutsche Börse, Euronext, Hang Seng Indexes, BSE and NSE).
 */
const MARKET_INDEX = /(?<![\p{L}\p{N}&])(?:S&P(?:\/ASX|\/TSX)?|FTSE(?: AIM| All-Share)?|Nikkei|Euro Stoxx|Stoxx(?: Europe)?|CAC|DAX|MDAX|Russell|Nasdaq|Hang Seng|Kospi|Nifty|Sensex|IBEX|MSCI(?: World| Emerging Markets)?|ASX|TSX|AEX|SMI|OMX(?: Stockholm)?)(?:[ \t](?:\d{2,4})(?![\p{L}\p{N}%-]|[.,]\d)|[ \t]Composite(?![ \t]Index))|Nasdaq(?:-100| 100)/gu;

export function marketIndexes(text: string): Span[] {
  if (!/S&P|FTSE|Nikkei|Stoxx|CAC|DAX|Russell|Nasdaq|Hang Seng|Kospi|Nifty|Sensex|IBEX|MSCI|ASX|TSX|AEX|SMI|OMX/.test(text)) return [];
  const out: Span[] = [];
  for (const m of text.matchAll(MARKET_INDEX)) {
    out.push({ start: m.index, end: m.index + m[0].length, type: 'MISC', text: m[0], value: null, canonical: m[0] });
  }
  return out;
}
