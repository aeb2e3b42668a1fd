/**
 * `source-annotator export`: collects annotation sidecars and writes them as CSV, W3C Web Annotation
 * JSON-LD or a Markdown report, to a file (atomically) or to standard output.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { annotationsToCsv } from '../../core/export/csv';
import { annotationsToMarkdown } from '../../core/export/markdownReport';
import { annotationsToWebAnnotationCollection } from '../../core/export/webAnnotation';
import { ArticleAnnotations } from '../../core/export/articleAnnotations';
import { SidecarDocument } from '../../core/sidecar/sidecarDocument';
import { articlePathFor } from '../../core/sidecar/sidecarPath';
import { atomicWrite } from '../../node/atomicWrite';
import { findSidecars } from '../../node/findSidecars';
import { CliCommand } from './command';
import { loadAnalysisCorpus } from '../analysisCorpus';
import { quoteLine, quotesOfArticle } from '../../core/analysis/quotes/quoteLedger';

const FORMATS = ['csv', 'jsonld', 'markdown'] as const;
type Format = (typeof FORMATS)[number];

const help = `Usage: source-annotator export [--format csv|jsonld|markdown] [--out FILE] [--no-bom] [--no-quotes] PATH...

Exports analyst annotations from YAML sidecars (article.txt.annotations.yaml).
Each PATH is an article, a sidecar, or a directory searched recursively.

Options:
  --format FORMAT  csv (default): one row per annotation, RFC 4180;
                   jsonld: W3C Web Annotation AnnotationCollection;
                   markdown: a report grouped by tag.
  --out FILE       Write to FILE (replaced atomically) instead of standard output.
  --no-bom         CSV without the UTF-8 byte-order mark it starts with by default
                   (the mark makes Excel read curly quotes and accents right).
  --no-quotes      Leave out the articles' quotations. By default each exported article's
                   quotations and their speakers follow its annotations: rows of kind
                   "quotation" (CSV), annotations with the motivation "quoting" (JSON-LD),
                   a Quotations section (Markdown).
  -h, --help       Show this help.

Sidecars with errors are reported as FILE:LINE:COL and left out; the exit status is then 1.`;

interface ExportArgs { format: Format; out?: string; paths: string[]; byteOrderMark?: boolean; quotes: boolean }

function parseArgs(argv: string[]): ExportArgs | string {
  const args: ExportArgs = { format: 'csv', paths: [], quotes: true };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--format' || flag === '--out') {
      const value = inline ?? argv[++i];
      if (value === undefined || value === '') return `${flag} needs a value`;
      if (flag === '--format') {
        if (!(FORMATS as readonly string[]).includes(value)) return `Unknown format "${value}"; use ${FORMATS.join(', ')}`;
        args.format = value as Format;
      } else {
        args.out = value;
      }
    } else if (arg === '--no-bom') {
      args.byteOrderMark = false;
    } else if (arg === '--no-quotes') {
      args.quotes = false;
    } else if (arg === '--') {
      args.paths.push(...argv.slice(i + 1));
      break;
    } else if (arg.startsWith('-') && arg !== '-') {
      return `Unknown option "${arg}"`;
    } else {
      args.paths.push(arg);
    }
  }
  if (args.paths.length === 0) return 'Give at least one article, sidecar or directory';
  return args;
}

function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

async function run(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(help + '\n');
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    process.stderr.write(`export: ${args}\n\n${help}\n`);
    return 2;
  }
  let failed = false;
  const { sidecars, missing } = await findSidecars(args.paths);
  for (const input of missing) {
    process.stderr.write(`export: no sidecar found for ${input}\n`);
    failed = true;
  }
  const items: ArticleAnnotations[] = [];
  const articlePaths: string[] = [];
  for (const sidecarPath of sidecars) {
    const articlePath = articlePathFor(sidecarPath) ?? sidecarPath;
    const articleText = await fs.readFile(articlePath, 'utf8').catch(() => undefined);
    const document = SidecarDocument.parse(await fs.readFile(sidecarPath, 'utf8'), { textLength: articleText?.length });
    for (const problem of document.problems) {
      process.stderr.write(`${displayPath(sidecarPath)}:${problem.line}:${problem.column}: ${problem.severity}: ${problem.message}\n`);
    }
    if (document.hasErrors) {
      failed = true;
      continue;
    }
    items.push({ article: displayPath(articlePath), uri: pathToFileURL(path.resolve(articlePath)).href, sidecar: document.sidecar, text: articleText });
    articlePaths.push(articlePath);
  }
  if (args.quotes && articlePaths.length > 0) {
    // the quote ledger over the exported articles, with the shipped tagger (as `source-annotator quotes`)
    const corpus = await loadAnalysisCorpus(articlePaths);
    items.forEach((item, i) => {
      const file = articlePaths[i];
      if (!corpus.index.has(file)) return;
      item.quotes = quotesOfArticle(corpus.index, file).map((q) => quoteLine(q)).map(({ file: _file, ...quote }) => quote);
      item.text = corpus.index.textOf(file) ?? item.text;
    });
  }

  const output = args.format === 'csv' ? annotationsToCsv(items, { byteOrderMark: args.byteOrderMark })
    : args.format === 'jsonld' ? JSON.stringify(annotationsToWebAnnotationCollection(items), null, 2) + '\n'
      : annotationsToMarkdown(items);
  if (args.out) {
    await atomicWrite(args.out, output);
    const count = items.reduce((sum, item) => sum + item.sidecar.annotations.length, 0);
    const quotes = items.reduce((sum, item) => sum + (item.quotes?.length ?? 0), 0);
    process.stderr.write(`export: wrote ${count} annotation(s)${args.quotes ? ` and ${quotes} quotation(s)` : ''} from ${items.length} sidecar(s) to ${args.out}\n`);
  } else {
    process.stdout.write(output);
  }
  return failed ? 1 : 0;
}

export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Export annotations from sidecars as CSV, W3C Web Annotation JSON-LD or Markdown',
  help,
  run,
};

export default exportCommand;
