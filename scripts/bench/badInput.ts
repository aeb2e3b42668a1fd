/**
 * Hostile input: single-line texts of one repeated shape at 1, 2 and 4 MB, through the whole pipeline
 * (names with the default detector, dates, figures). Linear work doubles its time with each doubling
 * of size (×2.0); the target is at most ×2.2 per doubling; a quadratic step shows as ×4. The unit tests
 * (test/unit/hostileInput.test.ts) check the same shapes finish with valid spans; timings live here.
 *
 *   npx tsx scripts/bench/badInput.ts [--quick] [shape filter]
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { extract, setDefaultNameDetector } from '../../src/core/extract';
import { findDates, findPublicationDate } from '../../src/core/extract/dates';
import { findFigures } from '../../src/core/extract/figures';

const REFERENCE = '2026-02-12';
const MB = 1024 * 1024;

interface Shape {
  name: string;
  make: (size: number) => string;
  process: (text: string) => unknown;
}

const whole = (text: string): unknown => extract(text, { published: REFERENCE });
const repeat = (unit: string) => (size: number): string => unit.repeat(Math.ceil(size / unit.length)).slice(0, size);
const dateFragments = ['1999-', 'May ', '12 ', 'the ', 'early ', 'last ', 'Q3 ', '2000s', '-', ' ', 'Jan. '].join('');

export const SHAPES: Shape[] = [
  { name: 'a name and a run of periods', make: (n) => 'NATO' + '.'.repeat(n - 4), process: whole },
  { name: 'a run of mixed punctuation', make: (n) => 'Smith said' + repeat('?!.,;:"\'()-')(n - 10), process: whole },
  { name: 'repeated capitalised name', make: repeat('Smith '), process: whole },
  { name: 'distinct capitalised names', make: (n) => Array.from({ length: Math.ceil(n / 14) }, (_, i) => `Name${i.toString(36).padStart(4, '0')} said.`).join(' ').slice(0, n), process: whole },
  { name: 'a run of digits', make: repeat('1'), process: whole },
  { name: 'digits and hyphens', make: repeat('12-'), process: whole },
  { name: 'digits and commas', make: repeat('1,'), process: whole },
  { name: 'nested quotes', make: (n) => repeat('"\u201c\'\u2018')(n / 2) + 'NATO' + repeat('\'\u2019"\u201d')(n / 2), process: whole },
  // in prose, so the language check lets it through to the address scan
  { name: 'prose with percent-encoded URLs', make: repeat('The report on defence is at https://x.com/s?q=nato%20spending%2050%25&p=%24300%20million and it was read. '), process: whole },
  { name: 'number words', make: repeat('one and '), process: whole },
  { name: 'currency signs', make: repeat('$'), process: whole },
  { name: 'a year inside numbered names', make: repeat('The Russell 2000 fell in 1999. '), process: whole },
  { name: 'date fragments', make: repeat(dateFragments), process: (t) => [findDates(t, REFERENCE), findPublicationDate(t)] },
  { name: 'figures alone: "a a a …"', make: repeat('a '), process: findFigures },
  { name: 'hyphenated compounds', make: repeat('the NATO-led, U.S.-China and Brussels-based anti-American talks '), process: whole },
  { name: 'one sentence repeated', make: repeat('NATO ministers met Pete Hegseth in Brussels on 12 February 2026 and agreed 5% of GDP. '), process: whole },
];

setFlagsFromString('--expose-gc');
/** A full collection before each timed run, so one size does not pay for the garbage of the one before. */
const collect = runInNewContext('gc') as () => void;

/**
 * The fewest CPU milliseconds (user + system, this process) of the runs: on a shared machine wall time swings
 * with other work by ×2 or more between runs, which would drown the growth being measured.
 */
function fastestOf(runs: number, work: () => void): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    collect();
    const before = process.cpuUsage();
    work();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export function runBadInputBenchmark(options: { quick: boolean; filter?: string }): void {
  // fastest of 3: with 2, one run slowed by other work on a shared machine could still set a size's time
  const runs = options.quick ? 1 : 3;
  const sizes = [1, 2, 4].map((m) => m * MB);
  console.log(`${'input (one line), CPU time'.padEnd(34)} ${'1 MB'.padStart(9)} ${'2 MB'.padStart(9)} ${'4 MB'.padStart(9)}   per doubling (linear ×2.0, target ≤ ×2.2)`);
  let worst = 0;
  let worstSingle = 0;
  for (const { name, make, process } of SHAPES) {
    if (options.filter && !name.includes(options.filter)) continue;
    process(make(64 * 1024)); // warm-up: JIT and lazy tables
    const ms = sizes.map((size) => {
      const text = make(size);
      return fastestOf(runs, () => process(text));
    });
    const ratios = [ms[1] / ms[0], ms[2] / ms[1]];
    const mean = Math.sqrt(ms[2] / ms[0]);
    worst = Math.max(worst, mean);
    worstSingle = Math.max(worstSingle, ...ratios);
    console.log(`${name.padEnd(34)} ${ms.map((x) => `${x.toFixed(0)} ms`.padStart(9)).join(' ')}   ×${ratios[0].toFixed(2)} ×${ratios[1].toFixed(2)}  (1→4 MB: ×${mean.toFixed(2)} per doubling${mean <= 2.2 ? '' : ', ABOVE ×2.2'})`);
  }
  console.log(`worst growth per doubling (1→4 MB): ×${worst.toFixed(2)} (target ≤ ×2.2: ${worst <= 2.2 ? 'met' : 'MISSED'})`);
  console.log(`worst single doubling (1→2 or 2→4 MB): ×${worstSingle.toFixed(2)}${worstSingle <= 2.2 ? '' : ' (above ×2.2)'}`);
}

if (require.main === module) {
  void (async () => {
    const { loadDefaultNameDetector } = await import('../../src/cli/nameModel');
    setDefaultNameDetector(await loadDefaultNameDetector());
    const filter = process.argv.slice(2).find((a) => !a.startsWith('-'));
    runBadInputBenchmark({ quick: process.argv.includes('--quick'), filter });
  })();
}
