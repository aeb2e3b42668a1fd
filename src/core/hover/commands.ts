/**
 * Command ids the hover cards link to, with the arguments each receives. The adapter registers them;
 * keep these ids in sync with `package.json`.
 */
export const HoverCommands = {
  /** args: [uri: string, start: number, end: number] — opens the article and selects the mention. */
  openMention: 'sourceAnnotator.openMention',
  /** args: [entityKey: string, uri: string, offset: number] — the references view for the entity. */
  showReferences: 'sourceAnnotator.showReferences',
  /** args: [entityKey: string, surface: string] — asks for an alias (pre-filled with the surface). */
  addAlias: 'sourceAnnotator.registry.addAlias',
  /** args: [entityKey: string] — asks which entity to merge with. */
  merge: 'sourceAnnotator.registry.merge',
  /** args: [surface: string] — adds the surface to the registry's ignore list. */
  ignore: 'sourceAnnotator.registry.ignore',
  /** args: [{ name: string }] — the Timeline view, filtered to the dates whose sentence names the entity. */
  timelineOf: 'sourceAnnotator.timeline.ofEntity',
} as const;
