/**
 * What a long article's spans cost each full garbage collection of the extension host. The spans arrive
 * from the analysis workers by structured clone, every string a copy of its own; `shareStrings` keeps one
 * copy of each. Measured here: full collections (forced; the median over alternating rounds) with nothing held, with the
 * spans as deserialised, and with their strings shared. A benchmark: it prints, it does not judge.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { extract, type Span } from '../../src/core/extract';
import { StringPool } from '../../src/core/util/stringPool';
import { shareStrings } from '../../src/vscode/perf/liveBlocks';
import { splitIntoBlocks } from '../../src/vscode/perf/textBlocks';
import { median, sampleArticles } from './pipeline';

function fullCollector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/** Median of `runs` forced full collections, in ms. */
function fullCollectionMs(gc: () => void, runs = 9): number {
  for (let i = 0; i < 2; i++) gc();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    gc();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The sample articles' paragraphs, repeated to `bytes`. */
function longArticle(bytes: number): string {
  const paragraphs = sampleArticles().flatMap((a) => a.split(/\n\s*\n/)).filter((p) => p.trim().length > 0);
  const out: string[] = [];
  for (let size = 0, i = 0; size < bytes; i++) {
    const p = paragraphs[(i * 7919) % paragraphs.length];
    out.push(p);
    size += p.length + 2;
  }
  return out.join('\n\n');
}

export function runSpanMemoryBenchmark({ quick = false }: { quick?: boolean } = {}): void {
  const gc = fullCollector();
  const bytes = (quick ? 1 : 5) * 1024 * 1024;
  const blocks = splitIntoBlocks(longArticle(bytes));
  // Extracted once; each variant below holds its own deserialised copy, as the host would.
  const answers = blocks.map((b) => extract(b.text).spans);
  const spanCount = answers.reduce((n, spans) => n + spans.length, 0);
  const deserialised = (): Span[][] => answers.map((spans) => structuredClone(spans));

  const heapMB = (): number => process.memoryUsage().heapUsed / 1048576;
  const pool = new StringPool();
  const variants = {
    empty: (): Span[][] => [],
    copies: deserialised,
    shared: (): Span[][] => deserialised().map((spans) => shareStrings(spans, pool)),
  };
  // Rounds alternate the variants, so a drift of the machine or the heap over the run touches each alike.
  const times = { empty: [] as number[], copies: [] as number[], shared: [] as number[] };
  const heaps = { empty: 0, copies: 0, shared: 0 };
  for (let round = 0; round < (quick ? 3 : 7); round++) {
    for (const name of ['empty', 'copies', 'shared'] as const) {
      let held: Span[][] | undefined = variants[name]();
      times[name].push(fullCollectionMs(gc, 5));
      heaps[name] = heapMB();
      if (held.length !== (name === 'empty' ? 0 : blocks.length)) throw new Error('lost blocks');
      held = undefined;
    }
  }
  const [emptyMs, copiesMs, sharedMs] = [median(times.empty), median(times.copies), median(times.shared)];

  console.log(`${(bytes / 1048576).toFixed(0)} MB article, ${blocks.length} blocks, ${spanCount.toLocaleString('en-US')} spans; ${pool.size.toLocaleString('en-US')} distinct strings`);
  console.log(`full collection with nothing held          ${emptyMs.toFixed(1).padStart(6)} ms   heap ${heaps.empty.toFixed(0)} MB`);
  console.log(`  … spans as deserialised (baseline)       ${copiesMs.toFixed(1).padStart(6)} ms   heap ${heaps.copies.toFixed(0)} MB`);
  console.log(`  … spans with their strings shared        ${sharedMs.toFixed(1).padStart(6)} ms   heap ${heaps.shared.toFixed(0)} MB`);
  const cost = (ms: number): number => Math.max(0.1, ms - emptyMs);
  console.log(`the spans' share of a full collection: ×${(cost(copiesMs) / cost(sharedMs)).toFixed(1)} smaller with strings shared`);
}

if (require.main === module) runSpanMemoryBenchmark({ quick: process.argv.includes('--quick') });
