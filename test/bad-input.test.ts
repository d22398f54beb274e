// Inputs that are not a readable filing: each gives ok:false, no record, a stable issue
// code and, where the problem has a place, a span with the right line and column.
// parse() never throws and never expands an entity.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse, type ParseResult } from '../src/index.ts';

const fixtureBytes = readFileSync(new URL('./fixtures/xml/amendment-4a-original-submission-remarks.xml', import.meta.url));
const fixture = fixtureBytes.toString('utf8');

/** Asserts the shape every refused input shares and returns its one issue. */
function refused(result: ParseResult, code: string) {
  assert.equal(result.ok, false);
  assert.equal(result.record, null);
  assert.deepEqual(result.issues.map((i) => i.code), [code], JSON.stringify(result.issues));
  const issue = result.issues[0];
  assert.ok(issue);
  assert.equal(issue.severity, 'error');
  return issue;
}

const at = (line: number, column: number) => ({ line, column });
const startAndEnd = (issue: { span: { start: { line: number; column: number }; end: { line: number; column: number } } | null }) => {
  assert.ok(issue.span, 'the issue has no span');
  return [at(issue.span.start.line, issue.span.start.column), at(issue.span.end.line, issue.span.end.column)];
};

/** Deterministic bytes (a linear congruential generator), so a failure can be replayed. */
function junk(length: number, seed: number): Uint8Array {
  const bytes = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return bytes;
}

test('plain prose is not recognised as any filing format', () => {
  const result = parse('Dear shareholders,\n\nThe annual meeting will be held on May 5 at the head office.\n');
  const issue = refused(result, 'INPUT_UNRECOGNIZED');
  assert.equal(issue.span, null);
});

test('XML cut in the middle reports XML_TRUNCATED naming the open element and where it opened', () => {
  const cut = Math.floor(fixture.length / 2);
  // The cut falls inside `</transactionCode>` of line 52:
  //                 <transactionCode>A</tra|
  //                 ^ column 17       ^ column 35
  assert.equal(fixture.slice(cut - 23, cut), '<transactionCode>A</tra');
  const issue = refused(parse(fixture.slice(0, cut)), 'XML_TRUNCATED');
  assert.match(issue.message, /<transactionCode> \(opened at line 52, column 17\)/);
  assert.deepEqual(startAndEnd(issue), [at(52, 35), at(52, 40)]);
  assert.equal(issue.span?.end.offset, cut);
});

test('XML that stops between elements names the innermost element left open', () => {
  const cut = fixture.indexOf('<footnotes>') + '<footnotes>'.length;
  const issue = refused(parse(fixture.slice(0, cut)), 'XML_TRUNCATED');
  const line = fixture.slice(0, cut).split('\n').length;
  assert.match(issue.message, new RegExp(`<footnotes> \\(opened at line ${line}, column 5\\)`));
});

test('an HTML page that is not a Form 3/4/5 is detected as HTML, not read as XML, and refused', () => {
  const result = parse('<html>\n<head><title>Form 4</title></head>\n<body><p>STATEMENT</p></body>\n</html>\n');
  refused(result, 'HTML_NOT_OWNERSHIP_FORM');
  assert.equal(result.source.format, 'html');
  const xhtml = parse('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>\n');
  refused(xhtml, 'HTML_NOT_OWNERSHIP_FORM');
  assert.equal(xhtml.source.format, 'html');
});

test('XML whose root is not <ownershipDocument> gives XML_WRONG_ROOT at the root start tag', () => {
  const result = parse('<?xml version="1.0"?>\n<foo>\n  <bar/>\n</foo>\n');
  const issue = refused(result, 'XML_WRONG_ROOT');
  assert.equal(result.source.format, 'xml');
  assert.match(issue.message, /<foo>/);
  assert.deepEqual(startAndEnd(issue), [at(2, 1), at(2, 6)]);
});

test('an empty input and a whitespace-only input give INPUT_EMPTY', () => {
  assert.equal(refused(parse(''), 'INPUT_EMPTY').span, null);
  refused(parse(new Uint8Array(0)), 'INPUT_EMPTY');
  refused(parse('  \n\t \r\n  '), 'INPUT_EMPTY');
});

