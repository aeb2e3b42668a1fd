/**
 * Speed and memory of the trained name tagger: load time of models/ner.model, tagging throughput
 * on CoNLL-2003 eng.testa text (or the sample articles when the benchmarks folder is absent), and
 * the memory the loaded model holds (JS heap plus typed-array buffers).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadNameTagger } from '../../src/core/extract/ner/index';
import { tokenize } from '../../src/core/text/tokenize';
import { CONLL_DIR, documentText, readConll } from '../eval/conll';

export interface NerBench {
  /** Tokens per second of this process's CPU time: on a shared machine wall time measures the neighbours. */
  tokensPerSecond: number;
  /** Tokens per wall-clock second, for reference. */
  wallTokensPerSecond: number;
  loadMs: number;
  /** CPU time of the load: on a busy shared machine the wall time mostly measures waiting for a core. */
  loadCpuMs: number;
  heapMB: number;
  modelMB: number;
}

const MODEL_FILE = path.resolve(__dirname, '../../models/ner.model');

function benchTexts(): string[] {
  const dev = path.join(CONLL_DIR, 'eng.testa');
  if (fs.existsSync(dev)) return readConll(dev).map((d) => documentText(d).text);
  const samples = path.resolve(__dirname, '../../samples');
  return fs.readdirSync(samples).filter((f) => /\.(txt|md)$/.test(f)).map((f) => fs.readFileSync(path.join(samples, f), 'utf8'));
}

function memoryNow(): number {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc) gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

/** Benchmarks the shipped model, or another model file (`npx tsx scripts/bench/ner.ts FILE`). */
export function benchNer(minSeconds = 2, modelFile = MODEL_FILE): NerBench {
  const bytes = fs.readFileSync(modelFile);
  const before = memoryNow();
  const loadStarted = process.hrtime.bigint();
  const loadCpu = process.cpuUsage();
  const tagger = loadNameTagger(bytes);
  const loadCpuUsed = process.cpuUsage(loadCpu);
  const loadMs = Number(process.hrtime.bigint() - loadStarted) / 1e6;
  const loadCpuMs = (loadCpuUsed.user + loadCpuUsed.system) / 1e3;
  const heapMB = (memoryNow() - before) / 1e6;
  const texts = benchTexts();
  const tokensPerPass = texts.reduce((n, t) => n + tokenize(t).length, 0);
  for (const t of texts.slice(0, 20)) tagger.detect(t); // warm-up for the JIT
  let tokens = 0;
  const cpuStarted = process.cpuUsage();
  const started = process.hrtime.bigint();
  let elapsed = 0;
  while (elapsed < minSeconds) {
    for (const t of texts) tagger.detect(t);
    tokens += tokensPerPass;
    elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  }
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return { tokensPerSecond: tokens / cpuSeconds, wallTokensPerSecond: tokens / elapsed, loadMs, loadCpuMs, heapMB, modelMB: bytes.length / 1e6 };
}

if (require.main === module) {
  const r = benchNer(2, process.argv[2] ? path.resolve(process.argv[2]) : MODEL_FILE);
  console.log(`ner-tagger: ${Math.round(r.tokensPerSecond).toLocaleString('en-US')} tokens per CPU second (${Math.round(r.wallTokensPerSecond).toLocaleString('en-US')} per wall second), load ${r.loadMs.toFixed(1)} ms (${r.loadCpuMs.toFixed(1)} ms CPU), ` +
    `model memory ${r.heapMB.toFixed(1)} MB, artifact ${r.modelMB.toFixed(2)} MB`);
}
