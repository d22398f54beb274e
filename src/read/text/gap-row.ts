// Reads a table row that lynx -dump printed on one line in reading order, by the widths of the
// gaps between its words. lynx separates a row's cells with one space and prints an empty cell
// (the page's no-break space) as one space: k empty cells between two values leave a gap of
// 1 + 2k spaces. A cell holding only footnote marks starts with a no-break space on the page
// ("&nbsp; (3)"), which adds 2 more:
//
//   Common Stock 06/06/2023   G   61,266 D $ 0 2,888,902 D
//                title ^1 date ^3 (2A empty) code ^3 (V empty) amount ...
//   Restricted Stock Units ^(2) 01/15/2024   M     472   ^(3)   ^(3) Common Stock 472 $ 0 473 D
//                                                  ^5: V and (A) empty; ^3 before a mark: its own cell
//
// A one-space gap may join two cells or two words of one cell: which, the columns' kinds tell
// (only a text column holds several words; a value holds marks after it). The row is parsed so
// that every gap is accounted for and every cell fits its column; a line no parse explains is
// left to the reading-order alignment.
import { fit } from './align-row.ts';
import type { Column } from './table-columns.ts';
import type { Word } from './layout-table.ts';
import { MARKS_ONLY } from './text-grid.ts';

const NO = -Infinity;
/** The gap at a line break inside a row: its width is lost. */
export const UNKNOWN_GAP = -1;

// Scores beside fit()'s (0.5 to 3 for a value that fits its column), small: they only settle
// what the gaps leave open, from what the corpus's pages most often print.
/** A marks-only cell: one only where the gaps leave no other reading ("D ^(2)" is the D's). */
const MARKS_CELL = -0.1;
/** A price given only as a footnote is common, and its marks print like those of the value before it. */
const PRICE_MARKS_CELL = 0.05;
/** Each mark a value keeps: between a value and a marks-only price, the price takes them ("A ^(1) ^(4)"). */
const MARK_KEPT = -0.01;
/** A number without "$" in a price column: the page prints every price with its dollar sign, so a bare one is likelier a title's ("Restricted Stock Units -1"). */
const BARE_PRICE = 0;
/** A nature of ownership that is no words ("0"): the filer's free text, kept as printed. */
const FREE_TEXT = 0.5;
/** Each column skipped after a line break (an unknown gap): the nearest column that fits. */
const SKIP_COST = 0.001;

/** A parsed row: the words of each cell and the column it stands in. */
export interface GapCell {
  words: Word[];
  column: number;
}

/** A row's parse: its cells and how well they fit their columns (the sum of their fits). */
export interface GapParse {
  cells: GapCell[];
  score: number;
}

/**
 * The row's cells by gap widths, or null when no parse accounts for every gap. `gaps[i]` is the
 * number of spaces before word i (for word 0, counted from the table's left margin plus one);
 * 0 for marks printed against their value (the same cell), UNKNOWN_GAP across a line break.
 */
