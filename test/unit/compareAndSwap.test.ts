/**
 * Lost updates: another writer (git, a sync tool, a second window) replaces a sidecar or the registry
 * between our read and our rename. A hook in the write path injects that write at exactly that moment,
 * on real files, through the same update functions the editor and the CLI use.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createTarget } from '../../src/core/anchor/createTarget';
import { RegistryDocument } from '../../src/core/registry/registryDocument';
import { RegistryBrokenError, updateRegistry } from '../../src/core/registry/updateRegistry';
import type { Annotation } from '../../src/core/sidecar/model';
import { SidecarDocument } from '../../src/core/sidecar/sidecarDocument';
import { InvalidSidecarWriteError, SidecarOnDiskError, updateSidecar } from '../../src/core/sidecar/updateSidecar';
import { FileChangedError } from '../../src/core/util/compareAndSwap';
import { atomicWrite } from '../../src/node/atomicWrite';
import { FileSidecarStore, fileTextPort } from '../../src/node/fileSidecarStore';

const ARTICLE = 'BRUSSELS, Feb 12 - Pentagon officials said on Thursday that the talks would resume, "without conditions".';

function annotation(id: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  const start = ARTICLE.indexOf(quote);
  return { id, tags: [], note: '', created: '2026-02-12T10:00:00Z', modified: '2026-02-12T10:00:00Z',
    target: createTarget(ARTICLE, start, start + quote.length), ...fields };
}

const HAND_WRITTEN = `# Kept by hand. Comments survive.
version: 1
article:
  source: Reuters
annotations:
  - id: a1
    tags: [claim]
    note: First reading.
    reviewed-by: desk   # a key this build does not know
    created: 2026-02-12T10:00:00Z
    modified: 2026-02-12T10:00:00Z
    target:
      exact: "Pentagon officials said"
      prefix: "BRUSSELS, Feb 12 - "
      suffix: " on Thursday that the talks woul"
      start: 19
      end: 42
      textHash: ""
`;

/** The other writer: edits the file as a person or tool would, through its own read and write. */
function externalEdit(file: string, edit: (doc: SidecarDocument) => void): void {
  const doc = SidecarDocument.parse(readFileSync(file, 'utf8'));
  edit(doc);
  writeFileSync(file, doc.toString());
}

