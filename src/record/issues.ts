// Every issue a reader can report: stable code, severity and wording, in one place.
// Codes never change meaning once released; users filter and store them.
import type { Issue, Severity, Span } from './schema.ts';

type Catalogue = Record<string, { severity: Severity; message: (p: Record<string, string | number>) => string }>;

const catalogue = {
  // The input as a whole: a reader that reports one of these produced no record.
  INPUT_EMPTY: { severity: 'error', message: () => 'The input is empty.' },
  INPUT_TOO_LARGE: {
    severity: 'error',
    message: (p) =>
      `The input is larger than ${p.limit} bytes (${p.size} bytes read); no Form 3/4/5 comes near that. ` +
      'Raise the limit with --max-bytes if this really is a filing.',
  },
  INPUT_UNREADABLE: {
    severity: 'error',
    message: (p) => `The input could not be read: ${p.reason}.`,
  },
  INPUT_BINARY: {
    severity: 'error',
    message: (p) => `The input is binary data, not a text filing (byte 0x${p.byte} at offset ${p.offset}).`,
  },
  INPUT_UNRECOGNIZED: {
    severity: 'error',
    message: () =>
      'Not a Form 3/4/5: the input is neither EDGAR ownership XML, an EDGAR submission (.txt), ' +
      'nor a rendering of the printed form.',
  },
  FORMAT_NOT_SUPPORTED: {
    severity: 'error',
    message: (p) => `This looks like ${p.what}; form4 cannot read that format yet.`,
  },
  XML_MALFORMED: { severity: 'error', message: (p) => `Malformed XML: ${p.detail}.` },
  XML_TRUNCATED: {
    severity: 'error',
    message: (p) =>
      `The XML ends before <${p.name}> (opened at line ${p.line}, column ${p.column}) is closed: the file looks truncated.`,
  },
  XML_DOCTYPE_FORBIDDEN: {
    severity: 'error',
    message: () =>
      'The XML has a DOCTYPE declaration. EDGAR ownership XML never has one, and form4 never expands ' +
      'entities or fetches external resources, so the document is refused.',
  },
  XML_TOO_DEEP: {
    severity: 'error',
    message: (p) => `Elements are nested more than ${p.limit} deep; ownership XML is never deeper than 8.`,
  },
  XML_WRONG_ROOT: {
    severity: 'error',
    message: (p) => `The root element is <${p.name}>, not <ownershipDocument>: this is not an ownership document.`,
  },
  SUBMISSION_NO_OWNERSHIP_XML: {
    severity: 'error',
    message: (p) =>
      `This EDGAR submission${p.accession ? ` (${p.accession})` : ''} holds no ownership XML: ` +
      (p.documents === 0
        ? 'it is a header with no documents.'
        : 'filings made before mid-2003 exist only as text, which the rendering reader reads.'),
  },
  SUBMISSION_MALFORMED: { severity: 'error', message: (p) => `Malformed EDGAR submission: ${p.detail}.` },

  // Inside a document: the record is produced and these say what was odd.
  XML_UNKNOWN_ELEMENT: {
    severity: 'warning',
    message: (p) => `<${p.name}> is not part of the ownership schema inside <${p.parent}>; it was skipped.`,
  },
  XML_LEGACY_ELEMENT: {
    severity: 'info',
    message: (p) => `<${p.name}> (an older schema's name) was read as ${p.as}.`,
  },
  XML_BARE_AMPERSAND: {
    severity: 'warning',
    message: () => 'A "&" that starts no entity reference was kept as written (the XML should write "&amp;").',
  },
  XML_UNKNOWN_ENTITY: {
    severity: 'warning',
    message: (p) => `The entity reference &${p.name}; is not one of XML's five; it was kept as written, not expanded.`,
  },
  XML_REPEATED_ELEMENT: {
    severity: 'warning',
    message: (p) => `<${p.name}> appears more than once in <${p.parent}>; the first value was kept: "${p.value}".`,
  },
  FORM4_REQUIRED_MISSING: {
    severity: 'error',
    message: (p) => `The document gives no ${p.field}, which every ${p.form} must have.`,
  },
  FORM4_NUMBER_INVALID: {
    severity: 'warning',
    message: (p) => `"${p.value}" is not a number; ${p.field} is null.`,
  },
  FORM4_NUMBER_PRECISION: {
    severity: 'warning',
    message: (p) => `"${p.value}" has more significant digits than a JSON number keeps; ${p.field} is ${p.kept}.`,
  },
  FORM4_DATE_INVALID: {
    severity: 'warning',
    message: (p) => `"${p.value}" is not a date (YYYY-MM-DD); ${p.field} is null.`,
  },
  FORM4_DATE_IMPOSSIBLE: {
    severity: 'warning',
    message: (p) => `${p.value} is not a day of the calendar; it was kept as written in ${p.field}.`,
  },
  FORM4_DATE_TIMEZONE: {
    severity: 'info',
    message: (p) => `The date "${p.value}" carries a time-zone suffix; ${p.field} is the date ${p.date}.`,
  },
  FORM4_BOOLEAN_INVALID: {
    severity: 'warning',
    message: (p) => `"${p.value}" is not a flag (1, 0, true, false); ${p.field} is null.`,
  },
  FORM4_FOOTNOTE_ID_MISSING: {
    severity: 'warning',
    message: () => 'A <footnoteId> or <footnote> has no id attribute; it was skipped.',
  },
  FORM4_DOCUMENT_TYPE_UNKNOWN: {
    severity: 'warning',
    message: (p) => `Document type "${p.value}" is not one of 3, 4, 5, 3/A, 4/A, 5/A.`,
  },
} satisfies Catalogue;

export type IssueCode = keyof typeof catalogue;

export const issueCodes = Object.keys(catalogue) as IssueCode[];

export function severityOf(code: IssueCode): Severity {
  return catalogue[code].severity;
}

/** Builds an issue; the wording lives in the catalogue above and nowhere else. */
export function makeIssue(
  code: IssueCode,
  params: Record<string, string | number> = {},
  path: (string | number)[] | null = null,
  span: Span | null = null,
): Issue {
  const entry: Catalogue[string] = catalogue[code];
  return { code, severity: entry.severity, message: entry.message(params), path, span };
}
