// What every page gets from the router, and the pieces pages share: headings, loading and
// error states, links to issuers, insiders and filings.
import { ApiError, type FilingRow } from './api.ts';
import { h, type Child } from './dom.ts';
import { fmtDate } from './format.ts';
import type { Column } from './data-table.ts';

export interface PageContext {
  view: HTMLElement;
  /** The route's captured parts (`#/issuer/AMD` → ['AMD']). */
  params: string[];
  query: URLSearchParams;
  /** Aborted when the user navigates away: fetches stop and late results are dropped. */
  signal: AbortSignal;
  setTitle(title: string): void;
}

export type PageRender = (ctx: PageContext) => Promise<void>;

export function heading(text: Child, sub?: Child): HTMLElement {
  return h('header', { class: 'page-head' }, h('h1', { tabindex: '-1' }, text), sub ? h('p', { class: 'page-sub' }, sub) : null);
}

export function loading(what = 'Loading…'): HTMLElement {
  return h('p', { class: 'loading', role: 'status' }, h('span', { class: 'spinner', 'aria-hidden': 'true' }), what);
}

export function errorBox(error: unknown, what = 'This could not be loaded'): HTMLElement {
  const message = error instanceof ApiError ? `${error.message} (${error.code})` : error instanceof Error ? error.message : String(error);
  return h('div', { class: 'error-box', role: 'alert' }, h('strong', null, `${what}. `), message);
}

/** A card whose body loads on its own: one failing query does not take the page down. */
export function section(title: string, body: Promise<Child> | Child, options: { id?: string; testId?: string; note?: Child } = {}): HTMLElement {
  const content = h('div', { class: 'card-body' });
  const card = h('section', { class: 'card', id: options.id, 'data-testid': options.testId, 'aria-busy': 'true' }, h('h2', null, title), options.note ? h('p', { class: 'muted small' }, options.note) : null, content);
  Promise.resolve(body).then(
    (child) => {
      content.replaceChildren();
      if (child instanceof Node) content.appendChild(child);
      else if (child !== null && child !== undefined && child !== false) content.append(String(child));
      card.setAttribute('aria-busy', 'false');
    },
    (error: unknown) => {
      if ((error as Error).name === 'AbortError') return;
      content.replaceChildren(errorBox(error));
      card.setAttribute('aria-busy', 'false');
    },
  );
  if (!(body instanceof Promise)) return card;
  content.appendChild(loading());
  return card;
}

export const issuerLink = (key: string | null, label: string | null): Child =>
  key ? h('a', { href: `#/issuer/${encodeURIComponent(key)}` }, label || key) : (label ?? '—');

export const insiderLink = (cik: string | null, name: string | null): Child =>
  cik ? h('a', { href: `#/insider/${encodeURIComponent(cik)}` }, name || cik) : (name ?? '—');

export const filingLink = (id: number, label: string): HTMLElement => h('a', { href: `#/filing/${id}` }, label);

/** The filing list's columns, for the filings tables of every page. */
export function filingColumns(options: { issuer?: boolean; owners?: boolean } = {}): Column<FilingRow>[] {
  const cols: Column<FilingRow>[] = [
    { key: 'filed', label: 'Filed', value: (f) => f.filingDate ?? f.periodOfReport, cell: (f) => filingLink(f.id, fmtDate(f.filingDate ?? f.periodOfReport)) },
    { key: 'form', label: 'Form', value: (f) => f.documentType, cell: (f) => f.documentType ?? (f.ok ? '—' : 'unreadable') },
  ];
  if (options.issuer !== false) {
    cols.push({ key: 'issuer', label: 'Issuer', value: (f) => f.issuerName, cell: (f) => issuerLink(f.ticker?.trim() || f.issuerCik, f.issuerName ?? f.ticker) });
  }
  if (options.owners !== false) {
    cols.push({
      key: 'owners',
      label: 'Reporting owners',
      value: (f) => f.ownerNames[0] ?? null,
      cell: (f) => f.ownerNames.map((name, i) => [i > 0 ? '; ' : '', insiderLink(f.ownerCiks[i] ?? null, name)]),
    });
  }
  cols.push(
    { key: 'period', label: 'Period', value: (f) => f.periodOfReport, cell: (f) => fmtDate(f.periodOfReport) },
    { key: 'format', label: 'Read from', value: (f) => f.format, cell: (f) => f.format },
    {
      key: 'issues',
      label: 'Issues',
      value: (f) => f.errors * 1000 + f.warnings,
      numeric: true,
      cell: (f) => [f.errors ? h('span', { class: 'badge sev-error' }, `${f.errors} err`) : null, f.warnings ? h('span', { class: 'badge sev-warning' }, `${f.warnings} warn`) : null],
    },
    {
      key: 'amend',
      label: 'Amendment',
      cell: (f) => [f.amendsFilingId ? filingLink(f.amendsFilingId, 'amends') : null, f.amendedByFilingId ? h('span', { class: 'badge' }, 'amended') : null],
    },
  );
  return cols;
}
