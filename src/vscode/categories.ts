import type { SpanType } from '../core/extract';
import { TYPE_LABELS as CARD_TYPE_LABELS } from '../core/hover/format';

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
  ...CARD_TYPE_LABELS,
  // Lists and the Outline spell out what "misc" covers; hover cards keep it short.
  MISC: 'Misc (nationality, event, law, document)',
};
/** Human names of the highlight categories, for menus and the Entities view legend. */
export const CATEGORY_LABELS: Record<Category, string> = {
  person: 'People', org: 'Organizations', place: 'Places', misc: 'Misc names',
  date: 'Dates', figure: 'Figures (money, percentages, quantities)',
};
