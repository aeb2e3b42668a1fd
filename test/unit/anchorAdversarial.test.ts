// Adversarial re-anchoring: thousands of seeded edit scripts over the sample articles, judged against
// the tracked true place of the annotated words, on the live editor path (one change event per edit)
// and on the full re-anchor (one jump from the original to the final text, as after a pull).
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { createTarget } from '../../src/core/anchor/createTarget';
import { shiftAnchors, type AnchorMap, type LostAnchors } from '../../src/core/anchor/liveAnchors';
import { reanchor } from '../../src/core/anchor/reanchor';
import { boundaryRuns } from '../../src/core/anchor/similarity';
import { TextHistory } from '../../src/core/anchor/textHistory';
import type { AnnotationTarget } from '../../src/core/sidecar/model';
import { EDIT_KINDS, judge, makeTrial, type Outcome, type Trial } from './anchorAdversary';

const TRIALS = Number(process.env.ANCHOR_TRIALS ?? 5000);

function live(trial: Trial, target: AnnotationTarget): { start: number; end: number } | undefined {
  let anchors: AnchorMap = new Map([['a', { start: trial.start, end: trial.end }]]);
  const targets = new Map([['a', target]]);
  const lost: LostAnchors = new Map();
  let before = trial.original;
  for (const step of trial.steps) {
    const previous = before;
    anchors = shiftAnchors(anchors, [step.edit], () => step.after, targets, lost, () => previous, step.undo);
    before = step.after;
  }
  return anchors.get('a');
}

function full(trial: Trial, target: AnnotationTarget): { start: number; end: number } | undefined {
  const result = reanchor(target, trial.final);
  return result.status === 'orphan' ? undefined : { start: result.start, end: result.end };
}

/** The full re-anchor with the text the annotation was made on at hand (the editor's snapshot, git's copy). */
function withSnapshot(trial: Trial, target: AnnotationTarget): { start: number; end: number } | undefined {
  const history = new TextHistory(trial.final, (hash) => (hash === target.textHash ? trial.original : undefined));
  const result = reanchor(target, trial.final, { history });
  return result.status === 'orphan' ? undefined : { start: result.start, end: result.end };
}

