import { relative } from 'node:path';
import type { CliCommand } from './command';
import { extract, SPAN_TYPES } from '../../core/extract';
import { listArticles } from '../../node/articleCorpus';
import { describeReadError, readArticle, fileHints } from '../readArticle';
import { plural } from '../../core/util/plural';
import { loadDefaultNameDetector } from '../nameModel';

const HELP = `Usage: source-annotator scan DIR

Prints a per-article summary table for every .txt and .md article under DIR:
counts of spans by type and the publication date found (or "-"). A file that cannot
be read or analysed gets a row saying why; the exit status is then 1.
  -h, --help   show this help`;

export const scanCommand: CliCommand = {
  name: 'scan',
  summary: 'summarise every article under a folder',
  help: HELP,
  async run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(HELP + '\n'); return 0; }
    const dir = argv.find((a) => !a.startsWith('-'));
    if (!dir) { process.stderr.write(`scan: no DIR given\n${HELP}\n`); return 2; }
    const problems: string[] = [];
    const files = await listArticles([dir], problems);
    for (const problem of problems) process.stderr.write(`scan: ${problem}\n`);
    if (problems.length && !files.length) return 1;
    const nameDetector = await loadDefaultNameDetector();
    const header = ['article', ...SPAN_TYPES, 'published'];
    const rows: string[][] = [];
    let failed = 0;
    for (const file of files) {
      // one bad file never stops the scan: it gets a row saying why, and the exit status is 1 at the end
      try {
        const article = await readArticle(file);
        const result = extract(article.text, { nameDetector, file: await fileHints(file) });
        const counts = SPAN_TYPES.map((t) => String(result.spans.filter((s) => s.type === t).length));
        const published = article.skipped ? article.skipped : result.language && !result.language.english ? 'not English'
          : result.reference
          ? `${result.reference.iso} (${result.reference.source}${result.reference.yearFrom ? `, year from ${result.reference.yearFrom}` : ''})` : '-';
        rows.push([relative(dir, file) || file, ...counts, published]);
      } catch (err) {
        failed++;
        const message = (err as NodeJS.ErrnoException).code ? `cannot read: ${describeReadError(err)}` : `failed: ${(err as Error).message ?? String(err)}`;
        process.stderr.write(`scan: ${file}: ${message}\n`);
        rows.push([relative(dir, file) || file, ...SPAN_TYPES.map(() => '-'), `error: ${message}`]);
      }
    }
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
    const line = (cells: string[]): string => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
    const summary = plural(rows.length, 'article') + (failed ? `, ${failed} failed` : '') + (problems.length ? `, ${plural(problems.length, 'folder or file', 'folders or files')} not read` : '');
    process.stdout.write([line(header), ...rows.map(line), summary].join('\n') + '\n');
    return failed || problems.length ? 1 : 0;
  },
};
