// Pure parts of the editor's annotations feature: live anchors while typing, target rewrites on
// save, the Annotations view's grouping and filtering, tag bookkeeping and tag colours.
import { strict as assert } from 'node:assert';
import { createTarget } from '../../src/core/anchor/createTarget';
import type { Annotation } from '../../src/core/sidecar/model';
import { articleTextHash } from '../../src/core/sidecar/textHash';
import { anchorAll, shiftAnchors } from '../../src/core/anchor/liveAnchors';
import { mergeTags, parseTagInput, tagUsage } from '../../src/vscode/annotations/tagCatalog';
import { paletteSlotFor, PALETTE_SIZE } from '../../src/vscode/annotations/tagColour';
import { targetUpdates } from '../../src/core/anchor/targetUpdates';
import { buildGroups, matchesFilter, ORPHANS_LABEL, quoteLabel, type ViewEntry } from '../../src/vscode/annotations/viewModel';

const text = 'BRUSSELS, Feb 12 - Pentagon officials said on Thursday that the talks would resume. '
  + 'The ministry declined to comment on the report, and analysts said the talks were fragile.';

function annotationOn(quote: string, id: string, tags: string[] = ['claim'], source = text): Annotation {
  const start = source.indexOf(quote);
  assert.ok(start >= 0, `"${quote}" is in the text`);
  return {
    id, tags, note: '', created: '2026-02-12T09:00:00Z', modified: '2026-02-12T09:00:00Z',
    target: createTarget(source, start, start + quote.length),
  };
}

describe('annotations in the editor: live anchors', () => {
  it('anchors unchanged targets at their stored offsets and marks vanished quotes as orphans', () => {
    const kept = annotationOn('Pentagon officials said', 'a1');
    const gone = annotationOn('The ministry declined', 'a2');
    const changed = text.replace('The ministry declined to comment', 'Nobody commented');
    const anchors = anchorAll([kept, gone], changed, articleTextHash(changed));
    assert.deepEqual(anchors.get('a1'), { start: kept.target.start, end: kept.target.end });
    assert.equal(anchors.has('a2'), false);
  });

  it('finds a quote that moved when text was inserted above it', () => {
    const annotation = annotationOn('the talks were fragile', 'a1');
    const edited = `UPDATE: corrected.\n\n${text}`;
    const anchor = anchorAll([annotation], edited, articleTextHash(edited)).get('a1');
    assert.ok(anchor);
    assert.equal(edited.slice(anchor.start, anchor.end), 'the talks were fragile');
  });

  it('shifts ranges through edits before them and leaves ranges before the edit alone', () => {
    const first = annotationOn('Pentagon officials said', 'a1');
    const second = annotationOn('analysts said', 'a2');
    const anchors = anchorAll([first, second], text, articleTextHash(text));
    const insertAt = text.indexOf('The ministry');
    const inserted = 'BREAKING: ';
    const after = text.slice(0, insertAt) + inserted + text.slice(insertAt);
    let textReads = 0;
    const shifted = shiftAnchors(anchors, [{ start: insertAt, end: insertAt, text: inserted }], () => {
      textReads++;
      return after;
    }, new Map([['a1', first.target], ['a2', second.target]]));
    assert.deepEqual(shifted.get('a1'), anchors.get('a1'));
    assert.equal(after.slice(shifted.get('a2')!.start, shifted.get('a2')!.end), 'analysts said');
    assert.equal(textReads, 0, 'plain shifting does not need the text');
  });

  it('re-anchors a quote whose own text was edited, and orphans one that was deleted', () => {
    const edited = annotationOn('Pentagon officials said', 'a1');
    const deleted = annotationOn('declined to comment on the report', 'a2');
    const anchors = anchorAll([edited, deleted], text, articleTextHash(text));
    const typoAt = text.indexOf('officials') + 3;
    const cutStart = text.indexOf('declined to comment on the report');
    const cutEnd = cutStart + 'declined to comment on the report'.length;
    // Edits in descending order, each against the text before the event (as VS Code reports them).
    const after = text.slice(0, typoAt) + 'x' + text.slice(typoAt, cutStart) + text.slice(cutEnd);
    const targets = new Map([['a1', edited.target], ['a2', deleted.target]]);
    const shifted = shiftAnchors(anchors, [
      { start: typoAt, end: typoAt, text: 'x' },
      { start: cutStart, end: cutEnd, text: '' },
    ], () => after, targets);
    const a1 = shifted.get('a1');
    assert.ok(a1, 'a one-letter typo inside the quote keeps the annotation');
    assert.equal(after.slice(a1.start, a1.end), 'Pentagon offxicials said');
    assert.equal(shifted.has('a2'), false);
  });
});

