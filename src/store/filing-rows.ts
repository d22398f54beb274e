// A parse result as the rows the store writes: one filing row, its child rows, and
// the raw document. Built where the parsing happens (a worker), written by the store.
import type { Issue, OwnershipRecord, ParseResult } from '../record/schema.ts';

export type Value = string | number | boolean | null | Uint8Array;
export type Row = Record<string, Value>;

export const READER_VERSION = 'form4-readers/1';

export interface RawDocument {
  sha256: string;
  size: number;
  compression: 'gzip';
  data: Uint8Array;
}

export interface FilingRows {
  /** "accession:<number>" or, without one, "sha256:<hash of the raw bytes>". */
  key: string;
  raw: RawDocument;
  filing: Row;
  /** Child rows by table; filing_id is set by the store. */
  children: Record<ChildTable, Row[]>;
}

export const CHILD_TABLES = [
  'reporting_owners',
  'nonderiv_transactions',
  'nonderiv_holdings',
  'deriv_transactions',
  'deriv_holdings',
  'footnotes',
  'footnote_refs',
  'signatures',
  'issues',
] as const;
export type ChildTable = (typeof CHILD_TABLES)[number];

export function filingKey(result: ParseResult, sha256: string): string {
  return result.source.accessionNumber ? `accession:${result.source.accessionNumber}` : `sha256:${sha256}`;
}

/** The rows for one parse result; `extraIssues` (validation) are stored beside the reader's. */
export function filingRows(result: ParseResult, raw: RawDocument, extraIssues: Issue[] = [], now = new Date().toISOString()): FilingRows {
  const r = result.record;
  const s = result.source;
  const firstError = result.ok ? null : (result.issues.find((i) => i.severity === 'error') ?? result.issues[0] ?? null);
  const filing: Row = {
    filing_key: filingKey(result, raw.sha256),
    accession_number: s.accessionNumber,
    raw_sha256: raw.sha256,
    source_file: s.file,
    format: s.format,
    ok: result.ok,
    error_code: firstError?.code ?? null,
    error_message: firstError?.message ?? null,
    document_type: r?.documentType ?? s.formType ?? null,
    schema_version: r?.schemaVersion ?? null,
    period_of_report: r?.periodOfReport ?? s.periodOfReport ?? null,
    date_of_original_submission: r?.dateOfOriginalSubmission ?? null,
    filing_date: s.filingDate,
    acceptance_datetime: s.acceptanceDateTime,
    form_type: s.formType,
    issuer_cik: r?.issuer.cik ?? s.issuer?.cik ?? null,
    issuer_name: r?.issuer.name ?? s.issuer?.name ?? null,
    issuer_trading_symbol: r?.issuer.tradingSymbol ?? null,
    not_subject_to_section16: r?.notSubjectToSection16 ?? null,
    form3_holdings_reported: r?.form3HoldingsReported ?? null,
    form4_transactions_reported: r?.form4TransactionsReported ?? null,
    no_securities_owned: r?.noSecuritiesOwned ?? null,
    aff10b5one: r?.aff10b5One ?? null,
    remarks: r?.remarks ?? null,
    record_json: r ? JSON.stringify(r) : null,
    source_json: JSON.stringify(s),
    reader_version: READER_VERSION,
    amends_filing_id: null,
    ingested_at: now,
    amended_by_filing_id: null,
  };
  const children = r ? recordChildren(r) : emptyChildren();
  children.issues = [...result.issues, ...extraIssues].map((issue, idx) => ({
    idx,
    code: issue.code,
    severity: issue.severity,
    message: issue.message,
    path: issue.path ? issue.path.join('.') : null,
    line: issue.span?.start.line ?? null,
    col: issue.span?.start.column ?? null,
  }));
  return { key: filing.filing_key as string, raw, filing, children };
}

function emptyChildren(): Record<ChildTable, Row[]> {
  return Object.fromEntries(CHILD_TABLES.map((t) => [t, []])) as unknown as Record<ChildTable, Row[]>;
}

