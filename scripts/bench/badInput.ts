/**
 * Bad input: single-line texts of repeated separators, number words and date fragments, at 100 KB and ten
 * times that. Linear work takes about ten times as long on the larger text; a backtracking pattern shows
 * as a far higher ratio. The unit tests only check that these inputs finish.
 */
import { extract } from '../../src/core/extract';
import { findDates, findPublicationDate } from '../../src/core/extract/dates';
import { findFigures } from '../../src/core/extract/figures';

const REFERENCE = '2026-02-12';

interface Case {
  name: string;
  unit: string;
  process: (text: string) => unknown;
}

const dateFragments = ['1999-', 'May ', '12 ', 'the ', 'early ', 'last ', 'Q3 ', '2000s', '-', ' ', 'Jan. '].join('');

const cases: Case[] = [
  { name: 'dates: digits, months, dashes', unit: dateFragments, process: (t) => [findDates(t, REFERENCE), findPublicationDate(t)] },
  { name: 'figures: "1,1,1,…"', unit: '1,', process: findFigures },
  { name: 'figures: "one and one and …"', unit: 'one and ', process: findFigures },
  { name: 'figures: "$$$…"', unit: '$', process: findFigures },
  { name: 'figures: "a a a …"', unit: 'a ', process: findFigures },
  { name: 'whole pipeline: one sentence repeated', unit: 'NATO ministers met Pete Hegseth in Brussels on 12 February 2026 and agreed 5% of GDP. ', process: (t) => extract(t, {}) },
];

function fastestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

export function runBadInputBenchmark(options: { quick: boolean }): void {
  const runs = options.quick ? 1 : 3;
  console.log(`${'input (one line)'.padEnd(40)} ${'100 KB'.padStart(9)} ${'1 MB'.padStart(9)}   ratio (linear ≈ ×10)`);
  for (const { name, unit, process } of cases) {
    const small = unit.repeat(Math.ceil(100_000 / unit.length));
    const large = small.repeat(10);
    process(small); // warm-up: JIT and lazy tables
    const smallMs = fastestOf(runs, () => process(small));
    const largeMs = fastestOf(runs, () => process(large));
    console.log(`${name.padEnd(40)} ${`${smallMs.toFixed(0)} ms`.padStart(9)} ${`${largeMs.toFixed(0)} ms`.padStart(9)}   ×${(largeMs / smallMs).toFixed(1)}`);
  }
}
