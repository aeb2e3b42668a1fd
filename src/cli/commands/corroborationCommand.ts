import type { CliCommand } from './command';
import { loadAnalysisCorpus } from '../analysisCorpus';
import { articleMetadata } from '../../core/text/articleMeta';
import { quotesOfArticle } from '../../core/analysis/quotes/quoteLedger';
import {
  corroborationLine, listCorroborations, type CorroboratedFact, type CorroboratedKind, type CorroborationArticle,
} from '../../core/analysis/corroboration/corroborationList';

const KINDS: readonly CorroboratedKind[] = ['figure', 'date', 'quote'];

const HELP = `Usage: source-annotator corroboration [--json] [--kind figure|date|quote] DIR...

Lists every figure, dated event (a specific day) and quotation that more than one of the .txt and .md
articles under each DIR (or each FILE given) gives, with how many independent sources report it: distinct
outlets, republished wire copy counted once. Most independent sources first. The outlet and publication
date are the article sidecar's (source, published), else what the text names (a dateline's agency,
"Headline | Outlet", a "Source:" line). The folder's entity registry applies.
  --json         JSON Lines: one object per figure, date or quotation,
                 {"kind", "value", "text", "outlets", "sources", "republished", "articles"},
                 each article {"file", "start", "end", "outlet", "published", "copyOf"}
  --kind KIND    only figures, dates or quotations (repeat or separate with commas for several)
  -h, --help     show this help

Without --json, a table. value is normalized: an ISO day, a figure's value and unit ("5 %", "USD 2000000",
"30 km"), a quotation's words in lower case. text is as the earliest article writes it. sources counts the
distinct outlets of the independent reports plus each report whose outlet is not known; republished counts
the articles that republish another's copy, and copyOf names the article each republishes (else null).
A date that restates its article's own publication day reports nothing. Offsets are UTF-16 code units
into the file's text, end exclusive.`;

/** "Newsmax, Washington Examiner + 1 without a named outlet" */
function outletsCell(f: CorroboratedFact): string {
  const unnamed = f.sources - f.outlets.length;
  const named = f.outlets.join(', ');
  if (unnamed <= 0) return named;
  return `${named}${named ? ' + ' : ''}${unnamed} without a named outlet`;
}

function table(facts: readonly CorroboratedFact[]): string {
  if (facts.length === 0) return 'Nothing is given by more than one article.\n';
  const rows = facts.map((f) => {
    const flat = f.text.replace(/\s+/gu, ' ');
    const shown = flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
    return [String(f.sources), String(f.republished), String(f.articles.length), f.kind, f.kind === 'quote' ? `“${shown}”` : `${shown} (${f.value})`, outletsCell(f)];
  });
  const head = ['SOURCES', 'REPUBLISHED', 'ARTICLES', 'KIND', 'WHAT', 'OUTLETS'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((cell, i) => (i < 3 ? cell.padStart(widths[i]) : i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(head), ...rows.map(line)].join('\n') + '\n';
}

export const corroborationCommand: CliCommand = {
  name: 'corroboration',
  summary: 'list figures, dates and quotations several articles give, with their independent sources',
  help: HELP,
  async run(argv) {
    const paths: string[] = [];
    let json = false;
    let kinds: Set<CorroboratedKind> | undefined;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-h' || a === '--help') { process.stdout.write(HELP + '\n'); return 0; }
      if (a === '--json') { json = true; continue; }
      if (a === '--kind' || a.startsWith('--kind=')) {
        const value = a === '--kind' ? argv[++i] : a.slice('--kind='.length);
        const asked = (value ?? '').split(',').map((k) => k.trim()).filter(Boolean);
        const wrong = asked.find((k) => !KINDS.includes(k as CorroboratedKind));
        if (asked.length === 0 || wrong !== undefined) {
          process.stderr.write(`corroboration: --kind takes figure, date or quote${wrong !== undefined ? `, not ${wrong}` : ''}\n${HELP}\n`);
          return 2;
        }
        kinds ??= new Set();
        for (const k of asked) kinds.add(k as CorroboratedKind);
        continue;
      }
      if (a.startsWith('-') && a !== '-') { process.stderr.write(`corroboration: unknown option ${a}\n${HELP}\n`); return 2; }
      paths.push(a);
    }
    if (paths.length === 0) { process.stderr.write(`corroboration: no DIR given\n${HELP}\n`); return 2; }
    const corpus = await loadAnalysisCorpus(paths);
    for (const problem of corpus.problems) process.stderr.write(`corroboration: ${problem}\n`);
    const { index } = corpus;
    const articles: CorroborationArticle[] = [];
    for (const file of corpus.files) {
      const text = index.textOf(file);
      if (text === undefined) continue;
      const recorded = corpus.metadata.get(file);
      const info: CorroborationArticle['info'] = {};
      const outlet = recorded?.source?.trim() || articleMetadata(text).outlet;
      if (outlet) info.outlet = outlet;
      const published = recorded?.published?.slice(0, 10) || index.articleInfo(file)?.published;
      if (published) info.published = published;
      articles.push({
        file, text, info,
        spans: index.spansOf(file),
        quotes: !kinds || kinds.has('quote') ? quotesOfArticle(index, file) : [],
        publicationDay: index.articleInfo(file)?.reference?.iso,
      });
    }
    const facts = listCorroborations(articles, { kinds });
    if (json) {
      let out = '';
      for (const f of facts) {
        out += JSON.stringify(corroborationLine(f)) + '\n';
        if (out.length > 1 << 16) { process.stdout.write(out); out = ''; }
      }
      if (out) process.stdout.write(out);
    } else {
      process.stdout.write(table(facts));
    }
    return corpus.problems.some((p) => p.startsWith('cannot read')) ? 1 : 0;
  },
};
