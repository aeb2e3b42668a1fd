import { strict as assert } from 'node:assert';
import { runPaintSteps, type PaintStepHost, type SteppedPaint } from '../../src/vscode/features/paintSteps';

/** A send is `name` (goes) or `=name` (the editor already shows it, so nothing goes). */
class FakeEditor {
  version = 1;
  sent: string[] = [];
  tasks: (() => void)[] = [];
  current: SteppedPaint<string> | undefined;
  ended = 0;

  paint(sends: string[], oneAtATime: boolean): { paint: SteppedPaint<string>; done: () => boolean } {
    let finished = false;
    const paint: SteppedPaint<string> = { version: this.version, sends: [...sends], done: () => { finished = true; } };
    this.current = paint;
    const host: PaintStepHost<string> = {
      isCurrent: () => this.current === paint,
      documentVersion: () => this.version,
      changed: (item) => !item.startsWith('='),
      send: (item) => this.sent.push(item),
      oneAtATime,
      schedule: (next) => this.tasks.push(next),
      ended: () => this.ended++,
    };
    runPaintSteps(paint, host);
    return { paint, done: () => finished };
  }

  /** Runs the queued tasks, one at a time, as the event loop would. */
  drain(): number {
    let count = 0;
    for (let task = this.tasks.shift(); task; task = this.tasks.shift()) {
      count++;
      task();
    }
    return count;
  }
}

describe('paint steps (sending decoration types)', () => {
  it('sends everything at once in a short document', () => {
    const editor = new FakeEditor();
    const { done } = editor.paint(['person', 'org', 'place'], false);
    assert.deepEqual(editor.sent, ['person', 'org', 'place']);
    assert.equal(editor.tasks.length, 0);
    assert.ok(done());
  });

  it('in a long document sends one changed type per task, skipping unchanged ones without yielding', () => {
    const editor = new FakeEditor();
    const { done } = editor.paint(['person', '=org', '=place', 'date', '=figure', 'misc', '=dimmed'], true);
    assert.deepEqual(editor.sent, ['person'], 'only the first changed type goes in the calling task');
    assert.ok(!done());
    const tasks = editor.drain();
    assert.deepEqual(editor.sent, ['person', 'date', 'misc']);
    assert.equal(tasks, 2, 'one task per further changed type');
    assert.ok(done());
    assert.equal(editor.ended, 1);
  });

  it('completes in the calling task when only one type changed (typing)', () => {
    const editor = new FakeEditor();
    const { done } = editor.paint(['=person', 'org', '=place', '=dimmed'], true);
    assert.deepEqual(editor.sent, ['org']);
    assert.equal(editor.tasks.length, 0);
    assert.ok(done());
  });

  it('drops the rest of a paint when a newer paint of the editor starts', () => {
    const editor = new FakeEditor();
    const first = editor.paint(['person', 'org', 'place'], true);
    const second = editor.paint(['date', 'figure'], true);
    editor.drain();
    assert.deepEqual(editor.sent, ['person', 'date', 'figure']);
    assert.ok(!first.done(), 'a replaced paint never reports itself done');
    assert.ok(second.done());
  });

  it('drops the rest when the document changes in between: its offsets would be stale', () => {
    const editor = new FakeEditor();
    const { done } = editor.paint(['person', 'org', 'place'], true);
    editor.version++;
    editor.drain();
    assert.deepEqual(editor.sent, ['person']);
    assert.ok(!done());
    assert.equal(editor.ended, 1, 'the dropped paint still ends, so the editor is free for the next');
  });
});
