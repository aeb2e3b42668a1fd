// The bounded diff behind re-anchoring through the text at anchoring time: equal runs are equal,
// edits far from a range leave it where the diff says, repeats next to it make it ambiguous, and a
// diff of two 1 MB articles stays well under a second.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { diffTexts, mapRange, type EqualRun } from '../../src/core/anchor/textDiff';
import { seededRandom } from '../../src/core/util/seededRandom';

function checkRuns(before: string, after: string, runs: readonly EqualRun[]): void {
  let lastBefore = 0;
  let lastAfter = 0;
  for (const run of runs) {
    assert.ok(run.before >= lastBefore && run.after >= lastAfter, 'runs in order');
    assert.equal(before.slice(run.before, run.before + run.length), after.slice(run.after, run.after + run.length));
    lastBefore = run.before + run.length;
    lastAfter = run.after + run.length;
  }
}

describe('text diff for re-anchoring', () => {
  it('finds equal runs that are equal and keep everything one edit left alone (property)', () => {
    const samples = readdirSync(join(__dirname, '..', '..', 'samples')).filter((f) => f.endsWith('.txt')).sort()
      .map((f) => readFileSync(join(__dirname, '..', '..', 'samples', f), 'utf8'));
    let checked = 0;
    fc.assert(fc.property(fc.nat(), fc.nat(), fc.nat(80), fc.string({ maxLength: 40 }), (which, at, length, inserted) => {
      const before = samples[which % samples.length];
      const start = at % before.length;
      const end = Math.min(before.length, start + length);
      const after = before.slice(0, start) + inserted + before.slice(end);
      const runs = diffTexts(before, after);
      assert.ok(runs);
      checkRuns(before, after, runs);
      const matched = runs.reduce((sum, run) => sum + run.length, 0);
      // At least everything outside the edit is matched.
      assert.ok(matched >= before.length - (end - start), `${matched} of ${before.length - (end - start)} matched`);
      checked++;
    }), { numRuns: 300 });
    console.log(`      ${checked} single edits diffed`);
  });

  it('maps a range through edits around it, through an edit inside it, and not at all when it was deleted', () => {
    const before = 'Alpha beta gamma. The quick brown fox jumps. Delta epsilon.';
    const start = before.indexOf('quick brown');
    const end = start + 'quick brown'.length;
    const moved = 'New opening words. ' + before.replace('Delta', 'Zeta');
    assert.deepEqual(mapRange(diffTexts(before, moved)!, before, moved, start, end),
      { kind: 'equal', start: moved.indexOf('quick brown'), end: moved.indexOf('quick brown') + 11 });
    const edited = before.replace('quick brown', 'quick red');
    const mapped = mapRange(diffTexts(before, edited)!, before, edited, start, end);
    assert.equal(mapped.kind, 'edited');
    assert.ok('start' in mapped && edited.slice(mapped.start, mapped.end) === 'quick red');
    const deleted = before.replace('The quick brown fox jumps. ', '');
    assert.deepEqual(mapRange(diffTexts(before, deleted)!, before, deleted, start, end), { kind: 'deleted' });
  });

  it('calls a range ambiguous when an identical neighbour was inserted next to it', () => {
    const before = 'One. Investment is up by tens of billions. Two.';
    const start = before.indexOf('tens of');
    const after = before.replace('billions.', 'billions. Investment is up by tens of billions.');
    assert.deepEqual(mapRange(diffTexts(before, after)!, before, after, start, start + 7), { kind: 'ambiguous' });
  });

  it('diffs two 1 MB articles with scattered edits in well under a second, and gives up on unrelated texts within the budget', () => {
    const rnd = seededRandom(20261204);
    const lines: string[] = [];
    for (let i = 0, size = 0; size < 1_000_000; i++) {
      lines.push(`Paragraph ${i}: ${Array.from({ length: 12 }, () => Math.floor(rnd() * 1e6).toString(36)).join(' ')}.\n`);
      size += lines[i].length;
    }
    const before = lines.join('');
    const edited = [...lines];
    for (let k = 0; k < 200; k++) {
      const i = Math.floor(rnd() * edited.length);
      edited[i] = rnd() < 0.5 ? edited[i].replace(/ (\w+)/, ' changed') : '';
    }
    const after = edited.join('');
    let started = process.hrtime.bigint();
    const runs = diffTexts(before, after);
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(runs);
    checkRuns(before, after, runs);
    started = process.hrtime.bigint();
    const unrelated = diffTexts(before, [...lines].reverse().join(''));
    const giveUpMs = Number(process.hrtime.bigint() - started) / 1e6;
    console.log(`      1 MB, 200 edited paragraphs: ${ms.toFixed(0)} ms; unrelated 1 MB texts: ${unrelated ? 'diffed' : 'gave up'} in ${giveUpMs.toFixed(0)} ms`);
    // Generous for a busy shared machine; typical runs are far below (printed above).
    assert.ok(ms < 3000 && giveUpMs < 3000);
  });
});
