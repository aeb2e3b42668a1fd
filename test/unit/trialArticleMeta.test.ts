import { strict as assert } from 'node:assert';
import { articleMetadata } from '../../src/core/text/articleMeta';

/** Article metadata on pages in the shapes users save; every page here is written for this test. */
describe('article metadata on real-page shapes', () => {
  it("leaves the writer's role and where they wrote from out of the byline", () => {
    assert.equal(articleMetadata('Council tax to rise again\n\nBy Priya Nair, Local Government Correspondent\n\nBills will rise.\n').byline, 'Priya Nair');
    assert.equal(articleMetadata('Shares slide\nBy Tom Hale, Senior Markets Reporter\n').byline, 'Tom Hale');
    assert.equal(articleMetadata('Leeds 1-0 Hull\nBy Ada Quist at Elland Road\n').byline, 'Ada Quist');
    assert.equal(articleMetadata('Leeds 1-0 Hull\nBy Ada Quist in Leeds\n').byline, 'Ada Quist');
    // two writers stay two; a comma between names is not a role
    assert.equal(articleMetadata('Budget deal struck\nBy Ana Ruiz, Ben Cole and Dee Ito\n').byline, 'Ana Ruiz, Ben Cole and Dee Ito');
    assert.equal(articleMetadata('Budget deal struck\nBy Ana Ruiz and Ben Cole, Political Editors\n').byline, 'Ana Ruiz and Ben Cole');
  });

  it('reads the agency from a dateline that gives the country and the date, or a newswire between slashes', () => {
    assert.equal(articleMetadata('Ferries halted by storm\n\nBERGEN, Norway, Jan. 9, 2026 (AFP) - Ferries stayed in port.\n').outlet, 'AFP');
    assert.equal(articleMetadata('Ferries halted by storm\n\nBERGEN, Norway, 9 January 2026 (Reuters) - Ferries stayed in port.\n').outlet, 'Reuters');
    assert.equal(articleMetadata('Acme opens plant\n\nDAYTON, Ohio, May 4, 2025 /PRNewswire/ -- Acme Tools today opened a plant.\n').outlet, 'PRNewswire');
  });

  it("takes the outlet from a copyright line at the end of the page when the top names none", () => {
    const page = 'Skip to main content\nRiver levels fall\nUpdated 2 hours ago\n\nThe river fell overnight, the agency said.\n\nMost read\n' +
      '© 2026 The Valley Gazette. All rights reserved. Terms | Privacy\n';
    assert.deepEqual(articleMetadata(page), { title: 'River levels fall', outlet: 'The Valley Gazette' });
    assert.equal(articleMetadata('Rates held\n\nThe bank held rates.\nCopyright 2025 Harbour News Ltd\n').outlet, 'Harbour News Ltd');
    // the outlet the top of the page names wins
    const body = 'The bank held rates, as most economists had expected it to do this month.\n'.repeat(16);
    assert.equal(articleMetadata(`Bank of England holds rates | The Courier\n\n${body}© 2025 Other Media\n`).outlet, 'The Courier');
    // a bare year or "all rights reserved" is no outlet
    assert.equal(articleMetadata('Rates held\n\nThe bank held rates.\n© 2025. All rights reserved.\n').outlet, undefined);
  });
});
