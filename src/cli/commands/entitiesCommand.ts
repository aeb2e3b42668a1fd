import type { CliCommand } from './command';
import { extract } from '../../core/extract';
import { analyzeArticle } from '../../core/index/analysis';
import { CorpusIndex } from '../../core/index/corpusIndex';
import { listEntities, type EntityListing } from '../../core/index/entityList';
import { DEFAULT_REGISTRY_PATH } from '../../core/registry/registryDocument';
import { findRegistry, listArticles, publishedDay, readSidecarMetadata } from '../../node/articleCorpus';
import { readArticle } from '../readArticle';
import { plural } from '../../core/util/plural';
import { loadDefaultNameDetector } from '../nameModel';

const HELP = `Usage: source-annotator entities [--json] DIR...

Prints the entities of the articles (.txt and .md files) under the folders, as the Entities view shows
them: one entity per real-world name, under the type the workspace decides from all its mentions.
The entity registry (${DEFAULT_REGISTRY_PATH}) is read from the first folder, or the nearest folder above
it, that has one; publication dates recorded in annotation sidecars are used as the editor uses them.
  --json       one JSON object per line:
               {"canonical", "type", "aliases": [{"text", "count"}], "mentions", "articles"}
               (aliases: every written form of the mentions with its count)
  -h, --help   show this help`;

function table(rows: EntityListing[]): string {
  const header = ['type', 'entity', 'mentions', 'articles', 'also written'];
  const cells = rows.map((r) => [
    r.type, r.canonical, String(r.mentions), String(r.articles),
    r.aliases.filter((a) => a.text !== r.canonical).slice(0, 4).map((a) => `${a.text} (${a.count})`).join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => Math.min(48, c[i].length))));
  const line = (c: string[]): string => c.map((v, i) => (i === 2 || i === 3 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...cells.map(line), plural(rows.length, 'entity')].join('\n');
}

export const entitiesCommand: CliCommand = {
  name: 'entities',
  summary: 'list the entities of the articles under folders, as the Entities view does',
  help: HELP,
  async run(argv) {
    if (argv.includes('-h') || argv.includes('--help')) { process.stdout.write(HELP + '\n'); return 0; }
    const unknown = argv.filter((a) => a.startsWith('-') && a !== '--json');
    if (unknown.length) { process.stderr.write(`entities: unknown option ${unknown[0]}\n${HELP}\n`); return 2; }
    const json = argv.includes('--json');
    const dirs = argv.filter((a) => !a.startsWith('-'));
    if (!dirs.length) { process.stderr.write(`entities: no DIR given\n${HELP}\n`); return 2; }
    const problems: string[] = [];
    const unique = await listArticles(dirs, problems);
    const registry = (await findRegistry(dirs, problems))?.registry;
    let status = problems.some((p) => p.startsWith('cannot read')) ? 1 : 0;
    for (const problem of problems) process.stderr.write(`entities: ${problem}\n`);
    const nameDetector = await loadDefaultNameDetector();
    const index = new CorpusIndex({ registry });
    const analyse = { extract: (text: string, options: Parameters<typeof extract>[1]) => extract(text, { ...options, nameDetector }), registry };
    for (const file of unique) {
      try {
        const article = await readArticle(file);
        if (article.skipped) {
          process.stderr.write(`entities: skipped ${file}: ${article.warning ?? 'not analysed'}\n`);
          continue;
        }
        const sidecarProblems: string[] = [];
        const published = publishedDay(await readSidecarMetadata(file, sidecarProblems));
        for (const problem of sidecarProblems) process.stderr.write(`entities: ${problem}\n`);
        const analysis = analyzeArticle(file, article.text, { ...analyse, published });
        index.addAnalysis(analysis, article.text);
      } catch (err) {
        process.stderr.write(`entities: cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        status = 1;
      }
    }
    const rows = listEntities(index);
    if (json) {
      for (const r of rows) {
        process.stdout.write(JSON.stringify({ canonical: r.canonical, type: r.type, aliases: r.aliases, mentions: r.mentions, articles: r.articles }) + '\n');
      }
    } else {
      process.stdout.write(table(rows) + '\n');
    }
    return status;
  },
};
