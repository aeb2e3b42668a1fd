/**
 * A note as the analyst edits it in a text editor versus as the sidecar stores it. Editors end a file
 * with a line break (and may use CRLF), which is the file's convention rather than part of the note;
 * every other character, trailing blank lines included, is the note. The two conversions are inverse:
 * a note shown in an editor and saved unchanged comes back exactly, and so does the editor's text,
 * except that a single final line break is not kept.
 */

/** The note held by an editor's text: line breaks as `\n`, one final line break dropped. */
export function noteFromEditorText(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n');
  return normalized.endsWith('\n') ? normalized.slice(0, -1) : normalized;
}

/** The editor text that shows a note; a note ending in a line break gets the final one it lost. */
export function editorTextFromNote(note: string): string {
  return note.endsWith('\n') ? `${note}\n` : note;
}
