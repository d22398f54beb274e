// Reads boxes 1–6 of the printed form (reporting person, issuer, dates, relationship)
// from the lines above Table I, whether each box is one cell or is scattered over many.
//
// An EDGAR HTML view keeps a box in one cell, value before its caption:
//
//   1. Name and Address of Reporting Person * OHARA JOHN MICHAEL (Last) (First) (Middle) C/O ... (Street) WESTFORD MA 01886 (City) (State) (Zip)
//                                             ^ name             ^ captions close a part
//
// A PDF extraction scatters boxes over lines and breaks labels ("X Directo⇥r"); cells that
// no label claims are given to the box whose label column they sit under.
import type { Address, Relationship } from '../../record/schema.ts';
import { isUsStateCode, MAX_STATE_NAME_WORDS, usStateCodeOf } from '../../record/edgar-codes.ts';
import { toUsDate } from '../values.ts';
import { CHECKED, UNCHECKED } from './clean-text.ts';
import { fuzzyFind } from './fuzzy-match.ts';
import { literalStarts, Stream, type Cell, type Line, type Piece, type TextSink } from './text-grid.ts';
import { isWordChar, trieStep, wordTrie } from './word-trie.ts';

type Box = 'name' | 'issuer' | 'period' | 'amendment' | 'relationship' | 'filing';

interface LabelSpec {
  box: Box;
  /** The label, maybe after its box's number ("4. If Amendment ..."): where it starts and ends. */
  re: RegExp;
  /**
   * The label without the number: a cell holds `re` just when it holds this (the number is
   * optional), which the regex engine finds faster, its first letters known where `re` may start
   * at any digit. Cells are searched with it, and `re` run only on the one found.
   */
  core: RegExp;
  fuzzy: string;
  printed: string;
}

/** A label's `re` and `core`: the label's pattern, after an optional "N." of the box's number (`number`, a pattern). */
function label(number: string, core: string): { re: RegExp; core: RegExp } {
  return { re: new RegExp(String.raw`(?:\b${number}\.\s*)?` + core, 'i'), core: new RegExp(core, 'i') };
}

const MDY = String.raw`(?:\(\s*Month\s*\/\s*Day\s*\/\s*Year\s*\))?`;

const LABELS: LabelSpec[] = [
  {
    box: 'name',
    ...label('1', String.raw`Name\s+and\s+Address\s+of\s+Reporting\s+Person\s*(?:\(s\))?\s*\*?`),
    fuzzy: 'nameandaddressofreportingperson',
    printed: 'Name and Address of Reporting Person',
  },
  {
    box: 'issuer',
    ...label(String.raw`\d`, String.raw`Issuer\s+Name\s+and\s+Ticker\s+or\s+Trading\s+Symbol`),
    fuzzy: 'issuernameandtickerortradingsymbol',
    printed: 'Issuer Name and Ticker or Trading Symbol',
  },
  {
    box: 'period',
    ...label(
      String.raw`\d`,
      String.raw`(?:Date\s+of\s+Earliest\s+Transaction(?:\s+Required\s+to\s+be\s+Reported)?|Date\s+of\s+Event\s+Requiring\s+Statement|Statement\s+for\s+Issuer.?s\s+Fiscal\s+Year\s+Ended)\s*` + MDY,
    ),
    fuzzy: 'dateofearliesttransaction',
    printed: 'Date of Earliest Transaction',
  },
  {
    box: 'amendment',
    ...label(String.raw`\d`, String.raw`If\s+Amendment,?\s+Date\s+(?:of\s+)?Original\s+Filed\s*` + MDY),
    fuzzy: 'ifamendmentdateoforiginalfiled',
    printed: 'If Amendment, Date of Original Filed',
  },
  {
    box: 'relationship',
    ...label(String.raw`\d`, String.raw`Relationship\s+of\s+Reporting\s+Person\s*(?:\(s\))?\s+to\s+Issuer\s*(?:\(\s*Check\s+all\s+applicable\s*\))?`),
    fuzzy: 'relationshipofreportingpersonstoissuer',
    printed: 'Relationship of Reporting Person(s) to Issuer',
  },
  {
    box: 'filing',
    ...label(String.raw`\d`, String.raw`Individual\s+or\s+Joint\s*\/\s*Group\s+(?:Filing|Reporting)\s*(?:\(\s*Check\s+Applicable(?:\s+Line\s*\))?)?`),
    fuzzy: 'individualorjointgroupfiling',
    printed: 'Individual or Joint/Group Filing',
  },
];

