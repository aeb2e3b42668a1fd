import { strict as assert } from 'node:assert';
import { extract } from '../../src/core/extract';
import { describeClaim, formatClaim } from '../../src/core/extract/figures/claim';
import { RuleNameDetector } from '../../src/core/extract/names/ruleDetector';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { figureCard } from '../../src/core/hover/figureCard';

const detector = new RuleNameDetector();
const claimOf = (text: string, figure: string): string => {
  const span = extract(text, { nameDetector: detector, published: '2026-02-12' }).spans.find((s) => s.text === figure);
  assert.ok(span, `no span "${figure}"`);
  return formatClaim(describeClaim(text, span), span.type);
};

describe('figures as claims', () => {
  it('reads subject, kind, measure, base and period from the figure\'s sentence', () => {
    assert.equal(claimOf('NATO members agreed to spend 5% of GDP on defence by 2035.', '5%'),
      'NATO members · target · defence spending · % of GDP · by 2035');
    assert.equal(claimOf('The United States spent 3.3% of gross domestic product on defence in 2025.', '3.3%'),
      'United States · actual · defence spending · % of GDP · 2025');
    assert.equal(claimOf('The old 2% guideline was set in 2014.', '2%'), 'benchmark · guideline · 2014');
    assert.equal(claimOf('Congress approved $33 billion in aid for Ukraine.', '$33 billion'), 'Congress · aid for Ukraine');
  });

  it('ends the measure with its sentence and its line, and keeps "gross domestic product" whole', () => {
    assert.equal(claimOf('Germany raised its defence spending to 2.1% of GDP\nSpeaking in Brussels, he said so.', '2.1%'),
      'Germany · actual · defence spending · % of GDP');
    assert.equal(claimOf('Spain spends 1.3% of its gross domestic product. Speaking later, he left.', '1.3%'), 'Spain · actual · spending · % of GDP');
  });
});

describe('same and conflicting figures', () => {
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector: detector }) });
  const docs: Record<string, string> = {
    target: 'Summit deal\n\nNATO members agreed to spend 5% of GDP on defence by 2035.',
    actual: 'US spending\n\nThe United States spent 3.3% of GDP on defence in 2025.',
    guideline: 'History\n\nThe old 2% guideline was set in 2014.',
    otherTarget: 'Summit talks\n\nNATO members agreed to spend 3.5% of GDP on defence by 2035.',
    sameTarget: 'Summit again\n\nNATO members agreed to spend 5% of GDP on defence by 2035, officials said.',
    size: 'Members\n\nNATO, a 32-nation alliance, met in 2026.',
    oldSize: 'Members again\n\nNATO, a 31-nation alliance, met in 2026.',
    sizeThen: 'History\n\nNATO, a 29-nation alliance, met in 2018.',
  };
  for (const [uri, text] of Object.entries(docs)) index.update(uri, text);
  const related = (uri: string, figure: string) => index.relatedFigures(index.spanAt(uri, docs[uri].indexOf(figure))!);

  it('flags a conflict only when subject, measure, period and kind agree and the values differ', () => {
    const target = related('target', '5%');
    assert.deepEqual(target.conflicts.map((c) => [c.uri, c.text]), [['otherTarget', '3.5%']]);
    assert.deepEqual(target.same.articles.map((a) => a.uri), ['sameTarget']);
    assert.deepEqual(related('actual', '3.3%').conflicts, [], 'one country\'s actual share is not the alliance target');
    assert.deepEqual(related('guideline', '2%').conflicts, [], 'the old guideline is not the new target');
    assert.deepEqual(related('size', '32-nation').conflicts.map((c) => c.uri), ['oldSize'], 'the same count in another year is no conflict');
  });

  it('shows the claim\'s fields in the figure card', () => {
    const hit = index.spanAt('target', docs.target.indexOf('5%'))!;
    const card = figureCard(index, hit);
    assert.match(card, /measures: defence spending, % of GDP/);
    assert.match(card, /about: NATO members · period: by 2035 · kind: target/);
    assert.match(card, /Possible conflicts\*\* — 1 other article/);
  });
});
