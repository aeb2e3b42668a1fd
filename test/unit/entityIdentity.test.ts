import { strict as assert } from 'node:assert';
import { packAnalysis } from '../../src/core/index/analysis';
import { isCommonWord } from '../../src/core/index/commonWords';
import { CorpusIndex, spellingSkeleton } from '../../src/core/index/corpusIndex';
import { normalizeName } from '../../src/core/index/entityKey';
import { followsPersonTitle, isHeadlineStyle } from '../../src/core/index/lineStyle';
import type { NameType, Span } from '../../src/core/extract/types';

/** Tags `names` (surface → type, optional canonical) at every occurrence in `text`, as one article's extractor would. */
function article(index: CorpusIndex, uri: string, text: string, names: [string, NameType, string?][]): void {
  const spans: Span[] = [];
  for (const [surface, type, canonical] of names) {
    for (let at = text.indexOf(surface); at >= 0; at = text.indexOf(surface, at + surface.length)) {
      const span: Span = { start: at, end: at + surface.length, type, text: surface, value: null };
      if (canonical) span.canonical = canonical;
      spans.push(span);
    }
  }
  index.addAnalysis(packAnalysis(uri, text, { spans }), text);
}

function typesOf(index: CorpusIndex): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of index.workspaceSymbols('', Number.MAX_SAFE_INTEGER)) out.set(s.name, [...out.get(s.name) ?? [], s.type]);
  return out;
}

