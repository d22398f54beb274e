// pandoc's grid tables (`+---+` rules, `|` cell walls, tables nested inside cells) turned
// into the tab-separated lines the readers understand, remembering where each character came from.
//
//   +---------------+---------------+
//   | 2\. Issuer    | 3\. Statement |        "2\. Issuer Name\tBRISTOL ..."
//   | Name          | for Issuer\'s |   →    "3\. Statement for Issuer\'s ..."
//   +---------------+---------------+
//
// A row of several cells becomes one line, its cells joined by tabs and each cell's wrapped
// lines joined by spaces (or by nothing where pandoc cut a word at the wall); a row of one cell
// keeps its lines (a table laid out inside it, its lines put back together where pandoc cut them
// in two) and a grid nested in a cell is flattened in turn.
// Runs on the raw input, before cleaning, so that the walls still line up.

/** The flattened text and, for each of its characters, the input offset it came from. */
export interface FlatText {
  readonly text: string;
  /** `map[i]` is the input offset of character i; `map[text.length]` is the input's length. */
  readonly map: Int32Array;
  /** Column of each character in its flattened line (the layout the table readers measure). */
  readonly column: Int32Array;
  /** Input ranges [start, end) of tables cut inside a cell that could not be put back; left out. */
  readonly unread: [number, number][];
}

interface Seg {
  readonly text: string;
  readonly off: number;
  /** Padding that stands for no input character (mapped to `off`). */
  readonly pad?: boolean;
}

const RULE = /^\+[-=:+]*\+\s*$/;
const DASHES = /^[\s-]*$/;

/**
 * /^\+-{3,}/m.test by string search: a '+---' at a line's start (the text's, or after a line
 * terminator, as ^ in multiline mode reads one). indexOf skips a text without grids faster than
 * the regex tries every line start.
 */
function hasRuleLine(input: string): boolean {
  for (let at = input.indexOf('+---'); at !== -1; at = input.indexOf('+---', at + 1)) {
    const c = at === 0 ? 10 : input.charCodeAt(at - 1);
    if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) return true;
  }
  return false;
}

/** The input with its grid tables flattened, or null when it has none. */
export function flattenGrids(input: string): FlatText | null {
  if (!hasRuleLine(input)) return null;
  const parts: string[] = [];
  // The flattened text is about as long as the input: the map grows only past that.
  let map = new Int32Array(input.length + 1);
  let n = 0;
  const emit = (s: string, off: number, synthetic: boolean): void => {
    parts.push(s);
    if (n + s.length + 1 > map.length) {
      const grown = new Int32Array(Math.max(2 * map.length, n + s.length + 1));
      grown.set(map);
      map = grown;
    }
    for (let k = 0; k < s.length; k++) map[n++] = synthetic ? off : off + k;
  };
  let pos = 0;
  let changed = false;
  const unread: [number, number][] = [];
  while (pos < input.length) {
    let end = input.indexOf('\n', pos);
    if (end === -1) end = input.length;
    const line = input.slice(pos, end);
    if (RULE.test(line) && line.length > 4) {
      // The block: this rule and every line after it that starts with a wall or a rule.
      const block: Seg[] = [];
      let p = pos;
      for (;;) {
        let e = input.indexOf('\n', p);
        if (e === -1) e = input.length;
        const t = input.slice(p, e);
        if (t[0] !== '|' && t[0] !== '+') break;
        block.push({ text: t.trimEnd(), off: p });
        p = e + 1;
        if (e >= input.length) break;
      }
      const out = gridLines(block, unread);
      if (out !== null) {
        changed = true;
        for (const l of out) {
          for (let c = 0; c < l.length; c++) {
            if (c > 0) emit('\t', (l[c - 1] as Seg[]).at(-1)?.off ?? pos, true);
            for (const s of l[c] as Seg[]) emit(s.text, s.off, s.pad === true || s.text === ' ');
          }
          emit('\n', pos, true);
        }
        pos = Math.min(p, input.length);
        continue;
      }
    }
    emit(input.slice(pos, Math.min(end + 1, input.length)), pos, false);
    pos = end + 1;
  }
  if (!changed) return null;
  map[n] = input.length;
  const text = parts.join('');
  const column = new Int32Array(text.length + 1);
  let x = 0;
  for (let i = 0; i < text.length; i++) {
    column[i] = x;
    x = text.charCodeAt(i) === 10 ? 0 : x + 1;
  }
  column[text.length] = x;
  return { text, map: map.subarray(0, n + 1), column, unread };
}

