// Reads the rows of a table that a converter laid out in character columns (w3m, html2text,
// pandoc, pdftotext -layout) or wrote one row per line in reading order (lynx), into one list
// of cells per row, each cell at its column's index: what readRow places and checks.
//
//   1.Title of Security   2. Transaction 2A. Deemed   3. Transaction 4. Securities ...  ← numbered heads:
//                          Date          Execution    Code           Acquired (A) ...     where each group starts
//                                                     Code    V      Amount  (A) or (D) Price   ← sub-heads split a group
//                                                                    16,769         $
//   Common Stock           06/06/2023                 S              (1)     D      118.42 ...  ← main line (D/I column)
//                                                                                   (2)
//   ^ a row: its main line and the lines above and below it; a cell is the words under its column
import { parseGapRow, placeInOrder, UNKNOWN_GAP, type GapCell, type GapParse } from './gap-row.ts';
import type { Column } from './table-columns.ts';
import { inReadingOrder, isWhiteSpace, MARK, MARKS_ONLY, printedWidth, type Cell, type Line, type TextSink } from './text-grid.ts';
import { isPageNoteLine, pdfFlowRows } from './pdf-flow-row.ts';
import { isWordChar, trieStep, wordTrie } from './word-trie.ts';

/**
 * A footnote mark alone, "(1)" (MARK), tested on every word of a table's rows: a word not
 * starting with '(' (most) is ruled out by its first character before the regex runs.
 */
function isMark(text: string): boolean {
  return text.charCodeAt(0) === 40 && MARK.test(text);
}

/** A word of a line with its input column (escapes and tags a converter added do not shift it). */
export interface Word {
  text: string;
  start: number;
  end: number;
  x: number;
  xEnd: number;
  line: number;
}

/**
 * `bytes`: columns counted in UTF-8 bytes, as html2text lays them out (a no-break space takes
 * two columns there, so a row holding one is shifted left of its heads).
 */
export function wordsOf(line: Line, sink: TextSink, bytes = false, input = ''): Word[] {
  const out: Word[] = [];
  const origin = sink.clean.origin;
  // A PDF's form feed (a new page) before a line takes no column.
  const base = (origin[line.start] ?? 0) + (line.text.charCodeAt(0) === 12 ? 1 : 0);
  let wide = 0;
  let scanned = base;
  const colOf = (at: number): number => {
    if (bytes) {
      for (; scanned < at; scanned++) {
        const c = input.charCodeAt(scanned);
        if (c >= 0x80) wide += c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? 2 : 1;
      }
    }
    return at - base + wide;
  };
  // A flattened grid table's lines were laid out anew: their columns are kept apart.
  const column = sink.clean.column;
  // Columns counted in characters (most lines): a word's column is its input offset less the
  // line's, with no call to the closures above, which keep their counts in a context of their own.
  const plain = !bytes && !column;
  const xOf = (i: number): number => (column ? (column[i] as number) : colOf(origin[i] ?? 0));
  // The line's words (runs of non-white-space, as /\S+/g finds them), scanned by hand: this runs on every line of every table.
  // Scanned on the whole cleaned text (a flat string), not on the line's slice of it, as splitLines trims its cells.
  const t = sink.clean.text;
  const stop = line.end;
  for (let i = line.start; i < stop; ) {
    if (isWhiteSpace(t.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < stop && !isWhiteSpace(t.charCodeAt(i))) i++;
    const word = t.slice(start, i);
    const end = i;
    const x = plain ? (origin[start] ?? 0) - base : xOf(start);
    const xEnd = (plain ? (origin[end - 1] ?? 0) - base : xOf(end - 1)) + 1;
    const prev = out[out.length - 1];
    // "$ 6.98": the dollar sign belongs to the number after it.
    if (prev && prev.text === '$' && /^-?[\d.,]/.test(word) && x - prev.xEnd <= 2) {
      prev.text = '$ ' + word;
      prev.end = end;
      prev.xEnd = xEnd;
      continue;
    }
    // "(1)(2)(3)Common": marks printed against the next column's first word are split from it.
    const marks = word.charCodeAt(0) === 40 ? /^(?:\(\d{1,2}\))+(?=[A-Za-z])/.exec(word) : null;
    if (marks) {
      const k = marks[0].length;
      out.push({ text: word.slice(0, k), start, end: start + k, x, xEnd: xOf(start + k - 1) + 1, line: line.no });
      out.push({ text: word.slice(k), start: start + k, end, x: xOf(start + k), xEnd, line: line.no });
      continue;
    }
    out.push({ text: word, start, end, x, xEnd, line: line.no });
  }
  return out;
}

/** One row: its cells (index = column index; empty cells absent) and the lines it spans. */
export interface LayoutRow {
  cells: Cell[];
  start: number;
  end: number;
  /** Cells in reading order with no positions: align by type and order alone. */
  flow: boolean;
  /** Some of its lines were given to it by the centring rule, not by blank lines. */
  inferred: boolean;
  /** Each cell placed in its column by the row's own evidence (lynx's gaps): the reader keeps it there. */
  placed?: boolean;
  /**
   * Cells in left-to-right order, each with the column its heads place it under as a hint
   * (pdftotext: the heads' positions only roughly match the rows', and two cells may share one).
   */
  ordered?: boolean;
  /**
   * Its amount stands in (A) or (D) by where the table's amounts stand, in two places (a PDF's
   * heads stand on a grid of their own, off the rows'): the transaction code does not move it.
   */
  adPlaced?: boolean;
}

export interface LayoutTable {
  rows: LayoutRow[];
  /** Lines read as the table's heads (not rows). */
  headLines: number;
  mode: 'layout' | 'flow';
}

const HEAD_START = /(?:^|\s)1\s?\.\s?Title\b/;
const NUMBERED = /^(\d{1,2}A?)\.(?!\d)/;
const HEAD_WORDS = new Set(
  (
    'title of security derivative instr transaction transactions date month day year deemed execution if any code ' +
    'securities acquired a or disposed d and amount beneficially owned following reported ownership form direct ' +
    'indirect i nature beneficial conversion exercise price number exercisable expiration underlying shares v table ' +
    'non ii e g puts calls warrants options convertible at end issuer issuers s fiscal held'
  ).split(' '),
);
/** pandoc's table rules: runs of dashes. */
const RULE = /^[\s-]*-{3}[\s-]*$/;
/** A pandoc rule (RULE), its regex tried only on lines holding the '---' it needs: most hold none. */
const isRule = (text: string): boolean => text.includes('---') && RULE.test(text);
const HTML2TEXT_HEADING = /^\*{5} \S[^\n]{0,80} \*{5}$/m;
/** Lines the page prints between its tables. */
const PAGE_NOTE = /^\s*Reminder\s*:|Persons\s+who\s+respond\s+to\s+the\s+collection|SEC\s+1474\s*\(/i;

/** A line made only of the tables' head words (titles, "(Instr. 3)", sub-heads). */
export function isHeadLine(text: string): boolean {
  if (isRule(text)) return true;
  // A line of dollar amounts and marks alone ("$   (1)": a price's sign and the next value's mark; "$0") is a row's.
  // (Tried only on a line of the characters it may match: it backtracks over a long run of spaces, and most lines hold a letter.)
  if (!/[^\s$\d,.()-]/.test(text) && /^[\s\f]*(?:(?:\$ ?-?[\d,]*\.?\d*|\(\d{1,2}\))\s*)+$/.test(text)) return false;
  const lower = text.toLowerCase();
  // Lowercasing keeps a line's length unless it holds an 'İ' (two characters lowercased): every
  // other line is scanned as it stands, its characters where the text's are.
  if (lower.length === text.length) return headWordsOnly(lower, text);
  const words = text
    .replace(/\(Instr\.[^)]*\)/gi, ' ')
    .toLowerCase()
    .match(/[a-z0-9%]+/g) ?? [];
  // A line of marks or of a lone "$" (a price's dollar sign printed above it) is a row's.
  if (words.length === 0) return !/\(\d{1,2}\)|\$/.test(text);
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    if (HEAD_WORDS.has(w) || /^\d{1,2}a?$/.test(w)) continue;
    // A word pandoc cut at a grid cell's wall ("Transact ion", "(Mo nth/Day/Year)").
    if (HEAD_WORDS.has(w + (words[i + 1] ?? ''))) {
      i++;
      continue;
    }
    return false;
  }
  return true;
}

/** "1", "12", "2a", "12a": a numbered head's number, as /^\d{1,2}a?$/ takes it (the word s[from, to)). */
function isHeadNumber(s: string, from: number, to: number): boolean {
  const n = to - from;
  const isDigit = (k: number) => s.charCodeAt(from + k) >= 48 && s.charCodeAt(from + k) <= 57;
  if (n === 0 || n > 3 || !isDigit(0)) return false;
  if (n === 1) return true;
  if (n === 2) return isDigit(1) || s.charCodeAt(from + 1) === 97;
  return isDigit(1) && s.charCodeAt(from + 2) === 97;
}

/** HEAD_WORDS as a trie, for headWordsOnly to look a word up as it stands in the line. */
const HEAD_TRIE = wordTrie(HEAD_WORDS);

/** The trie node reached from `node` by the word characters of s[from, to), or -1 (no head word starts so). */
function headTrieWalk(s: string, from: number, to: number, node: number): number {
  for (let i = from; i < to && node !== -1; i++) node = trieStep(HEAD_TRIE, node, s.charCodeAt(i)) || -1;
  return node;
}

/** Whether the trie node ends a head word. */
function endsHeadWord(node: number): boolean {
  return node !== -1 && HEAD_TRIE.ends[node] === 1;
}

/**
 * isHeadLine's test of the words of a line (`lower`, lowercased, as long as `text`), by one scan
 * that stops at the first word no head holds: the words /[a-z0-9%]+/g finds with each "(Instr.
 * ...)" made a space (a '(' is no word's, so one never starts inside a word). Lowercased
 * first, "(instr." stands where the text's "(Instr." does in any case. Each word is looked up
 * where it stands (HEAD_TRIE).
 *
 *   (instr. 3)  title of   security
 *   ^ skipped   ^ words: "title", "of", "security"
 */
function headWordsOnly(lower: string, text: string): boolean {
  // The word w: lower[from, to). (Positions kept in locals and found by plain functions, not a
  // closure's captured variables: this scans every character of every head line.)
  let from = headWordFrom(lower, 0);
  // A line of marks or of a lone "$" (a price's dollar sign printed above it) is a row's.
  if (from === -1) return !/\(\d{1,2}\)|\$/.test(text);
  let to = headWordTo(lower, from);
  for (;;) {
    const node = headTrieWalk(lower, from, to, 0);
    const nextFrom = headWordFrom(lower, to);
    if (endsHeadWord(node) || isHeadNumber(lower, from, to)) {
      if (nextFrom === -1) return true;
      from = nextFrom;
      to = headWordTo(lower, from);
      continue;
    }
    // A word pandoc cut at a grid cell's wall ("Transact ion", "(Mo nth/Day/Year)"): w and the word after it, one head word.
    if (nextFrom !== -1) {
      const nextTo = headWordTo(lower, nextFrom);
      if (endsHeadWord(headTrieWalk(lower, nextFrom, nextTo, node))) {
        from = headWordFrom(lower, nextTo);
        if (from === -1) return true;
        to = headWordTo(lower, from);
        continue;
      }
    }
    return false;
  }
}

/** Where headWordsOnly's next word starts from `at` on (an "(instr. ...)" skipped), -1 at the line's end. */
function headWordFrom(lower: string, at: number): number {
  const n = lower.length;
  while (at < n) {
    const c = lower.charCodeAt(at);
    // A space (most of a laid-out line's characters) is skipped before any other test.
    if (c === 32) {
      at++;
      continue;
    }
    if (isWordChar(c)) return at;
    if (c === 40 && lower.startsWith('instr.', at + 1)) {
      const close = lower.indexOf(')', at + 7);
      if (close !== -1) {
        at = close + 1;
        continue;
      }
    }
    at++;
  }
  return -1;
}

/** Where the word starting at `from` ends (its last word character's index + 1). */
function headWordTo(lower: string, from: number): number {
  let at = from;
  while (at < lower.length && isWordChar(lower.charCodeAt(at))) at++;
  return at;
}

/**
 * The table's rows from its lines [from, to): null when the lines carry no laid-out heads
 * (the caller reads them as tab-separated cells).
 */
