// Plain pdftotext (reading order, no -layout) writes a table's cells in the order of its block
// analysis, which mixes rows and columns: a row's cells are not one line, and a cell cut over
// lines ("$" above "84.79") may have another column's value between its lines:
//
//   Common Stock | 06/23/2023 | S | 123,128 D | $ | 1,126,872 | 11.5 | I | See | Footnotes | (1) (2) (3)
//                                               ^ price's "$"  ^ owned (centred)  ^ price's number
//
// A table of one row is read from its values' types, the counts matching one row exactly. With
// several rows each column still writes its cells top to bottom: the rows are read when exactly
// one placing of the values fits the columns' order, the values sharing a line share a row, and
// each row adds up from the one before. Else null: the table is left to the generic reader, which
// reports it unread.
import { transactionCodes } from '../../validate/rules/transaction-codes.ts';
import type { Column } from './table-columns.ts';
import { cellOf, type LayoutRow, type Word } from './layout-table.ts';
import { MARK, type Cell, type TextSink } from './text-grid.ts';

type Kind = 'date' | 'number' | 'price' | 'dollar' | 'letter' | 'mark';

interface Token {
  kind: Kind;
  words: Word[];
  marks: Word[];
  /** The token's line in the stream (two tokens of one line were printed side by side). */
  line: number;
  /** Its block: pdftotext parts its blocks (a cell, or cells it found together) by blank lines. */
  block: number;
}

const DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const NUMBER = /^-?[\d,]*\.?\d+$/;
const PRICE = /^\$ ?-?[\d,]*\.?\d+$/;
/** A transaction code or A/D or D/I letter, maybe with its marks glued ("J(1)"). */
const LETTER = /^([A-Z])((?:\(\d{1,2}\))*)$/;
/** A word only the heads print: a line of head words without one ("Shares held") may be a nature's. */
const HEAD_ONLY = /\b(?:Instr|Month|Date|Code|Transaction|Beneficial(?:ly)?|Ownership|Amount|Price|Execution|Deemed|Acquired|Disposed|Form|Nature|Following|Reported|Fiscal|Title|Indirect|Direct|Year)\b|\([ADI]\)|^\d{1,2}A?\.(?!\d)|^any$/;
const SUB_HEAD = /^(?:\([ADI]\)|V|or|\d{1,2}A?\.)$/;

/** The notes the page prints under Table I, which plain pdftotext may write among its cells. */
const PAGE_NOTES = [
  'Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.',
  'Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB control number.',
].map((t) => t.toLowerCase());

/**
 * A line of those notes as wrapped (both may share a line: they stand side by side), or the
 * form's number ("SEC 1474 (9-02)"). A short piece must end a note ("number.").
 */
export function isPageNoteLine(text: string): boolean {
  const t = text.replace(/\s+/g, ' ').trim().toLowerCase();
  if (/^sec \d{4} \(\d{1,2}-\d{2}\)$/.test(t)) return true;
  const pieces = t.split(/(?=persons who respond|reminder:)/).map((x) => x.trim()).filter((x) => x !== '');
  return pieces.length > 0 && pieces.every((x) => PAGE_NOTES.some((n) => (x.length >= 12 && n.includes(x)) || n.endsWith(' ' + x)));
}

/**
 * The rows of a table in reading order: one row, or holdings written row after row; null when
 * its values do not make those exactly.
 */
export function pdfFlowRows(
  data: { line: { text: string; start: number; end: number }; words: Word[] }[],
  columns: Column[],
  isHead: (text: string) => boolean,
  sink: TextSink,
): LayoutRow[] | null {
  const field = (f: string): number => fieldIndex(columns, f);
  // Table I: Form 4's and 5's (transactions and holdings) or Form 3's (holdings only).
  const transactions = field('transactionDate') !== -1;
  if (field('underlyingSecurityTitle') !== -1 || (transactions && field('pricePerShare') === -1)) return null;
  const { texts, tokens, unread } = streamOf(data, isHead);
  if (!tokens.some((t) => t.kind === 'date')) {
    const rows = holdingRows(texts, tokens, columns);
    if (rows && rows.length > 1) {
      reportUnread(unread, sink);
      return rows.map((cells) => ({ cells, start: data[0]?.line.start ?? 0, end: data[data.length - 1]?.line.end ?? 0, flow: false, inferred: true, placed: true }));
    }
  }
  const first = data[0]?.line;
  const last = data[data.length - 1]?.line;
  // Rows whose cells pdftotext mixed are read when one reading alone fits the columns' order and
  // adds up; holdings after the transactions are read as Form 3's.
  const rows = transactions ? (transactionRows(texts, tokens, columns) ?? withHoldingsAfter(texts, tokens, columns) ?? mixedHoldingRows(texts, tokens, columns)) : segmentRows(texts, tokens, false, columns);
  if (!rows || namesSecurity(rows, columns) || rows.some((row) => row.some(twoCells))) return null;
  // Marks that start a line of values are no value's: they stay unread.
  unread.push(...tokens.filter((t) => t.kind === 'mark').flatMap(tokenWords));
  reportUnread(unread, sink);
  return rows.map((cells) => ({ cells, start: first?.start ?? 0, end: last?.end ?? 0, flow: false, inferred: true, placed: true }));
}

