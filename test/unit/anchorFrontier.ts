/**
 * Measures re-anchoring over many seeds of the adversarial scripts (the suite's test runs one seed and
 * a few small ones), judging every result twice: by the judge (`judge`: the annotated words move to a
 * copy when an edit removes them and exactly one copy with the whole stored context stands elsewhere)
 * and by the judge before transfers (`judgeByProvenance`). Not part of the suite; run it with
 *
 *   nice -n 5 npx tsx test/unit/anchorFrontier.ts [--trials 5000] [--seeds 20261123,7,...] [--paths full,snapshot,live]
 *     [--framed-as-before]
 *
 * It prints, per path, the outcome counts under both judges summed over the seeds, the most
 * unnecessary orphans and the landings on other words or a copy at any one seed, and what is left at
 * the true place of the unnecessary orphans.
 */
import fc from 'fast-check';
import { createTarget } from '../../src/core/anchor/createTarget';
import { JUDGE_READING, judge, judgeByProvenance, makeTrial, PATHS, undecidable, whatIsLeft, type Trial } from './anchorAdversary';

const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};
const TRIALS = Number(argument('trials') ?? 5000);
const SEEDS = (argument('seeds') ?? '20261123,7,1234567,99,555,1,2,3,4,5').split(',').map(Number);
const SHORT: Record<string, string> = { live: 'live editor path', full: 'full re-anchor', snapshot: 'full re-anchor with the snapshot' };
const wanted = new Set((argument('paths') ?? 'full,snapshot,live').split(',').map((name) => SHORT[name] ?? name));

type Counts = Map<string, number>;
const add = (counts: Counts, key: string, by = 1): void => { counts.set(key, (counts.get(key) ?? 0) + by); };
const sorted = (counts: Counts): Record<string, number> => Object.fromEntries([...counts].sort());

JUDGE_READING.framedAsBefore = process.argv.includes('--framed-as-before');
const started = Date.now();
const trialsBySeed = SEEDS.map((seed) => ({
  seed,
  trials: fc.sample(fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })), { numRuns: TRIALS, seed }).map((s): [number, Trial] => [s, makeTrial(s)]),
}));
let transfers = 0;
let transferred = 0;
for (const { trials } of trialsBySeed) {
  for (const [, trial] of trials) {
    transfers += trial.transfers ?? 0;
    if (trial.transfers) transferred++;
  }
}
console.log(`${SEEDS.length} seeds × ${TRIALS} scripts (${SEEDS.join(', ')}): ${transferred} scripts in which the annotated words moved to a copy (${transfers} transfers)`);

for (const [name, path] of PATHS) {
  if (!wanted.has(name)) continue;
  const byJudge = { old: new Map() as Counts, new: new Map() as Counts };
  const perSeed: { seed: number; unnecessary: number; wrong: number; oldWrong: number }[] = [];
  const left: Counts = new Map();
  const wrongCases: string[] = [];
  const oldWrongWithTransfer: string[] = [];
  const newWrong: string[] = [];
  for (const { seed, trials } of trialsBySeed) {
    let unnecessary = 0;
    let wrong = 0;
    let oldWrong = 0;
    for (const [trialSeed, trial] of trials) {
      const target = createTarget(trial.original, trial.start, trial.end);
      const found = path(trial, target);
      const now = undecidable(name, trial, target, judge(trial, target, found));
      const before = undecidable(name, { ...trial, truth: trial.provenanceTruth }, target, judgeByProvenance(trial, target, found));
      add(byJudge.new, now);
      add(byJudge.old, before);
      if (now === 'orphan: unnecessary') { unnecessary++; add(left, whatIsLeft(trial, target)); }
      if (now === 'WRONG: other words' || now === 'WRONG: onto a copy of the words') wrong++;
      if (now.startsWith('WRONG')) {
        if (wrongCases.length < 12) {
          wrongCases.push(`seed ${seed} trial ${trialSeed}: ${now} (${trial.kinds.join(', ')}) quote ${JSON.stringify(target.exact)} truth ${JSON.stringify(trial.truth)} found ${JSON.stringify(found)} ${JSON.stringify(found && trial.final.slice(found.start, found.end))}`);
        }
      }
      if (now.startsWith('WRONG') && !before.startsWith('WRONG')) newWrong.push(`seed ${seed} trial ${trialSeed}: ${before} → ${now} (${trial.kinds.join(', ')})`);
      if (before === 'WRONG: other words' || before === 'WRONG: onto a copy of the words') oldWrong++;
      if (before.startsWith('WRONG')) {
        if (trial.transfers) oldWrongWithTransfer.push(`seed ${seed} trial ${trialSeed}: ${before} → ${now} (${trial.kinds.join(', ')})`);
      }
    }
    perSeed.push({ seed, unnecessary, wrong, oldWrong });
  }
  const total = SEEDS.length * TRIALS;
  const unnecessary = byJudge.new.get('orphan: unnecessary') ?? 0;
  const oldUnnecessary = byJudge.old.get('orphan: unnecessary') ?? 0;
  console.log(`\n${name}:`);
  console.log('  judge before transfers:', sorted(byJudge.old));
  console.log('  judge with transfers:  ', sorted(byJudge.new));
  console.log(`  unnecessary orphans: ${oldUnnecessary} (${(100 * oldUnnecessary / total).toFixed(2)} %) before transfers, ${unnecessary} (${(100 * unnecessary / total).toFixed(2)} %) with; most at one seed ${Math.max(...perSeed.map((s) => s.unnecessary))}`);
  console.log(`  wrong (other words or a copy, not counted apart) with transfers: ${perSeed.map((s) => s.wrong).join(' ')} per seed; before transfers: ${perSeed.map((s) => s.oldWrong).join(' ')}`);
  console.log('  unnecessary orphans by what is left at the true place:', sorted(left));
  const wrongOf = (counts: Counts): number => (counts.get('WRONG: other words') ?? 0) + (counts.get('WRONG: onto a copy of the words') ?? 0);
  console.log(`  summary | ${name} | unnecessary orphans ${unnecessary} (before transfers ${oldUnnecessary}) | wrong ${wrongOf(byJudge.new)} (before transfers ${wrongOf(byJudge.old)}) `
    + `| seeds with a wrong landing ${perSeed.filter((p) => p.wrong > 0).length} | indistinguishable copy ${byJudge.new.get('indistinguishable copy') ?? 0} (before transfers ${byJudge.old.get('indistinguishable copy') ?? 0})`);
  if (wrongCases.length > 0) console.log(`  wrong:\n    ${wrongCases.join('\n    ')}`);
  if (newWrong.length > 0) console.log(`  wrong only with transfers:\n    ${newWrong.join('\n    ')}`);
  if (oldWrongWithTransfer.length > 0) console.log(`  wrong before transfers, in scripts with a transfer:\n    ${oldWrongWithTransfer.join('\n    ')}`);
}
console.log(`\n${((Date.now() - started) / 1000).toFixed(0)} s`);
