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
import type { Cell, Line, TextSink } from './text-grid.ts';

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
  const base = origin[line.start] ?? 0;
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
  const xOf = (i: number): number => (column ? (column[i] as number) : colOf(origin[i] ?? 0));
  for (const m of line.text.matchAll(/\S+/g)) {
    const start = line.start + m.index;
    const end = start + m[0].length;
    const x = xOf(start);
    const xEnd = xOf(end - 1) + 1;
    const prev = out[out.length - 1];
    // "$ 6.98": the dollar sign belongs to the number after it.
    if (prev && prev.text === '$' && /^-?[\d.,]/.test(m[0]) && x - prev.xEnd <= 2) {
      prev.text = '$ ' + m[0];
      prev.end = end;
      prev.xEnd = xEnd;
      continue;
    }
    // "(1)(2)(3)Common": marks printed against the next column's first word are split from it.
    const marks = /^(?:\(\d{1,2}\))+(?=[A-Za-z])/.exec(m[0]);
    if (marks) {
      const k = marks[0].length;
      out.push({ text: m[0].slice(0, k), start, end: start + k, x, xEnd: xOf(start + k - 1) + 1, line: line.no });
      out.push({ text: m[0].slice(k), start: start + k, end, x: xOf(start + k), xEnd, line: line.no });
      continue;
    }
    out.push({ text: m[0], start, end, x, xEnd, line: line.no });
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
const HTML2TEXT_HEADING = /^\*{5} \S[^\n]{0,80} \*{5}$/m;
/** Lines the page prints between its tables. */
const PAGE_NOTE = /^\s*Reminder\s*:|Persons\s+who\s+respond\s+to\s+the\s+collection|SEC\s+1474\s*\(/i;

/** A line made only of the tables' head words (titles, "(Instr. 3)", sub-heads). */
export function isHeadLine(text: string): boolean {
  if (RULE.test(text)) return true;
  const words = text
    .replace(/\(Instr\.[^)]*\)/gi, ' ')
    .toLowerCase()
    .split(/[^a-z0-9%]+/)
    .filter((w) => w !== '');
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
  while (dataFrom < to && ((lines[dataFrom] as Line).blank || isHeadLine((lines[dataFrom] as Line).text) || dataFrom === head)) dataFrom++;
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
    if (!line.blank && RULE.test(line.text)) runs = wordsOf(line, sink);
  }
  const starts = columnStarts(headWords, columns, runs);
  const read = (bytes: boolean) => {
    const data: { line: Line; words: Word[] }[] = [];
    for (let n = dataFrom; n < dataTo; n++) {
      const line = lines[n] as Line;
      data.push({ line, words: line.blank || RULE.test(line.text) ? [] : wordsOf(line, sink, bytes, input) });
    }
    return data;
  };
  // html2text counts a column per UTF-8 byte (a no-break space takes two), and prints its
  // headings as "***** Reporting Owners *****": the only converter here that does either.
  const data = read(starts !== null && input.includes('***** ') && HTML2TEXT_HEADING.test(input));
  if (!starts) {
    const rows = lynxRows(data, columns, sink, input) ?? flowRows(data);
    return { rows, headLines: dataFrom - head, mode: rows.some((r) => r.flow) ? 'flow' : 'layout' };
  }
  // pandoc wraps a cell only at spaces; the others break at a slash or after a hyphen too.
  return { rows: layoutRows(data, starts, columns, runs === null), headLines: dataFrom - head, mode: 'layout' };
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
      const m = NUMBERED.exec(w.text);
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
  return columns.map((col, k) => {
    const g = groupAt.get(col.group);
    if (!g) return null;
    const first = k === 0 || (columns[k - 1] as Column).group !== col.group;
    if (first || !col.sub) return first ? snap(g.x) : null;
    // The sub-head: the lowest occurrence under the group, below the group's number. A centred
    // sub-head starts right of its column: the column starts after the sub-head on its left.
    const end = groupEnd(col.group);
    // Sub-heads stand below the group's title, which ends with "(Instr. n)" or "(Month/Day/Year)".
    let below = g.row;
    for (let row = g.row; row < head.length; row++) {
      if ((head[row] as Word[]).some((w) => w.x >= g.x && w.x < end && /^\(Instr|Year\)$|^\(Month|^\d\)$/.test(w.text))) below = row;
    }
    let x: number | null = null;
    for (let row = below + 1; row < head.length; row++) {
      for (const w of head[row] as Word[]) if (col.sub.test(w.text) && w.x > g.x && w.x < end) x = w.x;
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

/** The column a word stands under: the range it overlaps most. */
function columnOf(w: Word, ranges: { k: number; from: number; to: number }[]): number {
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

function layoutRows(data: { line: Line; words: Word[] }[], starts: (number | null)[], columns: Column[], breaksInWords: boolean): LayoutRow[] {
  const ranges: { k: number; from: number; to: number }[] = [];
  const defined = starts.map((x, k) => ({ x, k })).filter((s): s is { x: number; k: number } => s.x !== null);
  defined.forEach((s, i) => {
    const next = defined[i + 1];
    ranges.push({ k: s.k, from: i === 0 ? -Infinity : s.x, to: next ? next.x : Infinity });
  });
  const diCol = columns.findIndex((c) => c.kind === 'di');
  const rangeEnd = (k: number): number => ranges.find((r) => r.k === k)?.to ?? Infinity;
  // On pandoc's drawn grid a column starts exactly where its rule does: a mark standing at or
  // after another column's start ("Stock Option (3)" with the (3) under the price) is that column's.
  const startsOwnColumn = (w: Word, col: number): boolean => {
    if (breaksInWords) return false;
    const own = columnOf(w, ranges);
    const r = ranges.find((x) => x.k === own);
    return own !== col && r !== undefined && w.x >= r.from;
  };
  // Words one space apart in a text ("Common Stock") stay in one cell whatever the ranges say.
  const placed = data.map((d) => {
    const out: { w: Word; col: number }[] = [];
    d.words.forEach((w, i) => {
      const prev = out[i - 1];
      // A footnote mark right after a value ("Stock (2)") is that value's.
      const joins =
        prev &&
        ((w.x - prev.w.xEnd <= 1 && /^[A-Za-z]/.test(w.text) && /[A-Za-z]/.test(prev.w.text)) ||
          // "par value $0.0001", "par value 0.0001": the par value is the title's.
          (w.x - prev.w.xEnd <= 1 && /^(?:\$\d|\$?0?\.\d+$)/.test(w.text) && /^(?:par|value)$/i.test(prev.w.text)) ||
          (w.x - prev.w.xEnd <= 2 && /^\(\d{1,2}\)$/.test(w.text) && !/^\(\d{1,2}\)$/.test(prev.w.text) && !startsOwnColumn(w, prev.col)) ||
          // "7,681,964 (1) (2) (3)": a further mark that starts inside the value's column is the value's too.
          (w.x - prev.w.xEnd <= 1 && /^\(\d{1,2}\)$/.test(w.text) && /^\(\d{1,2}\)$/.test(prev.w.text) && w.x < rangeEnd(prev.col)));
      out.push({ w, col: joins ? prev.col : columnOf(w, ranges) });
    });
    return out;
  });
  // Each line's text per column, and each column's width: what tells a wrapped cell from two.
  const C = columns.length;
  const width: number[] = new Array<number>(C).fill(0);
  const texts = placed.map((ps) => {
    const row: { text: string; x: number }[] = [];
    for (const p of ps) {
      const cur = row[p.col];
      if (cur) cur.text += ' ' + p.w.text;
      else row[p.col] = { text: p.w.text, x: p.w.x };
    }
    row.forEach((t, c) => (width[c] = Math.max(width[c] ?? 0, t.text.length)));
    return row;
  });

  // Blocks of lines between blank lines; in each, main lines (a D or I under the D/I column).
  const rows: LayoutRow[] = [];
  let blockStart = -1;
  const closeBlock = (end: number) => {
    if (blockStart === -1) return;
    const idx: number[] = [];
    for (let i = blockStart; i < end; i++) idx.push(i);
    blockStart = -1;
    let mains = idx.filter((i) => (placed[i] ?? []).some((p) => p.col === diCol && /^[DI]$/.test(p.w.text)));
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
    const spans = splitChain(idx[0] as number, idx[idx.length - 1] as number, mains, (a, b, main) => 5 * (wrapBreaks(texts, width, a, b) + cellGaps(texts, a, b)) + 2 * offMain(texts, a, b, main), 0, UNLIKE_ROWS);
    spans.forEach(([a, b], r) => {
      const rowLines: number[] = [];
      for (let i = a; i <= b; i++) rowLines.push(i);
      rows.push(makeRow(rowLines.map((i) => ({ line: (data[i] as { line: Line }).line, placed: placed[i] ?? [] })), mains.length > 1 && (a < (mains[r] as number) || b > (mains[r] as number)), columns, breaksInWords));
    });
  };
  data.forEach((d, i) => {
    if (d.words.length === 0) closeBlock(i);
    else if (blockStart === -1) blockStart = i;
  });
  closeBlock(data.length);
  return rows;
}

/**
 * Gives the lines of a block to its main lines. Converters centre a cell's lines on the row's
 * middle, so a row has as many lines above its main line as below, or one more below. Among the
 * splits that keep every row so, `extra` (lines that cannot be one cell) decides, then giving
 * lines to the row above.
 */
/** Rows of one table are alike: a row with more or fewer lines above its main line than the row before costs this. */
const UNLIKE_ROWS = 0.12;

export function splitChain(first: number, last: number, mains: number[], extra: (from: number, to: number, main: number) => number = () => 0, oneMoreBelow = 0, unlike = 0): [number, number][] {
  const k = mains.length;
  if (k === 1) return [[first, last]];
  const m = (i: number) => mains[i] as number;
  const cost = (i: number, above: number, below: number) => {
    const d = below - above;
    return (d === 0 ? 0 : d === 1 ? oneMoreBelow : 40 * Math.abs(d)) + 0.1 * above + extra(m(i) - above, m(i) + below, m(i));
  };
  // For row i: the lines above its main line → least cost of rows before it, and the split.
  let prev = new Map<number, { cost: number; path: number[] }>([[m(0) - first, { cost: 0, path: [] }]]);
  for (let i = 0; i < k - 1; i++) {
    const gap = m(i + 1) - m(i) - 1;
    const next = new Map<number, { cost: number; path: number[] }>();
    for (const [above, s] of prev) {
      for (let below = 0; below <= gap; below++) {
        const c = s.cost + cost(i, above, below) + (gap - below !== above ? unlike : 0);
        const cur = next.get(gap - below);
        if (!cur || c < cur.cost) next.set(gap - below, { cost: c, path: [...s.path, below] });
      }
    }
    prev = next;
  }
  let best: { cost: number; path: number[] } | null = null;
  for (const [above, s] of prev) {
    const c = s.cost + cost(k - 1, above, last - m(k - 1));
    if (!best || c < best.cost) best = { cost: c, path: s.path };
  }
  const path = (best as { path: number[] }).path;
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
 * 1 for each pair of lines in [from, to] that cannot be one wrapped cell: the first word of the
 * lower line would have fitted on the upper one (in the column's width).
 */
export function wrapBreaks(texts: { text: string; x: number }[][], width: number[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const upper = texts[i];
    const lower = texts[i + 1];
    if (!upper || !lower) continue;
    upper.forEach((u, c) => {
      const l = lower[c];
      if (!l || u.text === '' || l.text === '') return;
      // Footnote marks end a cell: a capitalised line below them starts the next one.
      if (/\(\d{1,2}\)$/.test(u.text) && /^[A-Z][a-z]/.test(l.text)) {
        n++;
        return;
      }
      if (!/[a-z]{2}/i.test(u.text) || !/^[a-z]{2}/i.test(l.text)) return;
      const firstWord = l.text.split(' ')[0] as string;
      if (u.text.length + 1 + firstWord.length <= (width[c] ?? 0) - 1) n++;
    });
  }
  return n;
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
export function cellGaps(texts: { text: string; x: number }[][], from: number, to: number): number {
  let n = 0;
  const columns = new Set<number>();
  for (let i = from; i <= to; i++) (texts[i] ?? []).forEach((t, c) => t && columns.add(c));
  for (const c of columns) {
    let runs = 0;
    let inRun = false;
    for (let i = from; i <= to; i++) {
      const has = texts[i]?.[c] !== undefined;
      if (has && !inRun) runs++;
      inRun = has;
    }
    if (runs > 1) n += runs - 1;
  }
  return n;
}

/**
 * 1 for each column with lines in [from, to] but none on the main line: a cell's lines stand
 * around the row's middle (centred) or start on it (top-aligned), never only above or below it.
 */
export function offMain(texts: { text: string; x: number }[][], from: number, to: number, main: number): number {
  let n = 0;
  const onMain = texts[main] ?? [];
  const seen = new Set<number>();
  for (let i = from; i <= to; i++) {
    if (i === main) continue;
    (texts[i] ?? []).forEach((t, c) => {
      if (t && onMain[c] === undefined && !seen.has(c)) {
        seen.add(c);
        n++;
      }
    });
  }
  return n;
}

function makeRow(rowLines: { line: Line; placed: { w: Word; col: number }[] }[], inferred: boolean, columns: Column[], breaksInWords: boolean): LayoutRow {
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

/** Words joined with single spaces into one cell, keeping each character's cleaned offset. */
function cellOf(words: Word[], index: number, breaksInWords = false): Cell {
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
    if (!a || gaps[from] !== 1 || b.column !== a.column + 1 || !b.words.every((w) => MARK_WORD.test(w.text))) return;
    const value = a.words.filter((w) => !MARK_WORD.test(w.text));
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
const MARK_WORD = /^(?:\(\d{1,2}\))+$/;

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
      if (/^\(\d{1,2}\)$/.test(w.text) && last && prev && w.x - prev.xEnd <= 2 && VALUE.test(prev.text)) {
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
