import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { rankOrder, TopRanking, type Describe } from '../../src/core/analysis/topRanking';

interface Item { key: string; name: string; strength: number; paragraphs: number }

/** Items rank while they share at least two paragraphs, as a card's partners do. */
const ranks: Describe<Item> = (item, into) => {
  if (item.paragraphs < 2) return false;
  into.strength = item.strength;
  into.paragraphs = item.paragraphs;
  into.name = item.name;
  into.key = item.key;
  return true;
};

const keysOf = (ranking: TopRanking<Item>, limit: number) => ranking.first(limit).map((r) => `${r.key}:${r.strength}:${r.paragraphs}`);

describe('a ranking kept across changes', () => {
  it('orders by strength, then paragraphs, then name, then key', () => {
    const order = [
      { key: 'a', name: 'Zed', strength: 0.5, paragraphs: 2 },
      { key: 'b', name: 'Amy', strength: 0.5, paragraphs: 3 },
      { key: 'c', name: 'Amy', strength: 0.5, paragraphs: 2 },
      { key: 'd', name: 'Amy', strength: 0.5, paragraphs: 2 },
      { key: 'e', name: 'Bob', strength: 0.6, paragraphs: 2 },
    ];
    const ranking = TopRanking.of(order, ranks, 3);
    assert.deepEqual(ranking.first(5).map((r) => r.key), ['e', 'b', 'c']);
    assert.ok(rankOrder(order[2], order[3]) < 0 && rankOrder(order[3], order[0]) < 0);
  });

  it('lists after any changes what ranking every item again lists (property)', () => {
    let runs = 0;
    let kept = 0;
    let again = 0;
    let leftOutside = 0;
    // few strengths, paragraph counts and names, so that ties are broken at every level
    const values = fc.record({ strength: fc.constantFrom(-0.2, 0, 0.1, 0.3, 0.3, 0.5, 1), paragraphs: fc.integer({ min: 0, max: 5 }), name: fc.constantFrom('Ann', 'Bo', 'Cy') });
    const change = fc.record({ at: fc.nat(), values, add: fc.boolean() });
    fc.assert(fc.property(fc.array(values, { minLength: 1, maxLength: 40 }), fc.array(fc.array(change, { maxLength: 6 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 5 }), (start, rounds, keep, limit) => {
        runs++;
        const items: Item[] = start.map((v, i) => ({ key: `k${i}`, ...v }));
        let ranking = TopRanking.of(items, ranks, keep);
        for (const round of rounds) {
          const changed: Item[] = [];
          for (const c of round) {
            if (c.add) {
              const item = { key: `k${items.length}`, ...c.values };
              items.push(item);
              changed.push(item);
            } else {
              const item = items[c.at % items.length];
              Object.assign(item, c.values);
              changed.push(item);
            }
          }
          const needed = Math.min(limit, keep);
          if (ranking.update(changed, ranks, needed)) kept++;
          else {
            again++;
            ranking = TopRanking.of(items, ranks, keep);
          }
          const fresh = TopRanking.of(items, ranks, keep);
          assert.deepEqual(keysOf(ranking, needed), keysOf(fresh, needed));
          if (items.filter((i) => i.paragraphs >= 2).length > keep) leftOutside++;
        }
      }), { numRuns: 300 });
    console.log(`      ${runs} random item lists: ${kept} changes answered by the kept ranking, ${again} ranked again; ${leftOutside} with items left outside it`);
    assert.ok(kept > 0 && again > 0 && leftOutside > 0, 'both paths were taken, with items outside the kept ones');
  });
});
