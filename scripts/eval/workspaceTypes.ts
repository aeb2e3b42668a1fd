/**
 * The workspace-level type decision measured: every document of a set is indexed as one workspace
 * (`CorpusIndex`, the extraction pipeline), and the spans the editor would show — each name under the
 * type the workspace decided from all its mentions — are scored against the gold, next to the extractor's
 * own per-document spans. Two decisions are compared in the same run: vote counting alone (the tagger's
 * type confidence dropped from the analyses) and votes weighed by the tagger's confidence (as shipped).
 *
 *   npx tsx scripts/eval/workspaceTypes.ts [--model FILE]
 *
 * Sets: eng.testa as written / title-cased / upper-cased (216 documents each, one workspace per copy) and
 * the sample-article gold (5 articles, one workspace). Only scored, never tuned on.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { extract } from '../../src/core/extract';
import { loadNameTagger } from '../../src/core/extract/ner';
import type { NameDetector, Span } from '../../src/core/extract/types';
import { analyzeArticle, SPAN_STRIDE, SpanField } from '../../src/core/index/analysis';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { CASE_VARIANTS, devDocuments, predictedEntities, prf as conllPrf, scoreEntities, type Counts as ConllCounts } from './conll';
import { referenceFor } from './gold';
import { prf, sharedPath, type Counts } from './shared';

type Mode = 'extractor' | 'votes' | 'confidence';
const MODES: Mode[] = ['extractor', 'votes', 'confidence'];

interface Article { uri: string; text: string; published?: string }

/** The spans each mode gives every article: the extractor's, or the workspace's after indexing them all. */
function spansByMode(articles: Article[], detector: NameDetector): Record<Mode, Map<string, Span[]>> {
  const analyses = articles.map((a) => analyzeArticle(a.uri, a.text, {
    extract: (text, options) => extract(text, { ...options, nameDetector: detector }), published: a.published,
  }));
  const out = {} as Record<Mode, Map<string, Span[]>>;
  out.extractor = new Map();
  for (const a of articles) out.extractor.set(a.uri, extract(a.text, { nameDetector: detector, published: a.published }).spans);
  for (const mode of ['votes', 'confidence'] as const) {
    const index = new CorpusIndex();
    analyses.forEach((analysis, k) => {
      // vote counting alone: the packed spans without the tagger's confidence
      const packed = mode === 'votes' ? { ...analysis, spans: withoutConfidence(analysis.spans) } : analysis;
      index.addAnalysis(packed, articles[k].text);
    });
    out[mode] = new Map(articles.map((a) => [a.uri, index.spansOf(a.uri)]));
  }
  return out;
}

function withoutConfidence(spans: ArrayLike<number>): number[] {
  return Array.from(spans, (v, k) => (k % SPAN_STRIDE === SpanField.confidence ? -1 : v));
}

function conllRows(detector: NameDetector): string[] {
  const rows: string[] = [];
  for (const variant of CASE_VARIANTS) {
    const docs = devDocuments(variant);
    const articles = docs.map((d, k) => ({ uri: `conll/${variant}/${k}`, text: d.text }));
    const byMode = spansByMode(articles, detector);
    const cells: string[] = [];
    for (const mode of MODES) {
      const counts = new Map<string, ConllCounts>();
      docs.forEach((d, k) => scoreEntities(d.entities, predictedEntities(d, byMode[mode].get(articles[k].uri)!), counts));
      const total: ConllCounts = { tp: 0, fp: 0, fn: 0 };
      for (const t of ['PER', 'ORG', 'LOC']) for (const f of ['tp', 'fp', 'fn'] as const) total[f] += counts.get(t)?.[f] ?? 0;
      cells.push(`${conllPrf(total).f1.toFixed(4)} (ORG ${conllPrf(counts.get('ORG') ?? { tp: 0, fp: 0, fn: 0 }).f1.toFixed(4)})`);
    }
    rows.push(`| eng.testa ${variant} | ${cells.join(' | ')} | ${changedTypes(byMode)} |`);
  }
  return rows;
}

interface GoldFile { article: string; published: string | null; anchor_date: string | number | null; spans: { start: number; end: number; type: string }[] }

function goldRow(detector: NameDetector): string | undefined {
  const corpus = sharedPath('corpus');
  if (!corpus) return undefined;
  const files = readdirSync(join(corpus, 'gold')).filter((f) => f.endsWith('.gold.yaml')).sort();
  const golds = files.map((f) => parse(readFileSync(join(corpus, 'gold', f), 'utf8')) as GoldFile);
  const articles = golds.map((g) => ({ uri: g.article, text: readFileSync(join(corpus, 'articles', g.article), 'utf8'), published: referenceFor(g as never) }));
  const byMode = spansByMode(articles, detector);
  const names = new Set(['PERSON', 'ORG', 'PLACE']);
  const cells = MODES.map((mode) => {
    const c: Counts = { tp: 0, fp: 0, fn: 0 };
    golds.forEach((g, k) => {
      const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
      const gold = new Set(g.spans.filter((s) => names.has(s.type)).map(key));
      const predicted = new Set(byMode[mode].get(articles[k].uri)!.filter((s) => names.has(s.type)).map(key));
      for (const p of predicted) if (gold.has(p)) c.tp++; else c.fp++;
      for (const s of gold) if (!predicted.has(s)) c.fn++;
    });
    return prf(c).f1.toFixed(4);
  });
  return `| sample-article gold (PERSON+ORG+PLACE) | ${cells.join(' | ')} | ${changedTypes(byMode)} |`;
}

/** How many mentions the confidence gives another type than vote counting does, with a few examples. */
function changedTypes(byMode: Record<Mode, Map<string, Span[]>>): string {
  let changed = 0;
  const examples = new Map<string, string>();
  for (const [uri, spans] of byMode.confidence) {
    const before = new Map(byMode.votes.get(uri)!.map((s) => [`${s.start}:${s.end}`, s.type]));
    for (const s of spans) {
      const was = before.get(`${s.start}:${s.end}`);
      if (was && was !== s.type) {
        changed++;
        if (examples.size < 4) examples.set(s.text, `${s.text} ${was}→${s.type}`);
      }
    }
  }
  return `${changed}${examples.size ? ` (${[...examples.values()].join(', ')})` : ''}`;
}

function main(): void {
  const at = process.argv.indexOf('--model');
  const modelFile = at > 0 ? resolve(process.argv[at + 1]) : resolve(__dirname, '../../models/ner.model');
  const detector = loadNameTagger(readFileSync(modelFile));
  const started = Date.now();
  console.log(`model ${modelFile}`);
  console.log('| set | extractor alone | workspace, vote counting | workspace, votes weighed by confidence | mentions retyped by the confidence |');
  console.log('| --- | ---: | ---: | ---: | --- |');
  const gold = goldRow(detector);
  if (gold) console.log(gold);
  for (const row of conllRows(detector)) console.log(row);
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main();
