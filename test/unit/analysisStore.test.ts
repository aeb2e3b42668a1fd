import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { CorpusIndex } from '../../src/core/index';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { PairTable } from '../../src/core/analysis/pairTable';
import { paragraphsOf } from '../../src/core/analysis/textUnits';
import { lexiconExtractor, type LexiconEntry } from './indexFixtures';

// Names chosen so that entity groups form across articles: a surname alone ("Rutte") joins the one full
// name ending with it, an acronym ("NATO") the one organization it abbreviates; "Kiev" is written for
// "Kyiv"; "Maria Rossi" shares Mark Rutte's initials.
const LEXICON: LexiconEntry[] = [
  { text: 'Mark Rutte', type: 'PERSON' },
  { text: 'Rutte', type: 'PERSON' },
  { text: 'Maria Rossi', type: 'PERSON' },
  { text: 'Anna Berg', type: 'PERSON' },
  { text: 'Berg', type: 'PERSON' },
  { text: 'North Atlantic Treaty Organization', type: 'ORG' },
  { text: 'NATO', type: 'ORG' },
  { text: 'Nordbank', type: 'ORG' },
  { text: 'Oslo', type: 'PLACE' },
  { text: 'Kyiv', type: 'PLACE' },
  { text: 'Kiev', type: 'PLACE', canonical: 'Kyiv' },
];
const WORDS = LEXICON.map((e) => e.text);

type Article = number[][]; // paragraphs of lexicon indexes

const textOf = (article: Article): string =>
  `Report\n\n${article.map((p) => (p.length ? `${p.map((w) => WORDS[w]).join(' and ')} met today.` : 'Nothing happened.')).join('\n\n')}\n`;

interface Pair { paragraphs: number; articles: number; strength: number }

/** The connections computed the plain way: every paragraph's entities read through the index, counted. */
function oracle(index: CorpusIndex): Map<string, Pair> {
  const paragraphsOfEntity = new Map<string, number>();
  const articlesOfEntity = new Map<string, Set<string>>();
  const pairs = new Map<string, number>();
  let total = 0;
  for (const uri of index.uris()) {
    const text = index.textOf(uri)!;
    const spans = index.spansOf(uri).filter((s) => s.type === 'PERSON' || s.type === 'ORG' || s.type === 'PLACE' || s.type === 'MISC');
    for (const p of paragraphsOf(text)) {
      total++;
      const keys = [...new Set(spans.filter((s) => s.start >= p.start && s.start < p.end).map((s) => index.spanAt(uri, s.start)!.key!))].sort();
      for (const k of keys) {
        paragraphsOfEntity.set(k, (paragraphsOfEntity.get(k) ?? 0) + 1);
        if (!articlesOfEntity.has(k)) articlesOfEntity.set(k, new Set());
        articlesOfEntity.get(k)!.add(uri);
      }
      for (let i = 0; i < keys.length; i++) for (let j = i + 1; j < keys.length; j++) pairs.set(`${keys[i]}|${keys[j]}`, (pairs.get(`${keys[i]}|${keys[j]}`) ?? 0) + 1);
    }
  }
  const out = new Map<string, Pair>();
  for (const [pair, together] of pairs) {
    const [a, b] = pair.split('|');
    const pab = together / total;
    const npmi = pab >= 1 ? 1 : Math.log(pab / ((paragraphsOfEntity.get(a)! / total) * (paragraphsOfEntity.get(b)! / total))) / -Math.log(pab);
    const articles = [...articlesOfEntity.get(a)!].filter((u) => articlesOfEntity.get(b)!.has(u)).length;
    out.set(pair, { paragraphs: together, articles, strength: Math.round(npmi * 10000) / 10000 });
  }
  return out;
}

function fromStore(store: AnalysisStore): Map<string, Pair> {
  const out = new Map<string, Pair>();
  for (const c of store.connections({ minCount: 1 }).connections) {
    const [a, b] = [c.aKey, c.bKey].sort();
    out.set(`${a}|${b}`, { paragraphs: c.paragraphs, articles: c.articles, strength: c.strength });
  }
  return out;
}

