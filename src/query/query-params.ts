// The options of every query, as zod schemas: one definition that the library's option
// types are inferred from, that `form4 query` and the HTTP API validate their strings
// with (hence the coercions), and that the OpenAPI document is generated from.
import { z } from 'zod';

/** EDGAR writes CIKs as ten digits; `2488` and `0000002488` name the same company. */
export function padCik(cik: string): string {
  return cik.padStart(10, '0');
}

/** `true`/`1`/empty (a bare `?asFiled`) and `false`/`0` from a query string; booleans as they are. */
const flag = (description: string) =>
  z
    .preprocess((v) => (v === '' || v === 'true' || v === '1' ? true : v === 'false' || v === '0' ? false : v), z.boolean())
    .describe(description);

const cik = z
  .string()
  .regex(/^\d{1,10}$/, 'a CIK is 1 to 10 digits')
  .transform(padCik);

const date = (description: string) => z.iso.date().describe(description);

export const pageParams = {
  limit: z.coerce.number().int().min(1).max(1000).default(50).describe('rows per page (1 to 1000)'),
  offset: z.coerce.number().int().min(0).max(1_000_000_000).default(0).describe('rows to skip (pagination)'),
};

const issuerParams = {
  ticker: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .regex(/^[A-Za-z0-9.\-_/ ]+$/, 'a ticker is letters, digits and . - _ /')
    .describe("the issuer's trading symbol, as its latest filing gives it (case-insensitive)")
    .optional(),
  cik: cik.describe("the issuer's CIK").optional(),
};

const owner = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe("a reporting owner: a CIK (digits) or part of the owner's name (case-insensitive)")
  .optional();

const range = (what: string) => ({
  since: date(`only ${what} on or after this date (YYYY-MM-DD)`).optional(),
  until: date(`only ${what} on or before this date (YYYY-MM-DD)`).optional(),
});

const code = z
  .preprocess(
    (v) => (typeof v === 'string' ? v.split(',') : v),
    z.array(z.string().regex(/^[A-Za-z]$/, 'a transaction code is one letter (P, S, A, M, F, G, ...)').transform((c) => c.toUpperCase())).min(1),
  )
  .describe('transaction codes, comma-separated (P,S,A,M,F,G,...)')
  .optional();

const asFiled = flag('every row as filed, including rows an amendment restated (default: current rows only)').optional();

export const filingsParams = z.strictObject({
  ...issuerParams,
  owner,
  ...range('filings filed (or, without a filing date, for a period)'),
  code: code.describe('only filings with a transaction of one of these codes (P,S,...)'),
  form: z
    .string()
    .regex(/^[345](\/A)?$/i, 'a form is 3, 4, 5, 3/A, 4/A or 5/A')
    .transform((s) => s.toUpperCase())
    .describe('document type: 3, 4, 5, 3/A, 4/A or 5/A')
    .optional(),
  ...pageParams,
  asFiled,
});

export const activityParams = z.strictObject({
  ...issuerParams,
  owner,
  ...range('transactions'),
  code,
  ...pageParams,
  asFiled,
});

export const holdingsParams = z.strictObject({
  owner,
  ...issuerParams,
  security: z.string().trim().min(1).max(200).describe('part of the security title (case-insensitive)').optional(),
  ...range('transactions and holdings reports'),
  ...pageParams,
  asFiled,
});

export const clustersParams = z.strictObject({
  ...issuerParams,
  ...range('purchases'),
  minInsiders: z.coerce.number().int().min(2).max(100).default(3).describe('distinct insiders buying for a cluster (default 3)'),
  windowDays: z.coerce.number().int().min(1).max(366).default(30).describe('days from the first purchase to the last of a cluster (default 30)'),
  ...pageParams,
  asFiled,
});

export const lateParams = z.strictObject({
  ...issuerParams,
  owner,
  ...range('filings filed'),
  ...pageParams,
});

export const planSalesParams = z.strictObject({
  ...issuerParams,
  owner,
  ...range('sales'),
  by: z.enum(['issuer', 'insider']).default('issuer').describe('one row per issuer, or per insider and issuer'),
  ...pageParams,
  asFiled,
});

export const searchParams = z.strictObject({
  q: z.string().trim().min(1).max(100).describe('a ticker, part of a company name or insider name, or a CIK'),
  ...pageParams,
});

/** A query's options as the library takes them: every field optional, defaults applied inside. */
export type QueryOptions<S extends z.ZodType> = { [K in keyof z.output<S>]?: z.output<S>[K] | undefined };

export type FilingsQuery = QueryOptions<typeof filingsParams>;
export type ActivityQuery = QueryOptions<typeof activityParams>;
export type HoldingsQuery = QueryOptions<typeof holdingsParams>;
export type ClustersQuery = QueryOptions<typeof clustersParams>;
export type LateQuery = QueryOptions<typeof lateParams>;
export type PlanSalesQuery = QueryOptions<typeof planSalesParams>;
export type SearchQuery = QueryOptions<typeof searchParams>;

/**
 * Validates and completes a query's options (defaults, CIK padding, codes upper-cased).
 * Throws zod's error on an invalid option: adapters validate first and report it their way.
 */
export function completeOptions<S extends z.ZodType>(schema: S, options: unknown): z.output<S> {
  const defined = Object.fromEntries(Object.entries(options ?? {}).filter(([, v]) => v !== undefined));
  return schema.parse(defined);
}
