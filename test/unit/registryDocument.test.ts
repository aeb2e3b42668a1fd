import { strict as assert } from 'node:assert';
import { RegistryDocument } from '../../src/core/registry/registryDocument';

describe('registry document: in-memory edits', () => {
  it('reads back what an edit wrote without a round trip through text, as a block list', () => {
    const doc = RegistryDocument.empty();
    doc.markEntity('Pete Hegseth', 'PERSON');
    doc.setDescription({ canonical: 'Pete Hegseth', type: 'PERSON' }, 'US Secretary of War');
    doc.changeType({ canonical: 'Pete Hegseth' }, 'PERSON');
    assert.deepEqual(doc.toEntityRegistry().entities, [{ canonical: 'Pete Hegseth', type: 'PERSON', description: 'US Secretary of War' }]);
    assert.match(doc.toString(), /^entities:\n {2}- canonical: Pete Hegseth$/m);
  });

  it('keeps a hand-written double-quoted description through an edit, a line of spaces included', () => {
    const description = 'Secretary of War since 2025, formerly\n \nFox News host and Army National Guard officer';
    const doc = RegistryDocument.parse(`entities:\n  - canonical: Pete Hegseth\n    type: PERSON\n    description: ${JSON.stringify(description)}\nignore: []\n`);
    assert.deepEqual(doc.problems, []);
    doc.addAlias({ canonical: 'Pete Hegseth' }, 'Hegseth');
    const reread = RegistryDocument.parse(doc.toString()).toEntityRegistry().entities[0];
    assert.equal(reread.description, description);
    assert.deepEqual(reread.aliases, ['Hegseth']);
  });
});
