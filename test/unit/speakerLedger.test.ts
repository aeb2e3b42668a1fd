import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CorpusIndex } from '../../src/core/index';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { SpeakerLedger, speakerRows } from '../../src/core/analysis/quotes/speakerRows';
import type { LedgerQuote } from '../../src/core/analysis/quotes/quoteLedger';
import type { EntityRegistry } from '../../src/core/extract/types';
import { lexiconExtractor, type LexiconEntry } from './indexFixtures';

// "Rutte" alone joins the one full name ending with it, "NATO" the one organization it abbreviates, so a
// change in one article can give another article's quotation a new speaker.
const LEXICON: LexiconEntry[] = [
  { text: 'Mark Rutte', type: 'PERSON' },
  { text: 'Rutte', type: 'PERSON' },
  { text: 'Maria Rossi', type: 'PERSON' },
  { text: 'Anna Berg', type: 'PERSON' },
  { text: 'Berg', type: 'PERSON' },
  { text: 'Erik Berg', type: 'PERSON' },
  { text: 'North Atlantic Treaty Organization', type: 'ORG' },
  { text: 'NATO', type: 'ORG' },
  { text: 'Nordbank', type: 'ORG' },
];
const WORDS = LEXICON.map((e) => e.text);

/** Paragraphs of lexicon indexes: each paragraph's first name is quoted, some quotations have no speaker. */
type Article = number[][];
const textOf = (article: Article, day: number): string =>
  `Report of 2024-02-${String(1 + (day % 28)).padStart(2, '0')}\n\n${article.map((p, i) => (p.length
    ? `${p.map((w) => WORDS[w]).join(' and ')} met today.\n\n"We met, number ${i}," said ${WORDS[p[0]]}.`
    : `"Nothing happened, number ${i}," a spokesperson said.`)).join('\n\n')}\n`;

const plain = (rows: ReturnType<typeof speakerRows>) =>
  rows.map((r) => `${r.speaker} (${r.type}): ${r.quotes.map((q) => `${q.file}@${q.start}-${q.end}:${q.speakerKey ?? ''}:${q.text}`).join(' ')}`);

describe('Quotes view rows kept per article', () => {
  it('equal the rows built from scratch from a fresh store after edits, adds, removals, renames and registry merges (property)', () => {
    let runs = 0;
    let changes = 0;
    let reread = 0;
    let held = 0;
    let respoken = 0;
    const article = fc.array(fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 4 }), { minLength: 1, maxLength: 4 });
    const edit = fc.record({
      kind: fc.constantFrom('update', 'update', 'add', 'remove', 'rename', 'merge', 'unmerge'),
      target: fc.nat(), other: fc.nat(), article,
    });
    fc.assert(fc.property(fc.array(article, { minLength: 2, maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (articles, edits) => {
      runs++;
      const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
      articles.forEach((a, i) => index.update(`${i}.txt`, textOf(a, i)));
      const store = new AnalysisStore(index);
      const followed = store.trackQuotations();
      const ledger = new SpeakerLedger();
      // what the Quotes view does: read again only the articles the store says changed
      const kept = () => {
        const changes = followed.take();
        ledger.apply(changes, index.uris(), (uri) => store.quotes(uri));
        if (!changes.all) {
          reread += changes.uris.size;
          held += index.size;
        }
        return ledger.rows();
      };
      const fromScratch = () => {
        const fresh = new AnalysisStore(index);
        const rows = speakerRows(fresh.allQuotes());
        fresh.dispose();
        return rows;
      };
      assert.deepEqual(plain(kept()), plain(fromScratch()));
      for (const change of edits) {
        const uris = index.uris();
        const uri = uris[change.target % uris.length];
        const before = new Map(store.allQuotes().map((q) => [`${q.file}@${q.start}`, q.speaker]));
        if (change.kind === 'update') index.update(uri, textOf(change.article, change.target));
        else if (change.kind === 'add') index.update(`new-${changes}.txt`, textOf(change.article, change.target));
        else if (change.kind === 'remove' && uris.length > 1) index.remove(uri);
        else if (change.kind === 'rename') index.rename(uri, `${uri}.moved`);
        else if (change.kind === 'merge' || change.kind === 'unmerge') {
          // the analyst merges one person into another through the registry (or undoes every merge)
          const people = LEXICON.filter((e) => e.type === 'PERSON' && e.text.includes(' ')).map((e) => e.text);
          const into = people[change.target % people.length];
          const from = people[change.other % people.length];
          const registry: EntityRegistry = change.kind === 'unmerge' || into === from
            ? { entities: [] }
            : { entities: [{ canonical: into, type: 'PERSON', aliases: [from] }] };
          index.setRegistry(registry);
        }
        changes++;
        const rows = kept();
        for (const q of store.allQuotes()) if (before.has(`${q.file}@${q.start}`) && before.get(`${q.file}@${q.start}`) !== q.speaker) respoken++;
        assert.deepEqual(plain(rows), plain(fromScratch()), change.kind);
      }
      followed.dispose();
      store.dispose();
    }), { numRuns: 80 });
    console.log(`      ${runs} random workspaces, ${changes} changes; ${respoken} quotations given another speaker by a change; ` +
      `${reread} articles read again for ${held} held after changes that were not rebuilds`);
    assert.ok(respoken > 0, 'some changes gave quotations another speaker');
    assert.ok(reread < held, 'an ordinary change reads fewer articles than the workspace holds');
  });

  it('a ledger filled and emptied article by article equals speakerRows over what is left (property)', () => {
    let runs = 0;
    const speakers = [null, 'Anna Berg', 'Nordbank', 'Mark Rutte', 'Ärzte ohne Grenzen'];
    const quote = fc.record({ speaker: fc.integer({ min: 0, max: speakers.length - 1 }), start: fc.nat({ max: 500 }) });
    const op = fc.record({ file: fc.integer({ min: 0, max: 6 }), quotes: fc.array(quote, { maxLength: 4 }), remove: fc.boolean() });
    fc.assert(fc.property(fc.array(op, { minLength: 1, maxLength: 30 }), (ops) => {
      runs++;
      const ledger = new SpeakerLedger();
      const present = new Map<string, LedgerQuote[]>();
      for (const { file, quotes, remove } of ops) {
        const uri = `file:///${file}.txt`;
        if (remove) {
          ledger.remove(uri);
          present.delete(uri);
        } else {
          // distinct starts within an article, as quotations are
          const list = [...new Map(quotes.map((q) => [q.start, q])).values()].map((q): LedgerQuote => ({
            file: uri, start: q.start, end: q.start + 5, text: `q${q.start}`, speaker: speakers[q.speaker],
            speakerType: speakers[q.speaker] === null ? null : speakers[q.speaker] === 'Nordbank' ? 'ORG' : 'PERSON',
            cueStart: null, cueEnd: null, attribution: 'none',
          }));
          ledger.set(uri, list);
          if (list.length) present.set(uri, list);
          else present.delete(uri);
        }
        assert.deepEqual(plain(ledger.rows()), plain(speakerRows([...present.values()].flat())));
        assert.equal(ledger.size, [...present.values()].flat().length);
      }
    }), { numRuns: 200 });
    console.log(`      ${runs} random sequences of article changes`);
  });
});
