// EDGAR's index files, daily and quarterly: form.idx (fixed-width, sorted by form type)
// and master.idx (pipe-delimited). Pure: text in, rows and the lines that could not be read out.
import type { FilingRef } from './filing-ref.ts';

export interface IndexRow extends FilingRef {
  companyName: string;
  /** As written: edgar/data/1770787/0000899243-20-008928.txt */
  fileName: string;
}

export interface FormIndex {
  /** "Last Data Received:" as written, when present. */
  lastDataReceived: string | null;
  rows: IndexRow[];
  /** Lines after the header that are not rows, 1-based. */
  unreadable: { line: number; text: string }[];
}

/**
 * form.idx is fixed-width, but a name may fill its column up to the CIK, and a form type
 * may hold spaces ("SC 13G/A"), so a row is read from the right: file name, date, CIK;
 * what is left splits into form type and company at the header's "Company Name" column.
 *
 *   Form Type   Company Name                                                  CIK         Date Filed  File Name
 *   X-17A-5     UNITED PLANNERS' FINANCIAL SERVICES OF AMERICA A LIMITED PARTNER  820694      2021-02-24  edgar/data/...
 *               ^ company column (12)                                        ^ name ran into the CIK column
 *
 * master.idx is `CIK|Company Name|Form Type|Date Filed|Filename`; a "|" inside a name is
 * kept by joining the middle fields.
 */
export function parseFormIndex(text: string): FormIndex {
  const lines = text.split(/\r?\n/);
  const separator = lines.findIndex((l) => /^-{20,}\s*$/.test(l));
  const lastData = lines.slice(0, Math.max(0, separator)).find((l) => l.startsWith('Last Data Received:'));
  const result: FormIndex = { lastDataReceived: lastData ? lastData.slice('Last Data Received:'.length).trim() : null, rows: [], unreadable: [] };
  if (separator < 1) return result;
  const header = lines[separator - 1]!;
  const piped = header.includes('|');
  const companyColumn = header.indexOf('Company Name');
  for (let i = separator + 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    const row = piped ? pipedRow(line) : fixedRow(line, companyColumn > 0 ? companyColumn : 12);
    if (row) result.rows.push(row);
    else result.unreadable.push({ line: i + 1, text: line });
  }
  return result;
}

const FILE = /^edgar\/data\/(\d+)\/(\d{10}-\d{2}-\d{6})\.txt$/;

function isoDate(value: string): string | null {
  if (/^\d{8}$/.test(value)) return `${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6, 8)}`;
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null;
}

function row(form: string, companyName: string, cik: string, date: string, fileName: string): IndexRow | null {
  const filingDate = isoDate(date);
  const file = FILE.exec(fileName);
  if (!filingDate || !file || form === '' || !/^\d{1,10}$/.test(cik)) return null;
  return { form, companyName, cik: String(Number(cik)), filingDate, fileName, accessionNumber: file[2]! };
}

function pipedRow(line: string): IndexRow | null {
  const fields = line.split('|');
  if (fields.length < 5) return null;
  const [cik, ...rest] = fields;
  const fileName = rest.pop()!.trim();
  const date = rest.pop()!.trim();
  const form = rest.pop()!.trim();
  return row(form, rest.join('|').trim(), cik!.trim(), date, fileName);
}

const FIXED_TAIL = /^(.*?)\s+(\d{1,10})\s+(\d{8}|\d{4}-\d{2}-\d{2})\s+(\S+)\s*$/;

function fixedRow(line: string, companyColumn: number): IndexRow | null {
  const m = FIXED_TAIL.exec(line);
  if (!m) return null;
  const left = m[1]!;
  let form: string;
  let company: string;
  if (left.length > companyColumn && left[companyColumn - 1] === ' ') {
    form = left.slice(0, companyColumn).trim();
    company = left.slice(companyColumn).trim();
  } else {
    // A form type as long as its column: it ends at the first run of two spaces.
    const gap = /\s{2,}/.exec(left);
    form = (gap ? left.slice(0, gap.index) : left).trim();
    company = gap ? left.slice(gap.index).trim() : '';
  }
  return row(form, company, m[2]!, m[3]!, m[4]!);
}
