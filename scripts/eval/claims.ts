/**
 * Lists every figure of the sample articles with the claim read from it (subject, kind, measure, base,
 * period) and every "possible conflict" the index flags between them, as Markdown tables for the
 * hand-checked review in docs/figure-claims.md (the verdicts there are a person's, not this script's).
 *
 *   npx tsx scripts/eval/claims.ts [DIR]   (default: samples/)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { extract } from '../../src/core/extract';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { decodeClaim, describeMeasure } from '../../src/core/index/measure';

const FIGURES = new Set(['MONEY', 'PERCENT', 'QUANTITY']);
const cell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

async function main(): Promise<void> {
  const dir = resolve(process.argv[2] ?? join(__dirname, '..', '..', 'samples'));
  const detector = await loadDefaultNameDetector();
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const index = new CorpusIndex({ extract: (text, options) => extract(text, { ...options, nameDetector: detector }) });
  const texts = new Map<string, string>();
  console.log('| # | article | figure in context | subject | kind | measure | base | period |\n| --- | --- | --- | --- | --- | --- | --- | --- |');
  let n = 0;
  for (const f of files) {
    const text = readFileSync(join(dir, f), 'utf8');
    texts.set(f, text);
    index.update(f, text);
    for (const s of extract(text, { nameDetector: detector }).spans) {
      if (!FIGURES.has(s.type)) continue;
      const c = decodeClaim(describeMeasure(text, s));
      const context = `${text.slice(Math.max(0, s.start - 30), s.start)}**${s.text}**${text.slice(s.end, s.end + 40)}`;
      console.log(`| ${++n} | ${f.slice(0, 3)} | ${cell(context)} | ${cell(c.subject)} | ${c.kind ?? ''} | ${cell(c.measure)} | ${cell(c.base)} | ${cell(c.period)} |`);
    }
  }
  console.log('\n| figure | article | conflicts with | article |\n| --- | --- | --- | --- |');
  for (const f of files) {
    const text = texts.get(f)!;
    for (const s of extract(text, { nameDetector: detector }).spans) {
      if (!FIGURES.has(s.type)) continue;
      const hit = index.spanAt(f, s.start);
      if (!hit) continue;
      for (const c of index.relatedFigures(hit, { limit: 50 }).conflicts) console.log(`| ${cell(s.text)} | ${f.slice(0, 3)} | ${cell(c.text)} | ${c.uri.slice(0, 3)} |`);
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
