import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Span, SpanType } from '../../src/core/extract/types';
import { SPAN_TYPES } from '../../src/core/extract/types';
import type { EvalSection } from './types';
import { fmt, prf, sameValue, sharedPath, type Counts } from './shared';

interface GoldFile {
  article: string;
  published: string | null;
  anchor_date: string | number | null;
  spans: { start: number; end: number; type: SpanType; text: string; value?: unknown; canonical?: string }[];
}

/** Project gold sets of made-up news pages, one folder each with `articles/` and `gold/`. */
export const NEWS_GOLD_DIR = join(__dirname, '..', '..', 'test', 'fixtures', 'newsgold');
/** What each set is and whether it shaped rules (shown in its title). */
export const NEWS_GOLD_SETS: Record<string, string> = {
  blind: 'blind (8 pages; never used to shape rules)',
  'names-dev': 'names-dev (6 pages; used to shape name rules)',
  'figures-dev': 'figures-dev (6 pages; used to shape figure and date rules)',
  'furniture-dev': 'furniture-dev (6 pages; used to shape furniture rules)',
  blind2: 'blind2 (8 pages; never used to shape rules)',
};

/** The reference date the scorer passes: `published`, else `anchor_date` (a month pads to the 15th, a year to 30 June). */
export function referenceFor(gold: GoldFile): string | undefined {
  if (gold.published) return String(gold.published);
  const a = gold.anchor_date === null || gold.anchor_date === undefined ? '' : String(gold.anchor_date);
  if (/^\d{4}-\d{2}-\d{2}$/.test(a)) return a;
  if (/^\d{4}-\d{2}$/.test(a)) return `${a}-15`;
  if (/^\d{4}$/.test(a)) return `${a}-06-30`;
  return undefined;
}

export function evaluateGold(extract: (text: string, date: string | undefined) => Span[]): EvalSection {
  const corpus = sharedPath('corpus');
  if (!corpus) return { title: 'Sample-article gold', markdown: '_skipped: ../shared/corpus not found_\n', metrics: {} };
  return scoreGoldSet(extract, corpus, 'Sample-article gold');
}

/** A mismatch between the gold and the extraction, for `scripts/eval/goldErrors.ts`. */
export interface GoldError {
  article: string;
  kind: 'missed' | 'extra' | 'value';
  type: SpanType;
  start: number;
  end: number;
  text: string;
  gold?: unknown;
  ours?: unknown;
}

/**
 * Scores one gold set: `dir/gold/NAME.gold.yaml` beside `dir/articles/NAME.txt`, in the format of
 * `../shared/corpus/gold/GUIDELINES.md`. `errors`, when given, receives every mismatch.
 */
export function scoreGoldSet(extract: (text: string, date: string | undefined) => Span[], dir: string, label: string,
  errors?: GoldError[]): EvalSection {
  const corpus = dir;
  const counts = new Map<SpanType, Counts & { valueOk: number; canonicalOk: number }>(
    SPAN_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0, valueOk: 0, canonicalOk: 0 }]),
  );
  const goldFiles = readdirSync(join(corpus, 'gold')).filter((f) => f.endsWith('.gold.yaml')).sort();
  for (const f of goldFiles) {
    const gold = parse(readFileSync(join(corpus, 'gold', f), 'utf8')) as GoldFile;
    const text = readFileSync(join(corpus, 'articles', gold.article), 'utf8');
    const predicted = extract(text, referenceFor(gold));
    const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
    const goldByKey = new Map(gold.spans.map((s) => [key(s), s]));
    const matched = new Set<string>();
    for (const p of predicted) {
      const c = counts.get(p.type)!;
      const g = goldByKey.get(key(p));
      if (!g) {
        c.fp++;
        errors?.push({ article: gold.article, kind: 'extra', type: p.type, start: p.start, end: p.end, text: p.text, ours: p.value ?? p.canonical });
        continue;
      }
      c.tp++;
      matched.add(key(p));
      const name = g.canonical !== undefined;
      if (sameValue(g.value ?? null, p.value)) c.valueOk++;
      else if (!name) errors?.push({ article: gold.article, kind: 'value', type: p.type, start: p.start, end: p.end, text: p.text, gold: g.value ?? null, ours: p.value ?? null });
      if (name && g.canonical === p.canonical) c.canonicalOk++;
      else if (name) errors?.push({ article: gold.article, kind: 'value', type: p.type, start: p.start, end: p.end, text: p.text, gold: g.canonical, ours: p.canonical });
    }
    for (const g of gold.spans) {
      if (matched.has(key(g))) continue;
      counts.get(g.type)!.fn++;
      errors?.push({ article: gold.article, kind: 'missed', type: g.type, start: g.start, end: g.end, text: g.text, gold: g.value ?? g.canonical });
    }
  }
  const rows: string[] = ['| type | P | R | F1 | value / canonical accuracy | gold |', '|---|---|---|---|---|---|'];
  const metrics: Record<string, number> = {};
  const total: Counts = { tp: 0, fp: 0, fn: 0 };
  const names: Counts = { tp: 0, fp: 0, fn: 0 };
  for (const [type, c] of counts) {
    const { p, r, f1 } = prf(c);
    const isName = type === 'PERSON' || type === 'ORG' || type === 'PLACE' || type === 'MISC';
    const acc = c.tp === 0 ? NaN : (isName ? c.canonicalOk : c.valueOk) / c.tp;
    rows.push(`| ${type} | ${fmt(p)} | ${fmt(r)} | ${fmt(f1)} | ${fmt(acc)} | ${c.tp + c.fn} |`);
    metrics[`${type}.f1`] = f1;
    metrics[`${type}.valueAccuracy`] = acc;
    for (const k of ['tp', 'fp', 'fn'] as const) {
      total[k] += c[k];
      if (type === 'PERSON' || type === 'ORG' || type === 'PLACE') names[k] += c[k];
    }
  }
  const all = prf(total);
  const ppl = prf(names);
  rows.push(`| **all** | ${fmt(all.p)} | ${fmt(all.r)} | **${fmt(all.f1)}** | | ${total.tp + total.fn} |`);
  rows.push(`| PERSON+ORG+PLACE | ${fmt(ppl.p)} | ${fmt(ppl.r)} | ${fmt(ppl.f1)} | | ${names.tp + names.fn} |`);
  metrics['overall.f1'] = all.f1;
  metrics['names.f1'] = ppl.f1;
  return {
    title: `${label} (${goldFiles.length} articles, exact start/end/type)`,
    markdown: rows.join('\n') + '\n',
    metrics,
  };
}