export function readLayoutTable(lines: Line[], from: number, to: number, columns: Column[], sink: TextSink, input: string): LayoutTable | null {
  let head = -1;
  for (let n = from; n < to; n++) {
    if (HEAD_START.test((lines[n] as Line).text)) {
      head = n;
      break;
    }
  }
  if (head === -1) return null;
  let dataFrom = head;
  // A word cut at its hyphen ("Non-" over "Qualified Stock Option") starts a row's cell: heads wrap between words.
  const headOrBlank = (line: Line) => line.blank || (isHeadLine(line.text) && !(line.text.includes('-') && /^\s*\S+-\s*$/.test(line.text)));
  // In a PDF the sub-heads' line ("Code V Amount (A) or (D) Price") and the lines right after it end
  // the heads: after a blank line below it, words of head-like lines ("Shares / held") are a row's.
  const pdf = sink.pdf;
  let subHeads = false;
  while (dataFrom < to && (headOrBlank(lines[dataFrom] as Line) || dataFrom === head)) {
    const line = lines[dataFrom] as Line;
    if (pdf && subHeads && line.blank) {
      dataFrom++;
      break;
    }
    // Form 5 prints no V: its Table I's sub-heads' line is "Amount (D) Price".
    if (/\bCode\s+V\b|\bAmount\s+\(D\)\s+Price\b/.test(line.text)) subHeads = true;
    dataFrom++;
  }
  let dataTo = to;
  for (let n = dataFrom; n < to; n++) {
    if (PAGE_NOTE.test((lines[n] as Line).text)) {
      dataTo = n;
      break;
    }
  }
  const headWords: Word[][] = [];
  for (let n = head; n < dataFrom; n++) headWords.push(wordsOf(lines[n] as Line, sink));
  // pandoc draws the grid: a rule of dash runs, one per column, above the heads.
  let runs: { x: number; xEnd: number }[] | null = null;
  for (let n = head - 1; n >= Math.max(from, head - 2) && !runs; n--) {
    const line = lines[n] as Line;
    if (!line.blank && isRule(line.text)) runs = wordsOf(line, sink);
  }
  const starts = columnStarts(headWords, columns, runs);
  const read = (bytes: boolean) => {
    const data: { line: Line; words: Word[] }[] = [];
    for (let n = dataFrom; n < dataTo; n++) {
      const line = lines[n] as Line;
      data.push({ line, words: line.blank || isRule(line.text) ? [] : wordsOf(line, sink, bytes, input) });
    }
    return data;
  };
  // html2text counts a column per UTF-8 byte (a no-break space takes two), and prints its
  // headings as "***** Reporting Owners *****": the only converter here that does either.
  const data = read(starts !== null && input.includes('***** ') && HTML2TEXT_HEADING.test(input));
  if (!starts) {
    // Plain pdftotext: a table of one row (or of holdings row after row) is read from its values'
    // types; others are not read (their order mixes rows and columns: a line of values is no row).
    const plainPdf = inReadingOrder(sink, data.map((d) => d.line));
    const pdfRows = plainPdf ? pdfFlowRows(withCellsPastNotes(data, lines, dataTo, to, sink), columns, isHeadLine, sink) : null;
    if (pdfRows) return { rows: pdfRows, headLines: dataFrom - head, mode: 'flow' };
    if (plainPdf) return { rows: unreadRows(data), headLines: dataFrom - head, mode: 'layout' };
    const rows = lynxRows(data, columns, sink, input) ?? flowRows(data);
    return { rows, headLines: dataFrom - head, mode: rows.some((r) => r.flow) ? 'flow' : 'layout' };
  }
  // pandoc wraps a cell only at spaces; the others break at a slash or after a hyphen too.
  return { rows: layoutRows(data, starts, columns, runs === null, pdf, pdf ? aHeadGap(headWords) : null), headLines: dataFrom - head, mode: 'layout' };
}

/** Each column's starting input column, from the numbered heads and sub-heads; null when the heads are not laid out. */
export function columnStarts(head: Word[][], columns: Column[], runs: { x: number; xEnd: number }[] | null = null): (number | null)[] | null {
  // On a drawn grid a head stands in its column's run: the run's start is the column's.
  const snap = (x: number): number => {
    if (!runs) return x;
    let at = x;
    for (const r of runs) if (r.x <= x) at = r.x;
    return at;
  };
  const groups = [...new Set(columns.map((c) => c.group))];
  const groupAt = new Map<string, { x: number; row: number }>();
  head.forEach((words, row) => {
    for (const w of words) {
      // A group's number starts with a digit: other words are not tried.
      const c = w.text.charCodeAt(0);
      const m = c >= 48 && c <= 57 ? NUMBERED.exec(w.text) : null;
      if (!m) continue;
      const g = (m[1] as string).toUpperCase();
      if (groups.includes(g) && !groupAt.has(g)) groupAt.set(g, { x: w.x, row });
    }
  });
  // Laid out: most groups found, left to right in the form's order.
  const found = groups.filter((g) => groupAt.has(g));
  if (found.length < Math.max(3, Math.ceil(groups.length * 0.6))) return null;
  for (let k = 1; k < found.length; k++) {
    if ((groupAt.get(found[k] as string) as { x: number }).x <= (groupAt.get(found[k - 1] as string) as { x: number }).x) return null;
  }
  const groupEnd = (g: string): number => {
    const k = groups.indexOf(g);
    for (let j = k + 1; j < groups.length; j++) {
      const at = groupAt.get(groups[j] as string);
      if (at) return at.x;
    }
    return Infinity;
  };
  // Which head words end a group's title: tested once each, not once per sub-head of their group.
  // (Each of its forms starts with '(' or ends with ')': other words are not tried.)
  const titleEnds = head.map((words) => words.map((w) => (w.text.startsWith('(') || w.text.endsWith(')')) && /^\(Instr|Year\)$|^\(Month|^\d\)$/.test(w.text)));
  // Sub-heads stand below the group's title, which ends with "(Instr. n)" or "(Month/Day/Year)":
  // the lowest row holding such an end under the group, found once per group (not per sub-head).
  const belowOf = new Map<string, number>();
  const titleBottom = (group: string, g: { x: number; row: number }, end: number): number => {
    const known = belowOf.get(group);
    if (known !== undefined) return known;
    let below = g.row;
    for (let row = g.row; row < head.length; row++) {
      const words = head[row] as Word[];
      if (words.some((w, i) => w.x >= g.x && w.x < end && (titleEnds[row] as boolean[])[i])) below = row;
    }
    belowOf.set(group, below);
    return below;
  };
  return columns.map((col, k) => {
    const g = groupAt.get(col.group);
    if (!g) return null;
    const first = k === 0 || (columns[k - 1] as Column).group !== col.group;
    if (first || !col.sub) return first ? snap(g.x) : null;
    // The sub-head: the lowest occurrence under the group, below the group's number. A centred
    // sub-head starts right of its column: the column starts after the sub-head on its left.
    const end = groupEnd(col.group);
    const below = titleBottom(col.group, g, end);
    let x: number | null = null;
    for (let row = below + 1; row < head.length; row++) {
      for (const w of head[row] as Word[]) if (w.x > g.x && w.x < end && col.sub.test(w.text)) x = w.x;
    }
    if (x === null) return null;
    if (runs) return snap(x);
    let from = g.x;
    for (let row = below + 1; row < head.length; row++) {
      for (const w of head[row] as Word[]) if (w.x >= g.x && w.x < x && w.xEnd < x) from = Math.max(from, w.xEnd + 1);
    }
    return from > g.x ? from : x;
    return x;
  });
}

/** A footnote mark's number: "(12)" → 12. */
const markNumber = (mark: string): number => Number(mark.slice(1, -1));

/** A par value as a title prints it: "$0.10", "$.001", "$1". */
const PAR_FIGURE = /^\$(?:\d+(?:\.\d+)?|\.\d+)$/;

/**
 * The words of a PDF's line that are a dollar figure standing between a title's words, one space
 * apart ("Stock, $1 2/3 Par Value"): the figure, the digits after it and the word closing it.
 * Values of other columns stand further apart, and none is followed by a word at one space.
 */
function titleFigures(words: Word[]): Set<number> | null {
  // Made when a figure is found (few lines hold one): null for none.
  let out: Set<number> | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as Word;
    // A figure starts with '$' (/^\$\.?\d/): other words are ruled out by their first character.
    if (w.text.charCodeAt(0) !== 36 || !/^\$\.?\d/.test(w.text) || !/[A-Za-z]|^[-–]$/.test(words[i - 1]?.text ?? '') || !wordsNear(words[i - 1], w)) continue;
    let j = i + 1;
    while (wordsNear(words[j - 1], words[j]) && /^[\d/.,-]+$/.test((words[j] as Word).text)) j++;
    if (!wordsNear(words[j - 1], words[j]) || !/^[A-Za-z]{2}/.test((words[j] as Word).text)) continue;
    out ??= new Set<number>();
    for (let k = i; k <= j; k++) out.add(k);
  }
  return out;
}

/** Two words of a line one space apart or touching (titleFigures'). */
function wordsNear(a: Word | undefined, b: Word | undefined): boolean {
  return a !== undefined && b !== undefined && b.x - a.xEnd <= 1;
}

/** The column a word stands under: the range it overlaps most. */
function columnOf(w: { x: number; xEnd: number }, ranges: { k: number; from: number; to: number }[]): number {
  let best = (ranges[0] as { k: number }).k;
  let most = -1;
  for (const r of ranges) {
    const overlap = Math.min(w.xEnd, r.to) - Math.max(w.x, r.from);
    if (overlap > most) {
      most = overlap;
      best = r.k;
    }
  }
  return best;
}

