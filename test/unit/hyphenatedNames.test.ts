import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { extract } from '../../src/core/extract';
import type { NameDetector, NameMention, Span } from '../../src/core/extract';
import { GAZ_CITY, GAZ_COUNTRY, GAZ_LOCATION, GAZ_REGION } from '../../src/core/extract/ner/lexicon';
import { NameTagger } from '../../src/core/extract/ner';
import { splitHyphenated } from '../../src/core/extract/names/hyphenated';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';
import { entityKey } from '../../src/core/index/entityKey';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { assertValidSpans } from './spanAssertions';

/** The name spans of a text as [text, type, canonical], each checked to sit at the offsets it claims. */
function names(text: string, spans: Span[]): [string, string, string | undefined][] {
  assertValidSpans(text, spans);
  return spans.filter((s) => ['PERSON', 'ORG', 'PLACE', 'MISC'].includes(s.type)).map((s) => [s.text, s.type, s.canonical]);
}

/**
 * A detector that proposes the given mentions (by their text, at their first occurrence at or after the last)
 * for the text it was made for, and for any other text — the tagger's reading of a compound taken apart — what
 * `reading` says (nothing by default). `gazetteer` lends the real tagger's gazetteers where a test needs them.
 */
function fixedDetector(
  original: string, proposals: [string, NameMention['type']][], reading?: NameDetector, gazetteer?: NameTagger,
): NameDetector & { readings: string[] } {
  const readings: string[] = [];
  const detector = {
    id: 'fixed',
    readings,
    detect(text: string): NameMention[] {
      if (text !== original) {
        readings.push(text);
        return reading ? reading.detect(text) : [];
      }
      const out: NameMention[] = [];
      let from = 0;
      for (const [form, type] of proposals) {
        const at = text.indexOf(form, from);
        assert.ok(at >= 0, `"${form}" is in the test's text`);
        out.push({ start: at, end: at + form.length, type });
        from = at + form.length;
      }
      return out;
    },
  };
  return gazetteer ? Object.assign(detector, { gazetteerFlags: (s: string) => gazetteer.gazetteerFlags(s) }) : detector;
}

/** The mentions as [text, type]. */
function read(text: string, mentions: NameMention[]): [string, string][] {
  return mentions.map((m) => [text.slice(m.start, m.end), m.type]);
}

