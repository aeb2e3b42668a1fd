/**
 * `archive ingest`: every article under the folders, analysed on worker threads and written to the archive
 * in batches of one transaction each.
 *
 * - Incremental: the archive's ingest hashes of a folder are read in one query and compared in memory, so
 *   an unchanged folder is read and hashed, never re-analysed or rewritten.
 * - Resumable: a batch commits atomically; a killed run leaves whole articles only, and the next run
 *   skips what was committed.
 * - Concurrent: no lock is held while analysing; a batch takes per-path advisory locks for its own
 *   articles only, so runs on different folders (or machines) never wait for each other except on the
 *   short counter updates of shared entities.
 * - One bad file is reported and the rest go on; the caller exits non-zero when any failed.
 */
import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';
import type { Pool } from 'pg';
import { extract, type EntityRegistry } from '../../core/extract';
import type { NameDetector } from '../../core/extract/types';
import { analyzeArticle, CACHE_VERSION, registryFingerprint, type ArticleAnalysis } from '../../core/index/analysis';
import { contentHash } from '../../core/index/hash';
import { EntityLinker } from '../../core/index/linker';
import { findRegistry } from '../articleCorpus';
import type { Annotation } from '../../core/sidecar/model';
import { SidecarDocument } from '../../core/sidecar/sidecarDocument';
import { sidecarPathFor } from '../../core/sidecar/sidecarPath';
import { decodeArticle } from '../../core/text/decodeArticle';
import type { AnalysisPool } from '../analysisPool';
import { isRetryable, removeArticles, removeEmptyEntities, writeBatch, type BatchOutcome } from './load';
import { articleRows, type ArticleRows } from './rows';
import { migrate } from './schema';

/** Bump when the rows built from an analysis change, so the next ingest rewrites every article. */
export const ARCHIVE_ROWS_VERSION = 3; // 2: quotations; 3: dated sentences and paragraph entities
/** Files larger than this are not articles (the editor's own limit is of the same order). */
export const MAX_ARTICLE_BYTES = 16 * 1048576;

export interface IngestOptions {
  pool: Pool;
  dirs: string[];
  /** Lists the article files under a folder (the walk the other commands use). */
  listArticles: (dir: string) => Promise<string[]>;
  /** Worker threads for the analysis; undefined analyses in this thread (with `nameDetector`). */
  analysisPool?: AnalysisPool;
  nameDetector?: NameDetector;
  /** Analyses in flight at most (bounds memory while the database is slower than the workers). */
  inFlight?: number;
  batchSize?: number;
  /** Keeps the archive's articles whose file is gone from its folder (by default they are removed). */
  keepMissing?: boolean;
  onProgress?: (progress: IngestProgress) => void;
  onProblem?: (message: string) => void;
  /** Told what the archive does differently than asked, not a failure (an index the server cannot build). */
  onNotice?: (message: string) => void;
}

export interface IngestProgress {
  /** Files found so far (grows while folders are listed). */
  total: number;
  /** Files done: unchanged, written or failed. */
  done: number;
  unchanged: number;
  written: number;
  failed: number;
}

export interface IngestResult extends IngestProgress {
  replaced: number;
  /** Articles removed from the archive because their file is no longer in the folder. */
  removed: number;
  seconds: number;
  migrated: number[];
  /** Entities deleted because no article names them any more. */
  emptied: number;
}

interface DirContext {
  dir: string;
  registry?: EntityRegistry;
  registryPath?: string;
  linker: EntityLinker;
  fingerprint: string;
}

interface SidecarInfo {
  published?: string;
  annotations: Annotation[];
  hash: string;
}

async function readSidecar(file: string, onProblem: (m: string) => void): Promise<SidecarInfo> {
  const path = sidecarPathFor(file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { annotations: [], hash: '' };
  }
  const doc = SidecarDocument.parse(text);
  if (doc.hasErrors) {
    const first = doc.problems.find((p) => p.severity === 'error');
    onProblem(`${path}:${first?.line ?? 1}:${first?.column ?? 1}: ${first?.message ?? 'invalid'} (its annotations are not archived)`);
    return { annotations: [], hash: contentHash(text) };
  }
  const published = doc.sidecar.article.published?.slice(0, 10);
  return {
    published: published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : undefined,
    annotations: doc.sidecar.annotations,
    hash: contentHash(text),
  };
}

