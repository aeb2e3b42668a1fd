export { findFigures, isoAmount } from './findFigures';
export { describeMeasure } from './describeMeasure';
export { findNumberedNames } from './numberedNames';