/** The index of a field's column, -1 when the table has none. */
function fieldIndex(columns: Column[], f: string): number {
  return columns.findIndex((c) => c.field === f);
}

/** A cell's text without its footnote marks, to compare titles and natures. */
function withoutMarks(text: string): string {
  return text.replace(/\s*\(\d{1,2}\)/g, '');
}

/**
 * A block of words taken for one cell holds two: a footnote mark ends a cell's value, and words
 * after one ("By FF Affirm Growth, LLC (8) By The Founders Fund") start another cell.
 */
function twoCells(cell: Cell): boolean {
  return /\(\d{1,2}\)\s+[^(\s]/.test(cell.text);
}

/** Some row's nature is some row's title: a nature of ownership never names a security, so the words were placed wrong. */
function namesSecurity(rows: Cell[][], columns: Column[]): boolean {
  const text = (row: Cell[], f: string) => {
    const index = fieldIndex(columns, f);
    const cell = row.find((c) => c.index === index);
    return cell === undefined ? undefined : withoutMarks(cell.text);
  };
  const titles = new Set(rows.map((row) => text(row, 'securityTitle')));
  return rows.some((row) => {
    const nature = text(row, 'natureOfOwnership');
    return nature !== undefined && nature !== '' && titles.has(nature);
  });
}

/** Transactions: row after row ({@link segmentRows}), else mixed ({@link interleavedRows}). */
function transactionRows(texts: TextGroup[], tokens: Token[], columns: Column[]): Cell[][] | null {
  return segmentRows(texts, tokens, true, columns) ?? interleavedRows(texts, tokens, columns);
}

/** Transactions and holdings mixed: the fewest holdings that give one reading. */
function mixedHoldingRows(texts: TextGroup[], tokens: Token[], columns: Column[]): Cell[][] | null {
  for (let holdings = 1; holdings <= MIXED_HOLDINGS; holdings++) {
    const rows = interleavedRows(texts, tokens, columns, holdings);
    if (rows) return rows;
  }
  return null;
}

/** Rows each written whole, one after another; null unless every row reads and adds up. */
function segmentRows(texts: TextGroup[], tokens: Token[], transactions: boolean, columns: Column[]): Cell[][] | null {
  const field = (f: string): number => fieldIndex(columns, f);
  const segments = transactions ? rowSegments(texts, tokens) : [{ texts, tokens }];
  const rows: Cell[][] = [];
  for (const seg of segments) {
    const placed = oneRow(seg.texts, seg.tokens, transactions);
    if (!placed) return null;
    rows.push([...placed].map(([f, value]) => cellOf(Array.isArray(value) ? value : [...value.words, ...value.marks], field(f))));
  }
  if (rows.length > 1 && !balances(segments, rows, columns)) return null;
  // pdftotext may write a row's nature after all the rows: the last row's nature may be an
  // earlier one's when one has none.
  const hasNature = rows.map((r) => r.some((c) => c.index === field('natureOfOwnership')));
  if (rows.length > 1 && hasNature[rows.length - 1] && hasNature.includes(false)) return null;
  return rows;
}

/**
 * Transactions, then holdings written row after row after the last of their values (each its
 * title, amount, D or I and maybe nature):
 *
 *   … 22,020 | 86.17 | D | Common Stock | 19,789 | I | Barbara B Singer 2014 Irrevocable Trust
 *                          ^ a holding's title starts the tail
 *
 * Read only when exactly one place to cut the stream gives transactions that read and holdings
 * that read.
 */
function withHoldingsAfter(texts: TextGroup[], tokens: Token[], columns: Column[]): Cell[][] | null {
  const field = (f: string): number => fieldIndex(columns, f);
  const lastDate = tokens.reduce((at, t, i) => (t.kind === 'date' ? i : at), -1);
  if (lastDate === -1) return null;
  const found: Cell[][][] = [];
  for (const g of texts) {
    if (g.at <= lastDate || g.at >= tokens.length) continue;
    for (let j = 0; j < g.parts.length && found.length < 2; j++) {
      const headParts = g.parts.slice(0, j);
      const tailParts = g.parts.slice(j);
      const headTexts = texts.filter((t) => t.at < g.at);
      if (headParts.length > 0) headTexts.push({ words: headParts.flatMap((p) => p.words), at: g.at, parts: headParts });
      const tailTexts = [{ words: tailParts.flatMap((p) => p.words), at: 0, parts: tailParts }, ...texts.filter((t) => t.at > g.at).map((t) => ({ ...t, at: t.at - g.at }))];
      const holdings = holdingRows(tailTexts, tokens.slice(g.at), columns);
      // A holding held indirectly names its nature: without one, its nature may be among the words before the cut.
      const di = (row: Cell[]) => row.find((c) => c.index === field('directOrIndirectOwnership'))?.text.startsWith('I') === true;
      if (!holdings || holdings.some((row) => di(row) && !row.some((c) => c.index === field('natureOfOwnership')))) continue;
      const head = transactionRows(headTexts, tokens.slice(0, g.at), columns);
      if (head && !namesSecurity([...head, ...holdings], columns)) found.push([...head, ...holdings]);
    }
  }
  return found.length === 1 ? (found[0] as Cell[][]) : null;
}

/** The columns of a transaction whose cells {@link interleavedRows} places one by one. */
type FlowColumn = 'transactionCode' | 'acquiredDisposedCode' | 'directOrIndirectOwnership' | 'shares' | 'sharesOwnedFollowingTransaction' | 'pricePerShare';
const FLOW_COLUMNS: readonly FlowColumn[] = ['transactionCode', 'acquiredDisposedCode', 'directOrIndirectOwnership', 'shares', 'sharesOwnedFollowingTransaction', 'pricePerShare'];
/**
 * Columns printed at the top of their row beside its date: pdftotext writes them after the date
 * (the amount owned after, centred in the row, may come first).
 */
const TOP_ALIGNED: ReadonlySet<FlowColumn> = new Set(['transactionCode', 'shares']);
/** How many holdings mixed among transactions are tried. */
const MIXED_HOLDINGS = 4;
/** How many placements the search may try before the table is left unread (a bound on time, not a guess). */
const SEARCH_LIMIT = 1500;

/**
 * Transactions whose rows pdftotext mixed: it writes each column's cells top to bottom, but
 * interleaves the columns (and so the rows) as its blocks fall. Each row has its title just
 * before its date; every other value is placed by trying each column its type allows, the k-th
 * value of a column in the k-th row:
 *
 *   Common Stock | 02/15/2023 | F | 2,849 | Common Stock | 02/14/2023 | A | 17,702 A | D | $ | 145,368 | 37.17 | D | $0 | D | 163,070
 *                               ^ row 2 ^                   ^ row 3 ^             ^ row 2's (D), its price and owned after
 *
 * A placing stands only if values printed on one line stand in one row, an (A)'s amount owned
 * after is at least its amount, and each row of one security and form of ownership adds up from
 * the row before (owned = owned before ± amount, by its (A) or (D)); the table is read only when every
 * placing that stands gives the same values. `holdings` rows of holdings follow the transactions
 * (the form prints them last): only the amount owned and the D or I columns hold theirs, and
 * their titles are the blocks that repeat a transaction's title (a nature never names a security).
 */
function interleavedRows(texts: TextGroup[], tokens: Token[], columns: Column[], holdings = 0): Cell[][] | null {
  const field = (f: string): number => fieldIndex(columns, f);
  const dateAt = tokens.flatMap((t, i) => (t.kind === 'date' ? [i] : []));
  const n = dateAt.length;
  const rows = n + holdings;
  if (n < 1 || rows < 2) return null;
  // Each date's title is the block just before it; blocks before a run of dates with no words
  // between them are the titles of that run ("Common Stock | Common Stock | 03/03/2020 | G | 03/03/2020"),
  // the last ones going to the run. Other blocks of words are natures (or holdings' titles), in order.
  const titles: Word[][] = [];
  let natures: Word[][] = [];
  for (const g of texts) {
    const k = dateAt.indexOf(g.at);
    if (k === -1) {
      // Words right after a date may be its title's last line ("Common stock, par value $0.01 | 05/11/2020 | per share").
      if (dateAt.includes(g.at - 1)) return null;
      natures.push(...g.parts.map((p) => p.words));
      continue;
    }
    let run = 1;
    while (k + run < n && !texts.some((t) => t.at > (dateAt[k] as number) && t.at <= (dateAt[k + run] as number))) run++;
    if (g.parts.length < run) return null;
    natures.push(...g.parts.slice(0, -run).map((p) => p.words));
    g.parts.slice(-run).forEach((p, j) => (titles[k + j] = p.words));
  }
  if (dateAt.some((_, k) => titles[k] === undefined)) return null;
  const titleText = (words: Word[]) => withoutMarks(words.map((w) => w.text).join(' '));
  if (holdings > 0) {
    const known = new Set(titles.map(titleText));
    const held = natures.filter((words) => known.has(titleText(words)));
    if (held.length !== holdings) return null;
    titles.push(...held);
    natures = natures.filter((words) => !held.includes(words));
  }
  const values = tokens.filter((t) => t.kind !== 'date' && t.kind !== 'mark');
  // An amount printed with its (A) or (D) ("17,702 A"): the two are one row's.
  const gluedTo = new Map<Token, Token>();
  values.forEach((t, i) => {
    const next = values[i + 1];
    if (t.kind === 'number' && next && next.kind === 'letter' && next.line === t.line && /^[AD]$/.test(letterOf(next))) gluedTo.set(next, t);
  });
  // A "$" on a line of its own: its number is the next one in its block ("$ | 29.37", "$ | 10.68 0"),
  // but of two on the next two lines the second (the amount owned, centred in the row, stands
  // between the price's lines: "$ | 145,368 | 37.17").
  const numberOf = new Map<Token, Token>();
  values.forEach((t, i) => {
    if (t.kind !== 'dollar') return;
    const [a, b] = [values[i + 1], values[i + 2]];
    if (!a || a.kind !== 'number' || a.block !== t.block) return;
    const between = a.line === t.line + 1 && b !== undefined && b.kind === 'number' && b.block === t.block && b.line === a.line + 1;
    numberOf.set(t, between ? b : a);
  });
  const priceNumbers = new Set(numberOf.values());
  // Each row's values by kind: n codes, n (A)/(D) and a D or I a row; an amount a transaction and
  // an amount owned a row; n prices or none. Other counts cannot be placed.
  const count = (kind: Kind) => values.filter((t) => t.kind === kind).length;
  const prices = count('price') + count('dollar');
  if (count('letter') !== 2 * n + rows || count('number') - priceNumbers.size !== n + rows || (prices !== n && prices !== 0)) return null;
  const at = new Map(tokens.map((t, i) => [t, i]));
  const titleTexts = titles.map(titleText);
  const titleOf = (k: number) => titleTexts[k];
  const placed: Record<FlowColumn, Token[][]> = { transactionCode: [], acquiredDisposedCode: [], directOrIndirectOwnership: [], shares: [], sharesOwnedFollowingTransaction: [], pricePerShare: [] };
  const room = (c: FlowColumn) => (c === 'sharesOwnedFollowingTransaction' || c === 'directOrIndirectOwnership' ? rows : n);
  const amounts = new Map(values.map((t) => [t, Number((t.words[0] as Word).text.replace(/[$,\s]/g, ''))]));
  const num = (t: Token) => amounts.get(t) as number;
  const complete = (k: number) => placed.shares[k] && placed.acquiredDisposedCode[k] && placed.sharesOwnedFollowingTransaction[k] && placed.directOrIndirectOwnership[k];
  const addsUp = (k: number): boolean => {
    // What a row acquired it owns after it: owned after ≥ the amount of an (A).
    if (k < n && complete(k) && letterOf((placed.acquiredDisposedCode[k] as Token[])[0] as Token) === 'A') {
      if (num((placed.sharesOwnedFollowingTransaction[k] as Token[])[0] as Token) < num((placed.shares[k] as Token[])[0] as Token) - 0.01) return false;
    }
    if (k < 1 || k >= n || !complete(k) || !complete(k - 1)) return true;
    const di = (r: number) => letterOf((placed.directOrIndirectOwnership[r] as Token[])[0] as Token);
    if (titleOf(k) !== titleOf(k - 1) || di(k) !== di(k - 1)) return true;
    const sign = letterOf((placed.acquiredDisposedCode[k] as Token[])[0] as Token) === 'A' ? 1 : -1;
    const before = num((placed.sharesOwnedFollowingTransaction[k - 1] as Token[])[0] as Token);
    const expected = before + sign * num((placed.shares[k] as Token[])[0] as Token);
    return Math.abs(expected - num((placed.sharesOwnedFollowingTransaction[k] as Token[])[0] as Token)) <= 0.01;
  };
  const lineMates = new Map<number, Token[]>();
  for (const t of values) lineMates.set(t.line, [...(lineMates.get(t.line) ?? []), t]);
  /** The row of each value placed so far. */
  const rowOf = new Map<Token, number>();
  const found = new Map<string, Record<FlowColumn, Token[][]>>();
  let tries = 0;
  // What the values from the i-th on can still fill, to give up on a placing as soon as it cannot end.
  const left: { code: number; ad: number; di: number }[] = [];
  for (let i = values.length - 1, code = 0, ad = 0, di = 0; i >= 0; i--) {
    const t = values[i] as Token;
    if (t.kind === 'letter') {
      const l = letterOf(t);
      if (gluedTo.has(t)) ad++;
      else {
        if (Object.hasOwn(transactionCodes, l)) code++;
        if (/^[AD]$/.test(l)) ad++;
        if (/^[DI]$/.test(l)) di++;
      }
    }
    left[i] = { code, ad, di };
  }
  const canEnd = (i: number): boolean => {
    const can = left[i];
    return !can || (n - placed.transactionCode.length <= can.code && n - placed.acquiredDisposedCode.length <= can.ad && rows - placed.directOrIndirectOwnership.length <= can.di);
  };
  // Value i placed in column c (its cell: the value, or a price's "$" and number), then the values after it.
  // (One function for the whole search, not a closure made at each step of it.)
  const tryIn = (i: number, c: FlowColumn, cell: Token[]): void => {
    const k = placed[c].length;
    if (k >= room(c) || (TOP_ALIGNED.has(c) && (at.get(cell[0] as Token) as number) < (dateAt[k] as number))) return;
    // Values printed on one line stand in one row. (Loops, not callbacks: this runs at every step of the search.)
    for (const t of cell) {
      const mates = lineMates.get(t.line);
      if (mates !== undefined) for (const u of mates) if (rowOf.has(u) && rowOf.get(u) !== k) return;
    }
    placed[c].push(cell);
    for (const t of cell) rowOf.set(t, k);
    if (addsUp(k) && addsUp(k + 1)) place(i + 1);
    for (const t of cell) rowOf.delete(t);
    placed[c].pop();
  };
  const place = (i: number): void => {
    if (found.size > 1 || ++tries > SEARCH_LIMIT || !canEnd(i)) return;
    const t = values[i];
    if (!t) {
      const prices = placed.pricePerShare.length;
      if ((prices !== n && prices !== 0) || FLOW_COLUMNS.some((c) => c !== 'pricePerShare' && placed[c].length !== room(c))) return;
      const key = FLOW_COLUMNS.map((c) => placed[c].map((ts) => ts.map(tokenText).join(' ')).join('|')).join('||');
      if (!found.has(key)) found.set(key, Object.fromEntries(FLOW_COLUMNS.map((c) => [c, placed[c].map((ts) => [...ts])])) as Record<FlowColumn, Token[][]>);
      return;
    }
    if (t.kind === 'letter') {
      const letter = letterOf(t);
      const amount = gluedTo.get(t);
      if (amount) {
        // Its amount's row: the (A)/(D) goes there or nowhere.
        if (placed.shares.findIndex((ts) => ts[0] === amount) === placed.acquiredDisposedCode.length) tryIn(i, 'acquiredDisposedCode', [t]);
        return;
      }
      if (Object.hasOwn(transactionCodes, letter)) tryIn(i, 'transactionCode', [t]);
      if (/^[AD]$/.test(letter)) tryIn(i, 'acquiredDisposedCode', [t]);
      if (/^[DI]$/.test(letter)) tryIn(i, 'directOrIndirectOwnership', [t]);
    } else if (t.kind === 'number') {
      // A price's number went with its "$".
      if (priceNumbers.has(t)) place(i + 1);
      else {
        tryIn(i, 'shares', [t]);
        tryIn(i, 'sharesOwnedFollowingTransaction', [t]);
      }
    } else if (t.kind === 'price') tryIn(i, 'pricePerShare', [t]);
    else if (t.kind === 'dollar') {
      const number = numberOf.get(t);
      if (number) tryIn(i, 'pricePerShare', [t, number]);
    }
  };
  place(0);
  if (found.size !== 1 || tries > SEARCH_LIMIT) return null;
  const reading = [...found.values()][0] as Record<FlowColumn, Token[][]>;
  // Prices are checked by nothing, and pdftotext may write them out of their rows' order: a price
  // of one line ("$ 2.5") and one of two ("$ | 2.22") stand at different heights in
  // their rows. Prices of other values placed by order alone (not tied to their rows by a value
  // on their line, "$ | 73.391 184,485") must be of one height.
  const loose = reading.pricePerShare.filter((cell) => !cell.some((t) => (lineMates.get(t.line) ?? []).some((u) => !cell.includes(u))));
  const height = (cell: Token[]) => {
    const lines = cell.flatMap((t) => t.words).map((w) => w.line);
    return Math.max(...lines) - Math.min(...lines);
  };
  if (new Set(loose.map((cell) => num(cell[cell.length - 1] as Token))).size > 1 && new Set(loose.map(height)).size > 1) return null;
  // Natures go in order to the rows held indirectly.
  const di = (k: number) => letterOf((reading.directOrIndirectOwnership[k] as Token[])[0] as Token);
  const indirect = [...Array(rows).keys()].filter((k) => di(k) === 'I');
  const natureRows = (natures.length === 0 && holdings === 0) || natures.length === indirect.length ? indirect.slice(0, natures.length) : null;
  if (!natureRows) return null;
  return titles.map((title, k) => {
    const cells = [cellOf(title, field('securityTitle'))];
    if (k < n) cells.push(cellOf(tokenWords(tokens[dateAt[k] as number] as Token), field('transactionDate')));
    for (const c of FLOW_COLUMNS) {
      const cell = reading[c][k];
      if (cell) cells.push(cellOf(cell.flatMap(tokenWords), field(c)));
    }
    const nature = natureRows.indexOf(k);
    if (nature !== -1) cells.push(cellOf(natures[nature] as Word[], field('natureOfOwnership')));
    return cells;
  });
}

function tokenText(t: Token): string {
  return tokenWords(t).map((w) => w.text).join(' ');
}

/**
 * Transactions written row after row: each row starts with its title just before its date. One
 * segment (the whole table) unless every date has its title just before it.
 */
function rowSegments(texts: TextGroup[], tokens: Token[]): { texts: TextGroup[]; tokens: Token[] }[] {
  const starts = texts.filter((g) => tokens[g.at]?.kind === 'date').map((g) => g.at);
  const dates = tokens.filter((t) => t.kind === 'date').length;
  if (dates < 2 || starts.length !== dates || starts[0] !== 0) return [{ texts, tokens }];
  // The words before a later row's date: its title is their last block; blocks before it end the
  // row above (its nature).
  const split = texts.flatMap((g): TextGroup[] => {
    if (g.at === 0 || tokens[g.at]?.kind !== 'date' || g.parts.length < 2) return [g];
    const title = g.parts[g.parts.length - 1] as { words: Word[]; block: number };
    const rest = g.parts.slice(0, -1);
    return [
      { words: rest.flatMap((p) => p.words), at: g.at, parts: rest, ends: true },
      { words: title.words, at: g.at, parts: [title] },
    ];
  });
  return starts.map((from, k) => {
    const to = starts[k + 1] ?? tokens.length;
    const own = split.filter((g) => g.at >= from && (g.at < to || (g.at === to && (g.ends === true || k === starts.length - 1))) && !(g.at === from && g.ends === true));
    return { texts: own.map((g) => ({ ...g, at: g.at - from })), tokens: tokens.slice(from, to) };
  });
}

/**
 * Rows of one security and one form of ownership read from a stream that mixes rows could have
 * taken another row's amounts: each must add up from the one before (owned = owned before ± amount).
 */
function balances(segments: { tokens: Token[] }[], rows: Cell[][], columns: Column[]): boolean {
  const value = (row: Cell[], f: string) => {
    const index = fieldIndex(columns, f);
    const cell = row.find((c) => c.index === index);
    return cell === undefined ? '' : withoutMarks(cell.text);
  };
  const num = (t: string) => Number(t.replace(/[$,\s]/g, ''));
  for (let k = 1; k < rows.length; k++) {
    const prev = rows[k - 1] as Cell[];
    const row = rows[k] as Cell[];
    if (value(prev, 'securityTitle') !== value(row, 'securityTitle') || value(prev, 'directOrIndirectOwnership') !== value(row, 'directOrIndirectOwnership')) continue;
    const sign = value(row, 'acquiredDisposedCode') === 'A' ? 1 : -1;
    const expected = num(value(prev, 'sharesOwnedFollowingTransaction')) + sign * num(value(row, 'shares'));
    if (Math.abs(expected - num(value(row, 'sharesOwnedFollowingTransaction'))) > 0.01) return false;
  }
  return segments.length === rows.length;
}

/** The values of one row (by field), or null when they do not make exactly one row. */
function oneRow(texts: TextGroup[], tokens: Token[], transactions: boolean): Map<string, Token | Word[]> | null {
  if (texts.length === 0 || (texts[0] as { at: number }).at !== 0) return null;
  const of = (kind: Kind) => tokens.filter((t) => t.kind === kind);
  const dates = of('date');
  const letters = of('letter');
  const numbers = of('number');
  const prices = of('price');
  const dollars = of('dollar');
  const placed = new Map<string, Token | Word[]>();
  if (dates.length === 1 && transactions) {
    // A transaction: its code first, then its (A) or (D), then the D or I of its form; but an
    // amount printed with its (A) or (D) ("2,908 D") is sure of both, wherever its line comes
    // (the amount owned after, centred in the row, may come first).
    const glued = gluedAmount(tokens);
    const rest = glued ? letters.filter((t) => t !== glued.ad) : letters.slice(1);
    const code = glued ? rest[0] : letters[0];
    // The D/I written before the (A)/(D) ("D | A": "A" is only an (A)/(D)) means the right-hand
    // cells came out of order: read only when the two amounts are one number without marks
    // (then their order does not matter).
    const [x, y] = letters.slice(1);
    const swap = !glued && x !== undefined && y !== undefined && letterOf(x) !== letterOf(y) && (letterOf(x) === 'I' || letterOf(y) === 'A');
    if (swap && !sameAmounts(numbers)) return null;
    const ad = glued ? glued.ad : swap ? y : x;
    const di = glued ? rest[1] : swap ? x : y;
    if (letters.length !== 3 || !code || !ad || !di) return null;
    if (!Object.hasOwn(transactionCodes, letterOf(code)) || !/^[AD]$/.test(letterOf(ad)) || !/^[DI]$/.test(letterOf(di))) return null;
    const owned = ownedAndPrice(glued ? [glued.amount, ...numbers.filter((t) => t !== glued.amount)] : numbers, prices, dollars, tokens, glued !== null);
    if (!owned) return null;
    placed.set('transactionDate', dates[0] as Token);
    placed.set('transactionCode', code);
    placed.set('acquiredDisposedCode', ad);
    placed.set('directOrIndirectOwnership', di);
    placed.set('shares', owned.amount);
    placed.set('sharesOwnedFollowingTransaction', owned.owned);
    if (owned.price) placed.set('pricePerShare', owned.price);
  } else if (dates.length === 0) {
    // A holding: what it owns and its D or I.
    const [di] = letters;
    if (letters.length !== 1 || !di || !/^[DI]$/.test(letterOf(di)) || numbers.length !== 1 || prices.length + dollars.length > 0) return null;
    placed.set('sharesOwnedFollowingTransaction', numbers[0] as Token);
    placed.set('directOrIndirectOwnership', di);
  } else return null;
  const amountAt = tokens.findIndex((t) => t.kind === 'number' || t.kind === 'price' || t.kind === 'dollar');
  placed.set('securityTitle', texts.filter((t) => t.at <= amountAt).flatMap((t) => t.words));
  const nature = texts.filter((t) => t.at > amountAt).flatMap((t) => t.words);
  if (nature.length > 0) placed.set('natureOfOwnership', nature);
  return placed;
}

/** Lines of words, each group with the number of values before it, and its blocks. */
interface TextGroup {
  words: Word[];
  at: number;
  parts: { words: Word[]; block: number }[];
  /** Blocks that end the row above a title (split off it). */
  ends?: boolean;
}

/** The table's lines as text groups and value tokens in reading order, heads left out; marks not placed. */
function streamOf(data: { line: { text: string; start: number; end: number }; words: Word[] }[], isHead: (text: string) => boolean): { texts: TextGroup[]; tokens: Token[]; unread: Word[] } {
  // Lines of words, each with the number of values before it: those before the row's first
  // amount are its title's (a title wrapped around the date: "Common stock, par value $0.01 |
  // 05/11/2020 | per share"), those after it its nature's (right of the amounts).
  const texts: TextGroup[] = [];
  const tokens: Token[] = [];
  const unread: Word[] = [];
  let lineNo = 0;
  let block = 0;
  let before: TextGroup | Token[] | null = null;
  for (const { line, words } of data) {
    if (words.length === 0) {
      block++;
      continue;
    }
    const text = line.text.trim();
    // Head lines count: values parted by one were not printed next to each other.
    lineNo++;
    if (SUB_HEAD.test(text) || (HEAD_ONLY.test(text) && isHead(text))) continue;
    const lineTokens = tokensOf(words, lineNo, block);
    if (lineTokens === null) {
      const last = texts[texts.length - 1];
      if (last && last.at === tokens.length) {
        last.words.push(...words);
        const part = last.parts[last.parts.length - 1] as { words: Word[]; block: number };
        if (part.block === block) part.words.push(...words);
        else last.parts.push({ words: [...words], block });
      } else texts.push({ words: [...words], at: tokens.length, parts: [{ words: [...words], block }] });
      before = texts[texts.length - 1] as TextGroup;
      continue;
    }
    const marks = lineTokens.every((t) => t.kind === 'mark') ? lineTokens.flatMap((t) => [...t.words, ...t.marks]) : null;
    if (marks) {
      // Marks on a line of their own go on the cell above them when that is sure: a title's or
      // nature's words, an amount alone on its line ("858" over "(1)"), or the marks of the line
      // just above going on ("I (1) (2)" over "(3) (4)"), or a whole price's right below it in
      // its block ("$0" over "(2)"). Under a price's lone "$" or a date they may be the price's or the amount owned after (its line is centred): unread.
      const alone = Array.isArray(before) && before.length === 1 ? (before[0] as Token) : null;
      if (before && !Array.isArray(before)) {
        before.words.push(...marks);
        (before.parts[before.parts.length - 1] as { words: Word[] }).words.push(...marks);
      } else if (alone && alone.line === lineNo - 1 && (alone.marks.length > 0 || ((alone.kind === 'price' || alone.kind === 'number') && alone.block === block))) alone.marks.push(...marks);
      else unread.push(...marks);
      continue;
    }
    before = lineTokens;
    tokens.push(...lineTokens);
  }
  return { texts, tokens, unread };
}

function reportUnread(unread: Word[], sink: TextSink): void {
  for (const w of unread) sink.report('TEXT_FRAGMENT_UNREAD', { value: w.text, where: 'a table read in reading order, its cell unsure' }, null, w.start, w.end);
}

/**
 * A table of holdings only (no date, no price), written row after row: each row its title (the
 * words just before an amount), its amount, its D or I and maybe its nature (one block of words
 * after the amount). Null unless the whole table parses so.
 */
function holdingRows(texts: TextGroup[], tokens: Token[], columns: Column[]): Cell[][] | null {
  if (tokens.some((t) => t.kind !== 'number' && t.kind !== 'letter') || tokens.some((t) => t.kind === 'letter' && !/^[DI]$/.test(letterOf(t)))) return null;
  type Item = { words: Word[] } | Token;
  const items: Item[] = [];
  tokens.forEach((t, i) => {
    for (const g of texts) if (g.at === i) items.push(...g.parts.map((p) => ({ words: p.words })));
    items.push(t);
  });
  for (const g of texts) if (g.at === tokens.length) items.push(...g.parts.map((p) => ({ words: p.words })));
  const field = (f: string): number => fieldIndex(columns, f);
  const rows: { title: Word[]; amount?: Token; di?: Token; nature?: Word[] }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i] as Item;
    const row = rows[rows.length - 1];
    if (!('kind' in item)) {
      const next = items[i + 1];
      // Words just before an amount are a title; others the nature of the row before.
      if (next && 'kind' in next && next.kind === 'number') {
        if (row && (!row.amount || !row.di)) return null;
        rows.push({ title: item.words });
      } else if (row && row.amount && !row.nature) row.nature = item.words;
      else return null;
    } else if (item.kind === 'number') {
      if (!row || row.amount) return null;
      row.amount = item;
    } else {
      if (!row || !row.amount || row.di) return null;
      row.di = item;
    }
  }
  if (rows.some((r) => !r.amount || !r.di)) return null;
  // pdftotext may write a row's nature after all the rows: the last row's nature may be an
  // earlier one's when one has none.
  if (rows[rows.length - 1]?.nature && rows.some((r) => !r.nature)) return null;
  return rows.map((r) => {
    const cells = [cellOf(r.title, field('securityTitle')), cellOf(tokenWords(r.amount as Token), field('sharesOwnedFollowingTransaction')), cellOf(tokenWords(r.di as Token), field('directOrIndirectOwnership'))];
    if (r.nature) cells.push(cellOf(r.nature, field('natureOfOwnership')));
    return cells;
  });
}

