/**
 * Quote-attribution accuracy on the project's own gold (`test/fixtures/quotes/`: short news-style articles
 * written for this purpose, none from ../shared/corpus). Runs the same code as `source-annotator quotes`, and
 * a naive baseline in the same run: every span between quotation marks, given the nearest name in its
 * paragraph.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadAnalysisCorpus } from '../../src/cli/analysisCorpus';
import { quotesOfArticle } from '../../src/core/analysis/quotes/quoteLedger';
import { paragraphsOf } from '../../src/core/analysis/textUnits';
import { normalizeName } from '../../src/core/index';
import type { CorpusIndex } from '../../src/core/index';
import type { EvalSection } from './types';
import { fmt, prf, type Counts } from './shared';

export const QUOTE_GOLD_DIR = resolve(__dirname, '..', '..', 'test', 'fixtures', 'quotes');

interface GoldQuote { quote: string; speaker: string | null }
interface Predicted { text: string; speaker: string | null }

export interface QuoteScores {
  quotes: Counts;
  attribution: Counts;
  /** Gold quotes found but given another speaker: file, quote, expected, got. */
  wrong: string[];
}

const sameSpeaker = (a: string | null, b: string | null): boolean =>
  a === null || b === null ? a === b : normalizeName(a) === normalizeName(b);

/** A predicted quote matches a gold one when their texts (between the marks, trimmed) are equal. */
export function scoreQuotes(gold: Record<string, GoldQuote[]>, predicted: Record<string, Predicted[]>): QuoteScores {
  const quotes: Counts = { tp: 0, fp: 0, fn: 0 };
  const attribution: Counts = { tp: 0, fp: 0, fn: 0 };
  const wrong: string[] = [];
  for (const [file, goldQuotes] of Object.entries(gold)) {
    const left = [...(predicted[file] ?? [])];
    for (const g of goldQuotes) {
      const i = left.findIndex((p) => p.text.trim() === g.quote);
      if (i < 0) { quotes.fn++; attribution.fn++; continue; }
      const [p] = left.splice(i, 1);
      quotes.tp++;
      if (sameSpeaker(p.speaker, g.speaker)) attribution.tp++;
      else {
        attribution.fp++;
        attribution.fn++;
        wrong.push(`${file}: "${g.quote.slice(0, 40)}…" expected ${g.speaker ?? 'null'}, got ${p.speaker ?? 'null'}`);
      }
    }
    quotes.fp += left.length;
    attribution.fp += left.length;
    for (const p of left) wrong.push(`${file}: "${p.text.slice(0, 40)}…" is not a quotation in the gold (speaker ${p.speaker ?? 'null'})`);
  }
  return { quotes, attribution, wrong };
}

