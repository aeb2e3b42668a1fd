// The corpus index's cache, saved and read back through the real workspace storage: what the next start
// would find, so it analyses nothing that is already indexed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

describe('index cache', () => {
  it('reads back, as the next start would, an entry for every indexed article that is saved', async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    const { indexed, reusable } = await vscode.commands.executeCommand<{ indexed: string[]; reusable: string[] }>('sourceAnnotator.index.checkCache');
    assert.ok(indexed.length >= 5, `only ${indexed.length} articles indexed`);
    const dirty = new Set(vscode.workspace.textDocuments.filter((d) => d.isDirty).map((d) => d.uri.toString()));
    assert.deepEqual(indexed.filter((uri) => !dirty.has(uri) && !reusable.includes(uri)), []);
  });
});