function tokenWords(t: Token): Word[] {
  return [...t.words, ...t.marks];
}

/** A line's value tokens, or null when it holds words (a title's or nature's line). */
function tokensOf(words: Word[], line: number, block: number): Token[] | null {
  const out: Token[] = [];
  for (const w of words) {
    const prev = out[out.length - 1];
    if (MARK.test(w.text)) {
      if (prev) prev.marks.push(w);
      else out.push({ kind: 'mark', words: [w], marks: [], line, block });
      continue;
    }
    const kind: Kind | null = DATE.test(w.text) ? 'date' : PRICE.test(w.text) ? 'price' : w.text === '$' ? 'dollar' : NUMBER.test(w.text) ? 'number' : LETTER.test(w.text) ? 'letter' : null;
    if (kind === null) return null;
    out.push({ kind, words: [w], marks: [], line, block });
  }
  return out;
}

/**
 * The amount, the amount owned after and the price of a transaction. Its price is "$84.79" on
 * one line, or a lone "$" above its number. The amount comes before the "$". After the "$":
 * - its number and the amount owned on one line: the price's number first ("$ | 10.03 0");
 * - the two on lines of their own in the "$"'s block: the amount owned, centred in the row,
 *   stands between the price's two lines ("$ | 1,126,872 | 11.5");
 * - the number in the "$"'s block and the amount owned in a later one: the number is the
 *   price's ("$ | 25.71 || 8,925", the blank line parting blocks).
 */
