import type { Span, SpanType } from '../types';

/**
 * Page furniture: the lines around an article that a saved page, a press release or a broadcast transcript
 * carries (bylines, datelines, speaker labels, share bars, photo credits, ticker symbols, contact blocks,
 * copyright lines). The name detector reads them as prose and errs in ways prose never shows: an all-capitals
 * byline becomes an organisation, "SIX" in "(SIX: VRDN)" becomes the number 6, "[00:04:47]" a quantity, the "2"
 * of "GMT+2" a figure. These rules read each shape for what it is and correct the spans found in it.
 *
 * `applyPageFurniture(text, spans, original)` edits `spans` in place (sorted by start, not overlapping, before and after);
 * `text` is `original` with addresses blanked (same length): no span is made that reaches into a blanked range.
 * Every rule is bounded to a line or a short window, so the whole pass is linear in the text.
 */
export function applyPageFurniture(text: string, spans: Span[], original: string = text): void {
  if (text.length === 0) return;
  const edit = new Edit(text, spans, original);
  const lines = splitLines(original);
  const shouting = mostlyCapitals(text);
  // each rule runs only on a page that has what it looks for: one scan of the page is cheaper than a pass per line
  // the line rules pass over a line by a cheap test of their own; the costlier rules run only on a page that has
  // what they look for (one scan of the page)
  if (!shouting) {
    speakerLabels(edit, lines);
    reporterLines(edit, lines);
    bylines(edit, lines);
    datelines(edit, lines);
  }
  if (NETWORK_HINT.test(original)) {
    shareBars(edit, lines);
    platforms(edit);
  }
  tickers(edit);
  photoCredits(edit, lines);
  copyrightLines(edit, lines);
  mastheads(edit, lines);
  headerFields(edit, lines);
  sourceLines(edit, lines);
  boilerplateHeadings(edit, lines);
  if (LEGAL_HINT.test(original)) companyShortForms(edit);
  if (SAFE_HARBOUR_HINT.test(original)) safeHarbourLaws(edit, lines);
  furnitureFigures(edit, shouting);
  menuWords(edit, lines);
  if (!shouting) capitalsCanonical(edit);
  edit.commit();
}

function hasAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

const NETWORK_HINT = /Facebook|Twitter|WhatsApp|LinkedIn|Instagram|YouTube|TikTok|Telegram|Reddit|Pinterest|Bluesky|Mastodon|Flipboard|Snapchat|Weibo|WeChat|Tumblr|Substack|Share|SHARE|Follow/;
const LEGAL_HINT = /\b(?:Corp|Inc|Ltd|Limited|LLC|plc|PLC|AG|SA|S\.A|NV|N\.V|ASA|GmbH|SE|AB|Oyj|SpA|S\.p\.A|Bhd|Tbk|KK|K\.K)\b/;
const SAFE_HARBOUR_HINT = /forward-looking|[Ss]afe [Hh]arbou?r/i;

// ---------------------------------------------------------------------------------------------------------------
// Edits: proposals replace whatever they overlap; drops remove a span; a later proposal never overrides an earlier

class Edit {
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
    let lo = 0, hi = this.spans.length;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (this.spans[mid].end <= start) lo = mid + 1; else hi = mid; }
    for (let i = lo; i < this.spans.length && this.spans[i].start < end; i++) if (!this.dropped.has(this.spans[i])) out.push(this.spans[i]);
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

function isName(s: Span): boolean {
  return s.type === 'PERSON' || s.type === 'ORG' || s.type === 'PLACE' || s.type === 'MISC';
}

interface Line { start: number; end: number; text: string }

/**
 * The lines of the text, each with its first `MAX_LINE` characters: a speaker label opens a long paragraph, and
 * every other rule wants a whole line far shorter than that.
 */
