/**
 * What the well-known names (`src/core/extract/names/knownNames.ts`) change on the development gold sets, and
 * how often the change is right: the extraction runs with and without the lexicon, and every span that only
 * one of the two runs has is checked against the gold (exact start, end and type).
 * `npx tsx scripts/eval/knownNames.ts [SET…]` (default: names-dev figures-dev furniture-dev). The blind set and
 * ../shared/corpus are refused: they are scored through `npm run eval` only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { extract, setDefaultNameDetector } from '../../src/core/extract';
import { knownNameCounts, setKnownNamesEnabled } from '../../src/core/extract/names/knownNames';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { NEWS_GOLD_DIR } from './gold';

interface GoldFile {
  article: string;
  published: string | null;
  anchor_date: string | number | null;
  spans: { start: number; end: number; type: string; text: string }[];
}

const NAME_TYPES = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);

async function main(): Promise<void> {
  const sets = process.argv.slice(2);
  const chosen = sets.length ? sets : ['names-dev', 'figures-dev', 'furniture-dev'];
  if (chosen.some((s) => s === 'blind' || s.includes('/') || s.includes('.'))) {
    console.error('only the development sets under test/fixtures/newsgold (not blind) are listed here');
    process.exitCode = 2;
    return;
  }
  setDefaultNameDetector(await loadDefaultNameDetector());
  console.log('| set | names added or re-typed | right | precision | names taken away | of them right before |');
  console.log('|---|---:|---:|---:|---:|---:|');
  const listed: string[] = [];
  for (const set of chosen) {
    const dir = join(NEWS_GOLD_DIR, set);
    let added = 0;
    let addedRight = 0;
    let removed = 0;
    let removedRight = 0;
    for (const f of readdirSync(join(dir, 'gold')).filter((x) => x.endsWith('.gold.yaml')).sort()) {
      const gold = parse(readFileSync(join(dir, 'gold', f), 'utf8')) as GoldFile;
      const text = readFileSync(join(dir, 'articles', gold.article), 'utf8');
      const published = gold.published ? String(gold.published) : null;
      const key = (s: { start: number; end: number; type: string }): string => `${s.start}:${s.end}:${s.type}`;
      const run = (on: boolean): Map<string, string> => {
        setKnownNamesEnabled(on);
        const spans = extract(text, { published }).spans.filter((s) => NAME_TYPES.has(s.type));
        return new Map(spans.map((s) => [key(s), s.text]));
      };
      const without = run(false);
      const withLexicon = run(true);
      const inGold = new Set(gold.spans.map(key));
      for (const [k, surface] of withLexicon) {
        if (without.has(k)) continue;
        added++;
        if (inGold.has(k)) addedRight++;
        else listed.push(`${set}/${gold.article}\tadded, not in the gold\t${surface}\t${k}`);
      }
      for (const [k, surface] of without) {
        if (withLexicon.has(k)) continue;
        removed++;
        if (inGold.has(k)) {
          removedRight++;
          listed.push(`${set}/${gold.article}\ttaken away, in the gold\t${surface}\t${k}`);
        }
      }
    }
    const p = added ? (addedRight / added).toFixed(3) : '-';
    console.log(`| ${set} | ${added} | ${addedRight} | ${p} | ${removed} | ${removedRight} |`);
  }
  if (listed.length) console.log(`\n${listed.join('\n')}`);
  const counts = knownNameCounts();
  console.log(`\n| group | entries | forms |\n|---|---:|---:|\n${counts.map((c) => `| ${c.group} | ${c.entries} | ${c.forms} |`).join('\n')}`);
  console.log(`| **all** | ${counts.reduce((n, c) => n + c.entries, 0)} | ${counts.reduce((n, c) => n + c.forms, 0)} |`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
