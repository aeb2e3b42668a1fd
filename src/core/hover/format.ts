/** Human-readable values for hover cards. */
import type { NameType, Span, SpanType } from '../extract/types';

export const TYPE_LABELS: Record<SpanType, string> = {
  PERSON: 'Person',
  ORG: 'Organization',
  PLACE: 'Place',
  MISC: 'Other name',
  DATE: 'Date',
  MONEY: 'Money',
  PERCENT: 'Percentage',
  QUANTITY: 'Quantity',
};

export function nameTypeLabel(type: NameType): string {
  return TYPE_LABELS[type];
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const PARTS_OF_DAY: Record<string, string> = { MO: 'morning', AF: 'afternoon', EV: 'evening', NI: 'night', DT: 'daytime' };

/** The time of day after a TIMEX3 day ("T09:00", "T24:00", "TNI") as a card shows it, or undefined. */
function timeOfDayLabel(rest: string): string | undefined {
  const clock = /^T(\d{2}):(\d{2})(?::\d{2})?$/.exec(rest);
  if (clock) {
    const [h, m] = [Number(clock[1]), Number(clock[2])];
    if (h === 24 && m === 0) return 'midnight (end of the day)';
    return h < 24 && m < 60 ? `${clock[1]}:${clock[2]}` : undefined;
  }
  const hour = /^T(\d{2})$/.exec(rest);
  if (hour && Number(hour[1]) <= 24) return Number(hour[1]) === 24 ? 'midnight (end of the day)' : `${hour[1]}:00`;
  const part = /^T(MO|AF|EV|NI|DT)$/.exec(rest);
  return part ? PARTS_OF_DAY[part[1]] : undefined;
}

/** TIMEX3 value → "Thu 12 Feb 2026" / "Tue 4 Apr 2000, 09:00" / "Feb 2026" / "2026"; other values unchanged. */
export function formatDateValue(value: string): string {
  const day = /^(\d{4})-(\d{2})-(\d{2})(.*)$/.exec(value);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const date = new Date(Date.UTC(y, m - 1, d));
    if (date.getUTCMonth() === m - 1) {
      const formatted = `${WEEKDAYS[date.getUTCDay()]} ${d} ${MONTHS[m - 1]} ${y}`;
      if (day[4] === '') return formatted;
      const time = timeOfDayLabel(day[4]);
      return time ? `${formatted}, ${time}` : formatted;
    }
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month && Number(month[2]) >= 1 && Number(month[2]) <= 12) return `${MONTHS[Number(month[2]) - 1]} ${month[1]}`;
  return value;
}

/** A figure's normalized value: "USD 33,000,000,000", "5%", "29 nation". */
export function formatFigureValue(span: Pick<Span, 'type' | 'value' | 'unit'>): string | undefined {
  if (span.value === null) return undefined;
  if (span.type === 'PERCENT') return `${formatNumber(Number(span.value))}%`;
  if (span.type === 'QUANTITY') return `${formatNumber(Number(span.value))}${span.unit ? ` ${span.unit}` : ''}`;
  const [currency, amount] = String(span.value).split(' ');
  const n = Number(amount);
  return amount !== undefined && Number.isFinite(n) ? `${currency} ${formatNumber(n)}` : String(span.value);
}

function formatNumber(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 6 }) : String(n);
}
