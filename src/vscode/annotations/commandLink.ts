/** `command:` links in trusted Markdown (hover cards). Pure, so it is unit-tested. */

/**
 * Arguments for a `command:` link, percent-encoded down to letters, digits, `%` and `- . _ ~`. Ids come
 * from sidecars and imports, so they are anything: `encodeURIComponent` leaves `( ) ! ' *`, and an id
 * such as `x)www.evil.example(` would close the link early and render a live link to that site.
 */
export function commandArguments(args: unknown): string {
  return encodeURIComponent(JSON.stringify(args)).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** A Markdown link to a command; the title is plain text without quotes or brackets. */
export function commandLink(label: string, command: string, args: unknown, title: string): string {
  return `[${label}](command:${command}?${commandArguments(args)} "${title.replace(/["()[\]\\]/g, '')}")`;
}
