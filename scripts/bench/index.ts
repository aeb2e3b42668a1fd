/**
 * Corpus-index benchmark: cold indexing with worker threads, warm start from cache entries, hover-card and
 * reference-query latency, and heap, beside a no-index baseline (reading every file and searching it for
 * the name, as a plain text search would).
 *
 *   npx tsx scripts/bench/index.ts            1,000 and 10,000 articles
 *   npx tsx scripts/bench/index.ts --quick    1,000 only (also INDEX_BENCH_QUICK=1)
 *   npx tsx scripts/bench/index.ts --sizes=2000,5000
 *
 * `npm run bench` calls `runBenchmark({ quick })`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { ArticleAnalysis } from '../../src/core/index/analysis';
import { cacheFileEntries, cacheFileLines, deserializeAnalysis, isReusable, serializeAnalysis } from '../../src/core/index/cacheEntry';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { isNameType } from '../../src/core/index/entityKey';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { ensureCorpus, seededRandom } from './synthCorpus';

const ROOT = resolve(__dirname, '..', '..');
const WORK = join(ROOT, '.bench');

export interface IndexBenchResult {
  articles: number;
  megabytes: number;
  workers: number;
  coldSeconds: number;
  warmSeconds: number;
  hoverP50Ms: number;
  hoverP99Ms: number;
  referencesP50Ms: number;
  referencesP99Ms: number;
  heapMB: number;
  /** No-index baseline: reading and searching every file for one name. */
  textSearchMs: number;
}

const TARGETS_AT_10K = { coldSeconds: 60, warmSeconds: 3, hoverP99Ms: 20, referencesP99Ms: 50, heapMB: 500 };

// ------------------------------------------------------------------ worker pool