const sorted = (m: Map<string, Pair>) => [...m].sort((x, y) => (x[0] < y[0] ? -1 : 1));

describe('analysis store: connections against a plain recount', () => {
  it('counts what reading every paragraph through the index counts, before and after random edits (property)', () => {
    let runs = 0;
    let grouped = 0;
    let twoKeysInOneParagraph = 0;
    let edits = 0;
    const article = fc.array(fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 5 }), { minLength: 1, maxLength: 4 });
    const edit = fc.record({ kind: fc.constantFrom('update', 'remove', 'rename'), target: fc.nat(), article });
    fc.assert(fc.property(fc.array(article, { minLength: 2, maxLength: 6 }), fc.array(edit, { maxLength: 4 }), (articles, changes) => {
      runs++;
      const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
      articles.forEach((a, i) => index.update(`${i}.txt`, textOf(a)));
      const store = new AnalysisStore(index);
      const check = () => {
        assert.deepEqual(sorted(fromStore(store)), sorted(oracle(index)));
        // each entity's hover list agrees with the whole graph
        const graph = store.connections({ minCount: 1 });
        for (const node of graph.nodes.values()) {
          const expected = graph.connections.filter((c) => c.aKey === node.key || c.bKey === node.key)
            .map((c) => `${c.aKey === node.key ? c.bKey : c.aKey}|${c.paragraphs}|${c.articles}|${c.strength}`).sort();
          const listed = store.neighbours(node.key, 1).map((n) => `${n.entity.key}|${n.paragraphs}|${n.articles}|${n.strength}`).sort();
          assert.deepEqual(listed, expected, node.key);
        }
      };
      check();
      for (const change of changes) {
        const uris = index.uris();
        const uri = uris[change.target % uris.length];
        if (change.kind === 'update') index.update(uri, textOf(change.article));
        else if (change.kind === 'remove' && uris.length > 1) index.remove(uri);
        else if (change.kind === 'rename') index.rename(uri, `${uri}.moved`);
        edits++;
        check();
      }
      if (index.entityGroup('PERSON:mark rutte').length > 1 || index.entityGroup('ORG:north atlantic treaty organization').length > 1) grouped++;
      for (const uri of index.uris()) {
        const text = index.textOf(uri)!;
        if (paragraphsOf(text).some((p) => /Mark Rutte.*\bRutte met|\bRutte and .*Mark Rutte/u.test(text.slice(p.start, p.end)))) twoKeysInOneParagraph++;
      }
      store.dispose();
    }), { numRuns: 60 });
    console.log(`      ${runs} random workspaces, ${edits} edits; ${grouped} with a surname or acronym grouped to its full name, ${twoKeysInOneParagraph} articles naming one person by two keys in a paragraph`);
    assert.ok(grouped > 0 && twoKeysInOneParagraph > 0, 'the samples exercise grouped entities');
  });
});

