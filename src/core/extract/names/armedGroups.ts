/**
 * Armed and militant groups that news names often, by the names and spellings news uses. Source: the U.S.
 * Department of State's list of Foreign Terrorist Organizations (state.gov/foreign-terrorist-organizations) and the
 * UN Security Council's Consolidated List (un.org/securitycouncil/content/un-sc-consolidated-list); listing here
 * says only that each is an organization. A detector reads these as nationality words ("Taliban"), persons
 * ("Ansar Allah") or places ("al-Shabaab").
 */
const ARMED_GROUPS = new Set([
  'hamas', 'hezbollah', 'hizbollah', 'hizballah', 'taliban', 'taleban', 'al-qaeda', 'al-qaida', 'al qaeda', 'al qaida',
  'al-shabaab', 'al-shabab', 'al shabaab', 'boko haram', 'islamic state', 'isis', 'isil', 'ansar allah',
  'islamic jihad', 'palestinian islamic jihad', 'hayat tahrir al-sham', 'lashkar-e-taiba', 'jaish-e-mohammed',
  'tehrik-i-taliban pakistan', 'kataib hezbollah', 'abu sayyaf', 'jemaah islamiyah', 'pkk', 'farc', 'eln', 'jnim',
  'al-nusra front', 'nusra front', 'lord’s resistance army', "lord's resistance army", 'm23', 'wagner group',
]);

/** Whether a name is one of the armed groups listed above, in any case. */
export function isArmedGroup(name: string): boolean {
  return ARMED_GROUPS.has(name.toLowerCase());
}
