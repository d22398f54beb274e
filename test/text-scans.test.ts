// The text reader's hand-written scans (words, chunks, white space, the cleaned text's offset
// map) and the HTML reader's table-title test give what the regexes and full label texts they
// replace gave: they exist for speed only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFormTables } from '../src/read/html/form-tables.ts';
import { descendants, parseHtml } from '../src/read/html/html-tree.ts';
import { cleanText } from '../src/read/text/clean-text.ts';
import { wordsOf } from '../src/read/text/layout-table.ts';
import { chunksOf } from '../src/read/text/read-page.ts';
import { isLabelFragment } from '../src/read/text/read-header.ts';
import { isWhiteSpace, literalStarts, matchStarts, splitLines, TextSink } from '../src/read/text/text-grid.ts';
import { Positions } from '../src/util/positions.ts';

test('isWhiteSpace holds for exactly the code units /\\s/ matches', () => {
  for (let c = 0; c < 0x10000; c++) assert.equal(isWhiteSpace(c), /\s/.test(String.fromCharCode(c)), `U+${c.toString(16)}`);
});

const LINES = [
  'Common Stock  06/06/2023\tS  (1)\f$ 118.42',
  '   Reporting Owner Name / Address   Director \t 10% Owner',
  '\fSMITH JOHN A \u00a0 2485 AUGUSTINE  DR ',
  ' a b  c   d \t\te\u2003f\u00a0 g ',
  '',
  '    ',
];

function sinkOf(text: string): TextSink {
  return new TextSink(cleanText(text), new Positions(text));
}

test('chunksOf cuts a line where /[^\\t\\f ]+(?: [^\\t\\f ]+)*/g does', () => {
  const text = LINES.join('\n');
  for (const line of splitLines(text)) {
    const expected = [...line.text.matchAll(/[^\t\f ]+(?: [^\t\f ]+)*/g)].map((m) => ({ text: m[0], x: m.index, start: line.start + m.index }));
    assert.deepEqual(chunksOf(line).map((c) => ({ text: c.text, x: c.x, start: c.start })), expected, JSON.stringify(line.text));
    assert.deepEqual(chunksOf(line, text), chunksOf(line), `${JSON.stringify(line.text)} scanned on the whole text`);
  }
});

test('wordsOf finds the words /\\S+/g finds, "$ 6.98" and "(1)Common" kept as the reader reads them', () => {
  const text = ['Stock  (1)(2)Common   $  6.98 \u2003 D', 'a\u00a0b\u2028c  $ x'].join('\n');
  const sink = sinkOf(text);
  const words = splitLines(text).map((line) => wordsOf(line, sink).map((w) => w.text));
  assert.deepEqual(words, [
    ['Stock', '(1)(2)', 'Common', '$ 6.98', 'D'],
    ['a', 'b', 'c', '$', 'x'],
  ]);
});

test('the cleaned text of many bare superscript marks maps each character back to the input', () => {
  // Every mark grows from one character to three: the text ends up longer than the input.
  const input = 'Price¹²³ ' + '¹ '.repeat(40) + 'end ⁽²⁾ \\$5';
  const clean = cleanText(input);
  assert.equal(clean.text, 'Price(123) ' + '(1) '.repeat(40) + 'end (2) $5');
  assert.ok(clean.text.length > input.length);
  assert.equal(clean.origin.length, clean.text.length + 1);
  assert.equal(clean.origin[clean.text.length], input.length);
  for (let i = 1; i < clean.text.length; i++) assert.ok((clean.origin[i] as number) >= (clean.origin[i - 1] as number), `origin of ${i} in order`);
  // "end" is copied as it stands: its characters come from where they were.
  const at = clean.text.indexOf('end');
  assert.equal(input.slice(clean.origin[at], (clean.origin[at + 2] as number) + 1), 'end');
});

