// What form4 asks EDGAR: a ticker's CIK, a company's or an owner's filings (with the
// submissions pagination files), the daily and quarterly form indexes, a full submission.
import { gunzipSync } from 'node:zlib';
import { EdgarError, type EdgarClient, type EdgarResponse } from './edgar-client.ts';
import {
  dailyFormIndexUrl,
  keepFiling,
  normalizeCik,
  quarterlyIndexUrl,
  submissionsPageUrl,
  submissionsUrl,
  submissionTextUrl,
  uniqueFilings,
  type FilingFilter,
  type FilingRef,
} from './filing-ref.ts';
import { parseFormIndex, type FormIndex } from './form-index.ts';
import { parseSubmissions, parseSubmissionsPage, type Submissions } from './submissions.ts';
import { COMPANY_TICKERS_URL, findTicker, parseTickers, type Parsed, type TickerEntry } from './tickers.ts';

function text(response: EdgarResponse): string {
  return new TextDecoder('utf-8').decode(response.body);
}

function valueOf<T>(parsed: Parsed<T>, url: string): T {
  if (!parsed.ok) throw new EdgarError('BAD_RESPONSE', `could not read ${url}: ${parsed.message}`, { url });
  return parsed.value;
}

/** The CIK of a ticker, from company_tickers.json (or another map in either of the SEC's formats). */
export async function lookupTicker(client: EdgarClient, ticker: string, url = COMPANY_TICKERS_URL): Promise<TickerEntry> {
  const entries = valueOf(parseTickers(text(await client.get(url))), url);
  const entry = findTicker(entries, ticker);
  if (!entry) throw new EdgarError('NOT_FOUND', `no ticker "${ticker}" in ${url}: check the symbol, or give the company's CIK with --cik`, { url });
  return entry;
}

export interface ListedFilings {
  submissions: Submissions;
  filings: FilingRef[];
  /** Pagination files read (those entirely before `since` are not). */
  pagesRead: string[];
}

/**
 * A company's or reporting owner's filings from its submissions file and pagination files,
 * filtered to ownership forms (or `filter.forms`) filed on or after `filter.since`.
 */
export async function listFilings(client: EdgarClient, cik: string, filter: FilingFilter = {}): Promise<ListedFilings> {
  const normalized = normalizeCik(cik);
  if (normalized === null) throw new EdgarError('BAD_RESPONSE', `"${cik}" is not a CIK (a number of up to 10 digits)`);
  const url = submissionsUrl(normalized);
  let response: EdgarResponse;
  try {
    response = await client.get(url);
  } catch (error) {
    if (error instanceof EdgarError && error.code === 'NOT_FOUND') {
      throw new EdgarError('NOT_FOUND', `EDGAR has no company or person with CIK ${normalized} (${url}: HTTP ${error.status}): check the number, or give a --ticker`, {
        url,
        ...(error.status === null ? {} : { status: error.status }),
      });
    }
    throw error;
  }
  const submissions = valueOf(parseSubmissions(text(response)), url);
  const all = [...submissions.filings];
  const pagesRead: string[] = [];
  for (const page of submissions.pages) {
    // Pages list older filings; one whose newest filing is before `since` has nothing for us.
    if (filter.since !== undefined && page.filingTo !== null && page.filingTo < filter.since) continue;
    const pageUrl = submissionsPageUrl(page.name);
    all.push(...valueOf(parseSubmissionsPage(text(await client.get(pageUrl)), submissions.cik), pageUrl));
    pagesRead.push(page.name);
  }
  return { submissions, filings: uniqueFilings(all.filter((f) => keepFiling(f, filter))), pagesRead };
}

/** An index file, gunzipped when it is a .gz. */
export async function readIndex(client: EdgarClient, url: string, cache: 'immutable' | 'revalidate' = 'revalidate'): Promise<FormIndex> {
  const response = await client.get(url, { cache });
  let bytes = response.body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new EdgarError('BAD_RESPONSE', `could not gunzip ${url}: ${(error as Error).message}`, { url });
    }
  }
  // Index files are ASCII but for the odd company name: latin1 never fails.
  return parseFormIndex(new TextDecoder('latin1').decode(bytes));
}

/** The day's form index (daily-index/YYYY/QTRn/form.YYYYMMDD.idx). NOT_FOUND before it is published and on holidays. */
export function dailyFormIndex(client: EdgarClient, date: string): Promise<FormIndex> {
  return readIndex(client, dailyFormIndexUrl(date));
}

/** A quarter's index (full-index/YYYY/QTRn/): form.idx, master.idx, form.gz or master.gz. */
export function quarterlyIndex(client: EdgarClient, year: number, quarter: number, file = 'form.idx'): Promise<FormIndex> {
  return readIndex(client, quarterlyIndexUrl(year, quarter, file));
}

/** The full submission text of a filing; accepted filings never change, so a cached copy is used as is. */
export function fetchSubmissionText(client: EdgarClient, ref: Pick<FilingRef, 'cik' | 'accessionNumber'>): Promise<EdgarResponse> {
  return client.get(submissionTextUrl(ref), { cache: 'immutable' });
}
