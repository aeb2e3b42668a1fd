import * as vscode from 'vscode';
import { extract, type ArticleFileHints, type EntityRegistry, type ExtractResult, type NameDetector, type NameType, type ReferenceDate, type Span } from '../../core/extract';
import { analyzeArticle, packAnalysis, registryFingerprint, SPAN_STRIDE, typeConfidenceAt, unpackSpan, type ArticleAnalysis } from '../../core/index/analysis';
import { isNameType } from '../../core/index/entityKey';
import type { AnalysisPool } from '../../node/analysisPool';
import { findPublicationDate } from '../../core/extract/dates';
import type { ArticleFileHintsSource } from '../analysis/fileHints';
import { documentLength, LargeDocumentAnalyzer } from '../perf/largeDocuments';
import { isReusable } from '../../core/index/cacheEntry';
import { CorpusIndex } from '../../core/index/corpusIndex';
import { contentHash } from '../../core/index/hash';
import { yieldToEventLoop } from '../../core/util/async';
import { readConfig } from '../config';
import { decodeArticle } from '../../core/text/decodeArticle';
import { findArticleFiles, isCorpusFile } from './articleFiles';
import { documentHash } from './documentHash';
import { IndexCache } from './indexCache';
import { isInsideAny, type FolderEvents } from '../folderEvents';

export type IndexState = { kind: 'idle' } | { kind: 'indexing'; done: number; total: number } | { kind: 'ready'; articles: number; entities: number; millis: number };

const WATCH_BATCH_MS = 300;
const CHUNK = 25;

/**
 * Keeps the corpus index in step with the workspace: a background pass over every article (window
 * progress, cancellable, yields between chunks), a cache in workspace storage, file-watcher bursts
 * batched into one update, renames, and the unsaved text of open editors.
 */
export class WorkspaceIndex implements vscode.Disposable {
  readonly index: CorpusIndex;
  private readonly cache: IndexCache;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly stateEmitter = new vscode.EventEmitter<IndexState>();
  readonly onDidChangeState = this.stateEmitter.event;
  private stateValue: IndexState = { kind: 'idle' };
  private run: vscode.CancellationTokenSource | undefined;
  private readonly queued = new Map<string, vscode.Uri | null>();
  /**
   * Articles deleted from disk (until created again): an editor may still hold their text for minutes, and
   * its analysis (or a sidecar's change) must not put a deleted article back into the index.
   */
  private readonly deletedOnDisk = new Set<string>();
  private queueTimer: NodeJS.Timeout | undefined;
  private saveTimer: NodeJS.Timeout | undefined;
  private nameDetector: NameDetector | undefined;
  private registry: EntityRegistry = { entities: [] };
  private firstRun: Promise<void> | undefined;
  private registryTimer: NodeJS.Timeout | undefined;
  private publishedFor: ((uri: string) => string | undefined) | undefined;
  private fileHints: ArticleFileHintsSource | undefined;
  /**
   * What produced each indexed analysis (engine and name model, registry, publication date): an article
   * whose text is unchanged is analysed again when any of these changed, so the index never keeps spans
   * the editor would no longer show (e.g. the rules' spans from before the model loaded).
   */
  private readonly stamps = new Map<string, string>();
  /** The extension and the name model: cache entries of another engine are never reused. */
  private engine: string;
  /** False until the name model has loaded (or failed to): analyses made before it are not cached. */
  private detectorSettled = false;

