// The Quotes view in the real editor: it fills from the indexed sample workspace, and a quotation opens
// its article with the quoted words selected.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, pollUntil } from './helpers';

interface Quote { file: string; start: number; end: number; text: string; speaker: string | null; cueStart: number | null; cueEnd: number | null }
interface SpeakerRow { speaker: string; type: string | null; quotes: Quote[] }

const rows = async (): Promise<SpeakerRow[]> => (await vscode.commands.executeCommand<SpeakerRow[]>('sourceAnnotator.quotes.rows')) ?? [];

describe('analysis views: Quotes', () => {
  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
  });

  it('lists the quotations of the workspace by speaker, the most quoted first', async () => {
    const list = await pollUntil(rows, (r) => r.some((row) => row.speaker === 'Mark Rutte'));
    const speakers = list.map((r) => r.speaker);
    for (const name of ['Elbridge Colby', 'Mark Rutte', 'Pete Hegseth']) assert.ok(speakers.includes(name), `speakers: ${speakers.join(', ')}`);
    const rutte = list.find((r) => r.speaker === 'Mark Rutte')!;
    assert.ok(rutte.quotes.some((q) => q.text === 'Investment is up by tens of billions.'), JSON.stringify(rutte.quotes.map((q) => q.text)));
    for (let i = 1; i < list.length; i++) {
      if (list[i].speaker !== 'Unnamed speakers') assert.ok(list[i - 1].quotes.length >= list[i].quotes.length, 'most quoted first');
    }
    // the view itself opens and shows them
    await vscode.commands.executeCommand('sourceAnnotator.quotes.focus');
  });

  it('opens a quotation in its article with the quoted words selected', async () => {
    const list = await rows();
    const quote = list.find((r) => r.speaker === 'Elbridge Colby')!.quotes[0];
    await vscode.commands.executeCommand('sourceAnnotator.quotes.reveal', quote);
    const editor = await pollUntil(async () => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === quote.file);
    assert.ok(editor, 'an editor opened');
    assert.equal(editor.document.uri.toString(), quote.file);
    assert.equal(editor.document.getText(editor.selection), quote.text);
  });
});
