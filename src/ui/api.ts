// The HTTP API as the UI uses it (the contract is /api/openapi.json). Types the server's
// modules write in Node code are written here by hand, following src/query's row schemas;
// pure type modules (the record schema, the store's counts) are imported.
import type { Issue, OwnershipRecord, ParseResult, Source } from '../record/schema.ts';

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  rows: T[];
}

export interface FilingRow {
  id: number;
  accessionNumber: string | null;
  documentType: string | null;
  filingDate: string | null;
  periodOfReport: string | null;
  issuerCik: string | null;
  issuerName: string | null;
  ticker: string | null;
  ownerCiks: (string | null)[];
  ownerNames: (string | null)[];
  aff10b5One: boolean | null;
  ok: boolean;
  errorCode: string | null;
  format: string;
  sourceFile: string | null;
  amendsFilingId: number | null;
  amendedByFilingId: number | null;
  errors: number;
  warnings: number;
}

export interface StoredIssue extends Omit<Issue, 'span'> {
  line: number | null;
  column: number | null;
}

export interface FilingDetail {
  filing: FilingRow;
  record: OwnershipRecord | null;
  source: Source;
  issues: StoredIssue[];
  amended: boolean;
  amendments: number[];
}

export interface SearchRow {
  kind: 'issuer' | 'insider';
  cik: string | null;
  name: string | null;
  ticker: string | null;
  filings: number;
  lastFiled: string | null;
  match: 'ticker' | 'cik' | 'name';
}

export interface HoldingRow {
  ownerCik: string | null;
  ownerName: string | null;
  issuerCik: string | null;
  issuerName: string | null;
  ticker: string | null;
  table: 'nonDerivative' | 'derivative';
  securityTitle: string | null;
  directOrIndirect: string | null;
  natureOfOwnership: string | null;
  conversionOrExercisePrice: number | null;
  expirationDate: string | null;
  kind: 'transaction' | 'holding';
  date: string | null;
  transactionCode: string | null;
  acquiredDisposed: string | null;
  shares: number | null;
  pricePerShare: number | null;
  sharesOwnedFollowing: number | null;
  filingId: number;
  accessionNumber: string | null;
  filingDate: string | null;
  documentType: string | null;
  rowIndex: number;
  break: boolean;
  breakCode: string | null;
  breakMessage: string | null;
}

export interface ClusterMember {
  ownerCik: string | null;
  ownerName: string | null;
  purchases: number;
  shares: number;
  value: number;
  firstDate: string;
  lastDate: string;
  filingIds: number[];
}

export interface ClusterRow {
  issuerCik: string | null;
  issuerName: string | null;
  ticker: string | null;
  startDate: string;
  endDate: string;
  insiders: number;
  purchases: number;
  shares: number;
  value: number;
  members: ClusterMember[];
}

export interface LateFilerRow {
  ownerCik: string | null;
  ownerName: string | null;
  issuerCik: string | null;
  issuerName: string | null;
  ticker: string | null;
  lateFilings: number;
  lateTransactions: number;
  filings: number;
  worstDaysLate: number;
  worstBusinessDaysLate: number;
  lastLateFiled: string | null;
  lateFilingIds: number[];
}

export type { ParseResult };

/** The API's error body, `{error: {code, message}}`, as a thrown value. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  constructor(status: number, code: string, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

async function failure(response: Response): Promise<ApiError> {
  let code = `HTTP_${response.status}`;
  let message = `${response.status} ${response.statusText}`;
  try {
    const body = (await response.json()) as { error?: { code?: string; message?: string } };
    if (body.error?.code) code = body.error.code;
    if (body.error?.message) message = body.error.message;
  } catch {
    // not JSON: keep the status line
  }
  return new ApiError(response.status, code, message);
}

/** `query` values that are undefined or '' are left out: the API refuses unknown or empty parameters. */
export function apiUrl(path: string, query: Record<string, string | number | boolean | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') params.set(k, String(v));
  const qs = params.toString();
  return `/api/${path.replace(/^\//, '')}${qs ? `?${qs}` : ''}`;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

export async function getBytes(url: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await fetch(url, signal ? { signal } : {});
  if (!response.ok) throw await failure(response);
  return new Uint8Array(await response.arrayBuffer());
}

export async function postBytes<T>(url: string, body: Uint8Array | string, contentType: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': contentType, accept: 'application/json' },
    body: typeof body === 'string' ? body : new Blob([body as Uint8Array<ArrayBuffer>]),
    ...(signal ? { signal } : {}),
  });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Every page of a paged endpoint, up to `cap` rows; `total` says how many there were in all. */
export async function getAll<T>(
  path: string,
  query: Record<string, string | number | boolean | undefined>,
  cap: number,
  signal?: AbortSignal,
): Promise<{ rows: T[]; total: number }> {
  const rows: T[] = [];
  let total = 0;
  for (let offset = 0; offset < cap; offset += 1000) {
    const page = await getJson<Page<T>>(apiUrl(path, { ...query, limit: Math.min(1000, cap - offset), offset }), signal);
    total = page.total;
    rows.push(...page.rows);
    if (rows.length >= total || page.rows.length === 0) break;
  }
  return { rows, total };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const latin1 = new TextDecoder('windows-1252');

/** As the readers decode bytes (src/read/parse.ts): UTF-8 when it is, else Windows-1252. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    return latin1.decode(bytes);
  }
}

export interface IssuerProfile {
  cik: string | null;
  name: string | null;
  ticker: string | null;
  filings: number;
  insiders: number;
  firstFiled: string | null;
  lastFiled: string | null;
}

export interface InsiderProfile {
  cik: string;
  name: string | null;
  filings: number;
  firstFiled: string | null;
  lastFiled: string | null;
  issuers: {
    cik: string | null;
    name: string | null;
    ticker: string | null;
    filings: number;
    lastFiled: string | null;
    isDirector: boolean | null;
    isOfficer: boolean | null;
    isTenPercentOwner: boolean | null;
    isOther: boolean | null;
    officerTitle: string | null;
    otherText: string | null;
  }[];
}

interface ActivityTotals {
  category: string;
  transactions: number;
  filings: number;
  sharesAcquired: number;
  sharesDisposed: number;
  netShares: number;
  valueAcquired: number;
  valueDisposed: number;
  netValue: number;
  unpriced: number;
  firstDate: string | null;
  lastDate: string | null;
}

export interface IssuerActivityRow extends ActivityTotals {
  issuerCik: string | null;
  issuerName: string | null;
  ticker: string | null;
  insiders: number;
}

export interface InsiderActivityRow extends ActivityTotals {
  ownerCik: string | null;
  ownerName: string | null;
  issuerCik: string | null;
  issuerName: string | null;
  ticker: string | null;
}

export interface IssuerActivity {
  issuer: IssuerProfile;
  summary: IssuerActivityRow[];
  insiders: Page<InsiderActivityRow>;
}

/** The store's counts, as GET /api/stats returns them. */
export type { StoreStats } from '../store/store.ts';