/** Replaces the archive's copy of one registry file (its entities, aliases, merges and ignored names). */
async function mirrorRegistry(pool: Pool, path: string, registry: EntityRegistry): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 11))', [path]);
    await client.query('DELETE FROM sa_registry_entities WHERE registry = $1', [path]);
    await client.query('DELETE FROM sa_registry_ignored WHERE registry = $1', [path]);
    const seen = new Set<string>();
    const entities = registry.entities.filter((e) => {
      const k = `${e.type}\u0000${e.canonical}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    if (entities.length) {
      await client.query(
        `INSERT INTO sa_registry_entities (registry, canonical, type, aliases, description, links)
         SELECT $1, c, t, ARRAY(SELECT jsonb_array_elements_text(a)), d, ARRAY(SELECT jsonb_array_elements_text(l))
         FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::jsonb[]) AS u(c, t, a, d, l)`,
        [path, entities.map((e) => e.canonical), entities.map((e) => e.type), entities.map((e) => JSON.stringify(e.aliases ?? [])),
          entities.map((e) => e.description ?? null), entities.map((e) => JSON.stringify(e.links ?? []))]);
    }
    const ignored = [...new Set(registry.ignore ?? [])];
    if (ignored.length) {
      await client.query('INSERT INTO sa_registry_ignored (registry, surface) SELECT $1, unnest($2::text[])', [path, ignored]);
    }
    await client.query('COMMIT');
  } catch (err) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
}

/** The archive's ingest hash of every article under `dir`: one range scan of the path index. */
async function existingHashes(pool: Pool, dir: string): Promise<Map<string, string>> {
  const prefix = dir.endsWith(sep) ? dir : dir + sep;
  const upper = prefix.slice(0, -1) + String.fromCharCode(prefix.charCodeAt(prefix.length - 1) + 1);
  const { rows } = await pool.query<{ path: string; ingest_hash: string }>(
    'SELECT path, ingest_hash FROM sa_articles WHERE path >= $1 AND path < $2', [prefix, upper]);
  return new Map(rows.map((r) => [r.path, r.ingest_hash]));
}

export async function ingest(options: IngestOptions): Promise<IngestResult> {
  const started = Date.now();
  const onProblem = options.onProblem ?? (() => undefined);
  const batchSize = options.batchSize ?? 200;
  const inFlightMax = options.inFlight ?? 64;
  const progress: IngestProgress = { total: 0, done: 0, unchanged: 0, written: 0, failed: 0 };
  let replaced = 0;
  let removed = 0;
  /** Entities whose counts went down in this run: deleted at the end if none is left. */
  const lowered = new Set<string>();
  const report = () => options.onProgress?.({ ...progress });

  const setup = await options.pool.connect();
  let migrated: number[];
  try {
    migrated = await migrate(setup, { onNotice: options.onNotice });
  } finally {
    setup.release();
  }

  let batch: ArticleRows[] = [];
  let flushing: Promise<void> = Promise.resolve();
  /** Batches handed to the database and not yet committed. */
  let queued = 0;
  /** A failure of the database (not of one article): the run stops at the next file. */
  let fatal: unknown;
  const flush = (): Promise<void> => {
    const rows = batch;
    batch = [];
    if (!rows.length) return flushing;
    queued++;
    // batches commit one after the other, in order, while the workers go on analysing
    flushing = flushing.then(() => writeWithRetry(options.pool, rows, onProblem)).then((outcome) => {
      queued--;
      progress.written += outcome.written;
      progress.unchanged += outcome.alreadyCurrent;
      progress.failed += outcome.failed;
      replaced += outcome.replaced;
      for (const id of outcome.lowered) lowered.add(id);
      progress.done += rows.length;
      report();
    });
    flushing.catch((err: unknown) => { fatal ??= err; });
    return flushing;
  };

  for (const rawDir of options.dirs) {
    const dir = resolve(rawDir);
    let files: string[];
    try {
      files = (await options.listArticles(dir)).map((f) => resolve(f));
    } catch (err) {
      onProblem(`cannot read ${rawDir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      progress.failed++;
      report();
      continue;
    }
    progress.total += files.length;
    report();
    const registryProblems: string[] = [];
    const found = await findRegistry([dir], registryProblems);
    registryProblems.forEach(onProblem);
    const context: DirContext = {
      dir,
      registry: found?.registry,
      registryPath: found?.path,
      linker: new EntityLinker(found?.registry),
      fingerprint: registryFingerprint(found?.registry),
    };
    if (found) await mirrorRegistry(options.pool, found.path, found.registry);
    const known = await existingHashes(options.pool, dir);

    const inFlight = new Set<Promise<void>>();
    for (const file of files) {
      const task = ingestOne(file, context, known, options, onProblem).then((rows) => {
        if (rows === 'unchanged') {
          progress.unchanged++;
          progress.done++;
          report();
        } else if (rows === undefined) {
          progress.failed++;
          progress.done++;
          report();
        } else {
          batch.push(rows);
          if (batch.length >= batchSize) void flush();
        }
      });
      inFlight.add(task);
      void task.finally(() => inFlight.delete(task));
      if (inFlight.size >= inFlightMax) await Promise.race(inFlight);
      // the database sets the pace when it is slower than the workers: one batch writing, one filling
      while (queued > 1 && fatal === undefined) await flushing.catch(() => undefined);
      if (fatal !== undefined) break;
    }
    await Promise.all(inFlight);
    if (fatal !== undefined) break;
    if (!options.keepMissing) {
      const listed = new Set(files);
      removed += await removeMissing(options.pool, [...known.keys()].filter((path) => !listed.has(path)), onProblem, lowered);
    }
  }
  if (fatal === undefined) await flush();
  await flushing;
  let emptied = 0;
  const client = await options.pool.connect();
  try {
    // with those an interrupted run left empty (found through the mentions index: only the empty rows are read)
    const left = await client.query<{ id: string }>('SELECT id FROM sa_entities WHERE mentions = 0');
    for (const r of left.rows) lowered.add(String(r.id));
    if (lowered.size) emptied = await removeEmptyEntities(client, [...lowered]);
  } finally {
    client.release();
  }
  return { ...progress, replaced, removed, seconds: (Date.now() - started) / 1000, migrated, emptied };
}

