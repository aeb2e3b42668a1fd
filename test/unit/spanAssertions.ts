// Shared by the extraction tests: a check that spans are valid, and a fixed detector that proposes what a
// tagger might, so that pipeline rules are tested apart from any model.
import { strict as assert } from 'node:assert';
import type { NameDetector, Span } from '../../src/core/extract';

/** Spans sorted, not overlapping, inside the text, with integer offsets, each text the slice it covers. */
export function assertValidSpans(text: string, spans: Span[]): void {
  let lastEnd = 0;
  for (const s of spans) {
    assert.ok(s.start >= lastEnd, `overlap or disorder at ${s.start}`);
    assert.ok(Number.isInteger(s.start) && s.end > s.start && s.end <= text.length, `bad range ${s.start}-${s.end}`);
    assert.equal(text.slice(s.start, s.end), s.text);
    lastEnd = s.end;
  }
}

/** Proposes each [form, type] at every occurrence of the form that no form listed before it covers, in text order. */
export function detectorFor(forms: [string, Span['type']][]): NameDetector {
  return {
    id: 'fixed',
    detect(text) {
      const out: { start: number; end: number; type: 'PERSON' | 'ORG' | 'PLACE' | 'MISC' }[] = [];
      for (const [form, type] of forms) {
        for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
          if (out.some((o) => o.start < i + form.length && i < o.end)) continue;
          out.push({ start: i, end: i + form.length, type: type as 'PERSON' });
        }
      }
      return out.sort((a, b) => a.start - b.start);
    },
  };
}
