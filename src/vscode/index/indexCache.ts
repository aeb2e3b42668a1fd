import * as vscode from 'vscode';
import { CACHE_VERSION, type ArticleAnalysis } from '../../core/index/analysis';
import { cacheFilePieces, deserializeAnalysis, serializeAnalysis } from '../../core/index/cacheEntry';
import { writeTextFileAtomic } from '../atomicFile';

interface CacheFile {
  cacheVersion: number;
  /** Changes when the extension or its model changes: old results are then ignored. */
  engine: string;
  entries: Record<string, string>;
}

/**
 * Per-article analyses persisted in the extension's workspace storage, keyed by URI and validated by
 * content hash, so reopening a large workspace does no extraction. One file, written atomically.
 */
export class IndexCache {
  private entries = new Map<string, string>();
  private readonly file: vscode.Uri | undefined;

  constructor(storageUri: vscode.Uri | undefined, private readonly engine: string) {
    this.file = storageUri && vscode.Uri.joinPath(storageUri, `corpus-index-v${CACHE_VERSION}.json`);
  }

  async load(): Promise<void> {
    if (!this.file) return;
    try {
      const raw = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(this.file))) as CacheFile;
      if (raw.cacheVersion === CACHE_VERSION && raw.engine === this.engine) this.entries = new Map(Object.entries(raw.entries));
    } catch {
      this.entries.clear(); // missing or corrupt: rebuild
    }
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

  /** The same JSON as `JSON.stringify` of a `CacheFile`, written entry by entry (a large corpus's cache is tens of megabytes). */
  async save(): Promise<void> {
    if (!this.file) return;
    await vscode.workspace.fs.createDirectory(vscode.Uri.joinPath(this.file, '..'));
    await writeTextFileAtomic(this.file, cacheFilePieces({ cacheVersion: CACHE_VERSION, engine: this.engine }, [...this.entries]));
  }
}
