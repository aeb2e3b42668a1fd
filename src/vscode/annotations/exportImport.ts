/**
 * Export every sidecar in the workspace as CSV, W3C Web Annotation JSON-LD or a Markdown report
 * (through the core exporters), and import Web Annotation JSON into the articles' sidecars.
 */
import * as vscode from 'vscode';
import type { ArticleAnnotations } from '../../core/export/articleAnnotations';
import { annotationsToCsv } from '../../core/export/csv';
import type { ExportQuote } from '../../core/export/quotations';
import { annotationsToMarkdown } from '../../core/export/markdownReport';
import { annotationsToWebAnnotationCollection, importWebAnnotations } from '../../core/export/webAnnotation';
import { uniqueAnnotationId } from '../../core/sidecar/annotationId';
import type { Annotation } from '../../core/sidecar/model';
import { plural } from '../../core/util/plural';
import type { AnnotationStore } from './annotationStore';
import { isCorpusFile } from '../index/articleFiles';
import { registerGuarded } from './commandGuard';
import { readTextFile, writeTextFileAtomic } from './sidecarFiles';

export type ExportFormat = 'csv' | 'jsonld' | 'markdown';

const FORMATS: Record<ExportFormat, { label: string; extension: string; render: (items: ArticleAnnotations[]) => string }> = {
  csv: { label: 'CSV (spreadsheet)', extension: 'csv', render: annotationsToCsv },
  jsonld: { label: 'W3C Web Annotation (JSON-LD)', extension: 'jsonld', render: (items) => `${JSON.stringify(annotationsToWebAnnotationCollection(items), null, 2)}\n` },
  // `.markdown`, not `.md`: a report saved in the workspace must not be indexed as an article
  // (`sourceAnnotator.articles.include` is `**/*.{txt,md}` by default).
  markdown: { label: 'Markdown report', extension: 'markdown', render: (items) => annotationsToMarkdown(items) },
};

/** Resolves an exported `source` (workspace-relative path or URI) back to an article. */
function articleForSource(source: string): vscode.Uri | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(source) && !/^[a-z]:[\\/]/i.test(source)) return vscode.Uri.parse(source);
  const folder = vscode.workspace.workspaceFolders?.[0];
  return folder ? vscode.Uri.joinPath(folder.uri, source.replace(/\\/g, '/')) : undefined;
}

/**
 * `quotesOf`: an article's quotations (from the corpus index), exported after its annotations; an article
 * the index does not hold yet is exported without them.
 */
