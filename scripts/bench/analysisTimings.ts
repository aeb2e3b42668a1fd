/**
 * Timings of the analysis views' queries on the archive (`PostgresAnalysisQueries`), for `scripts/bench/archive.ts`:
 * the timeline's first page (all dates; one entity's), one entity's connections, the whole connection graph, and
 * a speaker's quotations when the archive has the quotations table.
 */
import { PostgresAnalysisQueries } from '../../src/node/archive/postgresAnalysis';

export interface AnalysisTimings {
  /** Per measure: p50 and p99 in ms, and the samples taken. */
  [measure: string]: { p50: number; p99: number; samples: number; rows: number };
}

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** `big`: the name of an entity with many mentions; `names`: others to pick from with `random`. */
export async function timeAnalysisQueries(url: string, big: string, names: readonly string[], random: () => number): Promise<AnalysisTimings> {
  const queries = new PostgresAnalysisQueries({ url, max: 1, queryTimeoutMs: 600_000 });
  const out: AnalysisTimings = {};
  const time = async (measure: string, samples: number, run: (i: number) => Promise<{ items: unknown[]; total: number }>) => {
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < samples; i++) {
      const t0 = performance.now();
      rows = Math.max(rows, (await run(i)).total);
      times.push(performance.now() - t0);
    }
    out[measure] = { p50: percentile(times, 50), p99: percentile(times, 99), samples, rows };
    console.log(`  ${measure}: p50 ${out[measure].p50.toFixed(1)} ms, p99 ${out[measure].p99.toFixed(1)} ms (${samples} runs; ${rows} rows in all)`);
  };
  const pick = () => names[Math.floor(random() * names.length)];
  try {
    await queries.timeline({ page: { limit: 1 } }); // connect
    await time('timeline, first page (50), all dates', 50, () => queries.timeline({ page: { limit: 50 } }));
    await time('timeline, page at offset 10,000', 20, () => queries.timeline({ page: { offset: 10_000, limit: 50 } }));
    await time(`timeline, first page, ${big}`, 30, () => queries.timeline({ entity: { name: big }, page: { limit: 50 } }));
    await time('timeline, first page, random entities', 100, () => queries.timeline({ entity: { name: pick() }, page: { limit: 50 } }));
    await time(`connections of ${big}, first page`, 10, () => queries.connections({ entity: { name: big }, page: { limit: 50 } }));
    await time('connections, random entities, first page', 100, () => queries.connections({ entity: { name: pick() }, page: { limit: 50 } }));
    await time('connections, whole graph, first page', 3, () => queries.connections({ page: { limit: 50 } }));
    let quotes = false;
    try {
      await queries.quotesBy({ name: big }, { limit: 1 });
      quotes = true;
    } catch {
      console.log('  (no quotations table in this schema: quotesBy not timed)');
    }
    if (quotes) await time('quotations, random speakers, first page', 100, () => queries.quotesBy({ name: pick() }, { limit: 50 }));
  } finally {
    await queries.close();
  }
  return out;
}
