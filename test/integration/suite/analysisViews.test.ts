// The Quotes view in the real editor: it fills from the indexed sample workspace, and a quotation opens
// its article with the quoted words selected.
import { strict as assert } from 'node:assert';
import * as vscode from 'vscode';
import { activateExtension, hoversAt, hoverText, openSample, pollUntil, positionOf } from './helpers';

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

interface DateEntry { date: string; precision: string; file: string; start: number; end: number; text: string; sentence: string; publication: boolean; entities: string[] }
interface TimelineGroup { key: string; label: string; count: number; groups?: TimelineGroup[]; entries?: DateEntry[] }

const timeline = async (): Promise<TimelineGroup[]> => (await vscode.commands.executeCommand<TimelineGroup[]>('sourceAnnotator.timeline.rows')) ?? [];
const datesOf = (groups: readonly TimelineGroup[]): DateEntry[] => groups.flatMap((g) => [...(g.entries ?? []), ...datesOf(g.groups ?? [])]);
const depthOf = (groups: readonly TimelineGroup[]): number => Math.max(0, ...groups.map((g) => 1 + depthOf(g.groups ?? [])));

describe('analysis views: Timeline', () => {
  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
  });

  it('puts the dates of the workspace in date order by year and month, publication days marked', async () => {
    const years = await pollUntil(timeline, (y) => datesOf(y).some((e) => e.date === '2026-02-12'));
    const entries = datesOf(years);
    const firstDays = entries.map((e) => e.date);
    assert.ok(entries.length > 20, `${entries.length} dates`);
    assert.deepEqual(years.map((y) => y.key), [...years.map((y) => y.key)].sort(), 'years in order');
    assert.ok(years.some((y) => y.groups?.some((m) => m.label === 'February 2026')), 'months within years');
    const dateline = entries.find((e) => e.text.startsWith('Thursday, 12 February 2026'));
    assert.ok(dateline?.publication, `the Reuters dateline is the publication day: ${JSON.stringify(dateline)}`);
    assert.ok(entries.some((e) => e.date === '2025-12' && !e.publication), firstDays.join(' '));
    await vscode.commands.executeCommand('sourceAnnotator.timeline.focus');
  });

  it('groups by day or by year, and back by month, losing no date', async () => {
    const byMonth = datesOf(await timeline());
    try {
      assert.equal(await vscode.commands.executeCommand('sourceAnnotator.timeline.groupBy', 'day'), 'day');
      const byDay = await timeline();
      assert.deepEqual(datesOf(byDay).map((e) => `${e.file}@${e.start}`).sort(), byMonth.map((e) => `${e.file}@${e.start}`).sort());
      const february = byDay.find((y) => y.key === '2026')!.groups!.find((m) => m.key === '2026-02')!;
      const thursday = february.groups!.find((d) => d.key === '2026-02-12')!;
      assert.equal(thursday.label, 'Thursday 12 February 2026');
      assert.ok(thursday.entries!.every((e) => e.date === '2026-02-12'));
      assert.ok(february.groups!.some((d) => d.label.includes('the week')), february.groups!.map((d) => d.label).join(', '));
      assert.equal(vscode.workspace.getConfiguration('sourceAnnotator').get('timeline.groupBy'), 'day', 'the choice is kept in the setting');
      await vscode.commands.executeCommand('sourceAnnotator.timeline.groupBy', 'year');
      const byYear = await timeline();
      assert.equal(depthOf(byYear.filter((y) => y.entries)), 1);
      assert.equal(datesOf(byYear).length, byMonth.length);
    } finally {
      await vscode.commands.executeCommand('sourceAnnotator.timeline.groupBy', 'month');
    }
    assert.equal(datesOf(await timeline()).length, byMonth.length);
  });

  it('filters by entity ("Timeline of This Entity") and opens a date in its article', async () => {
    // as the Entities view's context menu calls it, with the entity row
    await vscode.commands.executeCommand('sourceAnnotator.timeline.ofEntity', { kind: 'entity', row: { name: 'Hegseth' } });
    const entries = datesOf(await timeline());
    assert.ok(entries.length > 0);
    for (const e of entries) assert.ok(e.entities.includes('Pete Hegseth'), `${e.sentence} names ${e.entities.join(', ')}`);
    await vscode.commands.executeCommand('sourceAnnotator.timeline.reveal', entries[0]);
    const editor = await pollUntil(async () => vscode.window.activeTextEditor, (ed) => ed?.document.uri.toString() === entries[0].file);
    assert.equal(editor?.document.getText(editor.selection), entries[0].text);
    await vscode.commands.executeCommand('sourceAnnotator.timeline.filterEntity', { name: '' });
    assert.ok(datesOf(await timeline()).length > entries.length);
  });

  it('filters by article, combined with the entity filter, and a click reveals the date', async () => {
    const all = datesOf(await timeline());
    const file = all.find((e) => e.text.startsWith('Thursday, 12 February 2026'))!.file;
    try {
      await vscode.commands.executeCommand('sourceAnnotator.timeline.filterArticle', vscode.Uri.parse(file));
      const ofArticle = datesOf(await timeline());
      assert.ok(ofArticle.length > 0 && ofArticle.length < all.length, `${ofArticle.length} of ${all.length}`);
      assert.ok(ofArticle.every((e) => e.file === file));
      await vscode.commands.executeCommand('sourceAnnotator.timeline.filterEntity', { name: 'Hegseth' });
      const both = datesOf(await timeline());
      assert.ok(both.length < ofArticle.length && both.every((e) => e.file === file && e.entities.includes('Pete Hegseth')), JSON.stringify(both.map((e) => e.sentence)));
      // what a click on the row runs
      const target = ofArticle[ofArticle.length - 1];
      await vscode.commands.executeCommand('sourceAnnotator.timeline.reveal', target);
      const editor = await pollUntil(async () => vscode.window.activeTextEditor, (ed) => ed?.document.uri.toString() === file && ed.document.getText(ed.selection) === target.text);
      assert.equal(editor?.document.offsetAt(editor.selection.start), target.start);
    } finally {
      await vscode.commands.executeCommand('sourceAnnotator.timeline.clearFilter');
    }
    assert.equal(datesOf(await timeline()).length, all.length);
  });
});

