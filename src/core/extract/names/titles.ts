/**
 * Titles and roles that precede names but are not part of them ("War Secretary Pete Hegseth" → "Pete Hegseth").
 * General English honorifics, offices and ranks; matched case-sensitively on capitalised words.
 */
export const TITLE_WORDS = new Set([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Prof', 'Prof.', 'Sir', 'Dame', 'Lord', 'Lady', 'Baroness', 'Baron',
  'Sen', 'Sen.', 'Rep', 'Rep.', 'Gov', 'Gov.', 'Gen', 'Gen.', 'Col', 'Col.', 'Lt', 'Lt.', 'Capt', 'Capt.', 'Sgt', 'Sgt.',
  'Maj', 'Maj.', 'Adm', 'Adm.', 'Rev', 'Rev.', 'Hon', 'Hon.', 'Pres', 'Pres.',
  'President', 'Vice', 'Prime', 'Minister', 'Secretary', 'Secretary-General', 'Chancellor', 'King', 'Queen', 'Prince',
  'Princess', 'Pope', 'Senator', 'Congressman', 'Congresswoman', 'Representative', 'Governor', 'Mayor', 'Judge',
  'Justice', 'General', 'Admiral', 'Colonel', 'Captain', 'Lieutenant', 'Sergeant', 'Commander', 'Ambassador',
  'Chairman', 'Chairwoman', 'Chair', 'Director', 'Deputy', 'Assistant', 'Under', 'Undersecretary', 'Chief', 'Officer',
  'Spokesman', 'Spokeswoman', 'Spokesperson', 'Envoy', 'Professor', 'Doctor', 'Sheikh', 'Emir', 'Sultan', 'Speaker',
  'Leader', 'Premier', 'Foreign', 'Defense', 'Defence', 'War', 'State', 'Treasury', 'Finance', 'Interior', 'Justice',
  'Attorney', 'Policy', 'Executive', 'Former', 'Acting', 'Interim', 'Senior', 'Top', 'Head', 'Commissioner',
  'Marshal', 'Field', 'Brigadier', 'Major', 'Private', 'Corporal', 'Saint', 'Mrs', 'Miss',
  'Cllr', 'Cllr.', 'Councillor', 'Councilor', 'Alderman', 'Bishop', 'Archbishop', 'Cardinal', 'Rabbi', 'Imam',
  'Det', 'Det.', 'Detective', 'Inspector', 'Insp', 'Insp.', 'Supt', 'Supt.', 'Superintendent', 'Constable',
]);

/**
 * Letters written after a person's name that are no part of it: ranks of the bar, seats in a
 * parliament, honours and degrees ("Caroline Mercer KC", "Jane Doe MP", "John Smith OBE").
 */
export const POST_NOMINALS = new Set([
  'KC', 'QC', 'SC', 'MP', 'MEP', 'MSP', 'MLA', 'MS', 'OBE', 'CBE', 'MBE', 'KBE', 'DBE', 'GBE', 'PhD', 'FRS', 'JP',
]);

/** Words that end a role phrase and never start a name ("Secretary of State Marco Rubio"). */
export const TITLE_LINKERS = new Set(['of', 'for', 'the', 'and']);

/**
 * Role nouns that, placed before two or more capitalised words, mark the rest as a person's name even
 * when a detector typed the whole phrase as an organization ("War Secretary Pete Hegseth").
 */
export const ROLE_NOUNS = new Set([
  'Mr', 'Mr.', 'Mrs', 'Mrs.', 'Ms', 'Ms.', 'Dr', 'Dr.', 'Sen.', 'Rep.', 'Gov.', 'Gen.', 'Secretary', 'Secretary-General',
  'President', 'Minister', 'Chancellor', 'Senator', 'Governor', 'Mayor', 'General', 'Admiral', 'Ambassador', 'Chairman',
  'Chairwoman', 'Director', 'Chief', 'Commander', 'Spokesman', 'Spokeswoman', 'Judge', 'King', 'Queen', 'Prince',
  'Princess', 'Pope', 'Premier', 'Envoy', 'Professor', 'Congressman', 'Congresswoman', 'Representative',
]);
