// An insider: the issuers they file for and their roles, holdings of each security over
// time (direct and indirect apart, breaks in the chain marked), their filings and any
// late ones.
import { apiUrl, getAll, getJson, type FilingRow, type HoldingRow, type InsiderProfile, type LateFilerRow, type Page } from '../api.ts';
import { dataTable } from '../data-table.ts';
import { h, mount } from '../dom.ts';
import { fmtCount, fmtDate, fmtPrice, fmtShares, plural } from '../format.ts';
import { holdingsChart, type HoldingSeries } from '../holdings-chart.ts';
import { filingColumns, filingLink, heading, issuerLink, loading, section, type PageContext } from '../page.ts';

const HOLDINGS_CAP = 10_000;
const MOST_CHARTS = 40;

function role(i: InsiderProfile['issuers'][number]): string {
  const roles = [
    i.isDirector ? 'Director' : '',
    i.isOfficer ? `Officer${i.officerTitle ? ` (${i.officerTitle})` : ''}` : '',
    i.isTenPercentOwner ? '10% owner' : '',
    i.isOther ? `Other${i.otherText ? ` (${i.otherText})` : ''}` : '',
  ].filter(Boolean);
  return roles.join(', ') || '—';
}

interface SecurityGroup {
  issuerKey: string;
  issuerName: string;
  title: string;
  series: Map<string, HoldingSeries>;
}

/** Rows (already in date order per series) grouped by issuer and security, one series per form of ownership. */
export function groupHoldings(rows: HoldingRow[]): SecurityGroup[] {
  const groups = new Map<string, SecurityGroup>();
  for (const r of rows) {
    const issuerKey = r.issuerCik ?? r.ticker ?? '?';
    const derivative = r.table === 'derivative';
    const title = `${r.securityTitle ?? 'Untitled security'}${derivative ? ` (derivative${r.conversionOrExercisePrice !== null ? `, ${fmtPrice(r.conversionOrExercisePrice)}` : ''}${r.expirationDate ? `, expires ${r.expirationDate}` : ''})` : ''}`;
    const key = `${issuerKey}|${title}`;
    let g = groups.get(key);
    if (!g) {
      g = { issuerKey, issuerName: `${r.issuerName ?? issuerKey}${r.ticker ? ` (${r.ticker})` : ''}`, title, series: new Map() };
      groups.set(key, g);
    }
    const direct = (r.directOrIndirect ?? 'D').toUpperCase() !== 'I';
    const seriesKey = direct ? 'D' : `I|${r.natureOfOwnership ?? ''}`;
    let se = g.series.get(seriesKey);
    if (!se) {
      se = { label: direct ? 'Direct' : `Indirect${r.natureOfOwnership ? `: ${r.natureOfOwnership}` : ''}`, direct, points: [] };
      g.series.set(seriesKey, se);
    }
    se.points.push({ date: r.date, owned: r.sharesOwnedFollowing, code: r.transactionCode, kind: r.kind, filingId: r.filingId, break: r.break, breakMessage: r.breakMessage });
  }
  return [...groups.values()];
}

