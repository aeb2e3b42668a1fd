import { ByteTable, type Lexicon } from './lexicon';
import { Scheme } from './tagScheme';

/**
 * The `models/ner.model` artifact: a magic string, a JSON header, then little-endian typed-array
 * sections padded to 4 bytes. Weights are quantized to one byte each through a 256-entry codebook.
 */

const MAGIC = 'SANER1';

export interface ModelHeader {
  scheme: Scheme;
  /** Entity-level F1 over PER/ORG/LOC on CoNLL-2003 eng.testa, measured with the shipped weights. */
  devF1: number;
  /** Whether the tagger runs the non-local second pass (absent in older models). */
  nonLocal?: boolean;
  /** Whether the model reads the document-context features (absent in older models). */
  contextFeatures?: boolean;
  /** Free-form provenance: data, epochs, seed, pruning. */
  training: Record<string, string | number | boolean>;
}

export interface ModelData {
  header: ModelHeader;
  tagCount: number;
  transitions: Float32Array;
  codebook: Float32Array;
  featureKeys: Int32Array;
  /** featureKeys.length × tagCount codebook indices. */
  weights: Uint8Array;
  lexicon: Lexicon;
}

interface Layout {
  header: ModelHeader;
  tagCount: number;
  features: number;
  capEntries: number;
  gazEntries: number;
  gazMaxTokens: number;
  /** word clusters (absent in older models) */
  clusterEntries?: number;
  coarseClusters?: number[];
}

export function encodeModel(model: ModelData): Uint8Array {
  const capKeys = Int32Array.from(model.lexicon.capRatio.keys());
  const capVals = Uint8Array.from(model.lexicon.capRatio.values());
  const gazKeys = Int32Array.from(model.lexicon.gazetteer.keys());
  const gazVals = Uint8Array.from(model.lexicon.gazetteer.values());
  const layout: Layout = {
    header: model.header, tagCount: model.tagCount, features: model.featureKeys.length,
    capEntries: capKeys.length, gazEntries: gazKeys.length, gazMaxTokens: model.lexicon.gazetteerMaxTokens,
  };
  const clusters = model.lexicon.clusters;
  if (clusters) {
    layout.clusterEntries = clusters.size;
    layout.coarseClusters = Array.from(model.lexicon.coarseClusters ?? []);
  }
  const json = new TextEncoder().encode(JSON.stringify(layout));
  const sections: Uint8Array[] = [
    bytesOf(model.transitions), bytesOf(model.codebook), bytesOf(model.featureKeys), model.weights,
    bytesOf(capKeys), capVals, bytesOf(gazKeys), gazVals,
  ];
  if (clusters) sections.push(bytesOf(Int32Array.from(clusters.keys())), Uint8Array.from(clusters.values()));
  const headLength = pad(MAGIC.length + 4 + json.length);
  let total = headLength;
  for (const s of sections) total += pad(s.length);
  const out = new Uint8Array(total);
  for (let k = 0; k < MAGIC.length; k++) out[k] = MAGIC.charCodeAt(k);
  new DataView(out.buffer).setUint32(MAGIC.length, json.length, true);
  out.set(json, MAGIC.length + 4);
  let offset = headLength;
  for (const s of sections) {
    out.set(s, offset);
    offset += pad(s.length);
  }
  return out;
}

export function decodeModel(bytes: Uint8Array): ModelData {
  for (let k = 0; k < MAGIC.length; k++) {
    if (bytes[k] !== MAGIC.charCodeAt(k)) throw new Error('Not a Source Annotator name-tagger model (bad magic).');
  }
  const jsonLength = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(MAGIC.length, true);
  const layout = JSON.parse(new TextDecoder().decode(bytes.subarray(MAGIC.length + 4, MAGIC.length + 4 + jsonLength))) as Layout;
  let offset = pad(MAGIC.length + 4 + jsonLength);
  const take = (byteLength: number): ArrayBuffer => {
    if (offset + byteLength > bytes.length) throw new Error('Truncated name-tagger model.');
    // copy: a Node Buffer's slice() is a view into a shared pool, not a new ArrayBuffer
    const buffer = Uint8Array.prototype.slice.call(bytes, offset, offset + byteLength).buffer;
    offset += pad(byteLength);
    return buffer;
  };
  const T = layout.tagCount;
  const transitions = new Float32Array(take((T + 1) * T * 4));
  const codebook = new Float32Array(take(256 * 4));
  const featureKeys = new Int32Array(take(layout.features * 4));
  const weights = new Uint8Array(take(layout.features * T));
  const capKeys = new Int32Array(take(layout.capEntries * 4));
  const capVals = new Uint8Array(take(layout.capEntries));
  const gazKeys = new Int32Array(take(layout.gazEntries * 4));
  const gazVals = new Uint8Array(take(layout.gazEntries));
  const capRatio = new ByteTable(capKeys, capVals);
  const gazetteer = new ByteTable(gazKeys, gazVals);
  const lexicon: Lexicon = { capRatio, gazetteer, gazetteerMaxTokens: layout.gazMaxTokens };
  if (layout.clusterEntries !== undefined) {
    const clusterKeys = new Int32Array(take(layout.clusterEntries * 4));
    const clusterVals = new Uint8Array(take(layout.clusterEntries));
    lexicon.clusters = new ByteTable(clusterKeys, clusterVals);
    lexicon.coarseClusters = Uint8Array.from(layout.coarseClusters ?? []);
  }
  return { header: layout.header, tagCount: T, transitions, codebook, featureKeys, weights, lexicon };
}

function bytesOf(a: Float32Array | Int32Array): Uint8Array {
  return new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
}

function pad(n: number): number {
  return (n + 3) & ~3;
}

/**
 * Companded 8-bit quantization: finer steps near zero, where most perceptron weights live.
 * Index 128 is exactly zero.
 */
export function makeCodebook(maxAbs: number): Float32Array {
  const book = new Float32Array(256);
  for (let q = 0; q < 256; q++) {
    const x = (q - 128) / 127;
    book[q] = Math.sign(x) * x * x * maxAbs;
  }
  return book;
}

export function quantize(weight: number, maxAbs: number): number {
  if (maxAbs === 0) return 128;
  const x = Math.sqrt(Math.min(1, Math.abs(weight) / maxAbs));
  return 128 + Math.sign(weight) * Math.round(x * 127);
}
