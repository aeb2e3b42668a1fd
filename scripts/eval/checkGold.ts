/**
 * Checks a gold set written by hand under `../shared/corpus/gold/GUIDELINES.md`: `DIR/gold/NAME.gold.yaml` beside
 * `DIR/articles/NAME.txt`. It checks what a script can (the file's fields, `text.slice(start, end) === text` in UTF-16
 * offsets, spans sorted and not overlapping, spans on word boundaries, the fields each type carries and the formats of
 * their values), and lists, per article, the capitalised words, digits, number words and time words that no span
 * covers, for a person to review: a script never decides what is a span.
 *
 * `npx tsx scripts/eval/checkGold.ts [DIR ...] [--quiet]`: with no DIR, every set under `test/fixtures/newsgold/`;
 * `--quiet` prints the problems only. The exit status is 1 when any gold file has a problem.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { SpanType } from '../../src/core/extract/types';
import { SPAN_TYPES } from '../../src/core/extract/types';
import { NEWS_GOLD_DIR } from './gold';

const NAME_TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'PLACE', 'MISC']);
const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** One TIMEX3-style point: day, month, year, ISO week (optionally its weekend), season, quarter, half, decade, century, fiscal year. */
const TIMEX_POINT = /^(\d{4}-\d{2}-\d{2}|\d{4}-\d{2}|\d{4}|\d{4}-W\d{2}(-WE)?|\d{4}-(SP|SU|FA|WI)|\d{4}-Q[1-4]|\d{4}-H[12]|\d{3}|\d{2}|FY\d{4})$/;
const MONEY_VALUE = /^[A-Z]{3} \d+(\.\d+)?$/;
const MODS: ReadonlySet<string> = new Set(['START', 'MID', 'END']);
const WORD_CHAR = /[\p{L}\p{N}]/u;
const NUMBER_WORDS = new Set(('one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen ' +
  'seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion trillion ' +
  'dozen half third thirds quarter quarters fifth fifths tenth lakh crore bn mn tn').split(' '));
const TIME_WORDS = new Set(('today tonight yesterday tomorrow monday tuesday wednesday thursday friday saturday sunday january ' +
  'february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec ' +
  'week weeks weekend month months year years decade decades century centuries morning afternoon evening night spring summer ' +
  'autumn fall winter ago earlier later quarter quarterly annual fortnight').split(' '));

/** A span as a gold file holds it; fields are checked, not trusted. */
interface RawSpan {
  start?: unknown; end?: unknown; type?: unknown; text?: unknown;
  canonical?: unknown; value?: unknown; unit?: unknown; mod?: unknown; note?: unknown;
}

/** An uncovered word or figure, for review by hand. */
export interface Uncovered {
  token: string;
  kind: 'capitalised' | 'digits' | 'number word' | 'time word';
  /** UTF-16 offset of each occurrence left uncovered. */
  offsets: number[];
}

export interface GoldFileReport {
  file: string;
  article?: string;
  /** Problems that make the gold file unusable or break the guideline's format. */
  problems: string[];
  counts: Partial<Record<SpanType, number>>;
  uncovered: Uncovered[];
}

/** Whether `v` is a DATE value of the guideline: a TIMEX3-style point, an interval `A/B` of two, or null. */
export function isDateValue(v: unknown): boolean {
  if (v === null) return true;
  if (typeof v !== 'string') return false;
  const parts = v.split('/');
  return parts.length <= 2 && parts.every((p) => TIMEX_POINT.test(p));
}

function isAnchor(v: unknown): boolean {
  const s = typeof v === 'number' ? String(v) : v;
  return typeof s === 'string' && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(s);
}

function describe(s: RawSpan, i: number): string {
  return `span ${i} (${JSON.stringify(s.text)} at ${String(s.start)})`;
}

