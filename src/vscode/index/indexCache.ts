import * as vscode from 'vscode';
import { CACHE_VERSION, type ArticleAnalysis } from '../../core/index/analysis';
import { cacheFileEntries, cacheFileHeader, cacheFileLines, deserializeAnalysis, serializeAnalysis } from '../../core/index/cacheEntry';
import { yieldToEventLoop } from '../../core/util/async';
import { writeTextFileAtomic } from '../atomicFile';

/** Entries read between two turns of the event loop when the cache is loaded. */
const LOAD_CHUNK = 2000;

/**
 * Per-article analyses persisted in the extension's workspace storage, keyed by URI and validated by
 * content hash, so reopening a large workspace does no extraction. One JSON Lines file, written
 * atomically; the header line carries the cache version and the engine (extension and model), and old
 * results are ignored when either changes. Entries stay text until looked up.
 */
export class IndexCache {
  private entries = new Map<string, string>();
  private readonly file: vscode.Uri | undefined;

  constructor(storageUri: vscode.Uri | undefined, private engine: string) {
    this.file = storageUri && vscode.Uri.joinPath(storageUri, `corpus-index-v${CACHE_VERSION}.jsonl`);
    // The single-JSON file of earlier versions is never read again (once per start, not per indexing pass).
    if (storageUri) void vscode.workspace.fs.delete(vscode.Uri.joinPath(storageUri, `corpus-index-v${CACHE_VERSION}.json`)).then(undefined, () => undefined);
  }

  /** The engine changed (the name model loaded): entries made by the old one are dropped, the file's are read only if it matches. */
  setEngine(engine: string): void {
    if (engine === this.engine) return;
    this.engine = engine;
    this.entries = new Map();
  }

  async load(): Promise<void> {
    if (!this.file) return;
    let text: string;
    try {
      text = new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file));
    } catch {
      return; // none yet: everything is analysed
    }
    const header = cacheFileHeader(text);
    if (header?.cacheVersion !== CACHE_VERSION || header.engine !== this.engine) return;
    const entries = new Map<string, string>();
    let read = 0;
    for (const [uri, entry] of cacheFileEntries(text)) {
      entries.set(uri, entry);
      if (++read % LOAD_CHUNK === 0) await yieldToEventLoop();
    }
    this.entries = entries;
  }

  lookup(uri: string, hash: string): ArticleAnalysis | undefined {
    const s = this.entries.get(uri);
    if (!s) return undefined;
    const a = deserializeAnalysis(s);
    return a && a.hash === hash ? a : undefined;
  }

  /** `serialized` is the entry when it was already written (by an analysis worker). */
  store(analysis: ArticleAnalysis, serialized?: string): void {
    this.entries.set(analysis.uri, serialized ?? serializeAnalysis(analysis));
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }

  /** Written piece by piece (a large corpus's cache is tens of megabytes). */
  async save(): Promise<void> {
    if (!this.file) return;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await writeTextFileAtomic(this.file, cacheFileLines({ cacheVersion: CACHE_VERSION, engine: this.engine }, [...this.entries]));
  }
}
