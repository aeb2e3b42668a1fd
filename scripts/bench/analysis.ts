/**
 * Analysis views benchmark: building the quote ledger, the timeline and the connection graph over the
 * synthetic corpus (1,000 and 10,000 articles, shared with the corpus-index benchmark), beside a baseline
 * measured in the same run: one pass that reads every article's spans from the index. Then the hover-card
 * entries ("often with …", latest quotes, "Timeline of …"), p50 and p99 over names hovered where they occur.
 *
 *   npx tsx scripts/bench/analysis.ts            1,000 and 10,000 articles
 *   npx tsx scripts/bench/analysis.ts --quick    1,000 only
 *   npx tsx scripts/bench/analysis.ts --corroboration [--quick]   only corroboration on hover
 *   npx tsx scripts/bench/analysis.ts --hover [--quick]           only the hover-card entries
 *
 * The corpus is analysed once with the shipped tagger and kept as a cache file in .bench/, as the extension
 * keeps its cache; later runs load it.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
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
import { seededRandom } from './synthCorpus';
import { CopyIndex, corroborate } from '../../src/core/analysis/corroboration/corroboration';
import { corroborationAt, corroborationMarkdown, ReportIndex, type CorroborationContext } from '../../src/core/analysis/corroboration/cardLine';
import { hoverCardAt } from '../../src/core/hover/hoverCard';
import { articleMetadata } from '../../src/core/text/articleMeta';
import { QuoteIndex } from '../../src/core/analysis/corroboration/quoteReports';
import { quoteCard } from '../../src/core/hover/quoteCard';
import { SpeakerLedger, speakerRows } from '../../src/core/analysis/quotes/speakerRows';
import { quotingArticles } from '../../src/core/analysis/corroboration/quoteReports';

/**
 * What the Quotes view does to list its rows: every article's quotations read once, then only those of the
 * articles the store says changed (`trackQuotations`), kept by speaker in a `SpeakerLedger`.
 */
function quotesViewRows(index: CorpusIndex, store: AnalysisStore): () => number {
  const followed = store.trackQuotations();
  const ledger = new SpeakerLedger();
  return () => {
    ledger.apply(followed.take(), index.uris(), (uri) => store.quotes(uri));
    return ledger.rows().reduce((n, r) => n + r.quotes.length, 0);
  };
}

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