describe('re-anchoring under adversarial edit scripts (property-based)', function () {
  this.timeout(240000);
  const seed = fc.readConfigureGlobal().seed ?? 20261123;
  // noBias: the default integer arbitrary favours small values, and 5,000 draws gave only about 4,000 distinct scripts
  const seeds = fc.sample(fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })), { numRuns: TRIALS, seed });
  const trials = seeds.map(makeTrial);

  // Bounds as reached at the fixed seed, 5,000 trials: live no copy (the editor keeps the text before
  // each change event, so only the very text an edit removed, put back by the next event, brings an
  // annotation back; an undo, which the editor reports, puts back the removed text even where an
  // identical text is elsewhere) and 3 unnecessary orphans; the full re-anchor 0 copies with or without the
  // snapshot (at any seed, none but those `undecidable` counts apart), 1,002 and 996 unnecessary orphans (words whose
  // stored context changed: without the edit history nothing tells them from a copy that outlived them,
  // and the diff from the snapshot reads a copy pasted before the original was deleted as the original;
  // docs/annotations.md has the breakdown and the looser rules measured).
  const paths = [
    // (The orphan bounds leave room for other seeds: up to 6, 1,045 and 1,061 of 5,000 at 20 seeds.)
    ['live editor path', live, { copies: 0, unnecessary: 0.003 }],
    ['full re-anchor', full, { copies: 0, unnecessary: 0.22 }],
    ['full re-anchor with the snapshot', withSnapshot, { copies: 0, unnecessary: 0.22 }],
  ] as const;
  const onTrueWords = new Map<string, number>();
  for (const [name, path, limits] of paths) {
    it(`${name}: never lands on other words or on a copy in ${TRIALS} seeded trials; unnecessary orphans bounded`, () => {
      const counts = new Map<string, number>();
      const byKind = new Map<string, Map<string, number>>();
      const unnecessaryBy = new Map<string, number>();
      const wrong: string[] = [];
      for (const trial of trials) {
        const target = createTarget(trial.original, trial.start, trial.end);
        const outcome = undecidable(name, trial, target, judge(trial, target, path(trial, target)));
        counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
        if (outcome === 'orphan: unnecessary') {
          const left = whatIsLeft(trial, target);
          unnecessaryBy.set(left, (unnecessaryBy.get(left) ?? 0) + 1);
        }
        for (const kind of new Set(trial.kinds)) {
          const kindCounts = byKind.get(kind) ?? new Map<string, number>();
          kindCounts.set(outcome, (kindCounts.get(outcome) ?? 0) + 1);
          byKind.set(kind, kindCounts);
        }
        if (outcome.startsWith('WRONG') && wrong.length < 5) {
          const got = path(trial, target);
          wrong.push(JSON.stringify({ kinds: trial.kinds, quote: target.exact, truth: trial.truth,
            truthText: trial.truth && trial.final.slice(trial.truth.start, trial.truth.end), got, gotText: got && trial.final.slice(got.start, got.end) }));
        }
      }
      console.log(`      ${name}, ${TRIALS} trials:`, Object.fromEntries([...counts].sort()));
      console.log('        unnecessary orphans by what is left at the true place:', Object.fromEntries([...unnecessaryBy].sort()));
      for (const kind of EDIT_KINDS) console.log(`        with "${kind}":`, Object.fromEntries([...(byKind.get(kind) ?? [])].sort()));
      assert.equal(counts.get('WRONG: other words') ?? 0, 0, wrong.join('\n'));
      // Copies: the scripts also delete or rewrite the annotated words while a copy made by an earlier
      // step survives (a paragraph pasted above, then the original deleted). Where the copy kept every
      // character of the stored context the judge counts it apart ('indistinguishable copy': the final
      // text, and the diff from the original, are what they would be had the copy been the original).
      const copies = counts.get('WRONG: onto a copy of the words') ?? 0;
      assert.ok(copies <= limits.copies * TRIALS, `${copies} landings on a copy of the annotated words\n${wrong.join('\n')}`);
      const unnecessary = counts.get('orphan: unnecessary') ?? 0;
      assert.ok(unnecessary <= limits.unnecessary * TRIALS, `${unnecessary} unnecessary orphans`);
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
      for (const other of otherSeeds) {
        for (const trialSeed of fc.sample(fc.noBias(fc.integer({ min: 0, max: 0x7fffffff })), { numRuns: OTHER_TRIALS, seed: other })) {
          const trial = makeTrial(trialSeed);
          const target = createTarget(trial.original, trial.start, trial.end);
          const outcome = undecidable(name, trial, target, judge(trial, target, path(trial, target)));
          counts.set(outcome, (counts.get(outcome) ?? 0) + 1);
          if (outcome.startsWith('WRONG')) wrong.push(`seed ${other}, trial ${trialSeed}: ${outcome} (${trial.kinds.join(', ')})`);
        }
      }
      console.log(`      ${name}, seeds ${otherSeeds.join(', ')}:`, Object.fromEntries([...counts].sort()));
      assert.equal(counts.get('WRONG: other words') ?? 0, 0, wrong.join('\n'));
      assert.equal(counts.get('WRONG: onto a copy of the words') ?? 0, 0, wrong.join('\n'));
    }
  });
});

/**
 * A landing on a copy by the full re-anchor where what it is given cannot tell, counted apart: the text
 * is byte for byte the one annotated (the stored offsets are the only answer), or, with the earlier
 * text, the annotated passage was one of two or more identical ones, all still there with their
 * whole stored context. The live path, which sees the edits, has no such excuse.
 */
function undecidable(path: string, trial: Trial, target: AnnotationTarget, outcome: Outcome): string {
  if (outcome !== 'WRONG: onto a copy of the words' || path === 'live editor path') return outcome;
  if (trial.final === trial.original) return `${outcome} (text unchanged)`;
  if (path === 'full re-anchor with the snapshot' && framedPlaces(trial.original, target) > 1 && framedPlaces(trial.final, target) > 1) {
    return `${outcome} (one of two identical passages)`;
  }
  return outcome;
}

/** What an unnecessary orphan left at the true place: the exact or edited words, and how much of their stored context. */
function whatIsLeft(trial: Trial, target: AnnotationTarget): string {
  const truth = trial.truth!;
  const runs = boundaryRuns(trial.final, truth.start, truth.end, target.prefix, target.suffix);
  const whole = Number(runs.prefix === target.prefix.length) + Number(runs.suffix === target.suffix.length);
  const sides = ['neither context side whole', 'one context side whole', 'both context sides whole'][whole];
  return `${trial.final.slice(truth.start, truth.end) === target.exact ? 'exact' : 'edited'} words, ${sides}`;
}

/** How many places in `text` hold the quote with all of its stored context. */
function framedPlaces(text: string, target: AnnotationTarget): number {
  let count = 0;
  for (let at = text.indexOf(target.exact); at >= 0; at = text.indexOf(target.exact, at + 1)) {
    if (text.slice(Math.max(0, at - target.prefix.length), at) === target.prefix
      && text.slice(at + target.exact.length, at + target.exact.length + target.suffix.length) === target.suffix) count++;
  }
  return count;
}
