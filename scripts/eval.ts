/**
 * `npm run eval`: scores the extraction pipeline on the sample-article gold and the public benchmarks,
 * prints the tables, and writes them into docs/accuracy.md. Each benchmark goes through the same
 * text preparation the independent scorer uses with the CLI (see docs/accuracy.md).
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract, setDefaultNameDetector } from '../src/core/extract';
import { loadDefaultNameDetector } from '../src/cli/nameModel';
import { evaluateGold, NEWS_GOLD_DIR, NEWS_GOLD_SETS, scoreGoldSet } from './eval/gold';
import type { EvalSection } from './eval/types';
import { LEXICON_SOURCES } from './eval/lexiconSources';

interface Runner { name: string; run(): Promise<EvalSection> }

async function optional<T>(load: () => Promise<T>, what: string): Promise<T | undefined> {
  try {
    return await load();
  } catch (err) {
    if (process.env.CI === 'true') throw err;
    console.warn(`skipped ${what}: ${(err as Error).message}`);
    return undefined;
  }
}

async function main(): Promise<void> {
  const detector = await loadDefaultNameDetector();
  setDefaultNameDetector(detector);
  const spans = (text: string, date?: string) => extract(text, { published: date }).spans;
  const runners: Runner[] = [
    { name: 'gold', run: async () => evaluateGold(spans) },
    ...newsGoldSets().map((set): Runner => ({
      name: `newsgold/${set}`,
      run: async () => scoreGoldSet(spans, join(NEWS_GOLD_DIR, set), `Project news gold, ${NEWS_GOLD_SETS[set] ?? set}`),
    })),
    {
      name: 'conll', run: async () => {
        const m = await optional(() => import('./eval/conll'), 'CoNLL-2003');
        return m ? m.evaluateConll((text: string) => spans(text)) : missing('CoNLL-2003');
      },
    },
    {
      name: 'tempeval', run: async () => {
        const m = await optional(() => import('./eval/tempeval'), 'TempEval-3');
        return m ? m.evaluateTempEval((text: string, dct: string) => spans(text, dct)) : missing('TempEval-3');
      },
    },
    {
      name: 'recognizers', run: async () => {
        const m = await optional(() => import('./eval/recognizers'), 'Recognizers-Text');
        return m ? m.evaluateRecognizers((text: string) => spans(text)) : missing('Recognizers-Text');
      },
    },
    { name: 'quotes', run: async () => (await import('./eval/quotes')).evaluateQuotes() },
  ];
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const sections: EvalSection[] = [];
  for (const r of runners) {
    if (only.length && !only.includes(r.name)) continue;
    const started = Date.now();
    const section = await r.run();
    console.log(`\n## ${section.title}  (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
    console.log(section.markdown);
    sections.push(section);
  }
  if (only.length === 0 && !process.argv.includes('--no-write')) {
    const doc = [
      '# Accuracy',
      '',
      'Written by `npm run eval` (do not edit by hand). Name detector: `' + (detector?.id ?? 'rules') + '`.',
      '',
      '## How the scores are computed',
      '',
      '- **Sample-article gold** (`../shared/corpus/gold/`): a span counts when start, end and type all equal a gold span\'s; value (dates, figures) or canonical-name (names) accuracy is over those matches. The reference date is `published` when the article states it, else `anchor_date` (a month pads to the 15th, a year to 30 June). The sample articles are a test set: no rule or lexicon entry comes from them.',
      '- **Project news gold** (`test/fixtures/newsgold/<set>/`): made-up pages in the shapes of real news, labelled by hand under the sample gold\'s guidelines before the extraction was run on them; scored exactly as the sample gold. Which sets shaped rules is said in each title: a set used to shape rules is development data from then on.',
      '- **CoNLL-2003 dev** (`eng.testa`): each document as its tokens joined by single spaces, one sentence per line; PERSON→PER, ORG→ORG, PLACE→LOC, MISC→MISC; a span covering part of a token covers that token; entity-level exact match, micro P/R/F1 over PER/ORG/LOC (MISC reported).',
      '- **TempEval-3** (TBAQ-cleaned train): each document\'s `<TEXT>` without markup, its DCT as the reference date; DATE timexes only; `PRESENT_REF`/`PAST_REF`/`FUTURE_REF` left out (predictions on them count neither way); strict = identical offsets, relaxed = overlap; value accuracy over relaxed matches.',
      '- **Recognizers-Text** (English Number, Percent, Currency specs): each input as one text, no reference date; a case passes when every expected result is found as a span of the matching type with offsets `Start..End+1` and the expected value; every case counts, those the .NET original or its JavaScript port do not support included.',
      '',
      ...sections.flatMap((s) => [`## ${s.title}`, '', s.markdown]),
      '## Figures as claims',
      '',
      'What each figure of the samples measures, and every conflict flag between them, hand-checked with verdicts: [figure-claims.md](figure-claims.md) (written by hand, not by this script).',
      '',
      '## Lexicons and their sources',
      '',
      ...LEXICON_SOURCES.map((l) => `- \`${l.file}\`: ${l.source}`),
      '',
    ].join('\n');
    writeFileSync(resolve(__dirname, '..', 'docs', 'accuracy.md'), doc);
    console.log('\nwrote docs/accuracy.md');
  }
}

function newsGoldSets(): string[] {
  if (!existsSync(NEWS_GOLD_DIR)) return [];
  return readdirSync(NEWS_GOLD_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();
}

function missing(name: string): EvalSection {
  return { title: name, markdown: `_skipped: evaluator not available_\n`, metrics: {} };
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