describe('analysis store: partner lists kept across edits', () => {
  it('lists, after each edit, what a store counting afresh lists: connections and quotations (property)', () => {
    // each paragraph's names meet, and its first name is quoted; the article's date orders the quotations
    const quotedText = (article: Article, day: number): string =>
      `Report of 2024-01-${String(1 + (day % 28)).padStart(2, '0')}\n\n${article.map((p, i) => (p.length
        ? `${p.map((w) => WORDS[w]).join(' and ')} met today.\n\n"We met, number ${i}," said ${WORDS[p[0]]}.`
        : 'Nothing happened.')).join('\n\n')}\n`;
    let quotes = 0;
    let runs = 0;
    let edits = 0;
    let kept = 0;
    const article = fc.array(fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 6 }), { minLength: 1, maxLength: 5 });
    const edit = fc.record({ kind: fc.constantFrom('update', 'update', 'remove', 'rename', 'add'), target: fc.nat(), article });
    fc.assert(fc.property(fc.array(article, { minLength: 2, maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 6 }), (articles, changes) => {
      runs++;
      const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
      articles.forEach((a, i) => index.update(`${i}.txt`, quotedText(a, i)));
      const store = new AnalysisStore(index);
      const hoverAll = (s: AnalysisStore) => {
        const out: string[] = [];
        for (const uri of index.uris()) {
          for (const span of index.spansOf(uri)) {
            const key = index.spanAt(uri, span.start)?.key;
            if (!key) continue;
            const line = (n: { entity: { key: string }; paragraphs: number; articles: number; strength: number }) =>
              `${n.entity.key}|${n.paragraphs}|${n.articles}|${n.strength}`;
            const { total, quotes: latest } = s.quotesBy(key, 3);
            quotes += total;
            out.push(`${key}: ${s.neighbours(key, 2, 5).map(line).join(' ')} / ${s.neighbourCount(key, 2)} / ${s.neighbours(key, 1).map(line).sort().join(' ')}` +
              ` / ${total} ${latest.map((q) => `${q.file}@${q.start}-${q.end}:${q.text}`).join(' ')}`);
          }
        }
        return out;
      };
      hoverAll(store); // every entity's partners counted and kept
      for (const change of changes) {
        const uris = index.uris();
        const uri = uris[change.target % uris.length];
        if (change.kind === 'update') index.update(uri, quotedText(change.article, change.target));
        else if (change.kind === 'add') index.update(`new-${edits}.txt`, quotedText(change.article, change.target));
        else if (change.kind === 'remove' && uris.length > 1) index.remove(uri);
        else if (change.kind === 'rename') index.rename(uri, `${uri}.moved`);
        edits++;
        const memos = store as unknown as { sharedMemo: Map<string, unknown>; quotesMemo: Map<string, unknown> };
        kept += memos.sharedMemo.size + memos.quotesMemo.size;
        const fresh = new AnalysisStore(index);
        assert.deepEqual(hoverAll(store), hoverAll(fresh));
        fresh.dispose();
      }
      store.dispose();
    }), { numRuns: 80 });
    console.log(`      ${runs} random workspaces, ${edits} edits; ${kept} partner and quotation lists kept through an edit; ${quotes} quotations listed`);
    assert.ok(kept > 0 && quotes > 0, 'some lists were kept, not all counted again, and quotations were listed');
  });
});

