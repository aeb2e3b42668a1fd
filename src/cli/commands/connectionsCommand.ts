import type { CliCommand } from './command';
import { loadAnalysisCorpus } from '../analysisCorpus';
import { buildConnections, connectionLine } from '../../core/analysis/connections/connections';
import { connectionsToCsv, connectionsToGexf } from '../../core/analysis/connections/graphExport';
import { atomicWrite } from '../../node/atomicWrite';

const HELP = `Usage: source-annotator connections [--json] [--entity NAME] [--min-count N] [--gexf FILE] [--csv FILE] DIR...

Lists the entities that appear together in the .txt and .md articles under each DIR (or each FILE given),
strongest first. The folder's entity registry applies.
  --json          JSON Lines (the default and only format): one object per pair,
                  {"a", "b", "articles", "paragraphs", "strength"}
  --entity NAME   only pairs with this entity (canonical name, alias or a person's surname, any case)
  --min-count N   leave out pairs sharing fewer than N paragraphs (default 2)
  --gexf FILE     also write the graph as GEXF 1.3 for Gephi
  --csv FILE      also write the pairs as a CSV edge list (source,target,articles,paragraphs,strength)
  -h, --help      show this help

articles and paragraphs count those naming both entities. strength is their normalized pointwise mutual
information over paragraphs, from -1 to 1: near 0 for an entity named everywhere, 1 for a pair never
named apart.`;

export const connectionsCommand: CliCommand = {
  name: 'connections',
  summary: 'list entities that appear together, strongest first, as JSON Lines',
  help: HELP,
  async run(argv) {
    const paths: string[] = [];
    let entity: string | undefined;
    let minCount = 2;
    let gexf: string | undefined;
    let csv: string | undefined;
    const valueOf = (i: number, flag: string): [string | undefined, number] => {
      const a = argv[i];
      return a === flag ? [argv[i + 1], i + 1] : [a.slice(flag.length + 1), i];
    };
    for (let i = 0; i < argv.length; i++) {
      const a = argv[i];
      if (a === '-h' || a === '--help') { process.stdout.write(HELP + '\n'); return 0; }
      if (a === '--json') continue;
      const flag = ['--entity', '--min-count', '--gexf', '--csv'].find((f) => a === f || a.startsWith(`${f}=`));
      if (flag) {
        const [value, next] = valueOf(i, flag);
        i = next;
        if (!value) { process.stderr.write(`connections: ${flag} needs a value\n${HELP}\n`); return 2; }
        if (flag === '--entity') entity = value;
        else if (flag === '--gexf') gexf = value;
        else if (flag === '--csv') csv = value;
        else {
          minCount = Number(value);
          if (!Number.isInteger(minCount) || minCount < 1) { process.stderr.write(`connections: --min-count must be a whole number from 1, got "${value}"\n`); return 2; }
        }
        continue;
      }
      if (a.startsWith('-') && a !== '-') { process.stderr.write(`connections: unknown option ${a}\n${HELP}\n`); return 2; }
      paths.push(a);
    }
    if (paths.length === 0) { process.stderr.write(`connections: no DIR given\n${HELP}\n`); return 2; }
    const corpus = await loadAnalysisCorpus(paths);
    for (const problem of corpus.problems) process.stderr.write(`connections: ${problem}\n`);
    const graph = buildConnections(corpus.index, corpus.files, { entity, minCount });
    let out = '';
    for (const c of graph.connections) {
      out += JSON.stringify(connectionLine(c)) + '\n';
      if (out.length > 1 << 16) { process.stdout.write(out); out = ''; }
    }
    if (out) process.stdout.write(out);
    if (gexf) await atomicWrite(gexf, connectionsToGexf(graph));
    if (csv) await atomicWrite(csv, connectionsToCsv(graph));
    if (gexf || csv) process.stderr.write(`connections: wrote ${graph.connections.length} connection(s) between ${graph.nodes.size} entities${gexf ? ` to ${gexf}` : ''}${gexf && csv ? ' and' : ''}${csv ? ` to ${csv}` : ''}\n`);
    return corpus.problems.some((p) => p.startsWith('cannot read')) ? 1 : 0;
  },
};