function splitLines(text: string): Line[] {
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
function mostlyCapitals(text: string): boolean {
  let upper = 0, lower = 0;
  const n = Math.min(text.length, 2000);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper > 10 * lower;
}

// ---------------------------------------------------------------------------------------------------------------
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

const HAS_LOWER = /\p{Ll}/u;
const HAS_UPPER = /\p{Lu}/u;

function allCapitals(s: string): boolean {
  return HAS_UPPER.test(s) && !HAS_LOWER.test(s);
}

const WORD = /[\p{L}\p{N}]/u;

// ---------------------------------------------------------------------------------------------------------------
// Transcripts: speaker labels ("MARISOL VEGA, HOST:", "TAN:", "SOMPHONE KEOVONGSA (through interpreter):") and a
// list of speakers under a "SPEAKERS:" heading ("NGUYEN THI THU HA, SPOKESPERSON, MINISTRY OF FOREIGN AFFAIRS")

/** Labels that name a part, not a person. */
const PART_LABELS = new Set(('QUESTION QUESTIONS ANSWER Q A SPEAKER SPEAKERS HOST HOSTS CO-HOST ANCHOR ANNOUNCER NARRATOR REPORTER ' +
  'CORRESPONDENT MODERATOR OPERATOR INTERVIEWER INTERPRETER TRANSLATOR UNIDENTIFIED UNKNOWN AUDIENCE MEMBER MEMBERS MALE FEMALE VOICE ' +
  'VOICES MAN WOMAN CROWD CALLER CHORUS TRANSCRIPT END NOTE NOTES SOURCE EDITOR UPDATE BREAKING CORRECTION CLARIFICATION ' +
  'PARTICIPANTS PANELISTS PANELLISTS GUESTS GUEST PRESENT ATTENDEES PROGRAM PROGRAMME SEGMENT SHOW NETWORK DATE TIME TITLE SUBJECT ' +
  'LOCATION LIVE VIDEO AUDIO CLIP SOUNDBITE SOT VO BEGIN START OFF CAMERA MR MS MRS DR PROF SEN REP GOV AMB GEN ADM COL CAPT ' +
  'WARNING DISCLAIMER CONTACT CONTACTS MEDIA INVESTOR INVESTORS FOR IMMEDIATE RELEASE NEWS PRESS STATEMENT UPDATED PUBLISHED BY ' +
  'THE AND OF TO IN ON ALL EDITORS NB PS RE FW FWD TO CC BCC SUBJECT ATTN ATTENTION ABOUT WATCH LISTEN READ MORE EXCLUSIVE ' +
  'ANALYSIS OPINION EDITORIAL COMMENT COMMENTS RELATED TOPICS TAGS KEY POINTS WHAT WHY HOW WHO WHEN WHERE FACT CHECK LATEST ALERT ' +
  'SUMMARY BACKGROUND CONTEXT TIMELINE Q&A FAQ WARNING TRIGGER SPOILER SPONSORED ADVERTISEMENT PROMOTED PHOTOS GALLERY MAP ' +
  'EXPLAINER INTERVIEW REVIEW OBITUARY PROFILE POLL SURVEY DATA CHART GRAPHIC TABLE FIGURE PART CHAPTER SECTION STEP').split(' '));

/** Role words that open a label before the name ("PRESIDENT MULINO:", "DR. TAN:"). */
const LABEL_ROLES = /^(?:(?:PRESIDENT|PRIME MINISTER|MINISTER|SECRETARY|SENATOR|SEN\.|REPRESENTATIVE|REP\.|GOVERNOR|GOV\.|MAYOR|JUDGE|JUSTICE|AMBASSADOR|AMB\.|GENERAL|GEN\.|ADMIRAL|COLONEL|CAPTAIN|DR\.?|PROF\.?|PROFESSOR|MR\.?|MS\.?|MRS\.?|SIR|DAME|LORD|LADY|CHAIRMAN|CHAIRWOMAN|CHAIR|DEPUTY|SPOKESMAN|SPOKESWOMAN|SPOKESPERSON)\s+)+/u;

/** Capital-letter tokens of a name (with accents, hyphens, apostrophes, initials). */
const CAPS_NAME = /^\p{Lu}[\p{Lu}\p{M}'’.-]*(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]*){0,5}$/u;
/** A label at the start of a line: capitals, an optional "(through interpreter)", optional ", ROLE, ORG", a colon, then speech. */
const LABEL_LINE = /^(\p{Lu}[\p{Lu}\p{M}'’. -]{0,60}?)(\s*\([^()\n]{1,40}\))?((?:,\s*[^,:\n()\d]{2,80}){0,3}):(?=\s|$)/u;

/** Head nouns of an organisation named in a label's role part ("PANAMA CANAL AUTHORITY"). */
const ORG_HEADS = /\b(?:AUTHORITY|UNIVERSITY|MINISTRY|DEPARTMENT|COMMISSION|AGENCY|BANK|INSTITUTE|INSTITUTION|COUNCIL|ASSOCIATION|UNION|FOUNDATION|COMPANY|CORPORATION|CORP|GROUP|PARTY|COURT|SCHOOL|COLLEGE|CENTRE|CENTER|OFFICE|FUND|ORGANI[SZ]ATION|NEWS|TIMES|POST|RADIO|TELEVISION|NETWORK|PRESS|AIRLINES?|COMMITTEE|PARLIAMENT|CONGRESS|SENATE|ASSEMBLY|BUREAU|SERVICE|SERVICES|FEDERATION|FORUM|INC|LTD|PLC|LLC|AG|SA|GMBH|CLUB|TRUST|PROGRAMME|PROGRAM)\b/u;
/** Roles ("FORMER DEPUTY ADMINISTRATOR", "DEPUTY MINISTER OF ENERGY AND MINES"): not a name, whatever follows. */
const ROLE_START = /^(?:FORMER\s+|ACTING\s+|INTERIM\s+|SENIOR\s+|CHIEF\s+|DEPUTY\s+|VICE\s+|ASSISTANT\s+|ASSOCIATE\s+|EXECUTIVE\s+|GENERAL\s+|MANAGING\s+|LEAD\s+|HEAD\s+)*(?:PRESIDENT|PRIME MINISTER|MINISTER|SECRETARY|DIRECTOR|ADMINISTRATOR|CHAIR\w*|SPOKES\w+|HOST|ANCHOR|CORRESPONDENT|REPORTER|EDITOR|ECONOMIST|ANALYST|PROFESSOR|FELLOW|RESEARCHER|ADVISER|ADVISOR|OFFICER|MANAGER|AMBASSADOR|MAYOR|GOVERNOR|SENATOR|REPRESENTATIVE|MEMBER|FOUNDER|CO-FOUNDER|CEO|CFO|COO|CTO|PARTNER|LAWYER|ATTORNEY|COUNSEL|COMMISSIONER|COORDINATOR|COMMANDER|GENERAL|JUDGE|HEAD|LEADER|CAPTAIN|AUTHOR|CONSULTANT|EXPERT|SCIENTIST|DOCTOR|NURSE|TEACHER|STUDENT|RESIDENT|FARMER|WORKER|OWNER|VOLUNTEER|COACH|PLAYER|SPECIALIST|STRATEGIST)\b/u;
const COUNTRY_FORMS = /\b(?:PDR|REPUBLIC|KINGDOM|EMIRATES|STATES|FEDERATION|ISLANDS|PRINCIPALITY|SULTANATE)$/u;
const LIST_HEADING = /^\s*(?:SPEAKERS|PARTICIPANTS|PANEL(?:I|LI)STS|GUESTS|PRESENT|ATTENDEES|ON THE PANEL|IN THE STUDIO|CAST)\s*:?\s*$/iu;

interface Speaker { start: number; end: number; surface: string }

const HEAD_CAPITALS = /^\p{Lu}\p{Lu}/u;

function speakerLabels(edit: Edit, lines: Line[]): void {
  const found: Array<{ name: Speaker; roles: Speaker[] }> = [];
  let inList = false;
  for (const line of lines) {
    if (line.text.length <= 30 && LIST_HEADING.test(line.text)) { inList = true; continue; }
    if (inList) {
      if (!line.text.trim() || HAS_LOWER.test(line.text)) inList = false;
      else {
        const entry = readLabel(line, line.text.replace(/[\s,;.]+$/, '') + ':');
        if (entry) found.push(entry);
        continue;
      }
    }
    // a label opens with two capitals and has its colon near the start
    if (!HEAD_CAPITALS.test(line.text)) continue;
    const colon = line.text.indexOf(':');
    if (colon < 2 || colon > 200) continue;
    const entry = readLabel(line, line.text);
    if (entry) found.push(entry);
  }
  // one label is a heading; a transcript has several
  if (found.length < 2) return;

  // a one-word label is the speaker whose full label ends (or starts) with that word: "TAN:" after "MEI-LING TAN, …:"
  const byWord = new Map<string, string>();
  for (const f of found) {
    if (!/\s/.test(f.name.surface)) continue;
    const words = f.name.surface.toLocaleLowerCase().split(/\s+/);
    const full = edit.mixedCase(f.name.surface);
    for (const w of [words[words.length - 1], words[0]]) if (!byWord.has(w)) byWord.set(w, full);
  }
  const places = new Map<string, string>();
  for (const s of edit.names()) if (s.type === 'PLACE' && !places.has(s.text)) places.set(s.text, s.canonical ?? s.text);
  // a one-word label names a person introduced in full ("TAN:" after "MEI-LING TAN"), in a label or in the text;
  // a word in capitals that names no one ("WATCH:", "EXCLUSIVE:") is a heading
  const personWords = new Set<string>();
  for (const s of edit.names()) if (s.type === 'PERSON') for (const w of s.text.toLocaleLowerCase().split(/\s+/)) personWords.add(w);
  for (const { name, roles } of found) {
    const word = /\s/.test(name.surface) ? undefined : name.surface.toLocaleLowerCase();
    if (word !== undefined && !byWord.has(word) && !personWords.has(word)) continue;
    const canonical = word === undefined ? edit.mixedCase(name.surface) : byWord.get(word) ?? edit.mixedCase(name.surface);
    edit.name(name.start, name.end, 'PERSON', canonical);
    for (const role of roles) readRole(edit, role, places);
  }
}

/** The label at the start of `line` (its text given as `source`, a list entry with a colon added), if it names a person. */
function readLabel(line: Line, source: string): { name: Speaker; roles: Speaker[] } | undefined {
  const m = LABEL_LINE.exec(source);
  // "NAME:" or "NAME, ROLE:" — a label set off by a space before its colon ("ISSUER : …") is a field of a form
  if (!m || (!m[2] && !m[3] && /\s$/.test(m[1])) || /\s$/.test(m[3] ?? '')) return undefined;
  let name = m[1];
  let offset = 0;
  const role = LABEL_ROLES.exec(name);
  if (role) { offset = role[0].length; name = name.slice(offset); }
  name = name.trimEnd();
  if (!name || !CAPS_NAME.test(name)) return undefined;
  const words = name.split(/\s+/);
  if (words.some((w) => PART_LABELS.has(w.replace(/[.'’]+$/, '')))) return undefined;
  if (words.length === 1 && name.replace(/[^\p{L}]/gu, '').length < 2) return undefined;
  const roles: Speaker[] = [];
  if (m[3]) {
    let at = m[1].length + (m[2]?.length ?? 0);
    for (const part of m[3].split(',')) {
      const lead = part.length - part.trimStart().length;
      const surface = part.trim();
      if (surface && at + lead + surface.length <= line.text.length) roles.push({ start: line.start + at + lead, end: line.start + at + lead + surface.length, surface });
      at += part.length + 1;
    }
  }
  return { name: { start: line.start + offset, end: line.start + offset + name.length, surface: name }, roles };
}

/** A role part of a label: an organisation ("PANAMA CANAL AUTHORITY"), a country ("LAO PDR"), or a role (no name). */
function readRole(edit: Edit, role: Speaker, places: ReadonlyMap<string, string>): void {
  const surface = edit.text.slice(role.start, role.end);
  if (surface !== role.surface || !allCapitals(surface)) return;
  for (const s of edit.overlapping(role.start, role.end)) if (isName(s) && s.type !== 'ORG' && s.type !== 'PLACE') edit.drop(s);
  if (ROLE_START.test(surface)) {
    for (const s of edit.overlapping(role.start, role.end)) if (isName(s)) edit.drop(s);
    return;
  }
  if (ORG_HEADS.test(surface)) edit.name(role.start, role.end, 'ORG', edit.mixedCase(surface, true));
  else if (COUNTRY_FORMS.test(surface)) edit.name(role.start, role.end, 'PLACE', edit.mixedCase(surface));
  else {
    const known = places.get(edit.mixedCase(surface));
    if (known) edit.name(role.start, role.end, 'PLACE', known);
  }
}

/** A reporter's question in a briefing: "QUESTION: Anh Le, Tuoi Tre." names the reporter and the outlet. */
const REPORTER_LINE = /^\s*(?:QUESTION|Q|REPORTER|QUESTIONER)\s*:\s*(\p{Lu}[\p{L}\p{M}'’-]*(?:\s+(?:(?:de|da|van|von|der|den|di|del|le|la|al|bin|ter|dos|das)\s+)?\p{Lu}[\p{L}\p{M}'’-]*){1,3}),\s*(\p{Lu}[\p{L}\p{M}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}\p{N}&'’.-]*|of|the|de|and|&)){0,5}?)\s*(?:[.:]\s|[.:]?$)/u;

function reporterLines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    const c = line.text.charCodeAt(0);
    if (c !== 81 && c !== 82 && c !== 32) continue; // Q, R, space
    const m = REPORTER_LINE.exec(line.text);
    if (!m || NOT_PERSON_WORDS.test(m[1])) continue;
    const personAt = line.start + m[0].indexOf(m[1]);
    edit.name(personAt, personAt + m[1].length, 'PERSON', m[1]);
    const outletAt = line.start + m[0].indexOf(m[2], m[0].indexOf(m[1]) + m[1].length);
    edit.name(outletAt, outletAt + m[2].replace(/\.$/, '').length, 'ORG', m[2].replace(/\.$/, ''));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Bylines: "By CHIDINMA OKAFOR, West Africa correspondent, in Lagos", "By JOANNA WIŚNIEWSKA and PARK JI-HOON"

const BYLINE = /^\s*(?:By|BY)\s+([^,|\n]{3,120}?)\s*(?=,|\||\s+[-–—]\s|\s+(?:in|at)\s+\p{Lu}|$)/u;
const NAME_TOKEN = /^\p{Lu}[\p{L}\p{M}'’.-]*$/u;
const NOT_PERSON_WORDS = /\b(?:The|Press|News|Staff|Reporters?|Agency|Agencies|Wire|Service|Desk|Team|Editors?|Correspondents?|Bureau|Reuters|AP|AFP|Bloomberg|Newsroom|Associated|Media|Times|Post|Herald)\b/iu;

function bylines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 200 || !/^\s*B[yY]\s/.test(line.text)) continue;
    const m = BYLINE.exec(line.text);
    if (!m) continue;
    const names = m[1];
    const base = line.start + line.text.indexOf(names, 2);
    let at = 0;
    for (const part of names.split(/(\s+and\s+|\s*&\s*|\s*;\s*)/u)) {
      const here = at;
      at += part.length;
      if (/^\s*(?:and|&|;)\s*$/u.test(part)) continue;
      const tokens = part.trim().split(/\s+/);
      if (tokens.length < 2 || tokens.length > 4 || !tokens.every((t) => NAME_TOKEN.test(t)) || NOT_PERSON_WORDS.test(part)) continue;
      const start = base + here + (part.length - part.trimStart().length);
      const surface = part.trim();
      edit.name(start, start + surface.length, 'PERSON', edit.mixedCase(surface));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Datelines: "BASEL, Switzerland and BOSTON, Nov. 18, 2025 /PRNewswire/ --", "NAIROBI, Kenya (Reuters) -"

const NEWSWIRE = /\/\s*(\p{L}[\p{L}\p{N} .&'-]{1,38}\p{L})\s*\/\s*(?:--|—|–|-)/u;
const AGENCY = /\((Reuters|AP|AFP|Bloomberg|dpa|DPA|Xinhua|PTI|ANI|EFE|ANSA|Kyodo|Yonhap|IANS|UPI|Anadolu|TASS|Bernama|Antara|KUNA|WAM|SPA|APA|CNA)\)\s*(?:--|—|–|-)/u;
/** A newswire in parentheses: "TORONTO, Oct. 9, 2025 (GLOBE NEWSWIRE) --", "NEW YORK--(BUSINESS WIRE)--". */
const PAREN_WIRE = /\(\s*(\p{Lu}[\p{L} ]{0,30}?(?:WIRE|Wire|NEWSWIRE|Newswire|PRESSWIRE|Presswire))\s*\)\s*(?:--|—|–|-)/u;
const CAPS_PLACE = /\p{Lu}[\p{Lu}\p{M}'’.-]+(?:\s+\p{Lu}[\p{Lu}\p{M}'’.-]+){0,3}/gu;

function datelines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    // a dateline opens the first paragraph: its head is enough
    const t = line.text;
    if (!(t.includes('--') || t.includes('—') || t.includes('–') || t.includes(') -') || t.includes('/ -'))) continue;
    const wire = NEWSWIRE.exec(line.text) ?? PAREN_WIRE.exec(line.text);
    const agency = wire ? null : AGENCY.exec(line.text);
    const m = wire ?? agency;
    if (!m) continue;
    const innerStart = line.start + m.index + m[0].indexOf(m[1]);
    edit.name(innerStart, innerStart + m[1].length, 'ORG', edit.mixedCase(m[1].trim(), true), true);
    // the places before the date (or before the agency): the capitals of the dateline
    const head = line.text.slice(0, m.index);
    const date = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)|\b\d{4}-\d{2}-\d{2}/.exec(head);
    const places = date ? head.slice(0, date.index) : head;
    for (const p of places.matchAll(CAPS_PLACE)) {
      const surface = p[0].replace(/[.'’-]+$/u, '');
      if (surface.replace(/[^\p{L}]/gu, '').length < 3) continue;
      const before = places[p.index - 1];
      const after = places[p.index + p[0].length];
      if ((before && !/[\s,;(]/.test(before)) || (after && !/[\s,;)]/.test(after))) continue;
      if (PART_LABELS.has(surface)) continue;
      edit.name(line.start + p.index, line.start + p.index + surface.length, 'PLACE', edit.mixedCase(surface));
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Share bars and social networks: "Share on Facebook  Share on X", "Follow us: Facebook · Instagram · X · YouTube"

const NETWORKS = ['Facebook', 'X', 'Twitter', 'WhatsApp', 'LinkedIn', 'Instagram', 'YouTube', 'TikTok', 'Telegram', 'Reddit', 'Pinterest',
  'Threads', 'Bluesky', 'Mastodon', 'Flipboard', 'Messenger', 'Snapchat', 'Weibo', 'WeChat', 'Line', 'Viber', 'Signal', 'Tumblr', 'Substack'];
const NETWORK_SET = new Set(NETWORKS.map((n) => n.toLowerCase()));
const BAR_WORDS = new Set(['share', 'share:', 'this', 'article', 'story', 'page', 'on', 'via', 'email', 'e-mail', 'copy', 'link', 'print',
  'follow', 'us', 'us:', 'follow:', 'comment', 'save', 'gift', 'more']);
/** Names of networks that are nothing else, so they are the network wherever they stand. */
const UNAMBIGUOUS_NETWORK = /\b(?:Facebook|WhatsApp|LinkedIn|Instagram|YouTube|TikTok|Twitter|Pinterest|Bluesky|Snapchat|WeChat)\b/gu;

/** Some network's name, to pass over most lines at once. */
const ANY_NETWORK = new RegExp(`(?:^|[^A-Za-z])(?:${NETWORKS.join('|')})(?![A-Za-z])`, 'i');

function shareBars(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 240 || !ANY_NETWORK.test(line.text)) continue;
    const words = line.text.trim().split(/[\s|·•,/]+/).filter((w) => w && !/^[\p{P}\p{S}]+$/u.test(w));
    if (words.length < 2 || words.length > 24) continue;
    let networks = 0;
    if (!words.every((w) => {
      const lower = w.toLowerCase().replace(/:$/, '');
      if (NETWORK_SET.has(lower)) { networks++; return true; }
      return BAR_WORDS.has(w.toLowerCase());
    })) continue;
    if (networks < 2 && !/^\s*(?:share|follow)/i.test(line.text)) continue;
    for (const w of line.text.matchAll(/[\p{L}-]+/gu)) {
      const canonical = NETWORKS.find((n) => n.toLowerCase() === w[0].toLowerCase());
      if (!canonical || w[0] !== canonical) continue;
      edit.name(line.start + w.index, line.start + w.index + w[0].length, 'ORG', canonical);
    }
  }
}

function platforms(edit: Edit): void {
  for (const m of edit.text.matchAll(UNAMBIGUOUS_NETWORK)) {
    const start = m.index, end = start + m[0].length;
    const over = edit.overlapping(start, end);
    if (over.length === 0) edit.name(start, end, 'ORG');
    else if (over.length === 1 && over[0].start === start && over[0].end === end && over[0].type !== 'ORG') edit.name(start, end, 'ORG', over[0].canonical);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Ticker symbols: "(NASDAQ: VRDN; SIX: VRDN)", "(TSX: ACL) (NYSE: ACLX)", "(TSE: 6823)", a defined term ("ACL" or the "Company")

const EXCHANGES: Record<string, string> = {
  NASDAQ: 'Nasdaq', Nasdaq: 'Nasdaq', NYSE: 'New York Stock Exchange', 'NYSE American': 'NYSE American', 'NYSE Arca': 'NYSE Arca',
  TSX: 'Toronto Stock Exchange', TSXV: 'TSX Venture Exchange', 'TSX-V': 'TSX Venture Exchange', CSE: 'Canadian Securities Exchange',
  TSE: 'Tokyo Stock Exchange', LSE: 'London Stock Exchange', AIM: 'AIM', ASX: 'Australian Securities Exchange', NZX: 'NZX',
  HKEX: 'Hong Kong Stock Exchange', SEHK: 'Hong Kong Stock Exchange', SGX: 'Singapore Exchange', SIX: 'SIX Swiss Exchange',
  JSE: 'Johannesburg Stock Exchange', BSE: 'BSE', NSE: 'National Stock Exchange of India', KRX: 'Korea Exchange', KOSDAQ: 'KOSDAQ',
  KOSPI: 'KOSPI', TWSE: 'Taiwan Stock Exchange', SSE: 'Shanghai Stock Exchange', SZSE: 'Shenzhen Stock Exchange', Euronext: 'Euronext',
  XETRA: 'Xetra', Xetra: 'Xetra', FWB: 'Frankfurt Stock Exchange', FRA: 'Frankfurt Stock Exchange', OTC: 'OTC Markets', OTCQX: 'OTCQX',
  OTCQB: 'OTCQB', BMV: 'Mexican Stock Exchange', B3: 'B3', BVL: 'Lima Stock Exchange', TASE: 'Tel Aviv Stock Exchange', IDX: 'Indonesia Stock Exchange',
  SET: 'Stock Exchange of Thailand', PSE: 'Philippine Stock Exchange', BME: 'BME', EGX: 'Egyptian Exchange', NGX: 'Nigerian Exchange',
  TADAWUL: 'Tadawul', Tadawul: 'Tadawul', DFM: 'Dubai Financial Market', ADX: 'Abu Dhabi Securities Exchange', WSE: 'Warsaw Stock Exchange',
  GPW: 'Warsaw Stock Exchange', OSE: 'Oslo Stock Exchange', OMX: 'Nasdaq OMX',
};
const TICKER_GROUP = /\(\s*((?:\p{Lu}[\p{L}-]*)(?:\s\p{Lu}[\p{L}]*)?\s*:\s*[\p{Lu}\p{N}][\p{Lu}\p{N}.-]{0,9}(?:\s*[;,]\s*(?:\p{Lu}[\p{L}-]*)(?:\s\p{Lu}[\p{L}]*)?\s*:\s*[\p{Lu}\p{N}][\p{Lu}\p{N}.-]{0,9}){0,4})\s*\)/gu;
const TICKER_HINT = /\([A-Z][A-Za-z-]*(?: [A-Z][A-Za-z]*)?\s*:\s*[A-Z0-9]/;
const TICKER_PAIR = /(\p{Lu}[\p{L}-]*(?:\s\p{Lu}[\p{L}]*)?)\s*:\s*([\p{Lu}\p{N}][\p{Lu}\p{N}.-]{0,9})/gu;
const DEFINED_TERM = /\(\s*["“]([\p{Lu}][\p{Lu}\p{N}&.-]{1,9})["”]\s*(?:,|or)?\s*(?:the\s+)?(?:["“][^"”\n]{1,30}["”])?\s*\)/gu;
const EXCHANGE_NAMES = /\b(?:SIX Swiss Exchange|Nasdaq(?: (?:Global Select|Global|Capital|Stock))? Market|NYSE (?:American|Arca)|TSX Venture Exchange)\b/g;
const COMPANY_SUFFIX = /(?:^|\s)(?:Inc|Corp|Co|Ltd|Limited|LLC|plc|PLC|AG|SA|S\.A|NV|N\.V|SE|GmbH|AB|ASA|A\/S|Oyj|SpA|S\.p\.A|KK|K\.K|Bhd|Pty|Tbk|Group|Holdings)\.?$/u;

function tickers(edit: Edit): void {
  const text = edit.text;
  const tickerOf = new Map<string, string>(); // ticker → company
  const exchangeSeen = new Set<string>();
  let groups = 0;
  // the Unicode expression below is slow to scan a page with; most pages hold no "(EXCHANGE: SYMBOL)" at all
  const hasGroups = text.includes(':') && text.includes('(') && TICKER_HINT.test(text);
  for (const g of hasGroups ? text.matchAll(TICKER_GROUP) : []) {
    if (++groups > MAX_GROUPS) break;
    const pairs = [...g[1].matchAll(TICKER_PAIR)];
    if (pairs.length === 0 || !pairs.every((p) => EXCHANGES[p[1]] !== undefined || /^[A-Z]{2,6}$/.test(p[1]))) continue;
    const company = companyBefore(edit, g.index);
    const groupStart = g.index + g[0].indexOf(g[1]);
    for (const p of pairs) {
      const exStart = groupStart + p.index;
      edit.name(exStart, exStart + p[1].length, 'ORG', EXCHANGES[p[1]] ?? p[1]);
      exchangeSeen.add(p[1]);
      const tkStart = groupStart + p.index + p[0].length - p[2].length;
      const tkEnd = tkStart + p[2].length;
      if (/^[\p{N}.-]+$/u.test(p[2])) {
        // a numeric ticker is a number inside a name: no figure
        for (const s of edit.overlapping(tkStart, tkEnd)) if (!isName(s)) edit.drop(s);
        continue;
      }
      edit.name(tkStart, tkEnd, 'ORG', company ?? p[2]);
      if (company && p[2].length >= 2) tickerOf.set(p[2], company);
    }
  }
  let terms = 0;
  for (const d of text.includes('("') || text.includes('(“') ? text.matchAll(DEFINED_TERM) : []) {
    if (++terms > MAX_GROUPS) break;
    if (!/\p{Lu}.*\p{Lu}/u.test(d[1])) continue;
    const company = companyBefore(edit, d.index);
    if (!company) continue;
    const start = d.index + d[0].indexOf(d[1]);
    edit.name(start, start + d[1].length, 'ORG', company);
    tickerOf.set(d[1], company);
  }
  if (text.includes('Exchange') || text.includes('Market') || text.includes('NYSE ')) {
    for (const m of text.matchAll(EXCHANGE_NAMES)) edit.name(m.index, m.index + m[0].length, 'ORG');
  }
  // the same symbols and exchanges elsewhere on the page ("under the ticker VRDN", "Neither the TSX")
  if (tickerOf.size === 0 && exchangeSeen.size === 0) return;
  const symbols = [...tickerOf.keys(), ...[...exchangeSeen].filter((e) => e.length >= 3 && e !== 'SIX')];
  if (symbols.length === 0) return;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${symbols.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  for (const m of text.matchAll(pattern)) {
    const canonical = tickerOf.get(m[0]) ?? EXCHANGES[m[0]] ?? m[0];
    const over = edit.overlapping(m.index, m.index + m[0].length);
    if (over.length === 0 || (over.length === 1 && over[0].start === m.index && over[0].end === m.index + m[0].length)) {
      edit.name(m.index, m.index + m[0].length, 'ORG', canonical);
    }
  }
}

/** Ticker groups, defined terms and "About" headings read per page: a release has a few; a hostile text stops here. */
const MAX_GROUPS = 32;

/** The organisation named just before a ticker or a defined term on the same line ("Veridane Therapeutics AG (NASDAQ: …)"). */
function companyBefore(edit: Edit, at: number): string | undefined {
  let end = at;
  // skip earlier parentheses of the same run: "Corp. (TSX: ACL) (NYSE: ACLX) ("ACL" …)"
  for (;;) {
    const before = edit.text.slice(Math.max(0, end - 40), end);
    const m = /\([^()\n]{0,36}\)\s*$/.exec(before);
    if (!m) break;
    end -= m[0].length;
  }
  while (end > 0 && /\s/.test(edit.text[end - 1])) end--;
  const org = edit.names().find((s) => s.type === 'ORG' && s.end <= end && s.end >= end - 2 && s.end - s.start >= 2);
  if (org) return longestForm(edit, org);
  // a company name the detector missed: capitalised words ending in a legal suffix
  const window = edit.text.slice(Math.max(0, end - 80), end);
  const m = /(\p{Lu}[\p{L}\p{N}&'’.-]*(?:[ ,]+\p{Lu}[\p{L}\p{N}&'’.-]*|\s+(?:of|and|de|&)\s+){0,6})$/u.exec(window);
  if (m && COMPANY_SUFFIX.test(m[1].trim())) return m[1].trim();
  return undefined;
}

/** The canonical form of an organisation, with a legal suffix the span left out (", Ltd.") restored. */
function longestForm(edit: Edit, org: Span): string {
  const after = /^,?\s*(?:Ltd|Limited|Inc|LLC|S\.A|plc|AG|SE|N\.V)\.?/u.exec(edit.text.slice(org.end, org.end + 12));
  const canonical = org.canonical ?? org.text;
  return after && canonical === org.text && /\b(?:Co|Corp)\.$/.test(org.text) ? org.text + after[0] : canonical;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------
// Photo credits: "Photograph: Ana Ruiz/Reuters", "Photo: Kim Soo-jin/AP", "(Piotr Malinowski / Northern Ledger)"

const CREDIT = /\b(?:Photograph|Photo|Photos|Picture|Image|Illustration|Video|Credit|Photo credit|Graphic|Footage)s?\s*:\s*([^/\n:]{2,60}?)\s*\/\s*([^\n]{2,60}?)\s*[.)]?\s*$/u;
const PAREN_CREDIT = /\(([^()/\n]{3,50}?)\s*\/\s*([^()/\n]{2,50}?)\)\s*$/u;

/** Picture agencies, which a credit may name before the photographer ("AP Photo/Esteban Félix", "EPA-EFE/ELVIS GONZALEZ"). */
const PICTURE_AGENCIES = 'AP|AFP|EPA|EFE|Reuters|Getty Images|Getty|ANP|dpa|DPA|PA|PA Images|Xinhua|ANSA|Anadolu|Shutterstock|Bloomberg|SIPA|Sipa|NurPhoto|Alamy|IMAGO|Imago|ZUMA|Zuma|SOPA Images|Kyodo|Yonhap|TT|NTB|Ritzau|Belga|Keystone|APA|PAP|TASS|Sputnik|Polaris|Redux|Magnum|UPI|Pool|KCNA|Photoshot|Abaca|Abaca Press';
const AGENCY_CREDIT = new RegExp(`(?:^|\\()\\s*((?:${PICTURE_AGENCIES})(?:[-/](?:${PICTURE_AGENCIES}))?)(?:\\s+(?:Photo|Photos|Images|Pool))?\\s*\\/\\s*(\\p{Lu}[\\p{L}\\p{M}'’.-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}'’.-]*){1,3})\\s*(?:\\)|$)`, 'u');
const PHOTO_HINT = /Photo|Picture|Image|Illustration|Video/;
const AGENCY_HINT = new RegExp(`(?:^|\\()\\s*(?:${PICTURE_AGENCIES})\\b`);
const CREDIT_HINT = /(?:Photograph|Photo|Picture|Image|Illustration|Video|Credit|Graphic|Footage)s?\s*:/;
/** A credit `creditNames` reads: its label first on the line or after a space, the names after the colon. */
const LABELLED_CREDIT = /(?:^|[ \t])(?:Photograph|Photographs|Photo|Photos|Picture|Pictures|Photo credit|Image|Images|Illustration|Composite|Credit|Video|Footage)[ \t]*:/u;

/** The last character of a line that is not a space ('' for a blank line), without an expression anchored at the end. */
function lastNonSpace(line: string): string {
  let i = line.length - 1;
  while (i >= 0 && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i--;
  return i >= 0 ? line[i] : '';
}
const PHOTO_BY = /\b(?:Photo|Photograph|Picture|Image|Illustration|Video|Photography)s?\s+(?:by|:)\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3})\s+(?:on|for|via|\/)\s+(\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+\p{Lu}[\p{L}\p{N}&'’.-]*){0,3})/u;

/** "Image source, Getty Images" (a credit line of a saved page): the agencies named. */
const IMAGE_SOURCE = /^\s*(?:Image|Video|Photo|Media) source,\s*([^\n]{2,80}?)\s*$/u;

function photoCredits(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 300) continue;
    const source = line.text.includes(' source,') ? IMAGE_SOURCE.exec(line.text) : null;
    if (source) {
      let at = line.start + source[0].indexOf(source[1]);
      for (const part of source[1].split(/(\s*\/\s*|\s+via\s+)/)) {
        if (/^\p{Lu}/u.test(part) && part.split(/\s+/).length <= 4) edit.name(at, at + part.length, new RegExp(`^(?:${PICTURE_AGENCIES})$`).test(part) || !/\s/.test(part) ? 'ORG' : 'PERSON', part);
        at += part.length;
      }
      continue;
    }
    const slash = line.text.indexOf('/') >= 0;
    const agencyFirst = slash && AGENCY_HINT.test(line.text) ? AGENCY_CREDIT.exec(line.text) : null;
    if (agencyFirst) {
      let at = line.start + agencyFirst.index + agencyFirst[0].indexOf(agencyFirst[1]);
      for (const a of agencyFirst[1].split(/([-/])/)) {
        if (a !== '-' && a !== '/') edit.name(at, at + a.length, 'ORG', a);
        at += a.length;
      }
      const person = agencyFirst[2];
      const personAt = line.start + agencyFirst.index + agencyFirst[0].lastIndexOf(person);
      if (!NOT_PERSON_WORDS.test(person)) edit.name(personAt, personAt + person.length, 'PERSON', edit.mixedCase(person));
      continue;
    }
    const by = (line.text.includes(' by ') || line.text.includes(':')) && PHOTO_HINT.test(line.text) ? PHOTO_BY.exec(line.text) : null;
    if (by && !NOT_PERSON_WORDS.test(by[1])) {
      const personAt = line.start + by.index + by[0].indexOf(by[1]);
      edit.name(personAt, personAt + by[1].length, 'PERSON', edit.mixedCase(by[1]));
      const orgAt = line.start + by.index + by[0].lastIndexOf(by[2]);
      edit.name(orgAt, orgAt + by[2].length, 'ORG', by[2]);
      continue;
    }
    if (!slash) continue;
    // "Photograph: Jane Doe/Getty Images" (a label, a colon, the names) is read by `creditNames` (names/credits.ts)
    // with the detector's names; only what it does not read is read here
    const labelled = CREDIT_HINT.test(line.text) && LABELLED_CREDIT.test(line.text);
    const m = (CREDIT_HINT.test(line.text) && !labelled ? CREDIT.exec(line.text) : null) ??
      (lastNonSpace(line.text) === ')' ? PAREN_CREDIT.exec(line.text) : null);
    if (!m) continue;
    const personAt = line.start + m.index + m[0].indexOf(m[1]);
    const person = m[1].trim();
    const tokens = person.split(/\s+/);
    const isPerson = tokens.length >= 2 && tokens.length <= 4 && tokens.every((t) => NAME_TOKEN.test(t)) && !NOT_PERSON_WORDS.test(person);
    const agencyOffset = m[0].lastIndexOf(m[2]);
    const agencyAt = line.start + m.index + agencyOffset;
    const agencies = m[2].split(/\s+via\s+/);
    if (!agencies.every((a) => /^\p{Lu}/u.test(a.trim()))) continue;
    if (isPerson) edit.name(personAt, personAt + person.length, 'PERSON', edit.mixedCase(person));
    else if (/^\p{Lu}/u.test(person) && tokens.length <= 4) edit.name(personAt, personAt + person.length, 'ORG');
    let at = agencyAt;
    for (const a of m[2].split(/(\s+via\s+)/)) {
      if (!/^\s+via\s+$/.test(a)) edit.name(at, at + a.length, 'ORG', a.trim());
      at += a.length;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Copyright lines and mastheads: "© 2026 The Lagos Courier Media Ltd. All rights reserved.", a line "The Lagos Courier"

const COPYRIGHT = /(?:©|\(c\)|Copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?,?\s+)([^\n]{2,90})/iu;
const NAME_WORDS = /^(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|and|de|des|du|la|le|z|o\.o\.?|&|the|für|y|e|for)$/u;
const ABBREVIATION_END = /(?:^|\s)(?:Ltd|Inc|Corp|Co|Pty|Bhd|Pte|S\.A|N\.V|o\.o|Sp|GmbH|plc|LLC|SpA|S\.p\.A|Cie|Ltda|S\.L|SARL|S\.R\.L|B\.V|A\.S|Oy|Tbk)$/u;

function copyrightLines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 200 || !/©|\(c\)|copyright/i.test(line.text)) continue;
    const m = COPYRIGHT.exec(line.text);
    if (!m) continue;
    const rest = m[1];
    const stop = /\.\s+(?:All rights|This |Some rights|Reproduction|Registered|Powered|Terms|Privacy|Contact)|\.?\s*(?:All rights reserved|\||·|—|–|\s-\s)|\.\s*$|,\s|$/u.exec(rest);
    let name = stop ? rest.slice(0, stop.index) : rest;
    if (stop && rest[stop.index] === '.' && ABBREVIATION_END.test(name)) name += '.';
    name = name.trim();
    const words = name.split(/\s+/);
    if (!name || words.length > 8 || !words.every((w) => NAME_WORDS.test(w)) || !/^\p{Lu}/u.test(name)) continue;
    if (/^(?:All|Some)\b/.test(name)) continue;
    const start = line.start + m.index + m[0].indexOf(rest) + (rest.length - rest.trimStart().length);
    edit.name(start, start + name.length, 'ORG', edit.mixedCase(name, true));
  }
}

/** A masthead: a line of its own ("The Lagos Courier" between blank lines, or first on the page) that is an organisation after "The". */
function mastheads(edit: Edit, lines: Line[]): void {
  const blank = (i: number): boolean => i < 0 || i >= lines.length || lines[i].text.trim() === '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.text.length > 60) continue;
    const m = /^\s*(The)\s+\S/.exec(line.text);
    if (!m || !blank(i + 1) || !(blank(i - 1) || i === 0)) continue;
    const at = line.start + m.index + m[0].indexOf('The');
    const org = edit.overlapping(at, line.end).find((s) => s.type === 'ORG' && s.start === at + 4 && s.end >= line.end - 1);
    if (!org || line.text.slice(org.end - line.start).trim() !== '') continue;
    edit.name(at, org.end, 'ORG', 'The ' + (org.canonical ?? org.text).replace(/^The\s+/, ''));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Header fields of a transcript or a page ("Program: The Global Desk", "Network: Radio Meridian International") and
// newsletter boxes ("Sign up to Africa Briefing", "Get the Morning Brief in your inbox")

const PROGRAMME_FIELD = /^\s*(?:Program|Programme|Show|Series|Podcast|Newsletter|Broadcast)\s*:\s*(\p{Lu}[^\n]{1,60}?)\s*$/u;
const OUTLET_FIELD = /^\s*(?:Network|Outlet|Publication|Station|Channel|Broadcaster|Publisher|Newspaper)\s*:\s*(\p{Lu}[^\n]{1,60}?)\s*$/u;
/** A wire's standards line: "Our Standards: The Thomson Reuters Trust Principles." names a document (MISC), without its "The". */
const STANDARDS = /^\s*Our Standards:\s*(?:The\s+)?(\p{Lu}[^\n.]{2,80}?)\.?(?:,|\s*$)/u;
/** A newsletter named after the word: "with the newsletter On the Campaign Trail." */
const NAMED_NEWSLETTER = /\bnewsletter,?\s+((?:\p{Lu}[\p{L}'’-]*)(?:\s+(?:\p{Lu}[\p{L}'’-]*|the|of|and|on|in|at|to|for)){0,5}\s*)(?=[.,:;]|$)/u;
const NEWSLETTER = /\b(?:(?:Sign up (?:to|for)|Subscribe to) (?:our |the )?((?:\p{Lu}[\p{L}'’-]*)(?:\s\p{Lu}[\p{L}'’-]*){1,3})(?=\s*(?:$|[.,:]|\s(?:newsletter|in your inbox|every|each)))|Get (?:our|the) ((?:\p{Lu}[\p{L}'’-]*)(?:\s\p{Lu}[\p{L}'’-]*){1,3})(?=\s(?:newsletter|in your inbox|delivered)))/u;

function headerFields(edit: Edit, lines: Line[]): void {
  const programmes = new Set<string>();
  for (const line of lines) {
    if (line.text.length > 240 || !(line.text.includes(':') || line.text.includes('Sign up') || line.text.includes('Subscribe') || line.text.includes('Get ') || line.text.includes('newsletter '))) continue;
    const p = PROGRAMME_FIELD.exec(line.text);
    const o = p ? null : OUTLET_FIELD.exec(line.text);
    const n = p || o ? null : NEWSLETTER.exec(line.text);
    const m = p ?? o ?? n ?? STANDARDS.exec(line.text) ?? NAMED_NEWSLETTER.exec(line.text);
    if (!m) continue;
    const name = (m[1] ?? m[2]).trimEnd();
    if (/\s(?:the|of|and|on|in|at|to|for)$/.test(name)) continue;
    if (name.split(/\s+/).length > 6 || !name.split(/\s+/).every((w) => NAME_WORDS.test(w))) continue;
    const start = line.start + m.index + m[0].indexOf(name);
    edit.name(start, start + name.length, o ? 'ORG' : 'MISC', name);
    if (p && programmes.size < MAX_GROUPS) programmes.add(name);
  }
  for (const name of programmes) {
    let at = edit.text.indexOf(name);
    for (let tries = 0; at >= 0 && tries < 100; tries++) {
      if (!WORD.test(edit.text[at - 1] ?? '') && !WORD.test(edit.text[at + name.length] ?? '')) edit.name(at, at + name.length, 'MISC', name);
      at = edit.text.indexOf(name, at + name.length);
    }
  }
}

/** Who supplied the text: "Source: Ministry of Foreign Affairs of Vietnam.", "Transcription by Verbatim Media Services." */
const SOURCE_LINE = /(?:^\s*Sources?\s*:|\b(?:Transcription|Transcribed|Transcript|Translation|Captioning|Distributed|Produced)\s+(?:provided\s+)?by)\s+(\p{Lu}[^\n.;:,]{1,70})/u;

function sourceLines(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    const t = line.text;
    if (line.end - line.start > 300 || !(t.includes('Source') || t.includes('ranscri') || t.includes('ranslat') || t.includes('aptioning') ||
      t.includes('istributed by') || t.includes('roduced by'))) continue;
    const m = SOURCE_LINE.exec(line.text);
    if (!m) continue;
    const name = m[1].trimEnd();
    const words = name.split(/\s+/);
    if (words.length > 8 || !words.every((w) => NAME_WORDS.test(w)) || !/\p{Lu}[^\s]*$/u.test(name)) continue;
    const start = line.start + m.index + m[0].length - m[1].length;
    edit.name(start, start + name.length, 'ORG', edit.mixedCase(name, true));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Boilerplate headings of a release: "About Veridane Therapeutics" names the company the release calls
// "Veridane Therapeutics AG"; its short forms ("Veridane") take that canonical name

function boilerplateHeadings(edit: Edit, lines: Line[]): void {
  let headings = 0;
  for (const line of lines) {
    const m = line.text.length <= 90 && line.text.includes('About ') ? /^\s*About\s+(\p{Lu}[^\n]{1,70}?)\s*$/u.exec(line.text) : null;
    if (m && ++headings > MAX_GROUPS) break;
    if (!m || /[.!?]$/.test(m[1]) && !ABBREVIATION_END.test(m[1].replace(/\.$/, ''))) continue;
    const name = m[1];
    const orgs = edit.names().filter((s) => s.type === 'ORG');
    const full = orgs.map((s) => longestForm(edit, s)).filter((c) => c === name || c.startsWith(name + ' ') || c.startsWith(name + ','))
      .sort((a, b) => b.length - a.length)[0];
    if (!full) continue;
    const start = line.start + m.index + m[0].indexOf(name);
    edit.name(start, start + name.length, 'ORG', full);
    // the company's short forms: "Veridane", "Veridane Therapeutics"
    for (const s of orgs) {
      const c = s.canonical ?? s.text;
      if (c !== full && (full.startsWith(c + ' ') || full.startsWith(c + ',') || longestForm(edit, s) === full)) edit.canonical(s, full);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// A company a release names in full ("Andes Cordillera Lithium Corp.", "Toyoshima Battery Works Co., Ltd.") is the
// same company in its headline and boilerplate without the legal form ("Andes Cordillera Lithium Signs …")

const LEGAL_WORDS = new Set(['Corp', 'Inc', 'Ltd', 'Limited', 'LLC', 'plc', 'PLC', 'AG', 'SA', 'S.A', 'NV', 'N.V', 'ASA', 'GmbH', 'SE', 'AB',
  'Oyj', 'SpA', 'S.p.A', 'Bhd', 'Tbk', 'KK', 'K.K']);

/** "Toyoshima Battery Works Co., Ltd." → "Toyoshima Battery Works"; undefined when the name ends in no legal form. */
function withoutLegalForm(full: string): string | undefined {
  const space = full.lastIndexOf(' ');
  if (space < 0 || !LEGAL_WORDS.has(full.slice(space + 1).replace(/\.$/, ''))) return undefined;
  return full.slice(0, space).replace(/,$/, '').replace(/\s+(?:Co\.,?|Pty)$/, '').replace(/,$/, '');
}

function companyShortForms(edit: Edit): void {
  const bases = new Map<string, string>();
  for (const s of edit.names()) {
    if (s.type !== 'ORG' || s.end - s.start > 80) continue;
    const full = longestForm(edit, s);
    const base = withoutLegalForm(full);
    if (base === undefined) continue;
    const words = base.split(/\s+/);
    if (words.length < 2 || words.length > 6 || !words.every((w) => NAME_WORDS.test(w)) || bases.size >= MAX_GROUPS) continue;
    if (!bases.has(base)) bases.set(base, full);
  }
  for (const [base, full] of bases) {
    let at = edit.text.indexOf(base);
    for (let tries = 0; at >= 0 && tries < 200; tries++) {
      const end = at + base.length;
      const next = at + 1;
      if (!WORD.test(edit.text[at - 1] ?? '') && !WORD.test(edit.text[end] ?? '') && !LEGAL_AFTER.test(edit.text.slice(end, end + 14))) {
        const over = edit.overlapping(at, end);
        // only names inside the company's words give way ("Cordillera Lithium" read as a place); a longer name stays
        if (over.every((o) => isName(o) && o.start >= at && o.end <= end) && !(over.length === 1 && over[0].type === 'ORG' && over[0].start === at && over[0].end === end)) {
          edit.name(at, end, 'ORG', full);
        }
      }
      at = edit.text.indexOf(base, next);
    }
  }
}

const LEGAL_AFTER = /^,?\s+(?:Co\.|Corp|Inc|Ltd|Limited|LLC|plc|PLC|AG|SA|S\.A|NV|N\.V|ASA|GmbH|SE|AB|Oyj|SpA|Bhd|Tbk|KK|Pty)\b/u;

// ---------------------------------------------------------------------------------------------------------------
// A release's forward-looking statements cite the law by its full title: "the Private Securities Litigation Reform
// Act of 1995" is one MISC, its year inside (the guideline keeps the outermost name only)

const ACT_OF_YEAR = /^\s+of\s+(?:1[89]|20)\d\d\b/u;

function safeHarbourLaws(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (!/forward-looking|safe harbou?r/i.test(line.text)) continue;
    for (const s of edit.overlapping(line.start, line.end)) {
      if (s.type !== 'MISC' || !/\bAct$/.test(s.text)) continue;
      const year = ACT_OF_YEAR.exec(edit.text.slice(s.end, s.end + 12));
      if (!year) continue;
      const end = s.end + year[0].length;
      edit.name(s.start, end, 'MISC');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Figures that are furniture: timestamps ("[00:04:47]", "0:00 / 6:31"), zone offsets ("GMT+2"), a time zone read
// as a name ("11:15 WAT"), identifiers ("conference ID 5512873"), form numbers ("Form 20-F")

/**
 * A telephone number: one with a country code ("+44 (0)20 7946 0958", "+1 617-555-0198") or in the North American
 * shape ("(877) 555-0142", "617-555-0198"): none of its digit groups is a figure.
 */
const PHONE = /\+\d{1,3}(?:[\s.-]?\(\d{1,4}\))?(?:[\s.-]?\d{1,5}){2,6}|\(\d{3}\)\s?\d{3}[\s.-]\d{4}|\b\d{3}[.-]\d{3}[.-]\d{4}\b/gu;
const PHONE_HINT = /\(\d{3}\)|\d{3}[.-]\d{3}[.-]\d{4}/;
const PHONE_LABEL_BEFORE = /(?:^|[\s|,;·(])(?:Tel|Tel\.|Telephone|Phone|T|Fax|F|Mobile|Mob|M|Cell|Dial-in|Dial|Toll-free|Hotline|Call|WhatsApp|Contact)\s*:?\s*(?:\+?\s*)?$|[|·]\s*$/iu;
/** A contact block's labels ("Tel:", "Fax:", "Mobile:"), which a detector may read as names. */
const CONTACT_LABELS = new Set(['Tel', 'Tel.', 'Fax', 'Phone', 'Mobile', 'Cell', 'Email', 'E-mail', 'Web', 'Website']);
const ZONE_OFFSET = /\b(?:GMT|UTC)\s?[+−-]\s?\d{1,2}(?::?\d{2})?\b/g;
/** A clock time before a date on a date line: "Updated 4:12 PM EDT, Thu October 9, 2025", "11:30 GMT, 3 March 2026". */
const CLOCK_HINT = /\d[:.]\d\d/;
const CLOCK_LEAD = /^\s*(?:(?:Last\s+)?(?:Updated|Published|Posted|Modified|First published|Last modified)(?:\s+on|\s+at)?:?\s+)?(\d{1,2}[:.]\d{2}\s*(?:[AaPp]\.?\s?[Mm]\.?)?(?:\s+[A-Z]{2,5}(?:[+-]\d{1,2})?)?,?\s+(?:on\s+)?)$/u;
const FORM = /\bForm\s+(?:\d{1,2}-[A-Z]{1,2}|[A-Z]{1,2}-\d{1,2}[A-Z]?)\b/g;
const CLOCK_BEFORE = /\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?\s*$/iu;
const ID_BEFORE = /\b(?:ID|PIN|passcode|access code|code|conference|meeting|reference|ref\.?|no\.?|number|extension|ext\.?)\s*(?:ID|number|no\.?|code)?\s*[:#]?\s*$/iu;

function furnitureFigures(edit: Edit, shouting: boolean): void {
  const text = edit.text;
  for (const s of edit.spans) {
    if (s.type === 'QUANTITY') {
      const before = text[s.start - 1] ?? '';
      const after = text[s.end] ?? '';
      // digits joined by colons: a clock or a media timestamp
      if ((before === ':' && /\d/.test(text[s.start - 2] ?? '')) || (after === ':' && /\d/.test(text[s.end + 1] ?? ''))) { edit.drop(s); continue; }
      if (/^\d{4,}$/.test(s.text) && ID_BEFORE.test(text.slice(Math.max(0, s.start - 24), s.start))) { edit.drop(s); continue; }
    } else if (!shouting && s.end - s.start <= 5 && isName(s) && /^[A-Z]{2,5}$/.test(s.text) && s.type !== 'ORG' && s.type !== 'PLACE' && CLOCK_BEFORE.test(text.slice(Math.max(0, s.start - 16), s.start))) {
      edit.drop(s); // "11:15 WAT": a time zone
    } else if (isName(s) && s.text === 'ID' && /^\s*:?\s*\d/.test(text.slice(s.end, s.end + 4))) {
      edit.drop(s);
    }
  }
  for (const m of text.includes('+') || PHONE_HINT.test(text) ? text.matchAll(PHONE) : []) {
    // in a contact block only: a number opening its line or after a label ("Tel:", "T:", "Dial-in:"); in a
    // sentence ("my phone number is +1-222-2222") its digits stay figures, as Recognizers-Text reads them
    const prefix = text.slice(Math.max(0, m.index - 40, text.lastIndexOf('\n', m.index) + 1), m.index);
    if (prefix.trim() !== '' && !PHONE_LABEL_BEFORE.test(prefix)) continue;
    for (const s of edit.overlapping(m.index, m.index + m[0].length)) {
      if (s.type === 'QUANTITY' || s.type === 'MONEY' || s.type === 'PERCENT') edit.drop(s);
    }
  }
  // a contact label stands before a colon: look only there
  for (let colon = text.indexOf(':'), seen = 0; colon >= 0 && seen < 10000; colon = text.indexOf(':', colon + 1), seen++) {
    let end = colon;
    while (end > 0 && (text.charCodeAt(end - 1) === 32 || text.charCodeAt(end - 1) === 9)) end--;
    let start = end;
    while (start > 0 && end - start < 9 && /[A-Za-z.-]/.test(text[start - 1])) start--;
    if (start === end || !CONTACT_LABELS.has(text.slice(start, end)) || /[\p{L}\p{N}]/u.test(text[start - 1] ?? '')) continue;
    const s = edit.overlapping(start, end).find((o) => isName(o) && o.start === start && o.end === end);
    if (s) edit.drop(s);
  }
  for (const m of text.includes('GMT') || text.includes('UTC') ? text.matchAll(ZONE_OFFSET) : []) {
    const start = m.index, end = start + m[0].length;
    const over = edit.overlapping(start, end);
    const date = over.find((s) => s.type === 'DATE' && s.start < start && s.end > start && s.end < end);
    for (const s of over) if (s.type === 'QUANTITY') edit.drop(s);
    if (date) {
      edit.drop(date);
      edit.span({ ...date, end, text: text.slice(date.start, end) });
    }
  }
  for (const s of edit.spans) {
    if (s.type !== 'DATE') continue;
    // a date line: the date within 60 characters of its line's start, a clock time before it
    const from = Math.max(0, s.start - 60);
    const window = text.slice(from, s.start);
    const nl = window.lastIndexOf('\n');
    if ((nl < 0 && from > 0) || !CLOCK_HINT.test(window)) continue;
    const lineStart = from + nl + 1;
    const clock = CLOCK_LEAD.exec(text.slice(lineStart, s.start));
    if (!clock) continue;
    const start = lineStart + clock.index + clock[0].indexOf(clock[1]);
    if (edit.overlapping(start, s.start).length) continue;
    edit.drop(s);
    edit.span({ ...s, start, text: text.slice(start, s.end) });
  }
  for (const m of text.includes('Form ') ? text.matchAll(FORM) : []) {
    const start = m.index, end = start + m[0].length;
    const over = edit.overlapping(start, end);
    if (over.every((s) => s.type === 'QUANTITY' || (isName(s) && s.start >= start && s.end <= end))) edit.name(start, end, 'MISC');
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Menus and consent banners: section names on a navigation line ("Menu  World  Business  Opinion", "World | Africa")
// and the names of a site's policies ("Cookie Policy", "Privacy Notice") are not names

const SECTION_WORDS = new Set(('World News Business Opinion Sport Sports Culture Climate Politics Science Tech Technology Lifestyle Travel ' +
  'Video Videos Home Markets Health Money Arts Books Music Film Style Food Environment Education Weather Podcasts Newsletters Events ' +
  'Live Latest Features Analysis Investigations Obituaries Games Puzzles Crosswords Shopping Deals Wellness Life Society Economy ' +
  'Entertainment Fashion Media Photos Magazine Local National International Regional Energy Menu Search').split(' '));
const POLICY = /^(?:(?:Cookie|Cookies|Privacy|Data Protection|Consent|Accessibility)(?: (?:Policy|Notice|Statement|Settings|Preferences|Centre|Center))?|Terms(?: of| and| &) (?:Service|Use|Conditions)|Policy)$/u;

/**
 * A person or a place written in capitals on a page in mixed case (a byline's "IN LISBON", a caption's "EUROPE") is
 * canonically the name as the page writes it elsewhere, else in title case.
 */
function capitalsCanonical(edit: Edit): void {
  for (const s of edit.spans) {
    if ((s.type !== 'PERSON' && s.type !== 'PLACE') || s.text.length < 3 || s.canonical !== s.text || !allCapitals(s.text)) continue;
    edit.canonical(s, edit.mixedCase(s.text));
  }
}

/** A form of address in a briefing or a debate: "Madam Spokesperson", "Mr President", "Madam Chair". */
const ADDRESS_FORM = /^(?:Madam|Madame|Mister|Mr\.?|Mrs\.?|Ms\.?)\s+(?:Spokesperson|Spokeswoman|Spokesman|President|Chair|Chairman|Chairwoman|Speaker|Secretary|Minister|Prime Minister|Ambassador|Mayor|Governor|Deputy Minister|Vice President|Commissioner|Director)$/u;

const POLICY_WORDS = ['Cookie', 'Privacy', 'Terms', 'Policy', 'Consent', 'Accessibility', 'Data Protection', 'Madam', 'Mister'];

function menuWords(edit: Edit, lines: Line[]): void {
  for (const line of lines) {
    if (line.text.length > 200 || '.!?,;'.includes(lastNonSpace(line.text) || '|')) continue;
    const parts = line.text.trim().split(/\s{2,}|\s*[|›»>·•]\s*/).filter(Boolean);
    if (parts.length < 2 || /[.!?,;]$/.test(line.text.trim())) continue;
    const sections = parts.filter((p) => SECTION_WORDS.has(p)).length;
    if (sections === 0 || parts.some((p) => p.split(/\s+/).length > 3)) continue;
    for (const s of edit.overlapping(line.start, line.end)) if (isName(s) && SECTION_WORDS.has(s.text)) edit.drop(s);
  }
  if (!hasAny(edit.text, POLICY_WORDS)) return;
  for (const s of edit.spans) {
    if (s.type === 'PERSON' && ADDRESS_FORM.test(s.text)) { edit.drop(s); continue; }
    if (isName(s) && (POLICY.test(s.text) || POLICY.test(s.canonical ?? '')) && /^(?:Cookie|Cookies|Privacy|Data|Consent|Accessibility|Terms|Policy)/.test(s.text)) {
      edit.drop(s);
    }
  }
}
