/**
 * `source-annotator reanchor`: re-anchors every annotation of each article against the article's
 * current text (after a pull, in CI), with the same algorithm as the editor (`core/anchor/reanchor`).
 * `--write` saves the new targets through the editor's compare-and-swap sidecar write (`FileSidecarStore.update`), and
 * never touches a sidecar that does not parse.
 */
import type { CliCommand } from './command';
import { reanchor } from '../../core/anchor/reanchor';
import { suggestPlaces } from '../../core/anchor/suggestPlaces';
import { TextHistory } from '../../core/anchor/textHistory';
import type { AnnotationTarget } from '../../core/sidecar/model';
import { SidecarDocument } from '../../core/sidecar/sidecarDocument';
import { sidecarPathFor } from '../../core/sidecar/sidecarPath';
import { articleTextHash } from '../../core/sidecar/textHash';
import { LineIndex } from '../../core/text/lineIndex';
import { plural } from '../../core/util/plural';
import { FileSidecarStore } from '../../node/fileSidecarStore';
import { gitVersionsByHash } from '../../node/gitVersions';
import { readArticle } from '../readArticle';

const HELP = `Usage: source-annotator reanchor [--json] [--write] ARTICLE...

Re-anchors the annotations in each ARTICLE's sidecar (ARTICLE.annotations.yaml) against the
article's current text. An annotation is "exact" (its quote is where the sidecar says), "moved"
(found elsewhere, or its quote was lightly edited), or "orphaned" (its text is gone, it appears in
several places and nothing tells which, or its surroundings changed so that nothing tells it from a
copy: the annotation is kept, with its old target).
  --json    print one JSON object per article:
            {"file", "annotations": [{"id", "status", "start", "end"}]} (start/end null when orphaned),
            or {"file", "error"} when the article or its sidecar cannot be read or parsed
  --write   save the new targets of moved annotations (and the new article hash) in the sidecar;
            a sidecar with errors is never written
  -h, --help  show this help

When the article is in a git repository, the committed version an annotation was made on (found
by the text hash its target stores) is diffed with the current text to follow the words through the
edits since; without it, the quote and its context are searched for.

Offsets are UTF-16 code units into the article's text, end exclusive. Exits 1 if any article failed.`;

type Status = 'exact' | 'moved' | 'orphaned';

interface AnnotationReport {
  id: string; status: Status; start: number | null; end: number | null; quote: string;
  /** Orphans only, in the readable summary: the lines where their words may stand now, for a person to confirm. */
  suggestedLines?: number[];
}

interface ArticleReport { file: string; annotations?: AnnotationReport[]; error?: string; written?: boolean }

function sameTarget(a: AnnotationTarget, b: AnnotationTarget): boolean {
  return a.exact === b.exact && a.prefix === b.prefix && a.suffix === b.suffix && a.start === b.start
    && a.end === b.end && a.textHash === b.textHash;
}