describe('analysis store: lists counted in steps and in the background', () => {
  it('answers as a store counting from scratch, whether a list was kept, counted within a card\'s budget or in the background, through edits, adds, removals, renames and registry merges (property)', async () => {
    const quotedText = (article: Article, day: number): string =>
      `Report of 2024-03-${String(1 + (day % 28)).padStart(2, '0')}\n\n${article.map((p, i) => (p.length
        ? `${p.map((w) => WORDS[w]).join(' and ')} met today.\n\n"We met, number ${i}," said ${WORDS[p[0]]}.`
        : 'Nothing happened.')).join('\n\n')}\n`;
    let runs = 0;
    let changes = 0;
    let answered = 0;
    let deferred = 0;
    let restarted = 0;
    let background = 0;
    const article = fc.array(fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 6 }), { minLength: 1, maxLength: 5 });
    const edit = fc.record({
      kind: fc.constantFrom('update', 'add', 'remove', 'rename', 'merge', 'unmerge'),
      target: fc.nat(), other: fc.nat(), article,
      // hovers with no time to count (the count is left suspended across the next change), or after the background is done
      hovers: fc.array(fc.nat(), { maxLength: 3 }), wait: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(article, { minLength: 2, maxLength: 8 }), fc.array(edit, { minLength: 1, maxLength: 5 }), async (articles, edits) => {
      runs++;
      const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
      articles.forEach((a, i) => index.update(`${i}.txt`, quotedText(a, i)));
      // every list counts as costly, and a count looks at the clock after every pair and every article
      const store = new AnalysisStore(index, undefined, { hubCost: 1, pairsPerStep: 1, articlesPerStep: 1 });
      const keys = () => [...new Set(index.uris().flatMap((uri) => index.spansOf(uri).map((s) => index.spanAt(uri, s.start)?.key)))]
        .filter((k): k is string => !!k).sort();
      const line = (n: { entity: { key: string }; paragraphs: number; articles: number; strength: number }) =>
        `${n.entity.key}|${n.paragraphs}|${n.articles}|${n.strength}`;
      const answer = (s: AnalysisStore, key: string) => {
        const { total, quotes } = s.quotesBy(key, 2);
        return `${key}: ${s.neighbours(key, 2, 5).map(line).join(' ')} / ${s.neighbourCount(key, 2)} / ` +
          `${s.neighbours(key, 1).map(line).sort().join(' ')} / ${total} ${quotes.map((q) => `${q.file}@${q.start}`).join(' ')}`;
      };
      const compare = async () => {
        const fresh = new AnalysisStore(index);
        for (const key of keys()) {
          for (const what of ['partners', 'quotes'] as const) {
            if (store.prepare(key, what, 0)) answered++;
            else deferred++;
          }
        }
        await store.idle();
        const stats = store.warmStats;
        background = stats.lists;
        for (const key of keys()) assert.equal(answer(store, key), answer(fresh, key));
        fresh.dispose();
      };
      await store.idle(); // caught up, and every entity's lists counted in the background
      await compare();
      for (const change of edits) {
        const uris = index.uris();
        const uri = uris[change.target % uris.length];
        if (change.kind === 'update') index.update(uri, quotedText(change.article, change.target));
        else if (change.kind === 'add') index.update(`new-${changes}.txt`, quotedText(change.article, change.target));
        else if (change.kind === 'remove' && uris.length > 1) index.remove(uri);
        else if (change.kind === 'rename') index.rename(uri, `${uri}.moved`);
        else if (change.kind === 'merge' || change.kind === 'unmerge') {
          const people = LEXICON.filter((e) => e.type === 'PERSON' && e.text.includes(' ')).map((e) => e.text);
          const into = people[change.target % people.length];
          const from = people[change.other % people.length];
          index.setRegistry(change.kind === 'unmerge' || into === from ? { entities: [] } : { entities: [{ canonical: into, type: 'PERSON', aliases: [from] }] });
        }
        changes++;
        // hovers with no time to count start counts the change left to do, and leave them suspended; another
        // article's edit then makes them start again
        const now = keys();
        for (const h of change.hovers) if (now.length && !store.prepare(now[h % now.length], h % 2 ? 'partners' : 'quotes', 0)) restarted++;
        const others = index.uris();
        const other = others[change.other % others.length];
        index.update(other, `${index.textOf(other)}\nAnna Berg met Nordbank.\n`);
        if (change.wait) await store.idle();
        await compare();
      }
      store.dispose();
    }), { numRuns: 40 });
    console.log(`      ${runs} random workspaces, ${changes} changes; hovers with no time to count: ${answered} answered from kept lists, ${deferred} left to the background, ` +
      `${restarted} counts left suspended across a change; ${background} lists counted in steps by the last store`);
    assert.ok(deferred > 0 && answered > 0 && restarted > 0, 'every path was taken');
  });
});