/** Checks one span's own fields; returns its problems. */
function checkSpan(s: RawSpan, i: number, text: string): string[] {
  const out: string[] = [];
  const at = describe(s, i);
  if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return [`${at}: start and end must be integers`];
  const start = s.start as number;
  const end = s.end as number;
  if (start < 0 || end > text.length || start >= end) out.push(`${at}: offsets ${start}-${end} outside the text or empty`);
  if (typeof s.type !== 'string' || !(SPAN_TYPES as readonly string[]).includes(s.type)) out.push(`${at}: unknown type ${String(s.type)}`);
  if (typeof s.text !== 'string') return [...out, `${at}: text must be a string`];
  if (text.slice(start, end) !== s.text) out.push(`${at}: text.slice(${start}, ${end}) is ${JSON.stringify(text.slice(start, end))}`);
  if (/^\s|\s$/.test(s.text)) out.push(`${at}: leading or trailing white space`);
  // Apostrophes are no quotes here: "’90s" may be a DATE; a possessive is checked on names below.
  if (/^["“”(]|["“”)]$/.test(s.text)) out.push(`${at}: enclosing quotes and parentheses stay outside the span`);
  if (start > 0 && WORD_CHAR.test(text[start - 1]) && WORD_CHAR.test(text[start])) out.push(`${at}: starts inside a word`);
  if (end < text.length && WORD_CHAR.test(text[end - 1]) && WORD_CHAR.test(text[end])) out.push(`${at}: ends inside a word`);
  const type = s.type as string;
  if (NAME_TYPES.has(type)) {
    if (typeof s.canonical !== 'string' || s.canonical.trim() === '') out.push(`${at}: a ${type} needs a canonical name`);
    if (s.value !== undefined) out.push(`${at}: a ${type} carries canonical, not value`);
    if (/['’]s$|s['’]$/.test(s.text)) out.push(`${at}: the possessive stays outside the span`);
    return out;
  }
  if (s.canonical !== undefined) out.push(`${at}: a ${type} carries value, not canonical`);
  if (!('value' in s)) out.push(`${at}: a ${type} needs a value (null when it cannot be fixed)`);
  else if (type === 'DATE' && !isDateValue(s.value)) out.push(`${at}: DATE value ${JSON.stringify(s.value)} is not TIMEX3-style`);
  else if (type === 'MONEY' && s.value !== null && !(typeof s.value === 'string' && MONEY_VALUE.test(s.value))) {
    out.push(`${at}: MONEY value ${JSON.stringify(s.value)} is not "ISO-currency amount"`);
  } else if ((type === 'PERCENT' || type === 'QUANTITY') && !(typeof s.value === 'number' && Number.isFinite(s.value))) {
    out.push(`${at}: ${type} value ${JSON.stringify(s.value)} is not a number`);
  }
  if (type === 'QUANTITY' && (typeof s.unit !== 'string' || s.unit.trim() === '')) out.push(`${at}: a QUANTITY needs a unit`);
  if (type !== 'QUANTITY' && s.unit !== undefined) out.push(`${at}: only a QUANTITY carries a unit`);
  if (s.mod !== undefined && (type !== 'DATE' || typeof s.mod !== 'string' || !MODS.has(s.mod))) {
    out.push(`${at}: mod is START, MID or END, on a DATE only`);
  }
  return out;
}

/** Words, digit runs and number/time words of `text` that no span covers, grouped by token. */
export function uncoveredTokens(text: string, spans: readonly { start: number; end: number }[]): Uncovered[] {
  const covered = new Uint8Array(text.length + 1);
  for (const s of spans) covered.fill(1, Math.max(0, s.start), Math.min(text.length, s.end));
  const found = new Map<string, Uncovered>();
  // Words split at hyphens and apostrophes ("Oslo-listed", "Kenya's" are checked as "Oslo", "Kenya"); numbers keep their separators.
  const token = /\p{N}+(?:[.,]\p{N}+)*|\p{L}+/gu;
  for (let m = token.exec(text); m; m = token.exec(text)) {
    const at = m.index;
    if (covered[at]) continue;
    const word = m[0];
    const lower = word.toLowerCase();
    const kind: Uncovered['kind'] | undefined = /\p{N}/u.test(word) ? 'digits'
      : NUMBER_WORDS.has(lower) ? 'number word'
        : TIME_WORDS.has(lower) ? 'time word'
          : /^\p{Lu}/u.test(word) ? 'capitalised' : undefined;
    if (!kind) continue;
    const key = `${kind}\u0000${word}`;
    const entry = found.get(key) ?? { token: word, kind, offsets: [] };
    entry.offsets.push(at);
    found.set(key, entry);
  }
  return [...found.values()];
}

