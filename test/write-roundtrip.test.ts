// XML → record → XML → record gives the same record (the schema version aside, which the
// writer stamps X0609), and every written document is valid exactly when the writer says so.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from '../src/index.ts';
import type { OwnershipRecord } from '../src/record/schema.ts';
import { CURRENT_SCHEMA_VERSION, writeOwnership } from '../src/write/write-ownership-xml.ts';
import { validate, xmllintMissing } from './fixtures/write/xmllint.ts';

const corpus = new URL('../../shared/corpus/xml/', import.meta.url);

function roundTrip(bytes: Uint8Array, name: string) {
  const first = parse(bytes, { fileName: name });
  assert.ok(first.record, `${name} reads`);
  const written = writeOwnership(first.record);
  const second = parse(written.xml, { fileName: `${name} (written)` });
  const expected: OwnershipRecord = { ...first.record, schemaVersion: CURRENT_SCHEMA_VERSION };
  return { record: first.record, written, expected, again: second.record, rereadIssues: second.issues };
}

const fixtureFiles = [
  ...readdirSync(new URL('./fixtures/xml/', import.meta.url)).filter((f) => f.endsWith('.xml')).map((f) => new URL(`./fixtures/xml/${f}`, import.meta.url)),
  ...readdirSync(new URL('./fixtures/write/', import.meta.url)).filter((f) => f.endsWith('.xml')).map((f) => new URL(`./fixtures/write/${f}`, import.meta.url)),
];

for (const file of fixtureFiles) {
  const name = file.pathname.split('/').slice(-2).join('/');
  test(`${name} reads back to the same record after it is written`, () => {
    const r = roundTrip(readFileSync(file), name);
    assert.deepEqual(r.again, r.expected);
    // The written document is clean XML: rereading it reports nothing worse than info.
    assert.deepEqual(r.rereadIssues.filter((i) => i.severity !== 'info' && i.code !== 'FORM4_REQUIRED_MISSING' && i.code !== 'FORM4_DATE_IMPOSSIBLE'), []);
  });
}

test('each written fixture validates against the XSD exactly when the writer reports no error', { skip: xmllintMissing ?? false }, () => {
  const trips = fixtureFiles.map((f) => roundTrip(readFileSync(f), f.pathname));
  const verdicts = validate(trips.map((t) => ({ documentType: t.record.documentType ?? '4', xml: t.written.xml })));
  verdicts.forEach((v, i) => assert.equal(v === null, trips[i]!.written.ok, `${fixtureFiles[i]!.pathname}: xmllint: ${v ?? 'valid'}; writer: ${JSON.stringify(trips[i]!.written.issues.map((x) => x.message))}`));
});

const corpusSkip = existsSync(corpus) ? false : 'the corpus (../shared/corpus/xml) is not here; the corpus round trip is skipped';

test('every corpus document reads back to the same record after it is written', { skip: corpusSkip }, (t) => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.xml')).sort();
  const failures: string[] = [];
  for (const f of files) {
    const r = roundTrip(readFileSync(new URL(f, corpus)), f);
    try {
      assert.deepEqual(r.again, r.expected);
    } catch {
      failures.push(f);
    }
  }
  t.diagnostic(`${files.length - failures.length} of ${files.length} corpus documents round-trip to the same record`);
  assert.deepEqual(failures, []);
});

test('every written corpus document validates against the XSD of its type exactly when the writer reports no error', { skip: corpusSkip || xmllintMissing || false }, (t) => {
  const files = readdirSync(corpus).filter((f) => f.endsWith('.xml')).sort();
  const trips = files.map((f) => roundTrip(readFileSync(new URL(f, corpus)), f));
  const verdicts = validate(trips.map((r) => ({ documentType: r.record.documentType ?? '4', xml: r.written.xml })));
  const valid = verdicts.filter((v) => v === null).length;
  const codes = new Map<string, number>();
  for (const r of trips) for (const i of r.written.issues) if (i.severity === 'error') codes.set(i.code, (codes.get(i.code) ?? 0) + 1);
  t.diagnostic(`${valid} of ${files.length} written corpus documents validate; errors reported: ${JSON.stringify(Object.fromEntries(codes))}`);
  const disagreements = files.filter((_, i) => (verdicts[i] === null) !== trips[i]!.written.ok);
  assert.deepEqual(disagreements, []);
});
