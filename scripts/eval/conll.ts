/**
 * CoNLL-2003 scoring through the public detector contract: each document becomes plain text (tokens
 * joined by single spaces, one sentence per line), the detector returns character spans, and a span
 * that covers part of a token covers that token. Entity-level exact match, micro P/R/F1 over
 * PER/ORG/LOC, MISC reported on its own.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EvalSection } from './types';

export const CONLL_DIR = path.resolve(__dirname, '../../../shared/benchmarks/conll2003');

export interface ConllDocument {
  /** sentences of tokens */
  sentences: string[][];
  /** IOB1 labels parallel to `sentences` */
  labels: string[][];
}

export interface GoldEntity {
  /** document-wide token indices, end exclusive */
  first: number;
  last: number;
  type: string;
}

export interface DocumentText {
  text: string;
  tokenStarts: number[];
  tokenEnds: number[];
  entities: GoldEntity[];
}

/** Reads a CoNLL file; text before the first -DOCSTART- is the first document. */
export function readConll(file: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [], labels: [] };
  let words: string[] = [];
  let tags: string[] = [];
  const endSentence = (): void => {
    if (words.length) {
      doc.sentences.push(words);
      doc.labels.push(tags);
    }
    words = [];
    tags = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (doc.sentences.length) docs.push(doc);
    doc = { sentences: [], labels: [] };
  };
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    if (line.startsWith('-DOCSTART-')) { endDocument(); continue; }
    if (line.trim() === '') { endSentence(); continue; }
    const cols = line.split(' ');
    words.push(cols[0]);
    tags.push(cols[cols.length - 1]);
  }
  endDocument();
  return docs;
}

/** The three forms of a CoNLL file the tagger is measured on: as written, every token title-cased, every token upper-cased. */
export type CaseVariant = 'cased' | 'title' | 'upper';
export const CASE_VARIANTS: CaseVariant[] = ['cased', 'title', 'upper'];

/** Small function words a headline keeps in lower case (unless first in its line). */
export const HEADLINE_SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'but', 'or', 'nor', 'for', 'of', 'on', 'at', 'to', 'by', 'in', 'as', 'vs', 'via', 'with', 'from']);

/**
 * Title case for one token: its first letter and any letter after a period or hyphen in capitals, the other
 * letters in lower case ("NATO" → "Nato", "U.S." → "U.S.", "al-Assad" → "Al-Assad"); a small function word
 * stays lower-case except at the start of its line.
 */
export function titleCaseToken(word: string, lineInitial: boolean): string {
  const lower = word.toLowerCase();
  if (!lineInitial && HEADLINE_SMALL_WORDS.has(lower)) return lower;
  let out = '';
  let up = true;
  for (const ch of lower) {
    out += up ? ch.toUpperCase() : ch;
    up = ch === '.' || ch === '-' || (!/\p{L}/u.test(ch) && ch !== "'" && ch !== '\u2019');
  }
  return out;
}

/** A copy of a document in the given casing; labels are unchanged. Characters whose case change alters their length keep their case. */
export function caseVariant(doc: ConllDocument, variant: CaseVariant): ConllDocument {
  if (variant === 'cased') return doc;
  const change = (word: string, k: number): string => {
    const out = variant === 'upper' ? word.toUpperCase() : titleCaseToken(word, k === 0);
    return out.length === word.length ? out : word;
  };
  return { sentences: doc.sentences.map((words) => words.map(change)), labels: doc.labels };
}

/** Builds the evaluation text of a document and its gold entities (IOB1 → spans). */
export function documentText(doc: ConllDocument): DocumentText {
  const tokenStarts: number[] = [];
  const tokenEnds: number[] = [];
  const entities: GoldEntity[] = [];
  const lines: string[] = [];
  let offset = 0;
  let index = 0;
  doc.sentences.forEach((words, s) => {
    let prevType = 'O';
    let open: GoldEntity | null = null;
    words.forEach((w, k) => {
      tokenStarts.push(offset + (k === 0 ? 0 : 1));
      offset += (k === 0 ? 0 : 1) + w.length;
      tokenEnds.push(offset);
      const label = doc.labels[s][k];
      const type = label === 'O' ? 'O' : label.slice(2);
      const begins = type !== 'O' && (label.startsWith('B-') || type !== prevType);
      if (open && (type === 'O' || begins)) { entities.push(open); open = null; }
      if (begins) open = { first: index, last: index + 1, type };
      else if (open) open.last = index + 1;
      prevType = type;
      index++;
    });
    if (open) entities.push(open);
    lines.push(words.join(' '));
    offset += 1; // newline
  });
  return { text: lines.join('\n'), tokenStarts, tokenEnds, entities };
}

