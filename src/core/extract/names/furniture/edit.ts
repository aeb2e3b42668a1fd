import { type Span, type SpanType, isNameType } from '../../types';
import { firstEndingAfter } from '../../../util/firstIndex';

/** Whether the text holds any of the words: a cheap look before a rule's expressions. */
export function hasAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

// Edits: proposals replace whatever they overlap; drops remove a span; a later proposal never overrides an earlier

export class Edit {
  private readonly proposals: Span[] = [];
  /** Characters held by a proposal: a later proposal never overrides an earlier one. */
  private held: Uint8Array | undefined;
  private readonly dropped = new Set<Span>();
  private readonly recanonical = new Map<Span, string>();
  private lowerText: string | undefined;
  private readonly forms = new Map<string, string>();
  constructor(readonly text: string, readonly spans: Span[], private readonly original: string) {}

  /** A name span for text[start, end), replacing what it overlaps (unless an earlier proposal holds it). */
  name(start: number, end: number, type: SpanType, canonical?: string, inAddress = false): void {
    // an address ("/PRNewswire/" reads as a path) was blanked in `text`: only a newswire's name may sit there
    if (!inAddress && this.text.slice(start, end) !== this.original.slice(start, end)) return;
    while (end > start && /\s/.test(this.original[end - 1])) end--;
    while (start < end && /\s/.test(this.original[start])) start++;
    if (end <= start) return;
    const surface = this.original.slice(start, end);
    this.span({ start, end, type, text: surface, value: null, canonical: canonical ?? surface });
  }

  /** A span of any type, as given (used to widen a date over its zone offset). */
  span(s: Span): void {
    if (s.start < 0 || s.end > this.text.length || s.end <= s.start || this.original.slice(s.start, s.end) !== s.text) return;
    const held = this.held ??= new Uint8Array(this.text.length + 1);
    for (let k = s.start; k < s.end; k++) if (held[k]) return;
    held.fill(1, s.start, s.end);
    this.proposals.push(s);
  }

  drop(s: Span): void { this.dropped.add(s); }
  canonical(s: Span, canonical: string): void { this.recanonical.set(s, canonical); }

  /** The current spans overlapping [start, end), proposals not included. */
  overlapping(start: number, end: number): Span[] {
    const out: Span[] = [];
    for (let i = firstEndingAfter(this.spans, start); i < this.spans.length && this.spans[i].start < end; i++) if (!this.dropped.has(this.spans[i])) out.push(this.spans[i]);
    return out;
  }

  /** Name spans of the document (current, proposals included), for canonical forms and document-wide look-ups. */
  names(): Span[] {
    return [...this.spans.filter((s) => !this.dropped.has(s) && isName(s)), ...this.proposals.filter(isName)];
  }

  /** The form a name in capitals has elsewhere in the document in mixed case, else its title case (`acronyms`: an organisation). */
  mixedCase(caps: string, acronyms = false): string {
    if (!allCapitals(caps)) return caps;
    const key = acronyms ? '\u0000' + caps : caps;
    const known = this.forms.get(key);
    if (known !== undefined) return known;
    // where an organisation may be an acronym ("BBC"), a short word keeps its capitals unless the page writes it otherwise
    let form = acronyms && /^\p{Lu}{1,4}$/u.test(caps) ? caps : titleCase(caps);
    if (this.forms.size < MAX_FORMS) {
      const lower = this.lowerText ??= this.text.toLocaleLowerCase();
      const target = caps.toLocaleLowerCase();
      if (lower.length === this.text.length) {
        let at = lower.indexOf(target);
        for (let tries = 0; at >= 0 && tries < 50; tries++) {
          const found = this.text.slice(at, at + caps.length);
          if (HAS_LOWER.test(found) && !WORD.test(this.text[at - 1] ?? '') && !WORD.test(this.text[at + caps.length] ?? '')) { form = found; break; }
          at = lower.indexOf(target, at + 1);
        }
      }
    }
    this.forms.set(key, form);
    return form;
  }

  commit(): void {
    if (this.proposals.length === 0 && this.dropped.size === 0 && this.recanonical.size === 0) return;
    const held = this.held;
    const kept: Span[] = [];
    for (const s of this.spans) {
      if (this.dropped.has(s)) continue;
      if (held && overlapsHeld(held, s.start, s.end)) continue;
      const c = this.recanonical.get(s);
      kept.push(c !== undefined && c !== s.canonical ? { ...s, canonical: c } : s);
    }
    const merged = [...kept, ...this.proposals.map((p) => {
      const c = this.recanonical.get(p);
      return c !== undefined ? { ...p, canonical: c } : p;
    })].sort((a, b) => a.start - b.start);
    this.spans.splice(0, this.spans.length, ...merged);
  }
}

/** Distinct names in capitals looked up in the text: a transcript has a handful of speakers; past this, title case. */
const MAX_FORMS = 64;

function overlapsHeld(held: Uint8Array, start: number, end: number): boolean {
  for (let k = start; k < end; k++) if (held[k]) return true;
  return false;
}

export function isName(s: Span): boolean {
  return isNameType(s.type);
}

export interface Line { start: number; end: number; text: string }

/**
 * The lines of the text, each with its first `MAX_LINE` characters: a speaker label opens a long paragraph, and
 * every other rule wants a whole line far shorter than that.
 */
export function splitLines(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (;;) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const lineEnd = end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    out.push({ start, end: lineEnd, text: text.slice(start, Math.min(lineEnd, start + MAX_LINE)) });
    if (nl < 0) break;
    start = nl + 1;
  }
  return out;
}

const MAX_LINE = 400;

/** A text in capitals (a wire story in capitals, an upper-cased copy), not one with furniture in capitals: its lines prove nothing by case. */
export function mostlyCapitals(text: string): boolean {
  let upper = 0, lower = 0;
  const n = Math.min(text.length, 2000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper > 10 * lower;
}

// Case

const SMALL_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'du',
  'des', 'la', 'le', 'von', 'van', 'der', 'den', 'y', 'e', 'to', 'z']);

/** "MEI-LING TAN" → "Mei-Ling Tan", "NATIONAL UNIVERSITY OF SINGAPORE" → "National University of Singapore". */
export function titleCase(caps: string): string {
  let first = true;
  return caps.replace(/[\p{L}\p{M}'’]+/gu, (w) => {
    const lower = w.toLocaleLowerCase();
    const keep = !first && SMALL_WORDS.has(lower);
    first = false;
    return keep ? lower : lower.charAt(0).toLocaleUpperCase() + lower.slice(1);
  });
}

export const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

export function allCapitals(s: string): boolean {
  return HAS_UPPER.test(s) && !HAS_LOWER.test(s);
}

export const WORD = /[\p{L}\p{N}]/u;
