import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../../src/core/extract';
import type { Span } from '../../src/core/extract';
import { loadNameTagger } from '../../src/core/extract/ner';
import { assertValidSpans, detectorFor } from './spanAssertions';

/**
 * MISC names by their head noun, a cue before them or an abbreviation defined after them
 * (src/core/extract/names/miscNames.ts). Every sentence is written for this test. A fixed detector proposes
 * the pieces a tagger might, so each rule is tested apart from any model; the shipped tagger then shows the
 * rules end to end.
 */

function show(text: string, spans: Span[]): string[] {
  assertValidSpans(text, spans);
  return spans.filter((s) => ['PERSON', 'ORG', 'PLACE', 'MISC'].includes(s.type))
    .map((s) => `${s.type} ${s.text}${s.canonical && s.canonical !== s.text ? ` → ${s.canonical}` : ''}`);
}

function names(text: string, forms: [string, Span['type']][]): string[] {
  return show(text, extract(text, { nameDetector: detectorFor(forms), published: '2026-03-02' }).spans);
}

function all(text: string, forms: [string, Span['type']][]): Span[] {
  const spans = extract(text, { nameDetector: detectorFor(forms), published: '2026-03-02' }).spans;
  assertValidSpans(text, spans);
  return spans;
}

const tagger = loadNameTagger(readFileSync(join(__dirname, '..', '..', 'models', 'ner.model')));

function tagged(text: string): string[] {
  return show(text, extract(text, { nameDetector: tagger, published: '2026-03-02' }).spans);
}

