// Every endpoint of the HTTP API, as data: method, path, parameter schemas, response
// schema and handler. createApp registers these routes and openApiDocument describes
// them, so the server and its documentation cannot drift apart.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { z } from 'zod';
import { ingestEntries } from '../ingest/ingest.ts';
import {
  ClusterRow,
  FilingDetail,
  FilingRow,
  HoldingRow,
  InsiderActivityRow,
  InsiderProfile,
  IssuerActivityRow,
  IssuerProfile,
  LateFilerRow,
  PlanSalesRow,
  SearchRow,
  activityParams,
  clusterBuying,
  clustersParams,
  filingsParams,
  findFilings,
  getFiling,
  getRawDocument,
  holdingsHistory,
  holdingsParams,
  insiderActivity,
  insiderProfile,
  issuerActivity,
  issuerProfile,
  lateFilers,
  lateParams,
  padCik,
  planSales,
  planSalesParams,
  search,
  searchParams,
  type RawDocument,
} from '../query/index.ts';
import { validateFiling } from '../validate/validate-filing.ts';
import { parse } from '../read/parse.ts';
import { ParseResult } from '../record/schema.ts';
import type { Store } from '../store/store.ts';
import { ApiError } from './api-error.ts';

export interface AppOptions {
  /** Enables POST /api/ingest for requests with `Authorization: Bearer <token>`. */
  writeToken?: string | null | undefined;
  /** Largest request body accepted by POST /api/parse and /api/ingest (default 16 MiB). */
  maxBodyBytes?: number | undefined;
  /** The built web UI to serve at / (default: dist/ui or src/ui/dist when present). */
  uiDir?: string | null | undefined;
}

export interface RouteInput<Q, P> {
  store: Store;
  query: Q;
  params: P;
  c: Context;
  options: AppOptions;
}

export type ResponseSpec = { name: string; schema: z.ZodType; status?: number } | { contentType: string; description: string };

export interface Route<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  method: 'get' | 'post';
  /** Hono's syntax: `/api/filings/:id`. */
  path: string;
  tag: string;
  summary: string;
  description: string;
  query?: Q;
  params?: P;
  /** A request body: the bytes of one or more filings. */
  body?: { description: string };
  response: ResponseSpec;
  /** Client errors this route can answer besides 400 (404, 413, ...). */
  errors: number[];
  /** Needs the write token. */
  write?: boolean;
  /** Returns the JSON body, or a Response of its own. */
  handle(input: RouteInput<z.output<Q>, z.output<P>>): Promise<unknown>;
}

const route = <Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType>(r: Route<Q, P>): Route => r as unknown as Route;

const pageOf = (row: z.ZodType) =>
  z.object({
    total: z.number().int().describe('rows in all, over every page'),
    limit: z.number().int(),
    offset: z.number().int(),
    rows: z.array(row),
  });

const idParams = z.strictObject({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('the filing id (FilingRow.id)') });
const issuerPath = z.strictObject({
  issuer: z
    .string()
    .regex(/^[A-Za-z0-9.\-_]{1,20}$/, 'an issuer is a ticker or a CIK')
    .describe('a ticker (the latest filing that gives it names the issuer) or a CIK'),
});
const insiderPath = z.strictObject({ cik: z.string().regex(/^\d{1,10}$/, 'a CIK is 1 to 10 digits').transform(padCik).describe("the reporting owner's CIK") });
const uploadQuery = z.strictObject({ fileName: z.string().max(300).optional().describe('a name for the upload, shown in issues and kept as the source file') });

async function requireIssuer(store: Store, issuer: string): Promise<IssuerProfile> {
  const profile = await issuerProfile(store, issuer);
  if (!profile) throw notFoundIssuer(issuer);
  return profile;
}

const notFoundIssuer = (issuer: string) => new ApiError(404, 'NOT_FOUND', `No filing in the store names the issuer "${issuer}" (a ticker or a CIK).`);

async function requireInsider(store: Store, cik: string): Promise<InsiderProfile> {
  const profile = await insiderProfile(store, cik);
  if (!profile) throw notFoundInsider(cik);
  return profile;
}

const notFoundInsider = (cik: string) => new ApiError(404, 'NOT_FOUND', `No filing in the store has a reporting owner with CIK ${cik}.`);

/** 404 unless some filing has this reporting owner. */
async function checkInsider(store: Store, cik: string): Promise<void> {
  if ((await store.all('SELECT 1 AS found FROM reporting_owners WHERE cik = ? LIMIT 1', [cik])).length === 0) throw notFoundInsider(cik);
}