export async function runBenchmark(options: { quick?: boolean; sizes?: number[]; hoverOnly?: boolean } = {}): Promise<void> {
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
  const corroborationLines: string[] = [];
  for (const count of sizes) {
    const { index, uris, analysedSeconds } = await loadIndex(count);
    if (analysedSeconds !== undefined) console.log(`  ${count} articles analysed once with the tagger in ${analysedSeconds.toFixed(0)} s (cached for later runs)`);
    if (!options.hoverOnly) views(index, uris, count);
    await hoverEntries(index, uris, count);
  }
  if (!options.hoverOnly) {
    console.log(rows.join('\n'));
    console.log('(×: time over the baseline, measured in the same run; median of 3 runs; the edit\'s re-extraction is not counted)');
  }
  console.log(hoverRows.join('\n'));
  console.log(`(each hover right after an index change, ${HOVER_SAMPLES} names sampled where they occur; load average at the end ${loadavg().map((x) => x.toFixed(1)).join(' ')})`);
  for (const v of verdicts) console.log(v);
  for (const line of corroborationLines) console.log(line);

  function views(index: CorpusIndex, uris: string[], count: number): void {
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
    let viewOf = new WeakMap<AnalysisStore, () => number>();
    const view = (s: AnalysisStore) => {
      let rows = viewOf.get(s);
      if (!rows) viewOf.set(s, (rows = quotesViewRows(index, s)));
      return rows();
    };
    const cold = {
      quotes: fresh((s) => view(s)),
      timeline: fresh((s) => s.allDates().length),
      connections: fresh((s) => s.connections().connections.length),
    };
    // Rebuild after one article is edited: the store takes the article's old pairs out and puts the new ones in.
    const store = new AnalysisStore(index);
    viewOf = new WeakMap();
    view(store);
    store.allDates();
    store.connections();
    // the Quotes view as it was: every quotation listed again, grouped and sorted, its quotation map rebuilt
    const wholeRows = () => {
      const quotes = store.allQuotes();
      return speakerRows(quotes).length + quotingArticles(quotes).size;
    };
    wholeRows();
    let edits = 0;
    const edit = () => {
      const uri = uris[edits++ % uris.length];
      const text = `${index.textOf(uri)}\nEdited ${edits}.\n`;
      index.addAnalysis(analyzeArticle(uri, text, { extract }), text);
    };
    const wholeQuotes = time(3, wholeRows, edit);
    const warm = {
      quotes: time(3, () => view(store), edit),
      timeline: time(3, () => store.allDates().length, edit),
      connections: time(3, () => store.connections().connections.length, edit),
    };
    corroborationLines.push(...corroborationOnHover(index, uris, count));
    corroborationLines.push(quotationOnHover(index, uris, count));
    const cell = (t: { seconds: number }) => `${t.seconds.toFixed(2)} (×${(t.seconds / base.seconds).toFixed(1)})`;
    rows.push(`| ${count} | first | ${base.seconds.toFixed(2)} | ${cell(catchUp)} | ${cell(cold.quotes)} | ${cell(cold.timeline)} | ${cell(cold.connections)} |`);
    rows.push(`| ${count} | after one edit | | | ${cell(warm.quotes)} | ${cell(warm.timeline)} | ${cell(warm.connections)} |`);
    verdicts.push(`${count} articles: ${cold.quotes.result} quotations, ${cold.timeline.result} dates, ${cold.connections.result} connections.`);
    verdicts.push(`At ${count}, the Quotes view after one edit: ${warm.quotes.seconds.toFixed(3)} s kept per article, against ${wholeQuotes.seconds.toFixed(3)} s ` +
      `rebuilding its rows and quotation map from every quotation (×${(warm.quotes.seconds / wholeQuotes.seconds).toFixed(2)}), same run.`);
    store.dispose();
    if (count >= 10000) {
      const check = (label: string, s: number) => `${label} ${s.toFixed(2)} s (${s <= TARGET_SECONDS ? 'met' : 'MISSED'})`;
      verdicts.push(`At ${count}, target ≤ ${TARGET_SECONDS} s per view — ${check('store catch-up', catchUp.seconds)}; first build: ${[check('quotes', cold.quotes.seconds), check('timeline', cold.timeline.seconds), check('connections', cold.connections.seconds)].join('; ')}; ` +
        `after one edit: ${[check('quotes', warm.quotes.seconds), check('timeline', warm.timeline.seconds), check('connections', warm.connections.seconds)].join('; ')}.`);
    }
  }

  async function hoverEntries(index: CorpusIndex, uris: string[], count: number): Promise<void> {
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
    // Three stores in turn, each hovered the same way:
    // - no warm-up: each entry counts its list whatever it takes when the store does not keep it (the first
    //   hover on an entity), on a store that has caught up and counted nothing in the background;
    // - ranked at each hover: the background warm-up done, entries with their 2 ms counting budget, and every
    //   partner of the entity ranked again at each card (as before rankings were kept);
    // - kept ranking: the same, each entity's first partners kept ranked and adjusted per change.
    let warmSeconds = 0;
    let warmed = { slices: 0, longestMs: 0, lists: 0, partners: 0 };
    let ranks = { kept: 0, adjusted: 0, ranked: 0 };
    const left = { 'often with …': 0, 'latest quotes': 0 };
    const entries: Record<string, (s: { key: string; type: NameType }, st: AnalysisStore, budget: number) => unknown> = {
      'often with …': (s, st, budget) => oftenWithLine(index, st, s.key, undefined, budget),
      'latest quotes': (s, st, budget) => latestQuotesBlock(index, st, s.key, s.type, undefined, budget),
      'timeline of …': (s) => timelineLink({ name: index.displayName(s.key) }),
    };
    const modes = [
      { name: 'no warm-up', tuning: { hubCost: Infinity }, warm: false, labels: ['often with …', 'latest quotes'] },
      { name: 'ranked at each hover', tuning: { rankKeep: 0 }, warm: true, labels: ['often with …'] },
      { name: 'kept ranking', tuning: {}, warm: true, labels: Object.keys(entries) },
    ];
    const p99s: Record<string, Record<string, number>> = {};
    for (const mode of modes) {
      const last = mode === modes[modes.length - 1];
      const budget = mode.warm ? 2 : Infinity;
      const st = new AnalysisStore(index, undefined, mode.tuning);
      if (!mode.warm) st.has('');
      else {
        const warmStarted = performance.now();
        await st.idle();
        warmSeconds = (performance.now() - warmStarted) / 1000;
        warmed = { ...st.warmStats };
      }
      for (const label of mode.labels) {
        const entry = entries[label];
        const ms: number[] = [];
        for (const s of samples) {
          change();
          st.has(touched); // the store catches up with the change: one article, counted in no entry
          const t0 = performance.now();
          const shown = entry(s, st, budget);
          ms.push(performance.now() - t0);
          if (last && shown === undefined && label in left) {
            // left out: was there something to show? (asked again with all the time it needs)
            if (entry(s, st, Infinity) !== undefined) left[label as keyof typeof left]++;
          }
        }
        const p99 = percentile(ms, 99);
        (p99s[label] ??= {})[mode.name] = p99;
        const name = label === 'timeline of …' ? label : `${label} (${mode.name})`;
        hoverRows.push(`| ${count} | ${name} | ${percentile(ms, 50).toFixed(2)} | ${p99.toFixed(2)} | ${Math.max(...ms).toFixed(2)} |`);
        if (!last) continue;
        const before = Object.entries(p99s[label]).filter(([m]) => m !== mode.name);
        const ratio = before.length ? ` (${before.map(([m, b]) => `×${(p99 / b).toFixed(2)} of "${m}" ${b.toFixed(2)} ms`).join(', ')}; same run)` : '';
        const omitted = label in left ? `; left out of ${left[label as keyof typeof left]} cards that had one` : '';
        const slowest = ms.map((t, i) => [t, samples[i].key] as const).sort((a, b) => b[0] - a[0]).slice(0, 5).map(([t, key]) => `${key} ${t.toFixed(2)}`).join(', ');
        if (count >= 10000) verdicts.push(`At ${count}, hover entry "${label}": p99 ${p99.toFixed(2)} ms over ${ms.length} hovers${ratio}${omitted} (target ≤ ${HOVER_TARGET_MS} ms: ${p99 <= HOVER_TARGET_MS ? 'met' : 'MISSED'}); slowest: ${slowest}.`);
      }
      if (last) ranks = { ...st.rankStats };
      st.dispose();
    }
    verdicts.push(`At ${count}, background warm-up (catch-up, then every name resolved and the costliest lists counted and ranked): ${warmed.lists} lists counted (${warmed.partners} partners kept) ` +
      `in ${warmed.slices} slices over ${warmSeconds.toFixed(2)} s, the longest slice ${warmed.longestMs.toFixed(1)} ms wall time ` +
      `(bound 50 ms: ${warmed.longestMs <= 50 ? 'met' : 'MISSED'}; load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}); ` +
      `"often with" rankings with kept rankings: ${ranks.kept} from a kept ranking (${ranks.adjusted} adjusted for partners a change touched), ${ranks.ranked} ranked from scratch.`);
  }
}

