/**
 * Cross-reference keys for dates and figures. A span has a primary key (the same day / the same figure)
 * and an optional secondary key (the same month / the same measured thing, where differing values are
 * possible conflicts).
 */
import type { Span } from '../extract/types';
import { countContextKey, normalizeMeasure } from './measure';

export interface SpanKeys {
  primary?: string;
  secondary?: string;
}

const DAY = /^(\d{4}-\d{2}-\d{2})/;
const MONTH = /^(\d{4}-\d{2})(?:$|-\d{2})/;

export function dateKeys(value: Span['value']): SpanKeys {
  if (typeof value !== 'string' || value === '') return {};
  const day = DAY.exec(value);
  if (day) return { primary: `DAY:${day[1]}`, secondary: `MONTH:${day[1].slice(0, 7)}` };
  const month = MONTH.exec(value);
  if (month) return { primary: `MONTH:${month[1]}` };
  return { primary: `DATE:${value}` };
}

export function figureKeys(span: Pick<Span, 'type' | 'value' | 'unit'>, measure: string | undefined): SpanKeys {
  const keys: SpanKeys = {};
  if (span.type === 'QUANTITY') {
    const unit = (span.unit ?? '').toLowerCase();
    if (span.value !== null) keys.primary = `QUANTITY:${unit}:${span.value}`;
    // the counted noun is the thing measured: "29-nation alliance" vs "32-nation bloc"; they conflict only
    // when the claims' subject, period and kind agree too
    if (unit) keys.secondary = `QUANTITY~${unit}~${countContextKey(measure)}`;
    return keys;
  }
  if (span.value !== null) keys.primary = `${span.type}:${span.value}`;
  const normalized = measure ? normalizeMeasure(measure) : '';
  if (normalized) keys.secondary = `${span.type}~${normalized}`;
  return keys;
}
