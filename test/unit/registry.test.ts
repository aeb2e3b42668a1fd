import { strict as assert } from 'node:assert';
import { parse } from 'yaml';
import { RegistryDocument, RegistryEditError } from '../../src/core/registry/registryDocument';
import { CorpusIndex } from '../../src/core/index/corpusIndex';
import { lexiconExtractor } from './indexFixtures';

const REGISTRY = `# Curated by the desk — keep this comment
entities:
  # the War Secretary
  - canonical: Pete Hegseth
    type: PERSON
    aliases: [Hegseth] # short form used in wires
    description: US Secretary of War
  - canonical: NATO
    type: ORG
  - canonical: North Atlantic Treaty Organization
    type: ORG
    links:
      - https://www.nato.int
ignore:
  - Thursday Night # a TV slot, not a date
`;

describe('entity registry: reading', () => {
  it('converts to the EntityRegistry the extractor takes', () => {
    const doc = RegistryDocument.parse(REGISTRY);
    assert.deepEqual(doc.problems, []);
    assert.deepEqual(doc.toEntityRegistry(), {
      entities: [
        { canonical: 'Pete Hegseth', type: 'PERSON', aliases: ['Hegseth'], description: 'US Secretary of War' },
        { canonical: 'NATO', type: 'ORG' },
        { canonical: 'North Atlantic Treaty Organization', type: 'ORG', links: ['https://www.nato.int'] },
      ],
      ignore: ['Thursday Night'],
    });
  });

  it('reports YAML errors with line and column and refuses to edit', () => {
    const doc = RegistryDocument.parse('entities:\n  - canonical: "unterminated\n    type: PERSON\n');
    assert.ok(doc.hasErrors);
    assert.ok(doc.problems[0].line >= 1 && doc.problems[0].col >= 1);
    assert.throws(() => doc.ignore('x'), RegistryEditError);
    assert.deepEqual(doc.toEntityRegistry(), { entities: [], ignore: [] });
  });

  it('skips invalid entries with a located warning and keeps the valid ones', () => {
    const doc = RegistryDocument.parse('entities:\n  - canonical: Ok Person\n    type: PERSON\n  - canonical: Bad\n    type: ANIMAL\n  - type: ORG\n');
    assert.equal(doc.toEntityRegistry().entities.length, 1);
    assert.deepEqual(doc.problems.map((p) => [p.line, p.severity]), [[5, 'warning'], [6, 'warning']]);
    assert.match(doc.problems[0].message, /type/);
  });
});

