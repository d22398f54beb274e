// The cleaned rendering cut into lines and tab-separated cells, every piece with its
// offsets, plus the shared sink (issues, provenance) that every part of the text reader writes to.
import { makeIssue, type IssueCode } from '../../record/issues.ts';
import type { Issue, Provenance, Span } from '../../record/schema.ts';
import type { Positions } from '../../util/positions.ts';
import type { CleanText } from './clean-text.ts';

/** One tab-separated cell, trimmed; offsets are into the cleaned text. */
export interface Cell {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** 0-based position of the cell in its line (empty cells count). */
  readonly index: number;
  readonly line: number;
  /**
   * For a cell gathered from several places (a laid-out table's cell wrapped over lines): the
   * cleaned offset of each character of `text`; absent when `text` is the range [start, end).
   */
  readonly at?: readonly number[];
}

/** Cleaned offset of character `i` of a cell's text. */
export function offsetIn(cell: Cell, i: number): number {
  if (!cell.at) return cell.start + i;
  return cell.at[Math.min(i, cell.at.length - 1)] ?? cell.start;
}

/** Cleaned offset just after the character before `i` (the end of a range ending at i). */
export function endIn(cell: Cell, i: number): number {
  if (!cell.at) return cell.start + i;
  if (i <= 0) return cell.start;
  return (cell.at[Math.min(i - 1, cell.at.length - 1)] ?? cell.start) + 1;
}

export interface Line {
  readonly no: number;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Every cell, empty ones included: their positions are the table's columns. */
  readonly cells: Cell[];
  /** The line without tabs, for matching labels across broken cells. */
  readonly joined: string;
  readonly blank: boolean;
}

export function splitLines(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  let no = 0;
  // The next tab in the whole text (its length when there is none): one scan for all lines
  // rather than one per line, most of which (every line of most renderings) hold none.
  let tab = -1;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const lineText = text.slice(start, end);
    const cells: Cell[] = [];
    let cs = 0;
    let index = 0;
    for (;;) {
      if (tab < start + cs) {
        tab = text.indexOf('\t', start + cs);
        if (tab === -1) tab = text.length;
      }
      const ce = tab < end ? tab - start : lineText.length;
      let a = cs;
      let b = ce;
      // Trimmed on the whole text (a flat string), not on the line's slice of it.
      while (a < b && isSpace(text.charCodeAt(start + a))) a++;
      while (b > a && isSpace(text.charCodeAt(start + b - 1))) b--;
      cells.push({ text: lineText.slice(a, b), start: start + a, end: start + b, index, line: no });
      index++;
      if (ce === lineText.length) break;
      cs = ce + 1;
    }
    // A line of one cell (most lines of most renderings) is its own join.
    const joined = cells.length === 1 ? (cells[0] as Cell).text.trim() : cells.map((c) => c.text).join(' ').trim();
    lines.push({ no, start, end, text: lineText, cells, joined, blank: joined === '' });
    no++;
    if (end === text.length) break;
    start = end + 1;
  }
  return lines;
}

/**
 * For a pattern without anchors (flag g), tried on lines in order: whether a match of it starts in
 * the line, found by one scan of the cleaned text instead of a test of every line. A line's
 * joined cells differ from its text only in white space, so a pattern whose words stand apart by
 * \s matches a line's joined cells only where a match starts in the line's text: lines this
 * says no to need no other test.
 */
export function matchStarts(re: RegExp, text: string): (line: Line) => boolean {
  let next = -1;
  return (line) => {
    if (next < line.start) {
      re.lastIndex = line.start;
      const m = re.exec(text);
      next = m ? m.index : Infinity;
    }
    return next < line.end;
  };
}

/**
 * Tried on lines in order: whether the line holds `needle` (no newline in it), found by one scan
 * of the cleaned text rather than a search of every line. A line's joined cells hold it just
 * when its text does, for a needle without white space: cells are the text's pieces between
 * tabs, trimmed of spaces only.
 */
export function literalStarts(needle: string, text: string): (line: Line) => boolean {
  let next = -1;
  return (line) => {
    if (next < line.start) {
      next = text.indexOf(needle, line.start);
      if (next === -1) next = Infinity;
    }
    return next < line.end;
  };
}

/** pdftotext ends every page with a form feed: a text holding one was extracted from a PDF. */
function isPdfText(text: string): boolean {
  return text.includes('\f');
}

/**
 * Plain pdftotext (reading order) writes each cell on a line of its own from its start: a PDF's
 * lines with no indent and no run of spaces between words carry no layout.
 */
export function inReadingOrder(sink: TextSink, lines: Line[]): boolean {
  return sink.pdf && !lines.some((l) => /^\f? |\S {2,}\S/.test(l.text));
}

/**
 * How much shorter than its widest line a PDF's wrapped paragraph may end a line before the next
 * word: its proportional font fits more or fewer characters on a line than the widest line shows.
 */
export const PDF_WRAP_SLACK = 0.06;

/**
 * Times' glyph widths (thousandths of an em; Chromium prints the page in its default serif):
 * a PDF's line is as wide as its glyphs, not its characters ("(Continued from footnote 1) BCP
 * Energy Services" fills a line with fewer characters than lowercase words do).
 */