/** Every word the header prints as labels: cells made only of their pieces are broken labels, not values. */
const LABEL_VOCABULARY = (
  'name and address of reporting person last first middle street city state zip issuer ticker or trading symbol ' +
  'date earliest transaction month day year if amendment original filed relationship persons to check all ' +
  'applicable director 10% owner officer give title below other specify individual joint group filing line ' +
  'form by one more than reporting statement event requiring fiscal ended 1 2 3 4 5 6 x'
).split(' ');
/**
 * Every piece of a vocabulary word (a damaged label keeps pieces of its words: "Directo r"), as a
 * trie of the words' ends ("director", "irector", ... "r"): every node of it ends a piece (a
 * piece's prefix is a piece too), so a word is a piece when its walk never fails.
 */
const LABEL_PIECES = wordTrie(LABEL_VOCABULARY.flatMap((v) => Array.from(v, (_, i) => v.slice(i))));

const CAPTION = /\(?\b(Last|First|Middle|Street|City|State|Zip)\)/gi;
const ITEM_START = /^(?:☒|☐|\[\s*[xX✓✔]?\s*\]|_*[xX]_*|[✓✔☑])?\s*(?:Direc|10\s?%\s?Ow|Offic|Other\b)/i;
const FILING_ITEM = /^(?:☒|☐|\[\s*[xX✓✔]?\s*\]|_*[xX]_*|[✓✔☑])?\s*Form\s+f\s?iled\s+by/i;
/**
 * A checked box's mark: a box character, "[x]", or an x standing alone (between white space, '_'
 * or parentheses). The x's left side is a lookbehind, not (?:^|[\s_(]): the regex then starts only
 * at a box character, '[' or an x, not at every space of a PDF's wide gaps.
 */
const MARK_CHECKED = /☒|☑|✓|✔|\[\s*[xX]\s*\]|(?<![^\s_(])[xX](?=$|[\s_)])/;
const DATE_IN = /\b\d{1,2}\/\d{1,2}\/\d{4}\b/;

const ITEMS: { key: 'isDirector' | 'isTenPercentOwner' | 'isOfficer' | 'isOther'; re: RegExp }[] = [
  { key: 'isDirector', re: /D\s?i\s?r\s?e\s?c\s?t\s?o(?:\s?r)?/i },
  { key: 'isTenPercentOwner', re: /10\s?%\s?O\s?w(?:\s?n\s?e\s?r)?/i },
  { key: 'isOfficer', re: /O\s?f\s?f\s?i\s?c\s?e\s?r(?:\s*\(\s*give\s+title\s+below\s*\))?/i },
  { key: 'isOther', re: /O\s?t\s?h\s?e\s?r(?:\s*\(\s*specify\s+below\s*\))?/i },
];

interface LabelHit {
  box: Box;
  cell: Cell;
  /** Cleaned offsets of the label itself. */
  start: number;
  end: number;
}

interface Segment {
  cell: Cell;
  kind: 'label' | 'item' | 'filing' | 'caption' | 'fragment' | 'value';
}

export interface HeaderRead {
  owner: { name: string | null; address: Address; relationship: Relationship | null };
  issuerName: string | null;
  tradingSymbol: string | null;
  periodOfReport: string | null;
  dateOfOriginalSubmission: string | null;
  notSubjectToSection16: boolean | null;
  aff10b5One: boolean | null;
  /** How many box labels were found (the caller's "is this a form at all" test). */
  labels: number;
}

const OWNER = 'reportingOwners.0';
/** Boxes 1–6 sit in the first lines of any rendering; damaged labels are not looked for below. */
const MAX_FUZZY_LINE = 200;

