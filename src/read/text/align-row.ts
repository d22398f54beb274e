// Places the cells of one table row into the form's columns. A clean row has one cell per
// column; a damaged one (PDF extraction) has cells merged, split or missing, and is aligned
// by what each column can hold, in order:
//
//   Common Stock ⇥ 10,00 ⇥ 0 $33,100 ⇥ 10,000 ⇥ 0 ⇥ D
//                  ^^^^^^^^^ one number cut in two → 7. Amount
//                              ^ price (8)  ^ owned (9)  ^ stray: reported, not read
import { isWellGrouped } from '../values.ts';
import type { Column, ColumnKind } from './table-columns.ts';
import { endIn, isWhiteSpace, offsetIn, type Cell } from './text-grid.ts';

/** A value-sized piece of a row: usually a cell, sometimes part of one. */
export interface Token {
  /** The value without footnote marks ('' when the cell holds only marks). */
  text: string;
  /** Footnote numbers printed after the value: `(1)(3)` → ['1', '3']. */
  marks: string[];
  /** Cleaned offsets of the value (or of the marks when there is no value). */
  start: number;
  end: number;
  /** Cleaned offsets of the marks, -1 when there are none. */
  marksStart: number;
  marksEnd: number;
  cellIndex: number;
}

export interface Placed {
  tokens: Token[];
  /** 1 when the cell sits in its column's place and fits it; lower when placed by inference. */
  confidence: number;
}

export interface Alignment {
  /** Column index → what was placed there. */
  placed: Map<number, Placed>;
  unplaced: Token[];
  /** True when cells matched columns one to one. */
  clean: boolean;
}

const MARKS = /(?:\s*\(\d{1,2}\))+\s*$/;
const MARK = /\((\d{1,2})\)/g;
const DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
export const DATE_WORD = /^(?:immediately|immediate|immed\.?|n\/a|none|various|-+|—|–)$/i;
const NUMBER = /^\$?\s?-?(?:[\d,]*\.?\d+)$/;
const CODE = /^[A-Z](?:\/[A-Z]|[345])?$/;
const DIGITS = /^\d+$/;
const VALUE_WORD = /^(?:\$?-?[\d,]*\.?\d+|\d{1,2}\/\d{1,2}\/\d{4}|\(\d{1,2}\)|[A-Z]|\$)$/;

