// What a reader made of one filing: the printed form, its issues, every value with the
// place it was read from, and the source text. Hovering (or focusing) a value anywhere
// lights up its span in the source; hovering the source lights up the values read there.
import type { Issue, OwnershipRecord, Provenance } from '../record/schema.ts';
import { dataTable } from './data-table.ts';
import { h, type Child } from './dom.ts';
import { formView } from './form-view.ts';
import { sourceView, type SourceView } from './source-view.ts';

/** An issue as the API gives it: with a span (a parse) or with a line and column (the store). */
export interface ShownIssue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  path: (string | number)[] | null;
  span?: Issue['span'];
  line?: number | null;
  column?: number | null;
}

export interface ReadViewInput {
  record: OwnershipRecord | null;
  issues: ShownIssue[];
  provenance?: Record<string, Provenance> | null | undefined;
  /** The text the spans point into; without it no source panel is drawn. */
  text?: string | null | undefined;
}

/** The record's value at a dotted path (`nonDerivativeTransactions.0.shares`). */
export function valueAt(record: unknown, path: string): unknown {
  let value: unknown = record;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

function shownValue(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return '';
  if (Array.isArray(v)) return v.join(', ');
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

export function severityBadge(severity: string): HTMLElement {
  return h('span', { class: `badge sev-${severity}` }, severity);
}

function where(issue: ShownIssue): string {
  if (issue.span) return `${issue.span.start.line}:${issue.span.start.column}`;
  if (issue.line !== null && issue.line !== undefined) return `${issue.line}:${issue.column ?? 1}`;
  return '';
}

export function issuesList(issues: ShownIssue[], onHover?: (issue: ShownIssue) => void): HTMLElement {
  if (issues.length === 0) return h('p', { class: 'muted', 'data-testid': 'issues' }, 'No issues: every check passed.');
  const order = { error: 0, warning: 1, info: 2 };
  const sorted = [...issues].sort((a, b) => order[a.severity] - order[b.severity]);
  return h(
    'ul',
    { class: 'issues', 'data-testid': 'issues' },
    sorted.map((issue) => {
      const path = issue.path?.join('.') ?? '';
      return h(
        'li',
        {
          class: `issue sev-${issue.severity}`,
          tabindex: onHover && (issue.span || path) ? '0' : undefined,
          'data-paths': path || undefined,
          onmouseenter: () => onHover?.(issue),
          onfocus: () => onHover?.(issue),
        },
        severityBadge(issue.severity),
        ' ',
        h('code', { class: 'issue-code' }, issue.code),
        ' ',
        h('span', { class: 'issue-message' }, issue.message),
        path || where(issue) ? h('span', { class: 'issue-where muted' }, ' ', [path, where(issue) ? `line ${where(issue)}` : ''].filter(Boolean).join(' · ')) : null,
      );
    }),
  );
}

/** Lights up every element tagged with one of the paths, in the page and in shadow roots. */
class Linker {
  private roots: ParentNode[] = [];
  private lit: Element[] = [];
  private readonly source: SourceView | null;
  private readonly status: HTMLElement;
  private readonly provenance: Record<string, Provenance>;
  constructor(source: SourceView | null, status: HTMLElement, provenance: Record<string, Provenance>) {
    this.source = source;
    this.status = status;
    this.provenance = provenance;
    source?.onHover((paths) => this.show(paths, false));
  }

  watch(root: ParentNode & EventTarget): void {
    this.roots.push(root);
    const pick = (event: Event) => {
      const el = (event.target as Element).closest?.('[data-paths]');
      const paths = el?.getAttribute('data-paths')?.split(' ').filter(Boolean);
      if (paths?.length) this.show(paths, true);
    };
    root.addEventListener('mouseover', pick);
    root.addEventListener('focusin', pick);
  }

  show(paths: string[], fromField: boolean): void {
    for (const el of this.lit) el.classList.remove('hl');
    this.lit = [];
    for (const root of this.roots) {
      for (const path of paths) {
        for (const el of root.querySelectorAll(`[data-paths~="${path.replace(/["\\]/g, '\\$&')}"]`)) {
          el.classList.add('hl');
          this.lit.push(el);
        }
      }
    }
    const found = paths.filter((p) => this.provenance[p]);
    this.source?.highlight(found);
    if (!fromField && this.lit[0]) this.lit[0].scrollIntoView({ block: 'nearest', inline: 'nearest' });
    const first = found[0];
    const p = first ? this.provenance[first] : undefined;
    this.status.textContent = first && p
      ? `${found.join(', ')} — line ${p.span.start.line}, column ${p.span.start.column}${p.confidence < 1 ? ` (placed by inference, confidence ${Math.round(p.confidence * 100)}%)` : ''}`
      : `${paths[0] ?? ''}: not read from a place in the text`;
  }
}

export function readView(input: ReadViewInput): HTMLElement {
  const provenance = input.provenance ?? {};
  const hasSource = input.text !== null && input.text !== undefined && Object.keys(provenance).length > 0;
  const source = hasSource ? sourceView(input.text as string, provenance, input.issues) : null;
  const status = h('p', { class: 'prov-status', role: 'status', 'data-testid': 'prov-status' }, hasSource ? 'Hover or focus a value to see where it was read from.' : '');
  const linker = new Linker(source, status, provenance);

  const issues = issuesList(input.issues, (issue) => {
    const path = issue.path?.join('.');
    if (path && provenance[path]) linker.show([path], true);
    else if (issue.span && source) {
      status.textContent = `${issue.code} — line ${issue.span.start.line}, column ${issue.span.start.column}`;
    }
  });
  linker.watch(issues);

  const parts: Child[] = [h('section', { class: 'card' }, h('h2', null, 'Issues'), issues)];

  if (input.record) {
    const form = formView(input.record);
    linker.watch(form.root);
    const formCard = h('section', { class: 'card form-card' }, h('h2', null, 'The form as the SEC prints it'), form.element);
    if (source) {
      parts.push(
        h(
          'div',
          { class: 'read-grid' },
          formCard,
          h(
            'section',
            { class: 'card source-card', 'data-testid': 'source' },
            h('h2', null, 'Source text'),
            h('p', { class: 'muted small' }, 'Each value read is shaded; the one you point at is highlighted. Issues are underlined.'),
            status,
            source.element,
          ),
        ),
      );
    } else {
      parts.push(formCard);
    }
    if (Object.keys(provenance).length > 0) {
      const rows = Object.entries(provenance).map(([path, p]) => ({ path, p, value: valueAt(input.record, path) }));
      const values = dataTable({
        caption: 'Values and where they were read',
        testId: 'values',
        pageSize: 500,
        rows,
        columns: [
          { key: 'path', label: 'Field', cell: (r) => h('code', { 'data-paths': r.path, tabindex: '0', class: 'field-path' }, r.path) },
          { key: 'value', label: 'Value', cell: (r) => h('span', { 'data-paths': r.path }, shownValue(r.value)) },
          { key: 'line', label: 'Line:column', value: (r) => r.p.span.start.offset, numeric: true, cell: (r) => `${r.p.span.start.line}:${r.p.span.start.column}` },
          {
            key: 'confidence',
            label: 'Confidence',
            value: (r) => r.p.confidence,
            numeric: true,
            title: '1: read from a labelled place; lower: placed by inference',
            cell: (r) => h('span', { class: r.p.confidence < 1 ? 'low-confidence' : undefined }, `${Math.round(r.p.confidence * 100)}%`),
          },
        ],
      });
      linker.watch(values);
      parts.push(h('section', { class: 'card' }, h('h2', null, 'Values and where they were read'), values));
    }
  } else {
    parts.push(h('section', { class: 'card' }, h('h2', null, 'No record'), h('p', null, 'Nothing could be read from this document: see the issues above.')));
    if (source) parts.push(h('section', { class: 'card source-card' }, h('h2', null, 'Source text'), source.element));
  }
  if (!hasSource && input.text) {
    parts.push(
      h(
        'details',
        { class: 'card' },
        h('summary', null, 'Source text'),
        h('pre', { class: 'source-plain' }, input.text.length > 200_000 ? input.text.slice(0, 200_000) + '\n…' : input.text),
      ),
    );
  }
  return h('div', { class: 'read-view' }, parts);
}
