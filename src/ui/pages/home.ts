// The start page: the search box, what the store holds, and the latest filings.
import { apiUrl, getJson, type FilingRow, type Page, type StoreStats } from '../api.ts';
import { dataTable } from '../data-table.ts';
import { h, mount } from '../dom.ts';
import { fmtCount } from '../format.ts';
import { filingColumns, section, type PageContext } from '../page.ts';
import { searchBox } from '../search-box.ts';

export async function homePage(ctx: PageContext): Promise<void> {
  ctx.setTitle('');
  const stats = getJson<StoreStats>(apiUrl('stats'), ctx.signal).then((s) =>
    h(
      'dl',
      { class: 'stats' },
      [
        ['Filings', s.filings],
        ['Issuers', s.issuers],
        ['Reporting owners', s.reportingOwners],
        ['Transactions', s.nonDerivativeTransactions + s.derivativeTransactions],
        ['Holdings', s.nonDerivativeHoldings + s.derivativeHoldings],
        ['Could not be read', s.failed],
      ].map(([label, n]) => h('div', { class: 'stat' }, h('dt', null, String(label)), h('dd', null, fmtCount(Number(n))))),
    ),
  );
  const recent = getJson<Page<FilingRow>>(apiUrl('filings', { limit: 15 }), ctx.signal).then((page) =>
    h('div', null, dataTable({ caption: 'Latest filings', rows: page.rows, columns: filingColumns(), pageSize: 15, empty: 'The store holds no filings yet: run "form4 ingest" or "form4 fetch".' }), h('p', null, h('a', { href: '#/filings' }, `All ${fmtCount(page.total)} filings →`))),
  );
  mount(
    ctx.view,
    h(
      'section',
      { class: 'hero' },
      h('h1', { tabindex: '-1' }, 'Insider filings'),
      h('p', { class: 'page-sub' }, 'Forms 3, 4 and 5: who bought and sold, when, and what they hold now. Search a ticker, a company or an insider, or ', h('a', { href: '#/upload' }, 'read a filing of your own'), '.'),
      searchBox({ id: 'home-search', label: 'Search', big: true }),
    ),
    section('In the store', stats),
    section('Latest filings', recent),
  );
}
