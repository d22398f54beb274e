// The text a filing was read from, with every value's span marked (provenance) and the
// spans of issues underlined. Spans overlap (a transaction code and its equity-swap flag
// come from one cell), so the text is cut at every span boundary and each piece knows
// every path it belongs to.
//
//   text:      "10/22/2003  M  4,000  A"
//   spans:      [--date---]  ^  [sh-]  ^
//   pieces:     [date] " " [code] " " [shares] " " [a/d]
import type { Issue, Provenance } from '../record/schema.ts';

/** What the source panel needs of an issue: where it is and what it says. */
export type SpanIssue = Pick<Issue, 'code' | 'severity' | 'message'> & { span?: Issue['span'] | undefined };
import { h } from './dom.ts';

export interface SourceView {
  element: HTMLElement;
  /** Marks the spans of these paths and scrolls the first into view; [] clears. */
  highlight(paths: readonly string[]): void;
  /** Called with the paths under the pointer (or the focused piece) in the source. */
  onHover(listener: (paths: string[]) => void): void;
  /** Paths that have a span in this text. */
  readonly paths: ReadonlySet<string>;
}

interface Piece {
  start: number;
  end: number;
  paths: string[];
  issues: SpanIssue[];
}

function pieces(length: number, provenance: Record<string, Provenance>, issues: SpanIssue[]): Piece[] {
  const clamp = (n: number) => Math.max(0, Math.min(length, n));
  const marks: { start: number; end: number; path?: string; issue?: SpanIssue }[] = [];
  for (const [path, p] of Object.entries(provenance)) {
    const start = clamp(p.span.start.offset);
    const end = clamp(p.span.end.offset);
    if (end > start) marks.push({ start, end, path });
  }
  for (const issue of issues) {
    if (!issue.span) continue;
    const start = clamp(issue.span.start.offset);
    // An issue at a point (a missing value) is shown on the character it points at.
    const end = Math.max(clamp(issue.span.end.offset), Math.min(length, start + 1));
    if (end > start) marks.push({ start, end, issue });
  }
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let i = 0; i + 1 < sorted.length; i++) {
    const start = sorted[i] as number;
    const end = sorted[i + 1] as number;
    const over = marks.filter((m) => m.start <= start && m.end >= end);
    out.push({
      start,
      end,
      paths: over.flatMap((m) => (m.path ? [m.path] : [])),
      issues: over.flatMap((m) => (m.issue ? [m.issue] : [])),
    });
  }
  return out;
}

export function sourceView(text: string, provenance: Record<string, Provenance>, issues: SpanIssue[] = []): SourceView {
  const code = h('code', null);
  const listeners: ((paths: string[]) => void)[] = [];
  const byPath = new Map<string, HTMLElement[]>();
  for (const piece of pieces(text.length, provenance, issues)) {
    const part = text.slice(piece.start, piece.end);
    if (piece.paths.length === 0 && piece.issues.length === 0) {
      code.appendChild(document.createTextNode(part));
      continue;
    }
    const classes = [piece.paths.length ? 'prov' : '', piece.issues.length ? `issue-span ${piece.issues.some((i) => i.severity === 'error') ? 'error' : 'warning'}` : '']
      .filter(Boolean)
      .join(' ');
    const title = [...piece.paths, ...piece.issues.map((i) => `${i.code}: ${i.message}`)].join('\n');
    const el = h('span', { class: classes, 'data-paths': piece.paths.join(' ') || undefined, title }, part);
    for (const path of piece.paths) {
      const list = byPath.get(path) ?? [];
      list.push(el);
      byPath.set(path, list);
    }
    code.appendChild(el);
  }
  const lines = text.split('\n').length;
  const gutter = h('pre', { class: 'gutter', 'aria-hidden': 'true' }, Array.from({ length: lines }, (_, i) => String(i + 1)).join('\n'));
  const pre = h('pre', { class: 'source-text' }, code);
  const scroller = h('div', { class: 'source-scroll', tabindex: '0', role: 'region', 'aria-label': 'Source text' }, h('div', { class: 'source-lines' }, gutter, pre));

  let lit: HTMLElement[] = [];
  const highlight = (paths: readonly string[]) => {
    for (const el of lit) el.classList.remove('hl');
    lit = paths.flatMap((p) => byPath.get(p) ?? []);
    for (const el of lit) el.classList.add('hl');
    const first = lit[0];
    if (first) {
      // Scroll the source panel only, never the page: the field being hovered stays put.
      const top = first.offsetTop - scroller.clientHeight / 3;
      const left = first.offsetLeft - scroller.clientWidth / 3;
      const visibleY = first.offsetTop >= scroller.scrollTop && first.offsetTop + first.offsetHeight <= scroller.scrollTop + scroller.clientHeight;
      const visibleX = first.offsetLeft >= scroller.scrollLeft && first.offsetLeft + first.offsetWidth <= scroller.scrollLeft + scroller.clientWidth;
      if (!visibleY) scroller.scrollTop = Math.max(0, top);
      if (!visibleX) scroller.scrollLeft = Math.max(0, left);
    }
  };
  pre.addEventListener('mouseover', (event) => {
    const target = (event.target as Element).closest<HTMLElement>('[data-paths]');
    const paths = target?.dataset.paths?.split(' ') ?? [];
    if (paths.length) for (const l of listeners) l(paths);
  });
  // offsetTop is measured from the nearest positioned ancestor: the scroller.
  scroller.style.position = 'relative';
  return {
    element: scroller,
    highlight,
    onHover: (listener) => listeners.push(listener),
    paths: new Set(byPath.keys()),
  };
}
