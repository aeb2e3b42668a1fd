import { strict as assert } from 'node:assert';
import { harmonize } from '../../src/core/extract/ner/consistency';
import { segment } from '../../src/core/extract/ner/segment';
import { makeTagSet } from '../../src/core/extract/ner/tagScheme';
import { tokenSpans } from '../../src/core/extract/ner/spans';
import { GAZ_COUNTRY, GAZ_DEMONYM, GAZ_FIRST_NAME, SEQUENCE_SEED, emptyLexicon, lowerHash, sequenceKey } from '../../src/core/extract/ner/lexicon';

/** The span of the first run of tokens spelling `words` (space-separated token texts). */
function spanOfWords(tokens: { text: string }[], words: string, typeIndex: number): { first: number; last: number; typeIndex: number } {
  const parts = words.split(' ');
  const first = tokens.findIndex((t, k) => parts.every((w, j) => tokens[k + j]?.text === w));
  return { first, last: first + parts.length, typeIndex };
}

describe('name tagger parts', () => {
  it('keeps a lone initial with its period and does not end the sentence there', () => {
    const text = 'A goal by J. Russell. Then U.S. officials left.';
    const { tokens, sentences } = segment(text);
    assert.ok(tokens.some((t) => t.text === 'J.'), 'initial kept whole');
    assert.ok(tokens.some((t) => t.text === 'U.S.'), 'abbreviations untouched');
    assert.equal(sentences.length, 2);
    assert.equal(tokens[sentences[1].first].text, 'Then');
  });

  it('forbids BILOU transitions that would not spell out spans', () => {
    const tags = makeTagSet('BILOU');
    const id = (name: string): number => tags.names.indexOf(name);
    const allowed = (a: string, b: string): boolean => tags.allowed[id(a) * tags.size + id(b)] === 1;
    assert.ok(allowed('B-PERSON', 'L-PERSON'));
    assert.ok(!allowed('B-PERSON', 'L-ORG'));
    assert.ok(!allowed('O', 'I-PLACE'));
    assert.ok(!allowed('U-MISC', 'L-MISC'));
    assert.ok(allowed('L-ORG', 'U-ORG'));
    const start = tags.size;
    assert.equal(tags.allowed[start * tags.size + id('I-PERSON')], 0, 'no sentence starts inside a name');
  });

  it('reads spans off BILOU tags', () => {
    const tags = makeTagSet('BILOU');
    const seq = ['B-PERSON', 'L-PERSON', 'O', 'U-PLACE', 'U-PLACE'].map((n) => tags.names.indexOf(n));
    const spans = tokenSpans(Int32Array.from(seq), [{ first: 0, last: 5 }], tags);
    assert.deepEqual(spans, [
      { first: 0, last: 2, typeIndex: 0 },
      { first: 3, last: 4, typeIndex: 2 },
      { first: 4, last: 5, typeIndex: 2 },
    ]);
  });

  it('gives bare surnames the type of the full name, and finds missed ones', () => {
    const text = 'Pete Hegseth spoke. Hegseth left. Later Hegseth returned.';
    const { tokens } = segment(text);
    const at = (word: string, from = 0): number => tokens.findIndex((t, k) => k >= from && t.text === word);
    const full = { first: at('Pete'), last: at('Hegseth') + 1, typeIndex: 0 };
    const second = at('Hegseth', full.last);
    const third = at('Hegseth', second + 1);
    const asPlace = { first: second, last: second + 1, typeIndex: 2 };
    const result = harmonize(text, tokens, [full, asPlace], [0.9, 0.6], { surnames: true, majority: false });
    assert.deepEqual(result.spans.map((s) => [s.first, s.typeIndex]), [[full.first, 0], [second, 0], [third, 0]]);
    const off = harmonize(text, tokens, [full, asPlace], [0.9, 0.6], { surnames: false, majority: false });
    assert.deepEqual(off.spans.map((s) => s.typeIndex), [0, 2]);
  });

  it("gives a company's short name the type of its full name with the legal form, and finds missed ones", () => {
    const text = 'Pirelli SpA chairman spoke. Pirelli shares rose. Later Pirelli left.\nMagna International Inc. bought it. Magna said so.';
    const { tokens } = segment(text);
    const at = (word: string, from = 0): number => tokens.findIndex((t, k) => k >= from && t.text === word);
    const firstPirelli = at('Pirelli');
    const secondPirelli = at('Pirelli', firstPirelli + 1);
    const thirdPirelli = at('Pirelli', secondPirelli + 1);
    const spans = [
      { first: firstPirelli, last: firstPirelli + 1, typeIndex: 0 }, // "Pirelli" as a person, "SpA" left out
      { first: secondPirelli, last: secondPirelli + 1, typeIndex: 0 },
      { first: at('Magna'), last: at('Inc.') + 1, typeIndex: 1 },
      { first: at('Magna', at('Inc.')), last: at('Magna', at('Inc.')) + 1, typeIndex: 0 },
    ];
    const on = harmonize(text, tokens, spans, [0.9, 0.8, 0.9, 0.7], { surnames: true, majority: false, companies: true });
    assert.deepEqual(on.spans.map((s) => [tokens.slice(s.first, s.last).map((t) => t.text).join(' '), s.typeIndex]), [
      ['Pirelli SpA', 1], ['Pirelli', 1], ['Pirelli', 1], ['Magna International Inc.', 1], ['Magna', 1],
    ]);
    assert.equal(on.spans[2].first, thirdPirelli, 'the missed mention is added');
    const off = harmonize(text, tokens, spans, [0.9, 0.8, 0.9, 0.7], { surnames: true, majority: false });
    assert.deepEqual(off.spans.map((s) => s.typeIndex), [0, 0, 1, 0]);
    // "Bros" is a company's word too
    const studio = 'Warner Bros said on Monday.';
    const studioTokens = segment(studio).tokens;
    const asPerson = harmonize(studio, studioTokens, [{ first: 0, last: 2, typeIndex: 0 }], [0.7], { surnames: true, majority: false, companies: true });
    assert.deepEqual(asPerson.spans, [{ first: 0, last: 2, typeIndex: 1 }]);
  });

  it('leaves places and people alone when a company only shares part of its name with them', () => {
    const text = 'Gold Fields of South Africa Ltd rose. South Africa gained.\nJones Medical Industries Inc fell. David Jones said Jones was sold.';
    const { tokens } = segment(text);
    const at = (word: string, from = 0): number => tokens.findIndex((t, k) => k >= from && t.text === word);
    const southAfrica = at('South');
    const secondSouth = at('South', southAfrica + 2);
    const david = at('David');
    const lastJones = at('Jones', david + 2);
    const spans = [
      { first: at('Gold'), last: at('Fields') + 1, typeIndex: 1 },
      { first: southAfrica, last: southAfrica + 2, typeIndex: 2 },
      { first: secondSouth, last: secondSouth + 2, typeIndex: 2 },
      { first: at('Jones'), last: at('Inc') + 1, typeIndex: 1 },
      { first: david, last: david + 2, typeIndex: 0 },
      { first: lastJones, last: lastJones + 1, typeIndex: 0 },
    ];
    const out = harmonize(text, tokens, spans, spans.map(() => 0.9), { surnames: true, majority: false, companies: true });
    assert.deepEqual(out.spans.map((s) => [s.first, s.last, s.typeIndex]), spans.map((s) => [s.first, s.last, s.typeIndex]));
  });

  it('calls a club by the prefix word of its name once the report names it in full', () => {
    const text = 'Real Madrid drew at Deportivo Coruna. Real looked tired.\nThe coach of Real said so.';
    const { tokens } = segment(text);
    const at = (word: string, from = 0): number => tokens.findIndex((t, k) => k >= from && t.text === word);
    const club = { first: at('Real'), last: at('Madrid') + 1, typeIndex: 2 }; // typed as a place
    const rival = { first: at('Deportivo'), last: at('Coruna') + 1, typeIndex: 0 };
    const second = at('Real', at('Madrid'));
    const lone = { first: second, last: second + 1, typeIndex: 0 };
    const out = harmonize(text, tokens, [club, rival, lone], [0.9, 0.8, 0.6], { surnames: true, majority: false, companies: true });
    const named = out.spans.map((s) => [tokens.slice(s.first, s.last).map((t) => t.text).join(' '), s.typeIndex, s.first]);
    assert.deepEqual(named.map(([name, type]) => [name, type]), [
      ['Real Madrid', 1], ['Deportivo Coruna', 1], ['Real', 1], ['Real', 1],
    ]);
    const without = harmonize(text, tokens, [lone], [0.6], { surnames: true, majority: false, companies: true });
    assert.deepEqual(without.spans.map((s) => s.typeIndex), [0], 'no club named in full: "Real" is left as it was');
  });
  it('leaves a capitalised "The" out of an organization\'s name, except a newspaper\'s', () => {
    const text = 'The Commerce Department said so.\nThe New York Times said so.\nThe Times said so.\nTHE PARTY OF DEMOCRATIC ACTION WON.\nThe Royal Navy sailed.';
    const { tokens } = segment(text);
    const span = (words: string, typeIndex: number) => spanOfWords(tokens, words, typeIndex);
    const spans = [span('The Commerce Department', 1), span('The New York Times', 1), span('The Times', 1), span('THE PARTY OF DEMOCRATIC ACTION', 1), span('The Royal Navy', 3)];
    const named = (options: { articles?: boolean }) => harmonize(text, tokens, spans, spans.map(() => 0.9), { surnames: true, majority: false, ...options }).spans
      .map((s) => tokens.slice(s.first, s.last).map((t) => t.text).join(' '));
    assert.deepEqual(named({ articles: true }), ['Commerce Department', 'The New York Times', 'The Times', 'PARTY OF DEMOCRATIC ACTION', 'The Royal Navy']);
    assert.deepEqual(named({}), spans.map((s) => tokens.slice(s.first, s.last).map((t) => t.text).join(' ')), 'off when absent');
  });

  it('makes a place or misc name ending in an organization head noun an organization, not a country or a bank of a river', () => {
    const text = 'The King\'s Fund said so. Synovus Trust agreed. The Russian Federation and the West Bank and Tom Trust.';
    const { tokens } = segment(text);
    const span = (words: string, typeIndex: number) => spanOfWords(tokens, words, typeIndex);
    const spans = [span('King \'s Fund', 3), span('Synovus Trust', 2), span('Russian Federation', 2), span('West Bank', 2), span('Tom Trust', 0)];
    const types = (organizationHeads: boolean) => harmonize(text, tokens, spans, spans.map(() => 0.9), { surnames: false, majority: false, organizationHeads }).spans.map((s) => s.typeIndex);
    assert.deepEqual(types(true), [1, 1, 2, 2, 0]);
    assert.deepEqual(types(false), [3, 2, 2, 2, 0], 'off when absent');
  });

  it('takes a capitalised word joined by a hyphen into the name after it, unless that word is a name itself', () => {
    const text = 'Meteo-France warned. The Russia-Ukraine war. Meteo - France apart. pro-France views.';
    const { tokens } = segment(text);
    const idx = (word: string, from = 0) => tokens.findIndex((t, i) => i >= from && t.text === word);
    const france1 = idx('France');
    const russia = idx('Russia');
    const ukraine = idx('Ukraine');
    const france2 = idx('France', ukraine);
    const france3 = idx('France', france2 + 1);
    const spans = [france1, russia, ukraine, france2, france3].map((k) => ({ first: k, last: k + 1, typeIndex: 2 }));
    const words = (hyphenated: boolean) => harmonize(text, tokens, spans, spans.map(() => 0.9), { surnames: false, majority: false, hyphenated }).spans
      .map((s) => text.slice(tokens[s.first].start, tokens[s.last - 1].end));
    assert.deepEqual(words(true), ['Meteo-France', 'Russia', 'Ukraine', 'France', 'France']);
    assert.deepEqual(words(false), ['France', 'Russia', 'Ukraine', 'France', 'France'], 'off when absent');
  });

  it('makes a named storm a misc name, not a person', () => {
    const text = 'Storm Ciaran hit. Hurricane Katrina struck. Storm Smith spoke? No: Tom Storm spoke.';
    const { tokens } = segment(text);
    const at = (first: string, n: number, typeIndex: number) => {
      const k = tokens.findIndex((t, i) => t.text === first && (n < 2 || /^\p{Lu}/u.test(tokens[i + 1]?.text ?? '')));
      return { first: k, last: k + n, typeIndex };
    };
    const spans = [at('Storm', 2, 0), at('Hurricane', 2, 2), { first: tokens.findIndex((t) => t.text === 'Tom'), last: tokens.findIndex((t) => t.text === 'Tom') + 2, typeIndex: 0 }];
    const types = (storms: boolean) => harmonize(text, tokens, spans, spans.map(() => 0.9), { surnames: false, majority: false, storms }).spans.map((s) => s.typeIndex);
    assert.deepEqual(types(true), [3, 3, 0]);
    assert.deepEqual(types(false), [0, 2, 0], 'off when absent');
  });

  it('types the team in a results line ("Person (Country), Team, time") as an organization', () => {
    const text = '1. Alex Zanardi (Italy), Reynard Honda, 53.980\n2. Jimmy Vasser (U.S.) Reynard Honda 1:16\nJohn Smith (Britain), Reynard Honda said.';
    const { tokens } = segment(text);
    const spanOf = (words: string, from = 0, typeIndex = 0): { first: number; last: number; typeIndex: number } => {
      const parts = words.split(' ');
      const first = tokens.findIndex((t, k) => k >= from && parts.every((w, j) => tokens[k + j]?.text === w));
      return { first, last: first + parts.length, typeIndex };
    };
    const lines = [0, tokens.findIndex((t) => t.text === '2.'), tokens.findIndex((t) => t.text === 'John')];
    const spans = [
      spanOf('Alex Zanardi'), spanOf('Italy', 0, 2), spanOf('Reynard Honda', 0, 0),
      spanOf('Jimmy Vasser', lines[1]), spanOf('U.S.', lines[1], 2), spanOf('Reynard Honda', lines[1], 0),
      spanOf('John Smith', lines[2]), spanOf('Britain', lines[2], 2), spanOf('Reynard Honda', lines[2], 0),
    ];
    const options = { surnames: false, majority: false, results: true };
    const out = harmonize(text, tokens, spans.map((s) => ({ ...s })), spans.map(() => 0.9), options);
    assert.deepEqual(out.spans.map((s) => s.typeIndex), [0, 2, 1, 0, 2, 1, 0, 2, 0], 'no figure after the last one: left as it was');
    const off = harmonize(text, tokens, spans.map((s) => ({ ...s })), spans.map(() => 0.9), { surnames: false, majority: false });
    assert.deepEqual(off.spans.map((s) => s.typeIndex), spans.map((s) => s.typeIndex));
  });

  it("adds an organization's acronym the tagger missed in an ordinary line, but not in capitals, codes of places or ordinary words", () => {
    const text = 'The film about the IRA was shown on Friday.\nHe defended his WBA title in the CAPS round.\n' +
      'BOXING - MILLER DEFENDS WBA TITLE\nAn ACT of the US government was signed.';
    const { tokens } = segment(text);
    const lexicon = emptyLexicon();
    const capRatio = new Map<number, number>([[lowerHash('act', 0, 3), 6]]);
    const gazetteer = new Map<number, number>([
      [sequenceKey(SEQUENCE_SEED, lowerHash('us', 0, 2)), GAZ_COUNTRY],
      [sequenceKey(SEQUENCE_SEED, lowerHash('ira', 0, 3)), GAZ_FIRST_NAME],
    ]);
    const withKnowledge = { ...lexicon, capRatio, gazetteer, gazetteerMaxTokens: 1 };
    const options = { surnames: false, majority: false, acronyms: true };
    const out = harmonize(text, tokens, [], [], options, withKnowledge);
    const found = out.spans.map((s) => [tokens[s.first].text, s.typeIndex, text.slice(0, tokens[s.first].start).split('\n').length]);
    assert.deepEqual(found, [['IRA', 1, 1], ['WBA', 1, 2]]);
    assert.ok(out.scores.every((score) => score === 0.5));
    const covered = harmonize(text, tokens, [{ first: tokens.findIndex((t) => t.text === 'IRA'), last: tokens.findIndex((t) => t.text === 'IRA') + 1, typeIndex: 3 }], [0.9], options, withKnowledge);
    assert.deepEqual(covered.spans.map((s) => [tokens[s.first].text, s.typeIndex]), [['IRA', 3], ['WBA', 1]], "the tagger's own span stays");
    assert.deepEqual(harmonize(text, tokens, [], [], { surnames: false, majority: false }, withKnowledge).spans, []);
  });

  it('types a one-word organization that is a nationality, singular or plural, as MISC', () => {
    const text = 'Libyans protested. The Libyan army moved. LIBYANS MARCH. Tajik forces fired. Libya Airlines flew. Tajiks said.';
    const { tokens } = segment(text);
    const gazetteer = new Map<number, number>([
      [sequenceKey(SEQUENCE_SEED, lowerHash('libyan', 0, 6)), GAZ_DEMONYM],
      [sequenceKey(SEQUENCE_SEED, lowerHash('tajik', 0, 5)), GAZ_DEMONYM],
    ]);
    const lexicon = { ...emptyLexicon(), gazetteer, gazetteerMaxTokens: 1 };
    const spans = ['Libyans', 'Libyan', 'LIBYANS', 'Tajik', 'Libya', 'Tajiks'].map((w) => {
      const first = tokens.findIndex((t) => t.text === w);
      return { first, last: w === 'Libya' ? first + 2 : first + 1, typeIndex: 1 };
    });
    const types = (demonyms: boolean) => harmonize(text, tokens, spans, spans.map(() => 0.9), { surnames: false, majority: false, demonyms }, lexicon).spans
      .map((s) => [tokens.slice(s.first, s.last).map((t) => t.text).join(' '), s.typeIndex]);
    assert.deepEqual(types(true), [['Libyans', 3], ['Libyan', 3], ['LIBYANS', 3], ['Tajik', 3], ['Libya Airlines', 1], ['Tajiks', 3]]);
    assert.ok(types(false).every(([, type]) => type === 1), 'off when absent');
  });
});

