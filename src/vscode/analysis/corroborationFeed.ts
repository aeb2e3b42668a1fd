import * as vscode from 'vscode';
import { CopyIndex, corroborate, type Corroboration } from '../../core/analysis/corroboration/corroboration';
import { corroborationAt, corroborationMarkdown, ReportIndex, warmCorroborations, type CorroborationContext } from '../../core/analysis/corroboration/cardLine';
import type { IndexedSpan } from '../../core/index/queryTypes';
import { articleMetadata } from '../../core/text/articleMeta';
import type { WorkspaceIndex } from '../index/workspaceIndex';
import { AnalysisStore } from '../../core/analysis/analysisStore';
import { QuoteIndex } from '../../core/analysis/corroboration/quoteReports';

/** The analyst's metadata of an article (its sidecar's `source` and `published`), which wins over the text's. */
export interface SidecarMetadataSource {
  metadataFor(uri: string): { source?: string; published?: string } | undefined;
  onDidChange: vscode.Event<vscode.Uri>;
}

let sidecarSource: SidecarMetadataSource | undefined;
const sidecarSourceSet = new vscode.EventEmitter<void>();

/** The hook for the annotations feature: the outlet an analyst records for an article counts first. */
export function setSidecarMetadataSource(source: SidecarMetadataSource | undefined): void {
  sidecarSource = source;
  sidecarSourceSet.fire();
}

/** Time spent fingerprinting articles before yielding to the extension host. */
const SLICE_MS = 15;

/**
 * Keeps a `CopyIndex` of the workspace in step with the corpus index, for the corroboration lines of hover
 * cards and of the Quotes view. Articles are fingerprinted in short slices off the hover's path; until an
 * article is done, it counts as a source of its own. The outlet is the one the analyst recorded in the
 * article's sidecar (`source`), else the one its text names (a dateline's agency, "Headline | Outlet", a
 * "Source:" line); the publication date likewise the sidecar's, else the index's. The
 * dates and figures are the index's spans (so a registry or model change that re-analyses an article
 * reaches them too).
 */
export class WorkspaceCopies implements vscode.Disposable {
  readonly copies = new CopyIndex();
  readonly reports = new ReportIndex();
  private readonly context: CorroborationContext;
  private readonly queue = new Set<string>();
  /** Which articles carry each quotation: built at the first quotation hover, then kept up per changed article. */
  private quotes: QuoteIndex | undefined;
  private readonly quotesToRead = new Set<string>();
  private running = false;
  /** Counts changes: a cache warm-up started before one stops. */
  private generation = 0;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly settled = new vscode.EventEmitter<void>();
  /** Fires when every indexed article is fingerprinted. */
  readonly onDidSettle = this.settled.event;

  constructor(private readonly workspace: WorkspaceIndex) {
    const index = workspace.index;
    this.context = {
      copies: this.copies,
      reports: this.reports,
      publicationDayOf: (uri) => index.articleInfo(uri)?.reference?.iso,
      infoOf: (uri) => ({ published: index.articleInfo(uri)?.published }),
      cache: new Map(),
    };
    this.disposables.push(this.settled, index.onDidChange((event) => {
      this.context.cache?.clear();
      this.generation++;
      for (const uri of event.removed) {
        this.quotesToRead.delete(uri);
        this.quotes?.remove(uri);
        this.queue.delete(uri);
        this.copies.remove(uri);
        this.reports.remove(uri);
      }
      for (const { from, to } of event.renamed) {
        this.copies.rename(from, to);
        this.reports.rename(from, to);
        this.quotes?.rename(from, to);
        if (this.quotesToRead.delete(from)) this.quotesToRead.add(to);
        if (this.queue.delete(from)) this.queue.add(to);
      }
      for (const uri of event.changed) {
        this.queue.add(uri);
        if (this.quotes) this.quotesToRead.add(uri);
      }
      this.schedule();
    }));
    let metadataSubscription: vscode.Disposable | undefined;
    const follow = () => {
      metadataSubscription?.dispose();
      metadataSubscription = sidecarSource?.onDidChange((article) => this.refreshInfo(article.toString()));
      for (const uri of index.uris()) this.refreshInfo(uri);
    };
    this.disposables.push(sidecarSourceSet.event(follow), { dispose: () => metadataSubscription?.dispose() });
    follow();
    for (const uri of index.uris()) this.queue.add(uri);
    this.schedule();
  }

