import { strict as assert } from 'node:assert';
import type { Span } from '../../src/core/extract';
import { BlockBackfill, type BackfillSources } from '../../src/vscode/perf/blockBackfill';
import { LiveBlocks } from '../../src/vscode/perf/liveBlocks';

const limits = { min: 40, max: 160 };
// About 200 KB: more than two worker batches.
const text = Array.from({ length: 5000 }, (_, n) => `Paragraph ${n} names NATO in Brussels.\n\n`).join('');
const natoSpans = (t: string): Span[] => [...t.matchAll(/NATO/g)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + 4, type: 'ORG', text: 'NATO', value: null }));

/** Worker requests that the test answers (or fails) by hand. */
function manualWorkers() {
  const requests: { texts: string[]; answer: () => void; fail: () => void }[] = [];
  const workers = (texts: string[]) => new Promise<Span[][]>((resolve, reject) => {
    requests.push({ texts, answer: () => resolve(texts.map(natoSpans)), fail: () => reject(new Error('worker died')) });
  });
  return { requests, workers };
}

/** Resolves once the backfill reports the whole document done. */
function completion(live: LiveBlocks, sources: BackfillSources): { backfill: BlockBackfill; done: Promise<void>; notable: boolean[] } {
  const notable: boolean[] = [];
  let finish: () => void;
  const done = new Promise<void>((resolve) => { finish = resolve; });
  const backfill = new BlockBackfill(live, sources, (n) => {
    notable.push(n);
    if (live.blocks.every((b) => b.spans)) finish();
  });
  return { backfill, done, notable };
}

describe('BlockBackfill', () => {
  it('asks the workers for the blocks nearest the screen first', () => {
    const live = new LiveBlocks(text, limits);
    const { requests, workers } = manualWorkers();
    const middle = live.blocks[Math.floor(live.blocks.length / 2)];
    const { backfill } = completion(live, { workers, onThisThread: (t) => t.map(natoSpans), isGone: () => false });
    backfill.start(() => [[middle.start, middle.start + 10]]);
    assert.equal(requests.length, 1, 'one request at a time');
    assert.equal(requests[0].texts[0], middle.text);
    const requested = requests[0].texts;
    assert.equal(new Set(requested).size, requested.length, 'a block was requested twice');
    const index = (t: string) => live.blocks.findIndex((b) => b.text === t);
    const distances = requested.map((t) => Math.abs(index(t) - live.blocks.indexOf(middle)));
    assert.ok(Math.max(...distances) <= requested.length, 'the batch reached past nearer blocks');
  });

  it('fills every block from worker answers, dropping an answer for a block an edit replaced', async () => {
    const live = new LiveBlocks(text, limits);
    const { requests, workers } = manualWorkers();
    const { backfill, done, notable } = completion(live, { workers, onThisThread: () => assert.fail('the workers are there'), isGone: () => false });
    backfill.start(() => [[0, 10]]);
    const first = live.blocks[0];
    live.apply([{ offset: 5, length: 0, text: 'NATO ' }]);
    assert.equal(live.holds(first), false);
    for (let answered = 0; live.blocks.some((b) => !b.spans); answered++) {
      assert.ok(answered < 100, 'the backfill stopped asking');
      const request = requests[answered];
      request.answer();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await done;
    assert.equal(notable[notable.length - 1], true);
    const all = live.spans();
    const joined = live.blocks.map((b) => b.text).join('');
    assert.equal(all.length, [...joined.matchAll(/NATO/g)].length, 'the edited block was not extracted again');
    for (const s of all) assert.equal(joined.slice(s.start, s.end), 'NATO');
  });

  it('falls back to this thread when a worker fails, and stops when the document is gone', async () => {
    const live = new LiveBlocks(text, limits);
    const { requests, workers } = manualWorkers();
    let onThread = 0;
    const { backfill, done } = completion(live, { workers, onThisThread: (t) => { onThread++; return t.map(natoSpans); }, isGone: () => false });
    backfill.start(() => []);
    for (const r of requests) r.fail();
    await done;
    assert.ok(onThread > 0);

    const closed = new LiveBlocks(text, limits);
    const stopped = new BlockBackfill(closed, { onThisThread: () => assert.fail('extracted a closed document'), isGone: () => true }, () => undefined);
    stopped.start(() => []);
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(stopped.pending, closed.blocks.length);
  });

  it('sends blocks wanted now to an idle worker, and says so when none is idle', async () => {
    const live = new LiveBlocks(text, limits);
    for (const b of live.blocks) b.spans = natoSpans(b.text);
    live.apply([{ offset: live.blocks[3].start + 1, length: 0, text: 'x' }]);
    const edited = live.blocks[3];
    assert.ok(edited.provisional && !edited.spans);
    let idle = false;
    const answers: (() => void)[] = [];
    const workersNow = (texts: string[]) => (idle ? new Promise<Span[][]>((resolve) => answers.push(() => resolve(texts.map(natoSpans)))) : undefined);
    const notable: boolean[] = [];
    const backfill = new BlockBackfill(live, { workersNow, onThisThread: () => assert.fail('nothing is extracted here'), isGone: () => false }, (n) => notable.push(n));
    backfill.start(() => [[edited.start, edited.start + 1]]);
    assert.equal(backfill.requestNow([edited]), false, 'no worker is idle');
    idle = true;
    assert.equal(backfill.requestNow([edited]), true);
    assert.ok(backfill.requested(edited));
    answers[0]();
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(edited.spans, natoSpans(edited.text));
    assert.equal(edited.provisional, undefined);
    assert.equal(backfill.requested(edited), false);
    assert.deepEqual(notable, [true]);
  });

  it('keeps one request for edited blocks out: a burst of keys sends only the newest block when it answers', async () => {
    const live = new LiveBlocks(text, limits);
    for (const b of live.blocks) b.spans = natoSpans(b.text);
    const requests: { texts: string[]; answer: () => void }[] = [];
    const workersNow = (texts: string[]) => new Promise<Span[][]>((resolve) => requests.push({ texts, answer: () => resolve(texts.map(natoSpans)) }));
    const backfill = new BlockBackfill(live, { workersNow, onThisThread: () => assert.fail('nothing is extracted here'), isGone: () => false }, () => undefined);
    const type = (key: string) => {
      const block = live.blocks[3];
      live.apply([{ offset: block.start + block.text.length - 2, length: 0, text: key }]);
      return live.blocks[3];
    };
    const first = type('N');
    assert.equal(backfill.requestNow([first]), true);
    const typed = ['A', 'T', 'O'].map(type);
    for (const block of typed) assert.equal(backfill.requestNow([block]), true, 'taken, to be sent later');
    const newest = typed[typed.length - 1];
    assert.equal(requests.length, 1, 'the later keys wait for the first answer');
    assert.ok(backfill.requested(newest), 'the newest block counts as requested, so it is not extracted on this thread');
    requests[0].answer();
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.equal(first.spans, undefined, 'the answer for a replaced block is dropped');
    assert.deepEqual(requests.map((r) => r.texts), [[first.text], [newest.text]], 'only the newest text follows');
    requests[1].answer();
    await new Promise<void>((resolve) => setImmediate(resolve));
    assert.deepEqual(newest.spans, natoSpans(newest.text));
    assert.equal(backfill.requested(newest), false);
  });
});
