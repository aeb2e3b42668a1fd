import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import type { CliCommand } from './command';
import { listArticles } from '../../node/articleCorpus';
import { loadDefaultNameDetector } from '../nameModel';
import { formatBytes, formatSeconds, IngestProgressView } from '../archive/progress';
import { AnalysisPool } from '../../node/analysisPool';
import { ArchiveError, createArchivePool, describeArchiveError, parseArchiveUrl } from '../../node/archive/connection';
import { ingest } from '../../node/archive/ingest';
import { PostgresStore } from '../../node/archive/postgresStore';
import { quotesBy } from '../../node/archive/quoteQueries';
import type { QuoteRecord } from '../../core/analysis/quotes/quoteLedger';
import { ARCHIVE_ANALYSIS_HELP, runArchiveAnalysis } from '../archive/analysisSubcommands';

const HELP = `Usage: source-annotator archive <ingest|query|quotes|stats> --db URL [options]

The team's archive of articles on a PostgreSQL server: the entities, dates and figures of every article,
the entity registries and the annotations, searchable by everyone.

  archive ingest --db URL [--jobs N] [--keep-missing] [--json] DIR...
      Analyses every article (.txt, .md) under the folders on N worker threads (default: one per core)
      and loads it into the archive, creating or upgrading the archive's tables first. Incremental: an
      article whose text, sidecar and registry are unchanged is skipped. An interrupted run is resumed by
      running it again. Several runs (from several machines) may load different folders at once.
      The registry (.sources/entities.yaml) of each folder, or of the nearest folder above it, is used
      for the analysis and copied into the archive, and so are the annotations of each article's sidecar.
      An article whose file was deleted from a folder given is removed from the archive (only within
      the folders given); --keep-missing keeps such articles.
      Exit status 1 when any file could not be ingested (each is reported; the others are loaded).
  archive query --db URL --entity NAME [--json]
      The entity a name or alias denotes: type, articles, mentions and the articles naming it most.
      --json prints one object: {"canonical", "type", "articles", "mentions",
      "top": [{"file", "title", "date", "count", "snippet"}]}
  archive quotes --db URL --entity NAME [--json]
      The quotations the entity is the speaker of, newest article first (each article's in text order).
      --json prints one object a line, as "source-annotator quotes --json" does:
      {"file", "start", "end", "text", "speaker", "speakerType", "cueStart", "cueEnd"}
  archive stats --db URL [--json]
      Articles, mentions and entities in the archive, and the database's size.
      --json prints one object: {"articles", "mentions", "entities", "bytes"}
${ARCHIVE_ANALYSIS_HELP}

  --db URL     postgres://user:password@host:5432/database (or the SOURCE_ANNOTATOR_ARCHIVE_URL variable)
  -h, --help   show this help`;

interface Parsed {
  sub?: string;
  db?: string;
  jobs?: number;
  batch?: number;
  entity?: string;
  top?: number;
  json: boolean;
  keepMissing?: boolean;
  dirs: string[];
  error?: string;
}

function parse(argv: string[]): Parsed {
  const out: Parsed = { json: false, dirs: [] };
  const [sub, ...rest] = argv;
  out.sub = sub;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string | undefined => {
      if (inline !== undefined) return inline;
      const v = rest[i + 1];
      if (v === undefined) return undefined;
      i++;
      return v;
    };
    const number = (name: string): number | undefined => {
      const v = value();
      const n = Number(v);
      if (v === undefined || !Number.isInteger(n) || n < 1) {
        out.error = `${name} needs a whole number of at least 1${v === undefined ? '' : `, not "${v}"`}`;
        return undefined;
      }
      return n;
    };
    switch (flag) {
      case '--db': out.db = value(); if (out.db === undefined) out.error = '--db needs a URL'; break;
      case '--jobs': out.jobs = number('--jobs'); break;
      case '--batch': out.batch = number('--batch'); break;
      case '--top': out.top = number('--top'); break;
      case '--entity': out.entity = value(); if (out.entity === undefined) out.error = '--entity needs a name'; break;
      case '--json': out.json = true; break;
      case '--keep-missing': out.keepMissing = true; break;
      default:
        if (arg.startsWith('-')) out.error = `unknown option ${arg}`;
        else out.dirs.push(arg);
    }
    if (out.error) break;
  }
  return out;
}

/** The analysis worker beside the bundle (dist/analysisWorker.js), or beside the sources after a build. */
function workerScript(): string | undefined {
  return [resolve(__dirname, 'analysisWorker.js'), resolve(__dirname, '..', '..', '..', 'dist', 'analysisWorker.js')].find((p) => existsSync(p));
}

