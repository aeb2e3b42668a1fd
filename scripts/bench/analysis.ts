/**
 * Analysis views benchmark: building the quote ledger, the timeline and the connection graph over the
 * synthetic corpus (1,000 and 10,000 articles, shared with the corpus-index benchmark), beside a baseline
 * measured in the same run: one pass that reads every article's spans from the index. Then the hover-card
 * entries ("often with …", latest quotes, "Timeline of …"), p50 and p99 over names hovered where they occur.
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
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { latestQuotesBlock, oftenWithLine, timelineLink } from '../../src/core/hover/analysisEntries';
import type { NameType } from '../../src/core/extract/types';
import { ensureCorpus } from './synthCorpus';

const WORK = join(resolve(__dirname, '..', '..'), '.bench');
const TARGET_SECONDS = 2;

export async function loadIndex(count: number): Promise<{ index: CorpusIndex; uris: string[]; analysedSeconds?: number }> {
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

/** Median wall time of `runs` runs (each after an untimed `before`), in seconds, and the last result. */
function time<T>(runs: number, work: () => T, before?: () => void): { seconds: number; result: T } {
  const xs: number[] = [];
  let result!: T;
  for (let i = 0; i < runs; i++) {
    before?.();
    const t0 = performance.now();
    result = work();
    xs.push((performance.now() - t0) / 1000);
  }
  return { seconds: xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)], result };
}

