import type { SpanType } from '../core/extract';

/** Highlight categories: the three figure types share one colour so the page stays calm. */
export type Category = 'person' | 'org' | 'place' | 'misc' | 'date' | 'figure';

export const CATEGORIES: readonly Category[] = ['person', 'org', 'place', 'misc', 'date', 'figure'];

export function categoryOf(type: SpanType): Category {
  switch (type) {
    case 'PERSON': return 'person';
    case 'ORG': return 'org';
    case 'PLACE': return 'place';
    case 'MISC': return 'misc';
    case 'DATE': return 'date';
    default: return 'figure';
  }
}

/** Human names for span types, used in hovers and screen-reader text so colour is never the only cue. */
export const TYPE_LABELS: Record<SpanType, string> = {
  PERSON: 'Person', ORG: 'Organization', PLACE: 'Place', MISC: 'Misc (nationality, event, law, document)',
  DATE: 'Date', MONEY: 'Money', PERCENT: 'Percentage', QUANTITY: 'Quantity',
};

/** Human names of the highlight categories, for menus and the Entities view legend. */
export const CATEGORY_LABELS: Record<Category, string> = {
  person: 'People', org: 'Organizations', place: 'Places', misc: 'Misc names',
  date: 'Dates', figure: 'Figures (money, percentages, quantities)',
};
