/**
 * `npm run bench`: speed of the extraction engine beside baselines measured in the same run.
 * Prints ratios, never pass/fail: tests check behaviour, benchmarks measure.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import nlp from 'compromise';
import { setDefaultNameDetector } from '../src/core/extract';
import { loadDefaultNameDetector } from '../src/cli/nameModel';
import { RuleNameDetector } from '../src/core/extract/names/ruleDetector';
import { tokenize } from '../src/core/text/tokenize';
import { runBadInputBenchmark } from './bench/badInput';
import { benchNer } from './bench/ner';
import { measureThroughput, pipeline, sampleArticles } from './bench/pipeline';
import { runSpanMemoryBenchmark } from './bench/spanMemory';

const fmtInt = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Tokens per CPU second of the rule-based detector on the sample articles, the same measure as the tagger's. */
function benchRuleDetector(minSeconds: number): number {
  const detector = new RuleNameDetector();
  const texts = sampleArticles();
  const perPass = texts.reduce((n, t) => n + tokenize(t).length, 0);
  for (const t of texts) detector.detect(t);
  let tokens = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  while ((performance.now() - started) / 1000 < minSeconds) {
    for (const t of texts) detector.detect(t);
    tokens += perPass;
  }
  const used = process.cpuUsage(cpu);
  return tokens / ((used.user + used.system) / 1e6);
}

const TEN_MB = 10 * 1024 * 1024;
const quick = process.argv.includes('--quick');

function compromiseOnly(text: string): unknown {
  const doc = nlp(text);
  return [doc.people().json(), doc.organizations().json(), doc.places().json(), doc.numbers().json(), doc.money().json(), doc.percentages().json()];
}

function coldLoadMs(): { engine: number; bare: number } {
  const cli = resolve(__dirname, '..', 'dist', 'cli.js');
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'sa-bench-'));
  const file = join(dir, 'tiny.txt');
  writeFileSync(file, 'NATO ministers met in Brussels on Thursday.\n');
  const time = (args: string[]): number => {
    const xs: number[] = [];
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now();
      execFileSync(process.execPath, args, { stdio: 'pipe' });
      xs.push(performance.now() - t0);
    }
    return xs.sort((a, b) => a - b)[2];
  };
  return { engine: time([cli, 'extract', '--json', file]), bare: time(['-e', '']) };
}

async function main(): Promise<void> {
  const articles = sampleArticles();
  setDefaultNameDetector(await loadDefaultNameDetector());
  const total = quick ? TEN_MB / 10 : TEN_MB;
  console.log(`# Extraction pipeline (${articles.length} sample articles in ~5 KB pieces, repeated to ${(total / 1048576).toFixed(0)} MB)`);
  const ours = measureThroughput('source-annotator pipeline', pipeline, articles, total);
  // compromise is ~100× slower: measure it on a tenth of the volume so the run stays short.
  const base = measureThroughput('compromise-only pipeline (baseline)', compromiseOnly, articles, total / 10, 1);
  for (const r of [ours, base]) console.log(`${r.name.padEnd(40)} ${r.mbPerSecond.toFixed(2).padStart(8)} MB/s   ${r.msPer5kb.toFixed(2).padStart(8)} ms per 5 KB article (median)`);
  console.log(`speed-up over baseline: ×${(ours.mbPerSecond / base.mbPerSecond).toFixed(1)} throughput, ×${(base.msPer5kb / ours.msPer5kb).toFixed(1)} per article`);
  console.log(`targets: ≤ 5 ms per 5 KB article (${ours.msPer5kb <= 5 ? 'met' : 'MISSED'}), ≥ 1 MB/s (${ours.mbPerSecond >= 1 ? 'met' : 'MISSED'}), faster than baseline (${ours.mbPerSecond > base.mbPerSecond ? 'met' : 'MISSED'})`);
  const cold = coldLoadMs();
  console.log(`cold start of the CLI on a one-line article: ${cold.engine.toFixed(0)} ms (bare node: ${cold.bare.toFixed(0)} ms; engine load + run: ${(cold.engine - cold.bare).toFixed(0)} ms)`);

  console.log('\n# Hostile input: how the time grows with one long line from 1 to 4 MB (fastest of the runs)');
  runBadInputBenchmark({ quick });

  console.log('\n# Name detection: trained tagger beside the rule-based detector');
  const tagger = benchNer(quick ? 1 : 3);
  const rules = benchRuleDetector(quick ? 1 : 3);
  console.log(`trained tagger      ${fmtInt(tagger.tokensPerSecond).padStart(10)} tokens/s (CPU)  load ${tagger.loadMs.toFixed(0)} ms (${tagger.loadCpuMs.toFixed(0)} ms CPU)  model memory ${tagger.heapMB.toFixed(1)} MB  artifact ${tagger.modelMB.toFixed(2)} MB`);
  console.log(`rule-based detector ${fmtInt(rules).padStart(10)} tokens/s (CPU)`);
  console.log(`tagger / rules speed ratio: ×${(tagger.tokensPerSecond / rules).toFixed(2)}; targets: ≥ 250,000 tokens/s (${tagger.tokensPerSecond >= 250000 ? 'met' : 'MISSED'}), load ≤ 150 ms (${tagger.loadMs <= 150 ? 'met' : 'MISSED'}), ≤ 100 MB (${tagger.heapMB <= 100 ? 'met' : 'MISSED'})`);

  console.log('\n# A long article\'s spans in memory: cost to each full garbage collection');
  runSpanMemoryBenchmark({ quick });

  for (const [file, label] of [['./bench/index', 'Corpus index'], ['./bench/editor', 'Editor responsiveness'], ['./bench/analysis', 'Analysis views (quotes, timeline, connections)']] as const) {
    const mod = await import(file).catch(() => undefined);
    if (!mod?.runBenchmark) { console.log(`\n# ${label}: benchmark not available`); continue; }
    console.log(`\n# ${label}`);
    await mod.runBenchmark({ quick });
  }
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
