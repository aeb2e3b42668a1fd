/**
 * Output check for speed work on the extraction pipeline: runs `extract()` with the shipped name tagger over a
 * large, varied input (the CoNLL-2003 dev text, the TempEval-3 TBAQ texts with their creation dates, the trial
 * pages and the quote fixtures) and writes every span as JSON, one document a line, so that two checkouts'
 * outputs can be compared byte for byte.
 *
 *   npx tsx scripts/bench/sameOutput.ts --write before.jsonl     (on the commit before the change)
 *   npx tsx scripts/bench/sameOutput.ts --compare before.jsonl   (after: prints "identical" and the span count)
 *
 * The benchmark folders are optional (../shared/benchmarks); a missing one is reported and skipped.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { extract } from '../../src/core/extract';
import { loadNameTagger } from '../../src/core/extract/ner';
import { devDocuments, CONLL_DIR } from '../eval/conll';
import { benchmarkRoot, parseTimeML } from '../eval/tempeval';

interface Input { id: string; text: string; published?: string }

const ROOT = resolve(__dirname, '..', '..');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p));
    else if (name.endsWith('.txt')) out.push(p);
  }
  return out;
}

function inputs(): Input[] {
  const all: Input[] = [];
  if (existsSync(join(CONLL_DIR, 'eng.testa'))) {
    devDocuments('cased').forEach((d, i) => all.push({ id: `conll/testa/${i}`, text: d.text }));
  } else console.log(`skipped: ${CONLL_DIR} is missing`);
  const tbaq = benchmarkRoot();
  for (const part of ['TimeBank', 'AQUAINT']) {
    const dir = join(tbaq, part);
    if (!existsSync(dir)) { console.log(`skipped: ${dir} is missing`); continue; }
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.tml')).sort()) {
      const doc = parseTimeML(readFileSync(join(dir, f), 'utf8'), f, part);
      // once with the document's creation date, once finding its own reference date
      all.push({ id: `tbaq/${part}/${f}`, text: doc.text, published: doc.dct });
      all.push({ id: `tbaq/${part}/${f}#own`, text: doc.text });
    }
  }
  for (const dir of ['test/fixtures/trial', 'test/fixtures/quotes']) {
    for (const f of filesUnder(join(ROOT, dir))) all.push({ id: relative(ROOT, f), text: readFileSync(f, 'utf8') });
  }
  return all;
}

function main(): void {
  const [mode, file] = process.argv.slice(2);
  if ((mode !== '--write' && mode !== '--compare') || !file) {
    console.error('usage: tsx scripts/bench/sameOutput.ts --write|--compare <file.jsonl>');
    process.exit(2);
  }
  const detector = loadNameTagger(readFileSync(join(ROOT, 'models', 'ner.model')));
  const docs = inputs();
  let spans = 0;
  let chars = 0;
  const lines: string[] = [];
  const t0 = performance.now();
  for (const d of docs) {
    const r = extract(d.text, { nameDetector: detector, published: d.published });
    spans += r.spans.length;
    chars += d.text.length;
    lines.push(JSON.stringify({ id: d.id, result: r }));
  }
  const out = lines.join('\n') + '\n';
  console.log(`${docs.length} documents, ${(chars / 1048576).toFixed(2)} M characters, ${spans} spans, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  if (mode === '--write') {
    writeFileSync(file, out);
    console.log(`written to ${file}`);
    return;
  }
  const before = readFileSync(file, 'utf8');
  if (before === out) {
    console.log(`identical: ${docs.length} documents, ${spans} spans, ${out.length} bytes of JSON`);
    return;
  }
  const old = before.split('\n');
  let shown = 0;
  for (let i = 0; i < Math.max(old.length, lines.length) && shown < 5; i++) {
    if (old[i] !== lines[i]) {
      shown++;
      const a = old[i] ?? '';
      const b = lines[i] ?? '';
      let k = 0;
      while (k < a.length && a[k] === b[k]) k++;
      console.log(`DIFFERENT at line ${i + 1}: before …${a.slice(Math.max(0, k - 120), k + 200)}\n  after …${b.slice(Math.max(0, k - 120), k + 200)}`);
    }
  }
  process.exitCode = 1;
}

main();
