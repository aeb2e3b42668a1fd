import { strict as assert } from 'node:assert';
import type { Span } from '../../src/core/extract';
import { StringPool } from '../../src/core/util/stringPool';
import { shareStrings } from '../../src/vscode/perf/liveBlocks';

describe('string pool (spans from workers)', () => {
  it('keeps one entry per distinct string and returns equal values', () => {
    const pool = new StringPool();
    const words = ['PERSON', 'ORG', 'PERSON', 'Pete Hegseth', 'ORG', 'Pete Hegseth'];
    assert.deepEqual(words.map((w) => pool.intern(w)), words);
    assert.equal(pool.size, 3);
  });

  it('stops growing at its limit and still returns every string unchanged', () => {
    const pool = new StringPool(2);
    assert.deepEqual(['a', 'b', 'c', 'd', 'a'].map((w) => pool.intern(w)), ['a', 'b', 'c', 'd', 'a']);
    assert.equal(pool.size, 2);
  });

  it('shares every string field of deserialised spans without changing a span', () => {
    const spans: Span[] = [
      { start: 0, end: 12, type: 'PERSON', text: 'Pete Hegseth', value: null, canonical: 'Pete Hegseth' },
      { start: 20, end: 27, type: 'PERSON', text: 'Hegseth', value: null, canonical: 'Pete Hegseth' },
      { start: 30, end: 38, type: 'DATE', text: 'Thursday', value: '2026-02-12', reason: 'relative to the publication date 2026-02-10' },
      { start: 40, end: 50, type: 'QUANTITY', text: '40 nations', value: 40, unit: 'nation' },
      { start: 52, end: 62, type: 'DATE', text: 'late 2025', value: '2025', mod: 'END' },
    ];
    // As a worker's answer arrives: a structured clone, every string a copy of its own.
    const answer = structuredClone(spans);
    const pool = new StringPool();
    assert.equal(shareStrings(answer, pool), answer);
    assert.deepEqual(answer, spans);
    const distinct = new Set(spans.flatMap((s) => [s.type, s.text, s.value, s.canonical, s.unit, s.mod, s.reason].filter((v) => typeof v === 'string')));
    assert.equal(pool.size, distinct.size, 'each distinct string of every field went through the pool');
  });
});