/** Output lines, each a list of cells, each cell a list of segments; null when not a grid. */
function gridLines(block: Seg[], unread: [number, number][]): Seg[][][] | null {
  if (block.length < 3 || !RULE.test((block[0] as Seg).text)) return null;
  const out: Seg[][][] = [];
  let i = 0;
  while (i < block.length - 1) {
    const rule = (block[i] as Seg).text;
    let j = i + 1;
    while (j < block.length && !RULE.test((block[j] as Seg).text)) j++;
    if (j >= block.length) break;
    const rows = block.slice(i + 1, j);
    i = j;
    if (rows.length === 0) continue;
    // Column walls: the rule's `+`s that every line of the row has as `|` (a spanning cell has fewer).
    const walls: number[] = [];
    for (let k = 0; k < rule.length; k++) {
      if (rule[k] !== '+') continue;
      if (rows.every((r) => r.text[k] === '|' || (k === rule.length - 1 && r.text.length <= k))) walls.push(k);
    }
    if (walls.length < 2) {
      // Walls that do not line up: keep the lines as they are, less their outer walls.
      for (const r of rows) out.push([[{ text: r.text.slice(1).replace(/\|$/, ''), off: r.off + 1 }]]);
      continue;
    }
    const cells: Seg[][] = [];
    for (let c = 0; c + 1 < walls.length; c++) {
      const a = (walls[c] as number) + 1;
      const b = walls[c + 1] as number;
      cells.push(rows.map((r) => ({ text: r.text.slice(a, b).padEnd(b - a), off: r.off + a })));
    }
    if (cells.length === 1) {
      // One cell: a nested grid, or lines laid out inside it; both keep their lines.
      const inner = (cells[0] as Seg[]).map((s) => ({ text: s.text.slice(1).trimEnd(), off: s.off + 1 }));
      const firstBody = inner.findIndex((s) => s.text.trim() !== '');
      const nested = firstBody >= 0 && RULE.test((inner[firstBody] as Seg).text.trimStart()) ? nestedLines(inner.slice(firstBody), unread) : null;
      if (nested !== null) {
        out.push(...nested);
        continue;
      }
      const table = unwrapTable(inner);
      if (table !== null) {
        out.push(...table);
        continue;
      }
      if (firstBody >= 0 && DASH_RULE.test((inner[firstBody] as Seg).text) && DASH_RULE.test((inner[firstBody + 1] as Seg | undefined)?.text ?? '')) {
        // A table cut in more than two pieces: read as it stands it would give wrong rows.
        const lastSeg = inner[inner.length - 1] as Seg;
        unread.push([(inner[firstBody] as Seg).off, lastSeg.off + lastSeg.text.length]);
        continue;
      }
      for (const s of inner) if (s.text.trim() !== '') out.push([[s]]);
      continue;
    }
    // Empty cells at the end of the row are left out (no trailing tabs).
    const joined = cells.map((c) => joinCell(c));
    while (joined.length > 1 && (joined[joined.length - 1] as Seg[]).length === 0) joined.pop();
    out.push(joined);
  }
  return out.length > 0 ? out : null;
}

function nestedLines(inner: Seg[], unread: [number, number][]): Seg[][][] | null {
  const indent = (inner[0] as Seg).text.search(/\S/);
  const shifted = inner.map((s) => ({ text: s.text.slice(indent), off: s.off + indent }));
  const end = shifted.findIndex((s) => s.text[0] !== '|' && s.text[0] !== '+');
  const grid = end === -1 ? shifted : shifted.slice(0, end);
  const lines = gridLines(grid, unread);
  if (lines === null) return null;
  // Lines after the nested grid, in the same cell.
  if (end !== -1) for (const s of shifted.slice(end)) if (s.text.trim() !== '') lines.push([[s]]);
  return lines;
}

