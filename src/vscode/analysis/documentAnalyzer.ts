import * as vscode from 'vscode';
import { extract, type EntityRegistry, type ExtractResult, type NameDetector, type Span } from '../../core/extract';
import { findPublicationDate } from '../../core/extract/dates';
import { readConfig } from '../config';
import type { ArticleFileHintsSource } from './fileHints';
import type { BlockExtractor } from '../perf/blockBackfill';
import { documentLength, LargeDocumentAnalyzer, largeDocumentDelay } from '../perf/largeDocuments';
import { firstIndex } from '../../core/util/firstIndex';

export interface Analysis {
  version: number;
  result: ExtractResult;
  /** Why the document was not analysed (too large, not English), for the status bar and hovers. */
  skipped?: string;
  /**
   * Visits the spans overlapping [from, to) with their absolute offsets: what the highlighter paints,
   * without reading (or copying) every span of a long document. `span`'s own offsets may be relative.
   */
  forEachSpanBetween(from: number, to: number, visit: (start: number, end: number, span: Span) => void): void;
  spanAt(offset: number): Span | undefined;
  /** Held as blocks (a long document): `result.spans` is a full pass, so prefer the windowed queries. */
  large: boolean;
}

const SIDECAR_SUFFIX = /\.annotations\.ya?ml$/i;

