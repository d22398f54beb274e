// Reads the parts of EDGAR's rendered page (the SEC stylesheet's HTML, converted to text by any
// tool) that the printed-form readers do not: the "Reporting Owners" table (every owner, with
// name, address and relationship), the signatures above their caption, the footnotes and
// remarks below "Explanation of Responses", and the header boxes read in reading order.
//
//   Reporting Owners
//   Reporting Owner Name / Address        Director  10% Owner  Officer   Other   ← column starts
//   Su Lisa T                                                                      ← owner cell,
//   2485 AUGUSTINE DRIVE                                                             one line per
//   SANTA CLARA                               X               Chair, CEO            printed line
//   CALIFORNIA / 95054 / UNITED STATES
//
// Converters lay cells out differently: one line of tab-separated cells (seed style), stacked
// lines with runs of spaces between columns (w3m, html2text, pdftotext -layout), one cell per
// line (pdftotext). The reader anchors on what the page prints (headings, the column heads) and
// reads by position where the layout keeps positions, by order where it does not.
import type { Address, Footnote, Relationship, ReportingOwner, Signature } from '../../record/schema.ts';
import { edgarCodeOf, usStateCodeOf } from '../../record/edgar-codes.ts';
import { toUsDate } from '../values.ts';
import { CHECKED, UNCHECKED } from './clean-text.ts';
import { isHeadLine, LYNX_MARGIN, splitChain, wrapBreaksOf } from './layout-table.ts';
import { inReadingOrder, MARK, matchStarts, PDF_WRAP_SLACK, printedWidth, type Line, type TextSink } from './text-grid.ts';
import { emptyAddress, isLabelFragment } from './read-header.ts';

/** The page's own table heading: only the SEC stylesheet's page prints it. */
export const PAGE_MARK = /Reporting\s+Owner\s+Name\s*\/\s*Address/i;
const PAGE_MARK_ALL = new RegExp(PAGE_MARK.source, 'gi');

export interface Chunk {
  text: string;
  /** Column of the chunk in its line (characters; a tab counts as one). */
  x: number;
  /** Cleaned offsets. */
  start: number;
  end: number;
  line: number;
}

/** Cuts a line into chunks at tabs and at runs of two or more spaces (the first `max` only, when given). */
export function chunksOf(line: Line, cleaned?: string, max = Infinity): Chunk[] {
  const out: Chunk[] = [];
  // A PDF's form feed (a new page) starts a line: it is no part of the text. A chunk is what
  // /[^\t\f ]+(?: [^\t\f ]+)*/g finds, scanned by hand: runs of other characters, one space apart.
  // Scanned on the whole cleaned text when given (a flat string, quicker to read than the line's slice of it).
  const t = cleaned ?? line.text;
  const from = cleaned === undefined ? 0 : line.start;
  const to = from + line.text.length;
  // A character above the space (most of a chunk's) is no cut after one comparison.
  const cut = (c: number) => c <= 32 && (c === 32 || c === 9 || c === 12);
  for (let i = from; out.length < max; ) {
    // The cut characters before the next chunk skipped in a loop of their own (a layout's runs of spaces are long).
    while (i < to && cut(t.charCodeAt(i))) i++;
    if (i >= to) break;
    const index = i;
    for (;;) {
      while (i < to && !cut(t.charCodeAt(i))) i++;
      if (i < to && t.charCodeAt(i) === 32 && i + 1 < to && !cut(t.charCodeAt(i + 1))) i++;
      else break;
    }
    out.push({ text: t.slice(index, i), x: index - from, start: line.start + index - from, end: line.start + i - from, line: line.no });
  }
  return out;
}

/**
 * The line's chunks with each `x` counted in UTF-8 bytes of the input, as html2text lays out its
 * columns (an empty cell's no-break space takes two columns there, shifting what follows left).
 */
function byteChunksOf(line: Line, sink: TextSink, input: string): Chunk[] {
  const origin = sink.clean.origin;
  const base = origin[line.start] ?? 0;
  let wide = 0;
  let scanned = base;
  // chunksOf's chunks are new: each takes its byte column in place (no copy of each).
  const chunks = chunksOf(line);
  for (const c of chunks) {
    const to = origin[c.start] ?? base;
    for (; scanned < to; scanned++) {
      const code = input.charCodeAt(scanned);
      if (code >= 0x80) wide += code >= 0x800 && (code < 0xd800 || code > 0xdfff) ? 2 : 1;
    }
    c.x = to - base + wide;
  }
  return chunks;
}

/** html2text prints headings as "***** Reporting Owners *****": the converter that counts columns in bytes. */
const HTML2TEXT_HEADING = /^\*{5} \S[^\n]{0,80} \*{5}$/m;

export interface PageRead {
  owners: ReportingOwner[];
  signatures: Signature[];
  footnotes: Footnote[];
  remarks: string | null;
  notSubjectToSection16: boolean | null;
  aff10b5One: boolean | null;
  noSecuritiesOwned: boolean | null;
  form3HoldingsReported: boolean | null;
  form4TransactionsReported: boolean | null;
  periodOfReport: string | null;
  dateOfOriginalSubmission: string | null;
  issuerName: string | null;
  tradingSymbol: string | null;
  /** Line numbers where the owners table, signatures and explanation start (-1 when absent). */
  ownersAt: number;
}

const OWNERS_HEADING = /^\W*Reporting\s+Owners\W*$/i;
const SIGNATURES_HEADING = /^\W*Signatures\W*$/i;
const EXPLANATION = /^\W*Explanation\s+of\s+Responses\s*:?\W*$/i;
const SIGNATURE_CAPTION = /Signature\s+of\s+Reporting\s+Person/i;
const REMARKS = /^\W*Remarks\s*:\W*/i;
/**
 * What may follow the remarks on the page: its closing notes, the signatures, the explanation.
 * (Not its "Reminder:", printed under Table I: one after the remarks is the filer's.)
 */