if (require.main === module) {
  const quick = process.argv.includes('--quick');
  (process.argv.includes('--corroboration') ? runCorroborationBenchmark({ quick }) : runBenchmark({ quick, hoverOnly: process.argv.includes('--hover') })).catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}

/**
 * Corroboration on hover: fingerprinting every article for the copy index (once, then per edited article),
 * and what the corroboration line adds to a date's or a figure's hover card, beside the card itself
 * measured in the same run on the same spans (p50 / p99 over up to 2,000 spans of seeded random articles, each
 * span's time the median of three).
 */
function corroborationOnHover(index: CorpusIndex, uris: readonly string[], count: number): string[] {
  const copies = new CopyIndex();
  const context: CorroborationContext = { copies, reports: new ReportIndex(), publicationDayOf: (uri) => index.articleInfo(uri)?.reference?.iso };
  const t0 = performance.now();
  for (const uri of uris) {
    const text = index.textOf(uri)!;
    copies.set(uri, text, { outlet: articleMetadata(text).outlet, published: index.articleInfo(uri)?.published });
    context.reports.set(uri, index.spansOf(uri), index.articleInfo(uri)?.reference?.iso);
  }
  copies.settle();
  const buildSeconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  const edited = uris[0];
  copies.set(edited, `${index.textOf(edited)!}\nEdited.\n`, copies.info(edited));
  copies.settle();
  const editMs = performance.now() - t1;
  const random = seededRandom(count);
  const targets: { uri: string; start: number }[] = [];
  for (let tries = 0; targets.length < 2000 && tries < 20000; tries++) {
    const uri = uris[Math.floor(random() * uris.length)];
    const spans = index.spansOf(uri).filter((s) => s.type === 'DATE' || s.type === 'MONEY' || s.type === 'PERCENT' || s.type === 'QUANTITY');
    if (spans.length) targets.push({ uri, start: spans[Math.floor(random() * spans.length)].start });
  }
  // Each span is timed three times and its median kept: on a shared machine a single timing measures the
  // scheduler as much as the code.
  const median3 = (run: () => void, before?: () => void): number => {
    const xs: number[] = [];
    for (let r = 0; r < 3; r++) {
      before?.();
      const t = performance.now();
      run();
      xs.push(performance.now() - t);
    }
    return xs.sort((x, y) => x - y)[1];
  };
  const card: number[] = [];
  const line: number[] = [];
  const cold: number[] = [];
  let shown = 0;
  context.cache = new Map();
  for (const { uri, start } of targets) {
    card.push(median3(() => hoverCardAt(index, uri, start)));
    const hit = index.spanAt(uri, start)!;
    const found = corroborationAt(context, uri, hit.span);
    if (found) shown++;
    line.push(median3(() => {
      const c = corroborationAt(context, uri, hit.span);
      if (c) corroborationMarkdown(c);
    }));
  }
  // the first hover on each value, before anything is cached
  for (const { uri, start } of targets.slice(0, 500)) {
    const hit = index.spanAt(uri, start)!;
    cold.push(median3(() => corroborationAt(context, uri, hit.span), () => { context.cache = new Map(); }));
  }
  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const groups = copies.groupsOfCopies();
  const p99 = pct(line, 0.99);
  return [
    `Corroboration at ${count} articles: copy and report indexes built in ${buildSeconds.toFixed(2)} s (${groups.length} groups of copies, the largest ${Math.max(0, ...groups.map((g) => g.length))} articles), ` +
      `one edited article re-fingerprinted in ${editMs.toFixed(1)} ms.`,
    `  hover over ${targets.length} dates and figures (${shown} with a corroboration line): card p50 ${pct(card, 0.5).toFixed(2)} ms / p99 ${pct(card, 0.99).toFixed(2)} ms; ` +
      `corroboration adds p50 ${pct(line, 0.5).toFixed(2)} ms / p99 ${p99.toFixed(2)} ms (×${(p99 / pct(card, 0.99)).toFixed(2)} of the card's p99; target ≤ 5 ms: ${p99 <= 5 ? 'met' : 'MISSED'}); ` +
      `the first hover on a value, nothing cached: p50 ${pct(cold, 0.5).toFixed(2)} ms / p99 ${pct(cold, 0.99).toFixed(2)} ms.`,
  ];
}