/** The naive baseline: every span between quotation marks, attributed to the nearest name in its paragraph. */
export function baselineQuotes(index: CorpusIndex, uri: string): Predicted[] {
  const text = index.textOf(uri) ?? '';
  const names = index.spansOf(uri).filter((s) => s.type === 'PERSON' || s.type === 'ORG');
  const out: Predicted[] = [];
  for (const p of paragraphsOf(text)) {
    const para = text.slice(p.start, p.end);
    for (const m of para.matchAll(/["\u201c]([^"\u201c\u201d]+)["\u201d]/gu)) {
      const start = p.start + m.index + 1;
      const end = start + m[1].length;
      let best: { d: number; name: string } | undefined;
      for (const n of names) {
        if (n.end <= p.start || n.start >= p.end || (n.start >= start && n.end <= end)) continue;
        const d = n.end <= start ? start - n.end : n.start - end;
        if (!best || d < best.d) best = { d, name: n.canonical ?? n.text };
      }
      out.push({ text: m[1].trim(), speaker: best?.name ?? null });
    }
  }
  return out;
}

async function scoreSet(dir: string): Promise<{ gold: Record<string, GoldQuote[]>; ours: QuoteScores; naive: QuoteScores }> {
  const gold = (JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as { files: Record<string, GoldQuote[]> }).files;
  const corpus = await loadAnalysisCorpus(Object.keys(gold).map((f) => join(dir, f)));
  const ledger: Record<string, Predicted[]> = {};
  const baseline: Record<string, Predicted[]> = {};
  for (const f of Object.keys(gold)) {
    const uri = join(dir, f);
    ledger[f] = quotesOfArticle(corpus.index, uri);
    baseline[f] = baselineQuotes(corpus.index, uri);
  }
  return { gold, ours: scoreQuotes(gold, ledger), naive: scoreQuotes(gold, baseline) };
}

export async function evaluateQuotes(): Promise<EvalSection> {
  const sets = [
    { name: 'development', dir: QUOTE_GOLD_DIR, ...(await scoreSet(QUOTE_GOLD_DIR)) },
    { name: 'held-out', dir: join(QUOTE_GOLD_DIR, 'heldout'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout'))) },
    { name: 'held-out, real-page shapes', dir: join(QUOTE_GOLD_DIR, 'heldout2'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout2'))) },
    { name: 'held-out, third set', dir: join(QUOTE_GOLD_DIR, 'heldout3'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout3'))) },
    { name: 'held-out, fourth set', dir: join(QUOTE_GOLD_DIR, 'heldout4'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout4'))) },
    { name: 'held-out, fifth set', dir: join(QUOTE_GOLD_DIR, 'heldout5'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout5'))) },
    { name: 'held-out, sixth set', dir: join(QUOTE_GOLD_DIR, 'heldout6'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout6'))) },
    { name: 'held-out, seventh set', dir: join(QUOTE_GOLD_DIR, 'heldout7'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout7'))) },
    { name: 'held-out, eighth set (untouched)', dir: join(QUOTE_GOLD_DIR, 'heldout8'), ...(await scoreSet(join(QUOTE_GOLD_DIR, 'heldout8'))) },
  ];
  const row = (name: string, s: QuoteScores): string => {
    const q = prf(s.quotes);
    const a = prf(s.attribution);
    return `| ${name} | ${fmt(q.p)} | ${fmt(q.r)} | ${fmt(a.p)} | ${fmt(a.r)} | ${fmt(a.f1)} |`;
  };
  const count = (gold: Record<string, GoldQuote[]>) => `${Object.keys(gold).length} articles, ${Object.values(gold).reduce((n, l) => n + l.length, 0)} quotations`;
  const markdown = [
    'Gold: short news-style articles written for this project (`test/fixtures/quotes/`; none from ../shared/corpus). The development set (' + count(sets[0].gold) + ') was used to shape the rules; the held-out set (`heldout/`, ' + count(sets[1].gold) + ') was written afterwards and never used to tune them; the second held-out set (`heldout2/`, ' + count(sets[2].gold) + ') is in the shapes of real pages (wire copy, broadcast interviews, company statements, page furniture, court and sports reporting) and was written later still, without looking at the rules (its errors then prompted two rules: a capitalised pronoun as subject, and the gender of a pronoun); the third (`heldout3/`, ' + count(sets[3].gold) + ') was written after those rules. Scored once untouched (speaker F1 0.885), its errors prompted two more (a paragraph that is one quotation goes on with the speaker before it; a name followed by "told analysts" speaks, it does not qualify the analysts). The fourth (`heldout4/`, ' + count(sets[4].gold) + ': role nouns for people named before, nested quotations, court exchanges, organisations speaking through statements), scored once untouched at speaker F1 0.766, prompted role nouns ("the minister said": the person last given that title; "the club wrote": the organisation opening a sentence just before). The fifth (`heldout5/`, ' + count(sets[5].gold) + ': names with particles and accents, posts on social networks, a speaker returning), scored once untouched at 0.789, prompted two more (a surname is the nearest full name before it that ends so, and a word inside a long name such as "Lula" is that name; a name after a verb of its own, as in `"theft" and said Russia would`, does not take the quotation). The sixth (`heldout6/`, ' + count(sets[6].gold) + ': the commonest shapes of news copy, written to estimate the score on unseen articles), scored once untouched at speaker P/R 0.944/0.895 (F1 0.919), prompted two more (a name ending in an organisation head noun such as "King\'s Fund" is an organisation; the subject before several asides set off by commas). The seventh (`heldout7/`, ' + count(sets[7].gold) + ': ordinary news shapes), scored once untouched at 0.813, prompted one more (an apposition that is a name after a role: "the charity\'s chief executive, Polly Neate, said"); its remaining error, a brand the tagger missed ("easyJet") after a short description ("Budget carrier easyJet"), prompted brands in camel case and a description before the organisation that "the airline" refers to. The eighth (`heldout8/`, ' + count(sets[8].gold) + ': ordinary news shapes) was written after all of these rules and has never been used to change anything. Each set after its first score is development data: the independent score is the held-out set kept outside the project. A quotation matches when its text between the marks is the gold\'s; an attribution is right when the quotation matches and its speaker is the gold\'s canonical name (or both are null). Scored through the code of `source-annotator quotes --json`; the baseline (every span between quotation marks, given the nearest name in its paragraph) runs in the same pass.',
    '',
    '| set / system | quote P | quote R | speaker P | speaker R | speaker F1 |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...sets.flatMap((s) => [row(`${s.name}: quote ledger`, s.ours), row(`${s.name}: baseline`, s.naive)]),
    '',
    ...sets.map((s) => {
      const a = prf(s.ours.attribution).f1;
      const b = prf(s.naive.attribution).f1;
      return `Speaker F1 against the baseline, ${s.name}: ×${b > 0 ? (a / b).toFixed(2) : '–'}.`;
    }),
    '',
    ...sets.flatMap((s) => (s.ours.wrong.length ? [`Errors (${s.name}):`, '', ...s.ours.wrong.map((w) => `- ${w}`), ''] : [])),
  ].join('\n');
  const metrics: Record<string, number> = {};
  for (const s of sets) {
    const a = prf(s.ours.attribution);
    metrics[`quotes.${s.name}.speakerPrecision`] = a.p;
    metrics[`quotes.${s.name}.speakerRecall`] = a.r;
    metrics[`quotes.${s.name}.baselineF1`] = prf(s.naive.attribution).f1;
  }
  return { title: 'Quote attribution (project gold)', markdown, metrics };
}