/** `fuzzy`: look for damaged labels too (not for EDGAR's rendered page, whose labels a converter only wraps). */
export function readHeader(lines: Line[], input: string, sink: TextSink, fuzzy = true): HeaderRead {
  const cells: Cell[] = [];
  for (const line of lines) for (const cell of line.cells) if (cell.text !== '') cells.push(cell);

  const hits = findLabels(cells, sink, fuzzy);
  const hitOf = (box: Box) => hits.find((h) => h.box === box) ?? null;
  const labelCells = new Set(hits.map((h) => h.cell));

  // Classify every cell that no label starts.
  const segments: Segment[] = cells.map((cell) => {
    if (labelCells.has(cell)) return { cell, kind: 'label' };
    if (ITEM_START.test(cell.text)) return { cell, kind: 'item' };
    if (FILING_ITEM.test(cell.text)) return { cell, kind: 'filing' };
    if (isCaptionOnly(cell.text)) return { cell, kind: 'caption' };
    if (isLabelFragment(cell.text)) return { cell, kind: 'fragment' };
    return { cell, kind: 'value' };
  });

  // Cells that no label claims belong to the box whose label column they sit under.
  const nameHit = hitOf('name');
  const middleCol = Math.min(...['issuer', 'period', 'amendment'].map((b) => hitOf(b as Box)?.cell.index ?? Infinity));
  const rightCol = Math.min(...['relationship', 'filing'].map((b) => hitOf(b as Box)?.cell.index ?? Infinity));
  const groupOf = (cell: Cell): 'left' | 'middle' | 'right' =>
    cell.index >= rightCol ? 'right' : cell.index >= middleCol ? 'middle' : 'left';

  const result: HeaderRead = {
    owner: { name: null, address: emptyAddress(), relationship: null },
    issuerName: null,
    tradingSymbol: null,
    periodOfReport: null,
    dateOfOriginalSubmission: null,
    notSubjectToSection16: null,
    aff10b5One: null,
    labels: hits.length,
  };

  // Boxes 2, 3, 4: the value follows the label in its cell (or sits alone under it).
  const issuerHit = hitOf('issuer');
  if (issuerHit) readIssuer(issuerHit, sink, result);
  for (const box of ['period', 'amendment'] as const) {
    const hit = hitOf(box);
    if (!hit) continue;
    const field = box === 'period' ? 'periodOfReport' : 'dateOfOriginalSubmission';
    let found = readDateAfter(hit.end, hit.cell.end, sink, field);
    if (found === null) {
      // A date alone in a cell under the label, before the next label of that column.
      const after = segments.find(
        (s) => s.kind === 'value' && groupOf(s.cell) === 'middle' && s.cell.start > hit.end && DATE_IN.test(s.cell.text),
      );
      const next = hits.find((h) => h !== hit && h.cell.start > hit.end && groupOf(h.cell) === 'middle');
      if (after && (!next || after.cell.start < next.start)) {
        found = readDateAfter(after.cell.start, after.cell.end, sink, field, 0.8);
        if (found !== null) after.kind = 'fragment';
      }
    }
    result[field] = found;
  }

  // Box 1: the name, then the address, each closed by its printed caption.
  const box1: Piece[] = [];
  if (nameHit) box1.push({ text: sink.clean.text.slice(nameHit.end, nameHit.cell.end), start: nameHit.end });
  for (const s of segments) {
    if (nameHit && s.cell.start <= nameHit.start) continue;
    if (s.kind === 'caption' || (s.kind === 'value' && groupOf(s.cell) === 'left')) {
      box1.push({ text: s.cell.text, start: s.cell.start });
      s.kind = 'fragment';
    }
  }
  if (nameHit) readNameAndAddress(new Stream(box1), input, sink, result);

  // Box 5: check marks before each relationship, the title after them.
  const relHit = hitOf('relationship');
  const filingHit = hitOf('filing');
  const box5: Piece[] = [];
  if (relHit) box5.push({ text: sink.clean.text.slice(relHit.end, relHit.cell.end), start: relHit.end });
  for (const s of segments) {
    // Plain pdftotext may write a checked item ("__X__ Director") before box 5's label: an item is box 5's wherever it stands.
    if (relHit && s.cell.start <= relHit.start && !(sink.pdf && s.kind === 'item')) continue;
    const beforeFiling = !filingHit || s.cell.start < filingHit.start;
    if (s.kind === 'item' || (s.kind === 'value' && groupOf(s.cell) === 'right' && beforeFiling)) {
      box5.push({ text: s.cell.text, start: s.cell.start });
      s.kind = 'fragment';
    }
  }
  if (relHit || box5.length > 0) result.owner.relationship = readRelationship(new Stream(box5), sink);

  // Section 16 and 10b5-1 check boxes: read only when the rendering shows the box's state.
  const has16 = literalStarts('16', sink.clean.text);
  const has51 = literalStarts('5-1', sink.clean.text);
  for (const line of lines) {
    // Both sentences hold a figure ("16", "10b5-1"): a line without one is not tried.
    const j = line.joined;
    if (has16(line) && /no\s+longer\s+subject\s+to\s+Section\s+16/i.test(j)) {
      result.notSubjectToSection16 = checkState(line, sink, 'notSubjectToSection16');
    } else if (has51(line) && /10b5-1/i.test(j) && /check\s+this\s+box/i.test(j)) {
      result.aff10b5One = checkState(line, sink, 'aff10b5One');
    }
  }

  // Before box 1 the form prints its preamble (OMB box, title, Section 16 notice): no values.
  const firstLabel = Math.min(...hits.map((h) => h.cell.start));
  for (const s of segments) {
    if (s.kind !== 'value' || s.cell.start < firstLabel) continue;
    sink.report('TEXT_FRAGMENT_UNREAD', { value: s.cell.text, where: `header, line ${s.cell.line + 1}` }, null, s.cell.start, s.cell.end);
  }
  return result;
}

