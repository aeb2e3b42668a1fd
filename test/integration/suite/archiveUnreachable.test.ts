// The team archive set to a server that is down (a closed loopback port): the editor works as before —
// hover cards and references from the workspace, within the archive's timeout — and the status bar says so.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import * as vscode from 'vscode';
import type { PerfStats } from '../../../src/vscode/perf/perfStats';
import { activateExtension, hoversAt, hoverText, openSample, pollUntil, positionOf } from './helpers';

const article = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
const TIMEOUT_MS = 1500;

interface ArchiveStateView {
  state: { kind: string; reason?: string; label?: string };
  statusBar?: { text: string; tooltip: string };
}

/** A loopback port nothing listens on: bound by the system, then closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const archiveState = async (): Promise<ArchiveStateView> => vscode.commands.executeCommand<ArchiveStateView>('sourceAnnotator.archive.state');
const perfStats = async (options: { reset?: boolean } = {}): Promise<PerfStats> => vscode.commands.executeCommand<PerfStats>('sourceAnnotator.perf.stats', options);

describe('team archive: server down', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('sourceAnnotator');
  let document: vscode.TextDocument;
  let connection: string;

  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    document = await openSample(article);
    connection = `postgres://analyst@127.0.0.1:${await closedPort()}/news`;
    // the workspace's hover works before the archive is set
    const position = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
    await pollUntil(async () => hoverText(await hoversAt(document, position)), (text) => text.includes('Pete Hegseth'));
  });

  after(async () => {
    await config().update('archive.connection', undefined, vscode.ConfigurationTarget.Global);
    await config().update('archive.timeoutMs', undefined, vscode.ConfigurationTarget.Global);
    const off = await pollUntil(archiveState, (s) => s.state.kind === 'off', 10_000);
    assert.equal(off.statusBar, undefined, 'the status bar item stays after the archive setting is removed');
  });

  it('says "Archive: unreachable" in the status bar, with the reason, within the timeout', async () => {
    assert.equal((await archiveState()).state.kind, 'off');
    const started = Date.now();
    await config().update('archive.timeoutMs', TIMEOUT_MS, vscode.ConfigurationTarget.Global);
    await config().update('archive.connection', connection, vscode.ConfigurationTarget.Global);
    const shown = await pollUntil(archiveState, (s) => s.state.kind === 'unreachable', TIMEOUT_MS + 10_000);
    const elapsed = Date.now() - started;
    console.log(`      unreachable after ${elapsed} ms: ${shown.state.reason}`);
    assert.equal(shown.state.kind, 'unreachable', JSON.stringify(shown));
    assert.equal(shown.statusBar?.text, '$(debug-disconnect) Archive: unreachable');
    assert.match(shown.statusBar.tooltip, /team archive analyst@127\.0\.0\.1:\d+\/news is unreachable: \S/u);
    assert.match(shown.statusBar.tooltip, /Click to retry/u);
    assert.ok(elapsed < TIMEOUT_MS + 5000, `the status bar said so only after ${elapsed} ms`);
  });

  it('still shows the workspace\'s hover card at once, with one line saying the archive is unavailable', async () => {
    const position = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
    // from here on the host's stalls are measured (the settings change above repaints the open articles)
    await perfStats({ reset: true });
    const started = Date.now();
    const text = hoverText(await hoversAt(document, position));
    const elapsed = Date.now() - started;
    console.log(`      hover with the archive down: ${elapsed} ms`);
    assert.ok(text.includes('Pete Hegseth'), `the workspace card is missing: ${text}`);
    assert.match(text, /Team archive\*\* · _unavailable: .+\._ The workspace results above are complete/u);
    assert.ok(elapsed < TIMEOUT_MS, `the hover waited ${elapsed} ms on an archive known to be down`);
  });

  it('still finds the workspace\'s references, and the Entities view says the archive is unavailable', async () => {
    const position = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
    const started = Date.now();
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', document.uri, position);
    const elapsed = Date.now() - started;
    assert.ok(locations.length > 1, `only ${locations.length} references`);
    assert.ok(locations.every((l) => l.uri.scheme === 'file'), 'an archive result came from a server that is down');
    assert.ok(elapsed < TIMEOUT_MS, `references waited ${elapsed} ms on an archive known to be down`);
    const rows = await vscode.commands.executeCommand<{ rows: unknown[]; problem?: string }>('sourceAnnotator.entities.archiveRows');
    assert.deepEqual(rows?.rows, []);
    assert.match(rows?.problem ?? '', /^Archive unavailable: .+\. The lists above are the workspace's\.$/u);
  });

  it('kept the extension host responsive: no stall as long as the archive timeout', async () => {
    const stats = await perfStats();
    console.log(`      longest extension-host stall in hovers, references and the Entities view with the archive down: ${stats.maxEventLoopDelayMs} ms over ${stats.sampledForMs} ms`);
    assert.ok(stats.samples > 0);
    assert.ok(stats.maxEventLoopDelayMs < TIMEOUT_MS, `the host stalled ${stats.maxEventLoopDelayMs} ms`);
  });

  it('tries again on "Reconnect to Team Archive" and stays unreachable, saying so', async () => {
    await vscode.commands.executeCommand('sourceAnnotator.archive.retry');
    const state = await archiveState();
    assert.equal(state.state.kind, 'unreachable');
    assert.equal(state.statusBar?.text, '$(debug-disconnect) Archive: unreachable');
  });
});

describe('team archive: server that accepts connections and never answers', function () {
  this.timeout(60_000);
  const config = () => vscode.workspace.getConfiguration('sourceAnnotator');
  const sockets = new Set<import('node:net').Socket>();
  // accepts every connection, reads what the client sends, and answers nothing: a server hung or overloaded
  const silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.resume();
  });
  let document: vscode.TextDocument;

  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    document = await openSample(article);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  });

  after(async () => {
    await config().update('archive.connection', undefined, vscode.ConfigurationTarget.Global);
    await config().update('archive.timeoutMs', undefined, vscode.ConfigurationTarget.Global);
    await pollUntil(archiveState, (s) => s.state.kind === 'off', 10_000);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  });

  it('shows the hover card within the timeout while connecting, then says the archive is unreachable', async () => {
    const { port } = silent.address() as { port: number };
    await config().update('archive.timeoutMs', TIMEOUT_MS, vscode.ConfigurationTarget.Global);
    const changed = Date.now();
    await config().update('archive.connection', `postgres://analyst@127.0.0.1:${port}/news`, vscode.ConfigurationTarget.Global);
    // the host's stalls are measured from the moment the extension took the new setting
    await pollUntil(archiveState, (s) => s.state.kind !== 'off', 10_000);
    await perfStats({ reset: true });
    const position = positionOf(document, 'War Secretary Pete Hegseth', 'Hegseth');
    const started = Date.now();
    const text = hoverText(await hoversAt(document, position));
    const elapsed = Date.now() - started;
    console.log(`      first hover while the archive is silent: ${elapsed} ms`);
    assert.ok(text.includes('Pete Hegseth'), `the workspace card is missing: ${text}`);
    assert.ok(elapsed < TIMEOUT_MS + 1000, `the hover waited ${elapsed} ms (timeout ${TIMEOUT_MS} ms)`);
    const shown = await pollUntil(archiveState, (s) => s.state.kind === 'unreachable', TIMEOUT_MS + 10_000);
    console.log(`      unreachable after ${Date.now() - changed} ms: ${shown.state.reason}`);
    assert.equal(shown.statusBar?.text, '$(debug-disconnect) Archive: unreachable');
    const again = Date.now();
    const second = hoverText(await hoversAt(document, position));
    assert.match(second, /Team archive\*\* · _unavailable: /u);
    assert.ok(Date.now() - again < TIMEOUT_MS, 'a hover waited again on an archive known to be unreachable');
    const stats = await perfStats();
    console.log(`      longest extension-host stall meanwhile: ${stats.maxEventLoopDelayMs} ms over ${stats.sampledForMs} ms`);
    assert.ok(stats.maxEventLoopDelayMs < TIMEOUT_MS, `the host stalled ${stats.maxEventLoopDelayMs} ms`);
  });
});