function message(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

async function reanchorArticle(file: string, write: boolean, store: FileSidecarStore): Promise<ArticleReport> {
  const sidecarPath = sidecarPathFor(file);
  let text: string;
  try {
    const article = await readArticle(file);
    if (article.skipped) return { file, error: `cannot re-anchor ${file}: ${article.warning ?? 'not decoded'}` };
    text = article.text;
  } catch (error) {
    return { file, error: `cannot read ${file}: ${message(error)}` };
  }
  let sidecarText: string | undefined;
  try {
    sidecarText = await store.read(sidecarPath);
  } catch (error) {
    return { file, error: `cannot read ${sidecarPath}: ${message(error)}` };
  }
  if (sidecarText === undefined) return { file, error: `no sidecar ${sidecarPath}` };
  const document = SidecarDocument.parse(sidecarText);
  const firstError = document.problems.find((problem) => problem.severity === 'error');
  if (document.hasErrors) {
    return { file, error: firstError ? `${sidecarPath}:${firstError.line}:${firstError.column}: ${firstError.message}` : `${sidecarPath} has errors` };
  }

  const textHash = articleTextHash(text);
  // The versions the targets were made on, where git has them.
  const stale = new Set(document.sidecar.annotations.map((a) => a.target.textHash).filter((h) => h && h !== textHash));
  const versions = stale.size > 0 ? await gitVersionsByHash(file, stale) : new Map<string, string>();
  const history = new TextHistory(text, (hash) => versions.get(hash));
  const annotations: AnnotationReport[] = [];
  const updates = new Map<string, AnnotationTarget>();
  let lines: LineIndex | undefined; // line numbers for orphans' suggested places, as the editor counts them
  for (const annotation of document.sidecar.annotations) {
    const result = reanchor(annotation.target, text, { textHash, history });
    const quote = annotation.target.exact;
    if (result.status === 'orphan') {
      const suggestedLines = suggestPlaces(annotation.target, text).map((place) => (lines ??= new LineIndex(text)).position(place.start).line + 1);
      annotations.push({ id: annotation.id, status: 'orphaned', start: null, end: null, quote, suggestedLines });
      continue;
    }
    annotations.push({ id: annotation.id, status: result.status === 'unchanged' ? 'exact' : 'moved', start: result.start, end: result.end, quote });
    if (!sameTarget(result.target, annotation.target)) updates.set(annotation.id, result.target);
  }

  let written = false;
  if (write && updates.size > 0) {
    try {
      // The editor's write: validated, compare-and-swap at the rename, and an edit made to the sidecar
      // meanwhile (an editor, a sync) merged by annotation id instead of overwritten.
      const outcome = await store.update(sidecarPath, (doc) => {
        for (const [id, target] of updates) if (doc.getAnnotation(id)) doc.updateAnnotation(id, { target });
      }, { base: { text: sidecarText } });
      written = outcome.written;
    } catch (error) {
      return { file, error: `cannot write ${sidecarPath}: ${message(error)}` };
    }
  }
  return { file, annotations, written };
}

function summary(report: ArticleReport, write: boolean): string {
  if (report.error !== undefined) return `${report.file}: error: ${report.error}\n`;
  const all = report.annotations ?? [];
  const count = (status: Status): number => all.filter((a) => a.status === status).length;
  let out = `${report.file}: ${plural(all.length, 'annotation')}: ${count('exact')} exact, ${count('moved')} moved, ${count('orphaned')} orphaned`;
  if (write) out += report.written ? '; sidecar updated' : '; sidecar unchanged';
  out += '\n';
  const short = (quote: string): string => {
    const line = quote.replace(/\s+/g, ' ');
    return line.length > 60 ? `${line.slice(0, 59)}…` : line;
  };
  for (const a of all) {
    if (a.status === 'moved') out += `  moved     ${a.id}: “${short(a.quote)}” now at ${a.start}–${a.end}\n`;
    if (a.status === 'orphaned') {
      const lines = a.suggestedLines ?? [];
      const where = lines.length === 0 ? '' : `; its words may stand on line${lines.length > 1 ? 's' : ''} ${lines.join(', ')}: re-attach it in the editor to confirm`;
      out += `  orphaned  ${a.id}: “${short(a.quote)}” not found with confidence (kept, old target unchanged)${where}\n`;
    }
  }
  return out;
}

export const reanchorCommand: CliCommand = {
  name: 'reanchor',
  summary: 'Re-anchor annotations against the current article text',
  help: HELP,
  async run(argv) {
    const files: string[] = [];
    let json = false;
    let write = false;
    for (const a of argv) {
      if (a === '-h' || a === '--help') { process.stdout.write(HELP + '\n'); return 0; }
      if (a === '--json') json = true;
      else if (a === '--write') write = true;
      else if (a.startsWith('-') && a !== '-') { process.stderr.write(`reanchor: unknown option ${a}\n${HELP}\n`); return 2; }
      else files.push(a);
    }
    if (files.length === 0) { process.stderr.write(`reanchor: no ARTICLE given\n${HELP}\n`); return 2; }
    const store = new FileSidecarStore();
    let status = 0;
    for (const file of files) {
      let report: ArticleReport;
      try {
        report = await reanchorArticle(file, write, store);
      } catch (error) {
        // One bad file never stops the batch.
        report = { file, error: error instanceof Error ? error.message : String(error) };
      }
      if (report.error !== undefined) status = 1;
      if (json) {
        process.stdout.write(JSON.stringify(report.error !== undefined ? { file, error: report.error }
          : { file, annotations: (report.annotations ?? []).map(({ id, status: s, start, end }) => ({ id, status: s, start, end })) }) + '\n');
      } else {
        process.stdout.write(summary(report, write));
      }
    }
    return status;
  },
};
