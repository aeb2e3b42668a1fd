import type { CliCommand } from './command';
import { loadAnalysisCorpus } from '../analysisCorpus';
import { buildTimeline, timelineLine } from '../../core/analysis/timeline/timeline';

const HELP = `Usage: source-annotator timeline [--json] [--entity NAME] [--details] DIR...

Puts every resolved date in the .txt and .md articles under each DIR (or each FILE given) on one time
axis, in date order. The folder's entity registry and the articles' sidecar metadata apply.
  --json          JSON Lines (the default and only format): one object per date,
                  {"date", "precision", "file", "start", "end", "text", "sentence", "entities"}
  --entity NAME   only dates whose sentence names this entity (canonical name or alias, any case)
  --details       add "publication" (true when the date only restates the article's publication day),
                  "published", "outlet" and "headline" to each object
  -h, --help      show this help

precision is day, week, month, season, quarter, half, year or decade. Dates are ordered by the first day
of their period, finer precision first. Offsets are UTF-16 code units into the file's text, end exclusive.`;

export const timelineCommand: CliCommand = {
  name: 'timeline',
  summary: 'list every resolved date on one time axis as JSON Lines',
  help: HELP,
  async run(argv) {
    const paths: string[] = [];
    let entity: string | undefined;
    let details = false;
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-h' || a === '--help') { process.stdout.write(HELP + '\n'); return 0; }
      if (a === '--json') continue;
      if (a === '--details') { details = true; continue; }
      if (a === '--entity' || a.startsWith('--entity=')) {
        entity = a === '--entity' ? argv[++i] : a.slice('--entity='.length);
        if (!entity) { process.stderr.write(`timeline: --entity needs a NAME\n${HELP}\n`); return 2; }
        continue;
      }
      if (a.startsWith('-') && a !== '-') { process.stderr.write(`timeline: unknown option ${a}\n${HELP}\n`); return 2; }
      paths.push(a);
    }
    if (paths.length === 0) { process.stderr.write(`timeline: no DIR given\n${HELP}\n`); return 2; }
    const corpus = await loadAnalysisCorpus(paths);
    for (const problem of corpus.problems) process.stderr.write(`timeline: ${problem}\n`);
    const entries = buildTimeline(corpus.index, corpus.files, { entity, metadataFor: (uri) => corpus.metadata.get(uri) });
    let out = '';
    for (const e of entries) {
      const line = details
        ? { ...timelineLine(e), publication: e.publication, published: e.published ?? null, outlet: e.outlet ?? null, headline: e.headline }
        : timelineLine(e);
      out += JSON.stringify(line) + '\n';
      if (out.length > 1 << 16) { process.stdout.write(out); out = ''; }
    }
    if (out) process.stdout.write(out);
    return corpus.problems.some((p) => p.startsWith('cannot read')) ? 1 : 0;
  },
};
