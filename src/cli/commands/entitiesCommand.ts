import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { CliCommand } from './command';
import { extract, type EntityRegistry } from '../../core/extract';
import { analyzeArticle } from '../../core/index/analysis';
import { EXCLUDED_DIRS, isArticleFileName } from '../../core/index/articleRules';
import { CorpusIndex } from '../../core/index/corpusIndex';
import { listEntities, type EntityListing } from '../../core/index/entityList';
import { DEFAULT_REGISTRY_PATH, RegistryDocument } from '../../core/registry/registryDocument';
import { SidecarDocument } from '../../core/sidecar/sidecarDocument';
import { sidecarPathFor } from '../../core/sidecar/sidecarPath';
import { readArticle } from '../readArticle';
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

const SKIP_DIRS = new Set(EXCLUDED_DIRS);

async function listArticles(dir: string, out: string[]): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) {
        try {
          await listArticles(path, out);
        } catch (err) {
          process.stderr.write(`entities: cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        }
      }
    } else if (entry.isFile() && isArticleFileName(entry.name)) out.push(path);
  }
}

/** The registry of the first folder (or a folder above it) that has one; undefined when none does. */
async function findRegistry(dirs: string[]): Promise<{ path: string; registry: EntityRegistry } | undefined> {
  for (const dir of dirs) {
    for (let at = resolve(dir); ; at = dirname(at)) {
      const path = join(at, DEFAULT_REGISTRY_PATH);
      let text: string | undefined;
      try {
        text = await readFile(path, 'utf8');
      } catch {
        text = undefined;
      }
      if (text !== undefined) {
        const doc = RegistryDocument.parse(text);
        for (const p of doc.problems) process.stderr.write(`entities: ${path}:${p.line}:${p.col}: ${p.severity}: ${p.message}\n`);
        return { path, registry: doc.toEntityRegistry() };
      }
      if (dirname(at) === at) break;
    }
  }
  return undefined;
}

/** The publication date the analyst recorded in the article's sidecar, as the extension reads it. */
async function sidecarPublished(file: string): Promise<string | undefined> {
  let text: string;
  try {
    text = await readFile(sidecarPathFor(file), 'utf8');
  } catch {
    return undefined;
  }
  const doc = SidecarDocument.parse(text);
  if (doc.hasErrors) return undefined;
  const published = doc.sidecar.article.published?.slice(0, 10);
  return published && /^\d{4}-\d{2}-\d{2}$/.test(published) ? published : undefined;
}

function table(rows: EntityListing[]): string {
  const header = ['type', 'entity', 'mentions', 'articles', 'also written'];
  const cells = rows.map((r) => [
    r.type, r.canonical, String(r.mentions), String(r.articles),
    r.aliases.filter((a) => a.text !== r.canonical).slice(0, 4).map((a) => `${a.text} (${a.count})`).join(', '),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => Math.min(48, c[i].length))));
  const line = (c: string[]): string => c.map((v, i) => (i === 2 || i === 3 ? v.padStart(widths[i]) : v.padEnd(widths[i]))).join('  ').trimEnd();
  return [line(header), ...cells.map(line), `${rows.length} entit${rows.length === 1 ? 'y' : 'ies'}`].join('\n');
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
    let status = 0;
    const files: string[] = [];
    for (const dir of dirs) {
      try {
        await listArticles(dir, files);
      } catch (err) {
        process.stderr.write(`entities: cannot read ${dir}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}\n`);
        status = 1;
      }
    }
    const unique = [...new Set(files.map((f) => resolve(f)))].sort();
    const found = await findRegistry(dirs);
    const registry = found?.registry;
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
        const published = await sidecarPublished(file);
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
