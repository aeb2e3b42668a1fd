// The reference-date chain in the editor: an article whose date line has no year ("Tuesday, November 25")
// takes the year from the file name, else its sidecar's first annotation, else the file's modification
// date, so its weekdays resolve; the date card says which source gave the reference.
import { strict as assert } from 'node:assert';
import { rmSync, utimesSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { createTarget } from '../../../src/core/anchor/createTarget';
import { SidecarDocument } from '../../../src/core/sidecar/sidecarDocument';
import { activateExtension, hoversAt, hoverText, pollUntil, positionOf, workspaceRoot } from './helpers';

const articleWith = (dateLine: string): string =>
  `Allies weigh the spending target\n${dateLine}\n\nThe ministers met on Monday and will meet again on Thursday.\n`;

describe('reference date chain in the editor', () => {
  const saved = vscode.Uri.joinPath(workspaceRoot(), 'reference-chain-saved.txt');
  const annotated = vscode.Uri.joinPath(workspaceRoot(), 'reference-chain-annotated.txt');
  const sidecar = vscode.Uri.joinPath(workspaceRoot(), 'reference-chain-annotated.txt.annotations.yaml');
  const named = vscode.Uri.joinPath(workspaceRoot(), 'reference-chain-2023.txt');
  // past the large-document size (256 KB): analysed block by block, yet resolved against the same date
  const long = vscode.Uri.joinPath(workspaceRoot(), 'reference-chain-long-2023-11-25.txt');

  before(async () => {
    const dateLines: [vscode.Uri, string][] = [[saved, 'Tuesday, November 25'], [annotated, 'Monday, November 25'], [named, 'Saturday, November 25']];
    for (const [uri, dateLine] of dateLines) {
      writeFileSync(uri.fsPath, articleWith(dateLine));
      // saved on 5 January 2026: a "November 25" date line is the November before
      const modified = new Date('2026-01-05T12:00:00Z');
      utimesSync(uri.fsPath, modified, modified);
    }
    const document = SidecarDocument.create();
    const text = articleWith('Monday, November 25');
    const start = text.indexOf('the spending target');
    document.addAnnotation({ id: 'first', tags: ['claim'], note: '', created: '2024-12-01T09:00:00Z', modified: '2024-12-01T09:00:00Z',
      target: createTarget(text, start, start + 'the spending target'.length) });
    writeFileSync(sidecar.fsPath, document.toString());
    const filler = 'The ministers discussed the budget in Brussels, officials said, and talks continued.\n\n'.repeat(4000);
    writeFileSync(long.fsPath, articleWith('Saturday, November 25') + '\n' + filler);
    utimesSync(long.fsPath, new Date('2026-01-05T12:00:00Z'), new Date('2026-01-05T12:00:00Z'));
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of [saved, annotated, sidecar, named, long]) rmSync(uri.fsPath, { force: true });
  });

  async function weekdays(uri: vscode.Uri, expected: string): Promise<string> {
    const api = await activateExtension();
    const values = async (): Promise<string> => (await api.getSpans(uri.toString()))
      .filter((s) => s.type === 'DATE' && /day$/.test(s.text)).map((s) => `${s.text}=${String(s.value)}`).join(' ');
    return pollUntil(values, (v) => v === expected);
  }

  async function dateCard(uri: vscode.Uri, expected: RegExp): Promise<string> {
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    const position = positionOf(document, 'met on Monday', 'Monday');
    return pollUntil(async () => hoverText(await hoversAt(document, position)), (card) => expected.test(card));
  }

  it('takes the year from the file\'s modification date when nothing else gives one', async () => {
    assert.equal(await weekdays(saved, 'Monday=2025-11-24 Thursday=2025-11-27'), 'Monday=2025-11-24 Thursday=2025-11-27');
    const card = await dateCard(saved, /2025-11-25/);
    assert.match(card, /from the publication date 2025-11-25 \(from the date line, the year from the date the file was last modified\)/, card);
  });

  it('prefers the year of the sidecar\'s first annotation to the modification date', async () => {
    assert.equal(await weekdays(annotated, 'Monday=2024-11-25 Thursday=2024-11-28'), 'Monday=2024-11-25 Thursday=2024-11-28');
    const card = await dateCard(annotated, /2024-11-25/);
    assert.match(card, /from the publication date 2024-11-25 \(from the date line, the year from the date of the first annotation\)/, card);
  });

  it('prefers a year in the file name to both', async () => {
    assert.equal(await weekdays(named, 'Monday=2023-11-20 Thursday=2023-11-30'), 'Monday=2023-11-20 Thursday=2023-11-30');
    const card = await dateCard(named, /2023-11-25/);
    assert.match(card, /from the publication date 2023-11-25 \(from the date line, the year from the file name\)/, card);
  });

  it('gives a long article analysed block by block the same year from the file name as a short one', async function () {
    this.timeout(120000);
    const api = await activateExtension();
    const document = await vscode.workspace.openTextDocument(long);
    assert.ok(document.getText().length > 256 * 1024);
    await vscode.window.showTextDocument(document);
    // the first paragraph is on screen, so it is extracted first; the blocks off screen follow
    const values = async (): Promise<string> => (await api.getSpans(long.toString()))
      .filter((s) => s.type === 'DATE' && /day$/.test(s.text)).map((s) => `${s.text}=${String(s.value)}`).join(' ');
    const expected = 'Monday=2023-11-20 Thursday=2023-11-30';
    assert.equal(await pollUntil(values, (v) => v === expected, 90000), expected);
    const card = await dateCard(long, /2023-11-25/);
    assert.match(card, /from the publication date 2023-11-25 \(from the date line, the year from the file name\)/, card);
  });
});