async function modelBytes(): Promise<Uint8Array | undefined> {
  for (const path of [resolve(__dirname, '..', 'models', 'ner.model'), resolve(__dirname, '..', '..', '..', 'models', 'ner.model')]) {
    try {
      return await readFile(path);
    } catch {
      // the next candidate
    }
  }
  return undefined;
}

async function runIngest(p: Parsed, url: string): Promise<number> {
  if (!p.dirs.length) { process.stderr.write(`archive ingest: no DIR given\n${HELP}\n`); return 2; }
  const jobs = p.jobs ?? Math.max(1, availableParallelism());
  const pool = createArchivePool({ url, max: 3, applicationName: 'source-annotator ingest' });
  const script = workerScript();
  const analysisPool = script ? AnalysisPool.create(script, jobs, await modelBytes()) : undefined;
  const nameDetector = analysisPool ? undefined : await loadDefaultNameDetector();
  const view = new IngestProgressView(process.stderr);
  let problems = 0;
  // Ctrl+C: the batch being written is rolled back by the server when the connection drops; every
  // committed batch stays, and the next run goes on from there
  const onInterrupt = () => {
    view.interrupt();
    process.stderr.write('archive ingest: interrupted; what was loaded is kept, run the same command again to go on\n');
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  try {
    const result = await ingest({
      pool, dirs: p.dirs, listArticles: listFolder, analysisPool, nameDetector, batchSize: p.batch, inFlight: jobs * 16, keepMissing: p.keepMissing,
      onProgress: (progress) => view.update(progress),
      onNotice: (message) => {
        view.interrupt();
        process.stderr.write(`archive ingest: note: ${message}\n`);
      },
      onProblem: (message) => {
        problems++;
        view.interrupt();
        process.stderr.write(`archive ingest: ${message}\n`);
      },
    });
    view.interrupt();
    if (p.json) {
      process.stdout.write(JSON.stringify({
        files: result.total, written: result.written, replaced: result.replaced, unchanged: result.unchanged,
        failed: result.failed, removed: result.removed, seconds: Math.round(result.seconds * 100) / 100, migrated: result.migrated,
      }) + '\n');
    } else {
      const parts = [`${result.written} written`];
      if (result.replaced) parts.push(`${result.replaced} of them replacing an older version`);
      parts.push(`${result.unchanged} unchanged`);
      if (result.failed) parts.push(`${result.failed} failed`);
      if (result.removed) parts.push(`${result.removed} removed (deleted from the folder)`);
      process.stdout.write(`archive ingest: ${result.total} file${result.total === 1 ? '' : 's'} in ${formatSeconds(result.seconds)}: ${parts.join(', ')}` +
        `${!result.migrated.length ? '' : result.migrated.includes(1) ? ` (archive created, schema version ${Math.max(...result.migrated)})`
          : ` (archive schema upgraded to version ${Math.max(...result.migrated)})`}\n`);
    }
    if (result.failed && !problems) process.stderr.write('archive ingest: some files failed\n');
    return result.failed ? 1 : 0;
  } finally {
    process.off('SIGINT', onInterrupt);
    analysisPool?.dispose();
    await pool.end().catch(() => undefined);
  }
}

async function runQuery(p: Parsed, url: string): Promise<number> {
  if (p.entity === undefined || !p.entity.trim()) { process.stderr.write(`archive query: --entity NAME is required\n${HELP}\n`); return 2; }
  const store = new PostgresStore({ url, max: 2 });
  try {
    const found = await store.entity({ name: p.entity, top: p.top ?? 5 });
    if (!found) {
      process.stderr.write(`archive query: no entity "${p.entity}" in the archive\n`);
      return 1;
    }
    if (p.json) {
      process.stdout.write(JSON.stringify({
        canonical: found.canonical, type: found.type, articles: found.articles, mentions: found.mentions,
        top: found.top.map((t) => ({ file: t.file, title: t.title, date: t.date ?? null, count: t.count, snippet: t.snippet })),
      }) + '\n');
      return 0;
    }
    const lines = [
      `${found.canonical} (${found.type}): ${found.mentions} mention${found.mentions === 1 ? '' : 's'} in ${found.articles} article${found.articles === 1 ? '' : 's'}`,
    ];
    const others = found.aliases.filter((a) => a.text !== found.canonical).slice(0, 6);
    if (others.length) lines.push(`also written: ${others.map((a) => `${a.text} (${a.count})`).join(', ')}`);
    if (found.top.length) lines.push('', 'Articles naming it most:');
    for (const t of found.top) {
      lines.push(`  ${String(t.count).padStart(4)}  ${t.date ?? '----------'}  ${t.title || '(untitled)'}`, `        ${t.file}`, `        ${t.snippet}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await store.close();
  }
}

async function runQuotes(p: Parsed, url: string): Promise<number> {
  if (p.entity === undefined || !p.entity.trim()) { process.stderr.write(`archive quotes: --entity NAME is required\n${HELP}\n`); return 2; }
  const pool = createArchivePool({ url, max: 2, applicationName: 'source-annotator quotes' });
  const store = new PostgresStore({ pool });
  try {
    const entity = await store.resolveGroup({ name: p.entity });
    if (!entity) {
      process.stderr.write(`archive quotes: no entity "${p.entity}" in the archive\n`);
      return 1;
    }
    const client = await pool.connect();
    const quotes: QuoteRecord[] = [];
    try {
      for (let offset: number | undefined = 0; offset !== undefined;) {
        const page = await quotesBy(client, entity, { offset, limit: 1000 });
        if (p.json) {
          let lines = '';
          for (const q of page.items) lines += JSON.stringify(q) + '\n';
          if (lines) process.stdout.write(lines);
        } else {
          quotes.push(...page.items);
        }
        offset = page.nextOffset;
      }
    } catch (err) {
      if ((err as { code?: string }).code === '42P01') {
        throw new ArchiveError('this archive has no quotations yet: run "source-annotator archive ingest" again to add them');
      }
      throw err;
    } finally {
      client.release();
    }
    if (p.json) return 0;
    if (!quotes.length) {
      process.stdout.write(`No quotations of ${entity.canonical} (${entity.type}) in the archive.\n`);
      return 0;
    }
    const lines = [`${entity.canonical} (${entity.type}): ${quotes.length} quotation${quotes.length === 1 ? '' : 's'}`];
    let file = '';
    for (const q of quotes) {
      if (q.file !== file) lines.push('', q.file);
      file = q.file;
      const text = q.text.replace(/\s+/g, ' ');
      lines.push(`  ${String(q.start).padStart(7)}  \u201c${text.length > 160 ? `${text.slice(0, 159)}\u2026` : text}\u201d`);
    }
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  } finally {
    await store.close();
    await pool.end().catch(() => undefined);
  }
}

async function runStats(p: Parsed, url: string): Promise<number> {
  const store = new PostgresStore({ url, max: 1 });
  try {
    const s = await store.stats();
    if (p.json) {
      process.stdout.write(JSON.stringify({ articles: s.articles, mentions: s.mentions, entities: s.entities, bytes: s.bytes ?? null }) + '\n');
    } else {
      process.stdout.write([
        `articles  ${s.articles}`, `mentions  ${s.mentions}`, `entities  ${s.entities}`,
        `size      ${s.bytes === undefined ? 'unknown' : formatBytes(s.bytes)}`,
      ].join('\n') + '\n');
    }
    return 0;
  } finally {
    await store.close();
  }
}

/** The articles of one folder, found as every other subcommand finds them; a folder that cannot be read at all fails. */
async function listFolder(dir: string): Promise<string[]> {
  const problems: string[] = [];
  const files = await listArticles([dir], problems);
  if (problems.length && !files.length) throw new Error(problems.join('; '));
  for (const problem of problems) process.stderr.write(`archive ingest: ${problem}\n`);
  return files;
}

export const archiveCommand: CliCommand = {
  name: 'archive',
  summary: 'load articles into a shared PostgreSQL archive and query it (ingest, query, quotes, stats)',
  help: HELP,
  async run(argv) {
    const analysis = runArchiveAnalysis(argv);
    if (analysis) return analysis;
    if (!argv.length || argv.includes('-h') || argv.includes('--help')) { process.stdout.write(HELP + '\n'); return argv.length ? 0 : 2; }
    const p = parse(argv);
    if (!['ingest', 'query', 'quotes', 'stats'].includes(p.sub ?? '')) {
      process.stderr.write(`archive: unknown subcommand "${p.sub}" (ingest, query, quotes or stats)\n`);
      return 2;
    }
    if (p.error) { process.stderr.write(`archive ${p.sub}: ${p.error}\n`); return 2; }
    if (p.sub !== 'ingest' && p.dirs.length) { process.stderr.write(`archive ${p.sub}: unexpected argument "${p.dirs[0]}"\n`); return 2; }
    const url = p.db ?? process.env.SOURCE_ANNOTATOR_ARCHIVE_URL;
    if (!url) { process.stderr.write(`archive ${p.sub}: --db URL is required\n`); return 2; }
    try {
      parseArchiveUrl(url);
      if (p.sub === 'ingest') return await runIngest(p, url);
      if (p.sub === 'query') return await runQuery(p, url);
      if (p.sub === 'quotes') return await runQuotes(p, url);
      return await runStats(p, url);
    } catch (err) {
      process.stderr.write(`archive ${p.sub}: ${describeArchiveError(err, url)}\n`);
      return 1;
    }
  },
};
