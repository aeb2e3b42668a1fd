/** The analyst's entity registry (`.sources/entities.yaml`): parsing, comment-preserving edits, conversion for `extract`. */
export { DEFAULT_REGISTRY_PATH, parseRegistry, RegistryDocument, RegistryEditError } from './registryDocument';
export type { EntityRef } from './registryDocument';
export type { RegistryProblem } from './validateRegistry';
