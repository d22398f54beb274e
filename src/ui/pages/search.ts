// Search results in full: every issuer and insider matching the query, a page at a time.
import { apiUrl, getJson, type Page, type SearchRow } from '../api.ts';
import { dataTable } from '../data-table.ts';
import { h, mount } from '../dom.ts';
import { fmtCount, fmtDate } from '../format.ts';
import { heading, loading, type PageContext } from '../page.ts';
import { resultHref, searchBox } from '../search-box.ts';

const PAGE = 50;

export async function searchPage(ctx: PageContext): Promise<void> {
  const q = ctx.query.get('q')?.trim() ?? '';
  const offset = Math.max(0, Number(ctx.query.get('offset') ?? 0) || 0);
  ctx.setTitle(q ? `Search: ${q}` : 'Search');
  const box = searchBox({ id: 'page-search', label: 'Search again', big: true, initial: q });
  mount(ctx.view, heading(q ? `Results for “${q}”` : 'Search'), box, loading());
  if (!q) {
    mount(ctx.view, heading('Search'), box);
    return;
  }
  const page = await getJson<Page<SearchRow>>(apiUrl('search', { q, limit: PAGE, offset }), ctx.signal);
  const more = (to: number) => `#/search?q=${encodeURIComponent(q)}&offset=${to}`;
  mount(
    ctx.view,
    heading(`Results for “${q}”`, `${fmtCount(page.total)} match${page.total === 1 ? '' : 'es'}`),
    box,
    h(
      'section',
      { class: 'card' },
      dataTable({
        caption: 'Search results',
        testId: 'search-results',
        rows: page.rows,
        pageSize: PAGE,
        empty: 'Nothing matches. Try a ticker (AMD), part of a company name, an insider’s last name, or a CIK.',
        columns: [
          { key: 'kind', label: 'Kind', value: (r) => r.kind, cell: (r) => h('span', { class: `badge kind-${r.kind}` }, r.kind) },
          { key: 'name', label: 'Name', value: (r) => r.name, cell: (r) => h('a', { href: resultHref(r) }, r.name ?? r.cik) },
          { key: 'ticker', label: 'Ticker', value: (r) => r.ticker, cell: (r) => r.ticker ?? '' },
          { key: 'cik', label: 'CIK', value: (r) => r.cik, cell: (r) => r.cik ?? '—' },
          { key: 'filings', label: 'Filings', value: (r) => r.filings, numeric: true, cell: (r) => fmtCount(r.filings) },
          { key: 'last', label: 'Last filed', value: (r) => r.lastFiled, cell: (r) => fmtDate(r.lastFiled) },
        ],
      }),
      page.total > PAGE
        ? h(
            'nav',
            { class: 'pager', 'aria-label': 'Result pages' },
            offset > 0 ? h('a', { href: more(Math.max(0, offset - PAGE)) }, '← Previous') : h('span'),
            h('span', null, `${fmtCount(offset + 1)}–${fmtCount(Math.min(page.total, offset + PAGE))} of ${fmtCount(page.total)}`),
            offset + PAGE < page.total ? h('a', { href: more(offset + PAGE) }, 'Next →') : h('span'),
          )
        : null,
    ),
  );
}
