// The full-submission reader (EDGAR .txt / .sgml): header facts, the documents list, and
// the ownership XML inside read exactly as the same XML read on its own.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse, type ParseResult } from '../src/index.ts';

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url));
const read = (path: string): ParseResult => parse(fixture(path), { fileName: path });

/** The record of an XML fixture, read on its own. */
function xmlRecord(path: string) {
  const result = read(path);
  assert.equal(result.ok, true);
  return result.record;
}

test('a modern submission gives its accession number, filing date, acceptance time and form type', () => {
  const { ok, source } = read('sgml/modern-six-owners.txt');
  assert.equal(ok, true);
  assert.equal(source.format, 'sgml');
  assert.equal(source.file, 'sgml/modern-six-owners.txt');
  assert.equal(source.accessionNumber, '0000899243-23-008322');
  assert.equal(source.filingDate, '2023-03-14');
  assert.equal(source.acceptanceDateTime, '2023-03-14T12:12:40');
  assert.match(source.acceptanceDateTime ?? '', /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
  assert.equal(source.formType, '4');
  assert.equal(source.periodOfReport, '2023-03-10');
});

test('a submission with several reporting owners lists every one in header order, and the issuer', () => {
  const { source } = read('sgml/modern-six-owners.txt');
  assert.deepEqual(source.issuer, { cik: '0001836075', name: 'Warburg Pincus Capital Corp I-A' });
  assert.deepEqual(source.reportingOwners, [
    { cik: '0001555729', name: 'Warburg Pincus (Bermuda) Private Equity GP Ltd.' },
    { cik: '0001658820', name: 'Warburg Pincus Partners II (Cayman), L.P.' },
    { cik: '0001836077', name: 'Warburg Pincus Capital Corp I-A Sponsor, L.P.' },
    { cik: '0001894857', name: 'WPP II Administrative (Cayman), LLC' },
    { cik: '0001836078', name: 'Warburg Pincus Capital Corp GP LLC' },
    { cik: '0001894856', name: 'Warburg Pincus Partners II Holdings (Cayman), L.P.' },
  ]);
});

test('the documents list names every <DOCUMENT>, and only the ownership document holds XML', () => {
  assert.deepEqual(read('sgml/modern-six-owners.txt').source.documents, [
    { type: '4', sequence: '1', fileName: 'doc4.xml', description: 'FORM 4 SUBMISSION', hasXml: true },
    { type: 'EX-99.1', sequence: '2', fileName: 'attachment1.htm', description: 'EX-99.1 DOCUMENT', hasXml: false },
  ]);
  assert.deepEqual(read('sgml/form3-with-exhibit.txt').source.documents, [
    { type: '3', sequence: '1', fileName: 'form3.xml', description: 'PRIMARY DOCUMENT', hasXml: true },
    { type: 'EX-24', sequence: '2', fileName: 'doc1.txt', description: 'POWER OF ATTORNEY (PUBLIC): EXHIBIT 24', hasXml: false },
  ]);
});

// Each submission beside the XML that EDGAR cut out of it.
const pairs = [
  ['sgml/modern-six-owners.txt', 'xml/six-owners-derivative-only.xml'],
  ['sgml/form3-with-exhibit.txt', 'xml/form3-no-securities-owned-x0206.xml'],
  ['sgml/tag-style-header.sgml', 'xml/x0508.xml'],
] as const;

for (const [submission, xml] of pairs) {
  test(`the record read from ${submission} deep-equals the record of ${xml}`, () => {
    const result = read(submission);
    assert.equal(result.ok, true, JSON.stringify(result.issues));
    assert.deepEqual(result.record, xmlRecord(xml));
  });
}

test('a header written as <SUBMISSION> tags reads the same facts as the text header', () => {
  const { ok, source, issues } = read('sgml/tag-style-header.sgml');
  assert.equal(ok, true);
  assert.deepEqual(issues, []);
  assert.equal(source.accessionNumber, '0000002488-24-000005');
  assert.equal(source.formType, '4');
  assert.equal(source.periodOfReport, '2024-01-15');
  assert.equal(source.filingDate, '2024-01-17');
  assert.equal(source.acceptanceDateTime, null, 'this dialect carries no acceptance time');
  assert.deepEqual(source.issuer, { cik: '0000002488', name: 'ADVANCED MICRO DEVICES INC' });
  assert.deepEqual(source.reportingOwners, [{ cik: '0001674334', name: 'SMITH DARLA M' }]);
  assert.deepEqual(source.documents, [
    { type: '4', sequence: '1', fileName: 'wk-form4_1705525913.xml', description: 'FORM 4', hasXml: true },
  ]);
});

test('a 1998 submission with no XML fails with SUBMISSION_NO_OWNERSHIP_XML and its header is still read', () => {
  const { ok, record, source, issues } = read('sgml/1998-no-xml.txt');
  assert.equal(ok, false);
  assert.equal(record, null);
  assert.deepEqual(issues.map((i) => [i.code, i.severity]), [['SUBMISSION_NO_OWNERSHIP_XML', 'error']]);
  assert.match(issues[0]?.message ?? '', /0001012325-98-000004/);
  assert.equal(source.format, 'sgml');
  assert.equal(source.accessionNumber, '0001012325-98-000004');
  assert.equal(source.formType, '4');
  assert.equal(source.filingDate, '1998-11-20');
  assert.equal(source.periodOfReport, '1998-10-31');
  assert.equal(source.acceptanceDateTime, null);
  // SUBJECT COMPANY is the 1990s name of the ISSUER block.
  assert.deepEqual(source.issuer, { cik: '0001035972', name: 'MORTON INTERNATIONAL INC /IN/' });
  assert.equal(source.issuerFiscalYearEnd, '1231');
  assert.deepEqual(source.reportingOwners, [{ cik: '0001012325', name: 'CANTALUPO JAMES R' }]);
  assert.deepEqual(source.documents, []);
});

test('a header-only submission fails with SUBMISSION_NO_OWNERSHIP_XML and gives the header facts', () => {
  const { ok, record, source, issues } = read('sgml/header-only.txt');
  assert.equal(ok, false);
  assert.equal(record, null);
  assert.deepEqual(issues.map((i) => i.code), ['SUBMISSION_NO_OWNERSHIP_XML']);
  assert.deepEqual(source, {
    format: 'sgml',
    file: 'sgml/header-only.txt',
    accessionNumber: '0001140361-23-028639',
    filingDate: '2023-06-06',
    acceptanceDateTime: '2023-06-06T21:32:04',
    formType: '4',
    periodOfReport: '2022-11-16',
    issuer: { cik: '0001853145', name: 'EverCommerce Inc.' },
    issuerFiscalYearEnd: '1231',
    reportingOwners: [{ cik: '0001927858', name: 'Driggers Shane' }],
    documents: [],
  });
});

test('a submission cut inside its XML reports XML_TRUNCATED at lines of the whole submission', () => {
  const text = fixture('sgml/modern-six-owners.txt').toString('utf8');
  const cut = text.indexOf('<value>6980543') + '<value>69'.length;
  const result = parse(text.slice(0, cut));
  assert.equal(result.ok, false);
  assert.equal(result.record, null);
  assert.equal(result.source.accessionNumber, '0000899243-23-008322', 'the header is still read');
  const issue = result.issues.find((i) => i.code === 'XML_TRUNCATED');
  assert.ok(issue, JSON.stringify(result.issues));
  // Line 376 of the submission is line 166 of the XML on its own.
  assert.match(issue.message, /<value> \(opened at line 376, column 21\)/);
  assert.deepEqual(issue.span?.end, { line: 376, column: 30, offset: cut });
});

test('warnings inside the embedded XML point at lines and columns of the whole submission', () => {
  const text = fixture('sgml/modern-six-owners.txt').toString('utf8');
  const at = text.indexOf('<remarks>');
  const edited = text.slice(0, at) + '<script>x</script>' + text.slice(at);
  const result = parse(edited);
  assert.equal(result.ok, true);
  const issue = result.issues.find((i) => i.code === 'XML_UNKNOWN_ELEMENT');
  assert.ok(issue, JSON.stringify(result.issues));
  const line = text.slice(0, at).split('\n').length;
  assert.equal(line, 419);
  assert.deepEqual(issue.span?.start, { line: 419, column: 5, offset: at });
  assert.deepEqual(issue.span?.end, { line: 419, column: 23, offset: at + '<script>x</script>'.length });
});