/** Plain-text and Markdown documents are articles; sidecars and output channels are not. */
export function isArticleDocument(doc: vscode.TextDocument): boolean {
  if (doc.languageId !== 'plaintext' && doc.languageId !== 'markdown' && doc.languageId !== 'article') return false;
  if (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled' && doc.uri.scheme !== 'vscode-remote') return false;
  return !SIDECAR_SUFFIX.test(doc.uri.path);
}

/**
 * Owns the extraction results of open documents, keyed by URI and document version, so that the
 * highlighter, hovers and the API share one analysis per edit. Re-analysis after typing is debounced.
 */
export class DocumentAnalyzer implements vscode.Disposable {
  private readonly cache = new Map<string, Analysis>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  private nameDetector: NameDetector | undefined;
  private registry: EntityRegistry | undefined;
  private publishedFor: ((uri: vscode.Uri) => string | undefined) | undefined;
  private fileHints: ArticleFileHintsSource | undefined;
  private readonly large: LargeDocumentAnalyzer;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  /** Fires after a document's analysis was replaced (edit settled, detector loaded, settings changed). */
  readonly onDidAnalyze = this.changed.event;

  /** `workers` extract the unseen blocks of long documents off the extension host. */
  constructor(workers?: BlockExtractor) {
    this.large = new LargeDocumentAnalyzer(workers);
    this.disposables.push(
      this.large,
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length === 0 || !isArticleDocument(e.document)) return;
        this.large.applyChanges(e);
        this.schedule(e.document);
      }),
      vscode.workspace.onDidCloseTextDocument((doc) => this.forget(doc.uri)),
      this.large.onDidProgress((doc) => {
        this.cache.delete(doc.uri.toString());
        this.announceSoon(doc);
      }),
    );
  }

  setNameDetector(detector: NameDetector | undefined): void {
    this.nameDetector = detector;
    this.invalidateAll();
  }

  /** The analyst's registry overrides the model; a change re-analyses every open article. */
  setRegistry(registry: EntityRegistry): void {
    this.registry = registry;
    this.invalidateAll();
  }

  /** A publication date recorded outside the text (the article's sidecar) wins over one found in it. */
  setPublishedProvider(provider: (uri: vscode.Uri) => string | undefined): void {
    this.publishedFor = provider;
  }

  /**
   * What is known of each article's file (name, first annotation, modification day) completes a date line
   * without a year; an open article is analysed again when that changes the date it resolves against.
   */
  setFileHints(hints: ArticleFileHintsSource): void {
    this.fileHints = hints;
    this.disposables.push(hints.onDidChange((uri) => {
      const cached = this.cache.get(uri.toString());
      if (!cached || this.publishedFor?.(uri)) return;
      const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
      if (!doc || doc.isClosed) return;
      // a long document's blocks resolve against the date its head and file hints give, as a short one does
      if (cached.large) {
        if (this.large.referenceChanged(doc, hints.hintsFor(uri))) this.invalidate(uri);
        return;
      }
      const reference = findPublicationDate(doc.getText(), hints.hintsFor(uri));
      if (reference?.iso !== cached.result.reference?.iso || reference?.yearFrom !== cached.result.reference?.yearFrom) this.invalidate(uri);
    }));
  }

  /** Re-analyses one open article now, e.g. after its publication date changed. */
  invalidate(uri: vscode.Uri): void {
    const key = uri.toString();
    this.cache.delete(key);
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (doc && isArticleDocument(doc)) this.changed.fire(doc);
  }

  invalidateAll(): void {
    this.cache.clear();
    this.large.clear();
    for (const doc of vscode.workspace.textDocuments) if (isArticleDocument(doc)) this.changed.fire(doc);
  }

  /** Long documents are analysed off screen from now on (see `LargeDocumentAnalyzer.startBackground`). */
  startBackground(): void {
    this.large.startBackground();
  }

  /** How much of a long document has been analysed; undefined for other documents. */
  backgroundProgress(doc: vscode.TextDocument): { done: number; total: number } | undefined {
    return this.large.progressOf(doc);
  }

  /** The analysis of the document's current version, computed now if needed. */
  analyze(doc: vscode.TextDocument): Analysis {
    const key = doc.uri.toString();
    const cached = this.cache.get(key);
    if (cached && cached.version === doc.version) return cached;
    const analysis = this.compute(doc);
    this.cache.set(key, analysis);
    return analysis;
  }

  /** The last analysis even if the document has moved on since (decorations stay put while typing). */
  latest(doc: vscode.TextDocument): Analysis | undefined {
    return this.cache.get(doc.uri.toString());
  }

  spanAt(doc: vscode.TextDocument, position: vscode.Position): Span | undefined {
    return this.analyze(doc).spanAt(doc.offsetAt(position));
  }

  private compute(doc: vscode.TextDocument): Analysis {
    const config = readConfig(doc.uri);
    const length = documentLength(doc);
    if (length > config.maxFileSizeMB * 1024 * 1024) {
      return flatAnalysis(doc.version, { spans: [] }, `larger than sourceAnnotator.analysis.maxFileSizeMB (${config.maxFileSizeMB} MB)`);
    }
    if (LargeDocumentAnalyzer.isLarge(length)) {
      const blocks = this.large.analyze(doc, {
        detector: this.nameDetector, registry: this.registry, published: this.publishedFor?.(doc.uri), file: this.fileHints?.hintsFor(doc.uri),
      });
      return {
        version: doc.version,
        result: blocks,
        skipped: blocks.language.english ? undefined : blocks.language.reason,
        forEachSpanBetween: (from, to, visit) => blocks.forEachSpanBetween(from, to, visit),
        spanAt: (offset) => blocks.spanAt(offset),
        large: true,
      };
    }
    const text = doc.getText();
    const result = extract(text, {
      nameDetector: this.nameDetector, registry: this.registry, published: this.publishedFor?.(doc.uri), file: this.fileHints?.hintsFor(doc.uri),
    });
    const skipped = result.language && !result.language.english ? result.language.reason : undefined;
    return flatAnalysis(doc.version, result, skipped);
  }

  private schedule(doc: vscode.TextDocument): void {
    const key = doc.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(key, setTimeout(() => {
      this.pending.delete(key);
      if (doc.isClosed) return;
      // With highlights off nothing is painted, so typing costs no extraction: hovers and references analyse on demand.
      if (readConfig(doc.uri).highlightEnabled) this.analyze(doc);
      this.announceSoon(doc);
    }, largeDocumentDelay(doc, readConfig(doc.uri).debounceMs)));
  }

  /**
   * Listeners (the highlighter's repaint above all) run in the next event-loop turn, not in the one that
   * just extracted: two short tasks keep the extension host responsive where one longer one would not.
   */
  private announceSoon(doc: vscode.TextDocument): void {
    setImmediate(() => {
      if (!doc.isClosed) this.changed.fire(doc);
    });
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.delete(key);
    this.cache.delete(key);
    this.large.forget(uri);
  }

  dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    this.pending.clear();
    this.cache.clear();
    for (const d of this.disposables) d.dispose();
  }
}

/** An analysis whose spans sit in one sorted array (every document below the large-document size). */
function flatAnalysis(version: number, result: ExtractResult, skipped?: string): Analysis {
  const spans = result.spans;
  return {
    version,
    result,
    skipped,
    large: false,
    forEachSpanBetween: (from, to, visit) => {
      for (let i = firstEndingAfter(spans, from); i < spans.length && spans[i].start < to; i++) visit(spans[i].start, spans[i].end, spans[i]);
    },
    spanAt: (offset) => {
      const s = spans[firstEndingAfter(spans, offset)];
      return s && s.start <= offset ? s : undefined;
    },
  };
}

/** Index of the first span ending after `offset` (spans are sorted and do not overlap). */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  return firstIndex(spans.length, (i) => spans[i].end > offset);
}