describe('annotations in the editor: target rewrites', () => {
  it('rewrites only targets that moved, with the new hash, and keeps orphans as they were', () => {
    const still = annotationOn('Pentagon officials said', 'a1');
    const moving = annotationOn('the talks were fragile', 'a2');
    const orphan = annotationOn('The ministry declined', 'a3');
    // Outside a2's stored context, so it is found again with all of it.
    const edited = text.replace('The ministry declined to comment', 'Nobody commented');
    const hash = articleTextHash(edited);
    const anchors = anchorAll([still, moving, orphan], edited, hash);
    const updates = targetUpdates([still, moving, orphan], anchors, edited, hash);
    assert.deepEqual([...updates.keys()].sort(), ['a1', 'a2'], 'a1 keeps its offsets but the article hash changed');
    assert.equal(updates.get('a2')!.exact, 'the talks were fragile');
    assert.equal(updates.get('a2')!.textHash, hash);
    assert.equal(edited.slice(updates.get('a2')!.start, updates.get('a2')!.end), 'the talks were fragile');
    assert.equal(updates.has('a3'), false);
  });

  it('writes nothing when the article is as the sidecar describes it', () => {
    const annotation = annotationOn('Pentagon officials said', 'a1');
    const hash = articleTextHash(text);
    assert.equal(targetUpdates([annotation], anchorAll([annotation], text, hash), text, hash).size, 0);
  });
});

describe('annotations in the editor: the Annotations view model', () => {
  const entry = (article: string, quote: string, tags: string[], orphan = false, note = ''): ViewEntry => ({
    article: `file:///w/${article}`, articleLabel: article, orphan,
    annotation: { ...annotationOn(quote, `${article}:${quote}`, tags), note },
  });
  const entries = [
    entry('b.txt', 'analysts said', ['claim', 'military']),
    entry('a.txt', 'Pentagon officials said', ['claim'], false, 'check the ministry statement'),
    entry('a.txt', 'the talks would resume', []),
    entry('a.txt', 'The ministry declined', ['denial'], true),
  ];

  it('groups by tag, most used first, with untagged and orphans last', () => {
    const groups = buildGroups(entries, 'tag');
    assert.deepEqual(groups.map((g) => [g.label, g.entries.length]),
      [['claim', 2], ['military', 1], ['(untagged)', 1], [ORPHANS_LABEL, 1]]);
    assert.deepEqual(groups[0].entries.map((e) => e.articleLabel), ['a.txt', 'b.txt']);
  });

  it('groups by article in path order, orphans apart', () => {
    const groups = buildGroups(entries, 'article');
    assert.deepEqual(groups.map((g) => [g.label, g.entries.length]), [['a.txt', 2], ['b.txt', 1], [ORPHANS_LABEL, 1]]);
    assert.deepEqual(groups[0].entries.map((e) => e.annotation.target.exact), ['Pentagon officials said', 'the talks would resume']);
  });

  it('filters by exact tag with tag: and by text anywhere otherwise', () => {
    assert.deepEqual(buildGroups(entries, 'tag', 'tag:Military').map((g) => g.label), ['claim', 'military']);
    assert.equal(matchesFilter(entries[1], 'MINISTRY STATEMENT'), true);
    assert.equal(matchesFilter(entries[0], 'tag:clai'), false);
    assert.deepEqual(buildGroups(entries, 'article', 'declined').map((g) => g.label), [ORPHANS_LABEL]);
  });

  it('shortens quotes to one line', () => {
    assert.equal(quoteLabel('a\n  b   c'), 'a b c');
    assert.equal(quoteLabel('x'.repeat(100), 10), `${'x'.repeat(9)}…`);
  });
});

describe('annotations in the editor: tags', () => {
  it('counts tag usage across articles, most used first', () => {
    const usage = tagUsage([[annotationOn('analysts said', 'a', ['b', 'a'])], [annotationOn('analysts said', 'b', ['a'])]]);
    assert.deepEqual(usage, [{ tag: 'a', count: 2 }, { tag: 'b', count: 1 }]);
  });

  it('parses typed tags and merges tag lists without duplicates', () => {
    assert.deepEqual(parseTagInput(' claim ,  key   figure,,claim '), ['claim', 'key figure']);
    assert.deepEqual(mergeTags(['a', 'b'], ['b', 'c']), ['a', 'b', 'c']);
  });

  it('gives a tag the same palette slot every time, within the palette', () => {
    const slots = ['claim', 'military', 'denial', 'figure', 'source', 'quote', 'x', 'y'].map((tag) => paletteSlotFor([tag]));
    assert.ok(slots.every((slot) => slot >= 1 && slot <= PALETTE_SIZE));
    assert.equal(paletteSlotFor(['claim', 'other']), paletteSlotFor(['claim']));
    assert.ok(new Set(slots).size > 2, 'tags spread over the palette');
  });
});
