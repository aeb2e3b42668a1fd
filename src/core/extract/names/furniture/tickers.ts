import type { Span } from '../../types';
import { Edit, isName } from './edit';

// Ticker symbols: "(NASDAQ: VRDN; SIX: VRDN)", "(TSX: ACL) (NYSE: ACLX)", "(TSE: 6823)", a defined term ("ACL" or the "Company")

const EXCHANGES: Record<string, string> = {
  NASDAQ: 'Nasdaq', Nasdaq: 'Nasdaq', NYSE: 'New York Stock Exchange', 'NYSE American': 'NYSE American', 'NYSE Arca': 'NYSE Arca',
  TSX: 'Toronto Stock Exchange', TSXV: 'TSX Venture Exchange', 'TSX-V': 'TSX Venture Exchange', CSE: 'Canadian Securities Exchange',
  TSE: 'Tokyo Stock Exchange', LSE: 'London Stock Exchange', AIM: 'AIM', ASX: 'Australian Securities Exchange', NZX: 'NZX',
  HKEX: 'Hong Kong Stock Exchange', SEHK: 'Hong Kong Stock Exchange', SGX: 'Singapore Exchange', SIX: 'SIX Swiss Exchange',
  JSE: 'Johannesburg Stock Exchange', BSE: 'BSE', NSE: 'National Stock Exchange of India', KRX: 'Korea Exchange', KOSDAQ: 'KOSDAQ',
  KOSPI: 'KOSPI', TWSE: 'Taiwan Stock Exchange', SSE: 'Shanghai Stock Exchange', SZSE: 'Shenzhen Stock Exchange', Euronext: 'Euronext',
  XETRA: 'Xetra', Xetra: 'Xetra', FWB: 'Frankfurt Stock Exchange', FRA: 'Frankfurt Stock Exchange', OTC: 'OTC Markets', OTCQX: 'OTCQX',
  OTCQB: 'OTCQB', BMV: 'Mexican Stock Exchange', B3: 'B3', BVL: 'Lima Stock Exchange', TASE: 'Tel Aviv Stock Exchange', IDX: 'Indonesia Stock Exchange',
  SET: 'Stock Exchange of Thailand', PSE: 'Philippine Stock Exchange', BME: 'BME', EGX: 'Egyptian Exchange', NGX: 'Nigerian Exchange',
  TADAWUL: 'Tadawul', Tadawul: 'Tadawul', DFM: 'Dubai Financial Market', ADX: 'Abu Dhabi Securities Exchange', WSE: 'Warsaw Stock Exchange',
  GPW: 'Warsaw Stock Exchange', OSE: 'Oslo Stock Exchange', OMX: 'Nasdaq OMX',
};
const TICKER_GROUP = /\(\s*((?:\p{Lu}[\p{L}-]*)(?:\s\p{Lu}[\p{L}]*)?\s*:\s*[\p{Lu}\p{N}][\p{Lu}\p{N}.-]{0,9}(?:\s*[;,]\s*(?:\p{Lu}[\p{L}-]*)(?:\s\p{Lu}[\p{L}]*)?\s*:\s*[\p{Lu}\p{N}][\p{Lu}\p{N}.-]{0,9}){0,4})\s*\)/gu;
const TICKER_HINT = /\([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z]*)?\s*:\s*[A-Z0-9]/;
const TICKER_PAIR = /(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}]*)?)\s*:\s*([\p{Lu}\p{N}][\p{Lu}\p{N}.-]{0,9})/gu;
const DEFINED_TERM = /\(\s*["“]([\p{Lu}][\p{Lu}\p{N}&.-]{1,9})["”]\s*(?:,|or)?\s*(?:the\s+)?(?:["“][^"”\n]{1,30}["”])?\s*\)/gu;
const EXCHANGE_NAMES = /\b(?:SIX Swiss Exchange|Nasdaq(?: (?:Global Select|Global|Capital|Stock))? Market|NYSE (?:American|Arca)|TSX Venture Exchange)\b/g;
const COMPANY_SUFFIX = /(?:^|\s)(?:Inc|Corp|Co|Ltd|Limited|LLC|plc|PLC|AG|SA|S\.A|NV|N\.V|SE|GmbH|AB|ASA|A\/S|Oyj|SpA|S\.p\.A|KK|K\.K|Bhd|Pty|Tbk|Group|Holdings)\.?$/u;

export function tickers(edit: Edit): void {
  const text = edit.text;
  const tickerOf = new Map<string, string>(); // ticker → company
  const exchangeSeen = new Set<string>();
  let groups = 0;
  // the Unicode expression below is slow to scan a page with; most pages hold no "(EXCHANGE: SYMBOL)" at all
  const hasGroups = text.includes(':') && text.includes('(') && TICKER_HINT.test(text);
  for (const g of hasGroups ? text.matchAll(TICKER_GROUP) : []) {
    if (++groups > MAX_GROUPS) break;
    const pairs = [...g[1].matchAll(TICKER_PAIR)];
    if (pairs.length === 0 || !pairs.every((p) => EXCHANGES[p[1]] !== undefined || /^[A-Z]{2,6}$/.test(p[1]))) continue;
    const company = companyBefore(edit, g.index);
    const groupStart = g.index + g[0].indexOf(g[1]);
    for (const p of pairs) {
      const exStart = groupStart + p.index;
      edit.name(exStart, exStart + p[1].length, 'ORG', EXCHANGES[p[1]] ?? p[1]);
      exchangeSeen.add(p[1]);
      const tkStart = groupStart + p.index + p[0].length - p[2].length;
      const tkEnd = tkStart + p[2].length;
      if (/^[\p{N}.-]+$/u.test(p[2])) {
        // a numeric ticker is a number inside a name: no figure
        for (const s of edit.overlapping(tkStart, tkEnd)) if (!isName(s)) edit.drop(s);
        continue;
      }
      edit.name(tkStart, tkEnd, 'ORG', company ?? p[2]);
      if (company && p[2].length >= 2) tickerOf.set(p[2], company);
    }
  }
  let terms = 0;
  for (const d of text.includes('("') || text.includes('(“') ? text.matchAll(DEFINED_TERM) : []) {
    if (++terms > MAX_GROUPS) break;
    if (!/\p{Lu}.*\p{Lu}/u.test(d[1])) continue;
    const company = companyBefore(edit, d.index);
    if (!company) continue;
    const start = d.index + d[0].indexOf(d[1]);
    edit.name(start, start + d[1].length, 'ORG', company);
    tickerOf.set(d[1], company);
  }
  if (text.includes('Exchange') || text.includes('Market') || text.includes('NYSE ')) {
    for (const m of text.matchAll(EXCHANGE_NAMES)) edit.name(m.index, m.index + m[0].length, 'ORG');
  }
  // the same symbols and exchanges elsewhere on the page ("under the ticker VRDN", "Neither the TSX")
  if (tickerOf.size === 0 && exchangeSeen.size === 0) return;
  const symbols = [...tickerOf.keys(), ...[...exchangeSeen].filter((e) => e.length >= 3 && e !== 'SIX')];
  if (symbols.length === 0) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${symbols.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const canonical = tickerOf.get(m[0]) ?? EXCHANGES[m[0]] ?? m[0];
    const over = edit.overlapping(m.index, m.index + m[0].length);
    if (over.length === 0 || (over.length === 1 && over[0].start === m.index && over[0].end === m.index + m[0].length)) {
      edit.name(m.index, m.index + m[0].length, 'ORG', canonical);
    }
  }
}

/** Ticker groups, defined terms and "About" headings read per page: a release has a few; a hostile text stops here. */
export const MAX_GROUPS = 32;

/** The organisation named just before a ticker or a defined term on the same line ("Veridane Therapeutics AG (NASDAQ: …)"). */
function companyBefore(edit: Edit, at: number): string | undefined {
  let end = at;
  // skip earlier parentheses of the same run: "Corp. (TSX: ACL) (NYSE: ACLX) ("ACL" …)"
  for (;;) {
    const before = edit.text.slice(Math.max(0, end - 40), end);
    const m = /\([^()\n]{0,36}\)\s*$/.exec(before);
    if (!m) break;
    end -= m[0].length;
  }
  while (end > 0 && /\s/.test(edit.text[end - 1])) end--;
  const org = edit.names().find((s) => s.type === 'ORG' && s.end <= end && s.end >= end - 2 && s.end - s.start >= 2);
  if (org) return longestForm(edit, org);
  // a company name the detector missed: capitalised words ending in a legal suffix
  const window = edit.text.slice(Math.max(0, end - 80), end);
  const m = /(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ ,]+\p{Lu}[\p{L}\p{N}&'’.-]*|\s+(?:of|and|de|&)\s+){0,6})$/u.exec(window);
  if (m && COMPANY_SUFFIX.test(m[1].trim())) return m[1].trim();
  return undefined;
}

/** The canonical form of an organisation, with a legal suffix the span left out (", Ltd.") restored. */
export function longestForm(edit: Edit, org: Span): string {
  const after = /^,?\s*(?:Ltd|Limited|Inc|LLC|S\.A|plc|AG|SE|N\.V)\.?/u.exec(edit.text.slice(org.end, org.end + 12));
  const canonical = org.canonical ?? org.text;
  return after && canonical === org.text && /\b(?:Co|Corp)\.$/.test(org.text) ? org.text + after[0] : canonical;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