test('random bytes with NULs give INPUT_BINARY at the first NUL', () => {
  const bytes = junk(4096, 7);
  bytes[100] = 0;
  const first = bytes.indexOf(0);
  const issue = refused(parse(bytes), 'INPUT_BINARY');
  assert.match(issue.message, new RegExp(`byte 0x00 at offset ${first}\\b`));
});

test('a PDF (header then binary streams) gives INPUT_BINARY', () => {
  const head = new TextEncoder().encode('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<< /Length 512 /Filter /FlateDecode >>\nstream\n');
  const bytes = new Uint8Array([...head, ...junk(512, 42), 0, ...new TextEncoder().encode('\nendstream\nendobj\n')]);
  const result = parse(bytes, { fileName: 'form4.pdf' });
  refused(result, 'INPUT_BINARY');
  assert.equal(result.source.file, 'form4.pdf');
});

test('a DOCTYPE with an external entity is refused with XML_DOCTYPE_FORBIDDEN and nothing is read from disk', () => {
  const xml = [
    '<?xml version="1.0"?>',
    '<!DOCTYPE ownershipDocument [',
    '  <!ENTITY x SYSTEM "file:///etc/passwd">',
    ']>',
    '<ownershipDocument><remarks>&x;</remarks></ownershipDocument>',
    '',
  ].join('\n');
  const result = parse(xml);
  const issue = refused(result, 'XML_DOCTYPE_FORBIDDEN');
  assert.deepEqual(startAndEnd(issue), [at(2, 1), at(4, 3)]);
  const json = JSON.stringify(result);
  assert.doesNotMatch(json, /root:|nologin|\/bin\/(?:ba)?sh/);
  let passwd = '';
  try {
    passwd = readFileSync('/etc/passwd', 'utf8').split('\n')[0] ?? '';
  } catch {
    // no /etc/passwd here: the patterns above are the check
  }
  if (passwd) assert.ok(!json.includes(passwd));
});

test('billion laughs is refused with XML_DOCTYPE_FORBIDDEN and never expanded', () => {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', '  <!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) {
    const prev = i === 1 ? 'lol' : `lol${i - 1}`;
    lines.push(`  <!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`);
  }
  lines.push(']>', '<ownershipDocument><remarks>&lol9;</remarks></ownershipDocument>', '');
  const result = parse(lines.join('\n'));
  const issue = refused(result, 'XML_DOCTYPE_FORBIDDEN');
  assert.deepEqual(startAndEnd(issue), [at(2, 1), at(13, 3)]);
  const json = JSON.stringify(result);
  assert.doesNotMatch(json, /lollol/);
  assert.ok(json.length < 5000, `the result is ${json.length} characters`);
});

test('an undeclared entity such as &nbsp; is kept literally with an XML_UNKNOWN_ENTITY warning on its place', () => {
  const xml = fixture.replace('Palo Alto Networks Inc', 'Palo Alto&nbsp;Networks Inc');
  const result = parse(xml);
  assert.equal(result.ok, true);
  assert.equal(result.record?.issuer.name, 'Palo Alto&nbsp;Networks Inc');
  assert.deepEqual(result.issues.map((i) => [i.code, i.severity]), [['XML_UNKNOWN_ENTITY', 'warning']]);
  const issue = result.issues[0];
  assert.ok(issue);
  //         <issuerName>Palo Alto&nbsp;Networks Inc</issuerName>
  //                              ^ line 16, column 30
  assert.deepEqual(startAndEnd(issue), [at(16, 30), at(16, 36)]);
  assert.equal(xml.slice(issue.span?.start.offset, issue.span?.end.offset), '&nbsp;');
});

test('an input over maxBytes is refused with INPUT_TOO_LARGE before it is read', () => {
  const issue = refused(parse(fixtureBytes, { maxBytes: 1000 }), 'INPUT_TOO_LARGE');
  assert.match(issue.message, new RegExp(`larger than 1000 bytes \\(${fixtureBytes.length} bytes read\\)`));
  assert.equal(parse(fixtureBytes, { maxBytes: fixtureBytes.length }).ok, true, 'the limit itself is allowed');
});

