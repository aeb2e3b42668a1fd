/**
 * Lists every mismatch between a gold set and the extraction: spans missed, spans extra, and wrong
 * values or canonical names. `npx tsx scripts/eval/goldErrors.ts DIR [--type T]`, where DIR holds
 * `articles/` and `gold/` (a set under `test/fixtures/newsgold/`). The sample articles of `../shared/corpus` are a
 * test set: for them it prints the scores only, never their errors, so no rule is shaped on them.
 */
import { extract, setDefaultNameDetector } from '../../src/core/extract';
import { loadDefaultNameDetector } from '../../src/cli/nameModel';
import { realpathSync } from 'node:fs';
import { scoreGoldSet, type GoldError } from './gold';
import { sharedPath } from './shared';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  const typeAt = args.indexOf('--type');
  const only = typeAt >= 0 ? args[typeAt + 1] : undefined;
  if (!dir) {
    console.error('usage: npx tsx scripts/eval/goldErrors.ts DIR [--type T]');
    process.exitCode = 2;
    return;
  }
  const corpus = sharedPath('corpus');
  const testSet = corpus !== undefined && realpathSync(dir) === realpathSync(corpus);
  setDefaultNameDetector(await loadDefaultNameDetector());
  const errors: GoldError[] = [];
  const section = scoreGoldSet((text, date) => extract(text, { published: date }).spans, dir, dir, errors);
  if (testSet) console.log('the sample articles are a test set: scores only, no errors listed');
  for (const e of testSet ? [] : errors) {
    if (only && e.type !== only) continue;
    const what = e.kind === 'value' ? `gold ${JSON.stringify(e.gold)} ours ${JSON.stringify(e.ours)}`
      : e.kind === 'missed' ? `gold ${JSON.stringify(e.gold ?? null)}` : `ours ${JSON.stringify(e.ours ?? null)}`;
    console.log(`${e.article}\t${e.kind}\t${e.type}\t${e.start}-${e.end}\t${JSON.stringify(e.text)}\t${what}`);
  }
  console.log(`\n${section.markdown}`);
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exitCode = 1;
});
