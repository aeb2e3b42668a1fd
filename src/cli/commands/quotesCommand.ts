import type { CliCommand } from './command';
import { loadAnalysisCorpus } from '../analysisCorpus';
import { quoteLine, quotesOfArticle } from '../../core/analysis/quotes/quoteLedger';

const HELP = `Usage: source-annotator quotes [--json] DIR...

Lists the direct quotations in every .txt and .md article under each DIR (or each FILE given), with the
speaker each is attributed to. The folder's entity registry (.sources/entities.yaml) applies.
  --json       JSON Lines (the default and only format): one object per quotation,
               {"file", "start", "end", "text", "speaker", "speakerType", "cueStart", "cueEnd"}
  -h, --help   show this help

start/end cover the quoted words without the quotation marks; cueStart/cueEnd the mention of the speaker
the attribution rests on (a name, or a pronoun such as "he"). speaker is the entity's canonical name, or
null when the speaker is not named. Offsets are UTF-16 code units into the file's text, end exclusive.`;

export const quotesCommand: CliCommand = {
  name: 'quotes',
  summary: 'list quotations and their speakers as JSON Lines',
  help: HELP,
  async run(argv) {
    const paths: string[] = [];
    for (const a of argv) {
      if (a === '-h' || a === '--help') { process.stdout.write(HELP + '\n'); return 0; }
      if (a === '--json') continue;
      if (a.startsWith('-') && a !== '-') { process.stderr.write(`quotes: unknown option ${a}\n${HELP}\n`); return 2; }
      paths.push(a);
    }
    if (paths.length === 0) { process.stderr.write(`quotes: no DIR given\n${HELP}\n`); return 2; }
    const corpus = await loadAnalysisCorpus(paths);
    for (const problem of corpus.problems) process.stderr.write(`quotes: ${problem}\n`);
    for (const file of corpus.files) {
      let lines = '';
      for (const q of quotesOfArticle(corpus.index, file)) lines += JSON.stringify(quoteLine(q)) + '\n';
      if (lines) process.stdout.write(lines);
    }
    return corpus.problems.some((p) => p.startsWith('cannot read')) ? 1 : 0;
  },
};
