import { strict as assert } from 'node:assert';
import { analyzeArticle, CorpusIndex } from '../../src/core/index';
import { extract } from '../../src/core/extract';
import type { EntityRegistry } from '../../src/core/extract/types';
import { buildConnections, connectionLine } from '../../src/core/analysis/connections/connections';
import { AnalysisStore } from '../../src/core/analysis/analysisStore';
import { connectionsToCsv, connectionsToGexf, xmlText } from '../../src/core/analysis/connections/graphExport';

// The registry marks the names, so the test is about counting and ranking, not about the tagger.
const registry: EntityRegistry = {
  entities: [
    { canonical: 'Anna Berg', type: 'PERSON' },
    { canonical: 'Nordbank', type: 'ORG' },
    { canonical: 'Tom Frey', type: 'PERSON' },
    { canonical: 'Oslo', type: 'PLACE' },
    { canonical: 'Rotterdam', type: 'PLACE' },
    { canonical: 'Harbor & Sons <Ltd>', type: 'ORG' },
  ],
};

function corpus(): CorpusIndex {
  const index = new CorpusIndex({ extract: (text, options) => extract(text, options), registry });
  // Oslo is everywhere; Anna Berg and Nordbank always together; Tom Frey with Rotterdam twice.
  index.update('1.txt', 'Anna Berg of Nordbank spoke in Oslo.\n\nTom Frey visited Rotterdam and Oslo.\n\nOslo was cold.\n');
  index.update('2.txt', 'Anna Berg left Nordbank in Oslo.\n\nTom Frey stayed in Rotterdam near Oslo.\n\nIn Oslo, Harbor & Sons <Ltd> opened.\n');
  index.update('3.txt', 'Oslo hosted talks.\n\nOslo again.\n\nTom Frey praised Oslo.\n');
  return index;
}

/**
 * A strict well-formedness check of the XML the exporter writes (no DTD, no CDATA, no comments): one root,
 * balanced tags, quoted attributes without raw "<" or unknown entities, text without raw "<" or "&".
 * Returns the start tags with their decoded attributes.
 */
function checkWellFormed(xml: string): { name: string; attributes: Record<string, string> }[] {
  const decode = (s: string) => {
    assert.ok(!/&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/iu.test(s), `bad entity in ${s}`);
    return s.replace(/&(amp|lt|gt|quot|apos);/gu, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" })[e]!);
  };
  let rest = xml.replace(/^<\?xml[^?]*\?>\s*/u, '');
  const stack: string[] = [];
  const tags: { name: string; attributes: Record<string, string> }[] = [];
  let roots = 0;
  while (rest.length) {
    const text = /^[^<]*/u.exec(rest)![0];
    decode(text);
    if (stack.length === 0) assert.equal(text.trim(), '', 'text outside the root');
    rest = rest.slice(text.length);
    if (!rest.length) break;
    const tag = /^<(\/?)([A-Za-z_][\w.-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"<]*")*)\s*(\/?)>/u.exec(rest);
    assert.ok(tag, `malformed tag at: ${rest.slice(0, 60)}`);
    const [all, close, name, attrs, selfClose] = tag;
    if (close) assert.equal(stack.pop(), name, `unbalanced </${name}>`);
    else {
      if (stack.length === 0) roots++;
      const attributes: Record<string, string> = {};
      for (const m of attrs.matchAll(/([A-Za-z_][\w.:-]*)="([^"]*)"/gu)) {
        assert.ok(!(m[1] in attributes), `duplicate attribute ${m[1]}`);
        attributes[m[1]] = decode(m[2]);
      }
      tags.push({ name, attributes });
      if (!selfClose) stack.push(name);
    }
    rest = rest.slice(all.length);
  }
  assert.deepEqual(stack, [], 'unclosed tags');
  assert.equal(roots, 1);
  return tags;
}