const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { extract, setDefaultNameDetector } from './src/core/extract';
import { analyzeArticle } from './src/core/index/analysis';
import { loadDefaultNameDetector } from './src/cli/nameModel';
(async () => {
  if (workerData.tagger) setDefaultNameDetector(await loadDefaultNameDetector());
  parentPort.on('message', (paths) => {
    parentPort.postMessage(paths.map((path) => {
      const text = readFileSync(path, 'utf8');
      return { text, analysis: analyzeArticle(pathToFileURL(path).href, text, { extract }) };
    }));
  });
  parentPort.postMessage('ready');
})();
`;

async function workerBundle(): Promise<string> {
  const outfile = join(WORK, 'indexWorker.js');
  // next to the repository root, so the name model resolves as it does for dist/cli.js
  await build({
    stdin: { contents: WORKER_SOURCE, resolveDir: ROOT, loader: 'ts', sourcefile: 'indexWorker.ts' },
    bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning',
  });
  return outfile;
}

interface Analysed {
  text: string;
  analysis: ArticleAnalysis;
}

/** Extracts `paths` on `count` worker threads, handing results to `consume` as batches arrive. */
async function analyseInWorkers(paths: string[], count: number, consume: (batch: Analysed[]) => void): Promise<void> {
  const script = await workerBundle();
  const BATCH = 25;
  let next = 0;
  await Promise.all(Array.from({ length: count }, () => new Promise<void>((done, fail) => {
    const worker = new Worker(script, { workerData: { tagger: true } });
    const feed = () => {
      if (next >= paths.length) {
        void worker.terminate().then(() => done());
        return;
      }
      worker.postMessage(paths.slice(next, next + BATCH));
      next += BATCH;
    };
    worker.on('message', (message: 'ready' | Analysed[]) => {
      if (message !== 'ready') consume(message);
      feed();
    });
    worker.on('error', fail);
  })));
}

// ------------------------------------------------------------------ measurements

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function collectGarbage(): void {
  setFlagsFromString('--expose_gc');
  (runInNewContext('gc') as () => void)();
}

function heapMB(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed / 1048576;
}

async function coldIndex(paths: string[], workers: number, cacheFile: string): Promise<{ index: CorpusIndex; seconds: number }> {
  const started = performance.now();
  const index = new CorpusIndex();
  const cacheEntries: [string, string][] = [];
  await analyseInWorkers(paths, workers, (batch) => index.batch(() => {
    for (const { text, analysis } of batch) {
      index.addAnalysis(analysis, text);
      cacheEntries.push([analysis.uri, serializeAnalysis(analysis)]);
    }
  }));
  // The extension's cache format (see IndexCache), so the warm start below reads what the extension reads.
  writeFileSync(cacheFile, [...cacheFileLines({ cacheVersion: 0, engine: 'bench' }, cacheEntries)].join(''));
  return { index, seconds: (performance.now() - started) / 1000 };
}

/** A warm start as the adapter does it: read each file, hash it, reuse its cache entry when it matches. */
async function warmIndex(paths: string[], cacheFile: string): Promise<{ index: CorpusIndex; seconds: number; reused: number }> {
  const started = performance.now();
  const entries = new Map(cacheFileEntries(readFileSync(cacheFile, 'utf8')));
  const index = new CorpusIndex();
  function* files() {
    for (const path of paths) yield { uri: pathToFileURL(path).href, text: readFileSync(path, 'utf8') };
  }
  const result = await index.indexAll(files(), {
    yieldEvery: 250,
    cached: (uri, hash) => {
      const line = entries.get(uri);
      const analysis = line === undefined ? undefined : deserializeAnalysis(line);
      return analysis && isReusable(analysis, hash) ? analysis : undefined;
    },
  });
  if (result.analysed > 0) throw new Error(`warm start re-extracted ${result.analysed} articles`);
  return { index, seconds: (performance.now() - started) / 1000, reused: result.reused };
}

function measureHovers(index: CorpusIndex, uris: string[], samples: number): number[] {
  const random = seededRandom(42);
  const times: number[] = [];
  while (times.length < samples) {
    const uri = uris[Math.floor(random() * uris.length)];
    const spans = index.spansOf(uri);
    if (!spans.length) continue;
    const span = spans[Math.floor(random() * spans.length)];
    const t0 = performance.now();
    const card = hoverCardAt(index, uri, span.start);
    times.push(performance.now() - t0);
    if (!card) throw new Error(`no hover card at ${uri}:${span.start}`);
  }
  return times;
}

/** Random entities as users meet them (weighted by mentions), plus the most mentioned ones. */
function entityKeysToQuery(index: CorpusIndex, uris: string[], count: number): string[] {
  const random = seededRandom(7);
  const keys: string[] = index.workspaceSymbols('', 10 ** 9).slice(0, 10).map((s) => s.key);
  while (keys.length < count) {
    const uri = uris[Math.floor(random() * uris.length)];
    const spans = index.spansOf(uri).filter((s) => isNameType(s.type));
    if (!spans.length) continue;
    const hit = index.spanAt(uri, spans[Math.floor(random() * spans.length)].start);
    if (hit?.key) keys.push(hit.key);
  }
  return keys;
}

function measureReferences(index: CorpusIndex, keys: string[]): number[] {
  return keys.map((key) => {
    const t0 = performance.now();
    const refs = index.references(key);
    const elapsed = performance.now() - t0;
    if (refs.length === 0) throw new Error(`no references for ${key}`);
    return elapsed;
  });
}

/** The no-index way: read every file and search it for the name. */
function textSearchMs(paths: string[], names: string[]): number {
  const times = names.map((name) => {
    const t0 = performance.now();
    let hits = 0;
    for (const path of paths) {
      const text = readFileSync(path, 'utf8');
      for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) hits++;
    }
    if (hits === 0) throw new Error(`text search found no "${name}"`);
    return performance.now() - t0;
  });
  return percentile(times, 50);
}

export async function benchmarkSize(count: number, log: (line: string) => void = console.log): Promise<IndexBenchResult> {
  const paths = ensureCorpus(join(WORK, `index-corpus-${count}`), count);
  const megabytes = paths.reduce((sum, p) => sum + readFileSync(p).length, 0) / 1048576;
  const workers = Math.max(1, Math.min(2, availableParallelism()));
  const cacheFile = join(WORK, `index-cache-${count}.jsonl`);
  log(`  ${count} articles, ${megabytes.toFixed(1)} MB: cold index on ${workers} worker threads…`);
  let cold: { index: CorpusIndex; seconds: number } | undefined = await coldIndex(paths, workers, cacheFile);
  const coldHeap = heapMB();
  const coldSeconds = cold.seconds;
  const uris = cold.index.uris();
  // release the cold index so the warm start's heap is measured on its own
  cold = undefined;
  log(`  cold ${coldSeconds.toFixed(1)} s, heap ${coldHeap.toFixed(0)} MB; warm start…`);
  const warm = await warmIndex(paths, cacheFile);
  const heap = heapMB();
  if (warm.index.size !== count) throw new Error(`warm index has ${warm.index.size} articles, expected ${count}`);
  log(`  warm ${warm.seconds.toFixed(2)} s (${warm.reused} cache entries), heap ${heap.toFixed(0)} MB; queries…`);
  const hovers = measureHovers(warm.index, uris, 2000);
  const keys = entityKeysToQuery(warm.index, uris, 300);
  const references = measureReferences(warm.index, keys);
  const names = keys.slice(0, 5).map((key) => warm.index.entityInfo(key)!.canonical);
  const search = textSearchMs(paths, names);
  return {
    articles: count, megabytes, workers, coldSeconds, warmSeconds: warm.seconds,
    hoverP50Ms: percentile(hovers, 50), hoverP99Ms: percentile(hovers, 99),
    referencesP50Ms: percentile(references, 50), referencesP99Ms: percentile(references, 99),
    heapMB: Math.max(coldHeap, heap), textSearchMs: search,
  };
}

export function formatResults(results: IndexBenchResult[]): string {
  const fmt = (n: number, digits = 1) => n.toFixed(digits);
  const lines = [
    '| articles | MB | cold (s) | warm (s) | hover p50 / p99 (ms) | references p50 / p99 (ms) | no-index text search (ms/query) | heap (MB) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...results.map((r) => `| ${r.articles} | ${fmt(r.megabytes)} | ${fmt(r.coldSeconds)} | ${fmt(r.warmSeconds, 2)} | ${fmt(r.hoverP50Ms, 2)} / ${fmt(r.hoverP99Ms, 2)} | ${fmt(r.referencesP50Ms, 2)} / ${fmt(r.referencesP99Ms, 2)} | ${fmt(r.textSearchMs, 0)} | ${fmt(r.heapMB, 0)} |`),
  ];
  const big = results.find((r) => r.articles >= 10000);
  if (big) {
    const check = (label: string, value: number, target: number, unit: string) =>
      `${label} ${value.toFixed(unit === 's' ? 1 : 2)} ${unit} (target ≤ ${target} ${unit}: ${value <= target ? 'met' : 'MISSED'})`;
    lines.push('', `At ${big.articles}: ${[
      check('cold', big.coldSeconds, TARGETS_AT_10K.coldSeconds, 's'),
      check('warm', big.warmSeconds, TARGETS_AT_10K.warmSeconds, 's'),
      check('hover p99', big.hoverP99Ms, TARGETS_AT_10K.hoverP99Ms, 'ms'),
      check('references p99', big.referencesP99Ms, TARGETS_AT_10K.referencesP99Ms, 'ms'),
      check('heap', big.heapMB, TARGETS_AT_10K.heapMB, 'MB'),
    ].join('; ')}.`);
  }
  return lines.join('\n');
}

/** Entry point for `npm run bench`. */
export async function runBenchmark(options: { quick?: boolean; sizes?: number[] } = {}): Promise<IndexBenchResult[]> {
  const sizes = options.sizes ?? (options.quick ? [1000] : [1000, 10000]);
  const results: IndexBenchResult[] = [];
  for (const size of sizes) results.push(await benchmarkSize(size));
  console.log(formatResults(results));
  const reportFile = join(WORK, 'index-bench.json');
  if (existsSync(WORK)) writeFileSync(reportFile, JSON.stringify(results, null, 2));
  return results;
}

if (require.main === module) {
  const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
  const quick = process.argv.includes('--quick') || process.env.INDEX_BENCH_QUICK === '1';
  const sizes = sizesArg ? sizesArg.slice('--sizes='.length).split(',').map(Number) : undefined;
  runBenchmark({ quick, sizes }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
