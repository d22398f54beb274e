// Filings: a filtered, paged list (by issuer, owner, dates, transaction code, form), one
// filing in full (record, source, issues, amendments), and its original bytes.
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { Issue, OwnershipRecord, Source } from '../record/schema.ts';
import type { Store } from '../store/store.ts';
import { completeOptions, filingsParams, type FilingsQuery } from './query-params.ts';
import { FILED, Where, addAnyOwnerFilter, addIssuerFilter, addRange, bool, emptyPage, paged, placeholders, type Page } from './sql.ts';

export const FilingRow = z.object({
  id: z.number().int(),
  accessionNumber: z.string().nullable(),
  documentType: z.string().nullable(),
  filingDate: z.string().nullable().describe('from the EDGAR header; null for a bare XML document'),
  periodOfReport: z.string().nullable(),
  issuerCik: z.string().nullable(),
  issuerName: z.string().nullable(),
  ticker: z.string().nullable().describe('the trading symbol as this filing gives it'),
  ownerCiks: z.array(z.string().nullable()),
  ownerNames: z.array(z.string().nullable()),
  aff10b5One: z.boolean().nullable().describe('the Rule 10b5-1(c) checkbox; null where the schema had none'),
  ok: z.boolean().describe('false when the document could not be read (kept with its error)'),
  errorCode: z.string().nullable(),
  format: z.string(),
  sourceFile: z.string().nullable(),
  amendsFilingId: z.number().int().nullable(),
  amendedByFilingId: z.number().int().nullable().describe('the latest amendment of this filing'),
  errors: z.number().int().describe('error-level issues'),
  warnings: z.number().int().describe('warning-level issues'),
});
export type FilingRow = z.infer<typeof FilingRow>;

type FilingDbRow = {
  id: number;
  accession_number: string | null;
  document_type: string | null;
  filing_date: string | null;
  period_of_report: string | null;
  issuer_cik: string | null;
  issuer_name: string | null;
  issuer_trading_symbol: string | null;
  aff10b5one: unknown;
  ok: unknown;
  error_code: string | null;
  format: string;
  source_file: string | null;
  amends_filing_id: number | null;
  amended_by_filing_id: number | null;
};

const FILING_COLUMNS = `f.id, f.accession_number, f.document_type, f.filing_date, f.period_of_report, f.issuer_cik, f.issuer_name,
  f.issuer_trading_symbol, f.aff10b5one, f.ok, f.error_code, f.format, f.source_file, f.amends_filing_id, f.amended_by_filing_id`;

/** Filings, newest first (by filing date, or period of report where there is none). */
export async function findFilings(store: Store, options: FilingsQuery = {}): Promise<Page<FilingRow>> {
  const q = completeOptions(filingsParams, options);
  const where = new Where();
  if (!(await addIssuerFilter(store, where, q))) return emptyPage(q);
  addAnyOwnerFilter(where, q.owner);
  addRange(where, FILED, q.since, q.until);
  if (q.form !== undefined) where.add('f.document_type = ?', q.form);
  if (q.code !== undefined) {
    const current = q.asFiled ? '' : 'AND t.current = ?';
    const params = [...q.code, ...(q.asFiled ? [] : [true])];
    where.add(
      `(EXISTS (SELECT 1 FROM nonderiv_transactions t WHERE t.filing_id = f.id AND t.transaction_code IN (${placeholders(q.code)}) ${current})
        OR EXISTS (SELECT 1 FROM deriv_transactions t WHERE t.filing_id = f.id AND t.transaction_code IN (${placeholders(q.code)}) ${current}))`,
      ...params,
      ...params,
    );
  }
  const { total, rows } = await paged<FilingDbRow>(
    store,
    `SELECT ${FILING_COLUMNS}, ${FILED} AS filed FROM filings f WHERE ${where.sql}`,
    where.params,
    'filed DESC NULLS LAST, id DESC',
    q,
  );
  return { total, limit: q.limit, offset: q.offset, rows: await filingRows(store, rows) };
}

