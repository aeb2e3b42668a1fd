import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import type { NameDetector, Span } from '../../src/core/extract';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';
import { assertValidSpans } from './spanAssertions';

/** A detector that proposes fixed surface forms, so pipeline rules are tested apart from any model. */
function detectorFor(forms: Record<string, Span['type']>): NameDetector {
  return {
    id: 'fixed',
    detect(text) {
      const out = [];
      for (const [form, type] of Object.entries(forms)) {
        const i = text.indexOf(form);
        if (i >= 0) out.push({ start: i, end: i + form.length, type: type as 'PERSON' });
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}

const STORY = 'War Secretary Pete Hegseth met officials of the North Atlantic Council (NAC) in Brussels. ' +
  'Later, Hegseth said the NAC would meet again. Hegseth’s aides agreed.';

describe('extract pipeline', () => {
  it('strips titles and possessives, and links surnames and acronyms to their full forms', () => {
    const detector = detectorFor({ 'War Secretary Pete Hegseth': 'PERSON', 'North Atlantic Council': 'ORG', Brussels: 'PLACE' });
    const { spans } = extract(STORY, { nameDetector: detector });
    assertValidSpans(STORY, spans);
    const person = spans.find((s) => s.text === 'Pete Hegseth');
    assert.ok(person, 'the title is excluded from the person span');
    assert.equal(person.type, 'PERSON');
    const surnames = spans.filter((s) => s.text === 'Hegseth');
    assert.equal(surnames.length, 2, 'every later mention of the surname is found, the possessive left out');
    assert.ok(surnames.every((s) => s.canonical === 'Pete Hegseth' && s.type === 'PERSON'));
    const nac = spans.filter((s) => s.text === 'NAC');
    assert.equal(nac.length, 2);
    assert.ok(nac.every((s) => s.canonical === 'North Atlantic Council' && s.type === 'ORG'));
  });

  it('lets the registry add entities, rename canonicals and ignore false positives', () => {
    const detector = detectorFor({ Brussels: 'PLACE', 'North Atlantic Council': 'ORG' });
    const { spans } = extract(STORY, {
      nameDetector: detector,
      registry: { entities: [{ canonical: 'Pete Hegseth', type: 'PERSON', aliases: ['Hegseth'] }], ignore: ['Brussels'] },
    });
    assertValidSpans(STORY, spans);
    assert.equal(spans.filter((s) => s.canonical === 'Pete Hegseth').length, 3);
    assert.ok(!spans.some((s) => s.text === 'Brussels'), 'ignored surface forms never appear');
  });

  it('expands place abbreviations to a canonical name', () => {
    const text = 'Officials in the U.S. and the US Congress agreed.';
    const { spans } = extract(text, { nameDetector: detectorFor({ 'U.S.': 'PLACE' }) });
    const us = spans.filter((s) => s.type === 'PLACE');
    assert.ok(us.length >= 1);
    assert.ok(us.every((s) => s.canonical === 'United States'));
  });

  it('keeps offsets exact in CRLF, BOM, emoji, accented and right-to-left text', () => {
    const text = '\uFEFFHeadline 🚀 about Zoë Müller\r\n\r\nZoë Müller met שלום officials in Brussels 👋🏽 on Thursday.\r\nMüller left.';
    const { spans } = extract(text, { nameDetector: detectorFor({ 'Zoë Müller': 'PERSON', Brussels: 'PLACE' }) });
    assertValidSpans(text, spans);
    assert.ok(spans.some((s) => s.text === 'Müller' && s.canonical === 'Zoë Müller'));
    assert.ok(spans.some((s) => s.text === 'Brussels'));
  });

  it('resolves relative dates against a dateline at the top, unless told the text has no date of its own', () => {
    const text = 'WASHINGTON, Feb. 12, 2026 - The envoy returned on Monday, officials said.\n';
    const own = extract(text, { nameDetector: new RuleNameDetector() });
    assert.equal(own.reference?.iso, '2026-02-12');
    assert.equal(own.spans.find((s) => s.text === 'Monday')?.value, '2026-02-09');
    const block = extract(text, { nameDetector: new RuleNameDetector(), published: null });
    assert.equal(block.reference, undefined, 'a block of a longer document is not searched for a dateline');
    assert.equal(block.spans.find((s) => s.text === 'Feb. 12, 2026')?.value, '2026-02-12', 'full dates still have their value');
    assert.equal(extract(text, { published: '2026-03-05', nameDetector: new RuleNameDetector() }).spans.find((s) => s.text === 'Monday')?.value, '2026-03-02');
  });

  it('reports non-English text instead of tagging it', () => {
    const german = 'Die Verteidigungsminister der Allianz trafen sich am Donnerstag in Brüssel, um über die Ausgaben ' +
      'für die Sicherheit zu sprechen. Der Generalsekretär sagte, dass die Mitglieder mehr investieren müssen, ' +
      'weil die Lage in Europa sich verändert hat und viele Regierungen ihre Haushalte anpassen wollen.';
    const result = extract(german);
    assert.equal(result.spans.length, 0);
    assert.equal(result.language?.english, false);
    assert.match(result.language?.reason ?? '', /English only/);
  });

  describe('bad input: no crash, bounded time, valid spans', () => {
    const cases: [string, () => string][] = [
      ['empty', () => ''],
      ['only whitespace', () => ' \n\t\r\n  '],
      ['binary-looking', () => String.fromCharCode(...Array.from({ length: 4000 }, (_, i) => (i * 7919) % 65536))],
      ['replacement characters', () => 'Pete \uFFFD\uFFFD Hegseth visited \uFFFDBrussels. '.repeat(200)],
      ['one 1 MB line', () => 'NATO ministers met Pete Hegseth in Brussels on 12 February 2026 and agreed 5% of GDP. '.repeat(12500)],
      ['10 MB article', () => 'NATO ministers met in Brussels. Hegseth said the alliance was strong.\n'.repeat(150000)],
    ];
    for (const [name, make] of cases) {
      it(name, function () {
        this.timeout(60000);
        const text = make();
        const { spans } = extract(text, { nameDetector: new RuleNameDetector() });
        assertValidSpans(text, spans);
      });
    }
  });
});

describe('document-level name consistency', () => {
  it('links a surname to the nearest full name before it that ends so, and a word inside a long name to that name', () => {
    const text = 'Luiz Inácio Lula da Silva spoke first. Lula said little. Marina Silva spoke next. Silva said more.';
    const detector: NameDetector = {
      id: 'fixed',
      detect: (t) => ['Luiz Inácio Lula da Silva', 'Lula said', 'Marina Silva', 'Silva said'].map((form) => {
        const start = t.indexOf(form);
        const end = start + (form.endsWith(' said') ? form.length - 5 : form.length);
        return { start, end, type: 'PERSON' as const };
      }),
    };
    const { spans } = extract(text, { nameDetector: detector });
    assert.deepEqual(spans.filter((s) => s.type === 'PERSON').map((s) => [s.text, s.canonical]), [
      ['Luiz Inácio Lula da Silva', 'Luiz Inácio Lula da Silva'],
      ['Lula', 'Luiz Inácio Lula da Silva'],
      ['Marina Silva', 'Marina Silva'],
      ['Silva', 'Marina Silva'],
    ]);
  });

  it('finds no name in a line of page furniture, but keeps a name that merely starts like one', () => {
    const text = 'Storm hits coast\n\nAdvertisement\n\nShare\n\nHomeland Security said the coast was closed.\n\nAdvertisement';
    const detector = detectorFor({ Advertisement: 'ORG', Share: 'ORG', 'Homeland Security': 'ORG' });
    const { spans } = extract(text, { nameDetector: detector });
    assert.deepEqual(spans.filter((s) => s.type === 'ORG').map((s) => s.text), ['Homeland Security']);
  });

  it('finds brands written in camel case from a lower-case start, and nothing in ordinary words, units or addresses', () => {
    const text = 'Budget carrier easyJet cut flights. Sellers on eBay and buyers of the iPhone waited. The mRNA shot, pH tests, iOS, eCommerce and kWh. See www.easyJet.com or @easyJet.\nGet more newsLiveon';
    const { spans } = extract(text, { nameDetector: detectorFor({}) });
    assert.deepEqual(spans.filter((s) => s.type === 'ORG' || s.type === 'MISC').map((s) => [s.text, s.type]), [
      ['easyJet', 'ORG'], ['eBay', 'ORG'], ['iPhone', 'MISC'],
    ]);
  });

  it('makes "First Last" a person when its surname alone is tagged as one, and links the surname', () => {
    const text = 'Pentagon policy chief Elbridge Colby arrived. Later, Colby spoke. Colby left.';
    const detector = detectorFor({ 'Elbridge Colby': 'ORG', 'Later, Colby': 'PERSON' });
    const detectorWithSurname: NameDetector = {
      id: 'fixed',
      detect: (t) => [...detector.detect(t).filter((m) => m.type === 'ORG'), { start: t.indexOf('Colby spoke'), end: t.indexOf('Colby spoke') + 5, type: 'PERSON' }],
    };
    const { spans } = extract(text, { nameDetector: detectorWithSurname });
    const colbys = spans.filter((s) => s.text.endsWith('Colby'));
    assert.deepEqual(colbys.map((s) => [s.text, s.type, s.canonical]), [
      ['Elbridge Colby', 'PERSON', 'Elbridge Colby'],
      ['Colby', 'PERSON', 'Elbridge Colby'],
      ['Colby', 'PERSON', 'Elbridge Colby'],
    ]);
  });
});

describe('extract: a mention longer than any name', () => {
  it('is dropped before refinement, and a name of ordinary length is kept', () => {
    const text = `${'Smith '.repeat(100)}met the International Bank for Reconstruction and Development.`;
    const bank = text.indexOf('International');
    const detector: NameDetector = {
      id: 'canned',
      detect: () => [{ start: 0, end: 599, type: 'PERSON' }, { start: bank, end: bank + 'International Bank for Reconstruction and Development'.length, type: 'ORG' }],
    };
    const names = extract(text, { nameDetector: detector }).spans.filter((s) => s.type === 'PERSON' || s.type === 'ORG');
    assert.deepEqual(names.map((s) => s.text), ['International Bank for Reconstruction and Development']);
  });
});