/** Cuts a cell into tokens: its value and footnote marks, or several values a cell merged ("0 $33,100"). */
export function tokenize(cell: Cell): Token[] {
  if (cell.text === '') return [];
  // Only a cell that may hold several values is split into words (most cells, one word or a title, are not).
  const words = mayHoldValues(cell.text) ? cell.text.split(/\s+/) : null;
  if (words !== null && words.length > 1 && words.every((w) => VALUE_WORD.test(w)) && words.some((w) => /\d/.test(w) && !/^\(/.test(w))) {
    // Several values in one cell: a `$` joins the number after it, marks join the value before.
    const out: Token[] = [];
    let at = 0;
    let pendingDollar: number | null = null;
    for (const w of words) {
      const pos = cell.text.indexOf(w, at);
      at = pos + w.length;
      if (w === '$') {
        pendingDollar = pos;
        continue;
      }
      const last = out[out.length - 1];
      if (/^\(\d{1,2}\)$/.test(w) && last) {
        last.marks.push(w.slice(1, -1));
        if (last.marksStart === -1) last.marksStart = offsetIn(cell, pos);
        last.marksEnd = endIn(cell, pos + w.length);
        continue;
      }
      if (/^\(\d{1,2}\)$/.test(w)) {
        out.push({ text: '', marks: [w.slice(1, -1)], start: offsetIn(cell, pos), end: endIn(cell, pos + w.length), marksStart: offsetIn(cell, pos), marksEnd: endIn(cell, pos + w.length), cellIndex: cell.index });
        continue;
      }
      // The dollar waits for a number: "$ A 5.21" is an (A) or (D) then a price.
      const dollar = /\d/.test(w) ? pendingDollar : null;
      const start = offsetIn(cell, dollar ?? pos);
      const text = dollar !== null ? '$' + w : w;
      out.push({ text, marks: [], start, end: endIn(cell, pos + w.length), marksStart: -1, marksEnd: -1, cellIndex: cell.index });
      if (dollar !== null) pendingDollar = null;
    }
    return out;
  }
  // Marks need a '(': a cell without one is not searched for them (MARKS tries every place in it).
  const m = cell.text.includes('(') ? MARKS.exec(cell.text) : null;
  let valueText = m ? cell.text.slice(0, m.index).trimEnd() : cell.text;
  // "$ (1)": a price given only as a footnote.
  if (valueText === '$' && m) valueText = '';
  // The marks' numbers by exec on the global MARK (left at lastIndex 0 when done): matchAll would copy the regex for every cell.
  const marks: string[] = [];
  if (m) for (let x = MARK.exec(m[0]); x !== null; x = MARK.exec(m[0])) marks.push(x[1] as string);
  const marksStart = m ? offsetIn(cell, m.index + (m[0].length - m[0].trimStart().length)) : -1;
  const marksEnd = m ? cell.end : -1;
  if (valueText === '') return [{ text: '', marks, start: cell.start, end: cell.end, marksStart, marksEnd, cellIndex: cell.index }];
  const end = endIn(cell, valueText.length);
  return [{ text: valueText, marks, start: cell.start, end, marksStart, marksEnd, cellIndex: cell.index }];
}

/** /^\d/.test by hand: the table of scores asks it of every token in every price column. */
function startsWithDigit(text: string): boolean {
  const c = text.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * What a cell of several values (tokenize's words, each a VALUE_WORD, one with a digit) needs:
 * white space, a digit, and no character but white space and those VALUE_WORD is made of
 * ($ - , . / ( ) digits A-Z). By hand, in one scan: a cell that fails (one word, or a title,
 * most fail at their first lowercase letter) is not split and its words not tried.
 */
function mayHoldValues(text: string): boolean {
  let space = false;
  let digit = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digit = true;
    else if (isWhiteSpace(c)) space = true;
    else if (!((c >= 65 && c <= 90) || c === 36 || c === 45 || c === 44 || c === 46 || c === 47 || c === 40 || c === 41)) return false;
  }
  return space && digit;
}

const NO = -Infinity;

/** alignRow's tables of scores and choices, grown as rows need and reused: no row's values outlive its alignment. */
let scores = new Float64Array(256);
let choices = new Int8Array(256);
function scratch(size: number): { best: Float64Array; choice: Int8Array } {
  if (scores.length < size) {
    scores = new Float64Array(2 * size);
    choices = new Int8Array(2 * size);
  }
  return { best: scores, choice: choices };
}
/** alignRow's fits of tokens in kinds of columns, likewise reused: each row's [0, size) set to NaN (not yet worked out). */
let fits = new Float64Array(256);
function fitScratch(size: number): Float64Array {
  if (fits.length < size) fits = new Float64Array(2 * size);
  fits.fill(NaN, 0, size);
  return fits;
}

/** What leaving a PDF row's lone mark out costs beyond another token's. */
const MARK_LEFT_OUT = 0.1;
/** What a lone mark costs in an (A) or (D) column of a PDF's row, whose positions are rough. */
const LONE_MARK_IN_AMOUNT = 2;

/** Any letter: what a text column's value needs. */
const LETTER = /[A-Za-z]/;

/** How well a value fits a column: higher is better, -Infinity never. */
export function fit(text: string, kind: ColumnKind): number {
  if (text === '') return 1; // marks only: any column may be null with a footnote
  switch (kind) {
    case 'date':
      return isDate(text) ? 3 : DATE_WORD.test(text) ? 1.5 : NO;
    case 'number':
    case 'price': {
      // NUMBER ends in a digit: a value that does not is not tried.
      if (!endsWithDigit(text) || !NUMBER.test(text)) return DATE_WORD.test(text) ? 0.5 : NO;
      if (!isWellGrouped(text)) return 0.3;
      const dollar = text.startsWith('$');
      if (kind === 'price') return dollar ? 3 : 2;
      return dollar ? 0.5 : 2;
    }
    case 'code':
      // A code is one to three characters: a longer value is not tried.
      return text.length <= 3 && CODE.test(text) ? 3 : NO;
    case 'v':
      return text === 'V' || text === 'v' ? 3 : NO;
    case 'ad':
      return text === 'A' || text === 'D' ? 3 : NO;
    case 'di':
      return text === 'D' || text === 'I' ? 3 : NO;
    case 'text':
      // A value with a letter is no date (DATE is digits and slashes): only the letter is looked for.
      if (!LETTER.test(text)) return NO;
      return text.length === 1 ? 0.5 : 2;
  }
}

/** DATE.test, tried only on a value of a date's length (8 to 10 characters): most are not. */
function isDate(text: string): boolean {
  return text.length >= 8 && text.length <= 10 && DATE.test(text);
}

/** Whether the last character is a digit, by hand. */
function endsWithDigit(text: string): boolean {
  const c = text.charCodeAt(text.length - 1);
  return c >= 48 && c <= 57;
}

/** Whether the row's cells stand one per column and each fits its column. */
function alignsCleanly(cells: Cell[], tokenized: Token[][], columns: Column[]): boolean {
  const n = columns.length;
  // A trailing tab (or several) adds empty cells after the last column.
  for (let k = n; k < cells.length; k++) if ((cells[k] as Cell).text !== '') return false;
  if (cells.length < n - 1) return false;
  for (let k = 0; k < Math.min(n, cells.length); k++) {
    // Cells in left-to-right order (a PDF's) stand one per column only if each is at its own.
    if ((cells[k] as Cell).text !== '' && (cells[k] as Cell).index !== k) return false;
    const tokens = tokenized[k] as Token[];
    if (tokens.length > 1) return false;
    const t = tokens[0];
    if (t && fit(t.text, (columns[k] as Column).kind) < 1) return false;
  }
  return true;
}

export interface AlignOptions {
  /**
   * Cells in reading order with no column positions (lynx prints a row as one line of values):
   * placed by type and order alone, earlier columns first when two fit alike.
   */
  flow?: boolean;
  /**
   * Cells already in their columns by the row's own layout (lynx's gaps, which fit each cell to
   * its column): each is kept there, even a value that fits its column only loosely ("$ 10,713,444", an amount given as a value).
   */
  placed?: boolean;
  /**
   * Columns a lone footnote mark read in order most likely stands for (a value given only as a
   * footnote): any date for lynx; in a PDF's rows, whose marks stand with any column's value,
   * only the dates most often given so, exercisable and expiration.
   */
  markColumn?: (column: Column) => boolean;
  /**
   * The page prints every price with its dollar sign ("$ 6.98", "$0"): a bare number is less
   * likely a price. For a PDF's rows, whose positions are rough.
   */
  dollarPrices?: boolean;
}

/** What alignRow asks of a set of columns, worked out once per set (the form's tables are a few fixed sets) rather than per row. */
interface ColumnPlan {
  /** Each column's kind as an index into `kinds`, the set's kinds: a token's fits are worked out per kind. */
  kindAt: number[];
  kinds: ColumnKind[];
  /** Table II's (A) and (D) amounts. */
  adAmount: boolean[];
  /** Number and price columns: where a number cut in two may be joined. */
  numeric: boolean[];
  /** Price columns: where a PDF's bare number is less likely. */
  price: boolean[];
}
const plans = new WeakMap<readonly Column[], ColumnPlan>();
function planOf(columns: readonly Column[]): ColumnPlan {
  let plan = plans.get(columns);
  if (plan) return plan;
  plan = { kindAt: [], kinds: [], adAmount: [], numeric: [], price: [] };
  for (const col of columns) {
    let k = plan.kinds.indexOf(col.kind);
    if (k === -1) k = plan.kinds.push(col.kind) - 1;
    plan.kindAt.push(k);
    plan.adAmount.push(col.field === 'sharesA' || col.field === 'sharesD');
    plan.numeric.push(col.kind === 'number' || col.kind === 'price');
    plan.price.push(col.kind === 'price');
  }
  plans.set(columns, plan);
  return plan;
}

/** The default of AlignOptions.markColumn: any date. */
const isDateColumn = (col: Column): boolean => col.kind === 'date';

/**
 * The number two tokens make when the first is a number cut in two ("10,00" "0" → "10,000"): the
 * first has no marks and is no well-grouped number, the second is bare digits, and the two
 * together are well grouped. Null when they do not.
 */
function joinedNumber(a: Token, b: Token): string | null {
  // The second's test first: it fails on most pairs, and costs less than the first's.
  if (a.marks.length > 0 || !startsWithDigit(b.text) || !DIGITS.test(b.text) || isWellGrouped(a.text) || !NUMBER.test(a.text)) return null;
  const joined = a.text + b.text;
  return isWellGrouped(joined) ? joined : null;
}

export function alignRow(cells: Cell[], columns: Column[], options: AlignOptions = {}): Alignment {
  const placed = new Map<number, Placed>();
  const flow = options.flow === true;
  const markColumn = options.markColumn ?? isDateColumn;
  const dollarPrices = options.dollarPrices === true;
  // Each cell cut into tokens once: the checks below and the placing read the same tokens.
  const tokenized = cells.map(tokenize);
  // A placed cell that reads as several values ("2021 A") is left to the alignment below.
  const placedAlready = options.placed === true && tokenized.every((t) => t.length <= 1);
  if (!flow && (placedAlready || alignsCleanly(cells, tokenized, columns))) {
    for (let k = 0; k < Math.min(columns.length, cells.length); k++) {
      const t = (tokenized[k] as Token[])[0];
      if (t) placed.set(k, { tokens: [t], confidence: 1 });
    }
    return { placed, unplaced: [], clean: true };
  }

  // The tokens in order (a loop: flat() is slower on arrays this small).
  const tokens: Token[] = [];
  for (const ts of tokenized) for (const t of ts) tokens.push(t);
  const T = tokens.length;
  const C = columns.length;
  // best[i * W + j]: best score for tokens i.. into columns j..; choice records the move taken.
  // One array each for the whole table of scores, kept from row to row: a typed array costs more
  // to make than to fill. Every score is written before it is read, and every choice the walk
  // below reads (i < T).
  const W = C + 1;
  const { best, choice } = scratch((T + 1) * W);
  // A PDF's lone marks stand only roughly in their columns: one left out is a footnote lost, so
  // placing it where it costs as much as leaving it out wins.
  const skipPenalty = (t: Token) => (t.text.length <= 2 ? (dollarPrices && t.text === '' ? -3 - MARK_LEFT_OUT : -3) : -5);
  // Each token's fit in each kind of column worked out once (NaN until asked): the table of scores
  // tries every token in every column, and columns share a few kinds.
  const { kindAt, kinds, adAmount, numeric, price } = planOf(columns);
  const K = kinds.length;
  const fitted = fitScratch(T * K);
  const place = (t: Token, j: number, text: string) => score(t, j, text, fit(text, (columns[j] as Column).kind));
  const score = (t: Token, j: number, text: string, fitness: number) => {
    let f = fitness;
    if (f === NO) return NO;
    if (dollarPrices && price[j] && startsWithDigit(text)) f -= 1;
    // Table II's (A) and (D) amounts print their marks beside them: a lone mark there is less
    // likely than in a column a value may be given for by a footnote alone.
    if (dollarPrices && text === '' && adAmount[j]) f -= LONE_MARK_IN_AMOUNT;
    if (flow) return f + (text === '' && markColumn(columns[j] as Column) ? 0.2 : 0) - 0.01 * j;
    return f - Math.min(3, Math.abs(t.cellIndex - j));
  };
  for (let j = C; j >= 0; j--) best[T * W + j] = 0;
  for (let i = T - 1; i >= 0; i--) {
    const t = tokens[i] as Token;
    const fits = i * K;
    // What skipping the token costs, and the number it makes with the next, are the same in every column: worked out once.
    const skip = skipPenalty(t);
    const joined = i + 1 < T ? joinedNumber(t, tokens[i + 1] as Token) : null;
    for (let j = C; j >= 0; j--) {
      let b = best[(i + 1) * W + j]! + skip;
      let ch = 0; // 0 skip token, 1 skip column, 2 place, 3 join two tokens
      if (j < C) {
        const skipCol = best[i * W + j + 1]!;
        if (skipCol > b) {
          b = skipCol;
          ch = 1;
        }
        // The token's fit in the column's kind, worked out the first time that kind is asked.
        const slot = fits + (kindAt[j] as number);
        let f = fitted[slot] as number;
        if (Number.isNaN(f)) fitted[slot] = f = fit(t.text, kinds[kindAt[j] as number] as ColumnKind);
        const p = score(t, j, t.text, f);
        if (p !== NO && p + best[(i + 1) * W + j + 1]! > b) {
          b = p + best[(i + 1) * W + j + 1]!;
          ch = 2;
        }
        const jn = joined !== null && numeric[j] ? place(t, j, joined) + 2 : NO;
        if (jn !== NO && jn + best[(i + 2) * W + j + 1]! > b) {
          b = jn + best[(i + 2) * W + j + 1]!;
          ch = 3;
        }
      }
      best[i * W + j] = b;
      choice[i * W + j] = ch;
    }
  }
  const unplaced: Token[] = [];
  let i = 0;
  let j = 0;
  while (i < T) {
    const ch = j <= C ? choice[i * W + j]! : 0;
    if (ch === 0 || j >= C) {
      unplaced.push(tokens[i] as Token);
      i++;
    } else if (ch === 1) j++;
    else if (ch === 2) {
      const t = tokens[i] as Token;
      placed.set(j, { tokens: [t], confidence: !flow && t.cellIndex === j ? 0.9 : 0.7 });
      i++;
      j++;
    } else {
      placed.set(j, { tokens: [tokens[i] as Token, tokens[i + 1] as Token], confidence: 0.6 });
      i += 2;
      j++;
    }
  }
  return { placed, unplaced, clean: false };
}