const TYPE_MAP: Record<string, string> = { PERSON: 'PER', ORG: 'ORG', PLACE: 'LOC', MISC: 'MISC' };

/** Maps predicted character spans onto whole tokens. */
export function predictedEntities(doc: DocumentText, spans: { start: number; end: number; type: string }[]): GoldEntity[] {
  const out: GoldEntity[] = [];
  for (const span of spans) {
    const type = TYPE_MAP[span.type];
    if (!type) continue;
    let first = -1;
    let last = -1;
    for (let t = 0; t < doc.tokenStarts.length; t++) {
      if (doc.tokenEnds[t] > span.start && doc.tokenStarts[t] < span.end) {
        if (first < 0) first = t;
        last = t + 1;
      }
    }
    if (first >= 0) out.push({ first, last, type });
  }
  return out;
}

export interface Counts { tp: number; fp: number; fn: number }

export function scoreEntities(gold: GoldEntity[], predicted: GoldEntity[], counts: Map<string, Counts>): void {
  const key = (e: GoldEntity): string => `${e.first}:${e.last}:${e.type}`;
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  const bump = (type: string, field: keyof Counts): void => {
    const c = counts.get(type) ?? { tp: 0, fp: 0, fn: 0 };
    c[field]++;
    counts.set(type, c);
  };
  // two spans inside one token ("U.S." and "China" in "U.S.-China") map to the same entity: count it once
  const unique = new Map(predicted.map((e) => [key(e), e]));
  for (const [k, e] of unique) bump(e.type, goldKeys.has(k) ? 'tp' : 'fp');
  for (const e of gold) if (!predictedKeys.has(key(e))) bump(e.type, 'fn');
}

export function prf(c: Counts): { precision: number; recall: number; f1: number } {
  const precision = c.tp + c.fp ? c.tp / (c.tp + c.fp) : 0;
  const recall = c.tp + c.fn ? c.tp / (c.tp + c.fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function sum(counts: Map<string, Counts>, types: string[]): Counts {
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const t of types) {
    const c = counts.get(t);
    if (c) { total.tp += c.tp; total.fp += c.fp; total.fn += c.fn; }
  }
  return total;
}

/** Scores any detector on eng.testa (or the given documents); returns per-type and micro numbers. */
export function scoreDocuments(
  docs: DocumentText[], detect: (text: string) => { start: number; end: number; type: string }[],
): Map<string, Counts> {
  const counts = new Map<string, Counts>();
  for (const doc of docs) scoreEntities(doc.entities, predictedEntities(doc, detect(doc.text)), counts);
  return counts;
}

export function microF1(counts: Map<string, Counts>): number {
  return prf(sum(counts, ['PER', 'ORG', 'LOC'])).f1;
}

/** eng.testa in the given casing, ready for scoring. */
export function devDocuments(variant: CaseVariant = 'cased', file = path.join(CONLL_DIR, 'eng.testa')): DocumentText[] {
  return readConll(file).map((d) => documentText(caseVariant(d, variant)));
}

/** How the shipped model relates to eng.testa, from its header: held out, or seen in training. */
function modelNote(): string {
  const file = path.resolve(__dirname, '../../models/ner.model');
  if (!fs.existsSync(file)) return '';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { decodeModel } = require('../../src/core/extract/ner/modelFormat') as typeof import('../../src/core/extract/ner/modelFormat');
    const header = decodeModel(fs.readFileSync(file)).header;
    const t = header.training;
    if (t.trainedOnDev) {
      const held = t.heldOutDev as unknown as string | undefined;
      return `\n\n**The shipped model was trained on eng.train + eng.testa**, so the rows above are not held-out scores. ` +
        `The same design trained on eng.train alone (epoch chosen on eng.testa) scored on eng.testa: ${held ?? 'not recorded'}.`;
    }
    return '\n\nThe shipped model was trained on eng.train only; eng.testa chose its epoch.';
  } catch {
    return '';
  }
}