/** Checks one gold file against its article. */
export function checkGoldFile(dir: string, file: string): GoldFileReport {
  const report: GoldFileReport = { file, problems: [], counts: {}, uncovered: [] };
  let gold: Record<string, unknown>;
  try {
    const parsed: unknown = parse(readFileSync(join(dir, 'gold', file), 'utf8'));
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not a mapping');
    gold = parsed as Record<string, unknown>;
  } catch (err) {
    report.problems.push(`cannot read: ${err instanceof Error ? err.message : String(err)}`);
    return report;
  }
  const article = gold.article;
  if (typeof article !== 'string') {
    report.problems.push('article must name the article file');
    return report;
  }
  report.article = article;
  if (file !== article.replace(/\.txt$/, '.gold.yaml')) report.problems.push(`gold file name does not match article ${article}`);
  const path = join(dir, 'articles', article);
  if (!existsSync(path)) {
    report.problems.push(`article ${article} not found in ${join(dir, 'articles')}`);
    return report;
  }
  const text = readFileSync(path, 'utf8');
  if (!('published' in gold) || !(gold.published === null || (typeof gold.published === 'string' && DAY.test(gold.published)))) {
    report.problems.push('published must be an ISO day (quoted) or null');
  }
  if (!isAnchor(gold.anchor_date)) report.problems.push('anchor_date must be an ISO day, month or year');
  if (!Array.isArray(gold.spans)) {
    report.problems.push('spans must be a list');
    return report;
  }
  const spans = gold.spans as RawSpan[];
  let prev: { start: number; end: number; text: unknown } | undefined;
  spans.forEach((s, i) => {
    if (!s || typeof s !== 'object') {
      report.problems.push(`span ${i}: not a mapping`);
      return;
    }
    report.problems.push(...checkSpan(s, i, text));
    if (typeof s.type === 'string') report.counts[s.type as SpanType] = (report.counts[s.type as SpanType] ?? 0) + 1;
    if (!Number.isInteger(s.start) || !Number.isInteger(s.end)) return;
    const cur = { start: s.start as number, end: s.end as number, text: s.text };
    if (prev && cur.start < prev.start) report.problems.push(`${describe(s, i)}: not in text order (after ${JSON.stringify(prev.text)})`);
    else if (prev && cur.start < prev.end) report.problems.push(`${describe(s, i)}: overlaps ${JSON.stringify(prev.text)}`);
    prev = cur;
  });
  const placed = spans.filter((s) => s && Number.isInteger(s.start) && Number.isInteger(s.end)) as { start: number; end: number }[];
  report.uncovered = uncoveredTokens(text, placed);
  return report;
}

/** Checks every gold file of a set; an article without a gold file is a problem too. */
export function checkGoldSet(dir: string): GoldFileReport[] {
  const goldDir = join(dir, 'gold');
  if (!existsSync(goldDir)) return [{ file: dir, problems: ['no gold/ folder'], counts: {}, uncovered: [] }];
  const files = readdirSync(goldDir).filter((f) => f.endsWith('.gold.yaml')).sort();
  const reports = files.map((f) => checkGoldFile(dir, f));
  const articles = existsSync(join(dir, 'articles')) ? readdirSync(join(dir, 'articles')).filter((f) => f.endsWith('.txt')) : [];
  const labelled = new Set(reports.map((r) => r.article));
  for (const a of articles.sort()) {
    if (!labelled.has(a)) reports.push({ file: a, article: a, problems: ['article has no gold file'], counts: {}, uncovered: [] });
  }
  if (files.length === 0) reports.push({ file: dir, problems: ['no gold files'], counts: {}, uncovered: [] });
  return reports;
}

/** Every set folder under `test/fixtures/newsgold/`. */
export function newsGoldSetDirs(): string[] {
  if (!existsSync(NEWS_GOLD_DIR)) return [];
  return readdirSync(NEWS_GOLD_DIR, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => join(NEWS_GOLD_DIR, d.name)).sort();
}

function main(): void {
  const args = process.argv.slice(2);
  const quiet = args.includes('--quiet');
  const dirs = args.filter((a) => !a.startsWith('--'));
  let bad = 0;
  for (const dir of dirs.length ? dirs : newsGoldSetDirs()) {
    const reports = checkGoldSet(dir);
    const total: Partial<Record<SpanType, number>> = {};
    console.log(`== ${dir}`);
    for (const r of reports) {
      for (const [t, n] of Object.entries(r.counts)) total[t as SpanType] = (total[t as SpanType] ?? 0) + n;
      const spans = Object.values(r.counts).reduce((a, b) => a + b, 0);
      console.log(`${r.file}: ${spans} spans, ${r.problems.length ? `${r.problems.length} problem(s)` : 'well-formed'}`);
      for (const p of r.problems) console.log(`  PROBLEM ${p}`);
      bad += r.problems.length;
      if (quiet) continue;
      for (const kind of ['capitalised', 'digits', 'number word', 'time word'] as const) {
        const list = r.uncovered.filter((u) => u.kind === kind);
        if (list.length) console.log(`  uncovered ${kind}: ${list.map((u) => `${u.token}@${u.offsets.join(',')}`).join('  ')}`);
      }
    }
    console.log(`spans per type: ${SPAN_TYPES.map((t) => `${t} ${total[t] ?? 0}`).join(', ')}`);
  }
  if (bad) {
    console.log(`\n${bad} problem(s)`);
    process.exitCode = 1;
  }
}

if (require.main === module) main();
