/** Hover-card Markdown for the VS Code hover provider (pure). */
export { hoverCardAt } from './hoverCard';
export type { HoverCard } from './hoverCard';
export { nameCard } from './nameCard';
export { dateCard } from './dateCard';
export { figureCard } from './figureCard';
export { HoverCommands } from './commands';
export { commandLink, commandUri, escapeMarkdown, untrustedMarkdown, webLink } from './markdown';
export { formatDateValue, formatFigureValue, TYPE_LABELS } from './format';
