import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import type { NameDetector, Span } from '../../src/core/extract';
import { applyPageFurniture, titleCase } from '../../src/core/extract/names/pageFurniture';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { assertValidSpans } from './spanAssertions';

/**
 * Page furniture through the whole pipeline with the shipped name tagger: the sentences are written for these
 * tests (none from the furniture-dev gold pages), in the shapes of bylines, datelines, speaker labels, share bars,
 * photo credits, ticker symbols, copyright lines and contact blocks.
 */

function find(spans: Span[], text: string): Span | undefined {
  return spans.find((s) => s.text === text);
}

function all(spans: Span[], text: string): Span[] {
  return spans.filter((s) => s.text === text);
}

describe('page furniture', () => {
  let detector: NameDetector | undefined;
  let run: (text: string) => Span[];
  before(async () => {
    detector = await loadDefaultNameDetector();
    run = (text) => {
      const { spans } = extract(text, { nameDetector: detector, published: '2026-05-04' });
      assertValidSpans(text, spans);
      return spans;
    };
  });

  it('title-cases names written in capitals, keeping small words and hyphenated parts', () => {
    assert.equal(titleCase('MEI-LING TAN'), 'Mei-Ling Tan');
    assert.equal(titleCase('BANK OF THE ANDES'), 'Bank of the Andes');
    assert.equal(titleCase('ÉLODIE FAURÉ'), 'Élodie Fauré');
  });

  it('reads an all-capitals byline as the people it names, with their mixed-case names as canonical', () => {
    const text = 'Drought cuts the coffee harvest in Minas Gerais\n\nBy TERESA ALMEIDA and JONAS BERGQVIST, in São Paulo\n\n' +
      'Growers in the state said on Friday that the harvest would fall by a fifth.\n';
    const spans = run(text);
    assert.equal(find(spans, 'TERESA ALMEIDA')?.type, 'PERSON');
    assert.equal(find(spans, 'TERESA ALMEIDA')?.canonical, 'Teresa Almeida');
    assert.equal(find(spans, 'JONAS BERGQVIST')?.type, 'PERSON');
    assert.equal(find(spans, 'JONAS BERGQVIST')?.canonical, 'Jonas Bergqvist');
  });

  it('gives a place in capitals in a byline its mixed-case name', () => {
    const text = 'Ferry services resume\n\nBy MARTA SOUSA, EUROPE CORRESPONDENT, IN LISBON\n\nFerries sailed again on Friday.\n';
    const spans = run(text);
    assert.equal(find(spans, 'MARTA SOUSA')?.canonical, 'Marta Sousa');
    assert.equal(find(spans, 'LISBON')?.type, 'PLACE');
    assert.equal(find(spans, 'LISBON')?.canonical, 'Lisbon');
  });

  it('leaves a sentence that starts with "By" alone', () => {
    const text = 'By Thursday the ministers had agreed.\nBy clicking Accept, you agree to the terms.\n';
    const spans = run(text);
    assert.ok(!spans.some((s) => s.type === 'PERSON'), JSON.stringify(spans));
  });

  it('reads speaker labels of a transcript as people, a one-word label as the speaker introduced with that surname', () => {
    const text = 'ANIKA SCHRÖDER, HOST: Welcome back. With me is Tomás Okafor-Lind of the Lisbon Maritime Institute.\n\n' +
      'TOMÁS OKAFOR-LIND, LISBON MARITIME INSTITUTE: Thanks for having me.\n\n' +
      'SCHRÖDER: How long will the closure last?\n\n' +
      'OKAFOR-LIND: At least until June, I think.\n\n' +
      '[00:03:12]\n\nSCHRÖDER: Thank you.\n';
    const spans = run(text);
    for (const label of all(spans, 'SCHRÖDER')) {
      assert.equal(label.type, 'PERSON');
      assert.equal(label.canonical, 'Anika Schröder');
    }
    assert.equal(all(spans, 'SCHRÖDER').length, 2);
    assert.equal(find(spans, 'OKAFOR-LIND')?.canonical, 'Tomás Okafor-Lind');
    assert.equal(find(spans, 'TOMÁS OKAFOR-LIND')?.type, 'PERSON');
    const institute = find(spans, 'LISBON MARITIME INSTITUTE');
    assert.equal(institute?.type, 'ORG');
    assert.equal(institute?.canonical, 'Lisbon Maritime Institute');
    assert.ok(!spans.some((s) => s.type === 'QUANTITY'), 'a timestamp is not a quantity');
    assert.ok(!spans.some((s) => s.text === 'HOST'));
  });

  it('reads no person in a heading or a dateline in capitals with a colon', () => {
    const text = 'WATCH: Floodwater reaches the old town\nEXCLUSIVE: Minister to step down\n\n' +
      'KARACHI: Heavy rain flooded parts of the city on Monday, officials said.\nLAHORE: Schools were closed.\n';
    const spans = run(text);
    assert.ok(!spans.some((s) => s.type === 'PERSON'), JSON.stringify(spans.filter((s) => s.type === 'PERSON')));
    assert.ok(!spans.some((s) => ['WATCH', 'EXCLUSIVE'].includes(s.text)));
  });

  it('reads a speakers list and a reporter\'s question in a briefing', () => {
    const text = 'BRIEFING ON THE HARBOUR TREATY\n\nSPEAKERS:\nFARIDA HAQQANI, SPOKESPERSON, MINISTRY OF PORTS AND SHIPPING\n' +
      'OLUWASEUN ADEBAYO, DIRECTOR GENERAL, GULF OF GUINEA MARITIME COMMISSION\n\n' +
      'FARIDA HAQQANI: Good afternoon. Mr Adebayo will open.\n\nOLUWASEUN ADEBAYO: Thank you, Madam Spokesperson.\n\n' +
      'QUESTION: Pieter de Wit, Algemeen Dagblad. When does the treaty enter into force?\n';
    const spans = run(text);
    assert.equal(find(spans, 'MINISTRY OF PORTS AND SHIPPING')?.type, 'ORG');
    assert.equal(find(spans, 'GULF OF GUINEA MARITIME COMMISSION')?.type, 'ORG');
    assert.ok(!spans.some((s) => /SPOKESPERSON|DIRECTOR GENERAL/.test(s.text)));
    assert.equal(all(spans, 'FARIDA HAQQANI').length, 2);
    assert.ok(all(spans, 'FARIDA HAQQANI').every((s) => s.type === 'PERSON'));
    assert.equal(find(spans, 'Madam Spokesperson'), undefined);
    assert.equal(find(spans, 'Pieter de Wit')?.type, 'PERSON');
    assert.equal(find(spans, 'Algemeen Dagblad')?.type, 'ORG');
  });

  it('reads a press-release dateline: places in capitals, the newswire, tickers with their company, a numeric ticker as no figure', () => {
    const text = 'FOR IMMEDIATE RELEASE\n\nOSLO, Norway and HOUSTON, March 2, 2026 /GlobeNewswire/ -- Fjordline Subsea ASA ' +
      '(OSE: FJSUB; NASDAQ: FJSB), an offshore engineering group, today announced a contract with Kansai Heavy Industries Co., Ltd. ' +
      '(TSE: 7012) worth $140 million.\n\nFjordline Subsea\'s shares trade under the symbol FJSUB.\n';
    const spans = run(text);
    assert.equal(find(spans, 'OSLO')?.type, 'PLACE');
    assert.equal(find(spans, 'OSLO')?.canonical, 'Oslo');
    assert.equal(find(spans, 'HOUSTON')?.type, 'PLACE');
    assert.equal(find(spans, 'GlobeNewswire')?.type, 'ORG');
    assert.equal(find(spans, 'NASDAQ')?.type, 'ORG');
    assert.equal(find(spans, 'OSE')?.canonical, 'Oslo Stock Exchange');
    for (const t of all(spans, 'FJSUB')) {
      assert.equal(t.type, 'ORG');
      assert.equal(t.canonical, 'Fjordline Subsea ASA');
    }
    assert.equal(all(spans, 'FJSUB').length, 2);
    assert.equal(find(spans, 'FJSB')?.canonical, 'Fjordline Subsea ASA');
    assert.ok(!spans.some((s) => s.text === '7012'), 'a numeric ticker is no quantity');
    assert.equal(find(spans, '$140 million')?.value, 'USD 140000000');
  });

  it('reads newswires in parentheses in a dateline, and the place in capitals before them', () => {
    const text = 'SEATTLE--(BUSINESS WIRE)--Cobaltline Robotics Inc. (NASDAQ: CBLR) today reported revenue of $48 million.\n\n' +
      'PERTH, Australia, May 4, 2026 (GLOBE NEWSWIRE) -- Ironbark Lithium Ltd. (ASX: IBL) said drilling had started.\n\n' +
      'ANALYST: Results were strong.\nHOST: Thank you.\n';
    const spans = run(text);
    assert.equal(find(spans, 'SEATTLE')?.type, 'PLACE');
    assert.equal(find(spans, 'SEATTLE')?.canonical, 'Seattle');
    assert.equal(find(spans, 'BUSINESS WIRE')?.type, 'ORG');
    assert.equal(find(spans, 'PERTH')?.type, 'PLACE');
    assert.equal(find(spans, 'GLOBE NEWSWIRE')?.type, 'ORG');
    assert.equal(find(spans, 'IBL')?.canonical, 'Ironbark Lithium Ltd.');
  });

  it('reads a saved page\'s "Image source" line as the agency, and keeps a date line whole from its clock time', () => {
    const text = 'Image source, Getty Images\nImage caption, Volunteers clear debris in Valencia\n' +
      'Updated 4:12 PM CEST, Mon May 4, 2026\n\nThe clean-up continued on Monday.\n';
    const spans = run(text);
    assert.equal(find(spans, 'Getty Images')?.type, 'ORG');
    const line = spans.find((s) => s.type === 'DATE' && s.text.includes('May 4'));
    assert.equal(line?.text, '4:12 PM CEST, Mon May 4, 2026');
    assert.equal(line?.value, '2026-05-04');
    assert.equal(find(spans, 'Valencia')?.type, 'PLACE');
  });

  it('reads the share bar and follow links as the networks they name', () => {
    const text = 'Rains return to the Sahel\n\nShare:  Facebook | X | Telegram | Email\n\nFarmers welcomed the rain.\n\n' +
      'Follow us on Instagram · X · TikTok\n';
    const spans = run(text);
    assert.equal(all(spans, 'X').length, 2);
    for (const s of [...all(spans, 'X'), find(spans, 'Facebook'), find(spans, 'Telegram'), find(spans, 'Instagram'), find(spans, 'TikTok')]) {
      assert.equal(s?.type, 'ORG', JSON.stringify(s));
    }
    assert.equal(find(spans, 'Email'), undefined);
  });

  it('reads photo credits as the photographer and the agency', () => {
    const text = 'Residents wade through floodwater in Sylhet on Tuesday. Photograph: Rafiqul Islam Bhuiyan/AFP via Getty Images\n' +
      'A rescue boat near the river bank. (Nusrat Jahan / Dhaka Evening Post)\n';
    const spans = run(text);
    assert.equal(find(spans, 'Rafiqul Islam Bhuiyan')?.type, 'PERSON');
    assert.equal(find(spans, 'AFP')?.type, 'ORG');
    assert.equal(find(spans, 'Getty Images')?.type, 'ORG');
    assert.equal(find(spans, 'Nusrat Jahan')?.type, 'PERSON');
    assert.equal(find(spans, 'Dhaka Evening Post')?.type, 'ORG');
  });

  it('reads credits that name the agency first, and a photo credited "by" someone "on" a site', () => {
    const text = 'Firefighters on a hillside above Viña del Mar. (AP Photo/Rodrigo Sáez Oyarzún)\n' +
      'Smoke over the port.\nEPA-EFE/MARTINA LÓPEZ\nA beach closed by the fire. Photo by Camille Aubert on Unsplash\n';
    const spans = run(text);
    assert.equal(find(spans, 'AP')?.type, 'ORG');
    assert.equal(find(spans, 'Rodrigo Sáez Oyarzún')?.type, 'PERSON');
    assert.equal(find(spans, 'EPA')?.type, 'ORG');
    assert.equal(find(spans, 'EFE')?.type, 'ORG');
    assert.equal(find(spans, 'MARTINA LÓPEZ')?.type, 'PERSON');
    assert.equal(find(spans, 'MARTINA LÓPEZ')?.canonical, 'Martina López');
    assert.equal(find(spans, 'Camille Aubert')?.type, 'PERSON');
    assert.equal(find(spans, 'Unsplash')?.type, 'ORG');
  });

  it('takes no figure from a telephone number and no name from a contact block\'s labels', () => {
    const text = 'For more information, contact Ingrid Halvorsen.\nTel: +47 (0)22 41 87 90 | Fax: +47 22 41 87 91\n' +
      'Mobile: (617) 555-0173 or 617-555-0188\nThe company employs 1,250 people in 12 countries.\n';
    const spans = run(text);
    const quantities = spans.filter((s) => s.type === 'QUANTITY').map((s) => s.text);
    assert.deepEqual(quantities, ['1,250', '12']);
    assert.ok(!spans.some((s) => ['Tel', 'Fax', 'Mobile'].includes(s.text)));
    assert.equal(find(spans, 'Ingrid Halvorsen')?.type, 'PERSON');
  });

  it('reads a wire\'s standards line and a newsletter named after the word as their names', () => {
    const text = 'Ministers met in Lima on Friday.\n\nOur Standards: The Meridian Wire Trust Principles.\n\n' +
      'Get the week\'s trade news with the newsletter Ports and Passages. Sign up here.\n';
    const spans = run(text);
    assert.equal(find(spans, 'Meridian Wire Trust Principles')?.type, 'MISC');
    assert.equal(find(spans, 'Ports and Passages')?.type, 'MISC');
  });

  it('reads a copyright line\'s owner whole, a masthead with its "The", and the source of a transcript', () => {
    const text = 'The Valparaíso Herald\n\nPort workers end their strike\n\nWorkers voted on Sunday to return.\n\n' +
      '© 2026 Editorial Costa Pacífico S.A. All rights reserved.\nTranscription by Atlas Captioning Group.\n';
    const spans = run(text);
    assert.equal(find(spans, 'The Valparaíso Herald')?.type, 'ORG');
    assert.equal(find(spans, 'Editorial Costa Pacífico S.A.')?.type, 'ORG');
    assert.equal(find(spans, 'Atlas Captioning Group')?.type, 'ORG');
    assert.equal(find(spans, '2026')?.type, 'DATE');
    const acronym = run('Talks resumed on Monday.\n\nCopyright 2026 NHK. All rights reserved.\n');
    assert.equal(find(acronym, 'NHK')?.type, 'ORG');
    assert.equal(find(acronym, 'NHK')?.canonical, 'NHK', 'an acronym keeps its capitals');
  });

  it('keeps a date line whole over its zone offset, and a clock\'s zone or a conference ID is not a name or a figure', () => {
    const text = 'Published May 4, 2026 6:05 PM GMT+3 | Updated 19:40 EAT\n\n' +
      'Dial-in: conference ID 8830412.\nInvestors may read the Annual Report on Form 10-K.\n';
    const spans = run(text);
    const date = spans.find((s) => s.type === 'DATE' && s.text.startsWith('May 4, 2026'));
    assert.equal(date?.text, 'May 4, 2026 6:05 PM GMT+3');
    assert.equal(date?.value, '2026-05-04');
    assert.ok(!spans.some((s) => s.type === 'QUANTITY'), JSON.stringify(spans.filter((s) => s.type === 'QUANTITY')));
    assert.equal(find(spans, 'EAT'), undefined);
    assert.equal(find(spans, 'ID'), undefined);
    assert.equal(find(spans, 'Form 10-K')?.type, 'MISC');
  });

  it('drops section names on a menu line and a breadcrumb, and a site\'s policies', () => {
    const text = 'Menu  World  Politics  Business  Opinion\nNews | World | Asia\n\nWe use cookies. Read our Cookie Policy and Privacy Notice.\n\n' +
      'Talks resume in Jakarta\n';
    const spans = run(text);
    assert.ok(!spans.some((s) => ['World', 'Politics', 'Business', 'Opinion', 'Cookie Policy', 'Privacy Notice', 'Policy'].includes(s.text)),
      JSON.stringify(spans.map((s) => s.text)));
    assert.equal(find(spans, 'Jakarta')?.type, 'PLACE');
  });

  it('names a release\'s company from its "About" heading and gives its short forms the full name', () => {
    const text = 'Halvard Biologics Announces Trial Results\n\nGENEVA, June 1, 2026 /PRNewswire/ -- Halvard Biologics SA (SIX: HALV) today said ' +
      'its trial met its goal. "We are pleased," said Halvard\'s chief executive.\n\nAbout Halvard Biologics\nHalvard develops vaccines.\n';
    const spans = run(text);
    const heading = spans.find((s) => s.text === 'Halvard Biologics' && s.start > text.indexOf('About'));
    assert.equal(heading?.type, 'ORG');
    assert.equal(heading?.canonical, 'Halvard Biologics SA');
    assert.equal(find(spans, 'SIX')?.type, 'ORG');
    assert.equal(find(spans, 'SIX')?.canonical, 'SIX Swiss Exchange');
  });

  it('reads a company named with its legal form as the same company without it, in the headline and the boilerplate', () => {
    const text = 'Kestrel Grid Storage Wins Battery Contract in Taranaki\n\nAUCKLAND, April 2, 2026 /PRNewswire/ -- Kestrel Grid Storage Ltd. ' +
      '(NZX: KGS) today said it will build a battery for a regional network.\n\nAbout Kestrel Grid Storage\n' +
      'Founded in 2019, Kestrel Grid Storage designs grid batteries.\n';
    const spans = run(text);
    const mentions = spans.filter((s) => s.text.startsWith('Kestrel'));
    assert.deepEqual(mentions.map((s) => s.text), ['Kestrel Grid Storage', 'Kestrel Grid Storage Ltd.', 'Kestrel Grid Storage', 'Kestrel Grid Storage']);
    for (const m of mentions) {
      assert.equal(m.type, 'ORG');
      assert.equal(m.canonical, 'Kestrel Grid Storage Ltd.');
    }
    assert.equal(find(spans, 'KGS')?.canonical, 'Kestrel Grid Storage Ltd.');
  });

  it('reads the law a release\'s forward-looking statements cite by its full title, year included', () => {
    const text = 'Forward-Looking Statements\nThis release contains forward-looking statements within the meaning of the Private Securities ' +
      'Litigation Reform Act of 1995 and the Securities Exchange Act of 1934. Results may differ.\n\nThe act was passed in 1995.\n';
    const spans = run(text);
    assert.equal(find(spans, 'Private Securities Litigation Reform Act of 1995')?.type, 'MISC');
    assert.equal(find(spans, 'Securities Exchange Act of 1934')?.type, 'MISC');
    assert.equal(find(spans, '1995')?.type, 'DATE', 'a year in a sentence of its own stays a date');
  });

  it('changes nothing in an all-capitals text, where case says nothing about furniture', () => {
    const spans: Span[] = [{ start: 0, end: 5, type: 'PLACE', text: 'PARIS', value: null, canonical: 'PARIS' }];
    const text = 'PARIS: THE MINISTER SAID ON MONDAY.\nLYON: THE MAYOR AGREED.\n';
    applyPageFurniture(text, spans);
    assert.deepEqual(spans, [{ start: 0, end: 5, type: 'PLACE', text: 'PARIS', value: null, canonical: 'PARIS' }]);
  });

  /** A distinct word of capitals for each number: 0 → "A", 27 → "BB". */
  function letters(i: number): string {
    let out = '';
    do { out = String.fromCharCode(65 + (i % 26)) + out; i = Math.floor(i / 26); } while (i > 0);
    return out + 'X';
  }

  /** The companies of a synthetic page as the detector would give them, for the rules that start from names. */
  function orgSpans(text: string): Span[] {
    return [...text.matchAll(/Firm \w+ Holdings Ltd\./g)].map((m) => ({
      start: m.index, end: m.index + m[0].length, type: 'ORG' as const, text: m[0], value: null, canonical: m[0],
    }));
  }

  it('stays linear on pages made of furniture (labels, share bars, tickers, credits)', function () {
    // CPU time, fewest of three runs, from n to 8n lines: linear is ×8, quadratic ×64; the bound leaves room for a
    // busy machine (as in hostileInput.test.ts)
    this.timeout(120000);
    const shapes: [string, (n: number) => string][] = [
      ['speaker labels', (n) => Array.from({ length: n }, (_, i) => `KOFI ${letters(i)}, HOST: words here.\n${letters(i)}: more words.`).join('\n')],
      ['share bars', (n) => 'Share on Facebook  Share on X  Copy link\n'.repeat(n)],
      ['ticker groups', (n) => 'Acme Corp. (NYSE: ACME) rose. '.repeat(n)],
      ['credit lines', (n) => 'A view. Photo: Ana Ruiz/Reuters\n'.repeat(n)],
      ['programme fields', (n) => Array.from({ length: n }, (_, i) => `Program: Show ${i.toString(36).toUpperCase()}\nWelcome.`).join('\n')],
      ['companies with legal forms', (n) => Array.from({ length: n }, (_, i) => `Firm ${i.toString(36).toUpperCase()} Holdings Ltd. grew; ` +
        `Firm ${i.toString(36).toUpperCase()} Holdings hired.`).join('\n')],
    ];
    for (const [name, make] of shapes) {
      const time = (n: number): number => {
        const text = make(n);
        let best = Infinity;
        for (let k = 0; k < 3; k++) {
          const before = process.cpuUsage();
          applyPageFurniture(text, orgSpans(text));
          const used = process.cpuUsage(before);
          best = Math.min(best, (used.user + used.system) / 1000);
        }
        return best;
      };
      const small = Math.max(time(4000), 5);
      const large = time(32000);
      console.log(`      ${name}: ${small.toFixed(0)} ms → ${large.toFixed(0)} ms for 8× the lines (×${(large / small).toFixed(1)})`);
      assert.ok(large < small * 32, `${name}: ${small} ms → ${large} ms for 8× the size`);
    }
  });
});