describe('entity registry: edits keep comments', () => {
  it('adds aliases, descriptions and links without losing comments', () => {
    const doc = RegistryDocument.parse(REGISTRY);
    assert.equal(doc.addAlias({ canonical: 'Pete Hegseth' }, 'Secretary Hegseth'), true);
    assert.equal(doc.addAlias({ canonical: 'Pete Hegseth' }, 'Hegseth'), false);
    doc.setDescription({ canonical: 'NATO' }, 'The Atlantic alliance');
    doc.addLink({ canonical: 'NATO', type: 'ORG' }, 'https://www.nato.int/');
    const text = doc.toString();
    for (const comment of ['# Curated by the desk — keep this comment', '# the War Secretary', '# short form used in wires', '# a TV slot, not a date']) {
      assert.ok(text.includes(comment), `lost "${comment}"`);
    }
    const reparsed = RegistryDocument.parse(text).toEntityRegistry();
    assert.deepEqual(reparsed.entities[0].aliases, ['Hegseth', 'Secretary Hegseth']);
    assert.equal(reparsed.entities[1].description, 'The Atlantic alliance');
    assert.deepEqual(reparsed.entities[1].links, ['https://www.nato.int/']);
  });

  it('merges two entities and splits them apart again', () => {
    const doc = RegistryDocument.parse(REGISTRY);
    doc.merge({ canonical: 'North Atlantic Treaty Organization' }, { canonical: 'NATO' });
    let registry = RegistryDocument.parse(doc.toString()).toEntityRegistry();
    assert.equal(registry.entities.length, 2);
    assert.deepEqual(registry.entities[1].aliases, ['NATO']);
    doc.split({ canonical: 'North Atlantic Treaty Organization' }, ['NATO'], { canonical: 'NATO' });
    registry = RegistryDocument.parse(doc.toString()).toEntityRegistry();
    assert.deepEqual(registry.entities.map((e) => [e.canonical, e.type, e.aliases ?? []]), [
      ['Pete Hegseth', 'PERSON', ['Hegseth']],
      ['North Atlantic Treaty Organization', 'ORG', []],
      ['NATO', 'ORG', []],
    ]);
    assert.ok(doc.toString().includes('# a TV slot, not a date'));
  });

  it('ignores a surface, marks it back as an entity, and changes types', () => {
    const doc = RegistryDocument.parse(REGISTRY);
    assert.equal(doc.ignore('Brussels'), true);
    assert.equal(doc.ignore('Brussels'), false);
    assert.deepEqual(RegistryDocument.parse(doc.toString()).toEntityRegistry().ignore, ['Thursday Night', 'Brussels']);
    doc.markEntity('Brussels', 'PLACE');
    doc.changeType({ canonical: 'NATO' }, 'MISC');
    const registry = RegistryDocument.parse(doc.toString()).toEntityRegistry();
    assert.deepEqual(registry.ignore, ['Thursday Night']);
    assert.deepEqual(registry.entities.find((e) => e.canonical === 'Brussels'), { canonical: 'Brussels', type: 'PLACE' });
    assert.equal(registry.entities.find((e) => e.canonical === 'NATO')!.type, 'MISC');
  });

  it('creates the lists in an empty file and throws for an unknown entity', () => {
    const doc = RegistryDocument.parse('');
    doc.markEntity('Elbridge Colby', 'PERSON');
    doc.ignore('Reuters');
    assert.deepEqual(parse(doc.toString()), { entities: [{ canonical: 'Elbridge Colby', type: 'PERSON' }], ignore: ['Reuters'] });
    assert.throws(() => doc.addAlias({ canonical: 'Nobody' }, 'x'), /No entity "Nobody"/);
  });
});

describe('entity registry: overrides the index', () => {
  it('re-links, re-types and ignores mentions without extracting again', () => {
    const extract = lexiconExtractor([
      { text: 'Colby', type: 'PERSON' }, { text: 'Pentagon policy chief', type: 'ORG' }, { text: 'Brussels', type: 'PLACE' },
      { text: 'Elbridge', type: 'PERSON' },
    ]);
    const index = new CorpusIndex({ extract });
    index.update('a', 'Talks\n\nColby arrived in Brussels.');
    index.update('b', 'More talks\n\nElbridge met the Pentagon policy chief in Brussels.');
    const doc = RegistryDocument.parse('');
    doc.markEntity('Elbridge Colby', 'PERSON');
    doc.addAlias({ canonical: 'Elbridge Colby' }, 'Colby');
    doc.addAlias({ canonical: 'Elbridge Colby' }, 'Elbridge');
    doc.ignore('Pentagon policy chief');
    index.setRegistry(doc.toEntityRegistry());
    assert.equal(extract.calls, 2);
    const info = index.entityInfo('PERSON:elbridge colby')!;
    assert.equal(info.canonical, 'Elbridge Colby');
    assert.equal(info.curated, true);
    assert.equal(info.articleCount, 2);
    assert.equal(index.spanAt('b', 'More talks\n\nElbridge met the '.length), undefined);
    assert.ok(!index.spansOf('b').some((s) => s.text === 'Pentagon policy chief'));
    doc.changeType({ canonical: 'Elbridge Colby' }, 'ORG');
    index.setRegistry(doc.toEntityRegistry());
    assert.equal(index.spanAt('a', 'Talks\n\n'.length)!.span.type, 'ORG');
    assert.equal(index.spanAt('a', 'Talks\n\n'.length)!.key, 'ORG:elbridge colby');
  });
});