describe('analysis store: the rankings a card lists, kept across changes', () => {
  it('lists after each change what ranking every partner again lists, and what a fresh store lists (property)', async () => {
    let runs = 0;
    let changes = 0;
    let sameTotals = 0;
    // Kept rankings of three partners (so that most entities have partners outside them), against a twin
    // store on the same index that ranks every partner at each hover, and a fresh store.
    const kept = { kept: 0, adjusted: 0, ranked: 0 };
    const article = fc.array(fc.array(fc.integer({ min: 0, max: WORDS.length - 1 }), { maxLength: 6 }), { minLength: 1, maxLength: 5 });
    const edit = fc.record({
      kind: fc.constantFrom('reword', 'reword', 'reword', 'update', 'add', 'remove', 'rename', 'merge', 'unmerge'),
      target: fc.nat(), other: fc.nat(), article, wait: fc.boolean(),
    });
    await fc.assert(fc.asyncProperty(fc.array(article, { minLength: 3, maxLength: 9 }), fc.array(edit, { minLength: 1, maxLength: 8 }), async (articles, edits) => {
      runs++;
      const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
      const written = new Map<string, Article>();
      const write = (uri: string, a: Article) => {
        written.set(uri, a);
        index.update(uri, textOf(a));
      };
      articles.forEach((a, i) => write(`${i}.txt`, a));
      const store = new AnalysisStore(index, undefined, { hubCost: 1, rankKeep: 3 });
      const twin = new AnalysisStore(index, undefined, { rankKeep: 0 });
      const keys = () => [...new Set(index.uris().flatMap((uri) => index.spansOf(uri).map((s) => index.spanAt(uri, s.start)?.key)))]
        .filter((k): k is string => !!k).sort();
      const answer = (s: AnalysisStore, key: string) => [1, 2, 3].map((limit) =>
        s.neighbours(key, 2, limit).map((n) => `${n.entity.key}|${n.paragraphs}|${n.articles}|${n.strength}`).join(' ')).join(' / ') +
        ` / ${s.neighbourCount(key, 2)} / ${s.neighbourCount(key, 1)} / ${s.neighbourCount(key, 3)}`;
      const compare = () => {
        const fresh = new AnalysisStore(index);
        for (const key of keys()) {
          const mine = answer(store, key);
          assert.equal(mine, answer(twin, key), key);
          assert.equal(mine, answer(fresh, key), key);
        }
        fresh.dispose();
      };
      compare();
      for (const change of edits) {
        const uris = index.uris();
        const uri = uris[change.target % uris.length];
        const before = store.connections().paragraphCount;
        // a reworded article keeps its paragraphs (so the paragraph total stays) with other names in them
        if (change.kind === 'reword') write(uri, written.get(uri)!.map((p, i) => change.article[i % change.article.length] ?? p));
        else if (change.kind === 'update') write(uri, change.article);
        else if (change.kind === 'add') write(`new-${changes}.txt`, change.article);
        else if (change.kind === 'remove' && uris.length > 1) index.remove(uri);
        else if (change.kind === 'rename') {
          index.rename(uri, `${uri}.moved`);
          written.set(`${uri}.moved`, written.get(uri)!);
        } else if (change.kind === 'merge' || change.kind === 'unmerge') {
          const people = LEXICON.filter((e) => e.type === 'PERSON' && e.text.includes(' ')).map((e) => e.text);
          const into = people[change.target % people.length];
          const from = people[change.other % people.length];
          index.setRegistry(change.kind === 'unmerge' || into === from ? { entities: [] } : { entities: [{ canonical: into, type: 'PERSON', aliases: [from] }] });
        }
        changes++;
        if (store.connections().paragraphCount === before) sameTotals++;
        if (change.wait) await store.idle(); // the background ranks the lists again (every list counts as costly here)
        compare();
      }
      kept.kept += store.rankStats.kept;
      kept.adjusted += store.rankStats.adjusted;
      kept.ranked += store.rankStats.ranked;
      store.dispose();
      twin.dispose();
    }), { numRuns: 60 });
    console.log(`      ${runs} random workspaces, ${changes} changes (${sameTotals} keeping the paragraph total); card rankings: ` +
      `${kept.kept} from kept rankings (${kept.adjusted} adjusted for changed partners), ${kept.ranked} ranked from scratch`);
    assert.ok(kept.adjusted > 0 && kept.ranked > 0 && sameTotals > 0, 'kept rankings were adjusted, and rankings made from scratch');
  });
});