describe('MISC names by head noun, cue and short form', () => {
  it('takes a law, programme or benefit whole by its head noun, with the names inside it', () => {
    assert.deepEqual(names('Parliament passed the Coastal Ferry Subsidy Scheme on Tuesday.', [['Parliament', 'ORG'], ['Ferry Subsidy Scheme', 'ORG']]),
      ['ORG Parliament', 'MISC Coastal Ferry Subsidy Scheme']);
    assert.deepEqual(names('Ministers broke the Coastal Defence Pledge and the Green Jobs Guarantee.', []),
      ['MISC Coastal Defence Pledge', 'MISC Green Jobs Guarantee']);
    assert.deepEqual(names('Families will get more from the Ontario Housing Benefit next year.', [['Ontario', 'PLACE']]),
      ['MISC Ontario Housing Benefit']);
    // "NATO Support Act" is one MISC, with no ORG inside it
    assert.deepEqual(names('Senators revived the NATO Support Act after the vote.', [['NATO', 'ORG'], ['Senators', 'MISC']]),
      ['MISC Senators', 'MISC NATO Support Act']);
    // a possessive after the head is the name's, not part of it
    assert.deepEqual(names('Critics of the Paris Agreement’s rules met.', [['Paris', 'PLACE']]), ['MISC Paris Agreement']);
    assert.deepEqual(names('The Lisbon International Book Festival opened.', [['Lisbon', 'PLACE'], ['International Book Festival', 'MISC']]),
      ['MISC Lisbon International Book Festival']);
  });

  it('takes wars, crises and sporting events by their head noun, but no post named after a war', () => {
    assert.deepEqual(names('Veterans of the Long War on Piracy gathered before the Baltic Grain Crisis.', [['Piracy', 'MISC'], ['Baltic', 'MISC']]),
      ['MISC Long War on Piracy', 'MISC Baltic Grain Crisis']);
    assert.deepEqual(names('She won the Harbour City Marathon and the Lakeside Grand Prix.', [['Harbour City', 'PLACE'], ['Lakeside', 'PLACE']]),
      ['MISC Harbour City Marathon', 'MISC Lakeside Grand Prix']);
    // a post is a job title, not annotated: the war after "of" is no name of its own
    assert.deepEqual(names('He met the Secretary of War on Monday.', []), []);
  });

  it('reads a weekday inside a name, stops at two coordinated names, and overrides a person read on a law', () => {
    const spans = all('Both sides cited the Easter Monday Accord in talks.', []);
    assert.deepEqual(spans.map((s) => `${s.type} ${s.text}`), ['MISC Easter Monday Accord']);
    assert.deepEqual(names('Ministers kept the Heating Support Payment and Family Credit.', []),
      ['MISC Heating Support Payment', 'MISC Family Credit']);
    assert.deepEqual(names('Talks built on the Lindqvist Accords of 2019.', [['Lindqvist Accords', 'PERSON']]), ['MISC Lindqvist Accords']);
  });

  it('keeps a year after the head inside the name, where it is no date of its own', () => {
    const spans = all('The minister tabled the Spring Fiscal Statement 2027 in the House.', [['House', 'ORG']]);
    const misc = spans.filter((s) => s.type === 'MISC').map((s) => s.text);
    assert.deepEqual(misc, ['Spring Fiscal Statement 2027']);
    assert.equal(spans.filter((s) => s.type === 'DATE').length, 0);
    // a year that is not right after the head stays a date
    const later = all('The Spring Fiscal Statement covers 2027.', []);
    assert.deepEqual(later.map((s) => `${s.type} ${s.text}`), ['MISC Spring Fiscal Statement', 'DATE 2027']);
  });

  it('reads a document head and "of"/"on" before its name', () => {
    assert.deepEqual(names('Both signed the Convention on Cluster Munitions in 2008.', [['Cluster Munitions', 'MISC']]),
      ['MISC Convention on Cluster Munitions']);
    assert.deepEqual(names('It revived memories of the Treaty of Utrecht, historians said.', [['Utrecht', 'PLACE']]),
      ['MISC Treaty of Utrecht']);
    // an event on a day is no part of the name
    assert.deepEqual(names('Brazil hosts the Regional Cup on Friday.', [['Brazil', 'PLACE']]), ['PLACE Brazil', 'MISC Regional Cup']);
  });

  it('leaves generic capitalised nouns, title-cased headlines, organizations and names going on', () => {
    assert.deepEqual(names('Ministers issued a Joint Statement and the Budget was delayed.', []), []);
    assert.deepEqual(names('Leaders Sign Critical Minerals Agreement With Canberra\n\nThe talks went on.', [['Canberra', 'PLACE']]),
      ['PLACE Canberra']);
    // a head noun followed by another capitalised word is not the name's end
    assert.deepEqual(names('Staff at Plan International and the Congressional Budget Office agreed.', [['Plan International', 'ORG'], ['Congressional Budget Office', 'ORG']]),
      ['ORG Plan International', 'ORG Congressional Budget Office']);
    // an organization's head noun makes the whole the organization's
    assert.deepEqual(names('The Organisation of Coastal States Conference met.', [['Organisation of Coastal States', 'ORG']]),
      ['ORG Organisation of Coastal States Conference']);
    // an international body's fund or programme is the body
    assert.deepEqual(names('Aid from the World Food Programme arrived.', [['World Food Programme', 'MISC']]), ['ORG World Food Programme']);
    // a possessive is the owner's, not part of the name
    assert.deepEqual(names("Ottawa's Clean Fuel Plan was criticised.", [['Ottawa', 'PLACE']]), ['PLACE Ottawa', 'MISC Clean Fuel Plan']);
  });

  it('takes a city and the word summit as the event', () => {
    assert.deepEqual(names('Leaders agreed a new target at the Vilnius summit last year.', [['Vilnius', 'PLACE']]), ['MISC Vilnius summit']);
    // an organization's summit is the organization only
    assert.deepEqual(names('Leaders met at the NATO summit.', [['NATO', 'ORG']]), ['ORG NATO']);
    // a city that keeps its "The" names the same event: one canonical form for both mentions
    const text = 'Leaders met at The Hague summit. After the Hague summit, Spain objected.';
    const summits = all(text, [['The Hague', 'PLACE'], ['Hague', 'PLACE'], ['Spain', 'PLACE']]).filter((s) => s.type === 'MISC');
    assert.deepEqual(summits.map((s) => [s.text, s.canonical]), [['The Hague summit', 'Hague summit'], ['Hague summit', 'Hague summit']]);
  });

  it('takes a name that "called" or "known as" introduces, and an abbreviation defined after it', () => {
    const text = 'Brussels set up a fund called Clean Steel for Industry, or CSI. Firms said CSI came late.';
    assert.deepEqual(names(text, [['Brussels', 'PLACE'], ['Clean Steel', 'ORG'], ['Industry', 'ORG'], ['CSI', 'ORG']]),
      ['PLACE Brussels', 'MISC Clean Steel for Industry', 'MISC CSI → Clean Steel for Industry', 'MISC CSI → Clean Steel for Industry']);
    const bracketed = 'The board backed the Northern Rail Renewal Programme (NRRP) on Monday; the NRRP starts in May.';
    assert.deepEqual(names(bracketed, []),
      ['MISC Northern Rail Renewal Programme', 'MISC NRRP → Northern Rail Renewal Programme', 'MISC NRRP → Northern Rail Renewal Programme']);
    // letters the long form does not spell define nothing
    assert.deepEqual(names('Officials run a scheme called Harbour Watch, or the HWQZ plan.', []), ['MISC Harbour Watch']);
  });

  it('takes a title after a work noun, and its other mentions', () => {
    const text = 'The Chilean drama The Salt Road won the top prize. Critics said The Salt Road was the best film.';
    assert.deepEqual(names(text, [['Chilean', 'MISC'], ['Road', 'PLACE'], ['Salt Road', 'PLACE']]),
      ['MISC Chilean', 'MISC The Salt Road', 'MISC The Salt Road']);
    // a title the detector read as a person's name is the title's
    assert.deepEqual(names('She made the documentary Casa del Sol in Lima.', [['Casa del Sol', 'PERSON'], ['Lima', 'PLACE']]),
      ['MISC Casa del Sol', 'PLACE Lima']);
    assert.deepEqual(names('Her novel “A Winter in Trieste” sold well.', [['Trieste', 'PLACE']]), ['MISC A Winter in Trieste']);
    // a verb before the noun makes it no cue
    assert.deepEqual(names('Fans rushed to book Madrid hotels.', [['Madrid', 'PLACE']]), ['PLACE Madrid']);
  });

  it('takes a trial named in capitals, and its other mentions', () => {
    assert.deepEqual(names('The Phase 3 LANTERN trial met its goal; LANTERN enrolled 400 adults.', []),
      ['MISC LANTERN', 'MISC LANTERN']);
  });

  it('takes a single name before a vehicle, weapon or chip noun at each of its mentions as the product', () => {
    assert.deepEqual(names('Only half the QZR trains ran, and the larger Seamax vessels waited.', [['QZR', 'ORG']]),
      ['MISC QZR', 'MISC Seamax']);
    // a maker named on its own elsewhere is the maker; a common word opening a sentence is no name
    assert.deepEqual(names('The operator QZR said its QZR trains were late. Patrol ships left. Coastal ships followed.', [['QZR', 'ORG']]),
      ['ORG QZR', 'ORG QZR']);
    // a model's number, and a common word that a lower-case word puts in the middle of a sentence
    assert.deepEqual(names('The army wants Kite-9 drones and needs Falcon missiles.', []), ['MISC Kite-9', 'MISC Falcon']);
    // a programme's name the detector did not read; an organization's mission stays the organization's
    assert.deepEqual(names('The ministry expanded its Lodestar programme. The UN mission ended. The KTX trains ran.', [['UN', 'ORG'], ['KTX', 'ORG']]),
      ['MISC Lodestar', 'ORG UN → United Nations', 'MISC KTX']);
    // armed services own their ships
    assert.deepEqual(names('Navy ships and Coast Guard vessels sailed.', [['Coast Guard', 'ORG']]), ['ORG Coast Guard']);
    // a place or a maker in mixed case is left as the detector read it
    assert.deepEqual(names('US jets and Kestrel chips were sold.', [['US', 'PLACE'], ['Kestrel', 'ORG']]),
      ['PLACE US → United States', 'ORG Kestrel']);
  });

  it('takes a medicine or an app after its noun, a trial with its number, and a product with its model number', () => {
    assert.deepEqual(names("Regulators cleared Halvorsen's drug Velmora for adults. Velmora sales rose.", [['Halvorsen', 'PERSON'], ['Velmora', 'ORG']]),
      ['PERSON Halvorsen', 'MISC Velmora', 'MISC Velmora']);
    // a clause's subject after the noun is no product's name
    assert.deepEqual(names('The vaccine Ministers ordered arrived.', [['Ministers', 'ORG']]), ['ORG Ministers']);
    assert.deepEqual(names('Results of the ORCA 3 trial are due.', []), ['MISC ORCA 3']);
    assert.deepEqual(names('Users of Skyline 12 complained.', [['Skyline', 'MISC']]), ['MISC Skyline 12']);
    // a nationality and a number, a score or a percentage are not one name
    assert.deepEqual(names('Chilean 6-4 and Norwegians 3 in the final.', [['Chilean', 'MISC'], ['Norwegians', 'MISC']]),
      ['MISC Chilean', 'MISC Norwegians']);
  });

  it('takes a capitalised group adjective before a party\'s or a nation\'s people in mid-sentence', () => {
    assert.deepEqual(names('The bill needs at least 30 Socialist deputies and some Conservative voters.', []),
      ['MISC Socialist', 'MISC Conservative']);
    // a sentence's opener, a word of another ending and a name the detector read are left alone
    assert.deepEqual(names('Progressive voters stayed home. Many Green voters and the Harlan Party members left.', [['Harlan Party', 'ORG']]),
      ['ORG Harlan Party']);
  });

  it('gives a newspaper read as MISC to organizations, and a name before "administration" to persons', () => {
    assert.deepEqual(names('He told the Baltic Evening Times on Monday.', [['Baltic Evening Times', 'MISC']]), ['ORG Baltic Evening Times']);
    assert.deepEqual(names('Officials in the Harlow administration objected.', [['Harlow', 'MISC']]), ['PERSON Harlow']);
    // a nationality stays
    assert.deepEqual(names('Officials in the Korean administration objected.', [['Korean', 'MISC']]), ['MISC Korean']);
  });

  it('works with the shipped tagger', () => {
    const out = tagged('Ottawa raised the Quebec Family Allowance and Parliament debated the Rural Broadband Access Fund. ' +
      'The Peruvian drama The Quiet Harbour won at the Lisbon International Film Festival.');
    for (const name of ['MISC Quebec Family Allowance', 'MISC Rural Broadband Access Fund', 'MISC The Quiet Harbour', 'MISC Lisbon International Film Festival']) {
      assert.ok(out.includes(name), `${name} in ${JSON.stringify(out)}`);
    }
  });

  it('stays linear on a page of heads, cues and capitalised words', function () {
    this.timeout(60000);
    const unit = 'Smith Jones Act Fund Bill film The Orchard Road or SAFE (SAFE) called Alpha Beta trial ALPHA study Summit of the ' +
      'film “Unclosed title drug Velmora and the big Kestrel ships TGV trains Windows 12 ';
    const time = (n: number): number => {
      const text = unit.repeat(n);
      const t0 = process.hrtime.bigint();
      const spans = extract(text, { nameDetector: detectorFor([['Smith', 'PERSON']]) }).spans;
      assertValidSpans(text, spans);
      return Number(process.hrtime.bigint() - t0) / 1e6;
    };
    time(200);
    const small = Math.min(time(2000), time(2000));
    const large = Math.min(time(8000), time(8000));
    console.log(`      miscNames: 4x the text took x${(large / small).toFixed(2)} the time`);
    // at most x2.2 per doubling of the text
    assert.ok(large / small < 2.2 * 2.2, `x${(large / small).toFixed(2)} for 4x the text`);
  });
});
