// The team archive on a live PostgreSQL server, in the real editor. Defined only when the archive stage of
// `npm test` runs it: that stage starts a throwaway cluster, ingests the samples with `archive ingest`, and
// passes the connection (no password: the extension host gets it as PGPASSWORD, standing in for SecretStorage)
// in SOURCE_ANNOTATOR_TEST_ARCHIVE. The stage checks that these tests ran and passed.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import type { EntityRow, MentionHit } from '../../../src/core/index/corpusStore';
import { activateExtension, hoversAt, hoverText, openSample, pollUntil, positionOf } from './helpers';

const connection = process.env.SOURCE_ANNOTATOR_TEST_ARCHIVE;
const article = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';

interface ArchiveStateView {
  state: { kind: string; reason?: string };
  statusBar?: { text: string; tooltip: string };
}

if (connection) {
  describe('team archive on a live server', function () {
    this.timeout(120_000);
    const config = () => vscode.workspace.getConfiguration('sourceAnnotator');
    let document: vscode.TextDocument;
    let hegseth: vscode.Position;

    before(async () => {
      const api = await activateExtension();
      await api.whenIndexed();
      document = await openSample(article);
      hegseth = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
      await config().update('archive.timeoutMs', 10_000, vscode.ConfigurationTarget.Global);
      await config().update('archive.connection', connection, vscode.ConfigurationTarget.Global);
    });

    after(async () => {
      await config().update('archive.connection', undefined, vscode.ConfigurationTarget.Global);
      await config().update('archive.timeoutMs', undefined, vscode.ConfigurationTarget.Global);
    });

    it('connects, and the hover card adds the archive\'s counts for the entity, labelled as archive results', async () => {
      const view = await pollUntil(
        async () => vscode.commands.executeCommand<ArchiveStateView>('sourceAnnotator.archive.state'),
        (s) => s.state.kind === 'ready' || s.state.kind === 'unreachable', 60_000);
      assert.equal(view.state.kind, 'ready', `archive state: ${JSON.stringify(view)}`);
      const hovers = await pollUntil(() => hoversAt(document, hegseth), (h) => /Team archive/u.test(hoverText(h)), 30_000);
      // the samples were ingested: Hegseth is in four of them
      assert.match(hoverText(hovers), /Team archive\*\* · \d+ mentions? in 4 articles/u, hoverText(hovers));
    });

    it('adds the archive\'s mentions to Find All References and pages them in the Archive Results view', async () => {
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, hegseth);
      const fromArchive = locations.filter((l) => l.uri.scheme === 'source-annotator-archive');
      assert.ok(fromArchive.length > 0, `schemes: ${[...new Set(locations.map((l) => l.uri.scheme))].join(', ')}`);
      assert.ok(locations.some((l) => l.uri.scheme === 'file' || l.uri.scheme === 'vscode-remote'), 'the workspace\'s own references are still there');
      const results = await vscode.commands.executeCommand<{ items: MentionHit[]; total: number }>('sourceAnnotator.archive.results');
      assert.ok(results.items.length > 0 && results.total >= results.items.length, JSON.stringify({ n: results.items.length, total: results.total }));
      for (const hit of results.items) assert.match(hit.text, /Hegseth/u);
    });

    it('lists the archive\'s entities in the Entities view, most mentioned first', async () => {
      const pages = await vscode.commands.executeCommand<{ rows: EntityRow[]; total: number }>('sourceAnnotator.entities.archiveRows');
      assert.ok(pages && pages.rows.length > 0, 'the Entities view has archive rows');
      for (let i = 1; i < pages.rows.length; i++) assert.ok(pages.rows[i - 1].mentions >= pages.rows[i].mentions, 'most mentioned first');
      assert.ok(pages.rows.some((r) => r.canonical === 'Pete Hegseth'), pages.rows.slice(0, 10).map((r) => r.canonical).join(', '));
    });
  });
}