describe('analysis store: entities named in hundreds of articles', () => {
  it('counts their shared articles (through bit sets) as the plain recount does', () => {
    const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
    for (let i = 0; i < 700; i++) {
      // NATO in most articles, Oslo in many, the others here and there
      const article: Article = [[6, i % 3 === 0 ? 8 : 3], [i % 5 === 0 ? 0 : 7, 6], [i % 2 === 0 ? 8 : 9, i % 7 === 0 ? 1 : 2]];
      index.update(`${i}.txt`, textOf(article));
    }
    const store = new AnalysisStore(index);
    const counted = fromStore(store);
    assert.ok([...counted.values()].some((p) => p.articles >= 256), 'some pair shares hundreds of articles');
    assert.deepEqual(sorted(counted), sorted(oracle(index)));
    store.dispose();
  });
});

describe('pair table', () => {
  it('counts as a map of pairs does, through growth, removals, partner lists and room reserved ahead (property)', () => {
    let runs = 0;
    let grown = 0;
    let reservedWhileFilled = 0;
    const ops = fc.array(fc.tuple(fc.nat({ max: 3000 }), fc.nat({ max: 3000 }), fc.boolean()), { minLength: 6000, maxLength: 8000 });
    fc.assert(fc.property(ops, fc.nat({ max: 20000 }), fc.nat({ max: 20000 }), (ops, ahead, midway) => {
      runs++;
      const table = new PairTable();
      // the same operations on a table told ahead how many pairs to expect, and again half-way (a hint, too small or too large)
      const reserved = new PairTable();
      reserved.reserve(ahead);
      const plain = new Map<string, number>();
      ops.forEach(([x, y, remove], i) => {
        if (i === ops.length >> 1) {
          if (midway * 2 > 4096 && plain.size > 0) reservedWhileFilled++;
          reserved.reserve(midway);
        }
        if (x === y) return;
        const key = x < y ? `${x}|${y}` : `${y}|${x}`;
        const now = plain.get(key) ?? 0;
        if (remove && now === 0) return; // counts never go below zero: an article only takes back what it added
        plain.set(key, now + (remove ? -1 : 1));
        table.add(x, y, remove ? -1 : 1);
        reserved.add(x, y, remove ? -1 : 1);
      });
      if (plain.size > 2048) grown++;
      for (const t of [table, reserved]) {
        const listed = new Map<string, number>();
        t.forEachPair((a, b, count) => listed.set(`${a}|${b}`, count));
        assert.deepEqual([...listed].sort(), [...plain].filter(([, c]) => c > 0).sort());
        for (const [key, count] of plain) {
          const [a, b] = key.split('|').map(Number);
          assert.equal(t.get(b, a), count);
          const partners: number[] = [];
          t.forEachPartner(a, (other, c) => { if (other === b) partners.push(c); });
          assert.deepEqual(partners, count > 0 ? [count] : []);
        }
      }
    }), { numRuns: 30 });
    console.log(`      ${runs} random operation lists, ${grown} large enough to grow the table, ${reservedWhileFilled} with room reserved in a table in use`);
    assert.ok(grown > 0);
    assert.ok(reservedWhileFilled > 0);
  });
});

describe('analysis store: keeping up with an edit', () => {
  it('catches up with a one-article edit in the background once in use, so the next card does not pay for it', async () => {
    const index = new CorpusIndex({ extract: lexiconExtractor(LEXICON) });
    index.update('a.txt', textOf([[0, 6], [3]]));
    index.update('b.txt', textOf([[0, 8]]));
    const store = new AnalysisStore(index);
    await store.idle();
    index.update('a.txt', textOf([[0, 7], [3, 8]]));
    // the catch-up is queued by the change itself: one turn of the event loop later it is done, with no query asked
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    assert.equal(store.ready(0), true, 'caught up before any card asked');
    assert.ok(store.neighbours('PERSON:mark rutte', 1).some((n) => n.entity.key === 'PLACE:oslo'));
    store.dispose();
  });
});