/** The uploaded files: a multipart form's files, or the body itself. */
async function uploads(c: Context, fileName: string | undefined): Promise<Array<{ name: string; bytes: Uint8Array }>> {
  const type = c.req.header('content-type') ?? '';
  if (type.startsWith('multipart/form-data')) {
    const form = await c.req.formData();
    const files: Array<{ name: string; bytes: Uint8Array }> = [];
    for (const value of form.values()) {
      if (typeof value !== 'string') files.push({ name: value.name || fileName || 'upload', bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return files;
  }
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  return bytes.length ? [{ name: fileName ?? 'upload', bytes }] : [];
}

function checkWriteToken(c: Context, token: string | null | undefined): void {
  if (!token) {
    throw new ApiError(
      403,
      'WRITE_DISABLED',
      'This server is read-only. To accept uploads, start it with "form4 serve --write-token TOKEN" (or set FORM4_WRITE_TOKEN) and send "Authorization: Bearer TOKEN".',
    );
  }
  const given = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
  // Compared as hashes: equal lengths whatever was sent, and no early exit on the first difference.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (given === undefined || !timingSafeEqual(digest(given), digest(token))) {
    throw new ApiError(401, 'UNAUTHORIZED', 'Writing needs "Authorization: Bearer TOKEN" with the token the server was started with.');
  }
}

/** The type a raw document is served as. A filing's HTML never runs scripts on our origin. */
function rawResponse(raw: RawDocument, id: number): Response {
  const utf8 = (() => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(raw.bytes);
      return true;
    } catch {
      return false;
    }
  })();
  const charset = utf8 ? 'utf-8' : 'windows-1252';
  const [type, ext] =
    raw.format === 'xml' ? ['application/xml', 'xml'] : raw.format === 'html' ? [`text/html; charset=${charset}`, 'html'] : [`text/plain; charset=${charset}`, 'txt'];
  const name = `${raw.accessionNumber ?? `filing-${id}`}.${ext}`;
  return new Response(raw.bytes, {
    headers: {
      'content-type': type,
      'content-length': String(raw.bytes.length),
      'content-disposition': `inline; filename="${name}"`,
      'content-security-policy': 'sandbox',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** Per store, the ingest in progress: uploads are stored one at a time. */
const ingesting = new WeakMap<Store, Promise<unknown>>();

export const routes: Route[] = [
  route({
    method: 'get',
    path: '/api/filings',
    tag: 'filings',
    summary: 'List filings',
    description: 'Filings, newest first (by filing date; a bare XML document without one by its period of report), filtered by issuer, reporting owner, dates, transaction code and form.',
    query: filingsParams,
    response: { name: 'FilingPage', schema: pageOf(FilingRow) },
    errors: [],
    handle: ({ store, query }) => findFilings(store, query),
  }),
  route({
    method: 'get',
    path: '/api/filings/:id',
    tag: 'filings',
    summary: 'One filing',
    description: 'The record as read, the source (EDGAR header facts), every issue (reading and validation), and whether a later amendment restates it.',
    params: idParams,
    response: { name: 'FilingDetail', schema: FilingDetail },
    errors: [404],
    handle: async ({ store, params }) => {
      const filing = await getFiling(store, params.id);
      if (!filing) throw new ApiError(404, 'NOT_FOUND', `No filing with id ${params.id}.`);
      return filing;
    },
  }),
  route({
    method: 'get',
    path: '/api/filings/:id/raw',
    tag: 'filings',
    summary: "A filing's original document",
    description: 'The bytes the filing was read from, decompressed, exactly as ingested: application/xml for ownership XML, text/plain for submissions and text renderings, text/html (sandboxed) for rendered pages.',
    params: idParams,
    response: { contentType: 'application/octet-stream', description: 'the original bytes; content type by format' },
    errors: [404],
    handle: async ({ store, params }) => {
      const raw = await getRawDocument(store, params.id);
      if (!raw) throw new ApiError(404, 'NOT_FOUND', `No filing with id ${params.id}.`);
      return rawResponse(raw, params.id);
    },
  }),
  route({
    method: 'get',
    path: '/api/issuers/:issuer',
    tag: 'issuers',
    summary: 'One issuer',
    description: 'Name and ticker from its latest filing, and how many filings and insiders the store holds.',
    params: issuerPath,
    response: { name: 'IssuerProfile', schema: IssuerProfile },
    errors: [404],
    handle: ({ store, params }) => requireIssuer(store, params.issuer),
  }),
  route({
    method: 'get',
    path: '/api/issuers/:issuer/activity',
    tag: 'issuers',
    summary: "An issuer's insider activity",
    description:
      'The issuer (as GET /api/issuers/{issuer}); totals by category of transaction (open-market purchases and sales apart from grants, exercises, tax withholding, gifts and the rest), each transaction counted once; and a page of the same per insider, largest dollar amounts first (limit and offset page the insiders).',
    params: issuerPath,
    query: activityParams.omit({ ticker: true, cik: true }),
    response: {
      name: 'IssuerActivity',
      schema: z.object({ issuer: IssuerProfile, summary: z.array(IssuerActivityRow).describe('one row per category'), insiders: pageOf(InsiderActivityRow) }),
    },
    errors: [404],
    handle: async ({ store, params, query }) => {
      const issuer = await requireIssuer(store, params.issuer);
      const filter = issuer.cik !== null ? { cik: issuer.cik } : { ticker: issuer.ticker ?? params.issuer };
      const summary = await issuerActivity(store, { ...query, ...filter, limit: 1000, offset: 0 });
      const insiders = await insiderActivity(store, { ...query, ...filter });
      return { issuer, summary: summary.rows, insiders };
    },
  }),
  route({
    method: 'get',
    path: '/api/insiders/:cik',
    tag: 'insiders',
    summary: 'One insider',
    description: 'Name from the latest filing, and the issuers the insider filed for with the roles (director, officer, 10% owner) of the latest filing.',
    params: insiderPath,
    response: { name: 'InsiderProfile', schema: InsiderProfile },
    errors: [404],
    handle: ({ store, params }) => requireInsider(store, params.cik),
  }),
  route({
    method: 'get',
    path: '/api/insiders/:cik/activity',
    tag: 'insiders',
    summary: "An insider's activity",
    description: 'Per issuer and category: shares and dollars acquired and disposed.',
    params: insiderPath,
    query: activityParams.omit({ owner: true }),
    response: { name: 'InsiderActivityPage', schema: pageOf(InsiderActivityRow) },
    errors: [404],
    handle: async ({ store, params, query }) => {
      await checkInsider(store, params.cik);
      return insiderActivity(store, { ...query, owner: params.cik });
    },
  }),
  route({
    method: 'get',
    path: '/api/insiders/:cik/holdings',
    tag: 'insiders',
    summary: "An insider's holdings over time",
    description:
      'Per issuer and security, direct and indirect apart: the amount owned after each transaction and as of each holdings report, in date order, with breaks in the chain flagged (the validators\' CHECK_HOLDINGS_ARITHMETIC and CHECK_HISTORY_BREAK issues).',
    params: insiderPath,
    query: holdingsParams.omit({ owner: true }),
    response: { name: 'HoldingPage', schema: pageOf(HoldingRow) },
    errors: [404],
    handle: async ({ store, params, query }) => {
      await checkInsider(store, params.cik);
      return holdingsHistory(store, { ...query, owner: params.cik });
    },
  }),
  route({
    method: 'get',
    path: '/api/activity/insiders',
    tag: 'activity',
    summary: 'Insider activity',
    description: 'Per insider, issuer and category of transaction: shares and dollars acquired and disposed, largest dollar amounts first.',
    query: activityParams,
    response: { name: 'InsiderActivityPage', schema: pageOf(InsiderActivityRow) },
    errors: [],
    handle: ({ store, query }) => insiderActivity(store, query),
  }),
  route({
    method: 'get',
    path: '/api/activity/issuers',
    tag: 'activity',
    summary: 'Issuer activity',
    description: 'Per issuer and category of transaction, each transaction counted once, largest dollar amounts first.',
    query: activityParams,
    response: { name: 'IssuerActivityPage', schema: pageOf(IssuerActivityRow) },
    errors: [],
    handle: ({ store, query }) => issuerActivity(store, query),
  }),
  route({
    method: 'get',
    path: '/api/clusters',
    tag: 'signals',
    summary: 'Cluster buying',
    description: 'At least minInsiders insiders buying on the open market (code P) at one issuer within windowDays, newest first, each with its insiders, dates, shares and dollars.',
    query: clustersParams,
    response: { name: 'ClusterPage', schema: pageOf(ClusterRow) },
    errors: [],
    handle: ({ store, query }) => clusterBuying(store, query),
  }),
  route({
    method: 'get',
    path: '/api/late',
    tag: 'signals',
    summary: 'Late filers',
    description: 'Per reporting owner and issuer: filings made after their Section 16(a) deadline (CHECK_FILED_LATE), and how late the worst was.',
    query: lateParams,
    response: { name: 'LateFilerPage', schema: pageOf(LateFilerRow) },
    errors: [],
    handle: ({ store, query }) => lateFilers(store, query),
  }),
  route({
    method: 'get',
    path: '/api/10b5-1',
    tag: 'signals',
    summary: 'Sales under 10b5-1 plans',
    description:
      "The share of open-market sales (code S) made under a Rule 10b5-1 plan, from the filing's aff10b5One checkbox; filings from before the checkbox existed (2023) are counted as unknown.",
    query: planSalesParams,
    response: { name: 'PlanSalesPage', schema: pageOf(PlanSalesRow) },
    errors: [],
    handle: ({ store, query }) => planSales(store, query),
  }),
  route({
    method: 'get',
    path: '/api/search',
    tag: 'search',
    summary: 'Search',
    description: 'Issuers by ticker, name or CIK and insiders by name or CIK, best match first.',
    query: searchParams,
    response: { name: 'SearchPage', schema: pageOf(SearchRow) },
    errors: [],
    handle: ({ store, query }) => search(store, query),
  }),
  route({
    method: 'get',
    path: '/api/stats',
    tag: 'store',
    summary: 'What the store holds',
    description: 'Filings by form type, issuers, reporting owners, rows of each table, raw documents, issues by code.',
    response: {
      name: 'StoreStats',
      schema: z.object({
        filings: z.number().int(),
        failed: z.number().int(),
        byDocumentType: z.record(z.string(), z.number().int()),
        reportingOwners: z.number().int(),
        issuers: z.number().int(),
        nonDerivativeTransactions: z.number().int(),
        nonDerivativeHoldings: z.number().int(),
        derivativeTransactions: z.number().int(),
        derivativeHoldings: z.number().int(),
        footnotes: z.number().int(),
        rawDocuments: z.number().int(),
        issuesByCode: z.record(z.string(), z.object({ severity: z.string(), count: z.number().int() })),
      }),
    },
    errors: [],
    handle: ({ store }) => store.stats(),
  }),
  route({
    method: 'post',
    path: '/api/parse',
    tag: 'filings',
    summary: 'Read a filing (nothing is stored)',
    description:
      "Send a filing in any format form4 reads (ownership XML, a full EDGAR submission, the SEC's HTML page, a text rendering) as the request body, or as a file of a multipart form. The answer is the parse result with each value's provenance and the reader's and validator's issues.",
    query: uploadQuery,
    body: { description: 'the filing' },
    response: { name: 'ParseResult', schema: ParseResult },
    errors: [413],
    handle: async ({ c, query }) => {
      const files = await uploads(c, query.fileName);
      const file = files[0];
      if (!file || files.length > 1) throw new ApiError(400, 'INVALID_BODY', `Send exactly one filing (got ${files.length}).`);
      const result = parse(file.bytes, { fileName: file.name, provenance: true });
      if (result.record) result.issues.push(...validateFiling(result.record, result.source, { ...(result.source.issuerFiscalYearEnd ? { issuerFiscalYearEnd: result.source.issuerFiscalYearEnd } : {}) }));
      return result;
    },
  }),
  route({
    method: 'post',
    path: '/api/ingest',
    tag: 'store',
    summary: 'Store filings (needs the write token)',
    description:
      'Reads the filing in the body (or every file of a multipart form) into the store, as "form4 ingest" does. Refused with 403 unless the server was started with a write token, and with 401 without "Authorization: Bearer TOKEN".',
    query: uploadQuery,
    body: { description: 'a filing, or a multipart form of filings' },
    response: {
      name: 'IngestResult',
      status: 201,
      schema: z.object({
        inputs: z.number().int(),
        inserted: z.number().int(),
        duplicates: z.number().int().describe('already stored (same accession number, or same bytes)'),
        failed: z.number().int().describe('could not be read; stored with their error'),
        filings: z.array(z.object({ name: z.string(), id: z.number().int().nullable(), ok: z.boolean() })),
      }),
    },
    errors: [401, 403, 413],
    write: true,
    handle: async ({ c, store, query, options }) => {
      checkWriteToken(c, options.writeToken);
      const files = await uploads(c, query.fileName);
      if (files.length === 0) throw new ApiError(400, 'INVALID_BODY', 'Send a filing as the body, or files in a multipart form.');
      // One ingest at a time: it ends with store-wide maintenance (amendments, holdings chains).
      const run = (ingesting.get(store) ?? Promise.resolve()).then(() =>
        ingestEntries(
          store,
          async function* () {
            yield* files;
          },
          files.reduce((n, f) => n + f.bytes.length, 0),
          { workers: 0 },
        ),
      );
      ingesting.set(store, run.catch(() => {}));
      const progress = await run;
      const filings = [];
      for (const file of files) {
        const sha256 = createHash('sha256').update(file.bytes).digest('hex');
        const [row] = await store.all<{ id: number; ok: unknown }>('SELECT id, ok FROM filings WHERE raw_sha256 = ? ORDER BY id LIMIT 1', [sha256]);
        filings.push({ name: file.name, id: row ? Number(row.id) : null, ok: row ? row.ok === true || row.ok === 1 : false });
      }
      const body = { inputs: progress.inputs, inserted: progress.inserted, duplicates: progress.duplicates, failed: progress.failed, filings };
      return c.json(body, progress.inserted > 0 ? 201 : 200);
    },
  }),
];