describe('names inside hyphenated compounds', () => {
  let tagger: NameTagger;
  before(async () => {
    const detector = await loadDefaultNameDetector();
    assert.ok(detector instanceof NameTagger, 'the shipped model loads');
    tagger = detector;
  });

  describe('each kind of compound, through the pipeline with the shipped tagger', () => {
    const cases: [string, [string, string, string][]][] = [
      // a place before a compound head, and one the tagger alone reads as nothing
      ['A Lisbon-based fund manager said the NATO-led exercise would go ahead.', [['Lisbon', 'PLACE', 'Lisbon'], ['NATO', 'ORG', 'NATO']]],
      // two places joined directly; the short form's canonical name is the place's
      ['Officials expect the U.S.-China trade truce to hold.', [['U.S.', 'PLACE', 'United States'], ['China', 'PLACE', 'China']]],
      // a place and an organization
      ['The Israel-Hamas war entered its third year.', [['Israel', 'PLACE', 'Israel'], ['Hamas', 'ORG', 'Hamas']]],
      // two nationality words
      ['The Polish-Korean consortium signed the deal.', [['Polish', 'MISC', 'Polish'], ['Korean', 'MISC', 'Korean']]],
      // a prefix before a nationality word
      ['Crowds chanted anti-American slogans outside the embassy.', [['American', 'MISC', 'American']]],
      // a prefix before an event's name of two words
      ['Historians describe a post-Cold War settlement that is now fraying.', [['Cold War', 'MISC', 'Cold War']]],
      // an organization and a place joined directly
      ['Planners drew up a NATO-Europe command structure.', [['NATO', 'ORG', 'NATO'], ['Europe', 'PLACE', 'Europe']]],
      // an organization before a head, and after a prefix
      ['A Pentagon-led review found gaps in intra-NATO logistics.', [['Pentagon', 'ORG', 'Pentagon'], ['NATO', 'ORG', 'NATO']]],
      // a headline in title case: its heads are capitalised too
      ['Pentagon-Led Review Faults NATO-Backed Plan For Baltic Air Policing\nThe plan was dropped.', [
        ['Pentagon', 'ORG', 'Pentagon'], ['NATO', 'ORG', 'NATO'], ['Baltic', 'MISC', 'Baltic'],
      ]],
      // a capitalised prefix opening a sentence
      ['Anti-American protests spread to three cities on Sunday.', [['American', 'MISC', 'American']]],
    ];
    for (const [text, expected] of cases) {
      it(JSON.stringify(text.split('\n')[0]), () => {
        const { spans } = extract(text, { nameDetector: tagger, published: '2026-03-02' });
        assert.deepEqual(names(text, spans), expected);
        // offsets are exact: each name is where its text is in the compound
        for (const s of spans) assert.equal(text.slice(s.start, s.end), s.text);
      });
    }

    it('joins two people named in full elsewhere, each to the full name (the document route)', () => {
      const text = 'Donald Trump and Vladimir Putin met in Alaska. The Trump-Putin summit ended early, and Trump flew home.';
      const { spans } = extract(text, { nameDetector: tagger });
      const compound = spans.filter((s) => s.start >= text.indexOf('Trump-Putin') && s.end <= text.indexOf(' summit'));
      assert.deepEqual(compound.map((s) => [s.text, s.type, s.canonical]), [['Trump', 'PERSON', 'Donald Trump'], ['Putin', 'PERSON', 'Vladimir Putin']]);
      assert.equal(compound[0].start, text.indexOf('Trump-Putin'));
      assert.equal(compound[1].start, text.indexOf('Trump-Putin') + 'Trump-'.length);
    });

    it('makes a name in a compound the same entity as the name elsewhere (cross-references join)', () => {
      const text = 'EU ministers met in Brussels on Monday. The Brussels-based agency will move staff, and a London-based bank agreed. London said little.';
      const { spans } = extract(text, { nameDetector: tagger });
      const brussels = spans.filter((s) => s.text === 'Brussels');
      assert.deepEqual(brussels.map((s) => s.start), [text.indexOf('Brussels'), text.indexOf('Brussels-based')]);
      assert.equal(new Set(brussels.map((s) => entityKey(s.type as 'PLACE', s.canonical ?? s.text))).size, 1);
      assert.equal(entityKey(brussels[0].type as 'PLACE', brussels[0].canonical ?? ''), 'PLACE:brussels');
      const london = spans.filter((s) => s.text === 'London');
      assert.deepEqual(london.map((s) => [s.start, s.type, s.canonical]), [
        [text.indexOf('London-based'), 'PLACE', 'London'], [text.indexOf('London said'), 'PLACE', 'London'],
      ]);
    });
  });

  describe('names that are hyphenated themselves stay whole', () => {
    const whole = ['Rolls-Royce', 'Jean-Luc Mélenchon', 'Guinea-Bissau', 'Al-Shabaab', 'Baden-Württemberg', 'Stratford-upon-Avon', 'Saxony-Anhalt',
      'Park Ji-hoon', 'Kim Il-sung'];
    it(whole.join(', '), () => {
      const text = 'Rolls-Royce engineers flew in. Jean-Luc Mélenchon spoke of Guinea-Bissau and of Al-Shabaab fighters. Firms from ' +
        'Baden-Württemberg and Stratford-upon-Avon met voters in Saxony-Anhalt. Park Ji-hoon met Kim Il-sung in the film.';
      const { spans } = extract(text, { nameDetector: tagger });
      const found = names(text, spans).map(([t]) => t);
      for (const name of whole) assert.ok(found.includes(name), `"${name}" is one name (found ${JSON.stringify(found)})`);
    });

    it('keeps a mid-sentence capitalised prefix inside the name it opens ("Trans-Pacific", "Anti-Defamation League")', () => {
      const text = 'Members of the Anti-Defamation League discussed the Trans-Pacific Partnership.';
      const detector = fixedDetector(text, [['Anti-Defamation League', 'ORG'], ['Trans-Pacific Partnership', 'MISC']], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Anti-Defamation League', 'ORG'], ['Trans-Pacific Partnership', 'MISC']]);
    });

    it('reads two people\'s names joined directly as one hyphenated name unless the document names each alone', () => {
      const text = 'Marie-Claire Dubois-Laurent spoke.';
      const detector = fixedDetector(text, [['Marie-Claire Dubois-Laurent', 'PERSON']], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Marie-Claire Dubois-Laurent', 'PERSON']]);
    });

    it('keeps a compound opened by a combining form whole ("Sino-American", "Franco-German")', () => {
      const text = 'Sino-American ties and the Franco-German axis were discussed.';
      const { spans } = extract(text, { nameDetector: tagger });
      assert.deepEqual(names(text, spans).map(([t]) => t), ['Sino-American', 'Franco-German']);
    });

    it('keeps two places joined directly whole when the detector read them as one place, unless each is named alone', () => {
      const text = 'Farmers in Alsace-Lorraine voted.';
      // the gazetteers know both parts, but only the document's other mentions say they are meant apart
      assert.notEqual(tagger.gazetteerFlags('Alsace'), 0);
      assert.notEqual(tagger.gazetteerFlags('Lorraine'), 0);
      const detector = fixedDetector(text, [['Alsace-Lorraine', 'PLACE']], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Alsace-Lorraine', 'PLACE']]);
      const apart = 'Alsace and Lorraine differ. The Alsace-Lorraine border moved.';
      const named = fixedDetector(apart, [['Alsace', 'PLACE'], ['Lorraine', 'PLACE'], ['Alsace-Lorraine', 'PLACE']], tagger, tagger);
      assert.deepEqual(read(apart, splitHyphenated(apart, named.detect(apart), named)), [['Alsace', 'PLACE'], ['Lorraine', 'PLACE'], ['Alsace', 'PLACE'], ['Lorraine', 'PLACE']]);
    });

    it('finds no name in ordinary compounds', () => {
      const text = 'Well-known, long-term X-ray studies of self-made men found a follow-up. Long-range T-shirt sales rose.';
      const { spans } = extract(text, { nameDetector: tagger });
      assert.deepEqual(names(text, spans), []);
    });
  });

  describe('how a part gets its type (each route alone)', () => {
    it('the same name elsewhere in the document', () => {
      const text = 'Velmora officials met. A Velmora-backed militia advanced.';
      const detector = fixedDetector(text, [['Velmora', 'ORG'], ['Velmora-backed', 'MISC']]);
      const out = splitHyphenated(text, detector.detect(text), detector);
      assert.deepEqual(read(text, out), [['Velmora', 'ORG'], ['Velmora', 'ORG']]);
      assert.equal(out[1].start, text.indexOf('Velmora-backed'));
      assert.deepEqual(detector.readings, [], 'the document settles it: the compound is not read again');
    });

    it('the gazetteers: a city is a place', () => {
      const text = 'A Lisbon-based fund grew.';
      assert.notEqual(tagger.gazetteerFlags('Lisbon') & GAZ_CITY, 0);
      const detector = fixedDetector(text, [['Lisbon-based', 'MISC']], undefined, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Lisbon', 'PLACE']]);
    });

    it('the gazetteers: a demonym is MISC, and so is a nationality word formed from a known place', () => {
      const text = 'The Polish-Korean consortium signed.';
      // "Korean" itself is in no gazetteer; "Korea" is a place
      assert.equal(tagger.gazetteerFlags('Korean'), 0);
      assert.notEqual(tagger.gazetteerFlags('Korea') & (GAZ_COUNTRY | GAZ_LOCATION | GAZ_REGION), 0);
      const detector = fixedDetector(text, [['Polish-Korean', 'MISC']], undefined, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Polish', 'MISC'], ['Korean', 'MISC']]);
    });

    it('a place\'s short form', () => {
      const text = 'New U.S.-led patrols began.';
      const detector = fixedDetector(text, [['U.S.-led', 'MISC']]);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['U.S.', 'PLACE']]);
    });

    it('the tagger\'s reading of the compound taken apart', () => {
      const text = 'A Pentagon-led review and a NATO-Europe plan were published.';
      const detector = fixedDetector(text, [['Pentagon-led', 'MISC'], ['NATO-Europe', 'MISC']], tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Pentagon', 'ORG'], ['NATO', 'ORG'], ['Europe', 'PLACE']]);
      // one reading, of the sentence, with a space for a head's hyphen and a comma between two names
      assert.deepEqual(detector.readings, ['A Pentagon led review and a NATO, Europe plan were published.\n\n']);
    });

    it('the detector\'s own type when no route types the name', () => {
      const text = 'A Velmora-led group formed.';
      const detector = fixedDetector(text, [['Velmora-led', 'ORG']]);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Velmora', 'ORG']]);
    });

    it('two capitalised words stay one name when one of them is untyped', () => {
      const text = 'The Velmora-Korea pact held.';
      const detector = fixedDetector(text, [['Velmora-Korea', 'MISC']], undefined, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Velmora-Korea', 'MISC']]);
    });

    it('a compound the detector left out is taken only where its reading sees a name', () => {
      const text = 'A Lisbon-based and a Nice-looking fund.';
      const reader = fixedDetector(text, [], { id: 'reading', detect: (t) => [{ start: t.indexOf('Lisbon'), end: t.indexOf('Lisbon') + 6, type: 'PLACE' }] }, tagger);
      // the gazetteers know "Nice" as a place too, but the reading sees no name there
      assert.notEqual(tagger.gazetteerFlags('Nice'), 0);
      assert.deepEqual(read(text, splitHyphenated(text, reader.detect(text), reader)), [['Lisbon', 'PLACE']]);
    });

    it('a hyphenated name the gazetteers know whole, left out by the detector, is read and taken whole', () => {
      const text = 'Officials from Guinea-Bissau met.';
      const detector = fixedDetector(text, [], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Guinea-Bissau', 'PLACE']]);
      assert.deepEqual(detector.readings, ['Officials from Guinea-Bissau met.\n\n']);
    });

    it('a prefix and a head both go, and the mention\'s words past a head keep its type', () => {
      const text = 'The anti-NATO-led Velmora Front marched.';
      const detector = fixedDetector(text, [['anti-NATO-led Velmora Front', 'ORG']]);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['NATO', 'ORG'], ['Velmora Front', 'ORG']]);
    });

    it('a mention\'s words before a compound without a prefix are part of its first name ("European Union-led")', () => {
      const text = 'A European Union-led mission left.';
      const detector = fixedDetector(text, [['European Union-led', 'ORG']]);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['European Union', 'ORG']]);
    });

    it('a prefix in capitals stays in a name the detector read as an organization\'s', () => {
      // in a line of capitals every word looks like a name: the prefix is one only in a compound read as MISC
      const text = 'OFFICIALS OF THE ANTI-CORRUPTION COUNCIL MET TODAY';
      const detector = fixedDetector(text, [['ANTI-CORRUPTION COUNCIL', 'ORG']], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['ANTI-CORRUPTION COUNCIL', 'ORG']]);
    });

    it('a compound the detector left out is not read when no gazetteer or other mention names its parts', () => {
      const text = 'The Secretary-General opened a High-Level meeting. Ex-Yankee Tom Kale spoke.';
      const detector = fixedDetector(text, [['Tom Kale', 'PERSON']], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['Tom Kale', 'PERSON']]);
      assert.deepEqual(detector.readings, []);
    });

    it('a head in capitals is one in a long line of capitals too (a transcript in capitals)', () => {
      const text = 'THE MINISTER SAID THE TALKS WOULD GO ON THROUGH THE WEEK AND THAT THE NATO-LED MISSION IN THE NORTH WOULD STAY ' +
        'FOR AS LONG AS IT WAS NEEDED, WHATEVER THE COST AND WHATEVER THE CRITICS IN THE CAPITAL AND ELSEWHERE MIGHT SAY ABOUT IT ' +
        'IN THE COMING MONTHS, WHEN THE BUDGET IS DEBATED AGAIN BY THE PARLIAMENT AND BY THE REGIONAL ASSEMBLIES OF THE COUNTRY';
      assert.ok(text.length > 300);
      const detector = fixedDetector(text, [['NATO-LED', 'MISC']], tagger, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['NATO', 'ORG']]);
    });

    it('an en dash joins two names, not a name and a head', () => {
      const text = 'The U.S.\u2013China talks and the Paris\u2013based office.';
      const detector = fixedDetector(text, [['U.S.\u2013China', 'MISC'], ['Paris', 'PLACE']], undefined, tagger);
      assert.deepEqual(read(text, splitHyphenated(text, detector.detect(text), detector)), [['U.S.', 'PLACE'], ['China', 'PLACE'], ['Paris', 'PLACE']]);
    });
  });

  it('gives mentions in order, not overlapping, inside the text and inside a mention or a compound, on random text (property)', function () {
    this.timeout(120000);
    const words = ['NATO', 'led', 'U.S.', 'China', 'anti', 'American', 'al', 'Assad', 'Jean', 'Luc', 'based', 'Brussels', 'x', '12', 'O\'Neill',
      'Élysée', '\u{1D400}', 'Sino', 'Korean', 'POST', 'War', 'the', 'upon'];
    // hyphens most often, so that most texts hold compounds
    const joins = ['-', '-', '-', '-', ' ', ' ', '\u2013', '.', '\'', '\u2011', '', ' - ', '\n', '-.', '’s '];
    let runs = 0;
    let cut = 0;
    let added = 0;
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.constantFrom(...words), fc.constantFrom(...joins)), { minLength: 1, maxLength: 10 }),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 30 }), fc.constantFrom<NameMention['type']>('PERSON', 'ORG', 'PLACE', 'MISC'), fc.boolean()), { maxLength: 6 }),
      (parts, picks) => {
        const text = parts.map(([w, j]) => w + j).join('');
        // each word's offsets, for mentions that hold whole words as a detector's do
        const starts: number[] = [];
        let offset = 0;
        for (const [w, j] of parts) { starts.push(offset); offset += w.length + j.length; }
        // non-overlapping mentions: over whole words, or at random places
        const mentions: NameMention[] = [];
        for (const [at, length, type, aligned] of picks) {
          const first = at % parts.length;
          const last = Math.min(parts.length - 1, first + (length % 4));
          const start = aligned ? starts[first] : at % text.length;
          const end = aligned ? starts[last] + parts[last][0].length : Math.min(text.length, start + 1 + length);
          if (mentions.some((m) => m.start < end && start < m.end)) continue;
          mentions.push({ start, end, type });
        }
        mentions.sort((a, b) => a.start - b.start);
        const detector: NameDetector & { gazetteerFlags(s: string): number } = {
          id: 'random', detect: (t) => (t === text ? mentions : tagger.detect(t)), gazetteerFlags: (g) => tagger.gazetteerFlags(g),
        };
        const out = splitHyphenated(text, detector.detect(text), detector);
        runs++;
        let lastEnd = 0;
        for (const m of out) {
          assert.ok(Number.isInteger(m.start) && m.start >= lastEnd && m.end > m.start && m.end <= text.length, JSON.stringify([text, m]));
          lastEnd = m.end;
          const inMention = mentions.some((o) => o.start <= m.start && m.end <= o.end);
          // a name added where no mention was lies in a run of text without spaces, hyphens joining its words
          const inCompound = !/\s/.test(text.slice(m.start, m.end));
          assert.ok(inMention || inCompound, JSON.stringify([text, m]));
          if (!inMention) added++;
        }
        if (out.length !== mentions.length || out.some((m, i) => m.start !== mentions[i].start || m.end !== mentions[i].end)) cut++;
      },
    ), { numRuns: 400 });
    console.log(`      ${runs} random texts: ${cut} with mentions taken apart or added, ${added} names added where no mention was`);
    assert.ok(cut > 0, 'some random texts hold compounds to take apart');
  });

  it('takes compounds apart in linear time on a page of them', function () {
    this.timeout(120000);
    const detector = new RuleNameDetector();
    const page = (size: number): string => 'The NATO-led and U.S.-China talks in a Brussels-based anti-American mood. '.repeat(Math.ceil(size / 75));
    /** The fewest CPU milliseconds of three runs of the step alone (the detector's mentions found beforehand). */
    const cpuMs = (text: string): number => {
      const mentions = detector.detect(text);
      let best = Infinity;
      for (let run = 0; run < 3; run++) {
        const before = process.cpuUsage();
        splitHyphenated(text, mentions, detector);
        const used = process.cpuUsage(before);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      return best;
    };
    cpuMs(page(32 * 1024));
    const growth = cpuMs(page(1024 * 1024)) / cpuMs(page(128 * 1024));
    console.log(`      hyphenated compounds, 128 KB → 1 MB: ×${growth.toFixed(1)} (linear ×8)`);
    assert.ok(growth < 24, `×${growth.toFixed(1)} for 8 times the text`);
  });
});
