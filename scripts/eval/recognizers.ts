/**
 * Scores figures against the Microsoft Recognizers-Text English specs (Number, Percent, Currency).
 * Each case's input goes through the extractor as one text. A case passes when every expected result
 * is found as a span of the matching type (Number → QUANTITY, Percent → PERCENT, Currency → MONEY)
 * with the same offsets and value; extra spans are allowed. Every case counts, including those the .NET
 * library or its JavaScript port mark as not supported (reported apart).
 *
 *   npx tsx scripts/eval/recognizers.ts [--errors] [--direct]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { EvalSection } from './types';
import { fmt, sharedPath } from './shared';

export interface FigureLike { start: number; end: number; type: string; value: unknown; unit?: string }
type Extractor = (text: string) => FigureLike[];

interface SpecResult {
  Text: string;
  TypeName: string;
  Start: number;
  End: number;
  Resolution?: { value?: string | null; unit?: string; isoCurrency?: string } | null;
}
interface SpecCase { Input: string; Results: SpecResult[]; NotSupported?: string; NotSupportedByDesign?: string }

interface Model { name: string; file: string; type: string; target: number }

const MODELS: Model[] = [
  { name: 'Number', file: 'Number_English_NumberModel.json', type: 'QUANTITY', target: 0.95 },
  { name: 'Percent', file: 'Number_English_PercentModel.json', type: 'PERCENT', target: 0.95 },
  { name: 'Currency', file: 'NumberWithUnit_English_CurrencyModel.json', type: 'MONEY', target: 0.97 },
];

/**
 * The spec's currency units without an ISO code, as ISO codes (a unit a hundredth of another carries
 * its divisor). "Franc" alone does not say whose, so any franc passes.
 */
const UNIT_CODES: Record<string, { codes: string[]; divisor: number }> = {
  Dollar: { codes: ['USD'], divisor: 1 },
  Cent: { codes: ['USD'], divisor: 100 },
  Pound: { codes: ['GBP'], divisor: 1 },
  Pence: { codes: ['GBP'], divisor: 100 },
  Penny: { codes: ['GBP'], divisor: 100 },
  Franc: { codes: ['FRF', 'CHF', 'BEF', 'XOF', 'XAF'], divisor: 1 },
  Peseta: { codes: ['ESP'], divisor: 1 },
  'Finnish markka': { codes: ['FIM'], divisor: 1 },
  'Netherlands guilder': { codes: ['NLG'], divisor: 1 },
  Rupee: { codes: ['INR'], divisor: 1 },
  Bitcoin: { codes: ['BTC'], divisor: 1 },
  Satoshi: { codes: ['BTC'], divisor: 1e8 },
  // the hundredth of the yen, the ringgit and the rupiah: "sen" alone does not say whose
  Sen: { codes: ['JPY', 'MYR', 'IDR'], divisor: 100 },
};

export interface CaseOutcome { model: string; input: string; passed: boolean; missing: string[]; jsUnsupported: boolean; dotnetUnsupported: boolean }

function numericEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

function expectedMatches(model: Model, r: SpecResult, span: FigureLike): boolean {
  const raw = r.Resolution?.value;
  if (model.name === 'Number') return typeof span.value === 'number' && raw != null && numericEqual(span.value, Number(raw));
  if (model.name === 'Percent') {
    if (raw == null || raw === 'null') return span.value === null;
    return typeof span.value === 'number' && numericEqual(span.value, Number(String(raw).replace('%', '')));
  }
  if (raw == null) return span.value === null;
  if (typeof span.value !== 'string') return false;
  const [code, amount] = span.value.split(' ');
  const iso = r.Resolution?.isoCurrency;
  const mapped = iso ? { codes: [iso], divisor: 1 } : UNIT_CODES[r.Resolution?.unit ?? ''];
  if (!mapped) return false;
  return mapped.codes.includes(code) && numericEqual(Number(amount), Number(raw) / mapped.divisor);
}

function loadCases(dir: string, model: Model): SpecCase[] {
  const raw = readFileSync(join(dir, model.file), 'utf8').replace(/^\uFEFF/, '');
  return JSON.parse(raw) as SpecCase[];
}

export function runRecognizers(extract: Extractor, dir: string): CaseOutcome[] {
  const outcomes: CaseOutcome[] = [];
  for (const model of MODELS) {
    for (const c of loadCases(dir, model)) {
      const spans = extract(c.Input).filter((s) => s.type === model.type);
      const missing: string[] = [];
      for (const r of c.Results) {
        const found = spans.find((s) => s.start === r.Start && s.end === r.End + 1 && expectedMatches(model, r, s));
        if (!found) missing.push(`${r.Text}@${r.Start}=${r.Resolution?.value ?? 'null'}${r.Resolution?.unit ? ' ' + r.Resolution.unit : ''}`);
      }
      outcomes.push({
        model: model.name, input: c.Input, passed: missing.length === 0, missing,
        jsUnsupported: /javascript/i.test(c.NotSupported ?? ''),
        dotnetUnsupported: /dotnet/i.test(c.NotSupported ?? ''),
      });
    }
  }
  return outcomes;
}

export function evaluateRecognizers(extract: Extractor): EvalSection {
  const title = 'Recognizers-Text figures (Number, Percent, Currency)';
  const dir = sharedPath('benchmarks/recognizers-text');
  if (!dir) return { title, markdown: '_skipped: ../shared/benchmarks/recognizers-text not found_\n', metrics: {} };
  const outcomes = runRecognizers(extract, dir);
  const metrics: Record<string, number> = {};
  const rows = ['| model | cases (all) | passed | rate | target | JS-unsupported passed | .NET-unsupported passed |', '| --- | --- | --- | --- | --- | --- | --- |'];
  for (const model of MODELS) {
    const mine = outcomes.filter((o) => o.model === model.name);
    const passed = mine.filter((o) => o.passed).length;
    const js = mine.filter((o) => o.jsUnsupported);
    const dotnet = mine.filter((o) => o.dotnetUnsupported);
    const rate = mine.length ? passed / mine.length : 0;
    metrics[`recognizers.${model.name.toLowerCase()}`] = rate;
    rows.push(`| ${model.name} | ${mine.length} | ${passed} | ${fmt(rate)} | ${model.target} | ${js.filter((o) => o.passed).length}/${js.length} | ${dotnet.filter((o) => o.passed).length}/${dotnet.length} |`);
  }
  return { title, markdown: rows.join('\n') + '\n', metrics };
}

async function main(): Promise<void> {
  const { extract } = await import('../../src/core/extract/extract');
  const { findFigures } = await import('../../src/core/extract/figures');
  // --direct scores the figure extractor alone, without dates and names taking over overlapping spans
  const run = process.argv.includes('--direct')
    ? (text: string): FigureLike[] => findFigures(text)
    : (text: string): FigureLike[] => extract(text, {}).spans;
  const section = evaluateRecognizers(run);
  console.log(section.markdown);
  const dir = sharedPath('benchmarks/recognizers-text');
  if (dir && process.argv.includes('--errors')) {
    for (const o of runRecognizers(run, dir).filter((x) => !x.passed)) {
      const got = run(o.input).map((s) => `${JSON.stringify(o.input.slice(s.start, s.end))}@${s.start}:${s.type}=${s.value}`).join(' ');
      console.log(`${o.model}${o.jsUnsupported ? ' (js-unsupported)' : ''}${o.dotnetUnsupported ? ' (.net-unsupported)' : ''}\t${JSON.stringify(o.input.slice(0, 120))}\n  want ${o.missing.join(' | ')}\n  got  ${got}`);
    }
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
