export { extract, setDefaultNameDetector, getDefaultNameDetector } from './extract';
export * from './types';
