/** Every hand-written or derived lexicon the extractor uses, and where its entries come from. */
export const LEXICON_SOURCES: { file: string; source: string }[] = [
  { file: 'src/core/extract/names/titles.ts', source: 'English honorifics, offices and ranks (general knowledge; examples in the annotation guidelines).' },
  { file: 'src/core/extract/names/placeAliases.ts', source: 'Common abbreviations of country and bloc names (general knowledge).' },
  { file: 'src/core/extract/names/ruleDetector.ts', source: 'Organization head nouns and sentence openers of English (general knowledge).' },
  { file: 'src/core/extract/names/armedGroups.ts', source: 'U.S. Department of State, Foreign Terrorist Organizations (state.gov/foreign-terrorist-organizations); UN Security Council Consolidated List (un.org/securitycouncil/content/un-sc-consolidated-list).' },
  { file: 'src/core/extract/names/marketIndexes.ts', source: 'Stock-market index families as their providers list them (S&P Dow Jones Indices, FTSE Russell, STOXX, Nikkei, Nasdaq, MSCI, Deutsche Börse, Euronext, Hang Seng Indexes, BSE, NSE).' },
  { file: 'src/core/extract/names/hyphenated.ts', source: 'English word-forming prefixes and compound heads, and particles of family names (general knowledge).' },
  { file: 'src/core/extract/language.ts', source: 'The most frequent English function words (general knowledge).' },
];