interface GraphData { nodes: { key: string; name: string; degree: number }[]; edges: { aKey: string; bKey: string; strength: number }[]; total: number }

describe('analysis views: Connections graph', () => {
  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
  });

  it('draws the strongest connections in a webview', async () => {
    const data = (await vscode.commands.executeCommand<GraphData>('sourceAnnotator.connections.graph'))!;
    assert.ok(data.edges.length > 10, `${data.edges.length} edges`);
    const names = new Map(data.nodes.map((n) => [n.key, n.name]));
    assert.ok(data.edges.some((e) => [names.get(e.aKey), names.get(e.bKey)].sort().join('|') === 'Bosnia|Kosovo'));
    // the webview loads its script, draws with the graph library and reports what it drew
    const rendered = await vscode.commands.executeCommand<{ nodes: number; edges: number }>('sourceAnnotator.connections.show');
    assert.deepEqual(rendered, { nodes: data.nodes.length, edges: data.edges.length });
  });

  it("opens an entity's references from the graph", async () => {
    const data = (await vscode.commands.executeCommand<GraphData>('sourceAnnotator.connections.graph'))!;
    const hegseth = data.nodes.find((n) => n.name === 'Pete Hegseth');
    assert.ok(hegseth, data.nodes.map((n) => n.name).join(', '));
    assert.equal(await vscode.commands.executeCommand('sourceAnnotator.connections.openReferences', hegseth.key), true);
    // the editor opens at a mention (the references peek then holds the cursor at its start)
    const wordAtCursor = (e: vscode.TextEditor | undefined): string =>
      e ? e.document.getText(new vscode.Range(e.selection.active, e.selection.active.translate(0, 12))) : '';
    const editor = await pollUntil(async () => vscode.window.activeTextEditor, (e) => /^(Pete )?Hegseth/.test(wordAtCursor(e)));
    assert.match(wordAtCursor(editor), /^(Pete )?Hegseth/);
  });
});

/** The command links of a hover's Markdown: [label, command id, decoded arguments]. */
function commandLinks(markdown: string): { label: string; command: string; args: unknown[] }[] {
  const out: { label: string; command: string; args: unknown[] }[] = [];
  for (const m of markdown.matchAll(/\[((?:[^\]\\]|\\.)*)\]\(command:([\w.]+)\?([^)\s]*)/gu)) {
    out.push({ label: m[1].replace(/\\(.)/gu, '$1'), command: m[2], args: JSON.parse(decodeURIComponent(m[3])) as unknown[] });
  }
  return out;
}