/**
 * Removes from the archive the articles of a folder that its listing no longer has, each only once the
 * file is confirmed gone from the disk: a file the walk skips, or one another run has just written
 * after this run listed the folder, stays. Returns the number removed.
 */
async function removeMissing(pool: Pool, candidates: string[], onProblem: (m: string) => void, lowered: Set<string>): Promise<number> {
  const gone: string[] = [];
  for (const path of candidates) {
    try {
      await stat(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') gone.push(path);
      else onProblem(`${path}: kept in the archive: cannot tell whether it was deleted (${code ?? (err as Error).message})`);
    }
  }
  let removed = 0;
  for (let i = 0; i < gone.length; i += 500) {
    const client = await pool.connect();
    try {
      for (let tries = 0; ; tries++) {
        try {
          const outcome = await removeArticles(client, gone.slice(i, i + 500));
          removed += outcome.removed;
          for (const id of outcome.lowered) lowered.add(id);
          break;
        } catch (err) {
          if (!isRetryable(err) || tries >= 5) throw err;
        }
      }
    } finally {
      client.release();
    }
  }
  return removed;
}

/** The article's rows; 'unchanged' when the archive has this version; undefined (reported) when it failed. */
async function ingestOne(
  file: string, context: DirContext, known: Map<string, string>, options: IngestOptions, onProblem: (m: string) => void,
): Promise<ArticleRows | 'unchanged' | undefined> {
  try {
    const bytes = await readFile(file);
    const decoded = decodeArticle(bytes, MAX_ARTICLE_BYTES);
    if (decoded.skipped) {
      onProblem(`${file}: not ingested: ${decoded.warning ?? decoded.skipped}`);
      return undefined;
    }
    const sidecar = await readSidecar(file, onProblem);
    const ingestHash = contentHash([
      contentHash(decoded.text), sidecar.hash, context.fingerprint, CACHE_VERSION, ARCHIVE_ROWS_VERSION,
    ].join('\u0000'));
    if (known.get(file) === ingestHash) return 'unchanged';
    const analysis: ArticleAnalysis = options.analysisPool
      ? await options.analysisPool.analyze(file, decoded.text, { published: sidecar.published, registry: context.registry, leastLoaded: true })
      : analyzeArticle(file, decoded.text, {
        extract: (text, o) => extract(text, { ...o, nameDetector: options.nameDetector }),
        published: sidecar.published,
        registry: context.registry,
      });
    return articleRows(analysis, decoded.text, context.linker, { path: file, ingestHash, size: bytes.length, annotations: sidecar.annotations });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    onProblem(`${file}: ${code ? `cannot read (${code})` : `analysis failed: ${(err as Error).message ?? String(err)}`}`);
    return undefined;
  }
}

/**
 * Writes a batch, again after a deadlock or serialization failure; when the batch itself fails, each
 * article alone, so one article the database refuses costs only that article.
 */
async function writeWithRetry(pool: Pool, rows: ArticleRows[], onProblem: (m: string) => void): Promise<BatchOutcome & { failed: number }> {
  const attempt = async (batch: ArticleRows[]) => {
    for (let tries = 0; ; tries++) {
      const client = await pool.connect();
      try {
        return await writeBatch(client, batch);
      } catch (err) {
        if (!isRetryable(err) || tries >= 5) throw err;
      } finally {
        client.release();
      }
    }
  };
  try {
    return { ...(await attempt(rows)), failed: 0 };
  } catch (err) {
    if (!isArticleError(err) || rows.length === 1) {
      if (rows.length === 1 && isArticleError(err)) {
        onProblem(`${rows[0].path}: not written: ${(err as Error).message}`);
        return { written: 0, replaced: 0, alreadyCurrent: 0, failed: 1, lowered: [] };
      }
      throw err;
    }
    const total = { written: 0, replaced: 0, alreadyCurrent: 0, failed: 0, lowered: [] as string[] };
    for (const one of rows) {
      const outcome = await writeWithRetry(pool, [one], onProblem);
      total.written += outcome.written;
      total.replaced += outcome.replaced;
      total.alreadyCurrent += outcome.alreadyCurrent;
      total.failed += outcome.failed;
      total.lowered.push(...outcome.lowered);
    }
    return total;
  }
}

/**
 * An error about the data (a value the database refuses), as opposed to the connection or the server:
 * SQLSTATE classes 22 (data exception) and 23 (integrity constraint).
 */
function isArticleError(err: unknown): boolean {
  const code = (err as { code?: string }).code;
  return typeof code === 'string' && (code.startsWith('22') || code.startsWith('23'));
}
