// One stored filing: the form as the SEC prints it, its issues, and the text it was read
// from with each value's span. The store keeps no spans, so the original bytes are read
// again by POST /api/parse (nothing is stored) to get them.
import type { Issue } from '../../record/schema.ts';
import { apiUrl, decodeText, getBytes, getJson, postBytes, type FilingDetail, type ParseResult } from '../api.ts';
import { h, mount } from '../dom.ts';
import { fmtDate } from '../format.ts';
import { errorBox, filingLink, heading, insiderLink, issuerLink, loading, type PageContext } from '../page.ts';
import { readView, type ShownIssue } from '../read-view.ts';

const FORMATS: Record<string, string> = {
  xml: 'EDGAR ownership XML',
  sgml: 'a full EDGAR submission',
  html: "the SEC's HTML page",
  text: 'a text rendering',
  dataset: 'the SEC Insider Transactions Data Sets',
};

/** The stored issues, each given the span of the same issue in the fresh parse when there is one. */
function withSpans(stored: FilingDetail['issues'], parsed: Issue[]): ShownIssue[] {
  const spans = new Map<string, Issue['span']>();
  for (const i of parsed) if (i.span) spans.set(`${i.code}|${i.path?.join('.') ?? ''}|${i.span.start.line}`, i.span);
  return stored.map((i) => {
    const span = spans.get(`${i.code}|${i.path?.join('.') ?? ''}|${i.line ?? ''}`);
    return span ? { ...i, span } : i;
  });
}

export async function filingPage(ctx: PageContext): Promise<void> {
  const id = Number(ctx.params[0]);
  ctx.setTitle(`Filing ${id}`);
  mount(ctx.view, heading(`Filing ${id}`), loading());
  const detail = await getJson<FilingDetail>(apiUrl(`filings/${id}`), ctx.signal);
  const { filing, record, source } = detail;
  const issuerKey = filing.ticker?.trim() || filing.issuerCik;
  ctx.setTitle(`Form ${filing.documentType ?? '?'} ${filing.issuerName ?? ''}`);

  let text: string | null = null;
  let parsed: ParseResult | null = null;
  let note: HTMLElement | null = null;
  try {
    const bytes = await getBytes(apiUrl(`filings/${id}/raw`), ctx.signal);
    text = decodeText(bytes);
    if (filing.format !== 'dataset') {
      parsed = await postBytes<ParseResult>(apiUrl('parse', { fileName: filing.sourceFile ?? undefined }), bytes, 'application/octet-stream', ctx.signal);
    }
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    note = errorBox(error, 'The original document could not be read again, so values are shown without where they came from');
  }

  const facts: [string, Node | string][] = [
    ['Form', filing.documentType ?? '—'],
    ['Issuer', h('span', null, issuerLink(issuerKey, filing.issuerName), filing.ticker ? ` [${filing.ticker}]` : '')],
    ['Reporting owners', h('span', null, filing.ownerNames.map((n, i) => [i ? '; ' : '', insiderLink(filing.ownerCiks[i] ?? null, n)]))],
    ['Period of report', fmtDate(filing.periodOfReport)],
    ['Filed', fmtDate(filing.filingDate)],
    ['Accession number', filing.accessionNumber ?? '—'],
    ['Read from', h('span', { title: filing.sourceFile ?? undefined }, `${FORMATS[filing.format] ?? filing.format}${filing.sourceFile ? ` (${filing.sourceFile.split(/[\\/]/).pop()})` : ''}`)],
    ['Rule 10b5-1(c) plan', filing.aff10b5One === null ? 'not stated' : filing.aff10b5One ? 'yes' : 'no'],
  ];
  if (source.acceptanceDateTime) facts.push(['Accepted by EDGAR', source.acceptanceDateTime]);
  const amendment = [
    filing.amendsFilingId ? h('p', { class: 'notice' }, 'This filing amends ', filingLink(filing.amendsFilingId, `filing #${filing.amendsFilingId}`), '.') : null,
    detail.amended
      ? h('p', { class: 'notice warn', 'data-testid': 'amended' }, 'A later amendment restates this filing: ', detail.amendments.map((a, i) => [i ? ', ' : '', filingLink(a, `#${a}`)]), '.')
      : null,
  ];

  mount(
    ctx.view,
    heading(
      `Form ${filing.documentType ?? '?'} · ${filing.issuerName ?? 'unknown issuer'}`,
      `${filing.ownerNames.filter(Boolean).join('; ') || 'unknown owner'} · period ${fmtDate(filing.periodOfReport)}`,
    ),
    h('section', { class: 'card' }, h('dl', { class: 'facts' }, facts.map(([k, v]) => h('div', null, h('dt', null, k), h('dd', null, v)))), amendment, h('p', { class: 'links' }, h('a', { href: apiUrl(`filings/${id}/raw`), target: '_blank', rel: 'noopener' }, 'Original document'), ' · ', h('a', { href: apiUrl(`filings/${id}`), target: '_blank', rel: 'noopener' }, 'Record as JSON'))),
    note,
    readView({
      record,
      issues: withSpans(detail.issues, parsed?.issues ?? []),
      provenance: parsed?.provenance ?? null,
      text,
    }),
  );
}
