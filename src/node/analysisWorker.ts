/**
 * Worker-thread entry (bundled as dist/analysisWorker.js): extracts and packs articles off the main
 * thread, so indexing a large corpus or a multi-megabyte article never stalls the editor, and both
 * cores work. Messages: `{ kind: 'init', model?: Uint8Array }` once, `RegistryMessage`s when the registry
 * changes, and `AnalysisRequest`s (a whole article, packed for the index) or `ExtractRequest`s (the blocks of
 * a long open document, spans only).
 */
import * as os from 'node:os';
import { parentPort } from 'node:worker_threads';
import { extract, type ArticleFileHints, type EntityRegistry, type NameDetector } from '../core/extract';
import { loadNameTagger } from '../core/extract/ner';
import { analyzeArticle, type ArticleAnalysis } from '../core/index/analysis';
import { serializeAnalysis } from '../core/index/cacheEntry';

export interface AnalysisRequest {
  kind: 'analyze';
  id: number;
  uri: string;
  text: string;
  published?: string;
  /** What is known of the article's file (the reference-date chain); the name defaults to the URI. */
  file?: ArticleFileHints;
}

export interface ExtractRequest {
  kind: 'extract';
  id: number;
  texts: string[];
  published?: string | null;
}

/** The registry every later request is analysed with; sent only when it changes. */
export interface RegistryMessage {
  kind: 'registry';
  registry?: EntityRegistry;
}

let detector: NameDetector | undefined;
/** One object for many requests, so its forms and pattern are built once (see `registryMatch`). */
let registry: EntityRegistry | undefined;

/**
 * On Linux a nice value belongs to the calling thread, so this worker can yield the CPU to the extension
 * host and the window (on a two-core machine they compete while a long article is analysed). Elsewhere
 * the call would lower the whole extension host, so it is not made.
 */
function yieldCpuToTheEditor(): void {
  if (process.platform !== 'linux') return;
  try {
    os.setPriority(os.constants.priority.PRIORITY_BELOW_NORMAL);
  } catch {
    // Not permitted in this environment: run at normal priority.
  }
}

yieldCpuToTheEditor();

parentPort?.on('message', (message: { kind: 'init'; model?: Uint8Array } | RegistryMessage | AnalysisRequest | ExtractRequest) => {
  if (message.kind === 'init') {
    detector = message.model ? loadNameTagger(message.model) : undefined;
    return;
  }
  if (message.kind === 'registry') {
    registry = message.registry;
    return;
  }
  try {
    const answer = message.kind === 'extract'
      ? message.texts.map((text) => extract(text, { nameDetector: detector, published: message.published, registry }).spans)
      : withCacheEntry(analyzeArticle(message.uri, message.text, {
        extract: (text, options) => extract(text, { ...options, nameDetector: detector }),
        published: message.published,
        registry,
        file: message.file,
      }));
    parentPort!.postMessage({ id: message.id, answer });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});

/** The cache entry is written here too, so a multi-megabyte article is not serialised on the extension host. */
function withCacheEntry(analysis: ArticleAnalysis): { analysis: ArticleAnalysis; cacheEntry: string } {
  return { analysis, cacheEntry: serializeAnalysis(analysis) };
}
