/**
 * Worker-thread entry (bundled as dist/analysisWorker.js): extracts and packs articles off the main
 * thread, so indexing a large corpus or a multi-megabyte article never stalls the editor, and both
 * cores work. Messages: `{ kind: 'init', model?: Uint8Array }` once, then `AnalysisRequest`s (a whole article,
 * packed for the index) or `ExtractRequest`s (the blocks of a long open document, spans only).
 */
import { parentPort } from 'node:worker_threads';
import { extract, type EntityRegistry, type NameDetector } from '../core/extract';
import { loadNameTagger } from '../core/extract/ner';
import { analyzeArticle } from '../core/index/analysis';

export interface AnalysisRequest {
  kind: 'analyze';
  id: number;
  uri: string;
  text: string;
  published?: string;
  registry?: EntityRegistry;
}

export interface ExtractRequest {
  kind: 'extract';
  id: number;
  texts: string[];
  published?: string;
}

let detector: NameDetector | undefined;

parentPort?.on('message', (message: { kind: 'init'; model?: Uint8Array } | AnalysisRequest | ExtractRequest) => {
  if (message.kind === 'init') {
    detector = message.model ? loadNameTagger(message.model) : undefined;
    return;
  }
  try {
    const answer = message.kind === 'extract'
      ? message.texts.map((text) => extract(text, { nameDetector: detector, published: message.published }).spans)
      : analyzeArticle(message.uri, message.text, {
        extract: (text, options) => extract(text, { ...options, nameDetector: detector }),
        published: message.published,
        registry: message.registry,
      });
    parentPort!.postMessage({ id: message.id, answer });
  } catch (err) {
    parentPort!.postMessage({ id: message.id, error: err instanceof Error ? err.message : String(err) });
  }
});