export function parseGapRow(words: Word[], gaps: number[], columns: Column[]): GapParse | null {
  const T = words.length;
  const C = columns.length;
  if (T === 0) return null;
  const isMark = words.map((w) => MARKS_ONLY.test(w.text));
  // Each mark word's first and last footnote numbers, read once (every cell starting before it asks).
  const firstMark: number[] = new Array<number>(T).fill(0);
  const lastMark: number[] = new Array<number>(T).fill(0);
  for (let k = 0; k < T; k++) {
    if (!isMark[k]) continue;
    const numbers = markNumbers((words[k] as Word).text);
    firstMark[k] = numbers[0] as number;
    lastMark[k] = numbers[numbers.length - 1] as number;
  }
  // Fits are worked out once per cell and kind of column (a nature of ownership its own kind):
  // each column's kind as a small index, and for each kind the fit and the cell it was worked out for.
  const kinds: string[] = [];
  const kindOf: number[] = new Array<number>(C).fill(0);
  for (let j = 0; j < C; j++) {
    const column = columns[j] as Column;
    const key = column.field === 'natureOfOwnership' ? 'nature' : column.kind;
    let at = kinds.indexOf(key);
    if (at === -1) at = kinds.push(key) - 1;
    kindOf[j] = at;
  }
  const fitOf: number[] = new Array<number>(kinds.length).fill(0);
  const fitFor: number[] = new Array<number>(kinds.length).fill(-1);
  let cell = 0;
  // best[i * C + j]: best score for words i.. with word i starting the cell of column j.
  const best: number[] = new Array<number>(T * C).fill(NO);
  const next: number[] = new Array<number>(T * C).fill(-1);
  // after[k * C + j]: best score for the words after k, a cell of column j ending at word k; afterColumn: the next cell's column.
  const after: number[] = new Array<number>(T * C).fill(NO);
  const afterColumn: number[] = new Array<number>(T * C).fill(-1);
  for (let i = T - 1; i >= 0; i--) {
    // The cell is words i..k: further words are one space apart, marks stand after the value
    // (no word follows one in its cell) in ascending order (the page prints a value's footnotes
    // as the XML lists them, ascending in all but one of the corpus's 1,207 lists: "Units ^(1) ^(1)"
    // and "6,810,000 ^(2) ^(1)" are two cells), and only a text cell holds several words that are not marks.
    let value = '';
    let valueWords = 0;
    let marks = 0;
    let markBefore = 0;
    for (let k = i; k < T; k++) {
      if (k > i && ((gaps[k] as number) > 1 || gaps[k] === UNKNOWN_GAP || (!isMark[k] && isMark[k - 1]))) break;
      if (isMark[k]) {
        if ((firstMark[k] as number) <= markBefore) break;
        markBefore = lastMark[k] as number;
        marks++;
      } else {
        value = valueWords === 0 ? (words[k] as Word).text : `${value} ${(words[k] as Word).text}`;
        valueWords++;
      }
      // A new cell (words i..k): no fit worked out for it yet.
      cell++;
      for (let j = 0; j < C; j++) {
        const column = columns[j] as Column;
        const kind = column.kind;
        if (valueWords > 1 && kind !== 'text') continue;
        const key = kindOf[j] as number;
        let f: number;
        if (fitFor[key] === cell) f = fitOf[key] as number;
        else {
          const free = column.field === 'natureOfOwnership';
          // "$ ^(1)": a price given only as a footnote, its dollar sign printed.
          f = valueWords === 0 ? (kind === 'price' ? PRICE_MARKS_CELL : MARKS_CELL) : fitOnPage(value === '$' ? '' : value, kind, free) + MARK_KEPT * marks;
          fitOf[key] = f;
          fitFor[key] = cell;
        }
        if (f === NO) continue;
        const sc = k === T - 1 ? f : f + (after[k * C + j] as number);
        if (sc > (best[i * C + j] as number)) {
          best[i * C + j] = sc;
          next[i * C + j] = k * C + (k === T - 1 ? C : (afterColumn[k * C + j] as number));
        }
      }
    }
    // The best way on after a cell of column j that ends at word i - 1: the columns the gap before word i allows.
    if (i > 0) {
      const gap = gaps[i] as number;
      for (let j = 0; j < C; j++) {
        let score = NO;
        let column = -1;
        // The columns nextColumns gives, tried in its order (the first of equal scores kept), by
        // the rules it is made of, without making its list: this runs for every word and column.
        if (gap === UNKNOWN_GAP) {
          for (let j2 = j + 1; j2 < C; j2++) {
            // Across a line break the next cell may stand anywhere after: the nearest column that fits.
            const sc = (best[i * C + j2] as number) - SKIP_COST * (j2 - j - 1);
            if (sc > score) {
              score = sc;
              column = j2;
            }
          }
        } else {
          const j2 = gapColumn(j, gap, C);
          if (j2 !== -1 && (best[i * C + j2] as number) > score) {
            score = best[i * C + j2] as number;
            column = j2;
          }
          const j3 = markGapColumn(j, gap, isMark[i] as boolean);
          if (j3 !== -1 && (best[i * C + j3] as number) > score) {
            score = best[i * C + j3] as number;
            column = j3;
          }
        }
        after[(i - 1) * C + j] = score;
        afterColumn[(i - 1) * C + j] = column;
      }
    }
  }
  const firstColumns = nextColumns(-1, gaps[0] as number, isMark[0] as boolean, C);
  let j = -1;
  for (const c of firstColumns) if (j === -1 || (best[c] as number) > (best[j] as number)) j = c;
  if (j === -1 || best[j] === NO) return null;
  const score = best[j] as number;
  const out: GapCell[] = [];
  let i = 0;
  while (i < T) {
    const n = next[i * C + j] as number;
    const k = Math.floor(n / C);
    out.push({ words: words.slice(i, k + 1), column: j });
    i = k + 1;
    j = n % C;
  }
  return { cells: out, score };
}