function ownedAndPrice(numbers: Token[], prices: Token[], dollars: Token[], tokens: Token[], amountSure: boolean): { amount: Token; owned: Token; price: Token | null } | null {
  if (dollars.length === 0) {
    if (numbers.length !== 2 || prices.length > 1) return null;
    return { amount: numbers[0] as Token, owned: numbers[1] as Token, price: prices[0] ?? null };
  }
  const dollar = dollars[0] as Token;
  if (dollars.length !== 1 || prices.length !== 0 || numbers.length !== 3) return null;
  const [amount, a, b] = numbers as [Token, Token, Token];
  const at = (t: Token) => tokens.indexOf(t);
  if ((!amountSure && at(amount) > at(dollar)) || at(a) < at(dollar) || at(b) < at(dollar)) return null;
  const sameLine = a.line === b.line;
  const between = !sameLine && a.block === dollar.block && b.block === dollar.block && a.line === dollar.line + 1 && b.line === a.line + 1;
  const own = !sameLine && a.block === dollar.block && b.block !== dollar.block;
  if (!sameLine && !between && !own) return null;
  const number = between ? b : a;
  const owned = between ? a : b;
  const price: Token = { kind: 'price', words: [...dollar.words, ...number.words], marks: [...dollar.marks, ...number.marks], line: number.line, block: number.block };
  return { amount, owned, price };
}

/** An amount with its (A) or (D) printed beside it on its line, or null. */
function gluedAmount(tokens: Token[]): { amount: Token; ad: Token } | null {
  const found: { amount: Token; ad: Token }[] = [];
  tokens.forEach((t, i) => {
    const next = tokens[i + 1];
    if (t.kind === 'number' && t.marks.length === 0 && next && next.kind === 'letter' && next.line === t.line && /^[AD]$/.test(letterOf(next))) found.push({ amount: t, ad: next });
  });
  return found.length === 1 ? (found[0] as { amount: Token; ad: Token }) : null;
}

/** Two amounts, one number, neither with marks. */
function sameAmounts(numbers: Token[]): boolean {
  const [a, b] = numbers;
  return numbers.length === 2 && a !== undefined && b !== undefined && a.marks.length + b.marks.length === 0 && (a.words[0] as Word).text === (b.words[0] as Word).text;
}

function letterOf(t: Token): string {
  return (LETTER.exec((t.words[0] as Word).text)?.[1] ?? '') as string;
}
