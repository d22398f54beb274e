// A small element tree over htmlparser2's tokens, every node keeping its offsets in the
// input, and the cell-reading helpers the HTML reader needs (text, line breaks, footnote marks).
import { Parser } from 'htmlparser2';

export interface HtmlText {
  readonly kind: 'text';
  data: string;
  /** Offsets of the raw text in the input (entities undecoded), end exclusive. */
  readonly start: number;
  end: number;
}

export interface HtmlElement {
  readonly kind: 'element';
  readonly name: string;
  readonly attribs: Record<string, string>;
  readonly children: HtmlNode[];
  readonly parent: HtmlElement | null;
  readonly start: number;
  end: number;
}

export type HtmlNode = HtmlElement | HtmlText;

/** Parses `text` into a tree under a synthetic `#root` element. Never throws on bad markup. */
export function parseHtml(text: string): HtmlElement {
  const root: HtmlElement = { kind: 'element', name: '#root', attribs: {}, children: [], parent: null, start: 0, end: text.length };
  let current = root;
  const parser: Parser = new Parser(
    {
      onopentag(name, attribs) {
        const el: HtmlElement = { kind: 'element', name, attribs, children: [], parent: current, start: parser.startIndex, end: parser.endIndex + 1 };
        current.children.push(el);
        current = el;
      },
      onclosetag() {
        current.end = parser.endIndex + 1;
        current = current.parent ?? root;
      },
      ontext(data) {
        const start = parser.startIndex;
        const end = parser.endIndex + 1;
        const last = current.children[current.children.length - 1];
        // Entities arrive as separate text events; join the pieces of one run of text.
        if (last && last.kind === 'text' && last.end === start) {
          last.data += data;
          last.end = end;
        } else current.children.push({ kind: 'text', data, start, end });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(text);
  return root;
}

/** Every descendant element named `name`, in document order. */
export function descendants(el: HtmlElement, name: string, out: HtmlElement[] = []): HtmlElement[] {
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (child.name === name) out.push(child);
    descendants(child, name, out);
  }
  return out;
}

/** Child elements named `name` (or any of `names`). */
export function childElements(el: HtmlElement, ...names: string[]): HtmlElement[] {
  const out: HtmlElement[] = [];
  for (const child of el.children) if (child.kind === 'element' && names.includes(child.name)) out.push(child);
  return out;
}

/** The rows of a table: `<tr>` children, also those inside `<thead>`/`<tbody>`/`<tfoot>`. */
export function tableRows(table: HtmlElement): HtmlElement[] {
  const rows: HtmlElement[] = [];
  for (const child of table.children) {
    if (child.kind !== 'element') continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot') rows.push(...childElements(child, 'tr'));
  }
  return rows;
}

export function rowCells(row: HtmlElement): HtmlElement[] {
  return childElements(row, 'td', 'th');
}

const textCache = new WeakMap<HtmlElement, string>();
/** White space that collapsing changes: a run of two, or another space than " ". */
const SPACE_TO_COLLAPSE = /\s\s|[^\S ]/;

/** White space collapsed to single spaces, trimmed; most texts have none to collapse, and are only trimmed. */
export function collapseSpace(text: string): string {
  return SPACE_TO_COLLAPSE.test(text) ? text.replace(/\s+/g, ' ').trim() : text.trim();
}

/** All text under `el`, whitespace collapsed: for recognising labels, not for values. */
export function labelText(el: HtmlElement): string {
  let cached = textCache.get(el);
  if (cached === undefined) {
    cached = collapseSpace(rawText(el));
    textCache.set(el, cached);
  }
  return cached;
}

function rawText(el: HtmlElement): string {
  let s = '';
  for (const child of el.children) {
    if (child.kind === 'text') s += child.data;
    else if (child.name === 'br') s += ' ';
    else s += rawText(child);
  }
  return s;
}

/**
 * A value read from part of the page: its text (line breaks from `<br>` kept as `\n`,
 * trimmed), the offsets of that text in the input, and the footnote ids marked on it.
 */
export interface CellValue {
  text: string;
  start: number;
  end: number;
  footnotes: string[];
}

/**
 * Reads the nodes `nodes` as one value. Footnote marks (`<sup>(1)</sup>`, `<a href="#F1">`)
 * become ids and are left out of the text; other `<sup>` marks (`*`) are dropped.
 */
export function readNodes(nodes: readonly HtmlNode[], input: string): CellValue {
  const acc: Acc = { text: '', start: -1, end: -1, footnotes: [], input };
  for (const node of nodes) collect(node, acc);
  return { text: acc.text.replace(/[ \t\r\f\v\u00a0]*\n[ \t\r\f\v\u00a0]*/g, '\n').trim(), start: acc.start, end: acc.end, footnotes: acc.footnotes };
}

export function readCell(el: HtmlElement, input: string): CellValue {
  return readNodes(el.children, input);
}

interface Acc {
  text: string;
  start: number;
  end: number;
  footnotes: string[];
  input: string;
}

const FOOTNOTE_MARK = /^\(?\s*(\d+)\s*\)?$/;
const SPACE = /\s/;

function collect(node: HtmlNode, acc: Acc): void {
  if (node.kind === 'text') {
    acc.text += node.data;
    // The value's span covers raw input from its first to its last non-space character.
    let s = node.start;
    let e = node.end;
    while (s < e && SPACE.test(acc.input[s] as string)) s++;
    while (e > s && SPACE.test(acc.input[e - 1] as string)) e--;
    if (s < e) {
      if (acc.start === -1) acc.start = s;
      acc.end = e;
    }
    return;
  }
  if (node.name === 'br') {
    acc.text += '\n';
    return;
  }
  const mark = footnoteMark(node);
  if (mark !== undefined) {
    if (mark !== null && !acc.footnotes.includes(mark)) acc.footnotes.push(mark);
    return;
  }
  for (const child of node.children) collect(child, acc);
}

/**
 * `F1` for a footnote mark element, null for another mark (`*`, `**`) that carries no
 * footnote, undefined for an element that is not a mark.
 */
export function footnoteMark(el: HtmlElement): string | null | undefined {
  if (el.name === 'a') {
    const href = el.attribs.href ?? '';
    const m = /^#(F\d+)$/i.exec(href);
    if (m) return (m[1] as string).toUpperCase();
    if (href === '#*' || href === '#**') return null;
    return undefined;
  }
  if (el.name === 'sup') {
    const t = labelText(el);
    const m = FOOTNOTE_MARK.exec(t);
    if (m) return 'F' + (m[1] as string);
    return t === '' || /^\*+$/.test(t) ? null : undefined;
  }
  return undefined;
}

/** The first element after `el` in document order (descendants of `el` excluded) that `test` accepts. */
export function nextElement(el: HtmlElement, test: (e: HtmlElement) => boolean): HtmlElement | null {
  let node: HtmlElement = el;
  for (;;) {
    const parent = node.parent;
    if (!parent) return null;
    const i = parent.children.indexOf(node);
    for (let j = i + 1; j < parent.children.length; j++) {
      const sib = parent.children[j] as HtmlNode;
      if (sib.kind !== 'element') continue;
      if (test(sib)) return sib;
      const found = firstDescendant(sib, test);
      if (found) return found;
    }
    node = parent;
  }
}

export function firstDescendant(el: HtmlElement, test: (e: HtmlElement) => boolean): HtmlElement | null {
  for (const child of el.children) {
    if (child.kind !== 'element') continue;
    if (test(child)) return child;
    const found = firstDescendant(child, test);
    if (found) return found;
  }
  return null;
}

export function ancestor(el: HtmlElement, name: string): HtmlElement | null {
  let p = el.parent;
  while (p && p.name !== name) p = p.parent;
  return p;
}