describe('entity identity across the workspace', () => {
  it('gives a name one entity and one type, decided by the evidence of all its mentions', () => {
    const index = new CorpusIndex();
    article(index, 'a', 'Talks\n\nNato met in Brussels. Nato said more.', [['Nato', 'PERSON'], ['Brussels', 'PLACE']]);
    article(index, 'b', 'More talks\n\nNATO ministers met. NATO agreed. NATO left.', [['NATO', 'ORG']]);
    article(index, 'c', 'Later\n\nThe NATO summit ended.', [['NATO', 'ORG']]);
    const types = typesOf(index);
    assert.deepEqual(types.get('NATO'), ['ORG']);
    const hit = index.spanAt('a', 'Talks\n\n'.length)!;
    assert.equal(hit.span.type, 'ORG', 'the mention the tagger called a person follows the workspace');
    assert.equal(hit.key, 'ORG:nato');
    assert.equal(index.entityInfo(hit.key!)!.articleCount, 3);
    assert.equal(index.nameTypeOf('PERSON', 'Nato', undefined), 'ORG');
    assert.deepEqual(index.documentSymbols('a').find((g) => g.type === 'ORG')?.symbols.map((s) => s.name), ['NATO']);
    assert.equal(index.documentSymbols('a').find((g) => g.type === 'PERSON'), undefined);
  });

  it('lets a personal title outweigh more mentions of another type', () => {
    const index = new CorpusIndex();
    article(index, 'a', 'Story\n\nPresident Vance spoke.', [['Vance', 'PERSON']]);
    article(index, 'b', 'Story\n\nVance met. Vance left.', [['Vance', 'ORG']]);
    assert.deepEqual(typesOf(index).get('Vance'), ['PERSON']);
  });

  it('joins initials however they are written, and case variants of an acronym', () => {
    assert.equal(normalizeName('J. D. Vance'), normalizeName('JD Vance'));
    assert.equal(normalizeName('J.D. Vance'), normalizeName('JD Vance'));
    assert.notEqual(normalizeName('George W. Bush'), normalizeName('George Bush'));
    assert.equal(normalizeName('Nato'), normalizeName('NATO'));
    const index = new CorpusIndex();
    article(index, 'a', 'Story\n\nJ. D. Vance spoke.', [['J. D. Vance', 'PERSON']]);
    article(index, 'b', 'Story\n\nJD Vance spoke again.', [['JD Vance', 'ORG']]);
    const vance = index.workspaceSymbols('vance');
    assert.equal(vance.length, 1);
    assert.equal(index.entityInfo(vance[0].key)!.mentionCount, 2);
  });

  it('keeps the person and the country that share a surface apart when the article names the person in full', () => {
    const index = new CorpusIndex();
    article(index, 'a', 'Story\n\nMichael Jordan played. Jordan scored.', [['Michael Jordan', 'PERSON'], ['Jordan', 'PERSON', 'Michael Jordan']]);
    article(index, 'b', 'Story\n\nTroops reached Jordan. Jordan closed its border.', [['Jordan', 'PLACE']]);
    const types = typesOf(index);
    assert.deepEqual(types.get('Michael Jordan'), ['PERSON']);
    assert.deepEqual(types.get('Jordan'), ['PLACE']);
    assert.equal(index.spanAt('a', 'Story\n\nMichael Jordan played. '.length)!.span.type, 'PERSON');
    assert.equal(index.spanAt('b', 'Story\n\nTroops reached '.length)!.span.type, 'PLACE');
  });

  it('lets the registry keep two entities of one name under two types', () => {
    const index = new CorpusIndex({ registry: { entities: [{ canonical: 'Jordan', type: 'PLACE' }, { canonical: 'Jordan', type: 'PERSON', aliases: ['Mr Jordan'] }] } });
    article(index, 'a', 'Story\n\nJordan closed its border.', [['Jordan', 'PLACE']]);
    article(index, 'b', 'Story\n\nMr Jordan spoke.', [['Mr Jordan', 'PERSON']]);
    assert.deepEqual(typesOf(index).get('Jordan')?.sort(), ['PERSON', 'PLACE']);
  });

  it('drops capitalised common words seen only in headline lines, and keeps them once they are names elsewhere', () => {
    const headlines = 'Market Rivalry Looms as Readiness Falters\nUN Warns of Obstacle to Drone Cooperation Talks\n\nThe council met.';
    const names: [string, NameType][] = [['Rivalry', 'PERSON'], ['Looms', 'PERSON'], ['Readiness', 'ORG'], ['Obstacle', 'PERSON'], ['Drone Cooperation', 'ORG'], ['UN', 'ORG']];
    const index = new CorpusIndex();
    article(index, 'a', headlines, names);
    const symbols = index.workspaceSymbols('', 100).map((s) => s.name).sort();
    assert.deepEqual(symbols, ['UN'], 'an acronym in a Title Case line is written so anyway');
    assert.equal(index.spanAt('a', headlines.indexOf('Rivalry')), undefined);
    assert.equal(index.spansOf('a').map((s) => s.text).join(), 'UN');
    assert.equal(index.nameTypeOf('PERSON', 'Rivalry', undefined), null);
    // the same word used as a name in a sentence elsewhere makes it an entity again, in both articles
    article(index, 'b', 'Story\n\nThe band Rivalry played in town.', [['Rivalry', 'ORG']]);
    assert.ok(index.spanAt('a', headlines.indexOf('Rivalry')));
    assert.deepEqual(typesOf(index).get('Rivalry'), ['ORG']);
    index.remove('b');
    assert.equal(index.spanAt('a', headlines.indexOf('Rivalry')), undefined);
  });

  it('keeps names in headlines that are not common words', () => {
    const index = new CorpusIndex();
    article(index, 'a', 'Greenland Talks Stall in Copenhagen\n\nNothing else.', [['Greenland', 'PLACE'], ['Copenhagen', 'PLACE']]);
    assert.deepEqual([...typesOf(index).keys()].sort(), ['Copenhagen', 'Greenland']);
  });

  it('offers likely spelling variants as merge suggestions and never merges them itself', () => {
    const index = new CorpusIndex();
    article(index, 'a', 'Story\n\nZelenskyy spoke. Zelenskyy left.', [['Zelenskyy', 'PERSON']]);
    article(index, 'b', 'Story\n\nZelenskiy spoke.', [['Zelenskiy', 'PERSON']]);
    article(index, 'c', 'Story\n\nZelensky arrived in Kyiv.', [['Zelensky', 'PERSON'], ['Kyiv', 'PLACE']]);
    assert.equal(index.workspaceSymbols('zelensk').length, 3);
    const suggestions = index.mergeSuggestions();
    assert.deepEqual(suggestions.map((s) => [s.name, s.intoName]).sort(), [['Zelenskiy', 'Zelenskyy'], ['Zelensky', 'Zelenskyy']]);
    assert.equal(spellingSkeleton('Zelenskiy'), spellingSkeleton('Zelenskyy'));
    assert.notEqual(spellingSkeleton('Kyiv'), spellingSkeleton('Kiev'));
  });

  it('decides the same entities and types whatever order the articles arrive in', () => {
    const texts: [string, string, [string, NameType, string?][]][] = [
      ['a', 'Story\n\nGreenland votes. Greenland waits. Greenland grows.', [['Greenland', 'PLACE']]],
      ['b', 'Greenland Rivalry Looms Over Arctic\n\nIn Greenland, talks.', [['Greenland', 'PERSON'], ['Rivalry', 'PERSON'], ['Looms', 'ORG'], ['Arctic', 'MISC']]],
      ['c', 'Story\n\nDonald Trump spoke. Trump left.', [['Donald Trump', 'PERSON'], ['Trump', 'PERSON', 'Donald Trump']]],
      ['d', 'Story\n\nTrump spoke to Greenland.', [['Trump', 'ORG'], ['Greenland', 'PERSON']]],
    ];
    const snapshot = (order: number[]): string => {
      const index = new CorpusIndex();
      for (const k of order) article(index, ...texts[k]);
      return JSON.stringify(index.workspaceSymbols('', 100).map((s) => [s.key, s.name, s.type, index.entityInfo(s.key)?.mentionCount]).sort());
    };
    const first = snapshot([0, 1, 2, 3]);
    assert.equal(snapshot([3, 2, 1, 0]), first);
    assert.equal(snapshot([2, 0, 3, 1]), first);
    assert.match(first, /"PLACE:greenland","Greenland","PLACE",6/);
    assert.match(first, /"PERSON:donald trump","Donald Trump","PERSON",4/);
  });
});

