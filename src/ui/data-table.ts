// A sortable, paginated table over rows already in the page. Sorting is by a column's
// value (numbers and ISO dates compare as they should; nulls always last); headers are
// buttons, so the keyboard sorts as well as the mouse, and aria-sort says the order.
import { h, mount, type Child } from './dom.ts';
import { fmtCount } from './format.ts';

export interface Column<T> {
  key: string;
  label: string;
  /** What the column sorts by; without it the column does not sort. */
  value?: (row: T) => string | number | null;
  cell: (row: T) => Child;
  numeric?: boolean;
  /** A short explanation shown as the header's tooltip. */
  title?: string;
}

export interface TableOptions<T> {
  caption: string;
  columns: Column<T>[];
  rows: T[];
  pageSize?: number;
  sort?: { key: string; descending: boolean };
  empty?: string;
  /** Class names for a row (e.g. highlighting). */
  rowClass?: (row: T) => string;
  testId?: string;
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function dataTable<T>(options: TableOptions<T>): HTMLElement {
  const pageSize = options.pageSize ?? 25;
  let sort = options.sort ?? null;
  let page = 0;
  const root = h('div', { class: 'data-table', 'data-testid': options.testId });

  const sorted = (): T[] => {
    if (!sort) return options.rows;
    const column = options.columns.find((c) => c.key === sort?.key);
    if (!column?.value) return options.rows;
    const value = column.value;
    const dir = sort.descending ? -1 : 1;
    // Stable: ties keep the order the rows came in.
    return options.rows
      .map((row, i) => ({ row, i, v: value(row) }))
      .sort((x, y) => {
        if (x.v === null || y.v === null) return compare(x.v, y.v) || x.i - y.i;
        return dir * compare(x.v, y.v) || x.i - y.i;
      })
      .map((x) => x.row);
  };

  const render = (focusKey?: string) => {
    const rows = sorted();
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    page = Math.min(page, pages - 1);
    const shown = rows.slice(page * pageSize, page * pageSize + pageSize);
    const head = options.columns.map((c) => {
      const active = sort?.key === c.key;
      const ariaSort = active ? (sort?.descending ? 'descending' : 'ascending') : c.value ? 'none' : undefined;
      const label = c.value
        ? h(
            'button',
            {
              type: 'button',
              class: 'sort',
              'data-key': c.key,
              title: c.title,
              onclick: () => {
                sort = { key: c.key, descending: active ? !sort?.descending : c.numeric === true };
                page = 0;
                render(c.key);
              },
            },
            c.label,
            h('span', { class: 'sort-mark', 'aria-hidden': 'true' }, active ? (sort?.descending ? ' ▼' : ' ▲') : ' ↕'),
          )
        : h('span', { title: c.title }, c.label);
      return h('th', { scope: 'col', class: c.numeric ? 'num' : undefined, 'aria-sort': ariaSort }, label);
    });
    const body = shown.length
      ? shown.map((row) =>
          h('tr', { class: options.rowClass?.(row) || undefined }, options.columns.map((c) => h('td', { class: c.numeric ? 'num' : undefined }, c.cell(row)))),
        )
      : [h('tr', null, h('td', { colspan: options.columns.length, class: 'empty' }, options.empty ?? 'Nothing to show.'))];
    const from = rows.length ? page * pageSize + 1 : 0;
    const to = Math.min(rows.length, (page + 1) * pageSize);
    const pager =
      rows.length > pageSize
        ? h(
            'nav',
            { class: 'pager', 'aria-label': `${options.caption}: pages` },
            h('button', { type: 'button', class: 'prev', disabled: page === 0, onclick: () => { page--; render(); } }, '← Previous'),
            h('span', { class: 'pager-status', 'aria-live': 'polite' }, `Rows ${fmtCount(from)}–${fmtCount(to)} of ${fmtCount(rows.length)} · page ${page + 1} of ${pages}`),
            h('button', { type: 'button', class: 'next', disabled: page >= pages - 1, onclick: () => { page++; render(); } }, 'Next →'),
          )
        : null;
    mount(
      root,
      h(
        'div',
        { class: 'table-scroll' },
        h('table', null, h('caption', { class: 'visually-hidden' }, options.caption), h('thead', null, h('tr', null, head)), h('tbody', null, body)),
      ),
      pager,
    );
    if (focusKey) root.querySelector<HTMLButtonElement>(`button.sort[data-key="${focusKey}"]`)?.focus();
  };
  render();
  return root;
}