/** A cell's wrapped lines as one text: joined by a space, or by nothing where a word was cut at the wall. */
function joinCell(lines: Seg[]): Seg[] {
  const segs: Seg[] = [];
  let prev = '';
  let prevLead = 0;
  for (const l of lines) {
    const content = l.text.slice(1, -1);
    if (DASHES.test(content)) {
      prev = '';
      continue;
    }
    const lead = content.search(/\S/);
    const raw = content.slice(lead).trimEnd();
    // pandoc cuts words at the wall ("Caf|orio", "2\\|.", "*|*and**"): a continuation starts the line.
    const cut = lead === 0 && prev !== '' && (
      (prevLead >= 1 && /[A-Za-z(]$/.test(prev) && /^[a-z]/.test(raw)) ||
      (prevLead >= 2 && /^[A-Z]{1,3}$/.test(prev) && /^[A-Z]/.test(raw)) ||
      (/(?:^|[^\\])\\$/.test(prev) && /^[.()[\]*_#+!|-]/.test(raw)) ||
      (prev.endsWith('*') && raw.startsWith('*'))
    );
    if (!cut && segs.length > 0) {
      const last = segs[segs.length - 1] as Seg;
      // A hard line break (a backslash ending the line) is a space.
      if (/(?:^|[^\\])\\$/.test(last.text)) segs[segs.length - 1] = { text: last.text.slice(0, -1), off: last.off };
      segs.push({ text: ' ', off: l.off });
    }
    if (raw !== '') segs.push({ text: raw, off: l.off + 1 + lead });
    prev = raw;
    prevLead = lead;
  }
  const last = segs[segs.length - 1];
  if (last && /(?:^|[^\\])\\$/.test(last.text)) segs[segs.length - 1] = { text: last.text.slice(0, -1), off: last.off };
  return segs;
}

const DASH_RULE = /^\s*-[- ]*$/;

/**
 * A simple table laid out inside a cell narrower than it: pandoc cut each of its lines in two,
 * the second half being the line's last cell-width characters and the first half what is left
 * (possibly blank); rows are parted by one blank line. The halves are put back side by side,
 * the second where its words sit best in the columns of the rule put back together.
 */
function unwrapTable(inner: Seg[]): Seg[][][] | null {
  let a = 0;
  while (a < inner.length && (inner[a] as Seg).text.trim() === '') a++;
  let b = inner.length - 1;
  while (b >= 0 && (inner[b] as Seg).text.trim() === '') b--;
  if (b - a < 5) return null;
  const isRule = (k: number) => DASH_RULE.test((inner[k] as Seg).text);
  if (!isRule(a) || !isRule(a + 1) || !isRule(b) || !isRule(b - 1)) return null;
  // Cut in three pieces: which pieces go together cannot be told for sure, and a wrong guess
  // reads values wrong without a word. Such a table is left unread, with an issue saying so.
  if (isRule(a + 2) || isRule(b - 2)) return null;
  const first = (inner[a] as Seg).text;
  const width = first.length;
  const lead = first.search(/\S/);
  const second = (inner[a + 1] as Seg).text;
  // The rule's halves meet inside a column, or the space between two columns was cut away
  // (hidden as the end of the first half): the reading whose words sit best in the columns wins.
  const built = [build(inner, a, b, 0)];
  if (first.endsWith('-') && second.startsWith('-')) built.push(build(inner, a, b, 1));
  built.sort((x, y) => y.score - x.score);
  return (built[0] as { out: Seg[][][] }).out;
}

function build(inner: Seg[], a: number, b: number, gap: number): { out: Seg[][][]; score: number } {
  const first = (inner[a] as Seg).text;
  const width = first.length + gap;
  const lead = first.search(/\S/);
  // The table's columns, from its rule put back together.
  const columns: [number, number][] = [];
  const rule = first + ' '.repeat(gap) + (inner[a + 1] as Seg).text;
  for (const m of rule.matchAll(/-+/g)) columns.push([m.index, m.index + m[0].length]);
  const out: Seg[][][] = [];
  let total = 0;
  let near = width;
  const join = (f: Seg, s: Seg | null): void => {
    const line: Seg[] = [];
    if (f.text !== '') line.push(f);
    total += fit(f.text, 0, columns);
    if (s !== null && s.text.trim() !== '') {
      const [at, score] = secondHalfAt(f.text.length, width, s.text, columns, near);
      near = at;
      total += score;
      line.push({ text: ' '.repeat(at - f.text.length), off: f.off + f.text.length, pad: true });
      line.push(s);
    }
    out.push([line.length > 0 ? line : [{ text: '', off: f.off }]]);
  };
  const blank = (k: number) => (inner[k] as Seg).text.trim() === '';
  let k = a;
  while (k <= b) {
    const cur = inner[k] as Seg;
    if (blank(k)) {
      // A row parting (alone, or before a line's first half) or a blank first half.
      const next = k + 1 <= b ? (inner[k + 1] as Seg) : null;
      if (next === null || blank(k + 1) || next.text.search(/\S/) === lead) {
        out.push([[{ text: '', off: cur.off }]]);
        k++;
        continue;
      }
      join({ text: '', off: cur.off }, next);
      k += 2;
      continue;
    }
    join(cur, k + 1 <= b ? (inner[k + 1] as Seg) : null);
    k += 2;
  }
  return { out, score: total };
}

/**
 * Where a line's second half starts. pandoc keeps the last cell-width characters of the line
 * (its trailing spaces trimmed) for the second half, so a line ending early starts it before
 * the rule's: the start is chosen where the half's words sit best in the columns.
 */
function secondHalfAt(firstLength: number, ruleFirst: number, second: string, columns: [number, number][], near: number): [number, number] {
  let best = ruleFirst;
  let bestScore = -1;
  // The half's words are found once: only where they are placed changes.
  const words = runsOf(second);
  for (let at = ruleFirst; at >= firstLength; at--) {
    const score = fitWords(words, at, columns);
    // Equally good places: the one nearest the line before's (a row's lines are cut alike).
    if (score > bestScore || (score === bestScore && Math.abs(at - near) < Math.abs(best - near))) {
      bestScore = score;
      best = at;
    }
  }
  return [best, bestScore];
}

/** How well a text's words, placed at `at`, sit in the columns: inside one, and at its edge. */
function fit(text: string, at: number, columns: [number, number][], miss = 0): number {
  return fitWords(runsOf(text), at, columns, miss);
}

/** A text's words (runs of words one space apart), each as its offset and length. */
function runsOf(text: string): [number, number][] {
  const out: [number, number][] = [];
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) out.push([m.index, m[0].length]);
  return out;
}

function fitWords(words: [number, number][], at: number, columns: [number, number][], miss = 0): number {
  let score = 0;
  for (const [index, length] of words) {
    const x = at + index;
    const y = x + length;
    const col = columns.find(([c, d]) => x >= c && y <= d);
    if (!col) {
      score -= miss;
      continue;
    }
    score += 2;
    if (x === col[0] || y === col[1]) score++;
  }
  return score;
}