const GLYPH = new Uint16Array(128).fill(500);
const GLYPHS: [string, number[]][] = [
  ['abcdefghijklmnopqrstuvwxyz', [444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444]],
  ['ABCDEFGHIJKLMNOPQRSTUVWXYZ', [722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611]],
  [' .,:;\'/()"-%&', [250, 250, 250, 278, 278, 180, 278, 333, 333, 408, 333, 833, 778]],
];
for (const [chars, widths] of GLYPHS) for (let i = 0; i < chars.length; i++) GLYPH[chars.charCodeAt(i)] = widths[i] as number;

/** A text's printed width in average characters (half an em), by Times' glyph widths; other characters count half an em. */
export function printedWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    w += c < 128 ? (GLYPH[c] as number) : 500;
  }
  return w / 500;
}

/** A footnote mark as a word of its own: "(1)". */
export const MARK = /^\(\d{1,2}\)$/;
/** Footnote marks only, one or several run together: "(1)", "(1)(3)". */
export const MARKS_ONLY = /^(?:\(\d{1,2}\))+$/;

/** A character /\s/ matches (JavaScript's white space and line terminators), for scans done by hand. */
export function isWhiteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && (c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff));
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 0xa0 || c === 0x2002 || c === 0x2003 || c === 0x2009;
}

/** Where the reader writes what it found: issues, and each value's source span. */
export class TextSink {
  readonly clean: CleanText;
  readonly positions: Positions;
  readonly issues: Issue[] = [];
  readonly provenance: Record<string, Provenance> = {};
  /** The text was extracted from a PDF (pdftotext): its layout rules differ. */
  readonly pdf: boolean;

  constructor(clean: CleanText, positions: Positions) {
    this.clean = clean;
    this.positions = positions;
    this.pdf = isPdfText(clean.text);
  }

  /** Input offsets of the cleaned range [start, end). */
  inputRange(start: number, end: number): [number, number] {
    const o = this.clean.origin;
    const a = o[start] ?? 0;
    const b = end > start ? (o[end - 1] ?? a) + 1 : a;
    return [a, b];
  }

  /** Cleaned offset of an input offset (the first cleaned character at or after it). */
  cleanOffset(input: number): number {
    const o = this.clean.origin;
    let lo = 0;
    let hi = o.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((o[mid] as number) < input) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The input text behind a cleaned range (tags and escapes included). */
  inputSlice(start: number, end: number, input: string): string {
    const [a, b] = this.inputRange(start, end);
    return input.slice(a, b);
  }

  set(path: string, start: number, end: number, confidence: number): void {
    // inputRange's offsets, without its pair: this runs for every value read.
    const o = this.clean.origin;
    const a = o[start] ?? 0;
    const b = end > start ? (o[end - 1] ?? a) + 1 : a;
    this.provenance[path] = { span: this.positions.span(a, b), confidence };
  }

  report(code: IssueCode, params: Record<string, string | number>, path: string | null, start?: number, end?: number): void {
    let span = null;
    if (start !== undefined) {
      const [a, b] = this.inputRange(start, end ?? start);
      span = this.positions.span(a, b);
    }
    this.issues.push(makeIssue(code, params, path === null ? null : splitPath(path), span));
  }

  /** Like report, for a span already known (e.g. a value's provenance). */
  reportSpan(code: IssueCode, params: Record<string, string | number>, path: string | null, span: Span | null): void {
    this.issues.push(makeIssue(code, params, path === null ? null : splitPath(path), span));
  }
}

export function splitPath(path: string): (string | number)[] {
  if (path === '') return [];
  const parts: (string | number)[] = path.split('.');
  for (let k = 0; k < parts.length; k++) if (isDigits(parts[k] as string)) parts[k] = Number(parts[k]);
  return parts;
}

/** /^\d+$/ by hand: one or more ASCII digits. */
function isDigits(s: string): boolean {
  if (s === '') return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** A piece of text with its cleaned start offset. */
export interface Piece {
  readonly text: string;
  readonly start: number;
}

/**
 * Pieces joined with single spaces into one string that can be searched with a regex,
 * keeping a way back to the cleaned offsets.
 */
export class Stream {
  readonly text: string;
  readonly #starts: number[] = [];
  readonly #pieces: Piece[];

  constructor(pieces: Piece[]) {
    this.#pieces = pieces;
    let s = '';
    for (const p of pieces) {
      if (s !== '') s += ' ';
      this.#starts.push(s.length);
      s += p.text;
    }
    this.text = s;
  }

  /** Cleaned offset of stream offset `i` (a joining space maps to the end of the piece before it). */
  at(i: number): number {
    let k = 0;
    while (k + 1 < this.#starts.length && (this.#starts[k + 1] as number) <= i) k++;
    const p = this.#pieces[k];
    if (!p) return 0;
    const local = Math.min(i - (this.#starts[k] as number), p.text.length);
    return p.start + local;
  }

  /** Cleaned range of the stream range [a, b), trimmed of spaces. */
  range(a: number, b: number): [number, number] {
    while (a < b && this.text.charCodeAt(a) === 32) a++;
    while (b > a && this.text.charCodeAt(b - 1) === 32) b--;
    if (b <= a) return [this.at(a), this.at(a)];
    return [this.at(a), this.at(b - 1) + 1];
  }
}
