/**
 * Canonical names for common abbreviations and short forms of places (general knowledge).
 * Keys are compared after removing periods and spaces ("U.S." → "US").
 */
const PLACE_ALIASES: Record<string, string> = {
  US: 'United States', USA: 'United States', America: 'United States', 'United States of America': 'United States',
  UK: 'United Kingdom', Britain: 'United Kingdom', 'Great Britain': 'United Kingdom',
  UAE: 'United Arab Emirates', USSR: 'Soviet Union', DPRK: 'North Korea', PRC: 'China', ROK: 'South Korea',
  DC: 'Washington, D.C.',
};

export function canonicalPlace(surface: string): string | undefined {
  // the keys are short: a longer name is looked up as written only ("United States of America")
  if (surface.length > 24) return PLACE_ALIASES[surface];
  const key = surface.includes('.') || surface.includes(' ') ? surface.replace(/[.\s]/g, '') : surface;
  return PLACE_ALIASES[key] ?? PLACE_ALIASES[surface];
}