test('matchStarts says yes to every line whose joined cells the pattern matches, scanning the text once', () => {
  const text = [
    'Table I - Non-Derivative',
    'Explanation\tof  Responses:',
    'Signature of',
    'Reporting Person',
    '  Reporting \t\t Owner Name / Address',
    'Remarks : none',
    'no mark here',
    '\fTitle of Security',
  ].join('\n');
  const re = /Table\s+I|Title\s+of|Explanation\s+of\s+Responses|Remarks\s*:|Signature\s+of\s+Reporting\s+Person|Reporting\s+Owner/i;
  const starts = matchStarts(new RegExp(re.source, 'gi'), text);
  const lines = splitLines(text);
  const said = lines.map((l) => starts(l));
  // "Signature of" / "Reporting Person" match across the line break: the first line is tried (and fails), never missed.
  assert.deepEqual(said, [true, true, true, false, true, true, false, true]);
  for (const [k, line] of lines.entries()) if (re.test(line.joined)) assert.ok(said[k], line.text);
});

test('isLabelFragment holds when every [a-z0-9%] word of the lowercased text is a piece of a label word', () => {
  const byRegex = (text: string) => (text.toLowerCase().match(/[a-z0-9%]+/g) ?? []).every((w) => isLabelFragment(w));
  for (const t of ['(Month/Day/Year)', 'Issuer Name and Ticker', '10% Owner', 'SMITH JOHN', '', '  --  ', 'Reporting Person*', 'Date of Earliest GOOGLE', 'İstanbul']) {
    assert.equal(isLabelFragment(t), byRegex(t), t);
  }
  assert.equal(isLabelFragment('(Month/Day/Year)'), true);
  assert.equal(isLabelFragment('SMITH JOHN'), false);
});

test('isLabelFragment reads a text past ASCII as toLowerCase gives it', () => {
  // The Kelvin sign lowercases to 'k': "ake" is no piece of a label word, though "a" and "e" are.
  assert.equal(isLabelFragment('A\u212AE'), false);
  assert.equal(isLabelFragment('TIC\u212AER'), true);
  // A dotless ı is no word character: "fi" and "ing" are pieces.
  assert.equal(isLabelFragment('Fi\u0131ing'), true);
  assert.equal(isLabelFragment('owner é smith'), false);
  assert.equal(isLabelFragment('İssuer'), true);
  // A word whose start is no piece is none, whatever non-ASCII follows later.
  assert.equal(isLabelFragment('SMITH İ'), false);
});

test('literalStarts says which lines hold a needle, as a search of each line would', () => {
  const text = ['Form 16 notice', 'no 1\t6 here', '10b5-1 box', '', 'x 16', '5-1', 'end 16'].join('\n');
  const lines = splitLines(text);
  for (const needle of ['16', '5-1', 'box']) {
    const has = literalStarts(needle, text);
    assert.deepEqual(lines.map((l) => has(l)), lines.map((l) => l.joined.includes(needle)), needle);
  }
  // Lines skipped (not asked about) do not lose the next answer.
  const has16 = literalStarts('16', text);
  assert.deepEqual([0, 4, 6].map((k) => has16(lines[k] as (typeof lines)[number])), [true, true, true]);
});

test('the cleaned text maps copied runs to their input offsets, inputs past the table of offsets (2^20) too', () => {
  for (const size of [100, 70_000, (1 << 20) + 5000]) {
    const input = 'a'.repeat(size) + ' \\$5 ' + 'b'.repeat(size);
    const clean = cleanText(input);
    assert.equal(clean.text, 'a'.repeat(size) + ' $5 ' + 'b'.repeat(size));
    for (const i of [0, 1, size - 1, size]) assert.equal(clean.origin[i], i);
    // After the dropped backslash each character comes from one further on.
    for (const i of [size + 1, size + 3, clean.text.length - 1]) assert.equal(clean.origin[i], i + 1);
    assert.equal(clean.origin[clean.text.length], input.length);
  }
});

test('an HTML table is found by its "1. Title of Security" cell however deep the text starts', () => {
  const html =
    '<table><tr><td>Layout</td></tr></table>' +
    '<table><tr><td><font>\n  <br> <b> 1. Title of\n Security</b> (Instr. 3)</font></td><td>2. Transaction Date</td></tr>' +
    '<tr><td>Common Stock</td><td>06/06/2023</td></tr></table>';
  const root = parseHtml(html);
  const found = findFormTables(descendants(root, 'table'));
  assert.equal(found.length, 1);
  assert.equal(found[0]?.derivative, false);
  assert.deepEqual(found[0]?.columns, ['securityTitle', 'transactionDate']);
  assert.equal(found[0]?.rows.length, 1);
});
