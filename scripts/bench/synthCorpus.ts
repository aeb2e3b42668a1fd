/**
 * A synthetic corpus for the index benchmark, grown from the sample articles: people's names, dates,
 * figures and paragraph order are varied with a seeded generator so every file has its own content
 * hash, while recurring organizations and places keep the cross-article links realistic.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const FIRST = ['Anna', 'Boris', 'Carla', 'Dmitri', 'Elena', 'Farid', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katja', 'Luis', 'Marta', 'Nils', 'Olga', 'Pavel', 'Rosa', 'Stefan', 'Tomas', 'Ursula', 'Viktor', 'Wanda', 'Yusuf', 'Zofia'];
const LAST = ['Almeida', 'Berger', 'Castell', 'Dunmore', 'Eriksen', 'Falkner', 'Grunwald', 'Halloran', 'Ivanova', 'Jansen', 'Kowalczyk', 'Lindqvist', 'Moreau', 'Novak', 'Okafor', 'Petrov', 'Quist', 'Romano', 'Sorensen', 'Tanaka', 'Ulrich', 'Varga', 'Whitlock', 'Zielinski'];
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** A small deterministic generator (xorshift32), so runs are comparable. */
export function seededRandom(seed: number): () => number {
  let state = (seed ^ 0x9e3779b9) >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 0x100000000;
  };
}

export function sampleArticles(root = resolve(__dirname, '..', '..')): string[] {
  const dir = join(root, 'samples');
  return readdirSync(dir).filter((f) => f.endsWith('.txt')).sort().map((f) => readFileSync(join(dir, f), 'utf8'));
}

/** Article `n` of the synthetic corpus. */
export function synthesizeArticle(samples: readonly string[], n: number): string {
  const random = seededRandom(n + 1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)];
  const source = samples[n % samples.length];
  const [headline, ...rest] = source.split(/\n\s*\n/u);
  // drop about a third of the paragraphs and swap a neighbouring pair, keeping the headline first
  const paragraphs = rest.filter(() => random() > 0.3);
  if (paragraphs.length > 2) {
    const i = Math.floor(random() * (paragraphs.length - 1));
    [paragraphs[i], paragraphs[i + 1]] = [paragraphs[i + 1], paragraphs[i]];
  }
  let text = [headline, ...paragraphs].join('\n\n');
  // people: replace some two-word capitalized names (and their surname alone) consistently
  const renames = new Map<string, string>();
  for (const match of text.matchAll(/\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b/gu)) {
    if (renames.has(match[0]) || random() > 0.35) continue;
    const replacement = `${pick(FIRST)} ${pick(LAST)}`;
    renames.set(match[0], replacement);
    renames.set(match[2], replacement.split(' ')[1]);
  }
  for (const [from, to] of [...renames].sort((a, b) => b[0].length - a[0].length)) {
    text = text.replace(new RegExp(`\\b${from}\\b`, 'gu'), to);
  }
  text = text
    .replace(/\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\b/gu, (m) => (random() < 0.5 ? pick(MONTHS) : m))
    .replace(/\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/gu, (m) => (random() < 0.5 ? pick(WEEKDAYS) : m))
    .replace(/\b20[12]\d\b/gu, (m) => (random() < 0.4 ? String(2019 + Math.floor(random() * 8)) : m))
    .replace(/\b\d+(?:\.\d+)?(?=%| per cent|-nation| billion| million)/gu, (m) => (random() < 0.6 ? String(Math.max(1, Math.round(Number(m) * (0.5 + random()) * 10) / 10)) : m));
  return `${text.trimEnd()}\n\nReference ${n.toString(36)}-${Math.floor(random() * 1e9).toString(36)}\n`;
}

/** Writes `count` articles under `dir` (once; an existing complete corpus is reused). Returns the file paths. */
export function ensureCorpus(dir: string, count: number, samples = sampleArticles()): string[] {
  const names = Array.from({ length: count }, (_, n) => `${String(n).padStart(5, '0')}.txt`);
  const marker = join(dir, `.complete-${count}`);
  if (!existsSync(marker)) {
    mkdirSync(dir, { recursive: true });
    names.forEach((name, n) => writeFileSync(join(dir, name), synthesizeArticle(samples, n)));
    writeFileSync(marker, new Date().toISOString());
  }
  return names.map((name) => join(dir, name));
}
