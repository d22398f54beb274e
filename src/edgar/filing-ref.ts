// A filing as EDGAR's listings name it (submissions JSON, form indexes), and the URLs
// that follow from it. Pure: no I/O.
import { EDGAR_DATA, EDGAR_WWW } from './edgar-client.ts';

export interface FilingRef {
  accessionNumber: string;
  /** A CIK the filing is filed under (issuer or reporting owner): names its Archives folder. */
  cik: string;
  form: string;
  /** YYYY-MM-DD */
  filingDate: string;
}

/** Forms 3, 4, 5 and their amendments: what form4 reads. */
export const OWNERSHIP_FORMS: readonly string[] = ['3', '4', '5', '3/A', '4/A', '5/A'];

/** "0000320193", "320193", "CIK320193" → "320193"; null when not a CIK. */
export function normalizeCik(value: string | number): string | null {
  const text = String(value).trim().replace(/^cik/i, '');
  if (!/^\d{1,10}$/.test(text)) return null;
  return String(Number(text));
}

export function paddedCik(cik: string): string {
  return cik.padStart(10, '0');
}

export function isAccessionNumber(value: string): boolean {
  return /^\d{10}-\d{2}-\d{6}$/.test(value);
}

/** The full submission text: Archives/edgar/data/{cik}/{accession without dashes}/{accession}.txt */
export function submissionTextUrl(ref: Pick<FilingRef, 'cik' | 'accessionNumber'>): string {
  return `${EDGAR_WWW}/Archives/edgar/data/${ref.cik}/${ref.accessionNumber.replaceAll('-', '')}/${ref.accessionNumber}.txt`;
}

export function submissionsUrl(cik: string): string {
  return `${EDGAR_DATA}/submissions/CIK${paddedCik(cik)}.json`;
}

/** A pagination file named in filings.files[] ("CIK0000320193-submissions-001.json"). */
export function submissionsPageUrl(name: string): string {
  return `${EDGAR_DATA}/submissions/${name}`;
}

export function quarterOf(date: string): number {
  return Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
}

/** daily-index/YYYY/QTRn/form.YYYYMMDD.idx for a YYYY-MM-DD date. */
export function dailyFormIndexUrl(date: string): string {
  return `${EDGAR_WWW}/Archives/edgar/daily-index/${date.slice(0, 4)}/QTR${quarterOf(date)}/form.${date.replaceAll('-', '')}.idx`;
}

/** full-index/YYYY/QTRn/{file}: form.idx, master.idx, or their .gz. */
export function quarterlyIndexUrl(year: number, quarter: number, file: string): string {
  return `${EDGAR_WWW}/Archives/edgar/full-index/${year}/QTR${quarter}/${file}`;
}

export interface FilingFilter {
  forms?: readonly string[];
  /** YYYY-MM-DD, inclusive. */
  since?: string;
}

export function keepFiling(ref: FilingRef, filter: FilingFilter): boolean {
  return (filter.forms ?? OWNERSHIP_FORMS).includes(ref.form) && (filter.since === undefined || ref.filingDate >= filter.since);
}

/** One ref per accession number, in first-seen order (indexes list a Form 4 under each filer). */
export function uniqueFilings(refs: Iterable<FilingRef>): FilingRef[] {
  const seen = new Map<string, FilingRef>();
  for (const ref of refs) if (!seen.has(ref.accessionNumber)) seen.set(ref.accessionNumber, ref);
  return [...seen.values()];
}
