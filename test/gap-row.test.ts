// lynx prints a table row on one line, an empty cell as one space: the row's cells are told by
// the widths of the gaps between its words (src/read/text/gap-row.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseGapRow, placeInOrder, UNKNOWN_GAP } from '../src/read/text/gap-row.ts';
import type { Word } from '../src/read/text/layout-table.ts';
import { columnsOf } from '../src/read/text/table-columns.ts';

const MARGIN = 3;

/** A lynx row line as words and gaps (the caret of "^(1)" dropped from the word, as the cleaning does). */
function wordsOf(line: string): { words: Word[]; gaps: number[] } {
  const words: Word[] = [];
  const gaps: number[] = [];
  let end = MARGIN - 1;
  for (const m of line.matchAll(/\S+/g)) {
    const x = m.index;
    const text = m[0].replace(/\^/g, '');
    const prev = words[words.length - 1];
    // As the reader's words: "$ 0" is one word.
    if (prev && prev.text === '$' && /^\d/.test(text) && x - end === 1) {
      prev.text = `$ ${text}`;
      prev.end = prev.xEnd = end = x + m[0].length;
      continue;
    }
    // The caret is cleaned away: the gap runs to it, as the reader counts it.
    gaps.push(words.length === 0 ? x - MARGIN + 1 : x - end);
    words.push({ text, start: x, end: x + m[0].length, x, xEnd: x + m[0].length, line: 0 });
    end = x + m[0].length;
  }
  return { words, gaps };
}

/** "field=value" per cell of the best parse. */
function read(line: string, form: '3' | '4' | '5', table: 1 | 2): string[] {
  const columns = columnsOf(form, table);
  const { words, gaps } = wordsOf(line);
  const parse = parseGapRow(words, gaps, columns);
  assert.ok(parse, 'the row parses');
  return parse.cells.map((c) => `${columns[c.column]?.field}=${c.words.map((w) => w.text).join(' ')}`);
}

test('an empty cell widens the gap by two: the deemed date and V columns are skipped', () => {
  assert.deepEqual(read('   Common Stock 06/06/2023   G   61,266 D $ 0 2,888,902 D', '4', 1), [
    'securityTitle=Common Stock',
    'transactionDate=06/06/2023',
    'transactionCode=G',
    'shares=61,266',
    'acquiredDisposedCode=D',
    'pricePerShare=$ 0',
    'sharesOwnedFollowingTransaction=2,888,902',
    'directOrIndirectOwnership=D',
  ]);
});

test('a holding skips the seven transaction columns, and a long nature stays one cell', () => {
  assert.deepEqual(read('   Common Stock               200,000 I By Grantor Retained Annuity Trust LTS 2022 GRAT A', '4', 1), [
    'securityTitle=Common Stock',
    'sharesOwnedFollowingTransaction=200,000',
    'directOrIndirectOwnership=I',
    'natureOfOwnership=By Grantor Retained Annuity Trust LTS 2022 GRAT A',
  ]);
});

test('a marks-only cell printed after a no-break space stands in the next column, not past an empty one', () => {
  assert.deepEqual(read('   Restricted Stock Units ^(2) 01/15/2024   M     472   ^(3)   ^(3) Common Stock 472 $ 0 473 D', '4', 2), [
    'securityTitle=Restricted Stock Units',
    'conversionOrExercisePrice=(2)',
    'transactionDate=01/15/2024',
    'transactionCode=M',
    'sharesD=472',
    'exerciseDate=(3)',
    'expirationDate=(3)',
    'underlyingSecurityTitle=Common Stock',
    'underlyingSecurityShares=472',
    'pricePerShare=$ 0',
    'sharesOwnedFollowingTransaction=473',
    'directOrIndirectOwnership=D',
  ]);
});

test("a mark one space after the row's last value is that value's (lynx drops an empty nature's space)", () => {
  const cells = read('   Common Stock 04/01/2023   M   149,684 A ^(1) 639,500 D ^(2)', '4', 1);
  assert.deepEqual(cells.slice(-2), ['sharesOwnedFollowingTransaction=639,500', 'directOrIndirectOwnership=D (2)']);
  // The price column holds only its mark: the gaps leave no other reading.
  assert.ok(cells.includes('pricePerShare=(1)'));
});

test('marks between a value and a price given only as a footnote go to the price', () => {
  const cells = read('   Common Stock 06/12/2023   M   9,160,474 A ^(1) ^(4) 10,764,999 I See footnote ^(2)', '4', 1);
  assert.ok(cells.includes('acquiredDisposedCode=A'));
  assert.ok(cells.includes('pricePerShare=(1) (4)'));
  assert.ok(cells.includes('natureOfOwnership=See footnote (2)'));
});

test('a line no parse explains is null', () => {
  const columns = columnsOf('4', 1);
  // The first cell is the title's, and a date is no title.
  const { words, gaps } = wordsOf('   06/06/2023   S');
  assert.equal(parseGapRow(words, gaps, columns), null);
});

test('after a line break (unknown gap) the next cell takes the nearest column that fits', () => {
  const columns = columnsOf('5', 2);
  const { words, gaps } = wordsOf('   Class B Common Stock               ^(1)   ^(1) Class A Common Stock');
  const more = wordsOf('   1,306,902').words;
  const parse = parseGapRow([...words, ...more], [...gaps, UNKNOWN_GAP], columns);
  assert.ok(parse);
  const last = parse.cells[parse.cells.length - 1];
  assert.equal(columns[last?.column ?? -1]?.field, 'underlyingSecurityShares');
});

test('cells in column order go each to the first column after the last that fits it', () => {
  const columns = columnsOf('3', 1);
  assert.deepEqual(placeInOrder(['Class A Common Stock', '735,294', 'I', 'By Levchin 2012 Irrevocable Trust (1)'], columns), [0, 1, 2, 3]);
  assert.deepEqual(placeInOrder(['Common Stock', '0 (1)', 'D'], columns), [0, 1, 2]);
});
