import type { CliCommand } from './command';
import { extract, type Span } from '../../core/extract';
import { isValidDay } from '../../core/extract/dates/calendar';
import { loadDefaultNameDetector } from '../nameModel';
import { describeReadError, readArticle, fileHints } from '../readArticle';

const HELP = `Usage: source-annotator extract --json FILE... [--date YYYY-MM-DD | YYYY-MM | YYYY]

Extracts people, organizations, places, misc names, dates and figures from each FILE.
  --json              print JSON: one object {"file", "spans"} for one FILE, JSON Lines for several;
                      a file that cannot be read or analysed gives {"file", "error"} and the rest go on
                      (the exit status is 1 at the end if any file failed)
  --date YYYY-MM-DD   reference date for relative dates (overrides a dateline found in the article); a month
                      (YYYY-MM) or a year (YYYY) when no day is known: dates that depend on the day get
                      no value
  -h, --help          show this help

Offsets are UTF-16 code units into the file's text, end exclusive.`;

export const extractCommand: CliCommand = {
  name: 'extract',
  summary: 'extract spans from article files as JSON',
  help: HELP,
  async run(argv) {
    const files: string[] = [];
    let date: string | undefined;
    let json = false;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-h' || a === '--help') { process.stdout.write(HELP + '\n'); return 0; }
      if (a === '--json') json = true;
      else if (a === '--date') date = argv[++i];
      else if (a.startsWith('--date=')) date = a.slice(7);
      else if (a.startsWith('-') && a !== '-') { process.stderr.write(`extract: unknown option ${a}\n${HELP}\n`); return 2; }
      else files.push(a);
    }
    if (!json) { process.stderr.write('extract: only --json output is supported; add --json\n'); return 2; }
    if (files.length === 0) { process.stderr.write(`extract: no FILE given\n${HELP}\n`); return 2; }
    if (date !== undefined && !isReferenceDate(date)) {
      process.stderr.write(`extract: --date must be a date YYYY-MM-DD, a month YYYY-MM or a year YYYY, got "${date}"\n`);
      return 2;
    }
    const nameDetector = await loadDefaultNameDetector();
    let status = 0;
    // one bad file never stops the batch: it gets {"file", "error"} in place of its spans, and the exit
    // status says at the end that something failed
    const fail = (file: string, message: string): void => {
      process.stderr.write(`extract: ${message.replace(/^(cannot read|extraction failed)/, `$1 ${file}`)}\n`);
      process.stdout.write(JSON.stringify({ file, error: message }) + '\n');
      status = 1;
    };
    for (const file of files) {
      let article;
      try {
        article = await readArticle(file);
      } catch (err) {
        fail(file, `cannot read: ${describeReadError(err)}`);
        continue;
      }
      if (article.warning) process.stderr.write(`extract: ${file}: ${article.warning}\n`);
      let result;
      try {
        result = extract(article.text, { published: date, nameDetector, file: await fileHints(file) });
      } catch (err) {
        fail(file, `extraction failed: ${(err as Error).message ?? String(err)}`);
        continue;
      }
      if (result.language && !result.language.english) process.stderr.write(`extract: ${file}: ${result.language.reason}\n`);
      writeSpansLine(file, result.spans);
    }
    return status;
  },
};

/** A real day (YYYY-MM-DD), month (YYYY-MM) or year (YYYY), from the year 100 on. */
function isReferenceDate(date: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  return m !== null && Number(m[1]) >= 100 && isValidDay(Number(m[1]), Number(m[2] ?? 1), Number(m[3] ?? 1));
}

/** Spans serialised per write: a few hundred kilobytes of JSON. */
const SPANS_PER_WRITE = 4096;

/**
 * Writes `JSON.stringify({ file, spans }) + '\n'`, the same bytes, a few thousand spans at a time: a hostile
 * file can give millions of spans, and one string of all of them (150 MB for 4 MB of "1,1,1,…") cost more than
 * twice as much per span as a quarter of it, then as much again to encode and write at once.
 */
function writeSpansLine(file: string, spans: readonly Span[]): void {
  const head = JSON.stringify({ file, spans: [] });
  if (spans.length === 0) {
    process.stdout.write(head + '\n');
    return;
  }
  let chunk = head.slice(0, -2); // '{"file":…,"spans":['
  for (let from = 0; from < spans.length; from += SPANS_PER_WRITE) {
    const part = JSON.stringify(spans.slice(from, from + SPANS_PER_WRITE)).slice(1, -1);
    chunk += (from > 0 ? ',' : '') + part;
    process.stdout.write(chunk);
    chunk = '';
  }
  process.stdout.write(']}\n');
}