  constructor(private readonly storageUri: vscode.Uri | undefined, private readonly baseEngine: string, private readonly log: vscode.LogOutputChannel, private readonly pool?: AnalysisPool, folders?: FolderEvents) {
    this.engine = `${baseEngine}+rules`;
    this.cache = new IndexCache(storageUri, this.engine);
    this.index = new CorpusIndex({ extract: (text, options) => this.extract(text, options) });
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.{txt,md}');
    this.disposables.push(
      this.stateEmitter,
      watcher,
      watcher.onDidCreate((uri) => this.enqueue(uri)),
      watcher.onDidChange((uri) => this.enqueue(uri)),
      watcher.onDidDelete((uri) => this.enqueue(uri, true)),
      // Articles that came or went with their folder, which the pattern above does not report (see FolderEvents).
      ...(folders ? [
        folders.onDidCreateFolder((folder) => void this.enqueueFolder(folder)),
        folders.onDidDelete((uris) => {
          const gone = new Set(uris.map((uri) => uri.toString()));
          for (const key of this.index.uris()) if (isInsideAny(key, gone)) this.enqueue(vscode.Uri.parse(key), true);
        }),
      ] : []),
      vscode.workspace.onDidRenameFiles((e) => {
        for (const f of e.files) {
          const from = f.oldUri.toString();
          if (!this.index.has(from)) continue;
          this.index.rename(from, f.newUri.toString());
          const stamp = this.stamps.get(from);
          this.stamps.delete(from);
          if (stamp) this.stamps.set(f.newUri.toString(), stamp);
        }
        this.scheduleSave();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => void this.reindex()),
      // For tests: one article's spans from every path that can produce them (see `analysisPaths`).
      vscode.commands.registerCommand('sourceAnnotator.index.analysisPaths', (uri: unknown) => typeof uri === 'string' ? this.analysisPaths(uri) : undefined),
    );
  }

  get state(): IndexState {
    return this.stateValue;
  }

  /** Resolves once the first full pass has finished (or was cancelled). */
  whenReady(): Promise<void> {
    return this.firstRun ?? Promise.resolve();
  }

  /**
   * `model` identifies the detector's model (e.g. a hash of its bytes), so that the cache keeps the
   * analyses of one model only. Call it before the editor's analyzer gets the same detector.
   */
  setNameDetector(detector: NameDetector | undefined, reindex: boolean, model?: string): void {
    this.nameDetector = detector;
    this.detectorSettled = true;
    this.engine = `${this.baseEngine}+${detector ? `${detector.id}:${model ?? ''}` : 'rules'}`;
    this.cache.setEngine(this.engine);
    if (reindex) void this.reindex();
  }

  /** What an analysis made now of this article would be made with (see `stamps`). */
  private stampFor(uri: string): string {
    return `${this.engine}\u0000${registryFingerprint(this.registry)}\u0000${this.publishedFor?.(uri) ?? ''}`;
  }

  /** True when the index holds an analysis of exactly this text made as one made now would be. */
  private isCurrent(uri: string, hash: string): boolean {
    return this.index.hashOf(uri) === hash && this.stamps.get(uri) === this.stampFor(uri);
  }

  private addToIndex(analysis: ArticleAnalysis, text: string): void {
    this.stamps.set(analysis.uri, this.stampFor(analysis.uri));
    this.index.addAnalysis(analysis, text);
  }

  /**
   * Relinks at once (aliases, merges, ignores need no extraction), then re-analyses the corpus in the
   * background, since registry names are also matched in the text.
   */
  setRegistry(registry: EntityRegistry): void {
    if (registryFingerprint(registry) === registryFingerprint(this.registry)) return;
    this.registry = registry;
    this.index.setRegistry(registry);
    if (this.firstRun) {
      clearTimeout(this.registryTimer);
      this.registryTimer = setTimeout(() => void this.reindex(), 1000);
    }
  }

  /** Publication dates recorded outside the text (annotation sidecars); they win over dates found in it. */
  setPublishedProvider(provider: (uri: string) => string | undefined): void {
    this.publishedFor = provider;
  }

  /**
   * What is known of each article's file (name, first annotation, modification day) completes a date line
   * without a year: an indexed article is analysed again when that changes the date it resolves against.
   */
  setFileHints(hints: ArticleFileHintsSource): void {
    this.fileHints = hints;
    this.disposables.push(hints.onDidChange((uri) => {
      const key = uri.toString();
      const text = this.index.textOf(key);
      if (text === undefined || this.publishedFor?.(key) || this.hasCurrentReference(key, text, this.index.articleInfo(key)?.reference)) return;
      void this.refreshArticle(uri).catch((err: unknown) => this.log.warn(`Could not re-index ${key}: ${String(err)}`));
    }));
  }

  private hintsFor(key: string): ArticleFileHints | undefined {
    return this.fileHints?.hintsFor(vscode.Uri.parse(key));
  }

  /** Whether the reference date found with what is known of the file now is the one an analysis used. */
  private hasCurrentReference(key: string, text: string, reference: ReferenceDate | undefined): boolean {
    if (!this.fileHints || this.publishedFor?.(key)) return true;
    // a full date in the text comes before anything the file says: no need to look again
    if (reference?.source === 'dateline' || reference?.source === 'front-matter') return true;
    const now = findPublicationDate(text, this.hintsFor(key));
    return now?.iso === reference?.iso && now?.source === reference?.source && now?.yearFrom === reference?.yearFrom;
  }

  /** Re-analyses one article with its current publication date, e.g. right after the analyst set it. */
  async refreshArticle(uri: vscode.Uri): Promise<void> {
    const key = uri.toString();
    if ((!isCorpusFile(uri) && !this.index.has(key)) || this.deletedOnDisk.has(key)) return;
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const text = open ? open.getText() : await this.readText(uri, readConfig().maxFileSizeMB * 1048576);
    if (text === undefined) return;
    const analysis = await this.analyze(key, text);
    if (this.deletedOnDisk.has(key)) return;
    if (!open?.isDirty) this.store(analysis);
    this.addToIndex(analysis, text);
    this.scheduleSave();
  }

  private hasCurrentPublished(uri: string, cached: string | undefined): boolean {
    const published = this.publishedFor?.(uri);
    return published === undefined || published === cached;
  }

  private store(analysis: ArticleAnalysis): void {
    if (!this.detectorSettled) return;
    this.cache.store(analysis, this.pool?.cacheEntryOf(analysis));
  }

  /** Extraction runs in a worker thread when the pool is available, so the extension host stays responsive. */
  private async analyze(key: string, text: string): Promise<ArticleAnalysis> {
    const options = { registry: this.registry, published: this.publishedFor?.(key), file: this.hintsFor(key) };
    if (this.pool) {
      try {
        return await this.pool.analyze(key, text, options);
      } catch (err) {
        this.log.warn(`Worker analysis of ${key} failed (${err instanceof Error ? err.message : String(err)}); analysing in-process.`);
      }
    }
    return analyzeArticle(key, text, { ...options, extract: (t, o) => this.extract(t, o) });
  }

  private extract(text: string, options: { published?: string | null; registry?: EntityRegistry; file?: ArticleFileHints }): ExtractResult {
    return extract(text, { ...options, nameDetector: this.nameDetector });
  }

  /**
   * Indexes the live text of an open document, reusing the analysis the highlighter already computed.
   * `analysis` is asked for only when the index takes the text: a long article is left to the watcher,
   * and its analysis (extraction, with highlights off) is not started for nothing.
   */
  updateFromEditor(doc: vscode.TextDocument, analysis: () => ExtractResult, force = false): void {
    if (!force && !isCorpusFile(doc.uri) && !this.index.has(doc.uri.toString())) return;
    // Relinking a multi-megabyte article costs a few hundred milliseconds: while it is being typed in,
    // the index keeps the saved version (the watcher re-indexes it in a worker on save).
    if (isLargeDocument(doc)) return;
    const uri = doc.uri.toString();
    if (this.deletedOnDisk.has(uri)) return;
    if (this.isCurrent(uri, documentHash(doc))) return;
    const text = doc.getText();
    const packed = packAnalysis(uri, text, analysis(), { registry: this.registry, published: this.publishedFor?.(uri) });
    this.addToIndex(packed, text);
    // Saved text is what the next start reads from disk: keep its analysis for that start.
    if (!doc.isDirty) {
      this.store(packed);
      this.scheduleSave();
    }
  }

  /**
   * Saves the cache, reads it back as the next start would, and counts the indexed articles a warm start
   * could take from it without extraction (the `sourceAnnotator.index.checkCache` hook, for tests).
   */
  async checkCache(): Promise<{ indexed: string[]; reusable: string[] }> {
    await this.cache.save();
    const reread = new IndexCache(this.storageUri, this.engine);
    await reread.load();
    const uris = this.index.uris();
    const reusable = uris.filter((uri) => {
      const hash = this.index.hashOf(uri);
      const cached = hash && reread.lookup(uri, hash);
      return cached && isReusable(cached, hash, registryFingerprint(this.registry));
    });
    return { indexed: uris, reusable };
  }

  /**
   * One article's spans as each path produces them: a worker, this thread, the cache as the next start
   * would read it, and the index (as analysed, as displayed, and the type the highlighter paints each
   * name in). The same text, registry and publication date must give the same spans on every path.
   */
  async analysisPaths(uriString: string): Promise<Record<string, Span[] | (NameType | null | undefined)[] | string | Record<string, number[] | undefined> | undefined>> {
    const uri = vscode.Uri.parse(uriString);
    const key = uri.toString();
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    const text = open ? open.getText() : await this.readText(uri, readConfig().maxFileSizeMB * 1048576);
    if (text === undefined) return {};
    const options = { registry: this.registry, published: this.publishedFor?.(key), file: this.hintsFor(key) };
    const unpacked = (analysis: ArticleAnalysis | undefined): Span[] | undefined => analysis &&
      Array.from({ length: analysis.spans.length / SPAN_STRIDE }, (_, i) => unpackSpan(analysis, i, text));
    // the tagger's confidence in each span's type, as packed: it weighs the workspace's type decisions
    const confidences = (analysis: ArticleAnalysis | undefined): number[] | undefined => analysis &&
      Array.from({ length: analysis.spans.length / SPAN_STRIDE }, (_, i) => typeConfidenceAt(analysis, i) ?? -1);
    const workerAnalysis = this.pool ? await this.pool.analyze(key, text, options) : undefined;
    const threadAnalysis = analyzeArticle(key, text, { ...options, extract: (t, o) => this.extract(t, o) });
    const worker = unpacked(workerAnalysis);
    const thread = unpacked(threadAnalysis);
    await this.cache.save();
    const reread = new IndexCache(this.storageUri, this.engine);
    await reread.load();
    const hash = contentHash(text);
    const cached = reread.lookup(key, hash);
    const indexed = this.index.hashOf(key) === hash ? this.index.analysedSpansOf(key) : undefined;
    const cache = cached && isReusable(cached, hash, registryFingerprint(this.registry)) ? cached : undefined;
    return {
      hash, worker, thread,
      cache: unpacked(cache),
      confidence: {
        worker: confidences(workerAnalysis), thread: confidences(threadAnalysis), cache: confidences(cache),
        index: indexed && this.index.analysedConfidencesOf(key),
      },
      index: indexed,
      display: this.index.spansOf(key),
      painted: indexed?.map((s) => isNameType(s.type) ? this.index.nameTypeOf(s.type, s.text, s.canonical) : undefined),
    };
  }

  /** A full pass over the corpus; a newer pass cancels an older one. */
  reindex(): Promise<void> {
    this.log.info('Indexing the workspace articles.');
    this.run?.cancel();
    const run = (this.run = new vscode.CancellationTokenSource());
    const pass = Promise.resolve(vscode.window.withProgress(
      { location: vscode.ProgressLocation.Window, title: 'Source Annotator: indexing articles', cancellable: false },
      (progress) => this.indexAll(run.token, progress),
    )).then(undefined, (err: unknown) => {
      this.log.error(`Indexing failed: ${err instanceof Error ? err.stack ?? err.message : String(err)}`);
      void vscode.window.showErrorMessage(`Source Annotator: indexing failed: ${err instanceof Error ? err.message : String(err)}`);
    });
    this.firstRun ??= pass;
    return pass;
  }

  private async indexAll(token: vscode.CancellationToken, progress: vscode.Progress<{ message?: string }>): Promise<void> {
    const started = Date.now();
    await this.cache.load();
    if (token.isCancellationRequested) return;
    const files = await findArticleFiles(token);
    if (token.isCancellationRequested) return;
    const maxBytes = readConfig().maxFileSizeMB * 1048576;
    const fingerprint = registryFingerprint(this.registry);
    const seen = new Set<string>();
    let analysed = 0;
    let reused = 0;
    this.setState({ kind: 'indexing', done: 0, total: files.length });
    for (let i = 0; i < files.length; i += CHUNK) {
      if (token.isCancellationRequested) return;
      const chunk = files.slice(i, i + CHUNK);
      const texts = await Promise.all(chunk.map((uri) => this.readText(uri, maxBytes)));
      // Decide what each file needs, analyse the rest in workers, then link the chunk in one batch.
      const work = chunk.map((uri, k) => {
        const text = texts[k];
        const key = uri.toString();
        seen.add(key);
        if (text === undefined || openDocumentIsDirty(uri)) return undefined; // the editor's live text wins
        const hash = contentHash(text);
        if (this.isCurrent(key, hash)) return undefined;
        const cached = this.cache.lookup(key, hash);
        if (cached && isReusable(cached, hash, fingerprint) && this.hasCurrentPublished(key, cached.published) &&
          this.hasCurrentReference(key, text, cached.reference)) {
          reused++;
          return { text, analysis: Promise.resolve(cached), fresh: false };
        }
        analysed++;
        return { text, analysis: this.analyze(key, text), fresh: true };
      });
      const results = await Promise.all(work.map((w) => w?.analysis));
      if (token.isCancellationRequested) return;
      this.index.batch(() => {
        work.forEach((w, k) => {
          const analysis = results[k];
          if (!w || !analysis) return;
          if (w.fresh) this.store(analysis);
          this.addToIndex(analysis, w.text);
        });
      });
      this.setState({ kind: 'indexing', done: Math.min(files.length, i + CHUNK), total: files.length });
      progress.report({ message: `${Math.min(files.length, i + CHUNK)}/${files.length}` });
      await yieldToEventLoop();
    }
    this.index.batch(() => {
      for (const uri of this.index.uris()) {
        if (!seen.has(uri) && !vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri)) {
          this.log.info(`Removed from the index (no longer in the workspace): ${uri}`);
          this.index.remove(uri);
          this.stamps.delete(uri);
          this.cache.delete(uri);
        }
      }
    });
    if (token.isCancellationRequested) return;
    const millis = Date.now() - started;
    this.log.info(`Indexed ${files.length} articles in ${millis} ms (${analysed} analysed, ${reused} from cache); the index holds ${this.index.size}.`);
    this.setState({ kind: 'ready', articles: this.index.size, entities: this.entityCount(), millis });
    if (analysed > 0) this.scheduleSave();
  }