export async function insiderPage(ctx: PageContext): Promise<void> {
  const cik = ctx.params[0] ?? '';
  ctx.setTitle(`Insider ${cik}`);
  mount(ctx.view, heading(`Insider ${cik}`), loading());
  const profile = await getJson<InsiderProfile>(apiUrl(`insiders/${encodeURIComponent(cik)}`), ctx.signal);
  ctx.setTitle(profile.name ?? cik);

  const holdings = getAll<HoldingRow>(`insiders/${encodeURIComponent(cik)}/holdings`, {}, HOLDINGS_CAP, ctx.signal);
  const charts = holdings.then(({ rows, total }) => {
    const groups = groupHoldings(rows);
    if (groups.length === 0) return h('p', { class: 'muted' }, 'No holdings reported.');
    const byIssuer = new Map<string, SecurityGroup[]>();
    for (const g of groups) byIssuer.set(g.issuerName, [...(byIssuer.get(g.issuerName) ?? []), g]);
    let drawn = 0;
    return h(
      'div',
      { 'data-testid': 'holdings-charts' },
      [...byIssuer].map(([issuer, list]) =>
        h(
          'div',
          { class: 'issuer-holdings' },
          h('h3', { class: 'issuer-heading' }, issuerLink(list[0]?.issuerKey ?? null, issuer)),
          list.map((g) => (drawn++ < MOST_CHARTS ? holdingsChart(g.title, [...g.series.values()], (p) => (location.hash = `/filing/${p.filingId}`)) : null)),
        ),
      ),
      drawn > MOST_CHARTS ? h('p', { class: 'muted small' }, `${drawn - MOST_CHARTS} more securities are in the table below.`) : null,
      total > rows.length ? h('p', { class: 'muted small' }, `The first ${fmtCount(rows.length)} of ${fmtCount(total)} rows.`) : null,
    );
  });
  const breaks = holdings.then(({ rows }) => {
    const broken = rows.filter((r) => r.break);
    return dataTable<HoldingRow>({
      caption: 'Breaks in the holdings chain',
      testId: 'breaks',
      rows: broken,
      empty: 'None: every amount owned follows from the one before.',
      columns: [
        { key: 'date', label: 'Date', value: (r) => r.date, cell: (r) => fmtDate(r.date) },
        { key: 'issuer', label: 'Issuer', value: (r) => r.issuerName, cell: (r) => issuerLink(r.issuerCik ?? r.ticker, r.issuerName) },
        { key: 'security', label: 'Security', value: (r) => r.securityTitle, cell: (r) => `${r.securityTitle ?? '—'} (${r.directOrIndirect ?? '?'})` },
        { key: 'owned', label: 'Owned', value: (r) => r.sharesOwnedFollowing, numeric: true, cell: (r) => fmtShares(r.sharesOwnedFollowing) },
        { key: 'why', label: 'What does not add up', cell: (r) => h('span', { title: r.breakCode ?? '' }, r.breakMessage ?? r.breakCode ?? '') },
        { key: 'filing', label: 'Filing', value: (r) => r.filingId, cell: (r) => filingLink(r.filingId, r.filingDate ?? `#${r.filingId}`) },
      ],
    });
  });
  const filings = getAll<FilingRow>('filings', { owner: profile.cik }, 500, ctx.signal).then(({ rows }) =>
    dataTable({ caption: 'Filings', rows, columns: filingColumns({ owners: false }), pageSize: 20 }),
  );
  const late = getJson<Page<LateFilerRow>>(apiUrl('late', { owner: profile.cik, limit: 100 }), ctx.signal).then((page) =>
    dataTable<LateFilerRow>({
      caption: 'Late filings',
      rows: page.rows,
      empty: 'No filing made after its deadline.',
      columns: [
        { key: 'issuer', label: 'Issuer', value: (r) => r.issuerName, cell: (r) => issuerLink(r.ticker ?? r.issuerCik, r.issuerName) },
        { key: 'late', label: 'Late filings', value: (r) => r.lateFilings, numeric: true, cell: (r) => `${fmtCount(r.lateFilings)} of ${fmtCount(r.filings)}` },
        { key: 'worst', label: 'Worst', value: (r) => r.worstBusinessDaysLate, numeric: true, cell: (r) => `${r.worstBusinessDaysLate} business days` },
        { key: 'which', label: 'Filings', cell: (r) => r.lateFilingIds.slice(0, 8).map((id, i) => [i ? ' ' : '', filingLink(id, `#${id}`)]) },
      ],
    }),
  );

  mount(
    ctx.view,
    heading(profile.name ?? cik, `CIK ${profile.cik} · ${plural(profile.filings, 'filing')} · ${fmtDate(profile.firstFiled)} to ${fmtDate(profile.lastFiled)}`),
    section(
      'Issuers',
      dataTable({
        caption: 'Issuers',
        rows: profile.issuers,
        columns: [
          { key: 'issuer', label: 'Issuer', value: (i) => i.name, cell: (i) => issuerLink(i.ticker ?? i.cik, i.name) },
          { key: 'ticker', label: 'Ticker', value: (i) => i.ticker, cell: (i) => i.ticker ?? '' },
          { key: 'role', label: 'Role (latest filing)', cell: role },
          { key: 'filings', label: 'Filings', value: (i) => i.filings, numeric: true, cell: (i) => fmtCount(i.filings) },
          { key: 'last', label: 'Last filed', value: (i) => i.lastFiled, cell: (i) => fmtDate(i.lastFiled) },
        ],
      }),
    ),
    section('Holdings over time', charts, {
      testId: 'holdings',
      note: 'Amount owned after each transaction or holdings report. Filled points: direct; hollow: indirect. A red cross marks an amount that does not follow from the one before.',
    }),
    section('Breaks in the holdings chain', breaks),
    section('Late filings', late),
    section('Filings', filings),
  );
}
