/**
 * `archive timeline` and `archive connections`: the archive's twins of the `timeline` and `connections`
 * commands, printing the same JSON lines from the archive on PostgreSQL (`PostgresAnalysisQueries`) instead of
 * from a folder analysed on the spot.
 */
import { isDay, type ConnectionRow, type TimelineRow } from '../../core/index/analysisQueries';
import type { Page } from '../../core/index/corpusStore';
import { describeArchiveError, parseArchiveUrl } from '../../node/archive/connection';
import { PostgresAnalysisQueries } from '../../node/archive/postgresAnalysis';

export const ARCHIVE_ANALYSIS_HELP = `  archive timeline --db URL [--entity NAME] [--from DAY] [--to DAY] [--json]
      Every resolved date of the archive's articles on one time axis, as JSON Lines exactly as the timeline
      command prints them: {"date", "precision", "file", "start", "end", "text", "sentence", "entities"}.
      --entity keeps the dates whose sentence names the entity; --from and --to (YYYY-MM-DD) the dates
      whose period reaches into that span.
  archive connections --db URL [--entity NAME] [--min-count N] [--json]
      Entities named together in the archive's paragraphs, strongest first, as JSON Lines exactly as the
      connections command prints them: {"a", "b", "articles", "paragraphs", "strength"} (--min-count:
      the fewest shared paragraphs, default 2).`;

const USAGE: Record<string, string> = {
  timeline: 'Usage: source-annotator archive timeline --db URL [--entity NAME] [--from DAY] [--to DAY] [--json]',
  connections: 'Usage: source-annotator archive connections --db URL [--entity NAME] [--min-count N] [--json]',
};

/** Rows the timeline reads per query. */
const TIMELINE_PAGE = 1000;

interface Options {
  db?: string;
  entity?: string;
  from?: string;
  to?: string;
  minCount?: number;
}

function parse(sub: string, argv: string[]): Options | string {
  const out: Options = {};
  const flags = sub === 'timeline' ? ['--db', '--entity', '--from', '--to'] : ['--db', '--entity', '--min-count'];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') continue;
    const flag = flags.find((f) => arg === f || arg.startsWith(`${f}=`));
    if (!flag) return arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}"`;
    const value = arg === flag ? argv[++i] : arg.slice(flag.length + 1);
    if (value === undefined || value === '') return `${flag} needs a value`;
    if (flag === '--db') out.db = value;
    else if (flag === '--entity') out.entity = value;
    else if (flag === '--from' || flag === '--to') {
      if (!isDay(value)) return `${flag} needs a day, YYYY-MM-DD, not "${value}"`;
      out[flag === '--from' ? 'from' : 'to'] = value;
    } else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) return `--min-count must be a whole number from 1, got "${value}"`;
      out.minCount = n;
    }
  }
  return out;
}

/**
 * Runs `archive timeline` or `archive connections` when `argv` (the arguments after `archive`) asks for one;
 * undefined for the other subcommands.
 */
export function runArchiveAnalysis(argv: readonly string[]): Promise<number> | undefined {
  const [sub, ...rest] = argv;
  if (sub !== 'timeline' && sub !== 'connections') return undefined;
  return run(sub, rest);
}

async function run(sub: 'timeline' | 'connections', argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${USAGE[sub]}\n\n${ARCHIVE_ANALYSIS_HELP}\n`);
    return 0;
  }
  const options = parse(sub, argv);
  if (typeof options === 'string') {
    process.stderr.write(`archive ${sub}: ${options}\n${USAGE[sub]}\n`);
    return 2;
  }
  const url = options.db ?? process.env.SOURCE_ANNOTATOR_ARCHIVE_URL;
  if (!url) {
    process.stderr.write(`archive ${sub}: --db URL is required\n`);
    return 2;
  }
  let queries: PostgresAnalysisQueries | undefined;
  try {
    parseArchiveUrl(url);
    // a command may take its time over a large archive; every pair is scored in one go
    queries = new PostgresAnalysisQueries({ url, max: 1, queryTimeoutMs: 30 * 60_000, maxPage: sub === 'connections' ? Number.MAX_SAFE_INTEGER : TIMELINE_PAGE });
    const entity = options.entity === undefined ? undefined : { name: options.entity };
    let printed = 0;
    for (let offset: number | undefined = 0; offset !== undefined;) {
      const page: Page<TimelineRow> | Page<ConnectionRow> = sub === 'timeline'
        ? await queries.timeline({ entity, from: options.from, to: options.to, page: { offset, limit: TIMELINE_PAGE } })
        : await queries.connections({ entity, minCount: options.minCount, page: { offset, limit: Number.MAX_SAFE_INTEGER } });
      let out = '';
      for (const row of page.items) out += JSON.stringify(row) + '\n';
      if (out) process.stdout.write(out);
      printed += page.items.length;
      offset = page.nextOffset;
    }
    if (printed === 0 && entity) process.stderr.write(`archive ${sub}: nothing for "${options.entity}" in the archive\n`);
    return 0;
  } catch (err) {
    process.stderr.write(`archive ${sub}: ${describeArchiveError(err, url)}\n`);
    return 1;
  } finally {
    await queries?.close();
  }
}
