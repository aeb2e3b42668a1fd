// Adversarial re-anchoring: thousands of seeded edit scripts over the sample articles, judged against
// the tracked true place of the annotated words, on the live editor path (one change event per edit)
// and on the full re-anchor (one jump from the original to the final text, as after a pull).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createTarget } from '../../src/core/anchor/createTarget';
import { suggestPlaces } from '../../src/core/anchor/suggestPlaces';
import { EDIT_KINDS, full, judge, judgeByProvenance, live, makeTrial, undecidable, whatIsLeft, withSnapshot } from './anchorAdversary';

const TRIALS = Number(process.env.ANCHOR_TRIALS ?? 5000);

describe('re-anchoring under adversarial edit scripts (property-based)', function () {
  this.timeout(240000);
  const seed = fc.readConfigureGlobal().seed ?? 20261123;
  // noBias: the default integer arbitrary favours small values, and 5,000 draws gave only about 4,000 distinct scripts
  const seeds = fc.sample(fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })), { numRuns: TRIALS, seed });
  const trials = seeds.map(makeTrial);

  // Bounds as reached at the fixed seed, 5,000 trials: live no copy (the editor keeps the text before
  // each change event, so only the very text an edit removed, put back by the next event, brings an
  // annotation back; an undo, which the editor reports, puts back the removed text even where an
  // identical text is elsewhere) and 3 unnecessary orphans before transfers; the full re-anchor 0 copies with or without the
  // snapshot (at any seed, none but those `undecidable` counts apart), 1,013 and 1,026 unnecessary orphans (1,002
  // and 996 before transfers: words whose stored context changed, which without the edit history nothing
  // tells from a copy made after an edit next to them that outlived them; docs/annotations.md has the
  // breakdown and the looser rules measured, none of which stays off copies).
  // The judge moves the annotated words to a copy when an edit removed them and exactly one copy with
  // the whole stored context stood elsewhere right after (see `Script` in anchorAdversary.ts); the
  // judge before transfers never does. Each path's orphans are bounded by the judge named here: the
  // live editor path saw the edits and orphans a quote that an edit deleted, whatever copy is left
  // (that is its documented behaviour), so its orphans are judged by provenance; the full re-anchor
  // sees only the texts, so by what the texts show. Every count is printed under both.
  const paths = [
    // (The orphan bounds leave room for other seeds: up to 6 (before transfers), 1,061 and 1,092 of 5,000 at 20 seeds.)
    ['live editor path', live, { copies: 0, unnecessary: 0.003, orphansBy: 'provenance' }],
    ['full re-anchor', full, { copies: 0, unnecessary: 0.23, orphansBy: 'transfers' }],
    ['full re-anchor with the snapshot', withSnapshot, { copies: 0, unnecessary: 0.23, orphansBy: 'transfers' }],
  ] as const;
  const onTrueWords = new Map<string, number>();
  for (const [name, path, limits] of paths) {
    it(`${name}: never lands on other words or on a copy in ${TRIALS} seeded trials; unnecessary orphans bounded`, () => {
      const counts = new Map<string, number>();
      const provenanceCounts = new Map<string, number>();
      const byKind = new Map<string, Map<string, number>>();
      const unnecessaryBy = new Map<string, number>();
      const suggested = new Map<string, number>();
      const wrong: string[] = [];
      let transferred = 0;
      let copiesBeforeTransfers = 0;
      for (const trial of trials) {
        const target = createTarget(trial.original, trial.start, trial.end);
        const found = path(trial, target);
        const outcome = undecidable(name, trial, target, judge(trial, target, found));
        const byProvenance = undecidable(name, { ...trial, truth: trial.provenanceTruth }, target, judgeByProvenance(trial, target, found));
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
        provenanceCounts.set(byProvenance, (provenanceCounts.get(byProvenance) ?? 0) + 1);
        if (trial.transfers) transferred++;
        // Before transfers, a landing on a copy may differ from the judge's verdict only where the words moved to one.
        if (byProvenance === 'WRONG: onto a copy of the words' && (!trial.transfers || name === 'live editor path')) copiesBeforeTransfers++;
        if (outcome === 'orphan: unnecessary') {
          const left = whatIsLeft(trial, target);
          unnecessaryBy.set(left, (unnecessaryBy.get(left) ?? 0) + 1);
          // what the quick fix offers the analyst for it (suggestPlaces): the true words first, later, or not at all
          const offered = suggestPlaces(target, trial.final);
          const at = offered.findIndex((p) => p.start === trial.truth?.start && p.end === trial.truth?.end);
          const overlaps = offered.some((p) => trial.truth && p.start < trial.truth.end && trial.truth.start < p.end);
          const verdict = at === 0 ? 'first' : at > 0 ? 'offered later' : overlaps ? 'offered with other bounds' : 'not offered';
          suggested.set(verdict, (suggested.get(verdict) ?? 0) + 1);
        }
        for (const kind of new Set(trial.kinds)) {
          const kindCounts = byKind.get(kind) ?? new Map<string, number>();
          kindCounts.set(outcome, (kindCounts.get(outcome) ?? 0) + 1);
          byKind.set(kind, kindCounts);
        }
        if ((outcome.startsWith('WRONG') || byProvenance.startsWith('WRONG: other')) && wrong.length < 5) {
          const got = path(trial, target);
          wrong.push(JSON.stringify({ kinds: trial.kinds, quote: target.exact, truth: trial.truth,
            truthText: trial.truth && trial.final.slice(trial.truth.start, trial.truth.end), got, gotText: got && trial.final.slice(got.start, got.end) }));
        }
      }
      console.log(`      ${name}, ${TRIALS} trials (the annotated words moved to a copy in ${transferred}):`, Object.fromEntries([...counts].sort()));
      console.log('        judged before transfers:', Object.fromEntries([...provenanceCounts].sort()));
      console.log('        unnecessary orphans by what is left at the true place:', Object.fromEntries([...unnecessaryBy].sort()));
      console.log('        the true words among the places the quick fix offers for them:', Object.fromEntries([...suggested].sort()));
      for (const kind of EDIT_KINDS) console.log(`        with "${kind}":`, Object.fromEntries([...(byKind.get(kind) ?? [])].sort()));
      assert.equal(counts.get('WRONG: other words') ?? 0, 0, wrong.join('\n'));
      assert.equal(provenanceCounts.get('WRONG: other words') ?? 0, 0, wrong.join('\n'));
      // Copies: the scripts also delete or rewrite the annotated words while a copy made by an earlier
      // step survives (a paragraph pasted above, then the original deleted). Where the copy kept every
      // character of the stored context the judge counts it apart ('indistinguishable copy': the final
      // text, and the diff from the original, are what they would be had the copy been the original).
      const copies = counts.get('WRONG: onto a copy of the words') ?? 0;
      assert.ok(copies <= limits.copies * TRIALS, `${copies} landings on a copy of the annotated words\n${wrong.join('\n')}`);
      assert.equal(copiesBeforeTransfers, 0, 'landings on a copy before transfers, in scripts without one (or on the live path)');
      const unnecessary = (limits.orphansBy === 'provenance' ? provenanceCounts : counts).get('orphan: unnecessary') ?? 0;
      assert.ok(unnecessary <= limits.unnecessary * TRIALS, `${unnecessary} unnecessary orphans (judged by ${limits.orphansBy})`);
      // The orphans that need not have been: the quick fix offers their true words first for most of them
      // (at the fixed seed 900 of 1,013 on the full re-anchor; the rest mostly overlap them, an edit at an edge).
      const judgedUnnecessary = counts.get('orphan: unnecessary') ?? 0;
      if (judgedUnnecessary >= 100) assert.ok((suggested.get('first') ?? 0) >= 0.8 * judgedUnnecessary, JSON.stringify(Object.fromEntries(suggested)));
      onTrueWords.set(name, counts.get('on the true words') ?? 0);
      // The text at anchoring time only ever adds evidence: never fewer annotations on their words.
      if (name === 'full re-anchor with the snapshot') assert.ok(onTrueWords.get(name)! >= onTrueWords.get('full re-anchor')!);
    });
  }

  // Other seeds, fewer trials each: a rule tuned to one seed's scripts shows here. (10 seeds of 5,000
  // were run while developing the rules; the suite keeps a few to stay quick.)
  const otherSeeds = [7, 99, 555, 1234567].map((offset) => seed + offset);
  const OTHER_TRIALS = Math.ceil(TRIALS / 4);
  // Where the full re-anchor may still land on a copy, nothing it is given can tell: the text is byte
  // for byte the one annotated (a paragraph cut and pasted back beside an identical one), or (with the
  // earlier text) the annotated passage was one of two identical ones, both still there with all the
  // stored context, and one was moved across the other in a way the diff reads as no move at all.
  it(`every path at ${otherSeeds.length} other seeds (${OTHER_TRIALS} trials each): never on other words; the live path never on a copy; the full re-anchor only where the texts cannot tell`, () => {
    for (const [name, path] of paths) {
      const counts = new Map<string, number>();
      const wrong: string[] = [];
      const wrongBefore: string[] = [];
      for (const other of otherSeeds) {
        for (const trialSeed of fc.sample(fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })), { numRuns: OTHER_TRIALS, seed: other })) {
          const trial = makeTrial(trialSeed);
          const target = createTarget(trial.original, trial.start, trial.end);
          const found = path(trial, target);
          const outcome = undecidable(name, trial, target, judge(trial, target, found));
          counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
          if (outcome.startsWith('WRONG')) wrong.push(`seed ${other}, trial ${trialSeed}: ${outcome} (${trial.kinds.join(', ')})`);
          // Before transfers, a landing is wrong only where the words moved to a copy (the judge's reading differs only there).
          const byProvenance = undecidable(name, { ...trial, truth: trial.provenanceTruth }, target, judgeByProvenance(trial, target, found));
          if (!trial.transfers && (byProvenance === 'WRONG: other words' || byProvenance === 'WRONG: onto a copy of the words')) {
            wrongBefore.push(`seed ${other}, trial ${trialSeed}: before transfers ${byProvenance} (${trial.kinds.join(', ')})`);
          }
        }
      }
      console.log(`      ${name}, seeds ${otherSeeds.join(', ')}:`, Object.fromEntries([...counts].sort()));
      assert.equal(counts.get('WRONG: other words') ?? 0, 0, wrong.join('\n'));
      assert.equal(counts.get('WRONG: onto a copy of the words') ?? 0, 0, wrong.join('\n'));
      assert.equal(wrongBefore.length, 0, wrongBefore.join('\n'));
    }
  });
});

