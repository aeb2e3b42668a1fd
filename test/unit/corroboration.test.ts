import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { copyClusters, corroborate, type SourceArticle } from '../../src/core/analysis/corroboration/corroboration';

const wire = [
  'Defence ministers from the alliance agreed on Thursday to raise their joint spending target after two days of talks in Brussels that diplomats described as difficult.',
  'The agreement commits every member to spend at least three percent of economic output on defence by the end of the decade, up from two percent today.',
  'Several smaller members had pushed for a longer transition period, arguing that their budgets could not absorb the increase without cuts to health and education.',
];

function article(uri: string, outlet: string, published: string, paragraphs: string[]): SourceArticle {
  return { uri, outlet, published, text: `Headline for ${uri}\n\n${paragraphs.join('\n\n')}\n` };
}

describe('corroboration', () => {
  const articles: SourceArticle[] = [
    article('wire.txt', 'Wire Service', '2026-03-01', wire),
    // a republication: same paragraphs, a word changed, its own sign-off
    article('daily.txt', 'Daily Post', '2026-03-02', [wire[0].replace('Thursday', 'Thursday evening'), wire[1], wire[2], 'Reporting by our correspondent; editing by the desk.']),
    article('herald.txt', 'Herald', '2026-03-02', [...wire]),
    // independent reporting of the same event
    article('gazette.txt', 'Gazette', '2026-03-01', [
      'Ministers meeting in Brussels settled on a higher spending goal, our correspondent reports, after smaller states lost a fight for more time.',
      'Officials said the new figure of three percent would be reviewed in four years, and that exceptions would be rare and temporary.',
    ]),
  ];

  it('groups republished wire copy, not independent reports', () => {
    assert.deepEqual(copyClusters(articles), [[0, 1, 2]]);
  });

  it('counts a wire story once and names the outlets that republish it', () => {
    const result = corroborate(articles, [0, 1, 2, 3], copyClusters(articles));
    assert.equal(result.independent, 2);
    assert.deepEqual(result.outlets, ['Gazette', 'Wire Service']);
    assert.deepEqual(result.republishers, ['Daily Post', 'Herald']);
    assert.equal(result.summary, 'reported by 2 outlets; 2 more republish the same wire copy');
    assert.equal(corroborate(articles, [3], copyClusters(articles)).summary, 'reported by 1 outlet');
  });

  it('never joins unrelated articles (random words), and stays quick on them', () => {
    const vocabulary = 'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigma tau upsilon'.split(' ');
    let joined = 0;
    let runs = 0;
    fc.assert(fc.property(fc.array(fc.array(fc.integer({ min: 0, max: vocabulary.length - 1 }), { minLength: 40, maxLength: 80 }), { minLength: 2, maxLength: 6 }), (docs) => {
      runs++;
      const random = docs.map((words, i) => ({ uri: `${i}.txt`, text: words.map((w) => vocabulary[w]).join(' ') + '.\n' }));
      const clusters = copyClusters(random);
      joined += clusters.length;
      // a cluster needs near-identical paragraphs: random word sequences of 20 words share few 5-shingles
      for (const g of clusters) for (const i of g) assert.ok(g.some((j) => j !== i && random[j].text === random[i].text), 'only identical random texts may join');
    }), { numRuns: 200 });
    console.log(`      ${runs} random corpora, ${joined} clusters (identical texts only)`);
  });
});
