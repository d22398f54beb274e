// Undoes what HTML-to-text converters leave in a rendering (tags, escapes, entities,
// superscript footnote marks, checkbox inputs) while remembering where each character came from.
//
//   <u><a href="#">OHARA</a></u>  \$0.25  05/19/2001 ⁽¹⁾  <input checked="" type="checkbox"/> Officer
//   → "OHARA"                    "$0.25"  "05/19/2001 (1)"  "☒ Officer"
//
// Tabs and newlines are kept: they are the cell and row structure the readers work on.

/** The cleaned text and, for each of its characters, the offset it came from in the input. */
export interface CleanText {
  readonly text: string;
  /** `origin[i]` is the input offset of cleaned character i; `origin[text.length]` is the input's length. */
  readonly origin: Int32Array;
  /**
   * For a text laid out anew before cleaning (pandoc's grid tables flattened): the input column
   * of each cleaned character in its laid-out line, which its origin no longer gives.
   */
  readonly column?: Int32Array;
}

export const CHECKED = '☒';
export const UNCHECKED = '☐';

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>\n]{0,300}?(\/?)>/y;
const ENTITY = /&(amp|lt|gt|quot|apos|nbsp|#\d{1,6}|#x[0-9a-fA-F]{1,6});/y;
/** pandoc's `[text](#id)` and `[text]{#id}` around marks and anchors; only short texts. */
const LINK = /\[((?:\\.|[^\]\\\n]){0,24})\](?:\(#[^)\s]{0,24}\)|\{#[^}\s]{0,24}\})/y;
const SPECIAL = /[<\\*&\r^[\u00a0-\uffff]/g;
const ESCAPABLE = '\\`*_{}[]()#+-.!$<>|~"\'';
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
/** Tags that separate words in the HTML; the others (u, a, b, font, span, ...) are inline. */
const BREAKING = new Set(['br', 'hr', 'p', 'div', 'td', 'th', 'tr', 'li', 'table']);
const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** The `**` that closes a bold text opened by the `**` at `at` on the same line, or -1. */
function boldCloseOf(input: string, at: number): number {
  if (/\s/.test(input[at + 2] ?? ' ')) return -1;
  const close = input.indexOf('**', at + 2);
  if (close === -1 || /\s/.test(input[close - 1] ?? ' ')) return -1;
  const eol = input.indexOf('\n', at);
  return eol !== -1 && eol < close ? -1 : close;
}

/** identity(n)[k] === k for k < n: the origins of copied runs; kept for inputs up to IDENTITY_MAX characters. */
const IDENTITY_MAX = 1 << 20;
let IDENTITY = new Int32Array(0);
function identity(n: number): Int32Array {
  if (IDENTITY.length < n) {
    IDENTITY = new Int32Array(Math.min(IDENTITY_MAX, Math.max(n, 2 * IDENTITY.length, 1 << 16)));
    for (let k = 0; k < IDENTITY.length; k++) IDENTITY[k] = k;
  }
  return IDENTITY;
}

/** A map of origins not made yet (cleanText's until its first change). */
const EMPTY = new Int32Array(0);

/** Room in cleanText's map of origins past the input's length: 64 bare superscript marks' worth. */
const ORIGIN_SLACK = 128;
/** A copied run this short has its origins set by hand. */
const SHORT_RUN = 32;

/**
 * The cleaned text of a rendering, with the input offset of each of its characters. Where
 * nothing needed cleaning (most of pdftotext's pages), the text is the input and its origins
 * are a view of a table of offsets shared by every such call: origins are only ever read.
 */
export function cleanText(input: string): CleanText {
  const out: string[] = [];
  // Every change but one keeps the text's length or shortens it: a bare superscript mark (one
  // character) becomes three, (1), and the map grows there when it must. It starts with room for
  // a few dozen such marks: growing it (a copy of the whole map) cost more than the room. It is
  // made at the first change: a text without one needs none.
  let origin = EMPTY;
  let n = 0;
  const emit = (s: string, from: number): void => {
    for (let k = 0; k < s.length; k++) origin[n + k] = from;
    out.push(s);
    n += s.length;
  };
  let copyFrom = 0;
  const flush = (to: number): void => {
    if (origin === EMPTY) origin = new Int32Array(input.length + 1 + ORIGIN_SLACK);
    if (to <= copyFrom) return;
    // A copied run's origins are its input offsets: copied in one go from a table of offsets (a
    // short run by hand: a view of the table costs more than its few offsets).
    if (to - copyFrom <= SHORT_RUN) {
      for (let k = copyFrom; k < to; k++) origin[n++] = k;
    } else if (to <= IDENTITY_MAX) {
      origin.set(identity(to).subarray(copyFrom, to), n);
      n += to - copyFrom;
    } else {
      for (let k = copyFrom; k < to; k++) origin[n++] = k;
    }
    out.push(input.slice(copyFrom, to));
  };

  let i = 0;
  const len = input.length;
  /** Where the `**` closing the bold text being read stands. */
  let boldClose = -1;
  while (i < len) {
    // Fast path: plain characters are copied in runs, up to the next one that may need work.
    SPECIAL.lastIndex = i;
    if (!SPECIAL.test(input)) break;
    i = SPECIAL.lastIndex - 1;
    const c = input.charCodeAt(i);
    const ch = input[i] as string;
    if (ch === '<') {
      TAG.lastIndex = i;
      const m = TAG.exec(input);
      if (m) {
        flush(i);
        const name = (m[2] as string).toLowerCase();
        if (name === 'input') emit(/\bchecked\b/i.test(m[0]) ? CHECKED : UNCHECKED, i);
        else if (BREAKING.has(name)) emit(' ', i);
        i += m[0].length;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '^') {
      // A superscript caret (w3m, lynx: "^(1)"; pandoc: "^[\*\*](#**)^") is dropped; the mark stays.
      const next = input[i + 1];
      const prev = input[i - 1];
      if (next === '(' || next === '[' || next === ' ' || next === '\n' || next === undefined || prev === ')' || prev === ']' || prev === '*') {
        flush(i);
        i++;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '[') {
      // pandoc's links and spans around footnote marks: "[^(1)^](#F1)", "[\*]{##*}", "([]{##F1}1)".
      LINK.lastIndex = i;
      const m = LINK.exec(input);
      if (m) {
        flush(i);
        const inner = (m[1] as string).replace(/\\(.)/g, '$1').replace(/\^/g, '');
        emit(inner, i + 1);
        i += m[0].length;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = input[i + 1];
      const after = input[i + 2];
      if (next === '\n' || next === undefined || (next === ' ' && (after === ' ' || after === '\n' || after === undefined))) {
        // pandoc's hard line break: a backslash at the end of a line (or of a table cell's line,
        // padded with spaces); "US BANCORP \DE\ [USB]" keeps its backslash.
        flush(i);
        emit(' ', i);
        i++;
        copyFrom = i;
        continue;
      }
      if (next !== undefined && ESCAPABLE.includes(next)) {
        flush(i);
        emit(next, i + 1);
        i += 2;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '*') {
      // Markdown bold `**text**` on one line; an escaped `\*\*` was handled above and stays, and
      // so does a lone `**` (a footnote mark in plain text: "/s/** George D. Yancopoulos").
      const close = input[i + 1] === '*' && i !== boldClose ? boldCloseOf(input, i) : -1;
      if (input[i + 1] === '*' && (i === boldClose || close !== -1)) {
        boldClose = close;
        flush(i);
        i += 2;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (ch === '&') {
      ENTITY.lastIndex = i;
      const m = ENTITY.exec(input);
      if (m) {
        flush(i);
        const e = m[1] as string;
        const code = e.startsWith('#x') ? parseInt(e.slice(2), 16) : e.startsWith('#') ? parseInt(e.slice(1), 10) : -1;
        const s = code === -1 ? (NAMED[e] as string) : code === 0xa0 ? ' ' : String.fromCodePoint(code);
        emit(s, i);
        i += m[0].length;
        copyFrom = i;
        continue;
      }
      i++;
      continue;
    }
    if (c === 13) {
      flush(i);
      i++;
      copyFrom = i;
      continue;
    }
    if (c === 0xa0) {
      flush(i);
      emit(' ', i);
      i++;
      copyFrom = i;
      continue;
    }
    if (ch === '⁽' || SUPERSCRIPT_DIGITS.includes(ch)) {
      // ⁽¹⁾ or a bare ¹: a footnote mark, written as (1).
      let j = ch === '⁽' ? i + 1 : i;
      const from = j;
      while (j < len && SUPERSCRIPT_DIGITS.includes(input[j] as string)) j++;
      if (j === from) {
        i++;
        continue;
      }
      flush(i);
      // Room for the mark (its characters and two more) and the rest of the input copied as it is.
      if (origin.length < n + len - i + 3) {
        const grown = new Int32Array(Math.max(2 * origin.length, n + len - i + 3));
        grown.set(origin);
        origin = grown;
      }
      emit('(', i);
      for (let k = from; k < j; k++) emit(String(SUPERSCRIPT_DIGITS.indexOf(input[k] as string)), k);
      if (input[j] === '⁾') j++;
      emit(')', j - 1);
      i = j;
      copyFrom = i;
      continue;
    }
    i++;
  }
  if (origin === EMPTY && len < IDENTITY_MAX) return { text: input, origin: identity(len + 1).subarray(0, len + 1) };
  flush(len);
  origin[n] = len;
  origin = origin.subarray(0, n + 1);
  return { text: out.join(''), origin };
}
