import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { editorTextFromNote, noteFromEditorText } from '../../src/core/sidecar/noteText';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';
import { articleTextHash } from '../../src/core/sidecar/textHash';

const QUOTE = 'the vote';

const HAND_EDITED = `version: 1
# notes written by hand
article:
annotations:
  - id: n1
    tags: [vote] # keep this
    note: |- # old style
      first draft
      of the note
    created: 2026-02-12T09:00:00Z
    target:
      exact: "${QUOTE}"
      prefix: ""
      suffix: ""
      start: 0
      end: ${QUOTE.length}
      textHash: ${articleTextHash(QUOTE)}
# closing remark
`;

/** What the sidecar holds after the analyst saves `typed` in a note editor, read back from its text. */
function savedThroughSidecar(typed: string, sidecarText = HAND_EDITED): { note: string; text: string } {
  const document = SidecarDocument.parse(sidecarText);
  assert.ok(document.updateAnnotation('n1', { note: noteFromEditorText(typed) }));
  const text = document.toString();
  const reread = SidecarDocument.parse(text);
  assert.deepEqual(reread.problems, []);
  return { note: reread.getAnnotation('n1')!.note, text };
}

const lineText = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '#', ':', '-', '\t', 'é'), maxLength: 8 });
const multiLine = fc.array(lineText, { minLength: 1, maxLength: 6 }).map((lines) => lines.join('\n'));

describe('note text between the note editor and the sidecar', () => {
  it('keeps trailing blank lines and paragraphs exactly as typed, through the sidecar and back', () => {
    for (const typed of ['Para one\n\nPara two\n\n\n', 'Ends in one blank line\n\n', 'Two\nlines\n\n\n\n', '  indented start\n\nthen text\n\n']) {
      const { note, text } = savedThroughSidecar(typed);
      assert.equal(editorTextFromNote(note), typed, `reopening shows ${JSON.stringify(typed)} again`);
      assert.match(text, /note: \|\d?\+? # old style\n/, 'a literal block, its header comment kept');
      for (const comment of ['# notes written by hand', '# keep this', '# closing remark']) assert.ok(text.includes(comment), comment);
    }
  });

  it('keeps the spaces of a blank-looking first line, which a block scalar would lose', () => {
    for (const typed of [' \n\n', '  \n\n\n', '\t\nsecond line\n\n', '\n \nthird line']) {
      const { note, text } = savedThroughSidecar(typed);
      assert.equal(editorTextFromNote(note), typed, `reopening shows ${JSON.stringify(typed)} again`);
      assert.match(text, /note: "[^\n]*" # old style\n/, 'double quotes, on one line, its comment kept');
      for (const comment of ['# notes written by hand', '# keep this', '# closing remark']) assert.ok(text.includes(comment), comment);
    }
  });

  it('drops only the final line break an editor adds, and reads CRLF as LF', () => {
    assert.equal(noteFromEditorText('One line\n'), 'One line');
    assert.equal(noteFromEditorText('One line'), 'One line');
    assert.equal(noteFromEditorText('Line one\r\n\r\nLine two\r\n\r\n'), 'Line one\n\nLine two\n');
    assert.equal(noteFromEditorText('ends with spaces  '), 'ends with spaces  ');
    assert.equal(editorTextFromNote('One line'), 'One line');
    assert.equal(editorTextFromNote(''), '');
  });

  it('shows every note so that saving it unchanged stores the same note', () => {
    fc.assert(fc.property(multiLine, (note) => {
      assert.equal(noteFromEditorText(editorTextFromNote(note)), note);
    }), { numRuns: 300 });
  });

  it('stores any typed text so that reopening shows it again, unless it ends in a single line break', () => {
    fc.assert(fc.property(multiLine, (typed) => {
      fc.pre(!/[^\n]\n$|^\n$/.test(typed));
      const { note } = savedThroughSidecar(typed);
      assert.equal(editorTextFromNote(note), typed);
    }), { numRuns: 150 });
  });

  it('a hand-written clip note (one final line break) is saved back unchanged', () => {
    const clip = HAND_EDITED.replace('note: |- # old style', 'note: | # old style');
    const stored = SidecarDocument.parse(clip).getAnnotation('n1')!.note;
    assert.equal(stored, 'first draft\nof the note\n');
    const { note } = savedThroughSidecar(editorTextFromNote(stored), clip);
    assert.equal(note, stored);
  });
});