export function evaluateConll(detect: (text: string) => { start: number; end: number; type: string }[]): EvalSection {
  const title = 'CoNLL-2003 dev (eng.testa), entity-level exact match';
  const file = path.join(CONLL_DIR, 'eng.testa');
  if (!fs.existsSync(file)) {
    return { title, markdown: `_Skipped: ${file} not found (the shared benchmarks folder is absent)._`, metrics: {} };
  }
  const started = Date.now();
  const metrics: Record<string, number> = {};
  const rows: string[] = ['| type | precision | recall | F1 | gold |', '| --- | ---: | ---: | ---: | ---: |'];
  const caseRows: string[] = ['| eng.testa copy | PER | ORG | LOC | MISC | **PER+ORG+LOC (micro)** | all four |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: |'];
  let documents = 0;
  for (const variant of CASE_VARIANTS) {
    const docs = devDocuments(variant, file);
    documents = docs.length;
    const counts = scoreDocuments(docs, detect);
    const prefix = variant === 'cased' ? 'conll' : `conll.${variant}`;
    const cells: string[] = [];
    const addRow = (label: string, c: Counts, key: string): void => {
      const r = prf(c);
      metrics[`${prefix}.${key}.precision`] = r.precision;
      metrics[`${prefix}.${key}.recall`] = r.recall;
      metrics[`${prefix}.${key}.f1`] = r.f1;
      cells.push(r.f1.toFixed(4));
      if (variant === 'cased') rows.push(`| ${label} | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${c.tp + c.fn} |`);
    };
    for (const t of ['PER', 'ORG', 'LOC', 'MISC']) addRow(t, counts.get(t) ?? { tp: 0, fp: 0, fn: 0 }, t);
    addRow('**PER+ORG+LOC (micro)**', sum(counts, ['PER', 'ORG', 'LOC']), 'micro');
    addRow('all four (micro)', sum(counts, ['PER', 'ORG', 'LOC', 'MISC']), 'all4');
    metrics[`${prefix}.f1`] = metrics[`${prefix}.micro.f1`];
    const label = variant === 'cased' ? 'as written' : variant === 'title' ? 'title-cased' : 'upper-cased';
    caseRows.push(`| ${label} | ${cells.slice(0, 4).join(' | ')} | **${cells[4]}** | ${cells[5]} |`);
  }
  const seconds = (Date.now() - started) / 1000;
  metrics['conll.seconds'] = seconds;
  metrics['conll.mean3.f1'] = (metrics['conll.f1'] + metrics['conll.title.f1'] + metrics['conll.upper.f1']) / 3;
  const markdown = `${rows.join('\n')}\n\nThe same text title-cased (every token; small function words lower-case except first in a line) ` +
    `and upper-cased, F1 per type:\n\n${caseRows.join('\n')}\n\n${documents} documents per copy, ${seconds.toFixed(2)} s.${modelNote()}`;
  return { title, markdown, metrics };
}

/**
 * The raw tagger on the sample-article gold (exact start/end/type over PERSON/ORG/PLACE). The full
 * pipeline adds title stripping and coreference on top; this number shows what the tagger alone gives.
 */
function sampleGoldTable(detect: (text: string) => { start: number; end: number; type: string }[]): string {
  const corpus = path.resolve(__dirname, '../../../shared/corpus');
  const goldDir = path.join(corpus, 'gold');
  if (!fs.existsSync(goldDir)) return '_Sample-article gold not found; skipped._';
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const YAML = require('yaml') as typeof import('yaml');
  const counts = new Map<string, Counts>();
  for (const file of fs.readdirSync(goldDir).filter((f) => f.endsWith('.gold.yaml')).sort()) {
    const gold = YAML.parse(fs.readFileSync(path.join(goldDir, file), 'utf8')) as { article: string; spans: { start: number; end: number; type: string }[] };
    const text = fs.readFileSync(path.join(corpus, 'articles', gold.article), 'utf8');
    const asEntity = (s: { start: number; end: number; type: string }): GoldEntity => ({ first: s.start, last: s.end, type: s.type });
    const wanted = (s: { type: string }): boolean => s.type === 'PERSON' || s.type === 'ORG' || s.type === 'PLACE';
    scoreEntities(gold.spans.filter(wanted).map(asEntity), detect(text).filter(wanted).map(asEntity), counts);
  }
  const rows = ['| type | precision | recall | F1 | gold |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const t of ['PERSON', 'ORG', 'PLACE']) {
    const c = counts.get(t) ?? { tp: 0, fp: 0, fn: 0 };
    const r = prf(c);
    rows.push(`| ${t} | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${c.tp + c.fn} |`);
  }
  const total = sum(counts, ['PERSON', 'ORG', 'PLACE']);
  const r = prf(total);
  rows.push(`| **micro** | ${r.precision.toFixed(4)} | ${r.recall.toFixed(4)} | ${r.f1.toFixed(4)} | ${total.tp + total.fn} |`);
  return rows.join('\n');
}

if (require.main === module) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { loadNameTagger } = require('../../src/core/extract/ner/index') as typeof import('../../src/core/extract/ner/index');
  const modelFile = path.resolve(__dirname, '../../models/ner.model');
  const tagger = loadNameTagger(fs.readFileSync(modelFile));
  const section = evaluateConll((text) => tagger.detect(text));
  console.log(`## ${section.title} — trained tagger alone\n\n${section.markdown}`);
  console.log(`\n## Sample-article gold, raw tagger (exact span and type)\n\n${sampleGoldTable((text) => tagger.detect(text))}`);
}
