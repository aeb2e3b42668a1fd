/**
 * Copies of articles as they were when annotations were anchored on them, keyed by the text hash the
 * sidecar targets store, so that re-anchoring after the article changed while closed (a pull, a sync,
 * another editor) can follow the words through a diff (`core/anchor/textHistory`). The editor keeps
 * them in its workspace storage, outside the workspace (never indexed as articles, never committed).
 * Least recently used copies are pruned past a size cap; a missing or damaged copy only means the
 * re-anchor searches, as it would without one.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { articleTextHash } from '../core/sidecar/textHash';
import { atomicWrite } from './atomicWrite';

export interface SnapshotLimits {
  /** Total size of the kept copies on disk, in bytes (default 64 MiB). */
  maxBytes?: number;
  /** Most copies kept (default 2,000). */
  maxFiles?: number;
}

const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;
const DEFAULT_MAX_FILES = 2000;
const PRUNE_EVERY = 25;
const HASH = /^fnv1a64:([0-9a-f]{16})$/;

export class ArticleSnapshots {
  private readonly maxBytes: number;
  private readonly maxFiles: number;
  private pruning: Promise<void> = Promise.resolve();
  /** Copies written since the last prune: pruning lists the folder, so it runs once per `PRUNE_EVERY` writes. */
  private unpruned = 0;

  constructor(readonly directory: string, limits: SnapshotLimits = {}) {
    this.maxBytes = limits.maxBytes ?? DEFAULT_MAX_BYTES;
    this.maxFiles = limits.maxFiles ?? DEFAULT_MAX_FILES;
  }

  private fileFor(textHash: string): string | undefined {
    const match = HASH.exec(textHash);
    return match ? path.join(this.directory, `${match[1]}.txt`) : undefined;
  }

  /**
   * Keeps `text` under its hash (marking it used when it is kept already), then prunes. A text larger
   * than a quarter of the cap is not kept: it would push out every other article's copy.
   */
  async save(text: string, textHash = articleTextHash(text)): Promise<void> {
    const file = this.fileFor(textHash);
    if (!file || text.length > this.maxBytes / 4) return;
    if (await touch(file)) return;
    await fs.mkdir(this.directory, { recursive: true });
    await atomicWrite(file, text);
    if (this.unpruned++ % PRUNE_EVERY === 0) await this.prune();
  }

  /** The kept text with this hash, or undefined (none, unreadable, or not what its name says). */
  async load(textHash: string): Promise<string | undefined> {
    const file = this.fileFor(textHash);
    if (!file) return undefined;
    let text: string;
    try {
      text = await fs.readFile(file, 'utf8');
    } catch {
      return undefined;
    }
    if (articleTextHash(text) !== textHash) return undefined;
    await touch(file);
    return text;
  }

  /** Whether a copy is kept under this hash (without marking it used). */
  async has(textHash: string): Promise<boolean> {
    const file = this.fileFor(textHash);
    if (!file) return false;
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  }

  /** The kept texts among `hashes`, by hash. */
  async loadMany(hashes: Iterable<string>): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const hash of new Set(hashes)) {
      const text = await this.load(hash);
      if (text !== undefined) found.set(hash, text);
    }
    return found;
  }

  /** Deletes the least recently used copies past the caps. One prune at a time. */
  prune(): Promise<void> {
    this.pruning = this.pruning.then(() => this.pruneNow(), () => this.pruneNow());
    return this.pruning;
  }

  private async pruneNow(): Promise<void> {
    let names: string[];
    try {
      names = (await fs.readdir(this.directory)).filter((name) => /^[0-9a-f]{16}\.txt$/.test(name));
    } catch {
      return;
    }
    const files: { file: string; size: number; used: number }[] = [];
    for (const name of names) {
      const file = path.join(this.directory, name);
      try {
        const info = await fs.stat(file);
        files.push({ file, size: info.size, used: info.mtimeMs });
      } catch {
        // deleted meanwhile
      }
    }
    files.sort((a, b) => b.used - a.used);
    let total = 0;
    for (const [i, entry] of files.entries()) {
      total += entry.size;
      if (i < this.maxFiles && total <= this.maxBytes) continue;
      await fs.rm(entry.file, { force: true });
    }
  }
}

/** Marks a kept copy as just used; false when there is none. */
async function touch(file: string): Promise<boolean> {
  const now = new Date();
  try {
    await fs.utimes(file, now, now);
    return true;
  } catch {
    return false;
  }
}
