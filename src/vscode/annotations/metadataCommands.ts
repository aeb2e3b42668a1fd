/**
 * Set Article Metadata (publication date, outlet, URL, author, Admiralty reliability and credibility)
 * and the shortcut Set Publication Date that date hovers link to. The date feeds extraction at once:
 * the register step re-analyses the article when its sidecar's `published` changes.
 */
import * as vscode from 'vscode';
import { RELIABILITY_GRADES, type ArticleMetadata, type Credibility, type Reliability } from '../../core/sidecar/model';
import type { MetadataPatch } from '../../core/sidecar/sidecarDocument';
import { isArticleDocument } from '../analysis/documentAnalyzer';
import type { AnnotationStore } from './annotationStore';
import { registerGuarded } from './commandGuard';

const RELIABILITY_LABELS: Record<Reliability, string> = {
  A: 'Completely reliable', B: 'Usually reliable', C: 'Fairly reliable', D: 'Not usually reliable', E: 'Unreliable', F: 'Reliability cannot be judged',
};
const CREDIBILITY_LABELS = ['Confirmed by other sources', 'Probably true', 'Possibly true', 'Doubtful', 'Improbable', 'Truth cannot be judged'];

/** YYYY-MM-DD that is a real calendar day. */
export function isIsoDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

type MetadataArgs = { article?: string } & { [K in keyof ArticleMetadata]?: ArticleMetadata[K] | null };

function articleFrom(args?: { article?: string }): vscode.Uri | undefined {
  if (args?.article) return vscode.Uri.parse(args.article);
  const editor = vscode.window.activeTextEditor;
  if (editor && isArticleDocument(editor.document)) return editor.document.uri;
  void vscode.window.showInformationMessage('Source Annotator: open an article (.txt or .md) first.');
  return undefined;
}

/** Arguments with a field set to `null` or `''` remove it; absent fields are left alone. */
function patchFrom(args: MetadataArgs): MetadataPatch {
  const patch: MetadataPatch = {};
  for (const key of ['published', 'source', 'url', 'author', 'reliability', 'credibility'] as const) {
    if (!(key in args)) continue;
    const value = args[key];
    (patch as Record<string, unknown>)[key] = value === null || value === '' ? undefined : value;
  }
  if (patch.published !== undefined && !isIsoDay(patch.published.slice(0, 10))) throw new Error(`"${patch.published}" is not a date (YYYY-MM-DD)`);
  return patch;
}

export function registerMetadataCommands(store: AnnotationStore): vscode.Disposable[] {
  const apply = async (article: vscode.Uri, patch: MetadataPatch): Promise<boolean> => {
    if (Object.keys(patch).length === 0) return false;
    await store.mutate(article, (doc) => doc.setMetadata(patch));
    return true;
  };

  // Hover links pass the article's URI alone.
  const setPublicationDate = async (input?: string | { article?: string; published?: string }): Promise<boolean> => {
    const args = typeof input === 'string' ? { article: input } : input;
    const article = articleFrom(args);
    if (!article) return false;
    let published = args?.published;
    if (published === undefined) {
      const entry = await store.ensure(article);
      published = await vscode.window.showInputBox({
        title: 'Publication date',
        prompt: 'The date the article was published (YYYY-MM-DD). Relative dates in the text are resolved from it.',
        value: entry.metadata.published ?? '',
        placeHolder: 'YYYY-MM-DD',
        validateInput: (value) => (value.trim() === '' || isIsoDay(value.trim()) ? undefined : 'Use YYYY-MM-DD, e.g. 2026-02-12'),
      });
      if (published === undefined) return false;
    }
    return apply(article, patchFrom({ published: published.trim() }));
  };

  const setMetadata = async (args?: MetadataArgs): Promise<boolean> => {
    const article = articleFrom(args);
    if (!article) return false;
    if (args && Object.keys(args).some((key) => key !== 'article')) return apply(article, patchFrom(args));
    const entry = await store.ensure(article);
    for (;;) {
      const current = entry.metadata;
      const field = await vscode.window.showQuickPick([
        { label: 'Publication date', description: current.published ?? '—', key: 'published' },
        { label: 'Source / outlet', description: current.source ?? '—', key: 'source' },
        { label: 'URL', description: current.url ?? '—', key: 'url' },
        { label: 'Author', description: current.author ?? '—', key: 'author' },
        { label: 'Reliability (Admiralty A–F)', description: current.reliability ? `${current.reliability} — ${RELIABILITY_LABELS[current.reliability]}` : '—', key: 'reliability' },
        { label: 'Credibility (Admiralty 1–6)', description: current.credibility ? `${current.credibility} — ${CREDIBILITY_LABELS[current.credibility - 1]}` : '—', key: 'credibility' },
      ] as const, { title: `Article metadata — ${vscode.workspace.asRelativePath(article)}`, placeHolder: 'Pick a field to set; Escape when done' });
      if (!field) return true;
      let patch: MetadataPatch | undefined;
      if (field.key === 'published') {
        await setPublicationDate({ article: article.toString() });
        continue;
      } else if (field.key === 'reliability') {
        const grade = await vscode.window.showQuickPick([...RELIABILITY_GRADES.map((g) => ({ label: g, description: RELIABILITY_LABELS[g] })), { label: 'Clear', description: '' }],
          { title: 'Source reliability' });
        if (grade) patch = { reliability: grade.label === 'Clear' ? undefined : grade.label as Reliability };
      } else if (field.key === 'credibility') {
        const grade = await vscode.window.showQuickPick([...CREDIBILITY_LABELS.map((label, i) => ({ label: String(i + 1), description: label })), { label: 'Clear', description: '' }],
          { title: 'Information credibility' });
        if (grade) patch = { credibility: grade.label === 'Clear' ? undefined : Number(grade.label) as Credibility };
      } else {
        const value = await vscode.window.showInputBox({ title: field.label, value: current[field.key] ?? '', prompt: 'Leave empty to clear.' });
        if (value !== undefined) patch = { [field.key]: value.trim() === '' ? undefined : value.trim() };
      }
      if (patch) await apply(article, patch);
    }
  };

  return [
    registerGuarded('sourceAnnotator.setPublicationDate', setPublicationDate),
    registerGuarded('sourceAnnotator.setArticleMetadata', setMetadata),
  ];
}
