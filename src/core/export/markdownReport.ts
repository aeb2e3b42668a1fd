/**
 * A Markdown report for reading and sharing: the articles with their metadata, then every
 * annotation grouped by tag, each with its quote, article and note, then the articles' quotations with
 * their speakers.
 */
import { Annotation, ArticleMetadata } from '../sidecar/model';
import { ArticleAnnotations } from './articleAnnotations';
import { LineIndex } from '../text/lineIndex';
import { plural } from '../util/plural';
import { speakerLabel } from './quotations';

const UNTAGGED = '(untagged)';

/** Escapes characters that would turn plain text into Markdown structure or HTML. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]<>()#+|!~]/g, '\\$&').replace(/^(\s*)([-=]|\d+\.)(?=\s|$)/gm, '$1\\$2');
}

function quoteBlock(text: string): string {
  return text.split(/\r?\n/).map((line) => `> ${escapeMarkdown(line)}`.trimEnd()).join('\n');
}

function metadataLine(metadata: ArticleMetadata): string {
  const parts: string[] = [];
  if (metadata.source) parts.push(escapeMarkdown(metadata.source));
  if (metadata.author) parts.push(`by ${escapeMarkdown(metadata.author)}`);
  if (metadata.published) parts.push(`published ${metadata.published}`);
  if (metadata.reliability || metadata.credibility) parts.push(`Admiralty ${metadata.reliability ?? '?'}${metadata.credibility ?? '?'}`);
  if (metadata.url) parts.push(`<${metadata.url.replace(/>/g, '%3E')}>`);
  return parts.length > 0 ? parts.join(' · ') : 'no metadata';
}

/**
 * An analyst's note as Markdown of its own (it was written in a Markdown editor), made safe to paste into a
 * report: raw HTML is shown as text, and a line that would close or restructure the report (a heading or a
 * thematic break) is escaped. Emphasis, lists and links stay.
 */
export function noteMarkdown(note: string): string {
  return note
    .replace(/\r\n?/g, '\n')
    .replace(/[<>]/g, (ch) => (ch === '<' ? '&lt;' : '&gt;'))
    .split('\n')
    .map((line) => line.replace(/^(\s{0,3})(#{1,6}(?=\s|$)|={3,}\s*$|-{3,}\s*$|\*{3,}\s*$|_{3,}\s*$)/u, '$1\\$2'))
    .join('  \n');
}

/** "line 3, column 12–40" (1-based, as editors show them), or the character offsets without the text. */
function positionOf(annotation: Annotation, lines: LineIndex | undefined): string {
  const { start, end } = annotation.target;
  if (!lines) return `characters ${start}–${end}`;
  const from = lines.position(start);
  const to = lines.position(end);
  return from.line === to.line
    ? `line ${from.line + 1}, column ${from.character + 1}–${to.character}`
    : `line ${from.line + 1}, column ${from.character + 1} to line ${to.line + 1}, column ${to.character}`;
}

/** The report; tags are sorted alphabetically with untagged annotations last. */
export function annotationsToMarkdown(items: readonly ArticleAnnotations[], title = 'Annotation report'): string {
  const lines: string[] = [`# ${escapeMarkdown(title)}`, ''];
  const total = items.reduce((sum, item) => sum + item.sidecar.annotations.length, 0);
  lines.push(`${plural(total, 'annotation')} in ${plural(items.length, 'article')}.`, '');
  lines.push('## Articles', '');
  for (const { article, sidecar } of items) {
    lines.push(`- **${escapeMarkdown(article)}**: ${metadataLine(sidecar.article)} (${sidecar.annotations.length})`);
  }
  lines.push('');

  const byTag = new Map<string, { article: string; annotation: Annotation; lines?: LineIndex }[]>();
  for (const { article, sidecar, text } of items) {
    const index = text === undefined ? undefined : new LineIndex(text);
    for (const annotation of sidecar.annotations) {
      for (const tag of annotation.tags.length > 0 ? annotation.tags : [UNTAGGED]) {
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag)!.push({ article, annotation, lines: index });
      }
    }
  }
  const tags = [...byTag.keys()].sort((a, b) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : a.localeCompare(b)));
  for (const tag of tags) {
    const entries = byTag.get(tag)!;
    lines.push(`## ${tag === UNTAGGED ? 'Untagged' : `Tag: ${escapeMarkdown(tag)}`} (${entries.length})`, '');
    for (const { article, annotation, lines: at } of entries) {
      lines.push(quoteBlock(annotation.target.exact), '');
      const byline = [`*${escapeMarkdown(article)}*`, positionOf(annotation, at)];
      if (annotation.author) byline.push(escapeMarkdown(annotation.author));
      if (annotation.modified) byline.push(annotation.modified);
      lines.push(`— ${byline.join(', ')}`, '');
      if (annotation.note.trim() !== '') lines.push(noteMarkdown(annotation.note), '');
      if (annotation.conflict) lines.push(`**Conflict** with annotation \`${annotation.conflict.with}\`.`, '');
    }
  }
  const quoted = items.filter((item) => (item.quotes?.length ?? 0) > 0);
  if (quoted.length > 0) {
    const count = quoted.reduce((n, item) => n + item.quotes!.length, 0);
    lines.push(`## Quotations (${count})`, '');
    for (const { article, quotes, text } of quoted) {
      const at = text === undefined ? undefined : new LineIndex(text);
      lines.push(`### ${escapeMarkdown(article)}`, '');
      for (const q of quotes!) {
        lines.push(quoteBlock(q.text), '');
        const where = at ? (() => { const p = at.position(q.start); return `line ${p.line + 1}, column ${p.character + 1}`; })() : `characters ${q.start}–${q.end}`;
        lines.push(`— ${q.speaker ? `**${escapeMarkdown(q.speaker)}**` : escapeMarkdown(speakerLabel(q, text))}, ${where}`, '');
      }
    }
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