describe('compare-and-swap writes: sidecars', () => {
  let root: string;
  let file: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'sidecar-cas-'));
    file = path.join(root, 'talks.txt.annotations.yaml');
    writeFileSync(file, HAND_WRITTEN);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('without the check, a write between read and rename is lost (the hook really lands in the window)', async () => {
    const before = SidecarDocument.parse(readFileSync(file, 'utf8'));
    before.addAnnotation(annotation('ours', 'the talks'));
    await atomicWrite(file, before.toString(), {
      beforeCommit: () => externalEdit(file, (doc) => doc.addAnnotation(annotation('theirs', 'BRUSSELS'))),
    });
    const after = SidecarDocument.parse(readFileSync(file, 'utf8')).sidecar.annotations.map((a) => a.id);
    assert.deepEqual(after, ['a1', 'ours']);
  });

  it('an external write between read and rename is merged by id and nothing is lost', async () => {
    let injected = 0;
    const store = new FileSidecarStore({
      beforeCommit: () => {
        if (injected++ > 0) return;
        externalEdit(file, (doc) => {
          doc.addAnnotation(annotation('theirs', 'BRUSSELS', { note: 'Dateline.' }));
          doc.updateAnnotation('a1', { note: 'Second reading, by the desk.' });
        });
      },
    });
    const outcome = await store.update(file, (doc) => {
      doc.addAnnotation(annotation('ours', 'the talks', { tags: ['verify'] }));
      doc.setMetadata({ reliability: 'B' });
    });
    assert.equal(outcome.attempts, 2);
    assert.equal(injected, 2);
    assert.ok(outcome.written);
    const text = readFileSync(file, 'utf8');
    assert.equal(text, outcome.text);
    const sidecar = SidecarDocument.parse(text).sidecar;
    assert.deepEqual(sidecar.annotations.map((a) => a.id), ['a1', 'theirs', 'ours']);
    assert.equal(sidecar.annotations[0].note, 'Second reading, by the desk.');
    assert.deepEqual(sidecar.annotations[2].tags, ['verify']);
    assert.deepEqual(sidecar.article, { source: 'Reuters', reliability: 'B' });
    assert.match(text, /^# Kept by hand\. Comments survive\.\n/);
    assert.match(text, /reviewed-by: desk {3}# a key this build does not know/);
    assert.deepEqual(readdirSync(root).filter((name) => name.endsWith('.tmp')), []);
  });

  it('serializes edits to one file: concurrent updates all land, none needing a retry', async () => {
    const store = new FileSidecarStore();
    const quotes = ['BRUSSELS', 'Pentagon', 'officials', 'Thursday', 'the talks', 'resume'];
    const outcomes = await Promise.all(quotes.map((quote, i) =>
      store.update(file, (doc) => doc.addAnnotation(annotation(`c${i}`, quote)))));
    assert.deepEqual(outcomes.map((o) => o.attempts), quotes.map(() => 1));
    const ids = SidecarDocument.parse(readFileSync(file, 'utf8')).sidecar.annotations.map((a) => a.id);
    assert.deepEqual(ids, ['a1', 'c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('keeps our version and its unknown keys when the other side deleted what we changed', async () => {
    // We read HAND_WRITTEN and changed a1's note; meanwhile the file lost a1 and gained another one.
    externalEdit(file, (doc) => {
      doc.removeAnnotation('a1');
      doc.addAnnotation(annotation('theirs', 'BRUSSELS'));
    });
    const outcome = await updateSidecar(fileTextPort(file), (doc) => doc.updateAnnotation('a1', { note: 'Checked.' }),
      { base: { text: HAND_WRITTEN } });
    assert.deepEqual(outcome.conflicts.map((c) => c.kind), ['modified-deleted']);
    const text = readFileSync(file, 'utf8');
    const sidecar = SidecarDocument.parse(text).sidecar;
    assert.deepEqual(sidecar.annotations.map((a) => [a.id, a.note]), [['theirs', ''], ['a1', 'Checked.']]);
    assert.match(text, /reviewed-by: desk/);
  });

  it('never replaces a file with errors, and never writes a sidecar that fails validation', async () => {
    const broken = HAND_WRITTEN.replace('start: 19', 'start: nineteen');
    writeFileSync(file, broken);
    const store = new FileSidecarStore();
    await assert.rejects(store.update(file, (doc) => doc.setMetadata({ reliability: 'A' })),
      (error: unknown) => error instanceof SidecarOnDiskError && /line 16, column 14/.test(error.message));
    assert.equal(readFileSync(file, 'utf8'), broken);

    writeFileSync(file, HAND_WRITTEN);
    await assert.rejects(store.update(file, (doc) => doc.updateAnnotation('a1', { created: 'yesterday' })),
      (error: unknown) => error instanceof InvalidSidecarWriteError && /created/.test(error.message));
    assert.equal(readFileSync(file, 'utf8'), HAND_WRITTEN);
  });

  it('takes a read error as an error, never as an empty sidecar', async () => {
    const directory = path.join(root, 'dir.txt.annotations.yaml');
    mkdirSync(directory);
    await assert.rejects(new FileSidecarStore().update(directory, (doc) => doc.addAnnotation(annotation('x', 'BRUSSELS'))), /EISDIR/);
    assert.deepEqual(readdirSync(directory), []);
  });

  it('gives up with FileChangedError when the file changes on every attempt, leaving the last external write', async () => {
    let n = 0;
    const port = fileTextPort(file, { beforeCommit: () => writeFileSync(file, HAND_WRITTEN.replace('First reading.', `Reading ${++n}.`)) });
    await assert.rejects(updateSidecar(port, (doc) => doc.setMetadata({ credibility: 2 }), { maxAttempts: 3 }), FileChangedError);
    assert.equal(n, 3);
    assert.match(readFileSync(file, 'utf8'), /note: Reading 3\./);
  });
});

describe('compare-and-swap writes: the entity registry', () => {
  let root: string;
  let file: string;
  const REGISTRY = `# Curated by the desk.
entities:
  - canonical: Pete Hegseth
    type: PERSON
    aliases: [Hegseth]
ignore: []
`;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'registry-cas-'));
    file = path.join(root, 'entities.yaml');
    writeFileSync(file, REGISTRY);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('an external write between read and rename is kept, and our edit applied on top of it', async () => {
    let injected = 0;
    const port = fileTextPort(file, {
      beforeCommit: () => {
        if (injected++ > 0) return;
        const doc = RegistryDocument.parse(readFileSync(file, 'utf8'));
        doc.markEntity('Mark Rutte', 'PERSON');
        doc.addAlias({ canonical: 'Pete Hegseth', type: 'PERSON' }, 'War Secretary Hegseth');
        writeFileSync(file, doc.toString());
      },
    });
    const outcome = await updateRegistry(port, (doc) => {
      doc.markEntity('Elbridge Colby', 'PERSON');
      doc.ignore('Play all audios');
    });
    assert.equal(outcome.attempts, 2);
    const text = readFileSync(file, 'utf8');
    assert.equal(text, outcome.text);
    const registry = RegistryDocument.parse(text).toEntityRegistry();
    assert.deepEqual(registry.entities.map((e) => e.canonical).sort(), ['Elbridge Colby', 'Mark Rutte', 'Pete Hegseth']);
    assert.deepEqual(registry.entities.find((e) => e.canonical === 'Pete Hegseth')?.aliases, ['Hegseth', 'War Secretary Hegseth']);
    assert.deepEqual(registry.ignore, ['Play all audios']);
    assert.match(text, /^# Curated by the desk\.\n/);
  });

  it('a read error is an error, never "no registry yet", and a broken registry is never replaced', async () => {
    const directory = path.join(root, 'as-dir.yaml');
    mkdirSync(directory);
    await assert.rejects(updateRegistry(fileTextPort(directory), (doc) => doc.markEntity('Mark Rutte', 'PERSON')), /EISDIR/);
    const broken = REGISTRY.replace('aliases: [Hegseth]', 'aliases: [Hegseth');
    writeFileSync(file, broken);
    await assert.rejects(updateRegistry(fileTextPort(file), (doc) => doc.markEntity('Mark Rutte', 'PERSON')), RegistryBrokenError);
    assert.equal(readFileSync(file, 'utf8'), broken);
  });

  it('a missing registry starts empty', async () => {
    const fresh = path.join(root, 'new.yaml');
    const outcome = await updateRegistry(fileTextPort(fresh), (doc) => doc.markEntity('Mark Rutte', 'PERSON'));
    assert.ok(outcome.written);
    assert.deepEqual(RegistryDocument.parse(readFileSync(fresh, 'utf8')).toEntityRegistry().entities.map((e) => e.canonical), ['Mark Rutte']);
  });
});
