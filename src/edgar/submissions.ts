// data.sec.gov/submissions/CIK##########.json: a company's or a person's filings, the
// newest ~1,000 in `filings.recent` (column arrays) and older ones in the pagination files
// named by `filings.files[]`, which hold the same columns at their top level. Pure.
import { z } from 'zod';
import type { FilingRef } from './filing-ref.ts';
import type { Parsed } from './tickers.ts';

export interface SubmissionsPage {
  name: string;
  filingCount: number | null;
  /** YYYY-MM-DD of the oldest and newest filing in the page, when given. */
  filingFrom: string | null;
  filingTo: string | null;
}

export interface Submissions {
  cik: string;
  name: string | null;
  tickers: string[];
  filings: FilingRef[];
  pages: SubmissionsPage[];
}

const columns = z.object({
  accessionNumber: z.array(z.string()),
  filingDate: z.array(z.string()),
  form: z.array(z.string()),
});

const submissions = z.object({
  cik: z.union([z.string(), z.number()]),
  name: z.string().nullish(),
  tickers: z.array(z.string().nullable()).nullish(),
  filings: z.object({
    recent: columns,
    files: z
      .array(z.object({ name: z.string(), filingCount: z.number().nullish(), filingFrom: z.string().nullish(), filingTo: z.string().nullish() }))
      .nullish(),
  }),
});

function parseJson(text: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `not JSON (${(error as Error).message})` };
  }
}

function rows(cols: z.infer<typeof columns>, cik: string): Parsed<FilingRef[]> {
  const n = cols.accessionNumber.length;
  if (cols.filingDate.length !== n || cols.form.length !== n) {
    return { ok: false, message: `column lengths differ (accessionNumber ${n}, filingDate ${cols.filingDate.length}, form ${cols.form.length})` };
  }
  return {
    ok: true,
    value: cols.accessionNumber.map((accessionNumber, i) => ({ accessionNumber, cik, form: cols.form[i]!, filingDate: cols.filingDate[i]! })),
  };
}

/** The main file, CIK##########.json. */
export function parseSubmissions(text: string): Parsed<Submissions> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = submissions.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: `not a submissions file: ${parsed.error.issues[0]?.message ?? ''} at ${parsed.error.issues[0]?.path.join('.') ?? ''}` };
  const d = parsed.data;
  const cik = String(Number(d.cik));
  const filings = rows(d.filings.recent, cik);
  if (!filings.ok) return filings;
  return {
    ok: true,
    value: {
      cik,
      name: d.name ?? null,
      tickers: (d.tickers ?? []).filter((t): t is string => t !== null),
      filings: filings.value,
      pages: (d.filings.files ?? []).map((f) => ({ name: f.name, filingCount: f.filingCount ?? null, filingFrom: f.filingFrom ?? null, filingTo: f.filingTo ?? null })),
    },
  };
}

/** A pagination file, CIK##########-submissions-NNN.json: bare columns. */
export function parseSubmissionsPage(text: string, cik: string): Parsed<FilingRef[]> {
  const json = parseJson(text);
  if (!json.ok) return json;
  const parsed = columns.safeParse(json.value);
  if (!parsed.success) return { ok: false, message: `not a submissions page: ${parsed.error.issues[0]?.message ?? ''} at ${parsed.error.issues[0]?.path.join('.') ?? ''}` };
  return rows(parsed.data, cik);
}