function findLabels(cells: Cell[], sink: TextSink, fuzzy: boolean): LabelHit[] {
  const hits: LabelHit[] = [];
  for (const spec of LABELS) {
    let hit: LabelHit | null = null;
    for (const cell of cells) {
      if (!spec.core.test(cell.text)) continue;
      const m = spec.re.exec(cell.text);
      if (m) {
        hit = { box: spec.box, cell, start: cell.start + m.index, end: cell.start + m.index + m[0].length };
        break;
      }
    }
    if (!hit && fuzzy) {
      // Edit-distance matching is the slow path: only where a form's header can be.
      for (const cell of cells) {
        if (cell.line > MAX_FUZZY_LINE) break;
        if (cell.text.length < spec.fuzzy.length * 0.7 || cell.text.length > 400) continue;
        const f = fuzzyFind(cell.text, spec.fuzzy, 0.2);
        if (!f) continue;
        hit = { box: spec.box, cell, start: cell.start + f.start, end: cell.start + f.end };
        sink.report('TEXT_LABEL_DAMAGED', { label: spec.printed, seen: cell.text.slice(f.start, f.end) }, null, hit.start, hit.end);
        break;
      }
    }
    if (hit) hits.push(hit);
  }
  return hits;
}

/** A caption's word and its ')': what a cell of captions holds. */
const CAPTION_WORD = /(?:last|first|middle|street|city|state|zip)\)/i;
/** What no caption, parenthesis or white space is: a cell holding one is no cell of captions. */
const NOT_CAPTION = /[^A-Za-z()\s]/;

/**
 * Whether the cell holds only captions ("(City) (State) (Zip)"). A cell with a character no caption
 * is made of (a digit, a comma) is none: it is not searched for a caption word, most cells with a
 * ')' fail there.
 */
function isCaptionOnly(text: string): boolean {
  if (!text.includes(')') || NOT_CAPTION.test(text) || !CAPTION_WORD.test(text)) return false;
  return text.replace(CAPTION, '').replace(/[\s()]/g, '') === '';
}

/**
 * Every word of the text (its runs of [a-z0-9%], lowercased) is a piece of a label's words; scanned by
 * hand, stopping at the first that is not. ASCII is lowercased character by character as it is
 * scanned; at the first other character the text is lowercased whole and scanned again, as
 * toLowerCase may turn a character into letters ('K' Kelvin sign → 'k') or into more than one
 * ('İ' → 'i̇'). A word whose start is no piece is none whatever follows it (a piece's prefix is a
 * piece): the ASCII words before are answered rightly either way.
 */