/** Columns the next cell may stand in after a gap of `gap` spaces: 1 + 2 per empty cell, 2 more before a marks-only cell; any later one after an unknown gap. */
function nextColumns(j: number, gap: number, marks: boolean, C: number): number[] {
  const out: number[] = [];
  if (gap === UNKNOWN_GAP) {
    for (let k = j + 1; k < C; k++) out.push(k);
    return out;
  }
  const column = gapColumn(j, gap, C);
  if (column !== -1) out.push(column);
  const marksColumn = markGapColumn(j, gap, marks);
  if (marksColumn !== -1) out.push(marksColumn);
  return out;
}

/** After column j and a known gap of `gap` spaces (1 + 2 per empty cell between), the next cell's column, or -1 (an even gap, or past the last column). */
function gapColumn(j: number, gap: number, C: number): number {
  const column = j + 1 + (gap - 1) / 2;
  return gap % 2 === 1 && column < C ? column : -1;
}

/** The next cell's column when it holds marks only, which the page prints 2 spaces nearer (a gap of 3 or more), or -1. */
function markGapColumn(j: number, gap: number, marks: boolean): number {
  return marks && gap >= 3 && gap % 2 === 1 ? j + 1 + (gap - 3) / 2 : -1;
}


/** The footnote numbers of a mark word: "(1)(3)" → [1, 3]. */
function markNumbers(marks: string): number[] {
  return (marks.match(/\d{1,2}/g) ?? []).map(Number);
}

/** The page prints every price with its dollar sign ("$ 6.98", "$ 0"): a bare number is rarely one. */
function fitOnPage(value: string, kind: Column['kind'], free: boolean): number {
  // The page prints an amount's dollar sign and its number apart ("$ 0.0001"): "$0.0001" is a title's par value.
  if ((kind === 'price' || kind === 'number') && /^\$\d/.test(value)) return NO;
  const f = fit(value, kind);
  // The nature of ownership is the filer's free text, printed as given ("0", "-"): the row's last cell.
  if (f === NO && free) return FREE_TEXT;
  return kind === 'price' && f > 0 && value !== '' && !value.startsWith('$') ? BARE_PRICE : f;
}



/**
 * Columns for cells known to stand in column order (a row lynx laid out over lines): each cell
 * in a later column than the one before, fitting it, the earliest such column when two fit
 * alike. Null when the cells fit no such placement.
 */
export function placeInOrder(cells: string[], columns: Column[]): number[] | null {
  const N = cells.length;
  const C = columns.length;
  // best[i * (C + 1) + j]: best score for cells i.. placed in columns j..
  const best = new Float64Array((N + 1) * (C + 1)).fill(NO);
  for (let j = 0; j <= C; j++) best[N * (C + 1) + j] = 0;
  for (let i = N - 1; i >= 0; i--) {
    const value = cells[i]?.replace(MARKS_AFTER, '') ?? '';
    for (let j = C - 1; j >= 0; j--) {
      const here = fit(value, (columns[j] as Column).kind) - 0.01 * j + (best[(i + 1) * (C + 1) + j + 1] as number);
      best[i * (C + 1) + j] = Math.max(here, best[i * (C + 1) + j + 1] as number);
    }
  }
  if (best[0] === NO) return null;
  const out: number[] = [];
  let j = 0;
  for (let i = 0; i < N; i++) {
    while ((best[i * (C + 1) + j] as number) === (best[i * (C + 1) + j + 1] as number)) j++;
    out.push(j);
    j++;
  }
  return out;
}

/** A cell's trailing marks: " (1) (2)", "(1)(2)". */
const MARKS_AFTER = /\s*(?:\(\d{1,2}\)\s*)+$/;