export function registerExportImport(store: AnnotationStore, quotesOf?: (uri: string) => ExportQuote[]): vscode.Disposable[] {
  const exportAnnotations = async (args?: { format?: ExportFormat; target?: string }): Promise<string | undefined> => {
    await store.whenLoaded();
    let format = args?.format;
    if (!format) {
      const picked = await vscode.window.showQuickPick(
        (Object.keys(FORMATS) as ExportFormat[]).map((key) => ({ label: FORMATS[key].label, key })), { title: 'Export annotations as' });
      if (!picked) return undefined;
      format = picked.key;
    }
    const spec = FORMATS[format];
    if (!spec) throw new Error(`Unknown export format "${format}"`);
    let target = args?.target ? vscode.Uri.parse(args.target) : undefined;
    if (!target) {
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      target = await vscode.window.showSaveDialog({
        title: 'Export annotations',
        defaultUri: folder && vscode.Uri.joinPath(folder, `annotations.${spec.extension}`),
        filters: { [spec.label]: format === 'markdown' ? ['markdown', 'md'] : [spec.extension] },
      });
      if (!target) return undefined;
    }
    // The report gives line and column, read from the article's text (the editor's, when it is open).
    const textOf = (uri: vscode.Uri): Promise<string | undefined> => {
      const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
      return open ? Promise.resolve(open.getText()) : readTextFile(uri).catch(() => undefined);
    };
    // A sidecar deleted a moment ago (a folder removed, a checkout switched) may still be in the store until the
    // file watcher reports it: what is exported is what is on disk.
    const entries = store.all().filter((entry) => !entry.broken && entry.annotations.length > 0);
    const onDisk = await Promise.all(entries.map((entry) => vscode.workspace.fs.stat(entry.sidecar).then(() => true, () => false)));
    const items: ArticleAnnotations[] = (await Promise.all(entries
      .filter((_entry, k) => onDisk[k])
      .map(async (entry): Promise<ArticleAnnotations> => ({
        article: vscode.workspace.asRelativePath(entry.article, false),
        uri: entry.article.toString(),
        sidecar: { version: 1, article: entry.metadata, annotations: entry.annotations },
        text: format === 'markdown' ? await textOf(entry.article) : undefined,
        quotes: quotesOf?.(entry.article.toString()),
      }))))
      .sort((a, b) => a.article.localeCompare(b.article));
    await writeTextFileAtomic(target, spec.render(items));
    const count = items.reduce((sum, item) => sum + item.sidecar.annotations.length, 0);
    const quotes = items.reduce((sum, item) => sum + (item.quotes?.length ?? 0), 0);
    const message = `Source Annotator: exported ${plural(count, 'annotation')}${quotes ? ` and ${plural(quotes, 'quotation')}` : ''} to ${vscode.workspace.asRelativePath(target)}.`;
    if (isCorpusFile(target)) {
      // Saved where articles live, the export would be read as one (its names in hover cards, the article count).
      void vscode.window.showWarningMessage(`${message} It is inside the workspace's article files, so it will be indexed as an article; `
        + 'save exports with another extension (.markdown, .csv, .jsonld) or outside the workspace, or add them to "sourceAnnotator.articles.exclude".');
    } else {
      void vscode.window.showInformationMessage(message);
    }
    return target.toString();
  };

  const importAnnotations = async (args?: { source?: string }): Promise<{ imported: number; skipped: string[] } | undefined> => {
    let source = args?.source ? vscode.Uri.parse(args.source) : undefined;
    if (!source) {
      const picked = await vscode.window.showOpenDialog({
        title: 'Import W3C Web Annotations', canSelectMany: false, filters: { 'Web Annotation JSON': ['json', 'jsonld'] },
      });
      source = picked?.[0];
      if (!source) return undefined;
    }
    const raw = await readTextFile(source);
    if (raw === undefined) throw new Error(`${vscode.workspace.asRelativePath(source)} does not exist`);
    let json: unknown;
    try {
      json = JSON.parse(raw.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new Error(`${vscode.workspace.asRelativePath(source)} is not JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const texts = new Map<string, string | undefined>();
    // Sources are read up front: the core importer asks for texts synchronously.
    const { imported: preview } = importWebAnnotations(json);
    for (const { source: name } of preview) {
      if (texts.has(name)) continue;
      const article = articleForSource(name);
      const open = article && vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === article.toString());
      texts.set(name, open ? open.getText() : article ? await readTextFile(article).catch(() => undefined) : undefined);
    }
    // Ids are unique per sidecar: a clash is settled below, against the article's own annotations.
    const result = importWebAnnotations(json, { textOf: (name) => texts.get(name) });
    const skipped = [...result.skipped];
    const bySource = new Map<string, typeof result.imported>();
    for (const item of result.imported) {
      if (texts.get(item.source) === undefined) {
        skipped.push(`${item.source}: article not found in the workspace`);
        continue;
      }
      if (!bySource.has(item.source)) bySource.set(item.source, []);
      bySource.get(item.source)!.push(item);
    }
    let imported = 0;
    let alreadyThere = 0;
    for (const [name, items] of bySource) {
      const article = articleForSource(name)!;
      try {
        const outcome = await store.mutate(article, (doc) => {
          let added = 0;
          let present = 0;
          const ids = new Set(doc.sidecar.annotations.map((a) => a.id));
          for (const { annotation } of items) {
            const existing = doc.getAnnotation(annotation.id);
            if (existing && sameAnnotation(existing, annotation)) {
              present++; // imported before: importing it again changes nothing
              continue;
            }
            const id = existing ? uniqueAnnotationId(ids) : annotation.id;
            ids.add(id);
            doc.addAnnotation({ ...annotation, id });
            added++;
          }
          return { added, present };
        });
        imported += outcome.added;
        if (outcome.present > 0) alreadyThere += outcome.present;
      } catch (error) {
        // One article whose sidecar cannot be written (malformed, unreadable) does not stop the others.
        skipped.push(`${items.length} for ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    const message = `Source Annotator: imported ${plural(imported, 'annotation')}`
      + (alreadyThere > 0 ? ` (${alreadyThere} already there)` : '')
      + (skipped.length > 0 ? `; skipped ${skipped.length}: ${skipped.slice(0, 3).join('; ')}${skipped.length > 3 ? '…' : ''}` : '.');
    void (skipped.length > 0 ? vscode.window.showWarningMessage(message) : vscode.window.showInformationMessage(message));
    return { imported, skipped };
  };

  return [
    registerGuarded('sourceAnnotator.exportAnnotations', exportAnnotations),
    registerGuarded('sourceAnnotator.importAnnotations', importAnnotations),
  ];
}

/** The same annotation, as far as an import can tell: the same passage, tags and note. */
function sameAnnotation(a: Annotation, b: Annotation): boolean {
  return a.target.exact === b.target.exact && a.target.start === b.target.start && a.note === b.note
    && a.tags.length === b.tags.length && a.tags.every((tag, index) => tag === b.tags[index]);
}