describe('connections', () => {
  it('counts shared paragraphs and articles and ranks by NPMI, discounting the entity named everywhere', () => {
    const graph = buildConnections(corpus(), ['1.txt', '2.txt', '3.txt']);
    const byPair = new Map(graph.connections.map((c) => [`${c.a}|${c.b}`, c]));
    const bank = byPair.get('Anna Berg|Nordbank')!;
    assert.deepEqual([bank.articles, bank.paragraphs, bank.strength], [2, 2, graph.connections[0].strength]);
    assert.equal(graph.connections[0].a, 'Anna Berg'); // never apart: the strongest
    const frey = byPair.get('Rotterdam|Tom Frey')!;
    assert.deepEqual([frey.articles, frey.paragraphs], [2, 2]);
    // Oslo is in 8 of 9 paragraphs: near chance with everyone
    const oslo = graph.connections.filter((c) => c.a === 'Oslo' || c.b === 'Oslo');
    assert.ok(oslo.length > 0);
    for (const c of oslo) assert.ok(c.strength < 0.2 && c.strength < frey.strength, `${c.a}–${c.b} ${c.strength}`);
    // by hand: p(ab) = 2/9, p(a) = p(b) = 2/9 → NPMI = log(9/2) / log(9/2) = 1
    assert.equal(bank.strength, 1);
    assert.ok(graph.connections.every((c, i, all) => i === 0 || all[i - 1].strength >= c.strength));
    assert.deepEqual(Object.keys(connectionLine(bank)), ['a', 'b', 'articles', 'paragraphs', 'strength']);
  });

  it('leaves out pairs under the minimum count, and filters by entity', () => {
    const index = corpus();
    const all = buildConnections(index, ['1.txt', '2.txt', '3.txt'], { minCount: 1 });
    assert.ok(all.connections.some((c) => c.b === 'Harbor & Sons <Ltd>' || c.a === 'Harbor & Sons <Ltd>'));
    const strict = buildConnections(index, ['1.txt', '2.txt', '3.txt']);
    assert.ok(strict.connections.every((c) => c.paragraphs >= 2));
    assert.ok(!strict.connections.some((c) => c.a === 'Harbor & Sons <Ltd>' || c.b === 'Harbor & Sons <Ltd>'));
    const frey = buildConnections(index, ['1.txt', '2.txt', '3.txt'], { entity: 'frey' });
    assert.ok(frey.connections.length > 0);
    assert.ok(frey.connections.every((c) => c.a === 'Tom Frey' || c.b === 'Tom Frey'));
  });

  it('exports well-formed GEXF with escaped labels, and a CSV edge list', () => {
    const graph = buildConnections(corpus(), ['1.txt', '2.txt', '3.txt'], { minCount: 1 });
    const gexf = connectionsToGexf(graph);
    const labels: string[] = [];
    let edges = 0;
    for (const tag of checkWellFormed(gexf)) {
      if (tag.name === 'node') labels.push(tag.attributes.label);
      if (tag.name === 'edge') {
        edges++;
        assert.ok(Number(tag.attributes.weight) > 0);
      }
    }
    assert.equal(edges, graph.connections.length);
    assert.equal(labels.length, graph.nodes.size);
    assert.ok(labels.includes('Harbor & Sons <Ltd>'));
    assert.equal(xmlText('a\u0001b"<\ud800'), 'ab&quot;&lt;');

    const csv = connectionsToCsv(graph).split('\r\n');
    assert.equal(csv[0], 'source,target,articles,paragraphs,strength');
    assert.equal(csv.length, graph.connections.length + 2);
    const first = graph.connections[0];
    assert.equal(csv[1], `${first.a},${first.b},${first.articles},${first.paragraphs},${first.strength}`);
  });
});

describe('analysis store', () => {
  const fresh = (index: CorpusIndex) => {
    const store = new AnalysisStore(index);
    try {
      return { graph: store.connections({ minCount: 1 }), quotes: store.allQuotes(), dates: store.allDates(), bySpeaker: bySpeaker(store) };
    } finally {
      store.dispose();
    }
  };
  // each speaker's quotations as a hover card asks for them (kept by the store across changes)
  const bySpeaker = (store: AnalysisStore) => [...new Set(store.allQuotes().map((q) => q.speakerKey).filter((k): k is string => !!k))].sort()
    .map((k) => [k, store.quotesBy(k, 2)]);
  const plain = (r: ReturnType<typeof fresh>) => JSON.stringify([r.graph.connections, [...r.graph.nodes.values()], r.graph.paragraphCount, r.graph.articleCount, r.quotes, r.dates, r.bySpeaker]);

  it('keeps the pair counts up to date per article: after edits, removals, renames and a registry change it answers as a store built afresh', () => {
    const index = corpus();
    const store = new AnalysisStore(index);
    const live = () => plain({ graph: store.connections({ minCount: 1 }), quotes: store.allQuotes(), dates: store.allDates(), bySpeaker: bySpeaker(store) });
    assert.equal(live(), plain(fresh(index)));
    index.update('2.txt', 'Tom Frey met Anna Berg in Oslo on 3 March 2025.\n\n"We agree," Tom Frey said.\n');
    const edited = store.connections({ minCount: 1 });
    assert.ok(edited.connections.some((c) => c.a === 'Anna Berg' && c.b === 'Tom Frey'), 'the edited article\'s new pair is counted');
    assert.equal(live(), plain(fresh(index)));
    index.rename('1.txt', '4.txt');
    index.remove('3.txt');
    assert.equal(live(), plain(fresh(index)));
    assert.equal(store.connections({ minCount: 1 }).articleCount, 2);
    // a merge through the registry: Anna Berg becomes an alias of another entity, without re-extraction
    index.setRegistry({ entities: [...registry.entities.filter((e) => e.canonical !== 'Anna Berg'), { canonical: 'Anna Berg-Frey', type: 'PERSON', aliases: ['Anna Berg'] }] });
    const merged = store.connections({ minCount: 1 });
    assert.ok(merged.connections.some((c) => c.a === 'Anna Berg-Frey' && c.b === 'Tom Frey'), merged.connections.map((c) => `${c.a}|${c.b}`).join(', '));
    assert.ok(!merged.connections.some((c) => c.a === 'Anna Berg' || c.b === 'Anna Berg'));
    assert.equal(live(), plain(fresh(index)));
    // re-analysed with the same text (as after a new name model): counted once, not twice
    index.addAnalysis(analyzeArticle('2.txt', index.textOf('2.txt')!, { extract, registry: index.registry }), index.textOf('2.txt')!);
    assert.equal(live(), plain(fresh(index)));
    store.dispose();
  });

  it('lists the connections of one entity as the whole graph does', () => {
    const index = corpus();
    const store = new AnalysisStore(index);
    const graph = store.connections({ minCount: 1 });
    for (const node of graph.nodes.values()) {
      const expected = graph.connections.filter((c) => c.aKey === node.key || c.bKey === node.key)
        .map((c) => [c.aKey === node.key ? c.b : c.a, c.paragraphs, c.articles, c.strength].join('|')).sort();
      const listed = store.neighbours(node.key, 1).map((n) => [n.entity.name, n.paragraphs, n.articles, n.strength].join('|')).sort();
      assert.deepEqual(listed, expected, node.name);
    }
    store.dispose();
  });
});
