// The type-ahead search: a combobox (WAI-ARIA 1.2 pattern) over /api/search. Arrow keys
// move through the suggestions, Enter opens one (or the full results page when none is
// chosen), Escape closes the list.
import { apiUrl, getJson, type Page, type SearchRow } from './api.ts';
import { h, mount, uid } from './dom.ts';
import { fmtCount } from './format.ts';

export function resultHref(row: SearchRow): string {
  if (row.kind === 'issuer') return `#/issuer/${encodeURIComponent(row.ticker ?? row.cik ?? '')}`;
  // An insider read from renderings has no CIK, so no page of their own: their filings, by name.
  return row.cik ? `#/insider/${encodeURIComponent(row.cik)}` : `#/filings?${new URLSearchParams({ owner: row.name ?? '' }).toString()}`;
}

export function resultLabel(row: SearchRow): { main: string; detail: string } {
  if (row.kind === 'issuer') {
    return { main: `${row.ticker ? `${row.ticker} · ` : ''}${row.name ?? row.cik}`, detail: `Issuer · ${row.cik ? `CIK ${row.cik}` : 'no CIK (read from renderings)'} · ${fmtCount(row.filings)} filings` };
  }
  return { main: row.name ?? row.cik ?? '', detail: `Insider · ${row.cik ? `CIK ${row.cik}` : 'no CIK (read from renderings)'} · ${fmtCount(row.filings)} filings` };
}

export function searchBox(options: { id: string; label: string; big?: boolean; initial?: string }): HTMLElement {
  const listId = uid('search-list');
  const input = h('input', {
    id: options.id,
    type: 'search',
    class: 'search-input',
    role: 'combobox',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Ticker, company or insider',
    value: options.initial ?? '',
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'suggestions', 'aria-label': 'Suggestions', hidden: true });
  const status = h('span', { class: 'visually-hidden', role: 'status' });
  let rows: SearchRow[] = [];
  let active = -1;
  let timer: number | undefined;
  let controller: AbortController | null = null;
  let lastQuery = '';

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const go = (href: string) => {
    close();
    location.hash = href.slice(1);
  };
  const setActive = (i: number) => {
    active = i;
    const items = [...list.querySelectorAll<HTMLElement>('[role=option]')];
    items.forEach((el, k) => el.setAttribute('aria-selected', String(k === i)));
    const el = items[i];
    if (el) {
      input.setAttribute('aria-activedescendant', el.id);
      el.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const render = () => {
    mount(
      list,
      rows.map((row, i) => {
        const label = resultLabel(row);
        return h(
          'li',
          {
            id: `${listId}-${i}`,
            role: 'option',
            class: `suggestion kind-${row.kind}`,
            'aria-selected': 'false',
            'data-href': resultHref(row),
            onmousedown: (event: Event) => event.preventDefault(), // keep focus in the input
            onclick: () => go(resultHref(row)),
          },
          h('span', { class: 'suggestion-main' }, label.main),
          h('span', { class: 'suggestion-detail' }, label.detail),
        );
      }),
    );
    const open = rows.length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = lastQuery ? (rows.length ? `${rows.length} suggestions` : 'No matches') : '';
    active = -1;
  };
  const lookup = async (q: string) => {
    controller?.abort();
    if (q.trim() === '') {
      rows = [];
      lastQuery = '';
      render();
      return;
    }
    controller = new AbortController();
    try {
      const page = await getJson<Page<SearchRow>>(apiUrl('search', { q: q.trim(), limit: 8 }), controller.signal);
      lastQuery = q;
      rows = page.rows;
      render();
    } catch (error) {
      if ((error as Error).name !== 'AbortError') {
        rows = [];
        render();
      }
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void lookup(input.value), 150);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (list.hidden && rows.length) {
        list.hidden = false;
        input.setAttribute('aria-expanded', 'true');
      }
      if (rows.length) setActive((active + 1) % rows.length);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      if (rows.length) setActive(active <= 0 ? rows.length - 1 : active - 1);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const row = rows[active];
      if (row && !list.hidden) go(resultHref(row));
      else if (input.value.trim()) go(`#/search?q=${encodeURIComponent(input.value.trim())}`);
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.preventDefault();
        close();
      } else input.value = '';
    }
  });
  input.addEventListener('blur', () => window.setTimeout(close, 100));
  input.addEventListener('focus', () => {
    if (rows.length && input.value.trim() === lastQuery.trim()) {
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }
  });

  return h(
    'div',
    { class: `search-box${options.big ? ' big' : ''}`, role: 'search' },
    h('label', { for: options.id, class: options.big ? 'search-label' : 'visually-hidden' }, options.label),
    h('div', { class: 'search-field' }, input, list),
    status,
  );
}