const REMARKS_END = /^\s*(?:Note\s*:\s*File\s+three|Potential\s+persons|\*?\s*Form\s+[345]\s*:?\s*SEC\s+\d|SEC\s+\d{4}\s*\()|^\W*Signatures\W*$|Signature\s+of\s+Reporting\s+Person|^\W*Explanation\s+of\s+Responses/i;
const CLOSING_NOTE = /^\s*(?:Note\s*:\s*File\s+three|Potential\s+persons|\*?\s*Form\s+[345]\s*:?\s*SEC\s+\d|SEC\s+\d{4}\s*\()/i;
const DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;
const ZIP = /^\d{5}(?:-\d{4})?$/;
/** A postal code: digits, maybe a few letters ("SW1A 1AA"), never a word ("31ST FLOOR"). */
const POSTAL = /^(?![^\n]{0,8}[A-Z]{3})(?=[^\n]{0,9}\d)[A-Z0-9][A-Z0-9 -]{2,9}$/;
const COUNTRY = /^[A-Z][A-Z .,'()-]{2,40}$/;
/** A postal code of one word with a digit, in any spelling ("KYI-1102", "D2"). */
const ONE_WORD_CODE = /^(?=[^\s]*\d)[A-Z0-9-]{2,10}$/;
const FORM_NOTE = /^(?:(If\s+the\s+form\s+is\s+filed\s+by\s+more\s+than\s+one)|Intentional\s+misstatements\s+or\s+omissions)/i;
const MARK_LINE = /^(\*{1,2}|\(\d{1,2}\))(?:\s+|$)/;
/** pandoc's table rules. */
const RULE_LINE = /^[\s-]*-{3}[\s-]*$/;
/** A pandoc table rule: a line holding "---" and else only hyphens and white space. */
function isRule(text: string): boolean {
  return text.includes('---') && RULE_LINE.test(text);
}

/**
 * `box5`: the relationship box 5 of the header prints (the first owner's), for a table that lost its columns.
 * `pageMark`: whether PAGE_MARK matches the cleaned text (no line matches it where it does not).
 */
export function readPage(lines: Line[], input: string, sink: TextSink, box5: Relationship | null = null, pageMark = true): PageRead | null {
  const marked = matchStarts(PAGE_MARK_ALL, sink.clean.text);
  let markAt = pageMark ? lines.findIndex((l) => marked(l) && PAGE_MARK.test(l.joined)) : -1;
  if (markAt === -1) {
    // pandoc wraps the column head ("Reporting / Owner Name / / Address"): the heading and the relationship heads.
    const heading = lines.findIndex((l) => OWNERS_HEADING.test(l.joined));
    if (heading !== -1 && lines.slice(heading + 1, heading + 10).some((l) => /Director/.test(l.text) && /Officer/.test(l.text) && /Other/.test(l.text))) markAt = heading;
  }
  if (markAt === -1) return null;
  let ownersAt = markAt;
  for (let n = markAt; n >= Math.max(0, markAt - 4); n--) if (OWNERS_HEADING.test((lines[n] as Line).joined)) ownersAt = n;
  let signaturesAt = -1;
  let explanationAt = -1;
  // Up to where both are found (the lines after need no test).
  for (let n = markAt + 1; n < lines.length && (signaturesAt === -1 || explanationAt === -1); n++) {
    const j = (lines[n] as Line).joined;
    if (signaturesAt === -1 && SIGNATURES_HEADING.test(j)) signaturesAt = n;
    else if (explanationAt === -1 && EXPLANATION.test(j)) explanationAt = n;
  }
  const ownersEnd = signaturesAt !== -1 ? signaturesAt : explanationAt !== -1 ? explanationAt : lines.length;
  const nameLabel = nameLabelAt(lines, markAt, sink.clean.text);
  const out: PageRead = {
    owners: readOwners(lines, markAt, ownersEnd, input, sink, nameLabel, boxOneLines(lines, nameLabel, ownersAt), box5),
    signatures: [],
    footnotes: [],
    remarks: null,
    notSubjectToSection16: null,
    aff10b5One: null,
    noSecuritiesOwned: null,
    form3HoldingsReported: null,
    form4TransactionsReported: null,
    periodOfReport: null,
    dateOfOriginalSubmission: null,
    issuerName: null,
    tradingSymbol: null,
    ownersAt,
  };
  readBoxes(lines, sink, out);
  if (signaturesAt !== -1) {
    out.signatures = readSignatures(lines, signaturesAt + 1, explanationAt === -1 ? lines.length : explanationAt, sink);
    if (explanationAt !== -1) datesAfterExplanation(lines, explanationAt + 1, out.signatures, sink);
  }
  if (explanationAt !== -1) readExplanation(lines, explanationAt + 1, sink, out);
  readCheckBoxes(lines, sink, out);
  return out;
}

// --- Reporting Owners ---

const NAME_LABEL = /Name\s+and\s+Address\s+of\s+Reporting\s+Person/i;
const NAME_LABEL_ALL = new RegExp(NAME_LABEL.source, 'gi');
const NAME_CAPTIONS = /\(Last\)\s+\(First\)\s+\(Middle\)/;
const STREET_CAPTION = /^\s*\(Street\)\s*$/;

/**
 * The lines box 1 prints for the first owner where a converter kept them whole (pandoc's plain
 * text: the name alone below the label, the street lines below the (Last) (First) (Middle)
 * captions, the city below the (Street) caption): they tell where the page broke that owner's cell in the Reporting Owners table,
 * which the converter wraps again. Used only where the cell holds the same words (templateBreaks).
 */
function boxOneLines(lines: Line[], label: number, end: number): string[] | null {
  // `label`: the label's line (nameLabelAt), taken only above `end`.
  if (label === -1 || label >= end) return null;
  const meaningful = (n: number) => {
    const l = lines[n];
    return l !== undefined && !l.blank && !isRule(l.text);
  };
  let n = label + 1;
  while (n < end && !meaningful(n)) n++;
  const name = lines[n]?.text.trim();
  if (name === undefined || name === '' || NAME_CAPTIONS.test(name)) return null;
  const out = [name];
  const captions = indexIn(lines, n + 1, n + 40, (l) => NAME_CAPTIONS.test(l.text));
  if (captions === -1) return out;
  n = captions + 1;
  while (n < end && !meaningful(n)) n++;
  for (; n < end && meaningful(n); n++) out.push((lines[n] as Line).text.trim());
  // The city: the first cell of the first line under the (Street) caption.
  // The caption's word before its regex (most lines hold none).
  const street = indexIn(lines, n, n + 30, (l) => l.text.includes('(Street)') && STREET_CAPTION.test(l.text));
  if (street === -1) return out;
  n = street + 1;
  while (n < end && !meaningful(n)) n++;
  const city = lines[n]?.text.trim().split(/\s{2,}/)[0];
  if (city !== undefined && city !== '') out.push(city);
  return out;
}

/**
 * The first line of [0, end) holding box 1's label "Name and Address of Reporting Person", or -1:
 * found once for boxOneLines and pdfBoxOneName, by one scan of the cleaned text for the lines a
 * match can start in rather than a test of every line.
 */
function nameLabelAt(lines: Line[], end: number, cleaned: string): number {
  const labelled = matchStarts(NAME_LABEL_ALL, cleaned);
  for (let n = 0; n < end; n++) {
    const l = lines[n] as Line;
    if (labelled(l) && NAME_LABEL.test(l.text)) return n;
  }
  return -1;
}

/** The first index of lines [from, to) (clipped to the lines) whose line passes `test`, or -1: findIndex without walking the lines before `from`. */
function indexIn(lines: Line[], from: number, to: number, test: (l: Line) => boolean): number {
  for (let n = Math.max(0, from); n < Math.min(to, lines.length); n++) if (test(lines[n] as Line)) return n;
  return -1;
}

interface RelColumn {
  key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther';
  x: number;
}

function readOwners(
  lines: Line[],
  markAt: number,
  end: number,
  input: string,
  sink: TextSink,
  nameLabel: number,
  firstOwner: string[] | null,
  box5: Relationship | null,
): ReportingOwner[] {
  // The column heads sit on the heading's line or just below it.
  let headAt = -1;
  for (let n = markAt; n < Math.min(end, markAt + 10); n++) {
    const t = (lines[n] as Line).text;
    if (/Director/.test(t) && /Officer/.test(t) && /Other/.test(t)) {
      headAt = n;
      break;
    }
  }
  if (inReadingOrder(sink, lines.slice(markAt, end))) return readOwnersInOrder(lines, markAt + 1, end, sink, box5);
  if (headAt === -1) return [];
  const head = lines[headAt] as Line;
  const tabbed = head.text.includes('\t') || lines.slice(headAt + 1, end).some((l) => l.text.includes('\t'));
  if (tabbed) return readOwnersTabbed(lines, headAt + 1, end, input, sink);

  if (isLynxOwners(lines, markAt, headAt, end)) return readOwnersLynx(lines, head, headAt + 1, end, sink);

  const cols: RelColumn[] = [
    { key: 'isDirector', x: head.text.search(/Director/) },
    { key: 'isTenPercentOwner', x: tenPercentHead(lines, headAt, markAt) },
    { key: 'isOfficer', x: head.text.search(/Officer/) },
    { key: 'isOther', x: head.text.search(/Other/) },
  ];
  if (cols.some((c) => c.x < 0)) return [];
  const firstCol = cols[0]?.x ?? 0;
  const pdf = sink.pdf;
  // pdftotext places a row's marks on a grid of its own, off the heads' by a few columns: box 5
  // gives the first owner's relationship, and so the offset of its mark from its head.
  let pdfShift = 0;
  // Each page of a PDF has a grid of its own: an owner's X on a later page than the heads' is placed after the table is read.
  const pageStarts: number[] = [];
  if (pdf) for (let n = headAt + 1; n < end; n++) if ((lines[n] as Line).text.includes('\f')) pageStarts.push((lines[n] as Line).no);
  // Counted without a filtered copy: the starts are in line order.
  const pageOf = (lineNo: number): number => {
    let page = 0;
    while (page < pageStarts.length && (pageStarts[page] as number) <= lineNo) page++;
    return page;
  };
  const offPage: OffPageMark[] = [];
  let titleShift: TitleShift | null = null;
  /** Each title's words placed on the heads' grid, and their column (null where two owners' differ). */
  const gridTitles = new Map<string, RelColumn['key'] | null>();

  // Owners are blocks of lines; a blank line (or a line that starts a new name after an
  // owner's last address line) separates them.
  const owners: ReportingOwner[] = [];
  const streetsSeen: string[][] = firstOwner !== null && firstOwner.length > 1 ? [firstOwner.slice(1)] : [];
  let block: Line[] = [];
  const flush = () => {
    if (block.some((l) => !l.blank)) {
      // Box 1 prints the first owner; later owners often share the address lines (streets, city)
      // of box 1 or of an owner above (one firm's partners).
      const templates: OwnerTemplate[] =
        owners.length === 0 ? (firstOwner === null ? [] : [{ lines: firstOwner, name: true }]) : streetsSeen.map((lines) => ({ lines, name: false }));
      const parts = pdf ? pdfOwnerParts(block, sink.clean.text) : null;
      let first: FirstOwner | null = null;
      if (parts && owners.length === 0) {
        const { any, underlined } = boxFivePairs(lines, markAt);
        pdfShift = pdfMarkShift(parts, cols, boxFiveMarks(any.items));
        titleShift = pdfTitleShift(parts, cols, boxFiveTitle(any.titles), pageOf);
        first = firstPdfOwner(lines, markAt, nameLabel, underlined, sink.clean.text);
      }
      const owner = parts ? readPdfOwnerBlock(parts, cols, owners.length, sink, pdfShift, titleShift, pageOf, offPage, first, gridTitles) : readOwnerBlock(block, cols, firstCol, owners.length, sink, input, cellWidth, chunksAt, templates, owners.length === 0 ? box5 : null, (title) => linesWithSlash(lines, markAt, sink.clean.text, title));
      const a = owner.address;
      const seen = [a?.street1 ?? null, a?.street2 ?? null, a?.city ?? null].filter((v): v is string => v !== null);
      if (seen.length > 0 && !streetsSeen.some((s) => s.join('\n') === seen.join('\n'))) streetsSeen.push(seen);
      owners.push(owner);
    }
    block = [];
  };
  // pandoc draws the table: its rule gives the owner column's width (wrapped lines are joined by it).
  let cellWidth: number | null = null;
  for (let n = markAt; n < headAt; n++) {
    const l = lines[n] as Line;
    if (!isRule(l.text)) continue;
    const runs = [...l.text.matchAll(/-+/g)].map((m) => m.index);
    cellWidth = (/-+/.exec(l.text.trim())?.[0] ?? '').length;
    // Centred heads and marks stand anywhere in their column: the rule's runs are the columns.
    for (const c of cols) {
      let at = c.x;
      for (const r of runs) if (r <= c.x) at = r;
      c.x = at + 2;
    }
  }
  const bytes = input.includes('***** ') && HTML2TEXT_HEADING.test(input);
  const chunksAt = (l: Line) => (bytes ? byteChunksOf(l, sink, input) : chunksOf(l, sink.clean.text));
  const ownerCell = (l: Line) => chunksAt(l).filter((c) => c.x < firstCol - 2).map((c) => c.text).join(' ');
  // An address without a postal code prints an empty line for it, then the country:
  //   HONG KONG       ← state
  //                   ← the empty postal code (not the end of the owner)
  //   UNITED STATES   ← country, alone before the next blank line
  // A PDF's table sets no blank line between owners: there the next owner's name follows the
  // country at once, and the country ends the owner.
  const emptyPostalLine = (n: number): boolean => {
    const last = block[block.length - 1];
    const country = lines[n + 1];
    const after = lines[n + 2];
    if (!last || !country || country.blank || n + 1 >= end || (!pdf && after && !after.blank && !isRule(after.text) && n + 2 < end)) return false;
    const cell = ownerCell(country);
    return cell === country.joined && COUNTRY.test(cell) && edgarCodeOf(cell) !== null && !POSTAL.test(ownerCell(last)) && edgarCodeOf(ownerCell(last)) !== null;
  };
  let countryAt = -1;
  // A wrapped "10% Owner" head leaves "Owner" on a line of its own below the heads.
  const rowsAt = headAt + (/^\s*Owner\s*$/.test(lines[headAt + 1]?.text ?? '') ? 2 : 1);
  for (let n = rowsAt; n < end; n++) {
    const line = lines[n] as Line;
    if (line.blank || isRule(line.text)) {
      if (!emptyPostalLine(n)) flush();
      else if (pdf) countryAt = n + 1;
      continue;
    }
    block.push(line);
    if (n === countryAt) {
      flush();
      continue;
    }
    // With no blank line between owners (html2text), an owner's cell ends with its country after
    // the ZIP; pandoc parts owners with a blank line, and wraps a street's number onto a line of its own.
    if (cellWidth !== null) continue;
    const prev = block[block.length - 2];
    const next = lines[n + 1];
    // A street line can look like a postal code ("50 33RD ST"): a ZIP, or a code under a state's name, ends the address.
    // Under a state's name and above the country, a code is one word with a digit however it is
    // spelled ("KYI-1102", Dublin's "D2"): a street line there would have more words.
    const before = block[block.length - 3];
    if (prev && next && !next.blank) {
      const code = ownerCell(prev);
      if ((POSTAL.test(code) || ONE_WORD_CODE.test(code)) && COUNTRY.test(ownerCell(line)) && (ZIP.test(code) || (before !== undefined && edgarCodeOf(ownerCell(before)) !== null))) flush();
    }
  }
  flush();
  if (offPage.length > 0) placeOffPageMarks(offPage, owners, sink, pageWidths(lines, headAt));
  return owners;
}

/**
 * The column of the "10% Owner" head: on the heads' line, or, where a narrow column wraps it,
 * the "10%" on the line above (the heads are set on the line of their middles):
 *
 *                              10%
 *                   Director               Officer Other
 *                              Owner
 */
function tenPercentHead(lines: Line[], headAt: number, markAt: number): number {
  const x = (lines[headAt] as Line).text.search(/10%\s*Owner/);
  if (x !== -1 || headAt - 1 < markAt) return x;
  const above = (lines[headAt - 1] as Line).text.search(/10%/);
  const below = lines[headAt + 1]?.text.search(/\bOwner\b/) ?? -1;
  return above !== -1 && below !== -1 && Math.abs(above - below) <= 3 ? above : -1;
}

const REL_HEAD = /^(?:(?:Relationships|Director|10%\s*Owner|Officer|Other)(?:\s+|$))+$/i;
/** What the drawing order mixes into the owners table from Table II on the same page: its heads and values. */
const NOT_TITLE = /^\d{1,2}A?\.\s|\(Instr\.|^[$\d(][\d,.$/()\s-]*$|^\(?[A-Z]\)?$/;

/**
 * Plain pdftotext writes the owners table in drawing order, one cell per line: the column heads
 * wherever they were drawn, each owner's cell (name and address lines), then the marks and
 * titles of its row, which keep no trace of their column:
 *
 *   Relationships / Director / 10% Owner / Officer / Other    ← heads
 *   Lyne Matthew / 5847 SAN FELIPE / ... / UNITED STATES       ← an owner
 *   SVP - CCO                                                  ← its row's title: Officer's or Other's?
 *
 * Box 5 prints the first owner's relationship with its labels: that owner's relationship is box
 * 5's, its title the words written after it in the table (box 5 says in which column). The other
 * owners' relationships are not read (TEXT_OWNERS_READ_IN_ORDER).
 */
function readOwnersInOrder(lines: Line[], from: number, end: number, sink: TextSink, box5: Relationship | null): ReportingOwner[] {
  const blocks: Line[][] = [];
  let block: Line[] = [];
  for (let n = from; n < end; n++) {
    const line = lines[n] as Line;
    // A country after a ZIP ends an owner's cell: lines after it in its block start the next owner's.
    const [zip, country] = block.slice(-2).map((l) => l.joined.trim());
    const ended = country !== undefined && (ZIP.test(zip ?? '') || POSTAL.test(zip ?? '')) && COUNTRY.test(country) && edgarCodeOf(country) !== null;
    if (line.blank || REL_HEAD.test(line.joined) || ended) {
      if (block.length > 0) blocks.push(block);
      block = line.blank || REL_HEAD.test(line.joined) ? [] : [line];
    } else block.push(line);
  }
  if (block.length > 0) blocks.push(block);
  // Box 5 prints the first owner's title too: words seen before its cell has ended are a title
  // only if box 5 printed them (else they may be another table's cells).
  const said = (ls: Line[]) => ls.map((l) => l.joined.trim()).join(' ').replace(/\s+/g, ' ');
  let header: string[] | null = null;
  const inBoxFive = (b: Line[]) => {
    if (!header) {
      const tablesAt = lines.findIndex((l) => TABLES_START.test(l.joined));
      header = lines.slice(0, tablesAt === -1 ? from : Math.min(from, tablesAt)).filter((l) => !l.blank).map((l) => said([l]));
    }
    // The same words on one to three of the header's lines, wrapped as box 5 wraps them.
    const words = said(b);
    return header.some((h, n) => words.startsWith(h) && [1, 2, 3].some((k) => (header as string[]).slice(n, n + k).join(' ') === words));
  };
  const partsOf = (ls: Line[]) =>
    ls.map((l) => {
      const lead = l.text.length - l.text.trimStart().length;
      return { text: l.joined, start: l.start + lead, end: l.start + l.text.trimEnd().length };
    });
  const owners: ReportingOwner[] = [];
  /** Each owner's lines. */
  const ownerBlocks: Line[][] = [];
  const titles: Line[][] = [];
  /** Blocks of words that could be a title, wherever they stand. */
  const late: Line[][] = [];
  // An owner's cell may come as two blocks, other cells between them: its name and street, then
  // its city, state, zip and country ("Luca Gilles | 5847 SAN FELIPE STREET" … "HOUSTON | TEXAS |
  // 77008 | UNITED STATES"). The first is the block right after the head or the owner before.
  let nameBlock: Line[] | null = null;
  let afterOwner = true;
  for (const block of blocks) {
    let b = block;
    const lastText = (b[b.length - 1] as Line).joined;
    const isTail = cityTail(b);
    if (isTail && nameBlock) {
      b = [...nameBlock, ...b];
      // The name block, taken for a title before its tail came, is the owner's.
      const asTitle = titles.indexOf(nameBlock);
      if (asTitle !== -1) titles.splice(asTitle, 1);
    }
    const headBlock = afterOwner && !isTail && b.length <= 3 && !b.some((l) => /^[xX]$/.test(l.joined) || REL_HEAD.test(l.joined));
    afterOwner = false;
    if (headBlock) nameBlock = block;
    if (isTail) nameBlock = null;
    const above = owners.length - 1;
    if (above >= 0 && owners[above]?.address?.zipCode === null && isAddressEnd(b)) {
      // The end of the owner above, whose cell stopped short of its ZIP: pdftotext wrote other
      // cells between ("BOTHA ROELOF / … / MENLO PARK" … "CALIFORNIA / 94025 / UNITED STATES").
      afterOwner = true;
      nameBlock = null;
      const lines = [...(ownerBlocks[above] as Line[]), ...b];
      ownerBlocks[above] = lines;
      const owner = ownerFromLines(partsOf(lines), `reportingOwners.${above}`, sink);
      owner.relationship = null;
      owners[above] = owner;
    } else if (b.length >= 3 && (ZIP.test(lastText) || POSTAL.test(lastText) || COUNTRY.test(lastText)) && isAddress(b)) {
      afterOwner = true;
      nameBlock = null;
      const owner = ownerFromLines(partsOf(b), `reportingOwners.${owners.length}`, sink);
      owner.relationship = null;
      owners.push(owner);
      ownerBlocks.push(b);
    } else if ((owners.length === 1 || (owners.length === 0 && nameBlock !== null && b !== nameBlock)) && b.length <= 3 && !b.some((l) => NOT_TITLE.test(l.joined) || /^[xX]$/.test(l.joined)) && !REL_HEAD.test(b.map((l) => l.joined).join(' ')) && (owners.length === 1 || inBoxFive(b))) {
      // Words, not a head broken over lines ("10%" over "Owner").
      titles.push(b);
    }
    if (b.length <= 3 && !b.some((l) => NOT_TITLE.test(l.joined) || /^[xX]$/.test(l.joined))) late.push(b);
  }
  const first = owners[0];
  if (first && box5) {
    first.relationship = { ...box5, officerTitle: null, otherText: null };
    // Box 5 prints the title too, but mixed with box 1's and box 3's lines in drawing order: the table's cell is whole,
    // and where the table prints none there is none.
    const field = box5.isOfficer && !box5.isOther ? 'officerTitle' : box5.isOther && !box5.isOfficer ? 'otherText' : null;
    // A title seen only after the owners' cells (the table may write its titles after all its
    // owners) is read when box 5 printed it and it is the only such words in the table.
    let title = titles[0];
    if (!title && field) {
      const ownerWords = new Set(ownerBlocks.flatMap((b) => b.map((l) => said([l]))));
      const printed = late.filter((b) => !REL_HEAD.test(said(b)) && inBoxFive(b) && !b.some((l) => ownerWords.has(said([l]))));
      if (new Set(printed.map(said)).size === 1) title = printed[0];
    }
    if (field && title) {
      const last = title[title.length - 1] as Line;
      const start = (title[0] as Line).start + ((title[0] as Line).text.length - (title[0] as Line).text.trimStart().length);
      first.relationship[field] = title.map((l) => l.joined).join(' ');
      sink.set(`reportingOwners.0.relationship.${field}`, start, last.start + last.text.trimEnd().length, 0.8);
    }
  }
  if (owners.length > 1) sink.report('TEXT_OWNERS_READ_IN_ORDER', { owners: owners.length }, 'reportingOwners');
  return owners;
}

function readOwnerBlock(
  block: Line[],
  cols: RelColumn[],
  firstCol: number,
  k: number,
  sink: TextSink,
  input: string,
  width: number | null,
  chunksAt: (l: Line) => Chunk[],
  templates: OwnerTemplate[],
  boxFive: Relationship | null,
  slashLines: (title: string) => Line[],
): ReportingOwner {
  const P = `reportingOwners.${k}`;
  const cell: Chunk[] = [];
  const rel: { col: RelColumn; chunk: Chunk }[] = [];
  for (const line of block) {
    for (const c of chunksAt(line)) {
      if (c.x + c.text.length <= firstCol - 1 || c.x < firstCol - 2) cell.push(c);
      else {
        // The column whose start is nearest at or before the chunk (marks are centred under their head).
        let col = cols[0] as RelColumn;
        for (const cc of cols) if (cc.x <= c.x + 2) col = cc;
        rel.push({ col, chunk: c });
      }
    }
  }
  const parts = joinWrapped(cell, sink, input, width, templates);
  const owner = ownerFromLines(parts, P, sink);
  const guessed = parts.filter((p) => p.guessed);
  if (guessed.length > 0) {
    const first = guessed[0] as OwnerLine;
    sink.report('TEXT_OWNER_LINES_JOINED', { lines: guessed.map((p) => `"${p.text}"`).join(', ') }, `${P}.name`, first.start, (guessed[guessed.length - 1] as OwnerLine).end);
  }
  const marks = rel.map((r) => ({ key: r.col.key, text: r.chunk.text, start: r.chunk.start, end: r.chunk.end }));
  const split = boxFive !== null && splitTitles(marks, slashLines);
  applyRelationship(owner, marks, P, sink);
  // An other text cut from the officer's title by box 5's words checks Other only where box 5 does.
  if (split && boxFive !== null && owner.relationship) owner.relationship.isOther = boxFive.isOther;
  return owner;
}

/**
 * The lines above the owners table that start the title's words and hold " / ", where box 5 may
 * print "title / other": found by a scan of the cleaned text for the title's first words, each
 * line by its start.
 */
function linesWithSlash(lines: Line[], end: number, text: string, title: string): Line[] {
  const out: Line[] = [];
  const stop = (lines[end] as Line | undefined)?.start ?? text.length;
  const head = title.slice(0, 8);
  let n = 0;
  for (let at = text.indexOf(head); at !== -1 && at < stop; at = text.indexOf(head, at + 1)) {
    while (n + 1 < end && (lines[n + 1] as Line).start <= at) n++;
    const line = lines[n] as Line;
    if (out[out.length - 1] !== line && line.text.includes(' / ')) out.push(line);
  }
  return out;
}

/** The column heads' printed widths: a PDF's mark stands under its head's middle. */
const HEAD_WIDTH: Record<RelColumn['key'], number> = { isDirector: 8, isTenPercentOwner: 9, isOfficer: 7, isOther: 5 };

/**
 * A PDF owner block's cell (the left-aligned words) and the marks and titles right of it. Worked
 * out once per block: the first owner's shifts (pdfMarkShift, pdfTitleShift) read the same parts.
 */
function pdfOwnerParts(block: Line[], cleaned: string): PdfOwnerParts {
  const chunks: Chunk[] = [];
  for (const l of block) for (const c of chunksOf(l, cleaned)) chunks.push(c);
  let left = Infinity;
  for (const c of chunks) if (c.x < left) left = c.x;
  // One pass shares them out (the two filters' orders kept).
  const cell: Chunk[] = [];
  const marks: Chunk[] = [];
  for (const c of chunks) (c.x <= left + 2 ? cell : marks).push(c);
  return { cell, marks };
}

interface PdfOwnerParts {
  cell: Chunk[];
  marks: Chunk[];
}

const headMiddle = (col: RelColumn) => col.x + HEAD_WIDTH[col.key] / 2;

const BOX5_ITEM = { isDirector: /(^|\s)(_*[xX]_*|_{3,})\s*Director\b/, isTenPercentOwner: /(^|\s)(_*[xX]_*|_{3,})\s*10\s?%\s?Owner\b/ } as const;

/** A pair of box 5's items found on one line: Director and 10% Owner, or Officer and Other; group 2 of each is its box. */
interface BoxFivePair {
  line: number;
  first: RegExpExecArray;
  second: RegExpExecArray;
}

/** Box 5's two pairs of items, each where found (boxFivePairs). */
interface BoxFivePairs {
  items: BoxFivePair | null;
  titles: BoxFivePair | null;
}

/**
 * Box 5's items as a layout prints them ("_____ Director   __X__ 10% Owner" over "__X__ Officer
 * (give title   _____ Other (specify"): the first line of lines [0, end) holding both of the
 * Director and 10% Owner items, and the first holding both of the Officer and Other items
 * (`any`); and the same looked for only on lines holding a box's "__" (`underlined`). One scan
 * for both (the first owner's shifts read `any`, its checks `underlined`): each line's pairs are
 * matched once, and `any`'s are found no later than `underlined`'s.
 */
function boxFivePairs(lines: Line[], end: number): { any: BoxFivePairs; underlined: BoxFivePairs } {
  const any: BoxFivePairs = { items: null, titles: null };
  const underlined: BoxFivePairs = { items: null, titles: null };
  for (let n = 0; n < end && !(underlined.items && underlined.titles); n++) {
    const t = (lines[n] as Line).text;
    const under = t.includes('__');
    for (const { key, words, first, second } of BOX5_PAIRS) {
      if (any[key] && !(under && !underlined[key])) continue;
      // The pair's words on the line, before their regexes scan it at every position.
      if (!t.includes(words[0]) || !t.includes(words[1])) continue;
      const a = first.exec(t);
      const b = second.exec(t);
      if (!a || !b) continue;
      const pair = { line: n, first: a, second: b };
      any[key] ??= pair;
      if (under) underlined[key] ??= pair;
    }
  }
  return { any, underlined };
}

/** Whether a box 5 item's box (its match's group 2) is checked. */
const checkedBox = (m: RegExpExecArray): boolean => /[xX]/.test(m[2] as string);

/** Box 5's Director and 10% Owner items, as checked, or null. */
function boxFiveMarks(items: BoxFivePair | null): Pick<Relationship, 'isDirector' | 'isTenPercentOwner'> | null {
  return items && { isDirector: checkedBox(items.first), isTenPercentOwner: checkedBox(items.second) };
}

/**
 * How far right of its head's middle the first owner's one X stands, when box 5 checks just one
 * of the two columns that print an X (Director, 10% Owner): 0 when box 5 cannot tell.
 */
function pdfMarkShift(parts: PdfOwnerParts, cols: RelColumn[], box5: Pick<Relationship, 'isDirector' | 'isTenPercentOwner'> | null): number {
  if (!box5) return 0;
  const xs = parts.marks.filter((c) => /^[xX]$/.test(c.text));
  const checked = cols.filter((c) => (c.key === 'isDirector' && box5.isDirector) || (c.key === 'isTenPercentOwner' && box5.isTenPercentOwner));
  const [mark] = xs;
  const [col] = checked;
  if (xs.length !== 1 || checked.length !== 1 || !mark || !col) return 0;
  return mark.x + mark.text.length / 2 - headMiddle(col);
}

const BOX5_TITLE = { isOfficer: /(^|\s)(_*[xX]_*|_{3,})\s*Officer\s*\(give\b/, isOther: /(^|\s)(_*[xX]_*|_{3,})\s*Other\s*\(spec/ } as const;

/** Box 5's two pairs of items (boxFivePairs): the words each needs on a line, and its two items' regexes. */
const BOX5_PAIRS: { key: keyof BoxFivePairs; words: [string, string]; first: RegExp; second: RegExp }[] = [
  { key: 'items', words: ['Director', 'Owner'], first: BOX5_ITEM.isDirector, second: BOX5_ITEM.isTenPercentOwner },
  { key: 'titles', words: ['Officer', 'Other'], first: BOX5_TITLE.isOfficer, second: BOX5_TITLE.isOther },
];

/** The one of box 5's Officer and Other items checked, when just one is ("__X__ Officer (give title below)"). */
function boxFiveTitle(titles: BoxFivePair | null): 'isOfficer' | 'isOther' | null {
  if (!titles) return null;
  const a = checkedBox(titles.first);
  const b = checkedBox(titles.second);
  return a === b ? null : a ? 'isOfficer' : 'isOther';
}

type BoxFiveChecks = Record<RelColumn['key'], { checked: boolean; start: number; end: number }> & { officerLine: number };

/**
 * Box 5's four check boxes, each with the cleaned span of its mark, and the line of the Officer
 * and Other items (box 5's title is printed below it); null unless all four are found on lines
 * holding a box's "__" (boxFivePairs' `underlined`).
 */
function boxFiveChecks(lines: Line[], underlined: BoxFivePairs): BoxFiveChecks | null {
  const { items, titles } = underlined;
  if (!items || !titles) return null;
  const box = (pair: BoxFivePair, m: RegExpExecArray) => {
    const mark = m[2] as string;
    const at = (lines[pair.line] as Line).start + m.index + (m[1] as string).length;
    return { checked: checkedBox(m), start: at, end: at + mark.length };
  };
  return { isDirector: box(items, items.first), isTenPercentOwner: box(items, items.second), isOfficer: box(titles, titles.first), isOther: box(titles, titles.second), officerLine: titles.line };
}

/**
 * The first owner's relationship as box 5 checks it. The table prints an officer's title and an
 * other text whether or not their box is checked (a director's "BancFirst Corp. Director" under
 * Officer): words there do not check it, box 5's mark does. Box 5's Other left empty says
 * nothing: the SEC stylesheet leaves it empty for an Other written "true" (not "1"), which the
 * table shows all the same.
 */
function checkAsBoxFive(owner: ReportingOwner, checks: BoxFiveChecks | null, split: boolean, sink: TextSink): void {
  const rel = owner.relationship;
  if (!rel || !checks) return;
  for (const key of ['isDirector', 'isTenPercentOwner', 'isOfficer', 'isOther'] as const) {
    const box = checks[key];
    // An other text cut from the officer's title by box 5's words is no sign of a check of its own.
    if (rel[key] === box.checked || (key === 'isOther' && !box.checked && !split)) continue;
    rel[key] = box.checked;
    sink.set(`reportingOwners.0.relationship.${key}`, box.start, box.end, 1);
  }
}

/**
 * How far right of its head's start the first owner's title stands (Officer and Other print
 * words, left-aligned in their column), when box 5 says which of the two it is and the owner
 * prints one title cell: null when box 5 cannot tell.
 */
function pdfTitleShift(parts: PdfOwnerParts, cols: RelColumn[], box5: 'isOfficer' | 'isOther' | null, pageOf: (lineNo: number) => number): TitleShift | null {
  const col = cols.find((c) => c.key === box5);
  const titles = parts.marks.filter((c) => !/^[xX]$/.test(c.text));
  if (!col || titles.length === 0) return null;
  const x = Math.min(...titles.map((c) => c.x));
  // One cell: its lines start alike.
  if (titles.some((c) => c.x - x > SAME_MARK_COLUMN)) return null;
  return { by: x - col.x, page: pageOf((titles[0] as Chunk).line) };
}

/** How far right of its head's start a title stands on the grid of one page of the PDF. */
interface TitleShift {
  by: number;
  page: number;
}

/** An owner's X on a later page of a PDF than the heads' (placed by placeOffPageMarks). */
interface OffPageMark {
  owner: number;
  page: number;
  chunk: Chunk;
  /** The column the nearest head gives it (the heads' grid, not its page's). */
  nearest: RelColumn['key'];
}

/** What the header prints of a PDF's first owner: box 1's name, box 5's check boxes, and the lines of box 5's title. */
interface FirstOwner {
  name: string | null;
  checks: BoxFiveChecks | null;
  titleLines: Line[];
}

/** How many lines below its Officer and Other items box 5's title may stand ("below)", a blank line, two lines of title). */
const BOX5_TITLE_REACH = 6;

function firstPdfOwner(lines: Line[], markAt: number, nameLabel: number, underlined: BoxFivePairs, cleaned: string): FirstOwner {
  const checks = boxFiveChecks(lines, underlined);
  const from = checks ? checks.officerLine + 1 : markAt;
  return { name: pdfBoxOneName(lines, nameLabel, markAt, cleaned), checks, titleLines: lines.slice(from, Math.min(markAt, from + BOX5_TITLE_REACH)) };
}

/**
 * Box 1's name as a PDF lays it out: the chunks of the box's column between its label and its
 * (Last) (First) (Middle) captions, joined; null when there are none.
 */
function pdfBoxOneName(lines: Line[], label: number, end: number, cleaned: string): string | null {
  if (label === -1 || label >= end) return null;
  const x = (lines[label] as Line).text.search(/\S/);
  const words: string[] = [];
  for (let n = label + 1; n < end; n++) {
    const line = lines[n] as Line;
    if (NAME_CAPTIONS.test(line.text)) return words.length > 0 ? words.join(' ') : null;
    const first = chunksOf(line, cleaned, 1)[0];
    if (first && Math.abs(first.x - x) <= 2) words.push(first.text);
  }
  return null;
}

/**
 * The cell's lines with the first ones joined where together they are box 1's name: a name too
 * long for the table's column wraps there as it does in box 1, at other words. Without box 1 a
 * wrapped name's second line could as well be a street's.
 */
function joinBoxOneName(cell: Chunk[], name: string | null): { text: string; start: number; end: number }[] {
  const parts = cell.map((c) => ({ text: c.text, start: c.start, end: c.end }));
  if (name === null) return parts;
  let joined = parts[0]?.text ?? '';
  for (let k = 1; k < parts.length - 1 && joined.length < name.length; k++) {
    joined += ' ' + (parts[k] as { text: string }).text;
    if (joined === name) return [{ text: name, start: (parts[0] as { start: number }).start, end: (parts[k] as { end: number }).end }, ...parts.slice(k + 1)];
  }
  return parts;
}

/**
 * An owner of a PDF's table (pdftotext -layout). Each line is laid out on its own character
 * grid, so a mark stands only roughly under its head: the owner's cell is the lines' left-aligned
 * words, an X goes to the head whose middle is nearest, and words (a title) to the nearer of
 * Officer and Other, the only columns that print any.
 */
function readPdfOwnerBlock(
  parts: PdfOwnerParts,
  cols: RelColumn[],
  k: number,
  sink: TextSink,
  shift: number,
  titleShift: TitleShift | null,
  pageOf: (lineNo: number) => number,
  offPage: OffPageMark[],
  first: FirstOwner | null,
  gridTitles: Map<string, RelColumn['key'] | null>,
): ReportingOwner {
  const { cell, marks: all } = parts;
  const marks = all.filter((c) => {
    const page = pageOf(c.line);
    if (page === 0 || !/^[xX]$/.test(c.text)) return true;
    offPage.push({ owner: k, page, chunk: c, nearest: nearestHead(c, cols.filter((col) => X_COLUMNS.includes(col.key)), cols, shift).key });
    return false;
  });
  const rel = marks.map((c) => {
    const isX = /^[xX]$/.test(c.text);
    // The page centres an X in the Director and 10% Owner columns; Officer and Other print words.
    const candidates = cols.filter((col) => X_COLUMNS.includes(col.key) === isX);
    const page = pageOf(c.line);
    // A title on the first owner's page, its column's start found by box 5's title for the first owner.
    const byBoxFive = !isX && titleShift !== null && page === titleShift.page;
    let key = byBoxFive ? nearestStart(c, candidates, titleShift.by).key : nearestHead(c, candidates, cols, shift).key;
    if (!isX) {
      // A title placed on the heads' grid (the heads' page, or box 5's title's) tells where the same words
      // stand on a later page, set on a grid of its own that may close up the empty columns between.
      const was = gridTitles.get(c.text);
      if (page === 0 || byBoxFive) gridTitles.set(c.text, was === undefined || was === key ? key : null);
      else key = was ?? key;
    }
    return { key, text: c.text, start: c.start, end: c.end };
  });
  const split = first !== null && splitTitles(rel, () => first.titleLines);
  const P = `reportingOwners.${k}`;
  const owner = ownerFromLines(joinBoxOneName(cell, first?.name ?? null), P, sink);
  // The column is the nearest head's, an inference from rough positions.
  applyRelationship(owner, rel, P, sink, 0.9);
  if (first) checkAsBoxFive(owner, first.checks, split, sink);
  return owner;
}

/**
 * Box 5 prints the first owner's officer title and other text as one, "title / other"; the table
 * prints them in their two columns, which a PDF's line sets one space apart ("Chairman, President
 * & CEO Director of Sub"): where box 5's words around its " / " stand so in the owner's one title
 * cell, the cell is cut there, the words before being Officer's and the rest Other's. Box 5 may
 * wrap either part ("Executive Officer of / Wholly Owned" over "Subsidiary").
 */
function splitTitles(rel: { key: RelColumn['key']; text: string; start: number; end: number }[], header: (title: string) => Line[]): boolean {
  const titles = rel.filter((r) => !X_COLUMNS.includes(r.key));
  const title = titles[0];
  if (titles.length !== 1 || !title) return false;
  for (const line of header(title.text)) {
    if (!line.text.includes(' / ')) continue;
    for (const c of chunksOf(line)) {
      const at = c.text.indexOf(' / ');
      if (at <= 0 || at + 3 >= c.text.length || c.text.indexOf(' / ', at + 1) !== -1) continue;
      // The two cells one space apart, or none (html2text: "Chairman, President & CEODirector of Sub").
      for (const gap of [' ', '']) {
        const seen = c.text.slice(0, at) + gap + c.text.slice(at + 3);
        const found = title.text.indexOf(seen);
        if (found === -1 || title.text.indexOf(seen, found + 1) !== -1) continue;
        const cut = found + at;
        const rest = cut + gap.length;
        rel.splice(rel.indexOf(title), 1, { key: 'isOfficer', text: title.text.slice(0, cut), start: title.start, end: title.start + cut }, { key: 'isOther', text: title.text.slice(rest), start: title.start + rest, end: title.end });
        return true;
      }
    }
  }
  return false;
}

/** The candidate column whose head's middle is nearest the chunk's (shifted onto the heads' grid). */
function nearestHead(c: Chunk, candidates: RelColumn[], cols: RelColumn[], shift: number): RelColumn {
  const middle = c.x + c.text.length / 2 - shift;
  let best = (candidates[0] ?? cols[0]) as RelColumn;
  for (const col of candidates) if (Math.abs(headMiddle(col) - middle) < Math.abs(headMiddle(best) - middle)) best = col;
  return best;
}

/** The candidate column whose head starts nearest the chunk's start (shifted onto the heads' grid). */
function nearestStart(c: Chunk, candidates: RelColumn[], shift: number): RelColumn {
  let best = candidates[0] as RelColumn;
  for (const col of candidates) if (Math.abs(col.x - (c.x - shift)) < Math.abs(best.x - (c.x - shift))) best = col;
  return best;
}

/** How far apart (characters) two X's of one page may stand and still be in one column. */
const SAME_MARK_COLUMN = 2;

/** How much wider or narrower (a share) a page's widest line may be than the heads' page's and the page still be set on the heads' grid. */
const SAME_GRID_WIDTH = 0.05;

/**
 * The widest line of each page of a PDF (its printed characters), pages counted from the heads'
 * page (0) on, as pageOf counts them.
 */
function pageWidths(lines: Line[], headAt: number): number[] {
  const widths: number[] = [0];
  let n = headAt;
  while (n > 0 && !(lines[n] as Line).text.includes('\f')) n--;
  let page = 0;
  for (; n < lines.length; n++) {
    const text = (lines[n] as Line).text;
    if (n > headAt && text.includes('\f')) widths[++page] = 0;
    widths[page] = Math.max(widths[page] as number, text.replace(/\f/g, '').trimEnd().length);
  }
  return widths;
}

/** The columns the page prints an X in (Officer and Other print the title or description). */
const X_COLUMNS: readonly RelColumn['key'][] = ['isDirector', 'isTenPercentOwner'];

/**
 * The X's of owners on a later page of a PDF than the heads'. pdftotext sets each page on a
 * grid of its own, a word's column counted from the text left of it on that page: there an X's
 * place says nothing of the heads, only of the page's other X's. Only Director and 10% Owner
 * print an X: two columns of X's on the page are the two; one column is the one the heads'
 * page's owners with one X have it in (else all its owners' X's), when they have them in one, unless the page's widest line is as
 * wide as the heads' page's (the text spans the page on both, as footnotes do: the grids are
 * alike); otherwise the nearest head is taken as on the heads' page. Either way an inference:
 * confidence 0.7, reported.
 */
function placeOffPageMarks(marks: OffPageMark[], owners: ReportingOwner[], sink: TextSink, widths: number[]): void {
  const offPageOwners = new Set(marks.map((m) => m.owner));
  const onHeadsPage = owners.filter((o, k) => !offPageOwners.has(k));
  const usedBy = (list: ReportingOwner[]) => X_COLUMNS.filter((key) => list.some((o) => o.relationship?.[key] === true));
  // A column of one X per owner is the one owners with one X use on the heads' page, where they use one.
  const single = usedBy(onHeadsPage.filter((o) => X_COLUMNS.filter((key) => o.relationship?.[key] === true).length === 1));
  const used = single.length === 1 ? single : usedBy(onHeadsPage);
  let byOrder = 0;
  const headsWidth = widths[0] ?? 0;
  for (const page of new Set(marks.map((m) => m.page))) {
    const own = marks.filter((m) => m.page === page);
    const middle = (m: OffPageMark) => m.chunk.x + m.chunk.text.length / 2;
    const columns: number[] = [];
    for (const x of own.map(middle).sort((a, b) => a - b)) if (columns.length === 0 || x - (columns[columns.length - 1] as number) > SAME_MARK_COLUMN) columns.push(x);
    const sameGrid = Math.abs((widths[page] ?? 0) - headsWidth) <= headsWidth * SAME_GRID_WIDTH;
    const keys = columns.length === X_COLUMNS.length ? X_COLUMNS : columns.length === 1 && used.length === 1 && !sameGrid ? used : null;
    for (const m of own) {
      let key = X_COLUMNS.includes(m.nearest) ? m.nearest : 'isTenPercentOwner';
      if (keys) {
        const at = columns.findIndex((cx) => Math.abs(cx - middle(m)) <= SAME_MARK_COLUMN);
        key = keys[Math.max(0, at)] as RelColumn['key'];
        byOrder++;
      }
      const owner = owners[m.owner];
      if (owner) applyRelationship(owner, [{ key, text: m.chunk.text, start: m.chunk.start, end: m.chunk.end }], `reportingOwners.${m.owner}`, sink, 0.7);
    }
  }
  const first = marks[0] as OffPageMark;
  const last = marks[marks.length - 1] as OffPageMark;
  sink.report('TEXT_OWNER_MARKS_OFF_HEADS_PAGE', { marks: marks.length, byOrder }, null, first.chunk.start, last.chunk.end);
}

/**
 * The owner cell's printed lines, with lines a converter wrapped joined again: pandoc marks each
 * of the page's own line breaks with a backslash (markdown); without one (plain), a line whose
 * next word would have fitted the column ends where the page broke it, the state, postal code
 * and country always stand on lines of their own. Where box 1 (or an owner above) printed the
 * same lines (`templates`), the cell's line ends are the page's. A line joined on no more than
 * its length is marked `guessed`.
 */
function joinWrapped(cell: Chunk[], sink: TextSink, input: string, width: number | null, templates: OwnerTemplate[] = []): OwnerLine[] {
  const out: OwnerLine[] = cell.map((c) => ({ text: c.text, start: c.start, end: c.end }));
  const hardBreak = (c: { end: number }) => input.charCodeAt(sink.clean.origin[c.end] ?? -1) === 92;
  const marked = out.some(hardBreak);
  if (!marked && width === null) return out;
  let known: KnownBreaks | null = null;
  if (!marked) for (const t of templates) if ((known = templateBreaks(out, t)) !== null) break;
  const state = stateLinesOf(out);
  const stateAt = state?.at ?? -1;
  const merged: OwnerLine[] = [];
  let lastLine = 0;
  let wordsBefore = 0;
  out.forEach((c, i) => {
    const prev = merged[merged.length - 1];
    const last = i === out.length - 1;
    const next = out[i + 1];
    const words = wordsBefore;
    wordsBefore += wordCount(c.text);
    // Box 1's lines: cut where box 1 is; the lines before them (a name box 1 does not give) are read by their length.
    if (known && words >= known.from && words <= known.end) {
      if (prev && !known.breaks.has(words) && words < known.end) {
        prev.text += ' ' + c.text;
        prev.end = c.end;
      } else merged.push({ ...c });
      lastLine = c.text.length;
      return;
    }
    const wraps = marked
      ? prev !== undefined && !hardBreak(prev)
      : prev !== undefined &&
        lastLine + 1 + (c.text.split(' ')[0] ?? '').length > (width as number) &&
        !last &&
        edgarCodeOf(c.text) === null &&
        !POSTAL.test(c.text) &&
        !ZIP.test(c.text) &&
        // A street starts with its number ("SMITH DARLA M" over "2485 AUGUSTINE"), unless the line above ends mid-list ("UNIT 1101,").
        !(STREET_START.test(c.text) && !/,$/.test(prev.text) && !NOT_A_STREET_START.test(prev.text) && !ENTITY_END.test(c.text)) &&
        // A firm's name ends with its legal form ("... FENNER & SMITH INC." over "ONE BRYANT PARK").
        !(merged.length === 1 && ENTITY_END.test(prev.text)) &&
        // "C/O" and a post office box start an address line.
        !CARE_OF.test(c.text) &&
        // The state's name starts a line, and the city stands alone on the line above it.
        i !== stateAt &&
        !(next !== undefined && i + 1 === stateAt) &&
        // After the state's name, the postal code and the country stand alone.
        !(state !== null && i >= state.at + state.lines);
    if (wraps && prev) {
      prev.text += ' ' + c.text;
      prev.end = c.end;
      if (!marked) prev.guessed = true;
    } else merged.push({ ...c });
    lastLine = c.text.length;
  });
  return merged;
}

/** A line ending so ("SUITE", "PO BOX") goes on with a number, which then starts no street. */
const NOT_A_STREET_START = /\b(?:BOX|SUITE|STE|FLOOR|FL|UNIT|APT|NO|ROOM|RM|#)\.?$/i;
/** A street's number and its first word ("2485 AUGUSTINE"; not "2017, L.P." in a firm's name, nor a lone number, as often a street's last word). */
const STREET_START = /^\d+[A-Z]?(?:-\d+)?\s+[A-Za-z]/;
/** A firm's legal form, which ends its name ("KKR & CO." is followed by "INC.": not listed). */
const ENTITY_END = /(?:^|\s)(?:L\.?P\.?|L\.?L\.?C\.?|INC\.?|LTD\.?|LIMITED|CORP\.?|CORPORATION|N\.V\.|S\.A\.|B\.V\.|PLC|GMBH|AG)$/i;
const CARE_OF = /^(?:C\/O|P\.?\s?O\.?\s+BOX)\b/i;

const wordCount = (text: string): number => text.split(' ').filter((w) => w !== '').length;

/**
 * The line the state's name starts on and how many it takes (a name wraps as "DISTRICT OF" /
 * "COLUMBIA"), found from the cell's end (country, postal code, state), else the first line
 * that starts a state's name; null when none does. From the end, a city named like a state
 * ("NEW YORK" over "NEW YORK") is not taken for the state.
 */
function stateLinesOf(out: { text: string }[]): { at: number; lines: 1 | 2 } | null {
  const text = (i: number) => out[i]?.text ?? '';
  const stateAt = (i: number): { at: number; lines: 1 | 2 } | null =>
    edgarCodeOf(text(i)) !== null ? { at: i, lines: 1 } : i + 1 < out.length && edgarCodeOf(text(i) + ' ' + text(i + 1)) !== null ? { at: i, lines: 2 } : null;
  let k = out.length - 1;
  if (k >= 0 && !/\d/.test(text(k))) k--;
  // The postal code as ownerFromLines takes it: a ZIP, or a short text with a digit ("KYI-1102").
  if (k >= 1 && (ZIP.test(text(k)) || (/\d/.test(text(k)) && text(k).length <= 10))) {
    if (edgarCodeOf(text(k - 1)) !== null) return { at: k - 1, lines: 1 };
    if (k >= 2 && edgarCodeOf(text(k - 2) + ' ' + text(k - 1)) !== null) return { at: k - 2, lines: 2 };
  }
  for (let i = 1; i < out.length; i++) {
    const found = stateAt(i);
    if (found) return found;
  }
  return null;
}

/** A printed line of an owner's cell; `guessed` when lines a converter wrapped were joined on their length alone. */
interface OwnerLine {
  text: string;
  start: number;
  end: number;
  guessed?: boolean;
}

/** Lines box 1 printed: the first owner's name and street lines, or (`name: false`) the street lines only. */
interface OwnerTemplate {
  lines: string[];
  name: boolean;
}

/** The cell's words [from, end) are box 1's lines, which end at `breaks`. */
interface KnownBreaks {
  from: number;
  breaks: Set<number>;
  end: number;
}

/**
 * The word counts at which the page broke an owner's cell, read off box 1's lines: as far as the
 * cell's lines repeat box 1's lines word for word, each ending at a line end of the cell. Without
 * the name, box 1's lines must start a line of the cell after the first; the lines before them
 * (the name, a street line box 1 does not print) are read by their length.
 */
function templateBreaks(out: { text: string }[], template: OwnerTemplate): KnownBreaks | null {
  const cellWords = out.flatMap((c) => c.text.split(' ').filter((w) => w !== ''));
  const lineStarts: number[] = [];
  const lineEnds = new Set<number>();
  let n = 0;
  for (const c of out) {
    lineStarts.push(n);
    lineEnds.add((n += wordCount(c.text)));
  }
  // Each template line's words, split once for every start tried below.
  const templateWords = template.lines.map((line) => line.split(/\s+/).filter((w) => w !== ''));
  const follow = (from: number): KnownBreaks => {
    const breaks = new Set<number>(from > 0 ? [from] : []);
    let end = from;
    for (const words of templateWords) {
      const matches = words.length > 0 && words.every((w, i) => cellWords[end + i] === w) && lineEnds.has(end + words.length);
      if (!matches) break;
      end += words.length;
      breaks.add(end);
    }
    return { from, breaks, end };
  };
  if (template.name) {
    const found = follow(0);
    return found.end === 0 ? null : found;
  }
  for (const start of lineStarts.slice(1)) {
    const found = follow(start);
    if (found.end > start) return found;
  }
  return null;
}

// lynx -dump: the table's heading at column 0, every cell line indented by 3 spaces, and each
// owner's row printed with the owner cell's line breaks: the other cells stand after its last
// line ("   UNITED STATES       X       Chair, President & CEO"), one column to the left of their
// heads: the Director mark under the owner column's heading, the 10% Owner mark under
// "Director", the officer's title under "10% Owner", the other text under "Officer".
/** The column at which lynx cuts a line of the remarks (its width less its margins), inside a word if need be. */
const LYNX_CUT = 194;

/** lynx's layout: the heading flush left, the first owner line right below the column heads, indented 3. */
function isLynxOwners(lines: Line[], markAt: number, headAt: number, end: number): boolean {
  const first = lines[headAt + 1];
  if (!first || headAt + 1 >= end || !/^ {3}\S/.test(first.text)) return false;
  for (let n = markAt; n >= Math.max(0, markAt - 3); n--) {
    const l = lines[n] as Line;
    if (OWNERS_HEADING.test(l.joined)) return /^\S/.test(l.text);
  }
  return false;
}

function readOwnersLynx(lines: Line[], head: Line, from: number, end: number, sink: TextSink): ReportingOwner[] {
  // Where each shifted column starts: its head's cell, one space before the head's word.
  const keys: RelColumn['key'][] = ['isDirector', 'isTenPercentOwner', 'isOfficer', 'isOther'];
  const starts = [/Director/, /10%\s*Owner/, /Officer/].map((re) => head.text.search(re) - 1);
  if (starts.some((x) => x < 0)) return [];
  const keyAt = (x: number): RelColumn['key'] => keys[starts.filter((s) => x >= s).length] as RelColumn['key'];
  const owners: ReportingOwner[] = [];
  let cell: Chunk[] = [];
  const flush = (marks: Chunk[]) => {
    if (cell.length === 0 && marks.length === 0) return;
    const P = `reportingOwners.${owners.length}`;
    const owner = ownerFromLines(cell, P, sink);
    applyRelationship(owner, marks.flatMap((m) => splitAtColumns(m, starts)).map((m) => ({ key: keyAt(m.x), text: m.text, start: m.start, end: m.end })), P, sink);
    owners.push(owner);
    cell = [];
  };
  for (let n = from; n < end; n++) {
    const line = lines[n] as Line;
    if (line.blank || isRule(line.text)) continue;
    const chunks = chunksOf(line, sink.clean.text);
    cell.push(...chunks.filter((c) => c.x <= LYNX_MARGIN));
    // The owner's row ends on the line that carries its other cells.
    const marks = chunks.filter((c) => c.x > LYNX_MARGIN);
    if (marks.length > 0) flush(marks);
  }
  flush([]);
  return owners;
}

/**
 * A chunk that runs over a column start, a word standing exactly there: two cells one space
 * apart ("Chairman, President & CEO Director of Sub", the title and the other text).
 */
function splitAtColumns(chunk: Chunk, starts: number[]): Chunk[] {
  const out: Chunk[] = [];
  let from = 0;
  for (const s of starts) {
    const at = s - chunk.x;
    if (at <= from || at >= chunk.text.length || chunk.text.charAt(at - 1) !== ' ') continue;
    const text = chunk.text.slice(from, at - 1);
    out.push({ ...chunk, text, x: chunk.x + from, start: chunk.start + from, end: chunk.start + from + text.length });
    from = at;
  }
  out.push({ ...chunk, text: chunk.text.slice(from), x: chunk.x + from, start: chunk.start + from });
  return out;
}

/** Seed style: one line per owner, `name <br/> street <br/> ... \t X \t \t title \t other`. */
function readOwnersTabbed(lines: Line[], from: number, end: number, input: string, sink: TextSink): ReportingOwner[] {
  const owners: ReportingOwner[] = [];
  for (let n = from; n < end; n++) {
    const line = lines[n] as Line;
    if (line.blank) continue;
    const P = `reportingOwners.${owners.length}`;
    const first = line.cells[0];
    if (!first) continue;
    // The cell's printed lines: the <br/> tags the converter kept in the input.
    const parts: { text: string; start: number; end: number }[] = [];
    const [ia, ib] = sink.inputRange(first.start, first.end);
    const raw = input.slice(ia, ib);
    let at = 0;
    for (const m of raw.matchAll(/<br\s*\/?>/gi)) {
      pushPart(parts, raw.slice(at, m.index), ia + at, sink);
      at = m.index + m[0].length;
    }
    pushPart(parts, raw.slice(at), ia + at, sink);
    const owner = ownerFromLines(parts, P, sink, true);
    const keys: RelColumn['key'][] = ['isDirector', 'isTenPercentOwner', 'isOfficer', 'isOther'];
    const rel = keys
      .map((key, i) => ({ key, cell: line.cells[i + 1] }))
      .filter((r) => r.cell !== undefined && r.cell.text !== '')
      .map((r) => ({ key: r.key, text: (r.cell as { text: string }).text, start: (r.cell as { start: number }).start, end: (r.cell as { end: number }).end }));
    applyRelationship(owner, rel, P, sink);
    owners.push(owner);
  }
  return owners;
}

function pushPart(parts: { text: string; start: number; end: number }[], raw: string, inputAt: number, sink: TextSink): void {
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim().replace(/\s+/g, ' ');
  const start = sink.cleanOffset(inputAt + lead);
  parts.push({ text, start, end: start + text.length });
}

/**
 * The owner cell's printed lines: name, street lines, city, state (its name), ZIP, country.
 * With `exact` the lines are the page's own (empty ones kept), else empty lines were lost.
 */
function ownerFromLines(parts: { text: string; start: number; end: number }[], P: string, sink: TextSink, exact = false): ReportingOwner {
  const address: Address = emptyAddress();
  const owner: ReportingOwner = {
    cik: null,
    name: null,
    address,
    relationship: { isDirector: false, isOfficer: false, isTenPercentOwner: false, isOther: false, officerTitle: null, otherText: null },
  };
  const lines = exact ? parts : parts.filter((p) => p.text !== '');
  if (lines.length === 0) return owner;
  const set = (field: string, p: { text: string; start: number; end: number }, conf = 1) => {
    if (p.text !== '') sink.set(`${P}.${field}`, p.start, p.end, conf);
  };
  const name = lines[0] as { text: string; start: number; end: number };
  if (name.text !== '') {
    owner.name = name.text;
    set('name', name);
  }
  let rest = lines.slice(1);
  // From the end: a country line, the ZIP, the state's name, the city.
  if (exact) {
    // name, street1, street2, city, state, zip, country: the page prints them in that order.
    while (rest.length > 0 && rest[rest.length - 1]?.text === '') rest = rest.slice(0, -1);
  }
  let k = rest.length - 1;
  const textAt = (i: number) => rest[i]?.text ?? '';
  // The page ends the cell with the country's name (UNITED STATES for a US address).
  if (k >= 2 && !/\d/.test(textAt(k)) && textAt(k) !== '') k--;
  let zipIdx = -1;
  // A short code between a state's name and the country is the postal code, digits or not ("TAIWAN" over "TOC").
  const underState = () => k >= 2 && textAt(k).length <= 10 && edgarCodeOf(textAt(k)) === null && edgarCodeOf(textAt(k - 1)) !== null;
  if (k >= 0 && (ZIP.test(textAt(k)) || (/\d/.test(textAt(k)) && textAt(k).length <= 10 && k >= 2) || underState())) zipIdx = k--;
  let stateIdx = -1;
  if (k >= 0 && edgarCodeOf(textAt(k)) !== null) stateIdx = k--;
  const cityIdx = k >= 1 || (stateIdx !== -1 && k >= 0) ? k-- : -1;
  const streets = rest.slice(0, k + 1).filter((p) => p.text !== '');
  // The page's empty postal code line (exact lines) holds the place and no value.
  if (zipIdx !== -1 && textAt(zipIdx) !== '') {
    address.zipCode = textAt(zipIdx);
    set('address.zipCode', rest[zipIdx] as { text: string; start: number; end: number });
  }
  if (stateIdx !== -1) {
    address.state = edgarCodeOf(textAt(stateIdx));
    set('address.state', rest[stateIdx] as { text: string; start: number; end: number });
  }
  if (cityIdx !== -1 && textAt(cityIdx) !== '') {
    address.city = textAt(cityIdx);
    set('address.city', rest[cityIdx] as { text: string; start: number; end: number });
  }
  const s1 = streets[0];
  const s2 = streets[1];
  if (s1) {
    address.street1 = s1.text;
    set('address.street1', s1);
  }
  if (s2) {
    address.street2 = streets.slice(1).map((s) => s.text).join(' ');
    set('address.street2', s2);
  }
  return owner;
}

function applyRelationship(owner: ReportingOwner, marks: { key: RelColumn['key']; text: string; start: number; end: number }[], P: string, sink: TextSink, confidence = 1): void {
  const rel = owner.relationship;
  if (!rel) return;
  const texts: Record<string, { text: string[]; start: number; end: number }> = {};
  for (const m of marks) {
    const t = texts[m.key];
    if (t) {
      t.text.push(m.text);
      t.end = m.end;
    } else texts[m.key] = { text: [m.text], start: m.start, end: m.end };
  }
  for (const [key, t] of Object.entries(texts) as [RelColumn['key'], { text: string[]; start: number; end: number }][]) {
    rel[key] = true;
    sink.set(`${P}.relationship.${key}`, t.start, t.end, confidence);
    const value = t.text.join(' ').replace(/\s+/g, ' ').trim();
    if (/^[xX]$/.test(value)) continue;
    // The Officer column prints the officer's title, the Other column the description.
    if (key === 'isOfficer') {
      rel.officerTitle = value;
      sink.set(`${P}.relationship.officerTitle`, t.start, t.end, confidence);
    } else if (key === 'isOther') {
      rel.otherText = value;
      sink.set(`${P}.relationship.otherText`, t.start, t.end, confidence);
    }
  }
}

// --- Signatures ---

function readSignatures(lines: Line[], from: number, to: number, sink: TextSink): Signature[] {
  const out: Signature[] = [];
  let pending: { name: string; start: number; end: number } | null = null;
  type Span = { text: string; start: number; end: number };
  const push = (name: Span | null, date: Span | null, dateConfidence = 1) => {
    const k = out.length;
    const sig: Signature = { name: name ? name.text : null, date: null } as Signature;
    if (name) sink.set(`signatures.${k}.name`, name.start, name.end, 1);
    nameStarts[k] = name?.start;
    if (date) {
      const r = toUsDate(date.text);
      sig.date = r.value;
      if (r.value !== null) sink.set(`signatures.${k}.date`, date.start, date.end, dateConfidence);
    }
    out.push(sig);
    open = date ? k : -1;
  };
  const squash = (a: Chunk, b: Chunk) => sink.clean.text.slice(a.start, b.end).replace(/\s+/g, ' ').trim();
  /** The name read so far (a name wrapped over lines) followed by `chunks`, or null when both are empty. */
  const nameWith = (chunks: Chunk[]): Span | null => {
    const a = chunks[0];
    const b = chunks[chunks.length - 1];
    const p: { name: string; start: number; end: number } | null = pending;
    pending = null;
    if (!a || !b) return p && p.name !== '' ? { text: p.name, start: p.start, end: p.end } : null;
    if (!p) return { text: squash(a, b), start: a.start, end: b.end };
    return { text: `${p.name} ${squash(a, b)}`, start: p.start, end: b.end };
  };
  const nameStarts: (number | undefined)[] = [];
  /** A date alone, written after the names: the first signature still without one. */
  const dateLater = (date: Chunk) => {
    const k = out.findIndex((sig) => sig.date === null);
    const r = toUsDate(date.text);
    if (k === -1 || r.value === null) return;
    (out[k] as Signature).date = r.value;
    sink.set(`signatures.${k}.date`, date.start, date.end, 0.8);
  };
  const isCaption = (line: Line) => SIGNATURE_CAPTION.test(line.joined) || /^Date$/i.test(line.joined);
  // A signature read with its date whose caption has not come yet: a name wrapped below its date
  // line ("... and Chief Financial  05/10/2023" over "Officer") is that signature's.
  let open = -1;
  // Plain pdftotext writes the signatures in drawing order: each name above its "**" and caption,
  // the dates (each above its own caption) maybe all after them, in the same order.
  const inOrder = sink.pdf;
  // Plain pdftotext (no line laid out) writes other tables' cells between the signatures (Table
  // II's, the owners' relationships): each of its blocks stands between blank lines, and a name is
  // one block above its "**", its date a line of its own before that "**" or before its "Date".
  const plain = inOrder && isPlainPdf(lines, from, to);
  let afterBlank = false;
  // Whether the name being read started right after the heading or a caption (a signature's
  // place), and whether its "**" came: then it is a signature's name, not another table's words.
  let atBoundary = true;
  let pendingAtBoundary = false;
  let pendingStars = false;
  const dropPending = () => {
    const p: { name: string; start: number; end: number } | null = pending;
    if (p) sink.report('TEXT_FRAGMENT_UNREAD', { value: p.name, where: 'between the signatures' }, null, p.start, p.end);
    pending = null;
  };
  for (let n = from; n < to; n++) {
    const line = lines[n] as Line;
    const newBlock = afterBlank;
    afterBlank = line.blank || (afterBlank && isRule(line.text));
    const stars = /^\*\*?$/.test(line.joined.trim());
    if (stars && pending) pendingStars = true;
    // The signature caption's "**" mark stands on a line of its own in a PDF: part of the caption.
    if (line.blank || isRule(line.text) || stars) continue;
    const caption = isCaption(line);
    if (plain) {
      const next = nextText(lines, n + 1, to);
      const lone = DATE.test(line.joined.trim());
      const boundary = atBoundary;
      atBoundary = caption;
      if (lone && next !== null && /^Date$/i.test(next)) {
        // A date above its "Date" caption: the first signature still without one; words read
        // since a caption and not followed by "**" are another table's.
        if (!pendingStars && !pendingAtBoundary) dropPending();
        // Its first chunk only (chunksOf's chunks are never empty).
        dateLater(chunksOf(line, sink.clean.text, 1)[0] as Chunk);
        continue;
      }
      const beforeStars = next !== null && (/^\*\*?$/.test(next) || SIGNATURE_CAPTION.test(next));
      if (lone && !beforeStars && !(pending && pendingAtBoundary)) {
        // A date neither above a caption nor after a signature's name: another table's.
        sink.report('TEXT_FRAGMENT_UNREAD', { value: line.joined.trim(), where: 'between the signatures' }, null, line.start, line.end);
        continue;
      }
      // A new block of words starts a new name: the words before it, without their "**", were another table's.
      if (!lone && !caption && (newBlock || !pending)) {
        if (!pendingStars && pending) dropPending();
        if (!pending) {
          // A table's head ("7. Title and") starts no name.
          pendingAtBoundary = boundary && !isHeadLine(line.joined) && !/^\d{1,2}A?\.\s/.test(line.joined);
          pendingStars = false;
        }
      }
    }
    // Each signature prints its own caption below it.
    if (caption) {
      // Plain pdftotext: the caption of a signature read with its date closes it; words read
      // since are another table's.
      if (plain && open !== -1) dropPending();
      // In plain pdftotext a "Date" may be Table II's head ("Expiration" over "Date"): only the
      // signature's own caption closes it.
      if (!plain || SIGNATURE_CAPTION.test(line.joined)) open = -1;
      if (inOrder && pending && SIGNATURE_CAPTION.test(line.joined)) push(nameWith([]), null);
      continue;
    }
    // chunksOf's chunks are never empty: no filtered copy.
    const chunks = chunksOf(line, sink.clean.text);
    const last = chunks[chunks.length - 1];
    if (!last) continue;
    if (open !== -1 && !pending && !(plain && newBlock) && !DATE.test(last.text) && !PART_DATE.test(last.text) && !/ \d{1,2}\/\d{1,2}\/\d{4}$/.test(line.joined)) {
      let k = n + 1;
      // A PDF's name wraps around its date (its middle line beside it) and may go on for lines
      // after it: lines without a date up to the caption (its "**" above it) are the name's.
      let wrapped = 0;
      for (; k < to; k++) {
        const l = lines[k] as Line;
        const t = l.joined.trim();
        if (l.blank || (!plain && /^\*\*?$/.test(t))) continue;
        if (plain || isCaption(l) || wrapped >= NAME_WRAP_REACH || /\b\d{1,2}\/\d{1,2}\//.test(t)) break;
        wrapped++;
      }
      const sig = out[open];
      if (sig && sig.name !== null && k < to && isCaption(lines[k] as Line)) {
        const first = chunks[0] as Chunk;
        sig.name = `${sig.name} ${squash(first, last)}`;
        const at = nameStarts[open];
        if (at !== undefined) sink.set(`signatures.${open}.name`, at, last.end, 1);
        continue;
      }
    }
    if (DATE.test(last.text)) {
      const name = chunks.slice(0, -1);
      if (name.length > 0 || pending) push(nameWith(name), last);
      else if (inOrder) dateLater(last);
      continue;
    }
    // A date column too narrow for the date wraps it after its last slash ("03/01/" above "2023"),
    // and the name beside it wraps too: the two lines are one signature.
    const next = lines[n + 1];
    if (PART_DATE.test(last.text) && next && n + 1 < to) {
      const nextChunks = chunksOf(next, sink.clean.text);
      const year = nextChunks[nextChunks.length - 1];
      if (year && /^\d{4}$/.test(year.text) && year.x >= last.x - 2) {
        const name = nameWith(chunks.slice(0, -1));
        const rest = nextChunks.slice(0, -1);
        const restName = rest.length > 0 ? { text: squash(rest[0] as Chunk, rest[rest.length - 1] as Chunk), end: (rest[rest.length - 1] as Chunk).end } : null;
        const full = name && restName ? { text: `${name.text} ${restName.text}`, start: name.start, end: restName.end } : name;
        push(full, { text: last.text + year.text, start: last.start, end: year.end }, 0.9);
        n++;
        continue;
      }
    }
    // A name with its date on a later line (reading order), or a name wrapped over two lines.
    const a = chunks[0] as Chunk;
    const text = squash(a, last);
    const lastDate = / (\d{1,2}\/\d{1,2}\/\d{4})$/.exec(text);
    // A PDF sets the date in its column: a date alone on the line below is the signature's, and one
    // ending the name's line one space after it is the name's own ("... Chief Financial Officer 02/03/2023").
    const below = lines[n + 1];
    const dateBelow = sink.pdf && below !== undefined && n + 1 < to && DATE.test(below.joined.trim());
    if (lastDate && !dateBelow) {
      const dStart = last.end - (lastDate[1] as string).length;
      const name = nameWith([]);
      const own = text.slice(0, lastDate.index).trim();
      push(name ? { text: `${name.text} ${own}`, start: name.start, end: dStart - 1 } : { text: own, start: a.start, end: dStart - 1 }, { text: lastDate[1] as string, start: dStart, end: last.end });
      continue;
    }
    if (pending) pending = { name: pending.name + ' ' + text, start: pending.start, end: last.end };
    else pending = { name: text, start: a.start, end: last.end };
  }
  // In plain pdftotext every signature ends with its caption: words after the last are not one.
  if (plain) dropPending();
  if (pending) push(nameWith([]), null);
  return out;
}

/** How many lines a signature's name may go on for after its date's line. */
const NAME_WRAP_REACH = 3;

/**
 * An owner's cell (a name and an address): it ends with a ZIP, a state or a country, or its
 * address has a number or a care-of line, or its name more than one word. A nature's words
 * broken one or two to a line ("By | PureTech | Health | LLC") have none of these.
 */
function isAddress(b: Line[]): boolean {
  const last = (b[b.length - 1] as Line).joined.trim();
  if (ZIP.test(last) || POSTAL.test(last) || edgarCodeOf(last) !== null || wordCount((b[0] as Line).joined.trim()) > 1) return true;
  return b.slice(1).some((l) => /\d/.test(l.joined) || CARE_OF.test(l.joined.trim()));
}

/** A block of a state by name, a ZIP and a country, or two of them in that order: the end of an owner's cell. */
function isAddressEnd(b: Line[]): boolean {
  const t = b.map((l) => l.joined.trim());
  const state = (x: string | undefined) => usStateCodeOf(x ?? '') !== null;
  const zip = (x: string | undefined) => ZIP.test(x ?? '');
  const country = (x: string | undefined) => COUNTRY.test(x ?? '') && edgarCodeOf(x ?? '') !== null;
  if (b.length === 3 && state(t[0]) && zip(t[1]) && country(t[2])) return true;
  if (b.length === 2 && ((zip(t[0]) && country(t[1])) || (state(t[0]) && zip(t[1])))) return true;
  // Abroad: a province or county and country, its postal code, and the country the page adds
  // ("ONTARIO, CANADA | M5J 2T3 | UNITED STATES"); no street line (no other number).
  const postal = t.length - 2;
  return b.length >= 3 && b.length <= 4 && POSTAL.test(t[postal] ?? '') && country(t[postal + 1]) && t.slice(0, postal).every((x) => !/\d/.test(x));
}

/** A block of an owner's city, state by name, zip and maybe country: the end of its cell. */
function cityTail(b: Line[]): boolean {
  if (b.length < 3 || b.length > 4) return false;
  const [, state, zip] = b.map((l) => l.joined.trim());
  return usStateCodeOf(state ?? '') !== null && ZIP.test(zip ?? '');
}

/** A line laid out: indented, or with a run of spaces between words. */
const LAID_OUT = /^\f? |\S {2,}\S/;

/** No line of [from, to) is laid out: plain pdftotext's reading order (one space between words, none before). */
function isPlainPdf(lines: Line[], from: number, to: number): boolean {
  // Tested in place (no copy of the lines).
  for (let n = from; n < Math.min(to, lines.length); n++) if (LAID_OUT.test((lines[n] as Line).text)) return false;
  return true;
}

/** The text of the next non-blank line of [from, to), or null. */
function nextText(lines: Line[], from: number, to: number): string | null {
  for (let n = from; n < to; n++) {
    const line = lines[n] as Line;
    if (!line.blank) return line.joined.trim();
  }
  return null;
}

/**
 * Plain pdftotext may write the signatures' dates after "Explanation of Responses" (each a line
 * above its "Date" caption): they go, in order, to the signatures still without one.
 */
function datesAfterExplanation(lines: Line[], from: number, signatures: Signature[], sink: TextSink): void {
  if (!sink.pdf || !signatures.some((s) => s.date === null)) return;
  for (let n = from; n < lines.length; n++) {
    const line = lines[n] as Line;
    const text = line.joined.trim();
    if (line.blank || !DATE.test(text) || !/^Date$/i.test(nextText(lines, n + 1, lines.length) ?? '')) continue;
    if (!isPlainPdf(lines, n, n + 1)) return;
    const k = signatures.findIndex((s) => s.date === null);
    if (k === -1) return;
    const r = toUsDate(text);
    if (r.value === null) continue;
    (signatures[k] as Signature).date = r.value;
    const at = line.start + line.text.indexOf(text);
    sink.set(`signatures.${k}.date`, at, at + text.length, 0.8);
  }
}

/** A date cut after its last slash by a narrow column: "03/01/". */
const PART_DATE = /^\d{1,2}\/\d{1,2}\/$/;

// --- Explanation of Responses: footnotes and remarks ---

/** The cost of a PDF's footnote text with one more line below its mark than above. */
const PDF_NOTE_ONE_MORE_BELOW = 0.5;

/** The sentence-break count of a "(Continued from footnote 1)" line after a sentence's end: above one wrap break. */
const CONTINUED_AFTER_SENTENCE = 40;

function readExplanation(lines: Line[], from: number, sink: TextSink, out: PageRead): void {
  // Each entry: its mark ("*", "**", "(1)") and its text lines. A converter that centres the
  // mark beside a long text puts text lines above the mark's line: those are the entry's too.
  interface Entry {
    mark: string;
    markAt: { start: number; end: number };
    parts: { text: string; start: number; end: number; line: number }[];
    markLine: number;
  }
  const entries: Entry[] = [];
  let end = lines.length;
  let remarksAt = -1;
  for (let n = from; n < lines.length; n++) {
    const j = (lines[n] as Line).joined;
    if (REMARKS.test(j)) {
      remarksAt = n;
      end = n;
      break;
    }
    if (CLOSING_NOTE.test(j)) {
      end = n;
      break;
    }
  }
  // Each mark's line is an entry's; the lines around it (between blank lines) are shared out by
  // where a converter puts a cell's lines: centred on the mark (html2text, w3m, pdftotext).
  type Part = { text: string; start: number; end: number; line: number };
  const parts: (Part | null)[] = [];
  const marks: { n: number; mark: string; start: number }[] = [];
  let markLead = -1;
  let prevLead = -1;
  for (let n = from; n < end; n++) {
    const line = lines[n] as Line;
    if (line.blank || isRule(line.text)) {
      parts.push(null);
      prevLead = -1;
      continue;
    }
    const lead = line.text.length - line.text.trimStart().length;
    const body = line.text.trim();
    // A text line that starts with "(1)" in the text column, right under the entry's text (or
    // under its mark's line, "(4) of the Issuer ..." over "    (4) to this Form 4."), goes on
    // with that text ("... until the first to occur of" / "(1) a change in control").
    const inText = markLead !== -1 && lead > markLead + 2 && lead === prevLead;
    prevLead = lead;
    if (inText) {
      parts.push({ text: body, start: line.start + lead, end: line.start + lead + body.length, line: n });
      continue;
    }
    // The form's own two notes are entries even when a converter dropped their "*" and "**"
    // (html2text's "**" reads as markdown bold and is cleaned away).
    const note = FORM_NOTE.exec(body);
    if (note && !MARK_LINE.test(body)) {
      markLead = lead;
      marks.push({ n, mark: note[1] ? '*' : '**', start: line.start + lead });
      parts.push({ text: body, start: line.start + lead, end: line.start + lead + body.length, line: n });
      continue;
    }
    const m = MARK_LINE.exec(body);
    if (m) {
      const textPart = body.slice(m[0].length).trim();
      markLead = lead;
      marks.push({ n, mark: m[1] as string, start: line.start + lead });
      const at = textPart === '' ? line.start + lead : line.start + line.text.indexOf(textPart.slice(0, Math.min(10, textPart.length)), lead + (m[1] as string).length);
      parts.push({ text: textPart, start: at, end: at + textPart.length, line: n });
      // The text column is where the mark's text starts: a line below starting there goes on with it.
      if (textPart !== '') prevLead = at - line.start;
      continue;
    }
    parts.push({ text: body, start: line.start + lead, end: line.start + lead + body.length, line: n });
  }
  // lynx prints each entry's text beside its mark and wraps it below, every line indented alike:
  // a line is the entry's above it.
  const heading = lines[from - 1];
  const lynx = heading !== undefined && /^\S/.test(heading.text) && marks.length > 0 && lynxIndented(lines, from, end);
  // A PDF's lines are as wide as their glyphs.
  const measure = sink.pdf ? printedWidth : (t: string) => t.length;
  const width = parts.reduce((w, p) => Math.max(w, p ? measure(p.text) : 0), 0);
  const texts = parts.map((p) => (p ? [{ text: p.text, x: 0 }] : []));
  // pdftotext starts each new page with a form feed: an entry is not centred across one.
  const pageStarts: number[] = [];
  for (let n = from; n < end; n++) if ((lines[n] as Line).text.includes('\f')) pageStarts.push(n - from);
  const slack = sink.pdf ? Math.max(1, Math.round(width * PDF_WRAP_SLACK)) : 1;
  const breaks = wrapBreaksOf(texts, [width], slack, 0, measure);
  const entryOf = new Map<number, Entry>();
  for (const mk of marks) {
    const e: Entry = { mark: mk.mark, markAt: { start: mk.start, end: mk.start + mk.mark.length }, parts: [], markLine: mk.n };
    entries.push(e);
    entryOf.set(mk.n - from, e);
  }
  let blockStart = -1;
  let lastEntry: Entry | null = null;
  let sums: Int32Array | null = null;
  const closeBlock = (stop: number) => {
    if (blockStart === -1) return;
    const mains: number[] = [];
    for (let i = blockStart; i < stop; i++) if (entryOf.has(i)) mains.push(i);
    if (lynx) {
      for (let i = blockStart; i < stop; i++) {
        lastEntry = entryOf.get(i) ?? lastEntry;
        if (lastEntry && parts[i]) lastEntry.parts.push(parts[i] as Part);
      }
    } else if (mains.length === 0) {
      // A paragraph of its own after a blank line: the entry above continues.
      for (let i = blockStart; i < stop; i++) if (lastEntry && parts[i]) lastEntry.parts.push(parts[i] as Part);
    } else {
      // When the layout allows either, a line that starts a sentence after one that ends one more
      // likely starts the next entry's text (a small cost, below any layout evidence): counted
      // by running sums over the pairs of lines (sentenceSums), as the chain split tries every range.
      sums ??= sentenceSums(parts);
      const sentenceSum = sums;
      const sentenceBreaks = (a: number, b: number) => (b > a ? (sentenceSum[b] as number) - (sentenceSum[a] as number) : 0);
      // A block opening a new page may open with the end of the entry cut by the page break (one
      // whose last line ends mid-sentence): that entry takes part in the split as a row of its own,
      // its main line the blank one above.
      const last = lastEntry as Entry | null;
      const cut = last?.parts.at(-1)?.text ?? '.';
      // Only a footnote: the form's own notes ("*", "**") are one line, and drawing order may put other lines after them.
      const carried = last && MARK.test(last.mark) && blockStart > 0 && pageStarts.includes(blockStart) && mains[0] !== blockStart && !/[.:;]["”)]?$/.test(cut) ? last : null;
      const chain = carried ? [blockStart - 1, ...mains] : mains;
      // pdftotext sets a centred mark on the middle line of its text's (or between the two middle
      // ones, on a line of its own): a text with one more line below it than above is less likely.
      const spans = splitChain(carried ? blockStart - 1 : blockStart, stop - 1, chain, (a, b) => 5 * breaks(a, b) + 0.15 * sentenceBreaks(a, b), { pageStarts, oneMoreBelow: sink.pdf ? PDF_NOTE_ONE_MORE_BELOW : 0 });
      spans.forEach(([a, b], k) => {
        const e = carried && k === 0 ? carried : (entryOf.get(chain[k] as number) as Entry);
        for (let i = a; i <= b; i++) if (parts[i]) e.parts.push(parts[i] as Part);
        lastEntry = e;
      });
    }
    blockStart = -1;
  };
  parts.forEach((p, i) => {
    if (!p) closeBlock(i);
    else if (blockStart === -1) blockStart = i;
  });
  closeBlock(parts.length);

  for (const e of entries) {
    const fm = /^\((\d{1,2})\)$/.exec(e.mark);
    if (!fm) continue;
    const k = out.footnotes.length;
    const parts = e.parts.filter((p) => p.text !== '').sort((a, b) => a.line - b.line || a.start - b.start);
    const { text, inferred } = joinLines(parts.map((p) => p.text), sink.pdf);
    out.footnotes.push({ id: 'F' + Number(fm[1]), text });
    sink.set(`footnotes.${k}.id`, e.markAt.start, e.markAt.end, 1);
    const first = parts[0];
    const last = parts[parts.length - 1];
    if (first && last) sink.set(`footnotes.${k}.text`, first.start, last.end, inferred ? 0.9 : 1);
  }

  if (remarksAt !== -1) {
    const label = lines[remarksAt] as Line;
    const parts: { text: string; start: number; end: number }[] = [];
    const own = label.joined.replace(REMARKS, '').trim();
    if (own !== '') {
      const at = label.start + label.text.indexOf(own.slice(0, Math.min(8, own.length)));
      parts.push({ text: own, start: at, end: label.start + label.text.trimEnd().length });
    }
    // lynx cuts a remarks line at its width wherever it falls, inside a word too: a line cut
    // there and one that goes on at the margin (no space kept at the cut) are one word.
    const heading = lines[from - 1];
    const lynx = heading !== undefined && /^\S/.test(heading.text) && /^ {3}\S/.test(label.text);
    const inputLength = (l: Line) => (sink.clean.origin[l.end] ?? 0) - (sink.clean.origin[l.start] ?? 0);
    let cut = false;
    let glued = false;
    // Remarks may hold paragraphs (the XML's blank lines): they run to the page's closing notes.
    for (let n = remarksAt + 1; n < lines.length; n++) {
      const line = lines[n] as Line;
      // pandoc's table rule ends the remarks, one run of dashes under each of the explanation table's two
      // columns (mark and text); lynx and a PDF draw none. A line of one run is the remarks' own.
      if (REMARKS_END.test(line.joined) || (!lynx && !sink.pdf && isRule(line.text) && /-\s+-/.test(line.text))) break;
      if (line.blank) {
        cut = false;
        continue;
      }
      const lead = line.text.length - line.text.trimStart().length;
      const last = parts[parts.length - 1];
      if (cut && last && lead === LYNX_MARGIN) {
        last.text += line.joined;
        last.end = line.start + line.text.trimEnd().length;
        glued = true;
      } else parts.push({ text: line.joined, start: line.start + lead, end: line.start + line.text.trimEnd().length });
      cut = lynx && inputLength(line) === LYNX_CUT;
    }
    if (parts.length > 0) {
      const joinedLines = joinLines(parts.map((p) => p.text), sink.pdf);
      const text = joinedLines.text;
      const inferred = joinedLines.inferred || glued;
      out.remarks = text;
      sink.set('remarks', (parts[0] as { start: number }).start, (parts[parts.length - 1] as { end: number }).end, inferred ? 0.9 : 1);
    }
  }
}

/**
 * For the explanation's lines (null: blank), the running sums of the sentence breaks between
 * each line and the next: sums[b] - sums[a] is the count for the pairs of lines [a, b).
 * "(Continued from footnote 2)", "[continued from FN (2)]": a footnote's own first words.
 * After a sentence's end they outweigh a line's width (a PDF's proportional font fits
 * fewer capitals on a line: its widths mislead); a line starting a sentence after one ending
 * one counts 1.
 */
function sentenceSums(parts: ({ text: string } | null)[]): Int32Array {
  const sums = new Int32Array(parts.length + 1);
  for (let i = 0; i < parts.length; i++) {
    const next = parts[i + 1]?.text ?? '';
    const text = parts[i]?.text ?? '';
    let n = 0;
    if (/^[([](?:cont|Cont|CONT)/.test(next)) n = /[.:;]["”)]?$/.test(text) ? CONTINUED_AFTER_SENTENCE : 5;
    else if (/[.:;]["”)]?$/.test(text) && /^["“([]?[A-Z0-9]/.test(next)) n = 1;
    sums[i + 1] = (sums[i] as number) + n;
  }
  return sums;
}

/**
 * Every non-blank line of [from, end) indented by lynx's 3 spaces, each numbered mark at exactly
 * 3 (a "**" cleaned away as markdown bold leaves more).
 */
function lynxIndented(lines: Line[], from: number, end: number): boolean {
  for (let n = from; n < end; n++) {
    const l = lines[n] as Line;
    if (!l.blank && (!l.text.startsWith('   ') || /^ {4,}\(\d{1,2}\)/.test(l.text))) return false;
  }
  return true;
}

/**
 * A paragraph's lines joined with spaces, except where a converter broke a line inside a word
 * (w3m and html2text break at a slash or a hyphen too): a date or "and/or" cut at a slash, a
 * word cut after its hyphen ("333-" above "249729", "FF-" above "IIIE"). The page cannot say
 * whether a space stood there, so such a join is `inferred`.
 *
 * A number's lettered subdivision cut off it ("Section 13" above "(d)": w3m breaks before a
 * bracket) and a name cut after its "&" ("M&" above "T Bank") are joined too: over the corpus's
 * XML a number is followed by "(d)" with no space 227 times in 230, and a letter's "&" is set
 * against the next letter whenever against the one before.
 *
 * With `pdf`, a citation cut between its brackets too: a browser breaks a line between a closing
 * and an opening bracket ("Rule 16a-1(a)" above "(4) under"), and a rule's parts are written
 * together ("16a-1(a)(4)", never "16a-1(a) (4)"). Only after a bracket set against a word, and
 * before a short one: "(the \"Fund\")" above "(a)" keeps its space.
 */
export function joinLines(lines: string[], pdf = false): { text: string; inferred: boolean } {
  const out: string[] = [];
  let inferred = false;
  let prev: string | null = null;
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    const glued = prev !== null && gluedLines(prev, line, pdf);
    if (prev !== null && !glued) out.push(' ');
    if (glued) inferred = true;
    out.push(line);
    prev = line;
  }
  // Most joined texts have no white space to collapse (a run of two, or another space than " "): only trimmed.
  const text = out.join('');
  return { text: /\s\s|[^\S ]/.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim(), inferred };
}

/** Whether joinLines joins `line` to the line before it (`prev`, both trimmed, not empty) without a space. */
function gluedLines(prev: string, line: string, pdf: boolean): boolean {
  // The last characters of the line before: tested by hand, as a `$`-anchored regex would rescan it.
  const last = prev.charAt(prev.length - 1);
  const beforeLast = prev.length > 1 ? prev.charAt(prev.length - 2) : '';
  const first = line.charAt(0);
  const word = (c: string) => /\w/.test(c);
  const letter = (c: string) => /[A-Za-z]/.test(c);
  // A date or "and/or" cut at its slash.
  if (last === '/') return word(first);
  if (first === '/') return word(line.charAt(1)) && word(last);
  // A word cut after its hyphen ("333-" above "249729").
  if (last === '-') return word(beforeLast) && word(first);
  // "M&" above "T Bank": a word joined by "&" (w3m breaks after it, or before it: "M" above "&T"); "A & B" keeps its spaces.
  if (last === '&') return letter(beforeLast) && letter(first);
  if (first === '&') return letter(last) && letter(line.charAt(1));
  // "Section 13" above "(d) group" (w3m breaks before a bracket): a number's lettered subdivision
  // is written against it ("13(d)", "10b5-1(c)"; "Form 2 of 2" above "(1) The" is a list's item);
  // with pdf, "16a-1(a)" above "(4)" too.
  if (first === '(') return (DIGIT.test(last) && LETTERED_START.test(line)) || (pdf && last === ')' && SUBDIVISION_START.test(line) && SUBDIVISION_END.test(prev));
  return false;
}

/** A rule's subdivision set against a word, ending a line ("16a-1(a)"), and one starting a line ("(4)"). */
const SUBDIVISION_END = /\w\([a-z0-9]{1,4}\)$/i;
const SUBDIVISION_START = /^\([a-z0-9]{1,4}\)/i;
const DIGIT = /\d/;
const LETTERED_START = /^\([a-z]{1,4}\)/i;

// --- Boxes 2–4 in reading order ---

const PERIOD_LABEL = /Date\s+of\s+Earliest\s+Trans|Date\s+of\s+Event\b|Statement\s+for\s+Issuer.?s\s+Fiscal|Fiscal\s+Year\s+Ended/i;
const AMENDMENT_LABEL = /If\s+Amendment,?\s+Date/i;
/** Box 2's "Name [SYMBOL]", maybe followed one space apart by box 5's wrapped heading ("Issuer"). */
const SYMBOL_AT_END = /\[[^\]]*\](?:\s(?:Person\(s\)\s)?(?:to\s)?Issuer)?\s*$/;
const BOX5_WORDS = /(?<=\])\s(?:Person\(s\)\s)?(?:to\s)?Issuer\s*$/;
/** Box 2's name and the start of a symbol wrapped inside its brackets ("Franchise Group, Inc. [FRG"), and the symbol's end ("FRGAP]"). */
const SYMBOL_OPEN_AT_END = /\[[^\]]*$/;
const SYMBOL_CLOSE = /^[^[\]]+\]$/;
const ISSUER_LABEL = /Issuer\s+Name\s+(?:and\s+)?Ticker/i;
const TABLES_START = /Title\s+of\s+Security|^\W*Table\s+I\b/i;
const TITLE_OF_SECURITY = /Title\s+of\s+Security/i;
/**
 * For matchStarts, what ends the header's lines: Table I's column heads or the owners table's
 * (tested on a line's joined cells), and Table I's title, the only part of TABLES_START a chunk
 * of a line above those can match. One pattern, so that its scan stops at the first of them (a
 * converter may wrap "Title of" / "Security": a scan for that alone would run on to the owners table).
 */
const HEADER_END_ALL = new RegExp(`${TITLE_OF_SECURITY.source}|${PAGE_MARK.source}|Table\\s+I\\b`, 'gi');
const DATE_IN = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

interface Placed {
  chunk: Chunk;
  order: number;
}

function readBoxes(lines: Line[], sink: TextSink, out: PageRead): void {
  // The header: the lines above Table I's column heads (a layout may print Table I's title beside box 1).
  const chunks: Chunk[] = [];
  // The first chunk that starts the tables: the chunks are cut there below, and no line after it is needed.
  let stop = -1;
  // The lines the regexes can match in, found by one scan of the cleaned text rather than a test
  // of every line (and of every chunk: a chunk holding "Title of Security" is on a line that ends the header).
  const ends = matchStarts(HEADER_END_ALL, sink.clean.text);
  for (const line of lines) {
    const maybe = ends(line);
    if (maybe && (TITLE_OF_SECURITY.test(line.joined) || PAGE_MARK.test(line.joined))) break;
    const own = chunksOf(line, sink.clean.text);
    const k = maybe ? own.findIndex((c) => TABLES_START.test(c.text)) : -1;
    if (k !== -1) stop = chunks.length + k;
    for (const c of own) chunks.push(c);
    if (k !== -1) break;
  }
  const find = (re: RegExp): Placed | null => {
    const k = chunks.findIndex((c) => re.test(c.text));
    return k === -1 ? null : { chunk: chunks[k] as Chunk, order: k };
  };
  /** The first chunk after a label matching `want`: below it in its column if the layout keeps columns, else next in reading order. */
  const after = (label: Placed, want: RegExp, skip: Set<Chunk>): Chunk | null => {
    const lx = label.chunk.x;
    let next: Chunk | null = null;
    for (let k = label.order; k < chunks.length; k++) {
      const c = chunks[k] as Chunk;
      if (skip.has(c) || !want.test(c.text)) continue;
      if (c === label.chunk) {
        // The value on the label's own line, after it (seed style).
        const rest = c.text.slice(c.text.search(want));
        if (rest !== c.text || !PERIOD_LABEL.test(c.text)) return c;
        continue;
      }
      if (c.line - label.chunk.line > 12) break;
      if (Math.abs(c.x - lx) <= 6) return c;
      next ??= c;
    }
    return next;
  };
  const dateOf = (c: Chunk, field: 'periodOfReport' | 'dateOfOriginalSubmission', confidence = 1) => {
    const m = DATE_IN.exec(c.text);
    if (!m) return;
    const r = toUsDate(m[0]);
    if (r.value === null) return;
    out[field] = r.value;
    sink.set(field, c.start + m.index, c.start + m.index + m[0].length, confidence);
  };
  const used = new Set<Chunk>();
  if (stop !== -1) chunks.length = stop;
  const period = find(PERIOD_LABEL);
  if (period) {
    const c = after(period, DATE_IN, used);
    if (c) {
      used.add(c);
      dateOf(c, 'periodOfReport');
    }
  }
  const amendment = find(AMENDMENT_LABEL);
  if (amendment) {
    const c = after(amendment, DATE_IN, used);
    if (c) dateOf(c, 'dateOfOriginalSubmission');
  }
  // Plain pdftotext may write box 3's date before its label (drawing order). Box 3 is never
  // empty and box 4 holds the header's only other date: a lone date in the header is box 3's.
  if (period && out.periodOfReport === null && out.dateOfOriginalSubmission === null && sink.pdf) {
    const dates = chunks.filter((c) => DATE_IN.test(c.text));
    if (dates.length === 1) dateOf(dates[0] as Chunk, 'periodOfReport', 0.8);
  }
  const issuer = find(ISSUER_LABEL);
  if (issuer) {
    let found = after(issuer, SYMBOL_AT_END, used);
    // A long symbol wraps inside its brackets, the rest below the line's start: "Franchise Group, Inc. [FRG" over "FRGAP]".
    let wrapped: Chunk | null = null;
    if (!found && sink.pdf) {
      const open = after(issuer, SYMBOL_OPEN_AT_END, used);
      const below = open && chunks.find((u) => u.line > open.line && u.line <= open.line + 2 && Math.abs(u.x - open.x) <= 1);
      if (open && below && SYMBOL_CLOSE.test(below.text)) {
        found = open;
        wrapped = below;
      }
    }
    const whole = found;
    // A layout may set the value one space after the text of the box to its left (pdftotext -layout's "Requiring
    // Statement PCM FUND, INC. [PCM]", w3m's long owner name): the value stands under its own label, from its column on.
    const cut = whole && whole.line > issuer.chunk.line ? issuer.chunk.x - whole.x : 0;
    const c = whole && cut > 0 && whole.text.charAt(cut - 1) === ' ' && whole.text.charAt(cut) !== ' ' ? { ...whole, text: whole.text.slice(cut), x: whole.x + cut, start: whole.start + cut } : whole;
    if (c && whole) {
      const text = wrapped ? `${c.text} ${wrapped.text}` : c.text;
      const m = /^(.*?)\s*\[\s*([^\]]*?)\s*\]/.exec(text.replace(ISSUER_LABEL, '').replace(/^.*Trading\s+Symbol\s*/i, '').replace(BOX5_WORDS, ''));
      if (m) {
        let name = (m[1] as string).trim();
        let nameStart = c.start + c.text.indexOf(name === '' ? '[' : name);
        // A name wrapped over lines: the lines above in the same column, up to the label.
        // Plain pdftotext writes every cell at the line's start: there the name's lines are the ones right above.
        const plainPdf = c.x === 0 && sink.pdf;
        let top = c.line;
        for (let k = chunks.indexOf(whole) - 1; k > issuer.order; k--) {
          const u = chunks[k] as Chunk;
          if (u.line >= c.line || u.line <= issuer.chunk.line || Math.abs(u.x - c.x) > 1) continue;
          // There other boxes' labels come between, in drawing order: box 2's own "Requiring" above
          // it, box 5's "(Check all applicable)", and box 5's "Issuer" after a line of the name.
          // (pdftotext -layout and w3m may set box 5's "Issuer", or a box and its item, "_____ Director", one space after the name's line too.)
          const own = u.text.replace(/\s+(?:Person\(s\)\s+)?(?:to\s+)?Issuer$/, '').replace(/\s+_+[xX]?_+\s+[A-Z].*$/, '');
          if (/Trading|Symbol|Ticker|Issuer/i.test(own) || (plainPdf && u.line !== top - 1)) break;
          top = u.line;
          if (plainPdf && isLabelFragment(own)) continue;
          name = own + ' ' + name;
          nameStart = u.start;
        }
        name = name.trim();
        if (name !== '') {
          out.issuerName = name;
          sink.set('issuer.name', nameStart, c.start + c.text.indexOf('['), 1);
        }
        const symbol = m[2] as string;
        if (symbol !== '') {
          out.tradingSymbol = symbol;
          const at = wrapped ? c.start + c.text.lastIndexOf('[') + 1 : c.start + c.text.lastIndexOf(symbol);
          sink.set('issuer.tradingSymbol', at, wrapped ? wrapped.end - 1 : at + symbol.length, 1);
        }
      }
    }
  }
  // Form 3 prints this sentence when the person owns no securities of the issuer.
  // (the same words after the "Remarks:" label are the filer's, not the form's).
  const NONE = /^\W*No\s+securities\s+are\s+beneficially\s+owned\.?\W*$/i;
  // The label is looked for only above a line that starts the sentence (few pages have one), not on every line.
  let remarksFrom = 0;
  for (let n = 0; n < lines.length; n++) {
    const l = lines[n] as Line;
    if (!startsWithN(l.joined) || !/^\W*No\s+securities\b/i.test(l.joined)) continue;
    let belowRemarks = false;
    for (; remarksFrom <= n && !belowRemarks; remarksFrom++) belowRemarks = REMARKS.test((lines[remarksFrom] as Line).joined);
    if (belowRemarks) break;
    // pandoc wraps the sentence in its narrow cell: "No securities are beneficially" / "owned".
    const next = lines[n + 1];
    const two = next !== undefined && !next.blank && NONE.test(l.joined + ' ' + next.joined);
    if (NONE.test(l.joined) || two) {
      out.noSecuritiesOwned = true;
      sink.set('noSecuritiesOwned', l.start, two ? (next as Line).end : l.end, 1);
      break;
    }
  }
}

/**
 * Whether the first word character of `text` ([A-Za-z0-9_], what \W skips) is an N: a line
 * /^\W*No\s+securities/i can match, tested on every line of the page before that regex.
 */
function startsWithN(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95) return c === 78 || c === 110;
  }
  return false;
}

// --- Section 16 and 10b5-1 check boxes ---

// html2text prints a checked box as "*" and an unchecked one as a broken character (U+FFFD).
const BOX = /(☒|☐|☑|\uFFFD|\[\s*[xX*✓✔]?\s*\]|(?:^|(?<=\s))\*(?=\s))/g;

/** The words of the four check boxes. */
const CHECK_WORDS = /Check\s+this\s+box|Form\s+[34]\s+(?:Holdings|Transactions)\b/i;
const CHECK_WORDS_ALL = new RegExp(CHECK_WORDS.source, 'gi');

function readCheckBoxes(lines: Line[], sink: TextSink, out: PageRead): void {
  const count = Math.min(lines.length, 80);
  if (count === 0) return;
  // The lines the words can start in, by one scan of the cleaned text up to the last line looked at rather than a search of each.
  const worded = matchStarts(CHECK_WORDS_ALL, sink.clean.text.slice(0, (lines[count - 1] as Line).end));
  for (let n = 0; n < count; n++) {
    const line = lines[n] as Line;
    if (!worded(line)) continue;
    const t = line.text;
    // Where the box's words start; a line with none of them (most lines) is not tried four times.
    const at = t.search(CHECK_WORDS);
    if (at === -1) continue;
    const which = /Check\s+this\s+box\s+if\s+no\b/i.test(t)
      ? 'notSubjectToSection16'
      : /Check\s+this\s+box\s+to\b/i.test(t)
        ? 'aff10b5One'
        : /Form\s+3\s+Holdings\b/i.test(t)
          ? 'form3HoldingsReported'
          : /Form\s+4\s+Transactions\b/i.test(t)
            ? 'form4TransactionsReported'
            : null;
    if (!which) continue;
    // The last box before the words (BOX matches no empty text: exec steps on from each match, as matchAll would, without its iterator and copied regex).
    let mark: RegExpExecArray | null = null;
    const before = t.slice(0, at);
    BOX.lastIndex = 0;
    for (let m = BOX.exec(before); m !== null; m = BOX.exec(before)) mark = m;
    if (!mark) continue;
    const checked = mark[0] === CHECKED || mark[0] === '☑' || /[xX*✓✔]/.test(mark[0]);
    if (mark[0] === UNCHECKED || mark[0] === '\uFFFD' || checked || /\[\s*\]/.test(mark[0])) {
      out[which] = checked;
      sink.set(which, line.start + mark.index, line.start + mark.index + mark[0].length, 1);
    }
  }
}