  private infoOf(uri: string, text: string): { outlet?: string; published?: string } {
    const recorded = sidecarSource?.metadataFor(uri);
    const info: { outlet?: string; published?: string } = {};
    const outlet = recorded?.source?.trim() || articleMetadata(text).outlet;
    if (outlet) info.outlet = outlet;
    const published = recorded?.published?.slice(0, 10) || this.workspace.index.articleInfo(uri)?.published;
    if (published) info.published = published;
    return info;
  }

  /** An article's sidecar changed: its outlet may have. */
  private refreshInfo(uri: string): void {
    const text = this.workspace.index.textOf(uri);
    if (text === undefined || !this.copies.has(uri)) return;
    const before = this.copies.info(uri);
    const after = this.infoOf(uri, text);
    if (before?.outlet === after.outlet && before?.published === after.published) return;
    this.copies.setInfo(uri, after);
    this.context.cache?.clear();
  }

  /** True when every indexed article is fingerprinted. */
  get idle(): boolean {
    return this.queue.size === 0 && !this.running;
  }

  private schedule(): void {
    if (this.running || this.queue.size === 0) return;
    this.running = true;
    setImmediate(() => this.work());
  }

  private work(): void {
    const index = this.workspace.index;
    const until = performance.now() + SLICE_MS;
    for (const uri of this.queue) {
      this.queue.delete(uri);
      const text = index.textOf(uri);
      if (text === undefined) {
        this.copies.remove(uri);
        this.reports.remove(uri);
      } else {
        this.copies.set(uri, text, this.infoOf(uri, text));
        this.reports.set(uri, index.spansOf(uri), index.articleInfo(uri)?.reference?.iso);
      }
      if (performance.now() > until) break;
    }
    this.context.cache?.clear();
    if (this.queue.size) {
      setImmediate(() => this.work());
      return;
    }
    this.copies.settle();
    this.running = false;
    this.settled.fire();
    // the quotation index, off the first quotation hover's path
    if (!this.quotes) setImmediate(() => { if (!this.disposed) this.quoteCorroboration(''); });
    const generation = this.generation;
    void warmCorroborations(this.context, () => new Promise((resolve) => setImmediate(() => resolve(this.generation === generation && !this.disposed))));
  }

  /** The corroboration line of a figure's or a date's card, or undefined. */
  cardLine(hit: IndexedSpan): string | undefined {
    const found = corroborationAt(this.context, hit.uri, hit.span);
    return found && corroborationMarkdown(found);
  }

  /**
   * How independently a quotation is reported across the workspace, or undefined when only one article
   * carries it or the workspace's quotations are not read yet (the analyses catch up in the background).
   * The first call reads every article's quotations; later ones only the articles changed since.
   */
  quoteCorroboration(text: string): Corroboration | undefined {
    const index = this.workspace.index;
    const store = AnalysisStore.of(index);
    if (!store.ready()) return undefined;
    if (!this.quotes) {
      this.quotes = new QuoteIndex();
      for (const uri of index.uris()) this.quotesToRead.add(uri);
    }
    for (const uri of this.quotesToRead) {
      if (index.has(uri)) this.quotes.set(uri, store.quotes(uri));
      else this.quotes.remove(uri);
    }
    this.quotesToRead.clear();
    const articles = this.quotes.articlesWith(text);
    if (articles.size < 2) return undefined;
    const found = corroborate(this.copies, articles);
    return found.summary ? found : undefined;
  }

  /** How independently the articles in `uris` report something (a quotation). */
  corroborate(uris: Iterable<string>): Corroboration {
    return corroborate(this.copies, uris);
  }

  private disposed = false;

  dispose(): void {
    this.disposed = true;
    for (const d of this.disposables) d.dispose();
  }
}
