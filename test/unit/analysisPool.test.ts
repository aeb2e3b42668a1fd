import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { extract } from '../../src/core/extract';
import { loadNameTagger } from '../../src/core/extract/ner';
import { analyzeArticle } from '../../src/core/index/analysis';
import { AnalysisPool } from '../../src/node/analysisPool';

const ROOT = resolve(__dirname, '..', '..');

describe('analysis worker pool', function () {
  this.timeout(60000);
  let script: string;
  let pool: AnalysisPool | undefined;

  before(async () => {
    script = join(mkdtempSync(join(tmpdir(), 'sa-pool-')), 'analysisWorker.js');
    await build({ entryPoints: [join(ROOT, 'src/node/analysisWorker.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: script, logLevel: 'warning' });
  });

  after(() => pool?.dispose());

  it('returns exactly the in-process analysis, from several workers at once', async () => {
    const model = readFileSync(join(ROOT, 'models', 'ner.model'));
    pool = AnalysisPool.create(script, 2, model);
    assert.ok(pool);
    const texts = ['Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt', 'Hegseth Not Expected to Attend NATO Defence Ministers Meeting.txt', 'Hegseth Warns NATO Allies Over Reliance on America.txt']
      .map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
    const detector = loadNameTagger(model);
    const results = await Promise.all(texts.map((t, i) => pool!.analyze(`file:///a${i}.txt`, t, { published: '2026-02-12' })));
    texts.forEach((t, i) => {
      const local = analyzeArticle(`file:///a${i}.txt`, t, { published: '2026-02-12', extract: (x, o) => extract(x, { ...o, nameDetector: detector }) });
      assert.deepEqual(results[i], local);
    });
  });

  it('queues blocks wanted now behind other blocks, never behind a whole article', async () => {
    pool?.dispose();
    pool = AnalysisPool.create(script, 2);
    assert.ok(pool);
    const article = readFileSync(join(ROOT, 'samples', 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt'), 'utf8');
    const blocks = article.split(/\n\s*\n/).slice(0, 3);
    const first = pool.analyze('file:///first.txt', article, {});
    const nowWhileOneAnalyses = pool.extractTextsNow([blocks[0]], {});
    const nowBehindABlock = pool.extractTextsNow([blocks[1]], {});
    assert.ok(nowWhileOneAnalyses && nowBehindABlock, 'the worker with only blocks queued takes them');
    const second = pool.analyze('file:///second.txt', article, {});
    assert.equal(pool.extractTextsNow([blocks[2]], {}), undefined, 'both workers are analysing an article');
    const answers = await Promise.all([nowWhileOneAnalyses, nowBehindABlock]);
    assert.deepEqual(answers, [[extract(blocks[0]).spans], [extract(blocks[1]).spans]]);
    await Promise.all([first, second]);
    assert.ok(pool.extractTextsNow([blocks[2]], {}), 'a worker is free again');
  });

  it('sends blocks to a worker that is not analysing a whole article, not round-robin behind one', async () => {
    pool?.dispose();
    pool = AnalysisPool.create(script, 2);
    assert.ok(pool);
    const sample = readFileSync(join(ROOT, 'samples', 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt'), 'utf8');
    const large = Array.from({ length: Math.ceil(1_500_000 / sample.length) }, () => sample).join('\n\n');
    const order: string[] = [];
    const article = pool.analyze('file:///large.txt', large, {}).then(() => order.push('article'));
    await pool.analyze('file:///small.txt', sample, {});
    // Round-robin would now pick the worker busy with the large article.
    const block = pool.extractTexts([sample.slice(0, 400)], {}).then((answer) => { order.push('block'); return answer; });
    assert.deepEqual(await block, [extract(sample.slice(0, 400)).spans]);
    await article;
    assert.deepEqual(order, ['block', 'article']);
  });

  it('extracts with the registry of each request, sent to a worker only when it changes', async () => {
    pool?.dispose();
    pool = AnalysisPool.create(script, 1);
    assert.ok(pool);
    const text = 'Analysts at Blue Harbor Partners met the ministry on Monday.';
    const partners = (spans: { text: string; type: string; canonical?: string }[]) => spans.filter((s) => s.text === 'Blue Harbor Partners');
    const registry = { entities: [{ canonical: 'Blue Harbor Partners LLC', type: 'ORG' as const, aliases: ['Blue Harbor Partners'] }], ignore: [] };
    const renamed = { entities: [{ canonical: 'BHP Advisory', type: 'ORG' as const, aliases: ['Blue Harbor Partners'] }], ignore: [] };
    const [withRegistry, again, changed, without] = await Promise.all([
      pool.extractTexts([text], { registry }),
      pool.extractTexts([text], { registry }),
      pool.extractTexts([text], { registry: renamed }),
      pool.extractTexts([text], {}),
    ]);
    for (const [answer, reg] of [[withRegistry, registry], [again, registry], [changed, renamed], [without, undefined]] as const) {
      assert.deepEqual(answer, [extract(text, { registry: reg }).spans]);
    }
    assert.equal(partners(withRegistry[0])[0]?.canonical, 'Blue Harbor Partners LLC');
    assert.equal(partners(changed[0])[0]?.canonical, 'BHP Advisory');
    assert.ok(!['Blue Harbor Partners LLC', 'BHP Advisory'].includes(partners(without[0])[0]?.canonical ?? ''), 'no registry, no registry name');
  });

  it('is not created without its worker script, so callers fall back to in-process analysis', () => {
    assert.equal(AnalysisPool.create(join(tmpdir(), 'no-such-worker.js'), 2), undefined);
  });
});
