// The extension host measures its own stalls and garbage collections; the bench and the UI test read them.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { PerfStats } from '../../../src/vscode/perf/perfStats';
import { activateExtension, pollUntil } from './helpers';

async function stats(options: { reset?: boolean } = {}): Promise<PerfStats> {
  return vscode.commands.executeCommand<PerfStats>('sourceAnnotator.perf.stats', options);
}

function blockFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until) { /* the stall under measurement */ }
}

describe('performance statistics', function () {
  this.timeout(30000);
  const config = () => vscode.workspace.getConfiguration('sourceAnnotator');

  after(async () => {
    await config().update('performance.sampleIntervalMs', undefined, vscode.ConfigurationTarget.Global);
  });

  it('samples at the configured interval and reports a stall of the host', async () => {
    await activateExtension();
    await config().update('performance.sampleIntervalMs', 1, vscode.ConfigurationTarget.Global);
    await pollUntil(() => stats(), (s) => s.sampleIntervalMs === 1);
    await stats({ reset: true });
    // The first tick after a reset only starts the clock; a stall before it would not be measured.
    await pollUntil(() => stats(), (s) => s.samples > 0, 5000);
    blockFor(60);
    const measured = await pollUntil(() => stats(), (s) => s.maxEventLoopDelayMs >= 60, 5000);
    assert.ok(measured.maxEventLoopDelayMs >= 60, `a 60 ms block was reported as ${measured.maxEventLoopDelayMs} ms`);
    assert.ok(measured.sampledForMs >= 60);
  });

  it('counts the host\'s garbage collections since the last reset', async () => {
    await activateExtension();
    await stats({ reset: true });
    let kept = 0;
    for (let round = 0; round < 50; round++) {
      const garbage = Array.from({ length: 20000 }, (_, i) => ({ i, label: `item ${i}` }));
      kept += garbage.length;
    }
    assert.equal(kept, 1_000_000);
    const counted = await pollUntil(() => stats(), (s) => s.gc.count > 0, 5000);
    assert.ok(counted.gc.count > 0, 'a million short-lived objects caused no garbage collection that was counted');
    assert.ok(counted.gc.longestMs > 0 && counted.gc.totalMs >= counted.gc.longestMs);
    assert.match(counted.gc.longestKind, /^(minor|major|incremental|weak|other)$/);
    const afterReset = await stats({ reset: true }).then(() => stats());
    assert.ok(afterReset.gc.count < counted.gc.count, 'the reset did not restart the count');
  });
});
