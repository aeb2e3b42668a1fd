import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract } from '../../src/core/extract';

/** The sample articles, the benchmark's reading material. */
export function sampleArticles(): string[] {
  const dir = resolve(__dirname, '..', '..', 'samples');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

export interface ThroughputResult {
  name: string;
  mbPerSecond: number;
  /** Median over runs of the time to process one 5 KB article. */
  msPer5kb: number;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Slices the articles into ~5 KB pieces at paragraph boundaries, so every engine sees the same inputs. */
export function fiveKbPieces(articles: string[]): string[] {
  const pieces: string[] = [];
  for (const a of articles) {
    let rest = a;
    while (rest.length > 0) {
      let cut = rest.length <= 5120 ? rest.length : rest.lastIndexOf('\n', 5120);
      if (cut <= 0) cut = Math.min(5120, rest.length);
      pieces.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
  }
  return pieces;
}

/**
 * Runs `process` over the corpus repeated to `totalBytes`, `runs` times, and reports MB/s (median run)
 * and the median per-article time scaled to 5 KB.
 */
export function measureThroughput(name: string, process: (text: string) => unknown, articles: string[], totalBytes: number, runs = 3): ThroughputResult {
  const pieces = fiveKbPieces(articles);
  const corpus: string[] = [];
  let bytes = 0;
  while (bytes < totalBytes) {
    for (const p of pieces) {
      corpus.push(p);
      bytes += Buffer.byteLength(p);
      if (bytes >= totalBytes) break;
    }
  }
  for (const p of pieces) process(p); // warm-up: JIT and lazy tables
  const mbps: number[] = [];
  const per5kb: number[] = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    for (const text of corpus) {
      const t0 = performance.now();
      process(text);
      per5kb.push(((performance.now() - t0) * 5120) / Math.max(1, text.length));
    }
    const seconds = (performance.now() - started) / 1000;
    mbps.push(bytes / 1024 / 1024 / seconds);
  }
  return { name, mbPerSecond: median(mbps), msPer5kb: median(per5kb) };
}

export function pipeline(text: string): unknown {
  return extract(text, {});
}

/**
 * Run alone (`nice -n 5 npx tsx scripts/bench/pipeline.ts [MB]`): the bench's pipeline lines only, with the
 * shipped name tagger, for comparing two checkouts run by turns.
 */
if (require.main === module) {
  void (async () => {
    const { setDefaultNameDetector } = await import('../../src/core/extract');
    const { loadDefaultNameDetector } = await import('../../src/cli/nameModel');
    setDefaultNameDetector(await loadDefaultNameDetector());
    const mb = Number(process.argv[2] ?? 10);
    const cpu = process.cpuUsage();
    const r = measureThroughput('source-annotator pipeline', pipeline, sampleArticles(), mb * 1048576);
    const used = process.cpuUsage(cpu);
    console.log(`${r.name.padEnd(40)} ${r.mbPerSecond.toFixed(2).padStart(8)} MB/s   ${r.msPer5kb.toFixed(2).padStart(8)} ms per 5 KB article (median)   ${((used.user + used.system) / 1000 / (3 * mb)).toFixed(0)} ms CPU per MB`);
  })();
}