export function isLabelFragment(text: string): boolean {
  const pieces = piecesOf(text, true);
  return pieces === -1 ? piecesOf(text.toLowerCase(), false) === 1 : pieces === 1;
}

/**
 * 1 when every word of the text (A-Z read as a-z) is a label piece, 0 when one is not; with
 * `asciiOnly`, -1 at a character past ASCII before that (else such a character parts words).
 */
function piecesOf(t: string, asciiOnly: boolean): number {
  let node = 0;
  for (let i = 0; i < t.length; i++) {
    let c = t.charCodeAt(i);
    if (c >= 128 && asciiOnly) return -1;
    if (c >= 65 && c <= 90) c += 32;
    if (!isWordChar(c)) {
      node = 0;
      continue;
    }
    node = trieStep(LABEL_PIECES, node, c);
    if (node === 0) return 0;
  }
  return 1;
}

function readIssuer(hit: LabelHit, sink: TextSink, out: HeaderRead): void {
  const text = sink.clean.text;
  let a = hit.end;
  let b = hit.cell.end;
  while (a < b && /\s/.test(text[a] as string)) a++;
  // Old layouts print box 2a (the foreign trading symbol) in the same cell, after the issuer.
  const foreign = /\s*(?:\b2a\.\s*)?Foreign\s+Trading\s+Symbol\b/i.exec(text.slice(a, b));
  if (foreign) b = a + foreign.index;
  const value = text.slice(a, b);
  if (value === '') return;
  const m = /^(.*?)\s*\[\s*([^\]]*?)\s*\]\s*$/.exec(value);
  if (m) {
    const name = (m[1] as string).trim();
    if (name !== '') {
      out.issuerName = name;
      sink.set('issuer.name', a, a + name.length, 1);
    }
    const symbol = m[2] as string;
    if (symbol !== '') {
      out.tradingSymbol = symbol;
      const at = a + value.indexOf(symbol, (m[1] as string).length);
      sink.set('issuer.tradingSymbol', at, at + symbol.length, 1);
    }
    return;
  }
  out.issuerName = value.trim();
  sink.set('issuer.name', a, b, 1);
  sink.report('TEXT_SYMBOL_MISSING', { value: value.trim() }, 'issuer.tradingSymbol', a, b);
}

function readDateAfter(from: number, to: number, sink: TextSink, path: string, confidence = 1): string | null {
  const text = sink.clean.text.slice(from, to);
  const m = DATE_IN.exec(text);
  if (!m) return null;
  const r = toUsDate(m[0]);
  const start = from + m.index;
  if (r.problem === 'impossible') sink.report('FORM4_DATE_IMPOSSIBLE', { value: m[0], field: path }, path, start, start + m[0].length);
  if (r.value !== null) sink.set(path, start, start + m[0].length, confidence);
  return r.value;
}

/** An address with every field null: the box is printed, its values are filled as read. */
export function emptyAddress(): Address {
  return {
    street1: null,
    street2: null,
    city: null,
    state: null,
    zipCode: null,
    stateDescription: null,
    country: null,
    nonUSStateTerritory: null,
    nonUSAddress: null,
  };
}

/** Splits box 1 at its captions: name (Last)(First)(Middle) street (Street) city state zip (City)(State)(Zip). */
function readNameAndAddress(stream: Stream, input: string, sink: TextSink, out: HeaderRead): void {
  const s = stream.text;
  const parts: { kind: 'name' | 'street' | 'city'; from: number; to: number }[] = [];
  let from = 0;
  let lastKind: 'name' | 'street' | 'city' | null = null;
  let captionsSeen = false;
  // The captions by exec on the global CAPTION (from lastIndex 0, left there when done): matchAll would copy the regex.
  CAPTION.lastIndex = 0;
  for (let m = CAPTION.exec(s); m !== null; m = CAPTION.exec(s)) {
    const word = (m[1] as string).toLowerCase();
    const kind = word === 'last' || word === 'first' || word === 'middle' ? 'name' : word === 'street' ? 'street' : 'city';
    captionsSeen = true;
    if (kind !== lastKind) {
      parts.push({ kind, from, to: m.index });
      lastKind = kind;
    }
    from = m.index + m[0].length;
  }
  if (!captionsSeen) parts.push({ kind: 'name', from: 0, to: s.length });

  for (const part of parts) {
    const value = s.slice(part.from, part.to).replace(/\s+/g, ' ').trim();
    if (value === '') continue;
    const [cs, ce] = stream.range(part.from, part.to);
    if (part.kind === 'name') {
      out.owner.name = value;
      sink.set(OWNER + '.name', cs, ce, 1);
    } else if (part.kind === 'street') {
      readStreet(value, cs, ce, input, sink, out.owner.address);
    } else {
      readCityLine(value, cs, ce, sink, out.owner.address);
    }
  }
}

