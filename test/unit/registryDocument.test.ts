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
});