  private entityCount(): number {
    return this.index.workspaceSymbols('', Number.MAX_SAFE_INTEGER).length;
  }

  private async readText(uri: vscode.Uri, maxBytes: number): Promise<string | undefined> {
    try {
      // the modification day completes a date line without a year (the reference-date chain)
      const [bytes] = await Promise.all([
        vscode.workspace.fs.readFile(uri),
        this.fileHints && Promise.resolve(vscode.workspace.fs.stat(uri)).then((stat) => this.fileHints?.noteModified(uri, stat.mtime), () => undefined),
      ]);
      const decoded = decodeArticle(bytes, maxBytes);
      if (decoded.skipped) {
        this.log.info(`Skipped ${uri.fsPath}: ${decoded.warning}.`);
        return undefined;
      }
      return decoded.text;
    } catch (err) {
      this.log.warn(`Cannot read ${uri.fsPath}: ${err instanceof Error ? err.message : String(err)}`);
      return undefined;
    }
  }

  private async enqueueFolder(folder: vscode.Uri): Promise<void> {
    try {
      for (const uri of await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/*.{txt,md}'), '**/node_modules/**')) this.enqueue(uri);
    } catch (err) {
      this.log.warn(`Could not list the articles of ${folder.toString()}: ${String(err)}`);
    }
  }

  private enqueue(uri: vscode.Uri, deleted = false): void {
    if (!isCorpusFile(uri)) return;
    if (deleted) this.deletedOnDisk.add(uri.toString());
    else this.deletedOnDisk.delete(uri.toString());
    this.queued.set(uri.toString(), deleted ? null : uri);
    clearTimeout(this.queueTimer);
    this.queueTimer = setTimeout(() => void this.flushQueue(), WATCH_BATCH_MS);
  }

  /** One batch per burst of watcher events (a `git pull` of 500 files), chunked so the host stays responsive. */
  private async flushQueue(): Promise<void> {
    const items = [...this.queued.entries()];
    this.queued.clear();
    const maxBytes = readConfig().maxFileSizeMB * 1048576;
    for (let i = 0; i < items.length; i += CHUNK) {
      const chunk = items.slice(i, i + CHUNK);
      const texts = await Promise.all(chunk.map(([, uri]) => (uri && !openDocumentIsDirty(uri) ? this.readText(uri, maxBytes) : undefined)));
      const fresh = await Promise.all(chunk.map(([key, uri], k) => {
        const text = texts[k];
        if (uri === null || text === undefined || this.isCurrent(key, contentHash(text))) return undefined;
        return this.analyze(key, text);
      }));
      this.index.batch(() => {
        chunk.forEach(([key, uri], k) => {
          if (uri === null) {
            this.log.info(`Removed from the index (deleted): ${key}`);
            this.index.remove(key);
            this.stamps.delete(key);
            this.cache.delete(key);
          } else if (fresh[k]) {
            this.store(fresh[k]!);
            this.addToIndex(fresh[k]!, texts[k]!);
          }
        });
      });
      await yieldToEventLoop();
    }
    if (this.stateValue.kind === 'ready') this.setState({ ...this.stateValue, articles: this.index.size, entities: this.entityCount() });
    this.scheduleSave();
  }

  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => {
      this.cache.save().catch((err: unknown) => this.log.warn(`Could not save the index cache: ${String(err)}`));
    }, 2000);
  }

  private setState(state: IndexState): void {
    this.stateValue = state;
    this.stateEmitter.fire(state);
  }

  dispose(): void {
    this.run?.cancel();
    clearTimeout(this.queueTimer);
    clearTimeout(this.saveTimer);
    clearTimeout(this.registryTimer);
    this.index.dispose();
    this.pool?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}

function openDocumentIsDirty(uri: vscode.Uri): boolean {
  const key = uri.toString();
  return vscode.workspace.textDocuments.some((d) => d.isDirty && d.uri.toString() === key);
}

/** Large articles (see `LargeDocumentAnalyzer`) reach the corpus index on save, not while being typed in. */
export function isLargeDocument(doc: vscode.TextDocument): boolean {
  return LargeDocumentAnalyzer.isLarge(documentLength(doc));
}