/** Only the corroboration section, without building the views. */
export async function runCorroborationBenchmark(options: { quick?: boolean } = {}): Promise<void> {
  setDefaultNameDetector(await loadDefaultNameDetector());
  for (const count of options.quick ? [1000] : [1000, 10000]) {
    const { index, uris } = await loadIndex(count);
    for (const line of corroborationOnHover(index, uris, count)) console.log(line);
    console.log(quotationOnHover(index, uris, count));
  }
}

/**
 * A quotation's hover card (`quoteCard`, with its corroboration line): the quotation index built once over
 * every article's quotations, then per hover the quotation under the cursor found, the articles carrying it
 * looked up and counted, the card written; beside a mention's card in the same articles, measured in the
 * same run (each time the median of three).
 */
function quotationOnHover(index: CorpusIndex, uris: readonly string[], count: number): string {
  const store = new AnalysisStore(index);
  store.has('');
  const copies = new CopyIndex();
  for (const uri of uris) {
    const text = index.textOf(uri)!;
    copies.set(uri, text, { outlet: articleMetadata(text).outlet, published: index.articleInfo(uri)?.published });
  }
  copies.settle();
  const t0 = performance.now();
  const quotes = new QuoteIndex();
  for (const uri of uris) quotes.set(uri, store.quotes(uri));
  const buildMs = performance.now() - t0;
  const median3 = (run: () => void): number => {
    const xs: number[] = [];
    for (let r = 0; r < 3; r++) {
      const t = performance.now();
      run();
      xs.push(performance.now() - t);
    }
    return xs.sort((x, y) => x - y)[1];
  };
  const random = seededRandom(count + 1);
  const quoteMs: number[] = [];
  const cardMs: number[] = [];
  let shown = 0;
  for (let tries = 0; quoteMs.length < 2000 && tries < 20000; tries++) {
    const uri = uris[Math.floor(random() * uris.length)];
    const inArticle = store.quotes(uri);
    const spans = index.spansOf(uri);
    if (!inArticle.length || !spans.length) continue;
    const at = inArticle[Math.floor(random() * inArticle.length)].start + 1;
    let card: string | undefined;
    quoteMs.push(median3(() => {
      const quote = store.quotes(uri).find((q) => q.start <= at && at < q.end)!;
      const articles = quotes.articlesWith(quote.text);
      const c = articles.size > 1 ? corroborate(copies, articles) : undefined;
      card = quoteCard({ uri, quote, published: index.articleInfo(uri)?.published, corroboration: c?.summary ? c : undefined });
    }));
    if (card?.includes('Corroboration')) shown++;
    const start = spans[Math.floor(random() * spans.length)].start;
    cardMs.push(median3(() => hoverCardAt(index, uri, start)));
  }
  store.dispose();
  const pct = (xs: number[], p: number) => [...xs].sort((x, y) => x - y)[Math.min(xs.length - 1, Math.floor(xs.length * p))];
  const p99 = pct(quoteMs, 0.99);
  return `Quotation hover at ${count} articles: quotation index built in ${buildMs.toFixed(0)} ms; over ${quoteMs.length} quotations (${shown} with a corroboration line) ` +
    `the quotation's card takes p50 ${pct(quoteMs, 0.5).toFixed(2)} ms / p99 ${p99.toFixed(2)} ms (target ≤ 5 ms: ${p99 <= 5 ? 'met' : 'MISSED'}), ` +
    `a mention's card in the same articles p50 ${pct(cardMs, 0.5).toFixed(2)} ms / p99 ${pct(cardMs, 0.99).toFixed(2)} ms (×${(p99 / pct(cardMs, 0.99)).toFixed(2)}).`;
}
