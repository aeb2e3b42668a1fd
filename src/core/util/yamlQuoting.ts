import type { ToStringOptions } from 'yaml';

/**
 * Double-quoted text stays on one line, its line breaks written as `\n`. Spread over lines, the yaml
 * library (2.9) writes a line of spaces as `\\ `, which reads back as a backslash: a hand-written
 * `"…\n \n…"` longer than 40 characters was changed by the next edit of its file.
 */
export const LOSSLESS_DOUBLE_QUOTES: ToStringOptions = { doubleQuotedMinMultiLineLength: Number.MAX_SAFE_INTEGER };