function layoutRows(data: { line: Line; words: Word[] }[], starts: (number | null)[], columns: Column[], breaksInWords: boolean, pdf: boolean, aGap: HeadGaps | null): LayoutRow[] {
  const ranges: { k: number; from: number; to: number }[] = [];
  const defined = starts.map((x, k) => ({ x, k })).filter((s): s is { x: number; k: number } => s.x !== null);
  defined.forEach((s, i) => {
    const next = defined[i + 1];
    ranges.push({ k: s.k, from: i === 0 ? -Infinity : s.x, to: next ? next.x : Infinity });
  });
  const diCol = columns.findIndex((c) => c.kind === 'di');
  // A title starts with a capital; a nature of ownership may well not ("by Trust").
  const titled = columns.map((c) => /Title$/.test(c.field));
  // A PDF's nature words may stand under the D/I head (positions are rough): the columns from D/I on.
  const natured = columns.map((c, k) => c.field === 'natureOfOwnership' || (diCol !== -1 && k >= diCol));
  // Rows of one security repeat its title; rows of one holder, the nature's first words ("Sequoia Capital").
  const repeating = columns.map((c, k) => (titled[k] as boolean) || (natured[k] as boolean));
  const rangeEnd = (k: number): number => ranges.find((r) => r.k === k)?.to ?? Infinity;
  // On pandoc's drawn grid a column starts exactly where its rule does: a mark standing at or
  // after another column's start ("Stock Option (3)" with the (3) under the price) is that column's.
  const startsOwnColumn = (w: Word, col: number): boolean => {
    if (breaksInWords) return false;
    const own = columnOf(w, ranges);
    const r = ranges.find((x) => x.k === own);
    return own !== col && r !== undefined && w.x >= r.from;
  };
  // Words one space apart in a text ("Common Stock") stay in one cell whatever the ranges say:
  // whether word i of a line (`w`) goes on in the cell of the word before it (`prev`).
  const joinsPrevious = (words: Word[], i: number, w: Word, prev: Placement, figures: Set<number> | null): boolean => {
    // "Common Stock, $1 2/3 Par Value", "Comm Stock - $.16-2/3 value": a dollar figure between a title's words.
    if (figures?.has(i) === true) return true;
    const gap = w.x - prev.w.xEnd;
    if (gap > 2) return false;
    const t = w.text;
    const p = prev.w.text;
    // A footnote mark right after a value ("Stock (2)") is that value's.
    if (isMark(t) && !isMark(p) && !startsOwnColumn(w, prev.col)) return true;
    if (gap > 1) return false;
    // (In a PDF's line a word ending with its mark ends its cell: "J(12) V" is a code and a V.)
    if (/^[A-Za-z]/.test(t) && /[A-Za-z]/.test(p) && !(pdf && /\(\d{1,2}\)$/.test(p))) return true;
    // "par value $0.0001", "par value 0.0001": the par value is the title's.
    if (/^(?:\$\d|\$?0?\.\d+$)/.test(t) && /^(?:par|value)$/i.test(p)) return true;
    // "7,681,964 (1) (2) (3)": a further mark that starts inside the value's column is the value's too.
    // (A PDF's columns stand only roughly under their heads: there the marks run on.)
    // A cell cites a footnote once, its marks going up ("(1) (3)"): a mark not above the one before it
    // starts the next cell's ("D (1) (1)": the D's mark and the nature's; "Stock (3) (1) (3)": the title's, then an amount's).
    if (isMark(t) && isMark(p) && (pdf ? markNumber(t) > markNumber(p) : w.x < rangeEnd(prev.col))) return true;
    if (!pdf) return false;
    // In a PDF's line, touching words:
    return (
      // "Smith & Hood", "Option - LBRDK": an ampersand or dash between words is theirs.
      (/^[&–-]$/.test(t) && /[A-Za-z]/.test(p)) ||
      (/^[A-Za-z]/.test(t) && /^[&–-]$/.test(p) && prev.joined) ||
      // "401 (k)", "Option (right to buy)", "Options (Right to Buy)", "OPTIONS (RT TO BUY)", "stock ('Common Stock')",
      // "Shares [ADS]": a bracket of words goes on with the word before it (a mark holds digits only).
      (/^(?:\(['"‘“]?(?:[a-z]|[A-Z][a-z]|[A-Z]{2})|\[[A-Za-z])/.test(t) && /[A-Za-z0-9]$/.test(p)) ||
      // "Common Stock, $0.10 par value": a dollar figure between a title's words and "par" is the title's.
      (PAR_FIGURE.test(t) && /[A-Za-z],?$/.test(p) && /^par$/i.test(words[i + 1]?.text ?? '') && (words[i + 1] as Word).x - w.xEnd <= 1) ||
      (/^par$/i.test(t) && PAR_FIGURE.test(p)) ||
      // "By 401(k)", "2nd Lien": a figure with lowercase letters is no column's value, but a text's word.
      (/^\d[\d,.]*\(?[a-z]/.test(t) && /[A-Za-z]$/.test(p)) ||
      // "Debentures due 2048", "Series 2019": the page prints an amount of thousands with its comma and
      // a price with its dollar sign, so four bare digits after a word are the text's ...
      (/^\d{4}$/.test(t) && /[A-Za-z]$/.test(p)) ||
      // ... and the words after them too ("By Levchin 2012 Irrevocable Trust").
      (/^[A-Za-z]/.test(t) && /^\d{4}$/.test(p) && prev.joined) ||
      // "4.0% Series C ...": no column's value is a percentage, a title's word follows it.
      (/^[A-Za-z]/.test(t) && /^\d[\d.]*%$/.test(p)) ||
      // "par value $0.01 per share": a lowercase word goes on with the title's words before it.
      (/^[a-z]/.test(t) && prev.joined)
    );
  };
  const placed = data.map((d) => {
    const out: Placement[] = [];
    const figures = pdf ? titleFigures(d.words) : null;
    // (A loop, not a callback per line: this runs on every word of the table.)
    for (let i = 0; i < d.words.length; i++) {
      const w = d.words[i] as Word;
      const prev = out[i - 1];
      const joins = prev !== undefined && joinsPrevious(d.words, i, w, prev, figures);
      out.push({ w, col: joins && prev ? prev.col : columnOf(w, ranges), joined: joins });
    }
    return out;
  });
  // pdftotext lays out each page of a PDF on its own character grid: the heads place only the rows of their own page.
  const page: number[] = [];
  data.forEach((d, i) => page.push((page[i - 1] ?? 0) + (d.line.text.includes('\f') ? 1 : 0)));
  const natureCol = columns.findIndex((c) => c.field === 'natureOfOwnership');
  if (pdf && diCol !== -1 && natureCol !== -1) diAndNatureByPage(placed, page, diCol, natureCol);
  // Each line's text per column, and each column's width: what tells a wrapped cell from two
  // (a PDF's lines as wide as their glyphs).
  const measure = pdf ? printedWidth : (t: string) => t.length;
  const C = columns.length;
  const width: number[] = new Array<number>(C).fill(0);
  // A PDF's values stand only roughly under their heads: a price or mark placed under a title's
  // head ("Stock $ 0 (2) (3)") is not the title's, and would widen its column.
  const isText = columns.map((c) => c.kind === 'text');
  const texts = placed.map((ps) => {
    const row: { text: string; x: number }[] = [];
    const wide: string[] = [];
    for (const p of ps) {
      const cur = row[p.col];
      if (cur) cur.text += ' ' + p.w.text;
      else row[p.col] = { text: p.w.text, x: p.w.x };
      if (pdf && isText[p.col] && (isValueWord(p.w.text) || isMark(p.w.text) || p.w.text === '$')) continue;
      wide[p.col] = wide[p.col] === undefined ? p.w.text : wide[p.col] + ' ' + p.w.text;
    }
    wide.forEach((t, c) => (width[c] = Math.max(width[c] ?? 0, measure(t))));
    return row;
  });

  const values = pdf ? placed.map(valuesOf) : [];
  // Where each PDF cell stands, for amountsByPlace.
  const cellsAt = new Map<Cell, { x: number; xEnd: number }>();

  // Blocks of lines between blank lines; in each, main lines (a D or I under the D/I column).
  const blocks: [number, number][] = [];
  data.forEach((d, i) => {
    const last = blocks[blocks.length - 1];
    if (d.words.length === 0) return;
    if (last && last[1] === i - 1) last[1] = i;
    else blocks.push([i, i]);
  });
  const cellStarts = pdf ? sharedTitleStarts(blockStarts(texts, blocks, repeating), titled) : [];
  const openEndsIn = pdf ? openEndsOf(texts, repeating) : () => 0;
  // The wrap breaks are counted once for the whole table: every block's chain split reads them.
  const breaks = wrapBreaksOf(texts, width, 1, pdf ? PDF_CELL_SLACK : 0, measure);
  // The lines' filled columns and the title and nature columns, as bits: worked out once for every range the chain splits try.
  const filled = filledBits(texts);
  const titledMask = maskOf(titled);
  const naturedMask = maskOf(natured);
  const rows: LayoutRow[] = [];
  let blockStart = -1;
  const closeBlock = (end: number) => {
    if (blockStart === -1) return;
    const idx: number[] = [];
    for (let i = blockStart; i < end; i++) idx.push(i);
    blockStart = -1;
    const diLines = pdf ? pdfMains(idx, placed, page) : [];
    let mains = pdf ? densestNear(diLines, placed, idx[0] as number, idx[idx.length - 1] as number) : idx.filter((i) => (placed[i] ?? []).some((p) => p.col === diCol && /^[DI]$/.test(p.w.text)));
    if (mains.length === 0) {
      // No D/I printed: the line with the most columns filled is the row's.
      let best = idx[0] as number;
      let most = -1;
      for (const i of idx) {
        const n = new Set((placed[i] ?? []).map((p) => p.col)).size;
        if (n > most) {
          most = n;
          best = i;
        }
      }
      mains = [best];
    }
    const pageStarts = idx.filter((i) => (data[i] as { line: Line }).line.text.includes('\f'));
    // Two rules on a title's or nature's words count twice (a nature starts "By", a line ending "to"
    // goes on): a filing's words break them less often than pdftotext's lines break the layout
    // rules (a cell's lines in one run, "By Riverstone" two lines above the rest of its nature).
    const spans = splitChain(idx[0] as number, idx[idx.length - 1] as number, mains, (a, b, main) => 5 * (breaks(a, b) + cellGaps(texts, a, b, pdf, filled) + (pdf ? stackedWords(values, a, b, page) + continuedStarts(texts, a, b, titled, filled, titledMask) + closedTitles(texts, a, b, titled) + repeatedStarts(texts, a, b, repeating, natured) + 2 * natureStarts(texts, a, b, natured, filled, naturedMask) + knownStarts(texts, a, b, repeating, cellStarts) + 2 * openEndsIn(a, b) : 0)) + (pdf ? cellsOffCentre(texts, a, b, main, filled) : 0) + 2 * offMain(texts, a, b, main, filled), {
      unlike: UNLIKE_ROWS,
      pageStarts,
      // pdftotext puts a cell's lines on a line grid of its own: a row is only roughly centred on its D/I,
      // one line off either way costing alike.
      offCentre: pdf ? PDF_OFF_CENTRE : 40,
      oneMoreBelow: pdf ? PDF_ONE_MORE_BELOW : 0,
      shifts: pdf && mains.length >= PDF_SHIFTED_ROWS ? PDF_SHIFTS : [],
      periodic: diLines,
    });
    spans.forEach(([a, b], r) => {
      const rowLines: { line: Line; placed: Placement[]; page: number }[] = [];
      for (let i = a; i <= b; i++) rowLines.push({ line: (data[i] as { line: Line }).line, placed: placed[i] ?? [], page: page[i] ?? 0 });
      const inferred = mains.length > 1 && (a < (mains[r] as number) || b > (mains[r] as number));
      rows.push(pdf ? pdfRow(rowLines, inferred, ranges, page[mains[r] as number] ?? 0, natureCol, cellsAt) : makeRow(rowLines, inferred, columns, breaksInWords));
    });
  };
  data.forEach((d, i) => {
    if (d.words.length === 0) closeBlock(i);
    else if (blockStart === -1) blockStart = i;
  });
  closeBlock(data.length);
  if (pdf) {
    amountsByPlace(rows, cellsAt, columns, ranges, aGap);
    amountsUnderA(rows, cellsAt, columns, aGap);
  }
  return rows;
}

/**
 * Table II's (A) and (D) heads are narrow, and a PDF's heads stand on a grid of their own: an
 * amount standing under one may belong under the other. Where the table's amounts stand in two
 * places about a column apart, the left ones are (A) and the right ones (D), whatever the heads say.
 *
 *   Code    V      (A)       (D)          ← heads
 *   M                     30,717          ← (D)
 *   M          30,717                     ← (A), though it stands nearer the (D) head
 */
function amountsByPlace(rows: LayoutRow[], cellsAt: Map<Cell, { x: number; xEnd: number }>, columns: Column[], ranges: { k: number; from: number; to: number }[], aGap: HeadGaps | null): void {
  const aCol = columns.findIndex((c) => c.field === 'sharesA');
  const dCol = columns.findIndex((c) => c.field === 'sharesD');
  const aFrom = ranges.find((r) => r.k === aCol)?.from;
  const dFrom = ranges.find((r) => r.k === dCol)?.from;
  // The (D) head may stand past the next group's number (heads lie on a grid of their own): no (D) column then.
  if (aCol === -1 || dCol === -1 || aFrom === undefined || (dFrom !== undefined && dFrom <= aFrom)) return;
  const amounts: { row: LayoutRow; k: number; middle: number }[] = [];
  for (const row of rows) {
    if (row.flow) continue;
    // Without a (D) head, (D)'s amount falls in the date column after it (no amount's): the
    // row's first cell from (A) on.
    const first = dFrom === undefined ? row.cells.findIndex((c) => c.index >= aCol) : -1;
    row.cells.forEach((cell, k) => {
      const at = cellsAt.get(cell);
      const inAD = cell.index === aCol || cell.index === dCol || (k === first && cell.index === dCol + 1);
      if (at && inAD && AMOUNT_CELL.test(cell.text)) amounts.push({ row, k, middle: (at.x + at.xEnd) / 2 });
    });
  }
  if (amounts.length === 0) return;
  amounts.sort((a, b) => a.middle - b.middle);
  let cut = -1;
  let widest = 0;
  for (let i = 1; i < amounts.length; i++) {
    const gap = (amounts[i] as { middle: number }).middle - (amounts[i - 1] as { middle: number }).middle;
    if (gap > widest) {
      widest = gap;
      cut = i;
    }
  }
  // About a column apart: the heads' (A) to (D) distance, give or take half.
  const apart = dFrom === undefined ? Infinity : dFrom - aFrom;
  if (widest > 2 * apart) return;
  if (widest >= apart / 2) {
    amounts.forEach((a, i) => {
      a.row.cells[a.k] = { ...(a.row.cells[a.k] as Cell), index: i < cut ? aCol : dCol };
      a.row.adPlaced = true;
    });
    return;
  }
  // All in one place: the heads tell the column.
  if ((amounts[amounts.length - 1] as { middle: number }).middle - (amounts[0] as { middle: number }).middle > ONE_PLACE) return;
  const side = amountsSide(amounts.map((a) => a.row.cells[a.k] as Cell), aGap);
  if (side === null) return;
  for (const a of amounts) {
    a.row.cells[a.k] = { ...(a.row.cells[a.k] as Cell), index: side === 'A' ? aCol : dCol };
    a.row.adPlaced = true;
  }
}

/**
 * Where all of Table II's amounts stand in one place, the heads show their column: the page
 * sizes each column to its widest cell and centres the head over it, so an (A) column no amount
 * stands in is as narrow as its head, its '(A)' a space or two after the 'V' (each amount (D)'s),
 * and one an amount wider than the head stands in puts its '(A)' further off.
 *
 *   Code    V (A)       (D)          ← (A) empty: the amount is (D)'s
 *   P(2)              5,000
 *   Code    V     (A)    (D)          ← (A) holds the amount
 *   M          1,560
 */
function amountsSide(cells: Cell[], aGap: HeadGaps | null): 'A' | 'D' | null {
  // An amount no wider than '(A)' leaves the column's width to the head.
  if (aGap === null || cells.some((c) => c.text.replace(MARKS_TAIL, '').length < 4)) return null;
  if (aGap.va <= 2) return 'D';
  // An (A) column as wide as the (D) column or wider: '(A)' about as far from 'V' as from '(D)'.
  return aGap.ad <= aGap.va + 1 ? 'A' : null;
}

/** Spaces between Table II's sub-heads: 'V' to '(A)', '(A)' to '(D)'. */
interface HeadGaps {
  va: number;
  ad: number;
  /** The sub-heads themselves. */
  v: Word;
  a: Word;
  d: Word;
}

/** Spaces between Table II's sub-heads 'V', '(A)' and '(D)' ("Code V (A) (D)"), null if not so printed. */
function aHeadGap(headWords: Word[][]): HeadGaps | null {
  for (const words of headWords) {
    const k = words.findIndex((w, i) => w.text === 'V' && words[i + 1]?.text === '(A)' && words[i + 2]?.text === '(D)');
    const [v, a, d] = [words[k], words[k + 1], words[k + 2]];
    if (k !== -1 && v && a && d) return { va: a.x - v.xEnd, ad: d.x - a.xEnd, v, a, d };
  }
  return null;
}

/**
 * An amount a row's (A) or (D) placing left unsettled that stands under the '(A)' head itself,
 * right of the 'V' and ending before the '(D)': it is (A)'s. A PDF's amounts may stand right of
 * their head (an (A) amount under the (D) head, see amountsByPlace), not left of it, so one under
 * '(A)' is no (D) amount moved.
 *
 *   Code    V   (A)     (D)
 *   S         900                ← (A)
 */
function amountsUnderA(rows: LayoutRow[], cellsAt: Map<Cell, { x: number; xEnd: number }>, columns: Column[], heads: HeadGaps | null): void {
  const aCol = columns.findIndex((c) => c.field === 'sharesA');
  if (!heads || aCol === -1) return;
  const { v, a, d } = heads;
  for (const row of rows) {
    if (row.flow || row.adPlaced) continue;
    row.cells.forEach((cell, k) => {
      const at = cellsAt.get(cell);
      if (!at || !AMOUNT_CELL.test(cell.text) || at.x <= v.xEnd || at.xEnd > d.x || at.x >= a.xEnd || at.xEnd <= a.x) return;
      row.cells[k] = { ...cell, index: aCol };
      row.adPlaced = true;
    });
  }
}

/** How far apart (characters) the middles of amounts in one column may stand. */
const ONE_PLACE = 3;

/** A PDF amount cell's marks after its figure: " (4)". */
const MARKS_TAIL = / ?\(\d{1,2}\)/g;

/** An amount as a PDF's cell holds it, maybe with its marks: "4,502,447", "30,717 (13)". */
const AMOUNT_CELL = /^\$? ?[\d,]*\.?\d+(?: ?\(\d{1,2}\))*$/;

/**
 * Gives the lines of a block to its main lines. Converters centre a cell's lines on the row's
 * middle, so a row has as many lines above its main line as below, or one more below. Among the
 * splits that keep every row so, `extra` (lines that cannot be one cell) decides, then giving
 * lines to the row above.
 */
/**
 * How much shorter (a share of its widest line) a PDF cell's line may end than the next word
 * would need: Chromium wraps by the words' printed widths, which Times' glyph widths (printedWidth)
 * give only roughly (a cell may be printed in another font).
 */
const PDF_CELL_SLACK = 0.1;

/** Rows of one table are alike: a row with more or fewer lines above its main line than the row before costs this. */
const UNLIKE_ROWS = 0.12;
const PDF_OFF_CENTRE = 2;
/**
 * A PDF's row with one more line below its main line than above costs a little more than one
 * with one more above: a cell of an even count of lines more often stands with its main line
 * on the lower of its two middle lines ("Estate" / main / "Planning", then "US" / "Venture" / main "2010" / "Seed").
 */
const PDF_ONE_MORE_BELOW = PDF_OFF_CENTRE + 0.3;

export interface ChainCosts {
  /** Cost of a row with one more line below its main line than above. */
  oneMoreBelow?: number;
  /** Cost of a row with more or fewer lines above its main line than the row before. */
  unlike?: number;
  /** Cost per line of a row's lines above and below its main line differing by more. */
  offCentre?: number;
  /**
   * Lines that start a new page of a PDF: a row going on past one starts at its main line (its
   * cells are cut there, not centred), and only its lines on the main line's page count above it.
   */
  pageStarts?: number[];
  /** Where the rows stand off their main lines, alike for all: lines more below than above. */
  shift?: number;
  /**
   * Shifts to try besides none: the rows split alike off their main lines that break fewer of
   * `extra`'s rules are the rows (pdftotext may set every row's D/I line a line or two off its
   * cells' middle).
   */
  shifts?: number[];
  /** Each row's D/I line, where it may differ from its main line (see splitChain). */
  periodic?: number[];
}

/** Rows a PDF's block needs for a shift off their main lines alike to show; the shifts tried. */
const PDF_SHIFTED_ROWS = 3;
const PDF_SHIFTS = [-2, -1, 1, 2];

export function splitChain(first: number, last: number, mains: number[], extra: (from: number, to: number, main: number, row: number) => number = () => 0, costs: ChainCosts = {}): [number, number][] {
  const { oneMoreBelow = 0, unlike = 0, offCentre = 40, pageStarts = [], shift = 0, shifts = [] } = costs;
  const k = mains.length;
  if (k === 1) return [[first, last]];
  if (shifts.length > 0) {
    // Each range's extra counted once over the tries.
    // The ranges the split tries for row r (from up to `above` lines over its main line to up to
    // `below` under it, as far as the rows beside it allow) in a table of the row's (NaN: not
    // counted yet), looked up by index: every try asks for each of them.
    const aboveMost = mains.map((mm, r) => mm - (r === 0 ? first : (mains[r - 1] as number) + 1));
    const belowMost = mains.map((mm, r) => (r === k - 1 ? last : (mains[r + 1] as number) - 1) - mm);
    const tables: (number[] | undefined)[] = [];
    // Other ranges (a periodic split's): ranges lie in [first, last], and offsets into it keep
    // the key a small integer (a Smi, cheap to hash) for any block of fewer than 1,024 lines, and distinct for longer ones.
    const counted = new Map<number, number>();
    const n = last - first + 1;
    const once = (a: number, b: number, main: number, r: number): number => {
      const above = main - a;
      const below = b - main;
      const most = aboveMost[r] as number;
      if (main === mains[r] && above >= 0 && below >= 0 && above <= most && below <= (belowMost[r] as number)) {
        const table = (tables[r] ??= new Array<number>((most + 1) * ((belowMost[r] as number) + 1)).fill(NaN));
        const at = below * (most + 1) + above;
        let c = table[at] as number;
        if (c !== c) table[at] = c = extra(a, b, main, r);
        return c;
      }
      const key = ((a - first) * n + (b - first)) * n + (main - first);
      let c = counted.get(key);
      if (c === undefined) counted.set(key, (c = extra(a, b, main, r)));
      return c;
    };
    const broken = (s: [number, number][]) => s.reduce((n, [a, b], r) => n + once(a, b, mains[r] as number, r), 0);
    let spans = splitChain(first, last, mains, once, { ...costs, shifts: [] });
    let fewest = broken(spans);
    // Rows of one shape: their D/I lines (`periodic`, or the main lines) evenly spaced, each row
    // as many lines long, the same number of them above its D/I line (but the first row's cut at
    // the block's top, or the last row's at its end). Such a split is the block's unless it breaks more rules.
    const at = costs.periodic ?? mains;
    const period = (at[1] as number) - (at[0] as number);
    if (at.length === k && period > 1 && at.every((m, r) => m === (at[0] as number) + r * period)) {
      const lastAt = at[k - 1] as number;
      for (const above of new Set([(at[0] as number) - first, period - 1 - (last - lastAt)])) {
        if (above < 0 || above >= period || (at[0] as number) - above > first || lastAt - above + period - 1 < last) continue;
        const s = at.map((m): [number, number] => [Math.max(first, m - above), Math.min(last, m - above + period - 1)]);
        const n = broken(s);
        if (n <= fewest) {
          fewest = n;
          spans = s;
        }
      }
    }
    for (const by of shifts) {
      if (fewest === 0) break;
      const s = splitChain(first, last, mains, once, { ...costs, shift: by, shifts: [] });
      const n = broken(s);
      if (n < fewest) {
        fewest = n;
        spans = s;
      }
    }
    return spans;
  }
  const m = (i: number) => mains[i] as number;
  const cost = (i: number, above: number, below: number) => {
    // A row cut by a page break (a PDF's): see ChainCosts.pageStarts.
    let onPageAbove = above;
    let onPageBelow = below;
    let cut = false;
    for (const p of pageStarts) {
      if (p > m(i) && p <= m(i) + below) {
        onPageBelow = Math.min(onPageBelow, p - m(i) - 1);
        cut = true;
      } else if (p <= m(i) && p > m(i) - above) onPageAbove = Math.min(onPageAbove, m(i) - p);
    }
    // A row going on past a page break starts at its main line: its cells are cut, not centred.
    const d = cut ? -onPageAbove : onPageBelow - onPageAbove - shift;
    return (d === 0 ? 0 : d === 1 ? oneMoreBelow : offCentre * Math.abs(d)) + 0.1 * above + extra(m(i) - above, m(i) + below, m(i), i);
  };
  // For row i: the lines above its main line → least cost of rows before it (Infinity: none), and
  // for each, the lines above row i - 1's that led there (a back pointer: the split is read back
  // from the last row, not copied along). States are tried from the most lines above down, the
  // first of equal costs kept.
  // (Plain arrays: a block's rows hold a few states each, and a typed array costs more to make than that.)
  let prevCost: number[] = new Array<number>(m(0) - first + 1).fill(Infinity);
  prevCost[m(0) - first] = 0;
  const back: number[][] = [];
  const gaps: number[] = [];
  for (let i = 0; i < k - 1; i++) {
    const gap = m(i + 1) - m(i) - 1;
    const nextCost: number[] = new Array<number>(gap + 1).fill(Infinity);
    const from: number[] = new Array<number>(gap + 1).fill(0);
    for (let above = prevCost.length - 1; above >= 0; above--) {
      const sc = prevCost[above] as number;
      if (sc === Infinity) continue;
      for (let below = 0; below <= gap; below++) {
        const c = sc + cost(i, above, below) + (gap - below !== above ? unlike : 0);
        if (c < (nextCost[gap - below] as number)) {
          nextCost[gap - below] = c;
          from[gap - below] = above;
        }
      }
    }
    back.push(from);
    gaps.push(gap);
    prevCost = nextCost;
  }
  let bestAbove = -1;
  let bestCost = Infinity;
  for (let above = prevCost.length - 1; above >= 0; above--) {
    const sc = prevCost[above] as number;
    if (sc === Infinity) continue;
    const c = sc + cost(k - 1, above, last - m(k - 1));
    if (bestAbove === -1 || c < bestCost) {
      bestCost = c;
      bestAbove = above;
    }
  }
  const path: number[] = new Array<number>(k - 1);
  for (let i = k - 2, a = bestAbove; i >= 0; i--) {
    path[i] = (gaps[i] as number) - a;
    a = (back[i] as number[])[a] as number;
  }
  const out: [number, number][] = [];
  let from = first;
  for (let i = 0; i < k; i++) {
    const to = i < k - 1 ? m(i) + (path[i] as number) : last;
    out.push([from, to]);
    from = to + 1;
  }
  return out;
}

/**
 * For a range [from, to] of lines: 1 for each pair of its lines that cannot be one wrapped cell,
 * the first word of the lower line having fitted on the upper one (in the column's width, less
 * `slack` characters or `slackShare` of the width, the more: a PDF's proportional font fits more
 * or fewer characters on a line than its widest line shows). Counted by running sums over the
 * pairs: a chain split tries every range.
 */
export function wrapBreaksOf(texts: { text: string; x: number }[][], width: number[], slack = 1, slackShare = 0, measure: (text: string) => number = (t) => t.length): (from: number, to: number) => number {
  const sums: number[] = new Array<number>(texts.length + 1).fill(0);
  for (let i = 0; i < texts.length; i++) sums[i + 1] = (sums[i] as number) + pairBreaks(texts, width, i, slack, slackShare, measure);
  return (from, to) => (to <= from ? 0 : (sums[Math.min(to, texts.length)] as number) - (sums[Math.max(0, from)] as number));
}

/** wrapBreaksOf's count for lines i and i + 1. */
function pairBreaks(texts: { text: string; x: number }[][], width: number[], i: number, slack: number, slackShare: number, measure: (text: string) => number): number {
  const upper = texts[i];
  const lower = texts[i + 1];
  if (!upper || !lower) return 0;
  let n = 0;
  upper.forEach((u, c) => {
    const l = lower[c];
    if (!l || u.text === '' || l.text === '') return;
    // Footnote marks end a cell: a capitalised line below them ("Class B", "TCV") starts the next one.
    if (/\(\d{1,2}\)$/.test(u.text) && /^[A-Z](?:[a-z]|[A-Z]{2})/.test(l.text)) {
      n++;
      return;
    }
    if (!/[a-z]{2}/i.test(u.text) || !/^[a-z]{2}/i.test(l.text)) return;
    // The first word (up to the first space), without splitting the whole line.
    const space = l.text.indexOf(' ');
    const firstWord = space === -1 ? l.text : l.text.slice(0, space);
    if (measure(u.text) + measure(' ') + measure(firstWord) <= (width[c] ?? 0) - Math.max(slack, Math.round((width[c] ?? 0) * slackShare))) n++;
  });
  return n;
}

/**
 * The columns each line of a table's texts fills, as bits (column c → bit c), worked out once
 * per table: the chain split's cost functions ask about every range of its lines, each column
 * by each line. The form's tables have at most 16 columns (table-columns.ts), well within 31 bits.
 * Kept only as long as the table's texts are (a weak map), which are not changed once made.
 * (layoutRows works it out once, filledBits, and hands it to the cost functions: their `filled`
 * parameter; the weak map serves the functions' other callers.)
 */
const FILLED = new WeakMap<object, number[]>();
function filledOf(texts: { text: string; x: number }[][]): number[] {
  const known = FILLED.get(texts);
  if (known !== undefined) return known;
  const filled = filledBits(texts);
  FILLED.set(texts, filled);
  return filled;
}

/** filledOf's table worked out (not kept). */
function filledBits(texts: { text: string; x: number }[][]): number[] {
  const filled: number[] = new Array<number>(texts.length).fill(0);
  for (let i = 0; i < texts.length; i++) {
    const row = texts[i];
    if (!row) continue;
    if (row.length > 31) throw new RangeError(`a table of ${row.length} columns: the form's have at most 16`);
    let m = 0;
    for (let c = 0; c < row.length; c++) if (row[c] !== undefined) m |= 1 << c;
    filled[i] = m;
  }
  return filled;
}

/** Line i's bits in filledOf's table; none for a line before `from` (outside the range asked about) or past the table. */
function bitsAt(filled: number[], i: number, from: number): number {
  return i < from || i >= filled.length ? 0 : (filled[i] as number);
}

/** The columns flagged true, as bits (filledOf's). */
function maskOf(flags: boolean[]): number {
  if (flags.length > 31) throw new RangeError(`a table of ${flags.length} columns: the form's have at most 16`);
  let m = 0;
  for (let c = 0; c < flags.length; c++) if (flags[c]) m |= 1 << c;
  return m;
}

/** How many bits of a 32-bit integer are set. */
function bitCount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24;
}

/**
 * 1 for each column whose lines in [from, to] are not one run: a cell's lines follow each other,
 * so a line cut off from the rest of its column by an empty one belongs to the next row.
 *
 *   Class A                ← row 1's title, 3 lines
 *   Warrants  ... Ordinary
 *             ... Shares
 *   Class B   ... Class A  ← "Class B" starts row 2's title: row 1's column 1 would have a gap
 */
export function cellGaps(texts: { text: string; x: number }[][], from: number, to: number, interleaved = false, filled: number[] = filledOf(texts)): number {
  // A column's run after its first starts on a line holding it after one without it; in a PDF
  // (interleaved) after three: pdftotext sets each cell's lines on a grid of its own, so other
  // cells' lines may stand between a cell's, up to two ("Common", then a value line and a mark
  // line, then "Units"). Counted for all columns at once, a bit each.
  let n = 0;
  let seen = 0;
  for (let i = from; i <= to; i++) {
    const m = bitsAt(filled, i, from);
    let starts = m & ~bitsAt(filled, i - 1, from) & seen;
    if (interleaved) starts &= ~bitsAt(filled, i - 2, from) & ~bitsAt(filled, i - 3, from);
    n += bitCount(starts);
    seen |= m;
  }
  return n;
}

/**
 * 1 for each title column whose first line in [from, to] goes on from a line before it: a title
 * starts with a capital or a digit, not a lowercase word or bracket ("(right to buy)", "to Buy)",
 * "buy) Employee"), the last line of the row above's title.
 */
export function continuedStarts(texts: { text: string; x: number }[][], from: number, to: number, titled: boolean[], filled: number[] = filledOf(texts), want: number = maskOf(titled)): number {
  // Each title column's first line in the range: the lines in order, the columns still to find as bits.
  let n = 0;
  let remaining = want;
  for (let i = from; i <= to && remaining !== 0; i++) {
    const hit = bitsAt(filled, i, from) & remaining;
    if (hit === 0) continue;
    for (let c = 0; c < 31; c++) if ((hit >>> c) & 1 && /^\(?[a-z]/.test((texts[i]?.[c] as { text: string }).text)) n++;
    remaining &= ~hit;
  }
  return n;
}

/**
 * 1 for each title column in [from, to] whose first lines come again below them: rows of one
 * security repeat its title, so "Employee" under "... (right to / buy)", with "Stock" after it,
 * starts the next row's "Employee / Stock / Option". (A title may end with its first word, "LLC
 * Units of ... Capital LLC": the line after the repeat must be the title's second line too.)
 * A nature of ownership (`lowercase`) may start with a lowercase word: "by Trust".
 */
export function repeatedStarts(texts: { text: string; x: number }[][], from: number, to: number, titled: boolean[], lowercase: boolean[] = []): number {
  let n = 0;
  // Column by column, without a list of its lines (a chain split calls this for every range).
  for (let c = 0; c < titled.length; c++) {
    if (!titled[c]) continue;
    // The column's first line in the range (head), then the line after it (next).
    let i = from;
    while (i <= to && !texts[i]?.[c]) i++;
    if (i > to) continue;
    const head = (texts[i]?.[c] as { text: string }).text;
    // A capital first (/^[A-Z]/), or with `lowercase` any letter (/^[A-Za-z]/): by its code, as this runs for every range.
    const first = head.charCodeAt(0);
    if (!((first >= 65 && first <= 90) || (lowercase[c] === true && first >= 97 && first <= 122))) continue;
    let next: string | undefined;
    for (i++; i <= to; i++) {
      const t = texts[i]?.[c];
      if (!t) continue;
      next ??= t.text;
      if (t.text !== head) continue;
      // The column's next line after the repeat, maybe in the next row.
      let after: string | undefined;
      for (let k = i + 1; k <= i + REPEAT_REACH && after === undefined; k++) after = texts[k]?.[c]?.text;
      if (after === next) {
        n++;
        break;
      }
    }
  }
  return n;
}

/** The column's next line after line i within REPEAT_REACH (maybe another row's), '' when none. */
function nextInColumn(texts: { text: string; x: number }[][], i: number, c: number, to = Infinity): string {
  for (let k = i + 1; k <= Math.min(i + REPEAT_REACH, to); k++) {
    const t = texts[k]?.[c]?.text;
    if (t !== undefined && t !== '') return t;
  }
  return '';
}

/**
 * How a table's cells start, column by column: in each block of lines between blank lines, the
 * first line of each repeating column (the block's first row starts there), with the line after
 * it (first line → the lines seen after it).
 */
export function blockStarts(texts: { text: string; x: number }[][], blocks: [number, number][], repeating: boolean[]): Map<string, Set<string>>[] {
  const starts = repeating.map(() => new Map<string, Set<string>>());
  for (const [from, to] of blocks) {
    repeating.forEach((isRepeating, c) => {
      if (!isRepeating) return;
      for (let i = from; i <= to; i++) {
        const head = texts[i]?.[c]?.text;
        if (head === undefined) continue;
        const m = starts[c] as Map<string, Set<string>>;
        (m.get(head) ?? m.set(head, new Set()).get(head) as Set<string>).add(nextInColumn(texts, i, c, to));
        return;
      }
    });
  }
  return starts;
}

/**
 * The starts of cells of both title columns, for each: a derivative security's title may be
 * another row's underlying security ("PCIH / Common / Units" under "7. Title" starts the row whose
 * "1. Title" starts so too).
 */
function sharedTitleStarts(starts: Map<string, Set<string>>[], titled: boolean[]): Map<string, Set<string>>[] {
  const shared = new Map<string, Set<string>>();
  starts.forEach((m, c) => {
    if (!titled[c]) return;
    for (const [head, nexts] of m) {
      const all = shared.get(head) ?? shared.set(head, new Set()).get(head) as Set<string>;
      for (const n of nexts) all.add(n);
    }
  });
  return starts.map((m, c) => (titled[c] ? shared : m));
}

/**
 * 1 for each repeating column in [from, to] with a line after its first that, with the line after
 * it, starts a cell elsewhere in the table (blockStarts): "Sequoia" over "Capital" under "By
 * estate / planning / vehicle" starts the next row's "Sequoia / Capital / Global / ...".
 */
export function knownStarts(texts: { text: string; x: number }[][], from: number, to: number, repeating: boolean[], starts: Map<string, Set<string>>[]): number {
  let n = 0;
  // Column by column (a loop, not a callback: a chain split calls this for every range).
  for (let c = 0; c < repeating.length; c++) {
    const m = starts[c];
    if (!repeating[c] || m === undefined || m.size === 0) continue;
    let first = true;
    for (let i = from; i <= to; i++) {
      const t = texts[i]?.[c]?.text;
      if (t === undefined) continue;
      const nexts = first ? undefined : m.get(t);
      if (nexts?.has(nextInColumn(texts, i, c))) {
        n++;
        break;
      }
      first = false;
    }
  }
  return n;
}

/**
 * 1 for each title column in [from, to] going on with a capitalised line after a bracket of
 * words that ends it: "(right to buy)", "(Right to Buy)", "(RT TO BUY)" end a title, so "Employee" under it
 * starts the next row's. (A bracket of one word, "(Class B)", may stand within a title.)
 */
export function closedTitles(texts: { text: string; x: number }[][], from: number, to: number, titled: boolean[]): number {
  let n = 0;
  // Column by column (a loop, not a callback: a chain split calls this for every range).
  for (let c = 0; c < titled.length; c++) {
    if (!titled[c]) continue;
    let empty = true;
    // The title so far from its last '(' on (null before one): a bracket of words holds no '(',
    // so one ending the title starts there. Tested instead of the whole title, which grows line by line.
    let open: string | null = null;
    for (let i = from; i <= to; i++) {
      const t = texts[i]?.[c];
      // A value standing under the title's head ("$ 39.18" between "OPTIONS (RT" and "TO BUY)") is no title's.
      if (!t || isValueWord(t.text)) continue;
      // A capital first (/^[A-Z]/), by its code: the bracket's regex runs only after the lines that may end it.
      const first = t.text.charCodeAt(0);
      if (open !== null && first >= 65 && first <= 90 && /\((?:[A-Za-z][a-z]*|[A-Z]+)(?: (?:[A-Za-z][a-z]*|[A-Z]+))+\)$/.test(open)) {
        n++;
        break;
      }
      // The line's piece of the title is ' ' + its text after the first: only an open bracket
      // takes it whole, and one from the line's own '(' on is a slice of the text alone.
      const bracket = t.text.lastIndexOf('(');
      if (bracket !== -1) open = t.text.slice(bracket);
      else if (open !== null) open += empty ? t.text : ' ' + t.text;
      if (t.text !== '') empty = false;
    }
  }
  return n;
}

/**
 * A cell's line that cannot end it: a word cut at its hyphen ("Pre-" over "Funded", "Co-" over
 * "Invest"), a comma, an ampersand, or a word that joins it to more ("Warrant to" / "Purchase",
 * "par value $0.01 per" / "share", a nature's "By" / "ICONIQ" or "See" / "footnote"). A title or nature ends with a noun
 * or a bracket, so the line after such a one is the same cell's.
 */
const OPEN_END = /(?:[A-Za-z]-|[,&]|(?:^|\s)(?:to|of|and|for|the|per|in|on|with|or|by|By|BY|See|SEE))$/;

/**
 * 1 for each title or nature column whose last line in [from, to] cannot end a cell (OPEN_END)
 * while the column goes on in the lines after `to`: the row took the first lines of the next
 * row's cell ("Series A / Convertible / Preferred / Stock / Warrant to" with "Purchase / Class A
 * ..." below).
 */
export function openEnds(texts: { text: string; x: number }[][], from: number, to: number, repeating: boolean[]): number {
  return openEndsOf(texts, repeating)(from, to);
}

/**
 * openEnds for any range of a table's lines, each column's last line and the line after worked
 * out once (the chain split asks for many ranges).
 */
export function openEndsOf(texts: { text: string; x: number }[][], repeating: boolean[]): (from: number, to: number) => number {
  const columns = repeating.flatMap((r, c) => (r ? [c] : []));
  // For each column: at each line, the last line at or before it with a cell there (-1 if none),
  // whether that cell cannot end, and whether the column goes on within REPEAT_REACH lines after it.
  // (Plain arrays: a table's few dozen lines cost less to hold so than a typed array costs to make.)
  const last = columns.map(() => new Array<number>(texts.length).fill(-1));
  const open = columns.map(() => new Array<number>(texts.length).fill(0));
  const goesOn = columns.map(() => new Array<number>(texts.length).fill(0));
  columns.forEach((c, k) => {
    let at = -1;
    for (let i = 0; i < texts.length; i++) {
      const t = texts[i]?.[c]?.text;
      if (t !== undefined && t !== '') at = i;
      (last[k] as number[])[i] = at;
      (open[k] as number[])[i] = t !== undefined && t !== '' && OPEN_END.test(t) ? 1 : 0;
      (goesOn[k] as number[])[i] = nextInColumn(texts, i, c) !== '' ? 1 : 0;
    }
  });
  return (from, to) => {
    let n = 0;
    const end = Math.min(to, texts.length - 1);
    if (end < 0) return 0;
    for (let k = 0; k < columns.length; k++) {
      const at = (last[k] as number[])[end] as number;
      if (at >= from && (open[k] as number[])[at] === 1 && (goesOn[k] as number[])[to > end ? end : to] === 1) n++;
    }
    return n;
  };
}


/** Words that only start a nature of ownership ("By Trust", "See Footnotes", "Held by ...", "BY ..."), capitalised. */
const NATURE_START = /^(?:By|See|Held|BY|SEE|HELD)\b/;

/**
 * 1 for each nature of ownership column in [from, to] with a line below its first that starts
 * as a nature does: "By FDS" under "By Fredrick D. Schaufeld / Rev. Trust" is the next row's.
 */
export function natureStarts(texts: { text: string; x: number }[][], from: number, to: number, natured: boolean[], filled: number[] = filledOf(texts), want: number = maskOf(natured)): number {
  // The nature columns' lines after their first, in order, the columns seen and done as bits.
  let n = 0;
  let seen = 0;
  let done = 0;
  for (let i = from; i <= to; i++) {
    const m = bitsAt(filled, i, from) & want & ~done;
    const later = m & seen;
    for (let c = 0; later !== 0 && c < 31; c++) {
      if ((later >>> c) & 1 && NATURE_START.test((texts[i]?.[c] as { text: string }).text)) {
        n++;
        done |= 1 << c;
      }
    }
    seen |= m;
  }
  return n;
}

/**
 * For each column, how far its lines in [from, to] stand off the main line's middle beyond one
 * line: a PDF's row centres each cell on the row's middle, its D/I line, but another cell's lines
 * may stand between a cell's own ("Class B" / "See Footnotes (2)" / "Common" on the main line /
 * "Stock"), so a cell's own lines, not the row's, show whether it is centred.
 */
export function cellsOffCentre(texts: { text: string; x: number }[][], from: number, to: number, main: number, filled: number[] = filledOf(texts)): number {
  // Only columns with a line off the main line count: each one's lines above and below, by its bit.
  let cols = 0;
  for (let i = from; i <= to; i++) if (i !== main) cols |= bitsAt(filled, i, from);
  let n = 0;
  for (let c = 0; cols !== 0 && c < 31; c++) {
    if (((cols >>> c) & 1) === 0) continue;
    let above = 0;
    let below = 0;
    for (let i = from; i <= to; i++) {
      if (i === main || ((bitsAt(filled, i, from) >>> c) & 1) === 0) continue;
      if (i < main) above++;
      else below++;
    }
    n += Math.max(0, Math.abs(above - below) - 1);
  }
  return n;
}

/** How many lines below a repeated title line its second line may stand (other cells' lines between). */
const REPEAT_REACH = 4;

/** A PDF line's whole value as pdftotext keeps it in one word: an amount, a price ("$ 6.24", "$0"), a date. */
const VALUE_WORD = /^\$? ?-?[\d,]*\.?\d+$|^\d{1,2}\/\d{1,2}\/\d{4}$/;

/**
 * VALUE_WORD's test, run on every cell of a range a chain split tries: a value starts with a
 * dollar sign, a space, a minus, a digit, a comma or a point, so a word starting with a letter
 * (a title's, most) is ruled out by its first character before the regex runs.
 */
function isValueWord(text: string): boolean {
  const c = text.charCodeAt(0) | 32;
  return !(c >= 97 && c <= 122) && VALUE_WORD.test(text);
}

/**
 * 1 for each whole value in [from, to] standing over or under another (their characters
 * overlap): a cell holds one value, so two are two rows' ("495.85" over "$ / 496.25"). A PDF's
 * values stand only roughly under their heads, so where they stand counts, not their column
 * (but across a page break, where each page has its own grid).
 */
export function stackedWords(values: { w: Word; col: number }[][], from: number, to: number, page: number[] = []): number {
  let n = 0;
  for (let i = from; i <= to; i++) {
    // Each page has a grid of its own: values of two pages compare by the columns their heads give them.
    const on = page[i] ?? 0;
    const line = values[i];
    if (line === undefined) continue;
    for (const p of line) if (stacksOnEarlier(values, from, i, on, p, page)) n++;
  }
  return n;
}

/**
 * Whether value p of line i stands over or under a value of a line in [from, i) (stackedWords'
 * test), looked up in the lines themselves: no list of the values seen is made for each range a
 * chain split tries. (A value of line i itself never counts: it is on p's line and page.)
 */
function stacksOnEarlier(values: { w: Word; col: number }[][], from: number, i: number, on: number, p: { w: Word; col: number }, page: number[]): boolean {
  for (let j = from; j < i; j++) {
    const earlier = values[j];
    if (earlier === undefined) continue;
    const same = (page[j] ?? 0) === on;
    for (const q of earlier) {
      if (same ? q.w.line !== p.w.line && q.w.x < p.w.xEnd && p.w.x < q.w.xEnd : q.col === p.col) return true;
    }
  }
  return false;
}

/** A line's whole values, for stackedWords: not joined to a word, and no date in a text ("Trust B, UAD 12/21/2018"). */
function valuesOf(line: Placement[]): { w: Word; col: number }[] {
  return line.filter((p, k) => {
    const before = line[k - 1];
    return !p.joined && isValueWord(p.w.text) && !(before && /[A-Za-z]/.test(before.w.text) && p.w.x - before.w.xEnd <= 1);
  });
}

/**
 * 1 for each column with lines in [from, to] but none on the main line: a cell's lines stand
 * around the row's middle (centred) or start on it (top-aligned), never only above or below it.
 */
export function offMain(texts: { text: string; x: number }[][], from: number, to: number, main: number, filled: number[] = filledOf(texts)): number {
  // The columns filled off the main line, less those on it, as bits.
  let off = 0;
  for (let i = from; i <= to; i++) if (i !== main) off |= bitsAt(filled, i, from);
  return bitCount(off & ~bitsAt(filled, main, 0));
}

/**
 * The main lines of a block of a PDF's rows, which stand only roughly under their heads: lines
 * with a D or I standing alone in the rightmost place one stands in on its page (the D/I
 * column; one further left is an (A) or (D)).
 */
function pdfMains(idx: number[], placed: Placement[][], page: number[]): number[] {
  // (Collected by plain loops: no array made per line and per word.)
  const lone: { i: number; x: number }[] = [];
  for (const i of idx) {
    const ps = placed[i] ?? [];
    for (let k = 0; k < ps.length; k++) if (isLoneDI(ps, k)) lone.push({ i, x: (ps[k] as Placement).w.x });
  }
  const right = new Map<number, number>();
  for (const d of lone) right.set(page[d.i] ?? 0, Math.max(right.get(page[d.i] ?? 0) ?? -Infinity, d.x));
  return [...new Set(lone.filter((d) => d.x >= (right.get(page[d.i] ?? 0) ?? 0) - PDF_DI_SLACK).map((d) => d.i))];
}

/** A D or I standing alone, or with its footnote mark ("I (2)", not the "I" of a name): the D/I column's. */
function isLoneDI(ps: Placement[], k: number): boolean {
  const p = ps[k] as Placement;
  const next = ps[k + 1];
  // The text first: most words are no D or I (/^[DI]$/, by its code).
  const c = p.w.text.length === 1 ? p.w.text.charCodeAt(0) : 0;
  return (c === 68 || c === 73) && !p.joined && (!next?.joined || isMark(next.w.text));
}

/**
 * pdftotext lays out each page on a grid of its own: on a page other than the heads' the D/I
 * and the nature of ownership may stand under other heads. The D/I column is the page's
 * rightmost lone D or I (as pdfMains finds it); the nature, the last column, stands right of it.
 */
function diAndNatureByPage(placed: Placement[][], page: number[], diCol: number, natureCol: number): void {
  const right = new Map<number, { x: number; xEnd: number }>();
  placed.forEach((ps, i) => {
    const on = page[i] ?? 0;
    ps.forEach((p, k) => {
      if (isLoneDI(ps, k) && p.w.x > (right.get(on)?.x ?? -Infinity)) right.set(on, { x: p.w.x, xEnd: p.w.xEnd });
    });
  });
  placed.forEach((ps, i) => {
    const di = right.get(page[i] ?? 0);
    if (di === undefined) return;
    ps.forEach((p, k) => {
      const prev = ps[k - 1];
      if (p.joined && prev) p.col = prev.col;
      else if (isLoneDI(ps, k) && p.w.x >= di.x - PDF_DI_SLACK) p.col = diCol;
      else if (p.w.x > di.xEnd + 1) p.col = natureCol;
    });
  });
}

/**
 * pdftotext may set a row's D or I a line or two off the row's other one-line values: the row's
 * main line is the one with the most values of the D/I line and its neighbours (kept in order,
 * one per row).
 */
function densestNear(mains: number[], placed: Placement[][], first: number, last: number): number[] {
  const out: number[] = [];
  // One-line values stand on the main line; marks and a text's words stand on any line of their cell.
  // Each line's count worked out once (the lines near two D/I lines are asked about twice, and the best so far at every step).
  // (Lines i of the block [first, last], D/I lines among them: counts[i - first], -1 before it is counted.)
  const counts: number[] = new Array<number>(last - first + 1).fill(-1);
  const values = (i: number): number => {
    let n = counts[i - first] as number;
    if (n === -1) {
      n = 0;
      for (const p of placed[i] ?? []) if (!p.joined && !isMark(p.w.text) && /\d|^\$$|^[A-Z]$/.test(p.w.text)) n++;
      counts[i - first] = n;
    }
    return n;
  };
  mains.forEach((m, r) => {
    const from = Math.max(first, m - PDF_MAIN_REACH, (out[r - 1] ?? -Infinity) + 1);
    // A line as far from the next D/I line as from this one is the next row's, whose D/I pdftotext
    // set below its values: "Common Stock 41,106 D" (a row on one line), then "Common Stock
    // 05/22/2023 F(2) 1,479 D", "1.7403 39,627" and "D" (the next row, its D/I two lines down).
    const next = mains[r + 1];
    const to = Math.min(last, m + PDF_MAIN_REACH, next === undefined ? Infinity : Math.ceil((m + next) / 2) - 1);
    let best = m;
    for (let i = from; i <= to; i++) if (values(i) > values(best)) best = i;
    out.push(best);
  });
  return out;
}

/** How many lines from its D/I line a PDF row's fullest line may stand. */
const PDF_MAIN_REACH = 2;

/** How far left of the rightmost D or I on its page another may stand in the same (D/I) column. */
const PDF_DI_SLACK = 3;

/** A word of a data line, the column its position gives it, and whether it joins the word before it into one cell. */
interface Placement {
  w: Word;
  col: number;
  joined: boolean;
}

function makeRow(rowLines: { line: Line; placed: Placement[] }[], inferred: boolean, columns: Column[], breaksInWords: boolean): LayoutRow {
  const byCol = new Map<number, Word[]>();
  for (const l of rowLines) for (const p of l.placed) (byCol.get(p.col) ?? byCol.set(p.col, []).get(p.col) as Word[]).push(p.w);
  // A title centred in its column spills words under the amount beside it ("$0.10 par" over
  // "value" next to "6,272.00", the "A" of "Class A"): words in a number's cell that holds a number are the title's.
  columns.forEach((col, k) => {
    const left = columns[k - 1];
    const words = byCol.get(k);
    if (!words || !left || left.kind !== 'text' || (col.kind !== 'number' && col.kind !== 'price')) return;
    const plain = words.some((w) => /^-?[\d,]*\.?\d+$/.test(w.text));
    if (!plain && !words.some((w) => /^\$ ?-?[\d,]*\.?\d+$/.test(w.text))) return;
    // Beside a plain amount, a dollar figure is the title's par value ("par value" above "$0.01").
    const spill = words.filter((w) => /^[A-Za-z][a-z]*[.,;:]?$/.test(w.text) || (plain && col.kind === 'number' && /^\$\d[\d,]*\.?\d*$/.test(w.text)));
    if (spill.length === 0) return;
    byCol.set(k, words.filter((w) => !spill.includes(w)));
    const title = [...(byCol.get(k - 1) ?? []), ...spill].sort((a, b) => a.line - b.line || a.x - b.x);
    byCol.set(k - 1, title);
  });
  const cells: Cell[] = [];
  for (const [col, words] of [...byCol.entries()].sort((a, b) => a[0] - b[0])) cells.push(cellOf(words, col, breaksInWords));
  const first = rowLines[0] as { line: Line };
  const last = rowLines[rowLines.length - 1] as { line: Line };
  return { cells, start: first.line.start, end: last.line.end, flow: false, inferred };
}

/** An amount grouped by commas ("4,502,447"; a bare decimal may be a title's par value, "0.0001"). */
const AMOUNT = /^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/** How far (characters) from a text's other lines pdftotext may set one of its lines. */
const TEXT_LINE_SHIFT = 3;

/** A word of a PDF row with the page its line is on. */
type PdfItem = Placement & { page: number };

/**
 * A row of a PDF's table. pdftotext lays each line out on its own character grid, so a row's
 * values stand only roughly under their heads and two columns' values may touch ("10.68 0": a
 * price and the amount owned after it). What it keeps is each cell's words stacked in one
 * place: a cell is the words that overlap across the row's lines ("$" over "118.42" over "(2)")
 * or join on a line ("Common Stock"). Cells go out in left-to-right order with the column their
 * position suggests, for alignRow to place by order and type; on a later page than the heads'
 * (its own grid) with none.
 */
function pdfRow(rowLines: { line: Line; placed: Placement[]; page: number }[], inferred: boolean, ranges: { k: number; from: number; to: number }[], mainPage: number, natureCol: number, cellsAt: Map<Cell, { x: number; xEnd: number }>): LayoutRow {
  const offHeadsPage = mainPage > 0;
  const items: PdfItem[] = [];
  for (const l of rowLines) for (const p of l.placed) items.push({ w: p.w, col: p.col, joined: p.joined, page: l.page });
  const { groups, continued } = stackedCells(items, mainPage, natureCol);
  const cells = groups
    .map((ps) => {
      // Where the cell stands: its words on the main line's page (the grid the other cells share).
      // (Its extent in one pass over the words: no arrays made per cell.)
      const onMain = ps.some((p) => p.page === mainPage);
      let x = Infinity;
      let xEnd = -Infinity;
      for (const p of ps) {
        if (onMain && p.page !== mainPage) continue;
        if (p.w.x < x) x = p.w.x;
        if (p.w.xEnd > xEnd) xEnd = p.w.xEnd;
      }
      // (A cell of one word, most, needs no sorting.)
      const words = ps.length === 1 ? [(ps[0] as PdfItem).w] : ps.map((p) => p.w).sort(inCellOrder);
      // Chromium breaks a line after a hyphen too ("Non-" over "Qualified").
      const at = { x, xEnd };
      const cell = cellOf(words, offHeadsPage ? -1 : columnOf(at, ranges), true);
      cellsAt.set(cell, at);
      return { x, cell };
    })
    .sort((a, b) => a.x - b.x)
    .map((c) => c.cell);
  const first = rowLines[0] as { line: Line };
  const last = rowLines[rowLines.length - 1] as { line: Line };
  // On a page without the heads the cells have no columns: they are placed in reading order.
  return { cells, start: first.line.start, end: last.line.end, flow: offHeadsPage, inferred: inferred || continued, ordered: true };
}

/** A PDF cell's words in the order they are read: line by line, left to right, its marks last. */
function inCellOrder(a: Word, b: Word): number {
  // A mark printed higher than its value (pdftotext may set it on the line above) still follows it.
  return (isMark(a.text) ? 1 : 0) - (isMark(b.text) ? 1 : 0) || a.line - b.line || a.x - b.x;
}

/**
 * A PDF row's words grouped into cells: words joined on a line, and words overlapping on lines
 * of one page. A row cut by a page break goes on at the next page's top, on that page's own
 * grid: each piece there joins the nearest cell of its kind (words or values) on the main line's
 * page (`continued` says a piece did: the row's values are then inferred).
 */
function stackedCells(items: PdfItem[], mainPage: number, natureCol: number): { groups: PdfItem[][]; continued: boolean } {
  const parent = items.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
    return i;
  };
  const union = (a: number, b: number) => (parent[root(a)] = root(b));
  // An amount standing over or under a text's word is another cell's: a title centred beside
  // it ("Class B Common" over "4,502,447" over "Stock": the underlying title and its amount).
  // (A capital joined to a word is a text's too: the "P" of "Class P"; so is a figure joined to
  // one, "par value $0.01" under "stock, 11,800".)
  // Each word's kinds worked out when first asked (most words overlap none): 0 unknown, 1 no, 2 yes.
  // (Plain arrays here and below: a row holds a few dozen words, and a typed array costs more to make than that.)
  const texts: number[] = new Array<number>(items.length).fill(0);
  const textWord = (i: number): boolean => {
    if (texts[i] === 0) {
      const p = items[i] as PdfItem;
      const t = p.w.text;
      texts[i] = /[A-Za-z]{2}/.test(t) || (p.joined && (/^[A-Za-z]/.test(t) || (i > 0 && textWord(i - 1) && !isMark(t)))) ? 2 : 1;
    }
    return texts[i] === 2;
  };
  // So is a price as the page prints one, "$ 80.19" (under "Option -": the exercise price; a
  // title's par value is printed "$0.01").
  const values: number[] = new Array<number>(items.length).fill(0);
  const value = (i: number): boolean => {
    if (values[i] === 0) {
      const p = items[i] as PdfItem;
      values[i] = AMOUNT.test(p.w.text) || (!p.joined && /^\$ -?[\d,]*\.?\d+$/.test(p.w.text)) ? 2 : 1;
    }
    return values[i] === 2;
  };
  const amountByWord = (i: number, j: number) => (value(i) && textWord(j)) || (value(j) && textWord(i));
  // A mark printed after a word ("Stock (2)") stands where that word ends, maybe over the next column.
  // But "V (2)" under "116": after the V of a voluntarily reported transaction, a mark standing
  // under or over an amount (pdftotext sets the amount a line off) is the amount's; so is a mark
  // after a value standing right under or over a price or amount, a line or two off ("96,116 (4)" under
  // "$ 0.061"; "3,180.9145 (1) (3)" two lines under "$ 10.06": the price's marks, wrapped), or under
  // an (A) or (D) set a line up ("35,000 (1)" under "D": the D's cell of two lines, "D" over "(1)").
  const afterV = (i: number) => {
    const p = items[i] as PdfItem;
    const prev = items[i - 1];
    if (!p.joined || !isMark(p.w.text) || prev === undefined || prev.w.line !== p.w.line) return false;
    return prev.w.text === 'V' || (/^\$? ?[\d,]*\.?\d+$/.test(prev.w.text) && items.some((q) => q.page === p.page && Math.abs(q.w.line - p.w.line) <= 2 && q.w.line !== p.w.line && !q.joined && /^\$ ?[\d,]*\.?\d+$|^\d{1,3}(?:,\d{3})+$|^[AD]$/.test(q.w.text) && q.w.x < p.w.xEnd && p.w.x < q.w.xEnd));
  };
  const detached = items.map((_, i) => afterV(i));
  const stacking = items.map((p, i) => !(p.joined && isMark(p.w.text)) || (detached[i] as boolean));
  // A mark standing under both a text's word and an amount beside it ("(14)" under the end of
  // "Class B" and the start of "4,502,447") would join the two cells: it stacks with neither, and
  // goes with the word it stands right after, if any (below).
  const overlaps = (p: PdfItem, q: PdfItem) => q.page === p.page && q.w.line !== p.w.line && q.w.x < p.w.xEnd && p.w.x < q.w.xEnd;
  items.forEach((p, i) => {
    if (!stacking[i] || !isMark(p.w.text)) return;
    let underValue = false;
    let underWord = false;
    items.forEach((q, j) => {
      if (j === i || !stacking[j] || !overlaps(p, q)) return;
      underValue ||= value(j);
      underWord ||= textWord(j);
    });
    if (underValue && underWord) stacking[i] = false;
  });
  const stacks = (i: number) => stacking[i] as boolean;
  items.forEach((p, i) => {
    const prev = items[i - 1];
    if (p.joined && prev && prev.w.line === p.w.line && !detached[i]) union(i, i - 1);
    for (let j = 0; j < i; j++) {
      const q = items[j] as PdfItem;
      if (q.page === p.page && q.w.line !== p.w.line && q.w.x < p.w.xEnd && p.w.x < q.w.xEnd && stacks(i) && stacks(j) && !amountByWord(i, j)) union(i, j);
    }
  });
  items.forEach((p, i) => {
    if (!detached[i] || items.some((__, j) => j !== i && root(j) === root(i))) return;
    // A mark after the V touching an amount a line off ("1,080" over "V (1)", the mark ending where the amount starts) is the amount's.
    const touching = items.findIndex((q) => q.page === p.page && Math.abs(q.w.line - p.w.line) === 1 && AMOUNT.test(q.w.text) && q.w.x <= p.w.xEnd && p.w.x <= q.w.xEnd);
    union(i, touching !== -1 ? touching : i - 1);
  });
  // A mark set higher or lower than its value may also stand just right of it, a line or two off:
  // "(2)" above the end of "22,190", with the row's main line between.
  const markAt = (p: Placement) => isMark(p.w.text);
  // The groups holding a word other than a mark, by their root (an item's index): no array made per item.
  const valued: number[] = new Array<number>(items.length).fill(0);
  items.forEach((q, j) => {
    if (!markAt(q)) valued[root(j)] = 1;
  });
  items.forEach((p, i) => {
    if (!markAt(p) || valued[root(i)] === 1) return;
    // (Three lines off for a value's mark: "$ (2)" over the row's lines, "63.25 18,859" below.)
    const off = (q: Placement) => Math.abs(q.w.line - p.w.line) <= (isValueWord(q.w.text) ? 3 : 2);
    const j = items.findIndex((q) => !markAt(q) && q.page === p.page && off(q) && q.w.line !== p.w.line && p.w.x >= q.w.xEnd && p.w.x <= q.w.xEnd + 1);
    if (j !== -1) union(i, j);
  });
  const groupsNow = (): PdfItem[][] => {
    const m = new Map<number, PdfItem[]>();
    items.forEach((p, i) => {
      const r = root(i);
      const group = m.get(r);
      if (group) group.push(p);
      else m.set(r, [p]);
    });
    return [...m.values()];
  };
  const wordy = (ps: PdfItem[]) => ps.some((p) => /[A-Za-z]{2}/.test(p.w.text));
  const middle = (ps: PdfItem[]) => ps.reduce((sum, p) => sum + p.w.x + p.w.xEnd, 0) / (2 * ps.length);
  // A text's line pdftotext set a few characters off the others, on a line between or next to
  // theirs ("Class A" / "Common" / "Stock", "Common" shifted left of the others): words alone, a
  // line or two from the text and at most TEXT_LINE_SHIFT characters from it, are its.
  const bounds = new Map<number, { i: number; top: number; bottom: number; x: number; xEnd: number } | null>();
  items.forEach((p, i) => {
    const r = root(i);
    const g = bounds.get(r);
    if (g === null) return;
    if (p.page !== mainPage || !(p.joined || /[A-Za-z]{3}/.test(p.w.text))) {
      bounds.set(r, null);
      return;
    }
    if (g === undefined) bounds.set(r, { i, top: p.w.line, bottom: p.w.line, x: p.w.x, xEnd: p.w.xEnd });
    else {
      g.top = Math.min(g.top, p.w.line);
      g.bottom = Math.max(g.bottom, p.w.line);
      g.x = Math.min(g.x, p.w.x);
      g.xEnd = Math.max(g.xEnd, p.w.xEnd);
    }
  });
  const textGroups = [...bounds.values()].filter((g) => g !== null);
  textGroups.forEach((g, k) => {
    for (let l = k + 1; l < textGroups.length; l++) {
      const h = textGroups[l] as { i: number; top: number; bottom: number; x: number; xEnd: number };
      const apart = Math.max(h.x - g.xEnd, g.x - h.xEnd);
      if (apart >= 0 && apart <= TEXT_LINE_SHIFT && h.top <= g.bottom + 2 && g.top <= h.bottom + 2) union(g.i, h.i);
    }
  });
  // The groups as the stacking made them: the rows past a page break join them below (most rows have none).
  const stacked = groupsNow();
  const offPage = stacked.filter((ps) => !ps.some((p) => p.page === mainPage));
  // A row all on its main line's page (most) has no piece to join: nothing below is worked out.
  if (offPage.length === 0) return { groups: stacked, continued: false };
  const home = stacked.filter((ps) => ps.some((p) => p.page === mainPage));
  const lastOnMainPage = Math.max(...items.filter((p) => p.page === mainPage).map((p) => p.w.line));
  const cutCells = home.filter((h) => h.some((p) => p.w.line === lastOnMainPage));
  // Marks alone end a cell of any kind ("See / Footnotes" cut before its "(2) (5)"). The next
  // page's grid is its own, but keeps the cells' order: as many pieces of marks alone as cut
  // cells go to them in order ("$ / 25.9317" and "See / Footnote" cut, "(28)" and "(13)" on the next page).
  const left = (ps: PdfItem[]) => Math.min(...ps.map((p) => p.w.x));
  const markPieces = offPage.filter((ps) => ps.every((p) => isMark(p.w.text))).sort((a, b) => left(a) - left(b));
  const inOrder = markPieces.length === cutCells.length ? [...cutCells].sort((a, b) => left(a) - left(b)) : null;
  let continued = false;
  for (const ps of offPage) {
    // A nature's piece (placed by its own page's D/I: diAndNatureByPage) goes on with the row's nature.
    const nature = natureCol !== -1 && ps.every((p) => p.col === natureCol) ? home.find((h) => h.some((p) => p.col === natureCol)) : undefined;
    // Otherwise the nearest of its kind; a mark or value, among the cells the page break cut first
    // (with a line on the main page's last line of the row: "$" over "410.455", then "(10)");
    // marks alone, the cut cell in their order, or the nearest of any kind.
    const marks = markPieces.indexOf(ps);
    const byMiddle = (hs: PdfItem[][], anyKind = false) => hs.filter((h) => anyKind || wordy(h) === wordy(ps)).sort((a, b) => Math.abs(middle(a) - middle(ps)) - Math.abs(middle(b) - middle(ps)))[0];
    const cut = wordy(ps) ? undefined : marks !== -1 ? (inOrder?.[marks] ?? byMiddle(cutCells, true)) : byMiddle(cutCells);
    const near = nature ?? cut ?? byMiddle(home);
    if (!near) continue;
    union(items.indexOf(ps[0] as PdfItem), items.indexOf(near[0] as PdfItem));
    continued = true;
  }
  return { groups: continued ? groupsNow() : stacked, continued };
}

/** Words joined with single spaces into one cell, keeping each character's cleaned offset. */
export function cellOf(words: Word[], index: number, breaksInWords = false): Cell {
  let text = '';
  const at: number[] = [];
  let prev: Word | null = null;
  for (const w of words) {
    // A converter breaks a line at a slash or after a hyphen too ("US/" above "E Expansion",
    // "Performance-" above "Based"): no space stood there.
    const slashBreak = breaksInWords && prev !== null && prev.line !== w.line && (prev.text.endsWith('/') || w.text.startsWith('/') || (/\w-$/.test(prev.text) && /^\w/.test(w.text)));
    prev = w;
    if (text !== '' && !slashBreak) {
      text += ' ';
      at.push(at[at.length - 1] as number);
    }
    const raw = w.text;
    // "$ 6.98" was joined from two words: its characters map to the dollar and the number.
    const gap = raw.startsWith('$ ') ? w.end - w.start - raw.length : 0;
    for (let i = 0; i < raw.length; i++) at.push(w.start + (i >= 2 && gap > 0 ? i + gap : i));
    text += raw;
  }
  const first = words[0] as Word;
  const last = words[words.length - 1] as Word;
  return { text, start: first.start, end: last.end, index, line: first.line, at };
}

// --- lynx: one line per row, its cells told apart by the widths of the gaps (gap-row.ts) ---

/** lynx's left margin: every line of its dump is indented by 3 spaces. */
export const LYNX_MARGIN = 3;

/** lynx wraps a line longer than its width (200 columns, a word or two less in practice). */
const LYNX_WRAPS_FROM = 170;

type DataLine = { line: Line; words: Word[] };

/** How far right of the margin a row going on after a centred cell starts (a few empty cells); centred cells stand further right. */
const LYNX_NEAR_MARGIN = 24;

/**
 * lynx's rows, each cell placed in its column by the gaps between words (gap-row.ts); a line the
 * gaps do not explain is read in reading order. Null when the lines are not lynx's (some line
 * left of its margin).
 */
function lynxRows(data: DataLine[], columns: Column[], sink: TextSink, input: string): LayoutRow[] | null {
  const origin = sink.clean.origin;
  // The cleaning dropped lynx's superscript caret ("^(1)"): it took a column of the gap.
  const caret = (w: Word) => (input.charCodeAt((origin[w.start] ?? 0) - 1) === 94 ? 1 : 0);
  const filled = data.filter((d) => d.words.length > 0);
  if (filled.length === 0 || filled.some((d) => (d.words[0] as Word).x - caret(d.words[0] as Word) < LYNX_MARGIN)) return null;
  // As lynx printed the line: its carets count.
  const inputLength = (l: Line) => (origin[l.end] ?? 0) - (origin[l.start] ?? 0);
  const atMargin = (d: DataLine) => (d.words[0] as Word).x - caret(d.words[0] as Word) === LYNX_MARGIN;
  const rows: LayoutRow[] = [];
  let last: { words: Word[]; gaps: number[]; group: DataLine[]; rows: number } | null = null;
  // A row going on after a centred cell starts near the margin, its empty cells before it printed as spaces.
  const goesOn = (d: DataLine) => (d.words[0] as Word).x - caret(d.words[0] as Word) - LYNX_MARGIN < LYNX_NEAR_MARGIN;
  for (const group of lynxGroups(filled, atMargin, goesOn, caret)) {
    const first = group[0] as DataLine;
    if (!atMargin(first)) {
      // A table lynx laid out by position (Form 3's Table I): its chunks in reading order.
      const row = group.length > 1 ? centredRow(group, columns, caret) : flowRows(group);
      rows.push(...row);
      last = null;
      continue;
    }
    const { words, gaps } = gapsOf(group, goesOn, caret);
    const parse = parseGapRow(words, gaps, columns);
    const parsed = parse?.cells ?? null;
    // The end of a row lynx wrapped: the line before was long and this one is no row of its own.
    if (last && group.length === 1 && last.group.length === 1 && inputLength((last.group[0] as DataLine).line) >= LYNX_WRAPS_FROM && (!parsed || parsed.length < 3)) {
      // The spaces at the break are lost: read as one (lynx breaks at a space), with lower confidence.
      const joined = parseGapRow([...last.words, ...words], [...last.gaps, 1, ...gaps.slice(1)], columns)?.cells;
      if (joined) {
        rows.splice(rows.length - last.rows, last.rows);
        rows.push(gapRow(joined, (last.group[0] as DataLine).line.start, first.line.end, true));
        last = null;
        continue;
      }
    }
    if (parse) reportAmbiguousMarks(parse, words, gaps, columns, sink);
    const row = parsed && parsed.length >= 2 ? [gapRow(parsed, first.line.start, (group[group.length - 1] as DataLine).line.end, group.length > 1)] : flowRows(group);
    rows.push(...row);
    last = { words, gaps, group, rows: row.length };
  }
  return rows;
}

/**
 * A cell of marks alone one space after a value, in the next column: lynx prints a value's own
 * marks and such a cell alike ("Restricted Stock Units ^(1)", a title's mark or the exercise
 * price's). Where the row parses either way about as well, the parse gave them to the cell the
 * form most often has them in: each such choice is reported.
 */
function reportAmbiguousMarks(parse: GapParse, words: Word[], gaps: number[], columns: Column[], sink: TextSink): void {
  const cells = parse.cells;
  let at = 0;
  cells.forEach((b, n) => {
    const a = cells[n - 1];
    const from = at;
    at += b.words.length;
    if (!a || gaps[from] !== 1 || b.column !== a.column + 1 || !b.words.every((w) => MARKS_ONLY.test(w.text))) return;
    const value = a.words.filter((w) => !MARKS_ONLY.test(w.text));
    if (value.length === 0) return;
    // The other reading: the marks joined to the value (a gap of 0 cannot part two cells).
    const joined = gaps.slice();
    joined[from] = 0;
    const other = parseGapRow(words, joined, columns);
    if (!other || other.score < parse.score - CLOSE_PARSE) return;
    const first = b.words[0] as Word;
    const last = b.words[b.words.length - 1] as Word;
    const label = (k: number) => (columns[k] as Column).label;
    sink.report(
      'TEXT_MARKS_AMBIGUOUS',
      { marks: b.words.map((w) => w.text).join(' '), value: value.map((w) => w.text).join(' '), first: label(a.column), second: label(b.column), chosen: label(b.column) },
      null,
      first.start,
      last.end,
    );
  });
}

/** A parse this close to the best differs by where marks go only: either is as good a reading of the row. */
const CLOSE_PARSE = 0.5;

/** The group's words (marks printed against a value cut from it) and the gap before each; a line's first word has an unknown gap. */
function gapsOf(group: DataLine[], goesOn: (d: DataLine) => boolean, caret: (w: Word) => number): { words: Word[]; gaps: number[] } {
  const words: Word[] = [];
  const gaps: number[] = [];
  group.forEach((d, n) => {
    const own = d.words.flatMap(splitGluedMarks);
    own.forEach((w, i) => {
      words.push(w);
      if (i > 0) gaps.push(Math.max(0, w.x - (own[i - 1] as Word).xEnd - caret(w)));
      else gaps.push(n === 0 || goesOn(d) ? w.x - caret(w) - LYNX_MARGIN + 1 : UNKNOWN_GAP);
    });
  });
  return { words, gaps };
}

/** The D/I cell alone on its line, maybe with marks: "D", "I (2)". */
const DI_ALONE = /^[DI](?: ?\(\d{1,2}\))*$/;

/**
 * Lines grouped into rows where lynx laid a row out over several lines: a cell the page centres
 * (in <center>) stands on a line of its own, away from the margin, and the row goes on at its
 * left edge on the next line; after the centred D/I, only the nature of ownership can follow.
 *
 *   Series A Common Shares   07/08/2019   Z^(1)   4,702   ^(4)   ^(4) Common Shares
 *                                                                        4,702.00        ← centred
 *   $ 0 ^(1) 6,931,607 ^(2) ^(5)                                                         ← the row goes on
 *                                                                           I            ← centred D/I
 *   By Voting Trust                                                                      ← nature
 */
function lynxGroups(data: DataLine[], atMargin: (d: DataLine) => boolean, goesOn: (d: DataLine) => boolean, caret: (w: Word) => number): DataLine[][] {
  const groups: DataLine[][] = [];
  let after: 'line' | 'cell' | 'di' | 'end' = 'end';
  for (const d of data) {
    const group = groups[groups.length - 1];
    const left = group?.[0]?.words[0]?.x;
    const oneChunk = chunksOfWords(d.words, caret).length === 1;
    const text = d.words.map((w) => w.text).join(' ');
    if (group && after === 'cell' && goesOn(d)) {
      group.push(d);
      after = 'line';
    } else if (group && after !== 'end' && after !== 'di' && oneChunk && !atMargin(d) && (d.words[0] as Word).x !== left) {
      group.push(d);
      after = DI_ALONE.test(text) ? 'di' : 'cell';
    } else if (group && after === 'di' && oneChunk && (d.words[0] as Word).x === left) {
      group.push(d);
      after = 'end';
    } else {
      groups.push([d]);
      after = 'line';
    }
  }
  return groups;
}

/** Words cut where two or more spaces part them: a laid-out line's cells. */
function chunksOfWords(words: Word[], caret: (w: Word) => number): Word[][] {
  const out: Word[][] = [];
  for (const w of words) {
    const chunk = out[out.length - 1];
    const prev = chunk?.[chunk.length - 1];
    if (chunk && prev && w.x - prev.xEnd - caret(w) < 2) chunk.push(w);
    else out.push([w]);
  }
  return out;
}

/** A row laid out over several lines: its cells in reading order, each in the first column after the last that fits it. */
function centredRow(group: DataLine[], columns: Column[], caret: (w: Word) => number): LayoutRow[] {
  const chunks = group.flatMap((d) => chunksOfWords(d.words, caret));
  const at = placeInOrder(chunks.map((ws) => ws.map((w) => w.text).join(' ')), columns);
  const first = group[0] as DataLine;
  const last = group[group.length - 1] as DataLine;
  if (!at) return flowRows(group);
  return [{ cells: chunks.map((ws, i) => cellOf(ws, at[i] as number)), start: first.line.start, end: last.line.end, flow: false, inferred: true }];
}

function gapRow(cells: GapCell[], start: number, end: number, inferred = false): LayoutRow {
  return { cells: cells.map((c) => cellOf(c.words, c.column)), start, end, flow: false, inferred, placed: true };
}

const VALUE = /^(?:\$ ?-?[\d,]*\.?\d+|-?[\d,]*\.?\d+|\d{1,2}\/\d{1,2}\/\d{4}|\(\d{1,2}\)|[A-Z](?:\/[A-Z]|[345])?)$/;

/** Rows in reading order with nothing to place their cells by: values are told apart by type (aligned by type later). */
function flowRows(data: { line: Line; words: Word[] }[]): LayoutRow[] {
  const rows: LayoutRow[] = [];
  for (const { line, words } of data) {
    if (words.length === 0) continue;
    const cells: Cell[] = [];
    let text: Word[] = [];
    const flushText = () => {
      if (text.length > 0) cells.push(cellOf(text, -1));
      text = [];
    };
    words.forEach((w, i) => {
      const prev = words[i - 1];
      const next = words[i + 1];
      const isText = !VALUE.test(w.text);
      // A capital between words of a title ("Class A Common Stock") is the title's.
      const inTitle = /^[A-Z]$/.test(w.text) && prev && next && !VALUE.test(prev.text) && !VALUE.test(next.text) && w.x - prev.xEnd <= 1;
      if (isText || inTitle) {
        if (text.length > 0 && w.x - (text[text.length - 1] as Word).xEnd > 2) flushText();
        text.push(w);
        return;
      }
      flushText();
      const last = cells[cells.length - 1];
      // A footnote mark right after a value is that value's.
      if (isMark(w.text) && last && prev && w.x - prev.xEnd <= 2 && VALUE.test(prev.text)) {
        cells[cells.length - 1] = cellOf([...wordsBack(last, prev), w], -1);
        return;
      }
      cells.push(cellOf([w], -1));
    });
    flushText();
    // A row in reading order ends with its D/I (and nature): a line without one is not a row.
    if (cells.length < 3 || !cells.some((c) => /^[DI](?: \(\d{1,2}\))*$/.test(c.text))) {
      rows.push({ cells: [cellOf(words, -1)], start: line.start, end: line.end, flow: true, inferred: true });
      continue;
    }
    rows.push({ cells, start: line.start, end: line.end, flow: true, inferred: true });
  }
  return rows;
}

/**
 * Plain pdftotext may write the page's notes under Table I ("Reminder: ...") before the table's
 * last cells: those go on to the table's end, the notes' lines left out.
 */
function withCellsPastNotes(data: { line: Line; words: Word[] }[], lines: Line[], from: number, to: number, sink: TextSink): { line: Line; words: Word[] }[] {
  const more: { line: Line; words: Word[] }[] = [];
  for (let n = from; n < to; n++) {
    const line = lines[n] as Line;
    if (line.blank) more.push({ line, words: [] });
    else if (!isPageNoteLine(line.text)) more.push({ line, words: wordsOf(line, sink) });
  }
  return [...data, ...more];
}

/** Each line as one cell: the caller reports it unread. */
function unreadRows(data: { line: Line; words: Word[] }[]): LayoutRow[] {
  return data.filter((d) => d.words.length > 0).map((d) => ({ cells: [cellOf(d.words, -1)], start: d.line.start, end: d.line.end, flow: false, inferred: false }));
}

/** "M^(1)^(4)": a value with its marks printed against it, cut into the value and its marks (no gap between them). */
function splitGluedMarks(w: Word): Word[] {
  const m = /^(.*?[^)\s])((?:\(\d{1,2}\))+)$/.exec(w.text);
  if (!m) return [w];
  const k = (m[1] as string).length;
  // The value holds no caret: it ends k columns on, and its marks start right after it.
  return [
    { ...w, text: m[1] as string, end: w.start + k, xEnd: w.x + k },
    { ...w, text: m[2] as string, start: w.start + k, x: w.x + k },
  ];
}

/** The words a one-word cell was made of (for re-making it with a mark). */
function wordsBack(cell: Cell, w: Word): Word[] {
  return [{ ...w, text: cell.text, start: cell.start, end: cell.end }];
}
