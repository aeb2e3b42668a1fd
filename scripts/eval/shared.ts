import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared benchmarks and corpus live beside the clone, as `../shared`. */
export const SHARED_DIR = resolve(__dirname, '..', '..', '..', 'shared');

/**
 * Returns the path of a shared data folder, or undefined with a message when it is absent.
 * Under CI its absence is a failure, not a skip.
 */
export function sharedPath(relative: string): string | undefined {
  const p = resolve(SHARED_DIR, relative);
  if (existsSync(p)) return p;
  const message = `shared data not found: ${p}`;
  if (process.env.CI === 'true') throw new Error(`${message} (required under CI=true)`);
  console.warn(`skipped: ${message}`);
  return undefined;
}

export interface Counts { tp: number; fp: number; fn: number }

export function prf(c: Counts): { p: number; r: number; f1: number } {
  const p = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
  const r = c.tp + c.fn === 0 ? 0 : c.tp / (c.tp + c.fn);
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(3) : '–');

/** Values compare as upper-case strings, numbers numerically with a small relative tolerance. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined) return b === null || b === undefined;
  if (b === null || b === undefined) return false;
  if (typeof a === 'number' || typeof b === 'number') {
    const x = Number(a);
    const y = Number(b);
    return Number.isFinite(x) && Number.isFinite(y) && Math.abs(x - y) <= 1e-6 * Math.max(1, Math.abs(x), Math.abs(y));
  }
  return String(a).toUpperCase() === String(b).toUpperCase();
}
