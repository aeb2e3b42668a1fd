import type { Annotation } from './model';

/**
 * The day (YYYY-MM-DD) of the earliest annotation: the article was published by then, which dates a date line
 * without a year (the reference-date chain, `findPublicationDate`).
 */
export function firstAnnotatedDay(annotations: readonly Annotation[]): string | undefined {
  let first: string | undefined;
  for (const annotation of annotations) {
    const day = annotation.created?.slice(0, 10);
    if (day && /^\d{4}-\d{2}-\d{2}$/.test(day) && (first === undefined || day < first)) first = day;
  }
  return first;
}