function recordChildren(r: OwnershipRecord): Record<ChildTable, Row[]> {
  const c = emptyChildren();
  r.reportingOwners.forEach((o, idx) => {
    c.reporting_owners.push({
      idx,
      cik: o.cik,
      name: o.name,
      street1: o.address?.street1 ?? null,
      street2: o.address?.street2 ?? null,
      city: o.address?.city ?? null,
      state: o.address?.state ?? null,
      zip_code: o.address?.zipCode ?? null,
      state_description: o.address?.stateDescription ?? null,
      country: o.address?.country ?? null,
      non_us_state_territory: o.address?.nonUSStateTerritory ?? null,
      non_us_address: o.address?.nonUSAddress ?? null,
      is_director: o.relationship?.isDirector ?? null,
      is_officer: o.relationship?.isOfficer ?? null,
      is_ten_percent_owner: o.relationship?.isTenPercentOwner ?? null,
      is_other: o.relationship?.isOther ?? null,
      officer_title: o.relationship?.officerTitle ?? null,
      other_text: o.relationship?.otherText ?? null,
    });
  });
  const ownership = (x: { sharesOwnedFollowingTransaction: number | null; valueOwnedFollowingTransaction: number | null; directOrIndirectOwnership: string | null; natureOfOwnership: string | null }) => ({
    shares_owned_following: x.sharesOwnedFollowingTransaction,
    value_owned_following: x.valueOwnedFollowingTransaction,
    direct_or_indirect: x.directOrIndirectOwnership,
    nature_of_ownership: x.natureOfOwnership,
  });
  const transaction = (t: OwnershipRecord['nonDerivativeTransactions'][number]) => ({
    transaction_date: t.transactionDate,
    deemed_execution_date: t.deemedExecutionDate,
    transaction_form_type: t.transactionFormType,
    transaction_code: t.transactionCode,
    equity_swap_involved: t.equitySwapInvolved,
    transaction_timeliness: t.transactionTimeliness,
    shares: t.shares,
    total_value: t.totalValue,
    price_per_share: t.pricePerShare,
    acquired_disposed_code: t.acquiredDisposedCode,
  });
  const derivative = (d: OwnershipRecord['derivativeHoldings'][number]) => ({
    conversion_or_exercise_price: d.conversionOrExercisePrice,
    exercise_date: d.exerciseDate,
    expiration_date: d.expirationDate,
    underlying_security_title: d.underlyingSecurityTitle,
    underlying_security_shares: d.underlyingSecurityShares,
    underlying_security_value: d.underlyingSecurityValue,
  });
  const refs = (rowTable: string, rowIdx: number, footnotes: Record<string, string[]>) => {
    for (const [field, ids] of Object.entries(footnotes)) {
      for (const footnoteId of ids) c.footnote_refs.push({ row_table: rowTable, row_idx: rowIdx, field, footnote_id: footnoteId });
    }
  };
  r.nonDerivativeTransactions.forEach((t, idx) => {
    c.nonderiv_transactions.push({ idx, security_title: t.securityTitle, ...transaction(t), ...ownership(t) });
    refs('nonDerivativeTransactions', idx, t.footnotes);
  });
  r.nonDerivativeHoldings.forEach((h, idx) => {
    c.nonderiv_holdings.push({ idx, security_title: h.securityTitle, transaction_form_type: h.transactionFormType, ...ownership(h) });
    refs('nonDerivativeHoldings', idx, h.footnotes);
  });
  r.derivativeTransactions.forEach((t, idx) => {
    c.deriv_transactions.push({ idx, security_title: t.securityTitle, ...transaction(t), ...derivative(t), ...ownership(t) });
    refs('derivativeTransactions', idx, t.footnotes);
  });
  r.derivativeHoldings.forEach((h, idx) => {
    c.deriv_holdings.push({ idx, security_title: h.securityTitle, transaction_form_type: h.transactionFormType, ...derivative(h), ...ownership(h) });
    refs('derivativeHoldings', idx, h.footnotes);
  });
  // Footnote ids are unique per document; a repeated id keeps its first text.
  const seen = new Set<string>();
  for (const f of r.footnotes) {
    if (seen.has(f.id)) continue;
    seen.add(f.id);
    c.footnotes.push({ footnote_id: f.id, text: f.text });
  }
  r.signatures.forEach((s, idx) => c.signatures.push({ idx, name: s.name, date: s.date }));
  return c;
}
