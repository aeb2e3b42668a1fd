// The corpus index's cache, saved and read back through the real workspace storage: what the next start
// would find, so it analyses nothing that is already indexed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, pollUntil } from './helpers';

describe('index cache', () => {
  it('reads back, as the next start would, an entry for every indexed article that is saved', async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    // A registry edit by an earlier test re-analyses the articles after a debounce; the cache follows, so the
    // check is repeated until it holds (the first pass alone does not include that re-analysis).
    const dirtyNow = (): Set<string> => new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    const missing = (r: { indexed: string[]; reusable: string[] }): string[] => r.indexed.filter((uri) => !dirtyNow().has(uri) && !r.reusable.includes(uri));
    const { indexed, reusable } = await pollUntil(
      () => Promise.resolve(vscode.commands.executeCommand<{ indexed: string[]; reusable: string[] }>('sourceAnnotator.index.checkCache')).then((r) => r!),
      (r) => missing(r).length === 0, 30000);
    assert.ok(indexed.length >= 5, `only ${indexed.length} articles indexed`);
    assert.deepEqual(missing({ indexed, reusable }), []);
  });
});