const STREET_NUMBER = /\s(\d+[A-Z]?(?:-\d+)?)\s+\S/g;
const NOT_A_STREET_START = /\b(?:BOX|SUITE|STE|FLOOR|FL|UNIT|APT|NO|ROOM|RM|#)\.?$/i;

function readStreet(value: string, cs: number, ce: number, input: string, sink: TextSink, address: Address): void {
  const AP = OWNER + '.address';
  // Two lines the HTML kept apart (`<u>line 1</u> <u>line 2</u>`, `<br>`) stay apart.
  const [ia, ib] = sink.inputRange(cs, ce);
  const raw = input.slice(ia, ib);
  const boundary = /<\/u>\s*<u>|<br\s*\/?>|<hr\s*\/?>|<\/a>\s*<a\b/i.exec(raw);
  if (boundary) {
    const cut = sink.cleanOffset(ia + boundary.index);
    const first = sink.clean.text.slice(cs, cut).trim();
    const second = sink.clean.text.slice(cut, ce).trim();
    if (first !== '' && second !== '') {
      address.street1 = first;
      address.street2 = second;
      sink.set(AP + '.street1', cs, cs + sink.clean.text.slice(cs, cut).trimEnd().length, 1);
      const s2 = ce - second.length;
      sink.set(AP + '.street2', s2, ce, 1);
      return;
    }
  }
  // "C/O SONUS NETWORKS, INC. 5 CARLISLE ROAD": a care-of line run into the street line.
  // Split before the first street number when the text before it holds no digit.
  STREET_NUMBER.lastIndex = 0;
  const m = STREET_NUMBER.exec(value);
  if (m) {
    const before = value.slice(0, m.index).trim();
    if (before !== '' && !/\d/.test(before) && !NOT_A_STREET_START.test(before)) {
      const after = value.slice(m.index + 1).trim();
      address.street1 = before;
      address.street2 = after;
      const text = sink.clean.text.slice(cs, ce);
      const at = cs + text.lastIndexOf(after.slice(0, Math.min(after.length, 12)));
      sink.set(AP + '.street1', cs, cs + before.length, 0.7);
      sink.set(AP + '.street2', at, ce, 0.7);
      sink.report('TEXT_ADDRESS_SPLIT_INFERRED', { value, street1: before, street2: after }, AP + '.street1', cs, ce);
      return;
    }
  }
  address.street1 = value;
  sink.set(AP + '.street1', cs, ce, 1);
}

function readCityLine(value: string, cs: number, ce: number, sink: TextSink, address: Address): void {
  const AP = OWNER + '.address';
  const text = sink.clean.text.slice(cs, ce);
  const words = value.replace(/,/g, ' ').split(/\s+/).filter((w) => w !== '');
  let zip: string | null = null;
  if (words.length > 0 && /^\d{5}(?:-\d{4})?$/.test(words[words.length - 1] as string)) zip = words.pop() as string;
  let state: string | null = null;
  let stateWords = 0;
  const last = words[words.length - 1];
  if (last !== undefined && last.length === 2 && isUsStateCode(last)) {
    state = last.toUpperCase();
    stateWords = 1;
  } else {
    for (let k = Math.min(MAX_STATE_NAME_WORDS, words.length); k >= 1; k--) {
      const code = usStateCodeOf(words.slice(words.length - k).join(' '));
      if (code) {
        state = code;
        stateWords = k;
        break;
      }
    }
  }
  const stateText = words.slice(words.length - stateWords).join(' ');
  words.length -= stateWords;
  const city = words.join(' ').trim();
  if (zip === null && state === null) {
    sink.report('TEXT_ADDRESS_UNREAD', { value, kept: 'it was kept as the city' }, AP + '.city', cs, ce);
  }
  if (city !== '') {
    address.city = city;
    const at = text.indexOf(words[0] as string);
    const endWord = words[words.length - 1] as string;
    const end = text.indexOf(endWord, at) + endWord.length;
    sink.set(AP + '.city', cs + at, cs + end, zip === null && state === null ? 0.5 : 1);
  }
  if (state !== null) {
    address.state = state;
    const at = text.toUpperCase().lastIndexOf(stateText.toUpperCase(), zip === null ? text.length : text.lastIndexOf(zip));
    sink.set(AP + '.state', cs + at, cs + at + stateText.length, 1);
  }
  if (zip !== null) {
    address.zipCode = zip;
    const at = text.lastIndexOf(zip);
    sink.set(AP + '.zipCode', cs + at, cs + at + zip.length, 1);
  }
}

function readRelationship(stream: Stream, sink: TextSink): Relationship {
  const RP = OWNER + '.relationship';
  const s = stream.text;
  const rel: Relationship = { isDirector: false, isOfficer: false, isTenPercentOwner: false, isOther: false, officerTitle: null, otherText: null };
  const found: { key: (typeof ITEMS)[number]['key']; start: number; end: number }[] = [];
  for (const item of ITEMS) {
    const m = item.re.exec(s);
    if (m) found.push({ key: item.key, start: m.index, end: m.index + m[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  let prevEnd = 0;
  for (const f of found) {
    const between = s.slice(prevEnd, f.start);
    const checked = MARK_CHECKED.test(between);
    rel[f.key] = checked;
    const markAt = checked ? prevEnd + between.search(/[☒☑✓✔[xX_]/) : f.start;
    const [cs, ce] = stream.range(Math.max(prevEnd, markAt), f.end);
    // Unchecked: the label is printed with no mark (an inference from the absence of one).
    sink.set(RP + '.' + f.key, cs, ce, checked ? 1 : 0.8);
    prevEnd = f.end;
  }
  // Keys of boxes this rendering does not print at all are still false: box 5 prints all four.
  const tail = s.slice(prevEnd);
  const title = tail
    .split(/\s{2,}/)
    .map((t) => t.trim())
    .filter((t) => t !== '' && !isLabelFragment(t) && t !== CHECKED && t !== UNCHECKED)
    .join(' ');
  if (title !== '') {
    const at = prevEnd + tail.indexOf(title.slice(0, Math.min(8, title.length)));
    const [cs, ce] = stream.range(at, at + title.length);
    let field: 'officerTitle' | 'otherText' = 'officerTitle';
    if (rel.isOther && !rel.isOfficer) field = 'otherText';
    else if (rel.isOther && rel.isOfficer) {
      sink.report('TEXT_RELATIONSHIP_TITLE_AMBIGUOUS', { value: title, why: 'where Officer and Other are both checked', field }, RP + '.' + field, cs, ce);
    } else if (!rel.isOfficer) {
      sink.report('TEXT_RELATIONSHIP_TITLE_AMBIGUOUS', { value: title, why: 'where neither Officer nor Other is checked', field }, RP + '.' + field, cs, ce);
    }
    rel[field] = title;
    sink.set(RP + '.' + field, cs, ce, 1);
  }
  return rel;
}

function checkState(line: Line, sink: TextSink, path: string): boolean | null {
  const text = line.joined;
  const checked = /☒|☑|✔|\[\s*[xX]\s*\]|^\s*[xX]\s/.exec(text);
  const unchecked = /☐|\[\s*\]/.exec(text);
  const m = checked ?? unchecked;
  if (!m) return null;
  const at = line.text.indexOf(m[0].trim());
  if (at >= 0) sink.set(path, line.start + at, line.start + at + m[0].trim().length, 1);
  return checked !== null;
}
