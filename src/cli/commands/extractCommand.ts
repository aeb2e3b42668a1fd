import type { CliCommand } from './command';
import { extract } from '../../core/extract';
import { readArticle } from '../readArticle';
import { loadDefaultNameDetector } from '../nameModel';

const HELP = `Usage: source-annotator extract --json FILE... [--date YYYY-MM-DD]

Extracts people, organizations, places, misc names, dates and figures from each FILE.
  --json              print JSON: one object {"file", "spans"} for one FILE, JSON Lines for several
  --date YYYY-MM-DD   reference date for relative dates (overrides a dateline found in the article)
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
    if (date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
      process.stderr.write(`extract: --date must be YYYY-MM-DD, got "${date}"\n`);
      return 2;
    }
    const nameDetector = await loadDefaultNameDetector();
    let status = 0;
    for (const file of files) {
      let article;
      try {
        article = await readArticle(file);
      } catch (err) {
        process.stderr.write(`extract: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        status = 1;
        continue;
      }
      if (article.warning) process.stderr.write(`extract: ${file}: ${article.warning}\n`);
      const result = extract(article.text, { published: date, nameDetector });
      if (result.language && !result.language.english) process.stderr.write(`extract: ${file}: ${result.language.reason}\n`);
      process.stdout.write(JSON.stringify({ file, spans: result.spans }) + '\n');
    }
    return status;
  },
};