describe('analysis entries of a hover card', () => {
  const article = 'Pentagon Policy Chief Calls for NATO Based on Partnership Rather Than Dependency.txt';
  let document: vscode.TextDocument;

  before(async () => {
    const api = await activateExtension();
    await api.whenIndexed();
    document = await openSample(article);
  });

  it('shows who a person is often named with, their latest quotes and a "Timeline of" link, and each link works', async () => {
    const colby = positionOf(document, 'Elbridge Colby', 'Colby');
    const markdown = await pollUntil(async () => (await hoversAt(document, colby)).flatMap((h) => h.contents)
      .map((c) => (typeof c === 'string' ? c : c.value)).join('\n'), (text) => text.includes('**Often with**') && text.includes('Latest quotes'));
    assert.ok(markdown.includes('**Often with**'), markdown);
    assert.match(markdown, /\*\*Latest quotes\*\* \(\d+ of \d+\)|\*\*Latest quotes\*\* \(\d+\)/u, markdown);
    const links = commandLinks(markdown);

    // "Often with": each name opens that entity's references, at a mention in an article naming both
    const oftenWith = markdown.slice(markdown.indexOf('**Often with**')).split('\n')[0];
    const neighbour = commandLinks(oftenWith)[0];
    assert.equal(neighbour.command, 'sourceAnnotator.showReferences');
    const [key, uri, offset] = neighbour.args as [string, string, number];
    assert.match(key, /^(PERSON|ORG|PLACE|MISC):/u);
    // the link's position is a mention of that entity: its own card there names it
    const target = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
    const there = await pollUntil(async () => hoverText(await hoversAt(target, target.positionAt(offset + 1))), (text) => text.length > 0);
    assert.ok(there.includes(neighbour.label), `the mention at ${offset} in ${uri} is not ${neighbour.label}: ${there.slice(0, 200)}`);

    // a quote opens its article with the quoted words selected
    const quote = links.find((l) => l.command === 'sourceAnnotator.openMention' && l.label.startsWith('“'))!;
    assert.ok(quote, JSON.stringify(links.map((l) => l.label)));
    await vscode.commands.executeCommand(quote.command, ...quote.args);
    const [quoteUri, start, end] = quote.args as [string, number, number];
    const editor = await pollUntil(async () => vscode.window.activeTextEditor, (e) => e?.document.uri.toString() === quoteUri && !e.selection.isEmpty);
    assert.equal(editor?.document.getText(editor.selection), editor!.document.getText().slice(start, end));
    assert.ok(quote.label.startsWith(`“${editor!.document.getText(editor!.selection).slice(0, 20)}`), `${quote.label} / ${editor!.document.getText(editor!.selection)}`);

    // "Timeline of Elbridge Colby" filters the Timeline view to the sentences naming him
    const timelineLink = links.find((l) => l.command === 'sourceAnnotator.timeline.ofEntity')!;
    assert.equal(timelineLink.label, 'Timeline of Elbridge Colby');
    await vscode.commands.executeCommand(timelineLink.command, ...timelineLink.args);
    const entries = datesOf(await timeline());
    assert.ok(entries.length > 0);
    for (const e of entries) assert.ok(e.entities.includes('Elbridge Colby'), `${e.sentence} names ${e.entities.join(', ')}`);
    await vscode.commands.executeCommand('sourceAnnotator.timeline.filterEntity', { name: '' });
  });

  it('trusts every command its links use', async () => {
    const colby = positionOf(document, 'Elbridge Colby', 'Colby');
    const hovers = await hoversAt(document, colby);
    const content = hovers.flatMap((h) => h.contents).find((c): c is vscode.MarkdownString => typeof c !== 'string' && c.value.includes('Often with'));
    assert.ok(content, 'a card with the analysis entries');
    const trusted = content.isTrusted;
    const enabled = typeof trusted === 'object' ? trusted.enabledCommands : [];
    for (const link of commandLinks(content.value)) assert.ok(enabled.includes(link.command), `${link.command} is not enabled in the card`);
  });
});
