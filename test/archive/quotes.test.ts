import { strict as assert } from 'node:assert';
import { appendFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, count, freshDatabase, ingestJson, sampleFolder, withClient } from './helpers';

interface QuoteLine {
  file: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
  speakerType: string | null;
  cueStart: number | null;
  cueEnd: number | null;
}

const KEYS = ['file', 'start', 'end', 'text', 'speaker', 'speakerType', 'cueStart', 'cueEnd'];

function parseLines(stdout: string): QuoteLine[] {
  return stdout.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as QuoteLine);
}

const byPlace = (a: QuoteLine, b: QuoteLine): number => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.start - b.start);

/** Every row of sa_quotes, without ids, in a stable order. */
async function quoteRows(url: string): Promise<string[]> {
  return withClient(url, async (c) => (await c.query<{ line: string }>(
    `SELECT concat_ws(' ', a.path, q.start_offset, q.end_offset, e.key, q.speaker, q.speaker_type, q.cue_start, q.cue_end, md5(q.text)) AS line
     FROM sa_quotes q JOIN sa_articles a ON a.id = q.article_id LEFT JOIN sa_entities e ON e.id = q.speaker_entity_id
     ORDER BY a.path, q.start_offset`)).rows.map((r) => r.line));
}

describe('archive quotations (PostgreSQL)', function () {
  this.timeout(300000);

  it('mirrors every quotation with the speaker the quotes command gives it, and answers by speaker as it does', async () => {
    const url = await freshDatabase('quotes');
    const dir = sampleFolder();
    const { result } = await ingestJson(url, dir);
    assert.equal(result.code, 0, result.stderr);
    const listed = await cli('quotes', '--json', dir);
    assert.equal(listed.code, 0, listed.stderr);
    const expected = parseLines(listed.stdout);
    assert.ok(expected.length >= 10, `${expected.length} quotations in the samples`);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_quotes'), expected.length, 'one row per quotation');
    assert.equal(await count(url, 'SELECT count(*) FROM sa_quotes WHERE speaker_entity_id IS NULL'), expected.filter((q) => q.speaker === null).length,
      'the unnamed speakers');

    const speakers = [...new Set(expected.map((q) => q.speaker).filter((s): s is string => s !== null))];
    assert.ok(speakers.length >= 3, speakers.join(', '));
    const published = await withClient(url, async (c) => new Map((await c.query<{ path: string; published: string | null }>(
      "SELECT path, to_char(published, 'YYYY-MM-DD') AS published FROM sa_articles")).rows.map((r) => [r.path, r.published ?? ''])));
    let compared = 0;
    for (const speaker of speakers) {
      const r = await cli('archive', 'quotes', '--db', url, '--entity', speaker, '--json');
      assert.equal(r.code, 0, r.stderr);
      const got = parseLines(r.stdout);
      for (const q of got) assert.deepEqual(Object.keys(q), KEYS, 'the quotes --json shape, in its order');
      // the same quotations, attributed to the same speaker, with the same type
      assert.deepEqual([...got].sort(byPlace), expected.filter((q) => q.speaker === speaker).sort(byPlace), `quotations of ${speaker}`);
      // newest article first, then by path, each article's in text order
      for (let i = 1; i < got.length; i++) {
        const [a, b] = [got[i - 1], got[i]];
        const [pa, pb] = [published.get(a.file)!, published.get(b.file)!];
        assert.ok(pa > pb || (pa === pb && (a.file < b.file || (a.file === b.file && a.start < b.start))), `order at ${i} for ${speaker}`);
      }
      compared += got.length;
    }
    assert.equal(compared, expected.filter((q) => q.speaker !== null).length, 'every attributed quotation found by its speaker');
    console.log(`      ${expected.length} quotations, ${compared} of them attributed to ${speakers.length} speakers, all as the quotes command gives them`);

    // asked by another of its names (a surname joined to the full name), the same speaker
    const full = speakers.find((s) => s.includes(' ') && expected.some((q) => q.speaker === s && q.speakerType === 'PERSON'))!;
    const surname = full.split(' ').pop()!;
    const bySurname = await cli('archive', 'quotes', '--db', url, '--entity', surname.toLowerCase(), '--json');
    assert.equal(bySurname.code, 0, bySurname.stderr);
    assert.deepEqual(parseLines(bySurname.stdout), parseLines((await cli('archive', 'quotes', '--db', url, '--entity', full, '--json')).stdout));

    // the readable table, and the answers for an unknown name
    const table = await cli('archive', 'quotes', '--db', url, '--entity', full);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, new RegExp(`^${full} \\(PERSON\\): \\d+ quotations?\\n`));
    const missing = await cli('archive', 'quotes', '--db', url, '--entity', 'Nobody Anywhere', '--json');
    assert.equal(missing.code, 1);
    assert.equal(missing.stdout, '');
    assert.match(missing.stderr, /no entity "Nobody Anywhere" in the archive/);
  });

  it('attributes a quotation to the registry\'s entity when the registry merges the speaker\'s names', async () => {
    const url = await freshDatabase('quotes_registry');
    const dir = sampleFolder();
    // the analyst merged the under secretary's names into one curated entity
    writeFileSync(join(dir, '.sources', 'entities.yaml'), [
      'entities:',
      '  - canonical: North Atlantic Treaty Organization', '    type: ORG', '    aliases:', '      - NATO',
      '  - canonical: Elbridge A. Colby', '    type: PERSON', '    aliases:', '      - Elbridge Colby', '      - Colby',
      '',
    ].join('\n'));
    const { result } = await ingestJson(url, dir);
    assert.equal(result.code, 0, result.stderr);
    const expected = parseLines((await cli('quotes', '--json', dir)).stdout).filter((q) => q.speaker === 'Elbridge A. Colby');
    assert.ok(expected.length >= 2, 'the quotes command attributes them to the curated entity');
    for (const name of ['Elbridge A. Colby', 'Colby']) {
      const r = await cli('archive', 'quotes', '--db', url, '--entity', name, '--json');
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(parseLines(r.stdout).sort(byPlace), [...expected].sort(byPlace), `asked as ${name}`);
    }
    assert.equal(await count(url, "SELECT count(*) FROM sa_quotes q JOIN sa_entities e ON e.id = q.speaker_entity_id WHERE e.key = 'PERSON:elbridge a colby'"),
      expected.length);
  });

  it('changes no quotation on an unchanged re-ingest, replaces an edited article\'s and drops a deleted one\'s', async () => {
    const url = await freshDatabase('quotes_again');
    const dir = sampleFolder();
    assert.equal((await ingestJson(url, dir)).result.code, 0);
    const before = await quoteRows(url);
    const again = await ingestJson(url, dir);
    assert.equal(again.result.code, 0, again.result.stderr);
    assert.equal(again.summary.written, 0);
    assert.deepEqual(await quoteRows(url), before);

    const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    const edited = join(dir, files[0]);
    appendFileSync(edited, '\n"We will decide this together," said Olaf Scholz, the German chancellor.\n');
    const gone = join(dir, files[1]);
    unlinkSync(gone);
    const third = await ingestJson(url, dir);
    assert.equal(third.result.code, 0, third.result.stderr);
    assert.deepEqual({ written: third.summary.written, removed: third.summary.removed }, { written: 1, removed: 1 });
    assert.equal(await count(url, 'SELECT count(*) FROM sa_quotes q JOIN sa_articles a ON a.id = q.article_id WHERE a.path = $1', [gone]), 0);
    const scholz = parseLines((await cli('archive', 'quotes', '--db', url, '--entity', 'Olaf Scholz', '--json')).stdout);
    assert.deepEqual(scholz.map((q) => [q.file, q.text, q.speaker, q.speakerType]), [[edited, 'We will decide this together,', 'Olaf Scholz', 'PERSON']]);
    // the same rows as loading the folder into an empty archive
    const clean = await freshDatabase('quotes_clean');
    assert.equal((await ingestJson(clean, dir)).result.code, 0);
    assert.deepEqual(await quoteRows(url), await quoteRows(clean));
    const listed = parseLines((await cli('quotes', '--json', dir)).stdout);
    assert.equal(await count(url, 'SELECT count(*) FROM sa_quotes'), listed.length);
  });
});
