/**
 * A stand-in extractor for index and hover tests: it tags exactly the surfaces it is given, so each test
 * states its own spans and stays independent of the real pipeline's accuracy.
 */
import type { ExtractResult, Span, SpanType } from '../../src/core/extract/types';
import type { Extractor } from '../../src/core/index/analysis';

export interface LexiconEntry {
  text: string;
  type: SpanType;
  canonical?: string;
  value?: string | number | null;
  unit?: string;
  reason?: string;
}

/** Tags every occurrence of each entry's text (longest entries win, no overlaps). */
export function lexiconExtractor(entries: LexiconEntry[], published?: string): Extractor & { calls: number } {
  const sorted = [...entries].sort((a, b) => b.text.length - a.text.length);
  const extractor = (text: string): ExtractResult => {
    extractor.calls++;
    const spans: Span[] = [];
    const taken = new Uint8Array(text.length);
    for (const entry of sorted) {
      for (let at = text.indexOf(entry.text); at >= 0; at = text.indexOf(entry.text, at + 1)) {
        const end = at + entry.text.length;
        if (taken.subarray(at, end).some((x) => x)) continue;
        taken.fill(1, at, end);
        const span: Span = { start: at, end, type: entry.type, text: entry.text, value: entry.value ?? null };
        if (entry.canonical) span.canonical = entry.canonical;
        if (entry.unit) span.unit = entry.unit;
        if (entry.reason) span.reason = entry.reason;
        spans.push(span);
      }
    }
    spans.sort((a, b) => a.start - b.start);
    return published ? { spans, reference: { iso: published, source: 'caller' } } : { spans };
  };
  extractor.calls = 0;
  return extractor;
}
