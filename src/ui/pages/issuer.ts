// An issuer: what its insiders did (totals by kind of transaction), every transaction on
// a timeline and in a table, the insiders, cluster buying, late filers and its filings.
import { apiUrl, getAll, getJson, type ClusterRow, type FilingRow, type IssuerActivity, type LateFilerRow, type Page } from '../api.ts';
import { categoryGroup, codeTitle, groupOf } from '../codes.ts';
import { dataTable } from '../data-table.ts';
import { h, mount } from '../dom.ts';
import { fmtCount, fmtDate, fmtMoney, fmtPrice, fmtShares, plural } from '../format.ts';
import { issuerTrades, type TradeRow } from '../issuer-trades.ts';
import { filingColumns, filingLink, heading, insiderLink, loading, section, type PageContext } from '../page.ts';
import { timelineChart, tradeValue } from '../timeline-chart.ts';

const CATEGORY_LABELS: Record<string, string> = {
  'open-market-purchase': 'Open-market purchases',
  'open-market-sale': 'Open-market sales',
  grant: 'Grants and awards',
  'exercise-conversion': 'Exercises and conversions',
  'tax-withholding': 'Tax withholding',
  gift: 'Gifts',
  other: 'Other',
};

export async function issuerPage(ctx: PageContext): Promise<void> {
  const key = ctx.params[0] ?? '';
  ctx.setTitle(key);
  mount(ctx.view, heading(key), loading());
  const activity = await getJson<IssuerActivity>(apiUrl(`issuers/${encodeURIComponent(key)}/activity`, { limit: 1000 }), ctx.signal);
  const issuer = activity.issuer;
  const filter = issuer.cik !== null ? { cik: issuer.cik } : { ticker: issuer.ticker ?? key };
  ctx.setTitle(`${issuer.ticker ?? ''} ${issuer.name ?? key}`.trim());

  const totalTransactions = activity.summary.reduce((n, r) => n + r.transactions, 0);
  const summary = h(
    'div',
    { class: 'summary-grid', 'data-testid': 'activity-summary', 'data-transactions': totalTransactions },
    activity.summary.map((r) =>
      h(
        'div',
        { class: `summary-card cat-${r.category}` },
        h('h3', null, h('span', { class: 'swatch', style: `background:${categoryGroup(r.category).colour}` }), CATEGORY_LABELS[r.category] ?? r.category),
        h('p', { class: 'big-number' }, plural(r.transactions, 'transaction')),
        h(
          'p',
          { class: 'muted small' },
          `${r.insiders} insider${r.insiders === 1 ? '' : 's'} · acquired ${fmtShares(r.sharesAcquired)} sh (${fmtMoney(r.valueAcquired)}) · disposed ${fmtShares(r.sharesDisposed)} sh (${fmtMoney(r.valueDisposed)})`,
        ),
      ),
    ),
  );

  const trades = issuerTrades(issuer, activity.insiders.rows, ctx.signal);
  const chart = trades.then(({ rows, note }) =>
    rows.length
      ? h('div', null, timelineChart(rows, { onSelect: (t) => (location.hash = `/filing/${t.filingId}`) }), note ? h('p', { class: 'muted small' }, note) : null)
      : h('p', { class: 'muted' }, 'No transactions in Table I.'),
  );
  const table = trades.then(({ rows }) =>
    dataTable<TradeRow>({
      caption: 'Transactions',
      testId: 'transactions',
      rows,
      pageSize: 25,
      sort: { key: 'date', descending: true },
      columns: [
        { key: 'date', label: 'Date', value: (t) => t.date, cell: (t) => fmtDate(t.date) },
        { key: 'owner', label: 'Insider', value: (t) => t.owner, cell: (t) => insiderLink(t.ownerCik, t.owner) },
        {
          key: 'code',
          label: 'Code',
          value: (t) => t.code,
          cell: (t) => h('span', { class: 'code-chip', title: codeTitle(t.code), style: `--chip:${groupOf(t.code).colour}` }, t.code ?? '—'),
        },
        { key: 'ad', label: 'A/D', value: (t) => t.acquiredDisposed, cell: (t) => t.acquiredDisposed ?? '—', title: 'Acquired (A) or disposed of (D)' },
        { key: 'shares', label: 'Shares', value: (t) => t.shares, numeric: true, cell: (t) => fmtShares(t.shares) },
        { key: 'price', label: 'Price', value: (t) => t.price, numeric: true, cell: (t) => fmtPrice(t.price) },
        { key: 'value', label: 'Value', value: (t) => tradeValue(t), numeric: true, cell: (t) => fmtMoney(tradeValue(t)) },
        { key: 'owned', label: 'Owned after', value: (t) => t.ownedAfter, numeric: true, cell: (t) => fmtShares(t.ownedAfter) },
        { key: 'di', label: 'D/I', value: (t) => t.directOrIndirect, cell: (t) => t.directOrIndirect ?? '—', title: 'Direct (D) or indirect (I) ownership' },
        { key: 'security', label: 'Security', value: (t) => t.security, cell: (t) => t.security ?? '—' },
        { key: 'filing', label: 'Filing', value: (t) => t.filingDate, cell: (t) => filingLink(t.filingId, t.filingDate ?? `#${t.filingId}`) },
      ],
    }),
  );

  const insiders = dataTable({
    caption: 'Insiders',
    rows: activity.insiders.rows,
    pageSize: 20,
    columns: [
      { key: 'owner', label: 'Insider', value: (r) => r.ownerName, cell: (r) => insiderLink(r.ownerCik, r.ownerName) },
      { key: 'category', label: 'Kind', value: (r) => r.category, cell: (r) => CATEGORY_LABELS[r.category] ?? r.category },
      { key: 'n', label: 'Transactions', value: (r) => r.transactions, numeric: true, cell: (r) => fmtCount(r.transactions) },
      { key: 'net', label: 'Net shares', value: (r) => r.netShares, numeric: true, cell: (r) => fmtShares(r.netShares) },
      { key: 'value', label: 'Net value', value: (r) => r.netValue, numeric: true, cell: (r) => fmtMoney(r.netValue) },
      { key: 'last', label: 'Last', value: (r) => r.lastDate, cell: (r) => fmtDate(r.lastDate) },
    ],
  });

  const clusters = getJson<Page<ClusterRow>>(apiUrl('clusters', { ...filter, limit: 100 }), ctx.signal).then((page) =>
    dataTable<ClusterRow>({
      caption: 'Cluster buying',
      testId: 'clusters',
      rows: page.rows,
      empty: 'No cluster: never three or more insiders buying on the open market within 30 days.',
      columns: [
        { key: 'start', label: 'From', value: (c) => c.startDate, cell: (c) => c.startDate },
        { key: 'end', label: 'To', value: (c) => c.endDate, cell: (c) => c.endDate },
        { key: 'insiders', label: 'Insiders', value: (c) => c.insiders, numeric: true, cell: (c) => fmtCount(c.insiders) },
        { key: 'purchases', label: 'Purchases', value: (c) => c.purchases, numeric: true, cell: (c) => fmtCount(c.purchases) },
        { key: 'shares', label: 'Shares', value: (c) => c.shares, numeric: true, cell: (c) => fmtShares(c.shares) },
        { key: 'value', label: 'Value', value: (c) => c.value, numeric: true, cell: (c) => fmtMoney(c.value) },
        { key: 'who', label: 'Who', cell: (c) => c.members.map((m, i) => [i ? ', ' : '', insiderLink(m.ownerCik, m.ownerName)]) },
      ],
    }),
  );
  const late = getJson<Page<LateFilerRow>>(apiUrl('late', { ...filter, limit: 100 }), ctx.signal).then((page) =>
    dataTable<LateFilerRow>({
      caption: 'Late filers',
      testId: 'late',
      rows: page.rows,
      empty: 'No filing made after its deadline.',
      columns: [
        { key: 'owner', label: 'Insider', value: (r) => r.ownerName, cell: (r) => insiderLink(r.ownerCik, r.ownerName) },
        { key: 'late', label: 'Late filings', value: (r) => r.lateFilings, numeric: true, cell: (r) => `${fmtCount(r.lateFilings)} of ${fmtCount(r.filings)}` },
        { key: 'worst', label: 'Worst', value: (r) => r.worstBusinessDaysLate, numeric: true, cell: (r) => `${r.worstBusinessDaysLate} business days (${r.worstDaysLate} calendar)` },
        { key: 'last', label: 'Last late filing', value: (r) => r.lastLateFiled, cell: (r) => fmtDate(r.lastLateFiled) },
        { key: 'which', label: 'Filings', cell: (r) => r.lateFilingIds.slice(0, 8).map((id, i) => [i ? ' ' : '', filingLink(id, `#${id}`)]) },
      ],
    }),
  );
  const filings = getAll<FilingRow>('filings', filter, 500, ctx.signal).then(({ rows, total }) =>
    h(
      'div',
      null,
      dataTable({ caption: 'Filings', rows, columns: filingColumns({ issuer: false }), pageSize: 20 }),
      total > rows.length ? h('p', { class: 'muted small' }, `The latest ${fmtCount(rows.length)} of ${fmtCount(total)}.`) : null,
    ),
  );

  mount(
    ctx.view,
    heading(
      [issuer.name ?? key, issuer.ticker ? h('span', { class: 'ticker' }, issuer.ticker) : null],
      `${issuer.cik ? `CIK ${issuer.cik} · ` : ''}${plural(issuer.filings, 'filing')} · ${plural(issuer.insiders, 'insider')} · ${fmtDate(issuer.firstFiled)} to ${fmtDate(issuer.lastFiled)}`,
    ),
    summary,
    section('Insider transactions over time', chart, {
      testId: 'chart-card',
      note: 'Table I (non-derivative) transactions. Open-market purchases and sales on top; grants, exercises, tax withholding and gifts below. Click a circle to open its filing.',
    }),
    section('Transactions', table),
    section('Insiders', insiders),
    section('Cluster buying', clusters, { note: 'Three or more insiders buying on the open market within 30 days.' }),
    section('Late filers', late, { note: 'Forms filed after their Section 16(a) deadline.' }),
    section('Filings', filings),
  );
}