async function filingRows(store: Store, rows: FilingDbRow[]): Promise<FilingRow[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => Number(r.id));
  const owners = new Map<number, Array<{ cik: string | null; name: string | null }>>();
  for (const o of await store.all<{ filing_id: number; cik: string | null; name: string | null }>(
    `SELECT filing_id, cik, name FROM reporting_owners WHERE filing_id IN (${placeholders(ids)}) ORDER BY filing_id, idx`,
    ids,
  )) {
    const list = owners.get(Number(o.filing_id)) ?? [];
    list.push({ cik: o.cik, name: o.name });
    owners.set(Number(o.filing_id), list);
  }
  const counts = new Map<string, number>();
  for (const c of await store.all<{ filing_id: number; severity: string; n: number }>(
    `SELECT filing_id, severity, COUNT(*) AS n FROM issues WHERE filing_id IN (${placeholders(ids)}) AND severity <> ? GROUP BY filing_id, severity`,
    [...ids, 'info'],
  )) {
    counts.set(`${Number(c.filing_id)}:${c.severity}`, Number(c.n));
  }
  return rows.map((r) => {
    const id = Number(r.id);
    const list = owners.get(id) ?? [];
    return {
      id,
      accessionNumber: r.accession_number,
      documentType: r.document_type,
      filingDate: r.filing_date,
      periodOfReport: r.period_of_report,
      issuerCik: r.issuer_cik,
      issuerName: r.issuer_name,
      ticker: r.issuer_trading_symbol,
      ownerCiks: list.map((o) => o.cik),
      ownerNames: list.map((o) => o.name),
      aff10b5One: bool(r.aff10b5one),
      ok: bool(r.ok) === true,
      errorCode: r.error_code,
      format: r.format,
      sourceFile: r.source_file,
      amendsFilingId: r.amends_filing_id === null ? null : Number(r.amends_filing_id),
      amendedByFilingId: r.amended_by_filing_id === null ? null : Number(r.amended_by_filing_id),
      errors: counts.get(`${id}:error`) ?? 0,
      warnings: counts.get(`${id}:warning`) ?? 0,
    };
  });
}

export const FilingDetail = z.object({
  filing: FilingRow,
  record: OwnershipRecord.nullable().describe('the record as filed; null when the document could not be read'),
  source: Source,
  issues: z.array(Issue.omit({ span: true }).extend({ line: z.number().int().nullable(), column: z.number().int().nullable() })),
  amended: z.boolean().describe('true when a later amendment restates this filing'),
  amendments: z.array(z.number().int()).describe('ids of the filings that amend this one, in filing order'),
});
export type FilingDetail = z.infer<typeof FilingDetail>;

/** One filing in full, or null when there is no filing with that id. */
export async function getFiling(store: Store, id: number): Promise<FilingDetail | null> {
  const [row] = await store.all<FilingDbRow & { record_json: string | null; source_json: string }>(
    `SELECT ${FILING_COLUMNS}, f.record_json, f.source_json FROM filings f WHERE f.id = ?`,
    [id],
  );
  if (!row) return null;
  const [filing] = await filingRows(store, [row]);
  const issues = await store.all<{ code: string; severity: string; message: string; path: string | null; line: number | null; col: number | null }>(
    'SELECT code, severity, message, path, line, col FROM issues WHERE filing_id = ? ORDER BY idx',
    [id],
  );
  const amendments = await store.all<{ id: number }>(
    `SELECT f.id FROM filings f WHERE f.amends_filing_id = ? ORDER BY ${FILED} NULLS LAST, f.acceptance_datetime NULLS LAST, f.id`,
    [id],
  );
  return {
    filing: filing as FilingRow,
    record: row.record_json === null ? null : (JSON.parse(row.record_json) as OwnershipRecord),
    source: JSON.parse(row.source_json) as Source,
    issues: issues.map((i) => ({
      code: i.code,
      severity: i.severity as Issue['severity'],
      message: i.message,
      path: i.path === null ? null : i.path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      line: i.line === null ? null : Number(i.line),
      column: i.col === null ? null : Number(i.col),
    })),
    amended: row.amended_by_filing_id !== null,
    amendments: amendments.map((a) => Number(a.id)),
  };
}

export interface RawDocument {
  bytes: Uint8Array;
  format: string;
  sourceFile: string | null;
  accessionNumber: string | null;
}

/** The document a filing was read from, decompressed: byte for byte what was ingested. */
export async function getRawDocument(store: Store, id: number): Promise<RawDocument | null> {
  const [row] = await store.all<{ data: Uint8Array; compression: string; format: string; source_file: string | null; accession_number: string | null }>(
    `SELECT r.data, r.compression, f.format, f.source_file, f.accession_number FROM filings f JOIN raw_documents r ON r.sha256 = f.raw_sha256 WHERE f.id = ?`,
    [id],
  );
  if (!row) return null;
  const bytes = row.compression === 'gzip' ? gunzipSync(row.data) : new Uint8Array(row.data);
  return { bytes, format: row.format, sourceFile: row.source_file, accessionNumber: row.accession_number };
}
