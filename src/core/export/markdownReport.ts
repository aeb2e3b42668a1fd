/**
 * A Markdown report for reading and sharing: the articles with their metadata, then every
 * annotation grouped by tag, each with its quote, article and note.
 */
import { Annotation, ArticleMetadata } from '../sidecar/model';
import { ArticleAnnotations } from './articleAnnotations';

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

/** The report; tags are sorted alphabetically with untagged annotations last. */
export function annotationsToMarkdown(items: readonly ArticleAnnotations[], title = 'Annotation report'): string {
  const lines: string[] = [`# ${escapeMarkdown(title)}`, ''];
  const total = items.reduce((sum, item) => sum + item.sidecar.annotations.length, 0);
  lines.push(`${total} annotation${total === 1 ? '' : 's'} in ${items.length} article${items.length === 1 ? '' : 's'}.`, '');
  lines.push('## Articles', '');
  for (const { article, sidecar } of items) {
    lines.push(`- **${escapeMarkdown(article)}**: ${metadataLine(sidecar.article)} (${sidecar.annotations.length})`);
  }
  lines.push('');

  const byTag = new Map<string, { article: string; annotation: Annotation }[]>();
  for (const { article, sidecar } of items) {
    for (const annotation of sidecar.annotations) {
      for (const tag of annotation.tags.length > 0 ? annotation.tags : [UNTAGGED]) {
        if (!byTag.has(tag)) byTag.set(tag, []);
        byTag.get(tag)!.push({ article, annotation });
      }
    }
  }
  const tags = [...byTag.keys()].sort((a, b) => (a === UNTAGGED ? 1 : b === UNTAGGED ? -1 : a.localeCompare(b)));
  for (const tag of tags) {
    const entries = byTag.get(tag)!;
    lines.push(`## ${tag === UNTAGGED ? 'Untagged' : `Tag: ${escapeMarkdown(tag)}`} (${entries.length})`, '');
    for (const { article, annotation } of entries) {
      lines.push(quoteBlock(annotation.target.exact), '');
      const byline = [`*${escapeMarkdown(article)}*`, `characters ${annotation.target.start}–${annotation.target.end}`];
      if (annotation.author) byline.push(escapeMarkdown(annotation.author));
      if (annotation.modified) byline.push(annotation.modified);
      lines.push(`— ${byline.join(', ')}`, '');
      if (annotation.note.trim() !== '') lines.push(escapeMarkdown(annotation.note).replace(/\r?\n/g, '  \n'), '');
      if (annotation.conflict) lines.push(`**Conflict** with annotation \`${annotation.conflict.with}\`.`, '');
    }
  }
  return lines.join('\n').replace(/\n+$/, '\n');
}