test('an end tag that does not match its start tag gives XML_MALFORMED at the end tag', () => {
  const xml = '<ownershipDocument>\n  <issuer>\n    <issuerCik>0001</issuerName>\n  </issuer>\n</ownershipDocument>\n';
  const issue = refused(parse(xml), 'XML_MALFORMED');
  assert.match(issue.message, /<\/issuerName> does not match <issuerCik> \(opened at line 3, column 5\)/);
  //     <issuerCik>0001</issuerName>
  //                    ^ column 20, ends before column 33
  assert.deepEqual(startAndEnd(issue), [at(3, 20), at(3, 33)]);
});

test('a second root element gives XML_MALFORMED at the second root', () => {
  const xml = fixture.trimEnd() + '\n<ownershipDocument/>\n';
  const line = xml.trimEnd().split('\n').length;
  const issue = refused(parse(xml), 'XML_MALFORMED');
  assert.match(issue.message, /a second root element <ownershipDocument>/);
  assert.deepEqual(startAndEnd(issue), [at(line, 1), at(line, 21)]);
});

test('a batch of mixed inputs read in a loop gives one result per input, in order, the good ones ok', () => {
  const inputs: { input: string | Uint8Array; ok: boolean; code?: string }[] = [
    { input: fixtureBytes, ok: true },
    { input: '', ok: false, code: 'INPUT_EMPTY' },
    { input: fixture.slice(0, 1000), ok: false, code: 'XML_TRUNCATED' },
    { input: readFileSync(new URL('./fixtures/xml/x0609.xml', import.meta.url), 'utf8'), ok: true },
    { input: junk(256, 3).map((b, i) => (i === 9 ? 0 : b)), ok: false, code: 'INPUT_BINARY' },
    { input: '<foo/>', ok: false, code: 'XML_WRONG_ROOT' },
    { input: readFileSync(new URL('./fixtures/sgml/form3-with-exhibit.txt', import.meta.url)), ok: true },
    { input: 'hello', ok: false, code: 'INPUT_UNRECOGNIZED' },
  ];
  const results = inputs.map(({ input }, i) => parse(input, { fileName: `input-${i}` }));
  assert.equal(results.length, inputs.length);
  results.forEach((result, i) => {
    const expected = inputs[i];
    assert.ok(expected);
    assert.equal(result.source.file, `input-${i}`);
    assert.equal(result.ok, expected.ok, `input ${i}: ${JSON.stringify(result.issues)}`);
    assert.equal(result.record === null, !expected.ok);
    if (expected.code) assert.equal(result.issues[0]?.code, expected.code, `input ${i}`);
  });
  assert.equal(results[0]?.record?.issuer.name, 'Palo Alto Networks Inc');
  assert.equal(results[6]?.record?.issuer.name, 'Moderna, Inc.');
});

test('a 50 MB log is refused as not a filing, without being read as one', () => {
  const line = '2026-11-22T10:25:34.123Z INFO worker-3 request GET /api/v1/orders 200 12ms user=4711 trace=9f2c\n';
  const log = line.repeat(Math.ceil((50 * 1024 * 1024) / line.length));
  const result = parse(log, { fileName: 'service.log' });
  assert.equal(result.ok, false);
  assert.deepEqual(result.issues.map((i) => i.code), ['INPUT_UNRECOGNIZED']);
});

test('a long text that mentions the form but is not one (a 10-K discussing insiders) is refused', () => {
  const tenK = 'UNITED STATES SECURITIES AND EXCHANGE COMMISSION\nFORM 10-K\nANNUAL REPORT PURSUANT TO SECTION 13 OR 15(d)\n' +
    'Item 12. Security Ownership of Certain Beneficial Owners. Our officers file a Statement of Changes in Beneficial Ownership on Form 4.\n'.repeat(2000);
  const result = parse(tenK);
  assert.equal(result.ok, false);
  assert.equal(result.record, null);
  assert.ok(['TEXT_NOT_A_FORM', 'INPUT_UNRECOGNIZED'].includes(result.issues[0]!.code), JSON.stringify(result.issues));
});