/** The p-th percentile (0–100) of `xs`, in milliseconds. */
function percentile(xs: number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

const HOVER_SAMPLES = 400;
const HOVER_TARGET_MS = 5;

export async function runBenchmark(options: { quick?: boolean; sizes?: number[] } = {}): Promise<void> {
  setDefaultNameDetector(await loadDefaultNameDetector());
  const sizes = options.sizes ?? (options.quick ? [1000] : [1000, 10000]);
  const rows: string[] = [
    '| articles | build | baseline: read all spans (s) | store catch-up (s) | quotes (s) | timeline (s) | connections (s) |',
    '|---:|---|---:|---:|---:|---:|---:|',
  ];
  const hoverRows: string[] = [
    '| articles | hover entry | p50 (ms) | p99 (ms) | max (ms) |',
    '|---:|---|---:|---:|---:|',
  ];
  const verdicts: string[] = [];
  for (const count of sizes) {
    const { index, uris, analysedSeconds } = await loadIndex(count);
    if (analysedSeconds !== undefined) console.log(`  ${count} articles analysed once with the tagger in ${analysedSeconds.toFixed(0)} s (cached for later runs)`);
    const base = time(3, () => uris.reduce((n, uri) => n + index.spansOf(uri).length, 0));
    // The store catching up with the index: every article's precomputed views read, its pairs counted
    // (in the editor this runs in the background while articles are indexed).
    const catchUp = time(3, () => {
      const store = new AnalysisStore(index);
      store.has('');
      store.dispose();
      return 0;
    });
    // First build of each view: a fresh store that has caught up (untimed); names resolved, dates read for the first time.
    const fresh = <T>(work: (store: AnalysisStore) => T): { seconds: number; result: T } => {
      let store!: AnalysisStore;
      return time(3, () => work(store), () => {
        store?.dispose();
        store = new AnalysisStore(index);
        store.has('');
      });
    };
    const cold = {
      quotes: fresh((s) => s.allQuotes().length),
      timeline: fresh((s) => s.allDates().length),
      connections: fresh((s) => s.connections().connections.length),
    };
    // Rebuild after one article is edited: the store takes the article's old pairs out and puts the new ones in.
    const store = new AnalysisStore(index);
    store.allQuotes();
    store.allDates();
    store.connections();
    let edits = 0;
    const edit = () => {
      const uri = uris[edits++ % uris.length];
      const text = `${index.textOf(uri)}\nEdited ${edits}.\n`;
      index.addAnalysis(analyzeArticle(uri, text, { extract }), text);
    };
    const warm = {
      quotes: time(3, () => store.allQuotes().length, edit),
      timeline: time(3, () => store.allDates().length, edit),
      connections: time(3, () => store.connections().connections.length, edit),
    };
    const cell = (t: { seconds: number }) => `${t.seconds.toFixed(2)} (×${(t.seconds / base.seconds).toFixed(1)})`;
    rows.push(`| ${count} | first | ${base.seconds.toFixed(2)} | ${cell(catchUp)} | ${cell(cold.quotes)} | ${cell(cold.timeline)} | ${cell(cold.connections)} |`);
    rows.push(`| ${count} | after one edit | | | ${cell(warm.quotes)} | ${cell(warm.timeline)} | ${cell(warm.connections)} |`);
    verdicts.push(`${count} articles: ${cold.quotes.result} quotations, ${cold.timeline.result} dates, ${cold.connections.result} connections.`);

    // Hover-card entries: names hovered where they occur (so frequent entities are hovered often), each
    // right after an index change (an article re-added), when nothing about the entity is memoized.
    const samples: { key: string; type: NameType }[] = [];
    for (let i = 0; samples.length < HOVER_SAMPLES && i < uris.length * 4; i++) {
      const uri = uris[(i * 7919) % uris.length];
      const spans = index.spansOf(uri).filter((s) => s.type === 'PERSON' || s.type === 'ORG' || s.type === 'PLACE' || s.type === 'MISC');
      if (spans.length === 0) continue;
      const hit = index.spanAt(uri, spans[(i * 31) % spans.length].start);
      if (hit?.key) samples.push({ key: hit.key, type: hit.span.type as NameType });
    }
    const touched = uris[0];
    const touchedText = index.textOf(touched)!;
    const touchedAnalysis = analyzeArticle(touched, touchedText, { extract });
    const change = () => index.addAnalysis(touchedAnalysis, touchedText);
    const entries: Record<string, (s: { key: string; type: NameType }) => unknown> = {
      'often with …': (s) => oftenWithLine(index, store, s.key),
      'latest quotes': (s) => latestQuotesBlock(index, store, s.key, s.type),
      'timeline of …': (s) => timelineLink({ name: index.displayName(s.key) }),
    };
    for (const [label, entry] of Object.entries(entries)) {
      const ms: number[] = [];
      for (const s of samples) {
        change();
        store.has(touched); // the store catches up with the change: one article, counted in no entry
        const t0 = performance.now();
        entry(s);
        ms.push(performance.now() - t0);
      }
      const p99 = percentile(ms, 99);
      hoverRows.push(`| ${count} | ${label} | ${percentile(ms, 50).toFixed(2)} | ${p99.toFixed(2)} | ${Math.max(...ms).toFixed(2)} |`);
      if (count >= 10000) verdicts.push(`At ${count}, hover entry "${label}": p99 ${p99.toFixed(2)} ms over ${ms.length} hovers (target ≤ ${HOVER_TARGET_MS} ms: ${p99 <= HOVER_TARGET_MS ? 'met' : 'MISSED'}).`);
    }
    store.dispose();
    if (count >= 10000) {
      const check = (label: string, s: number) => `${label} ${s.toFixed(2)} s (${s <= TARGET_SECONDS ? 'met' : 'MISSED'})`;
      verdicts.push(`At ${count}, target ≤ ${TARGET_SECONDS} s per view — ${check('store catch-up', catchUp.seconds)}; first build: ${[check('quotes', cold.quotes.seconds), check('timeline', cold.timeline.seconds), check('connections', cold.connections.seconds)].join('; ')}; ` +
        `after one edit: ${[check('quotes', warm.quotes.seconds), check('timeline', warm.timeline.seconds), check('connections', warm.connections.seconds)].join('; ')}.`);
    }
  }
  console.log(rows.join('\n'));
  console.log('(×: time over the baseline, measured in the same run; median of 3 runs; the edit\'s re-extraction is not counted)');
  console.log(hoverRows.join('\n'));
  console.log(`(each hover right after an index change, ${HOVER_SAMPLES} names sampled where they occur)`);
  for (const v of verdicts) console.log(v);
}

if (require.main === module) {
  runBenchmark({ quick: process.argv.includes('--quick') }).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
