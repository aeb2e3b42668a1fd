/**
 * Analysis views benchmark: building the quote ledger, the timeline and the connection graph over the
 * synthetic corpus (1,000 and 10,000 articles, shared with the corpus-index benchmark), beside a baseline
 * measured in the same run: one pass that only reads every article's spans from the index, the floor any
 * view over the whole workspace pays.
 *
 *   npx tsx scripts/bench/analysis.ts            1,000 and 10,000 articles
 *   npx tsx scripts/bench/analysis.ts --quick    1,000 only
 *
 * The corpus is analysed once with the shipped tagger and kept as a cache file in .bench/, as the extension
 * keeps its cache; later runs load it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract, setDefaultNameDetector } from '../../src/core/extract';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { analyzeArticle, CorpusIndex, deserializeAnalysis, isReusable, serializeAnalysis } from '../../src/core/index';
import { cacheFileEntries, cacheFileLines } from '../../src/core/index/cacheEntry';
import { contentHash } from '../../src/core/index/hash';
import { quotesOfArticle } from '../../src/core/analysis/quotes/quoteLedger';
import { buildTimeline } from '../../src/core/analysis/timeline/timeline';
import { buildConnections } from '../../src/core/analysis/connections/connections';
import { ensureCorpus } from './synthCorpus';

const WORK = join(resolve(__dirname, '..', '..'), '.bench');
const TARGET_SECONDS = 2;

async function loadIndex(count: number): Promise<{ index: CorpusIndex; uris: string[]; analysedSeconds?: number }> {
  const paths = ensureCorpus(join(WORK, `index-corpus-${count}`), count);
  const cacheFile = join(WORK, `analysis-cache-${count}.jsonl`);
  const cached = existsSync(cacheFile) ? new Map(cacheFileEntries(readFileSync(cacheFile, 'utf8'))) : new Map<string, string>();
  const index = new CorpusIndex();
  const entries: [string, string][] = [];
  let analysed = 0;
  const started = performance.now();
  index.batch(() => {
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      const line = cached.get(path);
      let analysis = line === undefined ? undefined : deserializeAnalysis(line);
      if (!analysis || !isReusable(analysis, contentHash(text))) {
        analysis = analyzeArticle(path, text, { extract });
        analysed++;
      }
      index.addAnalysis(analysis, text);
      entries.push([path, serializeAnalysis(analysis)]);
    }
  });
  if (analysed > 0) writeFileSync(cacheFile, [...cacheFileLines({ cacheVersion: 0, engine: 'analysis-bench' }, entries)].join(''));
  return { index, uris: paths, analysedSeconds: analysed > 0 ? (performance.now() - started) / 1000 : undefined };
}

/** Median wall time of `runs` runs, in seconds, and the last result. */
function time<T>(runs: number, work: () => T): { seconds: number; result: T } {
  const xs: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = work();
    xs.push((performance.now() - t0) / 1000);
  }
  return { seconds: xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)], result };
}

export async function runBenchmark(options: { quick?: boolean; sizes?: number[] } = {}): Promise<void> {
  setDefaultNameDetector(await loadDefaultNameDetector());
  const sizes = options.sizes ?? (options.quick ? [1000] : [1000, 10000]);
  const rows: string[] = [
    '| articles | baseline: read all spans (s) | quotes (s) | timeline (s) | connections (s) | quotes / dates / pairs |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  let verdict = '';
  for (const count of sizes) {
    const { index, uris, analysedSeconds } = await loadIndex(count);
    if (analysedSeconds !== undefined) console.log(`  ${count} articles analysed once with the tagger in ${analysedSeconds.toFixed(0)} s (cached for later runs)`);
    const base = time(3, () => uris.reduce((n, uri) => n + index.spansOf(uri).length, 0));
    const quotes = time(3, () => uris.reduce((n, uri) => n + quotesOfArticle(index, uri).length, 0));
    const timeline = time(3, () => buildTimeline(index, uris).length);
    const connections = time(3, () => buildConnections(index, uris).connections.length);
    rows.push(`| ${count} | ${base.seconds.toFixed(2)} | ${quotes.seconds.toFixed(2)} (×${(quotes.seconds / base.seconds).toFixed(1)}) | ` +
      `${timeline.seconds.toFixed(2)} (×${(timeline.seconds / base.seconds).toFixed(1)}) | ${connections.seconds.toFixed(2)} (×${(connections.seconds / base.seconds).toFixed(1)}) | ` +
      `${quotes.result} / ${timeline.result} / ${connections.result} |`);
    if (count >= 10000) {
      const check = (label: string, s: number) => `${label} ${s.toFixed(2)} s (${s <= TARGET_SECONDS ? 'met' : 'MISSED'})`;
      verdict = `At ${count}, target ≤ ${TARGET_SECONDS} s per view: ${[check('quotes', quotes.seconds), check('timeline', timeline.seconds), check('connections', connections.seconds)].join('; ')}.`;
    }
  }
  console.log(rows.join('\n'));
  console.log('(×: time over the baseline, measured in the same run; median of 3 runs)');
  if (verdict) console.log(verdict);
}

if (require.main === module) {
  runBenchmark({ quick: process.argv.includes('--quick') }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