describe('headline lines, titles and common words', () => {
  it('tells Title Case and ALL-CAPS lines from sentences', () => {
    assert.ok(isHeadlineStyle('UN Chief Warns Against U.S.-China Power Rivalry, Calls for Multipolar World Order'));
    assert.ok(isHeadlineStyle('SECRETARY OF DEFENSE PETE HEGSETH: Thank you.'.toUpperCase()));
    assert.ok(!isHeadlineStyle('The council met in Brussels on Thursday.'));
    assert.ok(!isHeadlineStyle('Two Words'));
    assert.ok(!isHeadlineStyle(`${'Word '.repeat(100)}`));
  });

  it('sees a personal title before a name', () => {
    const text = 'President Trump and SECRETARY OF DEFENSE PETE HEGSETH met Mr. Smith and Brussels.';
    assert.ok(followsPersonTitle(text, text.indexOf('Trump')));
    assert.ok(followsPersonTitle(text, text.indexOf('PETE')));
    assert.ok(followsPersonTitle(text, text.indexOf('Smith')));
    assert.ok(!followsPersonTitle(text, text.indexOf('Brussels')));
    assert.ok(!followsPersonTitle(text, 0));
  });

  it('knows common words and their inflections, not names', () => {
    for (const w of ['rivalry', 'looms', 'obstacle', 'readiness', 'multipolar', 'cooperation', 'strengths']) assert.ok(isCommonWord(w), w);
    for (const w of ['greenland', 'minneapolis', 'hegseth', 'zelenskyy', 'nato']) assert.ok(!isCommonWord(w), w);
  });
});
