import { Edit, type Line, allCapitals, hasAny, isName } from './edit';
import { lastNonSpace } from './photoCredits';

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
export function capitalsCanonical(edit: Edit): void {
  for (const s of edit.spans) {
    if ((s.type !== 'PERSON' && s.type !== 'PLACE') || s.text.length < 3 || s.canonical !== s.text || !allCapitals(s.text)) continue;
    edit.canonical(s, edit.mixedCase(s.text));
  }
}

/** A form of address in a briefing or a debate: "Madam Spokesperson", "Mr President", "Madam Chair". */
const ADDRESS_FORM = /^(?:Madam|Madame|Mister|Mr\.?|Mrs\.?|Ms\.?)\s+(?:Spokesperson|Spokeswoman|Spokesman|President|Chair|Chairman|Chairwoman|Speaker|Secretary|Minister|Prime Minister|Ambassador|Mayor|Governor|Deputy Minister|Vice President|Commissioner|Director)$/u;

const POLICY_WORDS = ['Cookie', 'Privacy', 'Terms', 'Policy', 'Consent', 'Accessibility', 'Data Protection', 'Madam', 'Mister'];

export function menuWords(edit: Edit, lines: Line[]): void {
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
