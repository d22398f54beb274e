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
  READER_FAILED: {
    severity: 'error',
    message: (p) => `form4's reader failed on this input (a bug: please report it with the file): ${p.reason}`,
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
  DATASET_MALFORMED: {
    severity: 'error',
    message: (p) => `Malformed SEC data set rows: ${p.detail}.`,
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

  // Renderings of the printed form (HTML pages of EDGAR and of the SEC's stylesheets).
  HTML_NOT_OWNERSHIP_FORM: {
    severity: 'error',
    message: () => 'The HTML page shows no Form 3, 4 or 5: no form title and no Table I or Table II was found.',
  },
  HTML_COLUMN_UNKNOWN: {
    severity: 'warning',
    message: (p) => `Column "${p.label}" of ${p.table} is not a column of the printed form; its cells were skipped.`,
  },
  HTML_ROW_SHAPE: {
    severity: 'warning',
    message: (p) => `A row of ${p.table} has ${p.cells} cells where the header has ${p.columns} columns; cells were read left to right.`,
  },
  HTML_STATE_UNKNOWN: {
    severity: 'warning',
    message: (p) => `"${p.value}" is not an EDGAR state or country name; state is null and the name was kept as stateDescription.`,
  },
  HTML_AMENDMENT_INFERRED: {
    severity: 'info',
    message: (p) => `The page titles the form "${p.form}" but fills in the date the original was filed; it was read as ${p.form}/A.`,
  },
  HTML_OWNER_ADDRESS_LINES: {
    severity: 'info',
    message: (p) =>
      `The address of reporting owner ${p.owner} is printed as ${p.lines} lines; ${p.detail}.`,
  },
  HTML_OWNER_HEADER_MISMATCH: {
    severity: 'warning',
    message: (p) => `Box 1 names "${p.header}" but the Reporting Owners table starts with "${p.table}"; the table was followed.`,
  },
  HTML_AMOUNT_IN_BOTH_COLUMNS: {
    severity: 'warning',
    message: () => 'Amounts are printed in both the (A) and the (D) column of a Table II row; the (A) amount was kept.',
  },

  // Text renderings of the printed form (src/read/text/).
  TEXT_NOT_A_FORM: {
    severity: 'error',
    message: (p) =>
      `The text is not a rendering of Form 3, 4 or 5: it shows ${p.found} of the form's printed anchors ` +
      `(box labels, table titles, column headings); at least ${p.needed} are needed.`,
  },
  TEXT_LABEL_DAMAGED: {
    severity: 'info',
    message: (p) => `The printed label "${p.label}" was recognized in damaged text: "${p.seen}".`,
  },
  TEXT_FORM_TYPE_CONFLICT: {
    severity: 'warning',
    message: (p) => `The rendering names the form both as Form ${p.first} and as Form ${p.second}; Form ${p.first} was kept.`,
  },
  TEXT_FORM_TYPE_INFERRED: {
    severity: 'warning',
    message: (p) => `The rendering prints no form name or statement title; Form ${p.form} was inferred from its boxes.`,
  },
  TEXT_SYMBOL_MISSING: {
    severity: 'warning',
    message: (p) => `Box "Issuer Name and Ticker or Trading Symbol" prints "${p.value}" with no [SYMBOL]; the trading symbol is null.`,
  },
  TEXT_ADDRESS_SPLIT_INFERRED: {
    severity: 'info',
    message: (p) =>
      `The street line "${p.value}" holds two address lines run together; it was split before the street number ("${p.street1}" | "${p.street2}").`,
  },
  TEXT_ADDRESS_UNREAD: {
    severity: 'warning',
    message: (p) => `"${p.value}" does not read as city, state and ZIP code; ${p.kept}.`,
  },
  TEXT_RELATIONSHIP_TITLE_AMBIGUOUS: {
    severity: 'warning',
    message: (p) => `The title "${p.value}" is printed under box 5, ${p.why}; it was kept as ${p.field}.`,
  },
  TEXT_FRAGMENT_UNREAD: {
    severity: 'info',
    message: (p) => `"${p.value}" (${p.where}) belongs to no box or column of the form; it was not read.`,
  },
  TEXT_ROW_ALIGNED_BY_TYPE: {
    severity: 'info',
    message: (p) =>
      `Row ${p.row} of ${p.table} does not fit the form's ${p.columns} columns cell by cell (${p.cells} filled cells); ` +
      'its values were placed by what each column can hold, in order (confidence below 1).',
  },
  TEXT_ROWS_SPLIT_BY_LAYOUT: {
    severity: 'info',
    message: (p) =>
      `${p.table} prints no blank line between some of its rows; the lines around each row's main line were ` +
      `given to rows as the converter centres a cell's lines (${p.rows} rows; their values have confidence 0.8).`,
  },
  TEXT_ROWS_READ_IN_ORDER: {
    severity: 'info',
    message: (p) =>
      `${p.table} is printed without column positions (one line per row); each row's values were placed by type ` +
      "in the form's column order (confidence 0.7 or less).",
  },
  TEXT_OWNERS_READ_IN_ORDER: {
    severity: 'warning',
    message: (p) =>
      `The Reporting Owners table is printed without column positions (one cell per line, in drawing order): ` +
      `the relationships of its ${p.owners} owners cannot be told apart; only the first owner's, which box 5 prints, was read.`,
  },
  TEXT_OWNER_MARKS_OFF_HEADS_PAGE: {
    severity: 'info',
    message: (p) =>
      `${p.marks} owner marks (X) stand on a later page of the PDF than the Reporting Owners heads, which pdftotext lays out on a grid of its own: ` +
      `${p.byOrder} were placed by matching that page's mark columns in order with the columns the owners above use, the others under the nearest head (confidence 0.7).`,
  },
  TEXT_ROWS_OFF_HEADS_PAGE: {
    severity: 'info',
    message: (p) =>
      `${p.table} continues on a later page of the PDF, which pdftotext lays out apart from the column heads; ` +
      `its ${p.rows} rows there were placed by type in the form's column order (confidence 0.7 or less).`,
  },
  TEXT_NUMBER_SPLIT_JOINED: {
    severity: 'warning',
    message: (p) => `"${p.first}" and "${p.second}" are one number cut across two cells; ${p.field} is ${p.value}.`,
  },
  TEXT_CELL_UNPLACED: {
    severity: 'warning',
    message: (p) => `"${p.value}" in row ${p.row} of ${p.table} fits none of the remaining columns; it was not read.`,
  },
  TEXT_CELL_AMBIGUOUS: {
    severity: 'warning',
    message: (p) => `"${p.value}" in row ${p.row} of ${p.table} fits ${p.first} as well as ${p.second}; it was read as ${p.chosen}.`,
  },
  TEXT_MARKS_AMBIGUOUS: {
    severity: 'info',
    message: (p) =>
      `The footnote marks "${p.marks}" stand one space after the ${p.first} value "${p.value}": they may be that value's or ` +
      `the next column's (${p.second}, given only as a footnote), and the rendering does not tell; they were read as the ${p.chosen}'s, ` +
      'as the form most often has them (confidence below 1).',
  },
  TEXT_LINE_UNREAD: {
    severity: 'warning',
    message: (p) => `The line "${p.value}" inside ${p.table} is not a row of the table; it was not read.`,
  },
  TEXT_OWNER_LINES_JOINED: {
    severity: 'info',
    message: (p) =>
      `The converter wrapped the owner's name and address cell; lines were joined where the next word did not fit, which the text cannot confirm: ${p.lines}.`,
  },
  TEXT_GRID_TABLE_UNREAD: {
    severity: 'warning',
    message: () =>
      'A table laid out inside a grid table cell narrower than itself, its lines cut more than once, cannot be put back together; its rows were not read.',
  },
  TEXT_AMOUNT_BOTH_COLUMNS: {
    severity: 'warning',
    message: (p) => `Row ${p.row} of Table II prints an amount both as acquired (${p.acquired}) and as disposed of (${p.disposed}); shares is null.`,
  },
  TEXT_BALANCE_MISMATCH: {
    severity: 'info',
    message: (p) =>
      `Row ${p.row} of ${p.table}: ${p.previous} owned after the row before, ${p.sign} ${p.amount}, gives ${p.expected}, ` +
      `but ${p.following} is printed as owned following the transaction.`,
  },
  TEXT_PRICE_LOOKS_TOTAL: {
    severity: 'warning',
    message: (p) =>
      `Row ${p.row} of Table II prints ${p.price} as the price of the derivative security: exactly ${p.shares} × ${p.exercise} ` +
      '(amount × exercise price), an aggregate rather than a price. It is kept as printed.',
  },
  TEXT_VALUE_WORD: {
    severity: 'info',
    message: (p) => `${p.field} is printed as "${p.value}", not as a ${p.kind}; the value is null.`,
  },

  // Validation (src/validate/): checks of a read record against the SEC's rules. Values
  // stay as reported; these say what does not add up.
  CHECK_TRANSACTION_CODE_UNKNOWN: {
    severity: 'warning',
    message: (p) => `Transaction code "${p.code}" is not one of the SEC's codes (${p.known}).`,
  },
  CHECK_TRANSACTION_CODE_DIRECTION: {
    severity: 'warning',
    message: (p) =>
      `Code ${p.code} (${p.meaning}) is ${p.expected === 'A' ? 'an acquisition (A)' : 'a disposition (D)'} on a ` +
      `${p.table} row, but the row reports ${p.actual}; the value is kept as reported.`,
  },
  CHECK_HOLDINGS_ARITHMETIC: {
    severity: 'warning',
    message: (p) =>
      `${p.position}: ${p.previousPath} leaves ${p.previous} owned; ${p.change} should leave ${p.expected}, ` +
      `but this row reports ${p.actual}.`,
  },
  CHECK_FOOTNOTE_UNDEFINED: {
    severity: 'warning',
    message: (p) => `${p.field} of ${p.row} refers to footnote ${p.id}, which the filing does not give.`,
  },
  CHECK_FOOTNOTE_UNUSED: {
    severity: 'info',
    message: (p) => `Footnote ${p.id} is given but no value of the filing refers to it.`,
  },
  CHECK_DATE_AFTER_FILING: {
    severity: 'warning',
    message: (p) => `${p.field} ${p.value} is after the ${p.basis} ${p.filed}: a filing cannot report what has not happened yet.`,
  },
  CHECK_DATE_IMPLAUSIBLE: {
    severity: 'warning',
    message: (p) => `${p.field} ${p.value} is ${p.bound}; it looks like a typo and is kept as reported.`,
  },
  CHECK_TRANSACTION_BEFORE_PERIOD: {
    severity: 'warning',
    message: (p) =>
      `The transaction date ${p.date} is before the period of report ${p.period}, which box 3 gives as the date of the earliest transaction.`,
  },
  CHECK_PERIOD_NOT_EARLIEST: {
    severity: 'info',
    message: (p) =>
      `The period of report ${p.period} is the date of no transaction; box 3 should be the earliest transaction date, ${p.earliest}.`,
  },
  CHECK_DEEMED_DATE_BEFORE_TRANSACTION: {
    severity: 'warning',
    message: (p) => `The deemed execution date ${p.deemed} is before the transaction date ${p.date}.`,
  },
  CHECK_DEEMED_DATE_TOO_LATE: {
    severity: 'info',
    message: (p) =>
      `The deemed execution date ${p.deemed} is after ${p.limit}, the third business day after the trade on ${p.date}, ` +
      'the latest Rule 16a-3(g) allows.',
  },
  CHECK_EXPIRATION_BEFORE_EXERCISE: {
    severity: 'warning',
    message: (p) => `The expiration date ${p.expiration} is before the date exercisable ${p.exercise}.`,
  },
  CHECK_PRICE_OUTLIER: {
    severity: 'warning',
    message: (p) =>
      `The price ${p.price} is more than ${p.ratio} times off the median ${p.median} of the ${p.others} other open-market ` +
      `(P/S) prices of ${p.title} in this filing.`,
  },
  CHECK_FILED_LATE: {
    severity: 'warning',
    message: (p) => `Filed late: ${lateDeadline(p)}`,
  },
  CHECK_FILED_LATE_DECLARED: {
    severity: 'info',
    message: (p) => `Reported as late by the filer: ${lateDeadline(p)}`,
  },
  CHECK_HISTORY_BREAK: {
    severity: 'info',
    message: (p) =>
      `${p.position}: the owner's ${p.previousForm} (${p.previousKey}) left ${p.previous} owned as of ${p.asOf}; ` +
      `${p.change} should leave ${p.expected}, but this row reports ${p.actual}. A split, a retitled security, ` +
      'a dividend reinvestment or plan acquisition, or a transaction reported elsewhere may explain it.',
  },
  // Writing a record as EDGAR ownership XML, schema X0609 (src/write/). Each error names a
  // place where the written document would not validate against the SEC's schema.
  WRITE_REQUIRED_MISSING: {
    severity: 'error',
    message: (p) =>
      `${p.form} requires <${p.element}> in ${p.where} (schema X0609), but the record has no ${p.field}; ` +
      'nothing was invented, so the document will not validate.',
  },
  WRITE_NOT_IN_FORM: {
    severity: 'error',
    message: (p) =>
      `<${p.element}> has no place in ${p.where} of a ${p.form} (schema X0609), but the record has ${p.field}; ` +
      'it was written as the record holds it, so the document will not validate.',
  },
  WRITE_VALUE_INVALID: {
    severity: 'error',
    message: (p) => `${p.field} "${p.value}" ${p.rule} (schema X0609); it was written as the record holds it.`,
  },
  WRITE_CHOICE_CONFLICT: {
    severity: 'error',
    message: (p) =>
      `The record gives both ${p.first} and ${p.second} in ${p.where}, where a ${p.form} (schema X0609) allows one; both were written.`,
  },
  WRITE_FOOTNOTE_NOT_ALLOWED: {
    severity: 'error',
    message: (p) => `<${p.element}> of a ${p.form} takes no footnote (schema X0609), but ${p.field} carries ${p.ids}; it was written as the record holds it.`,
  },
  WRITE_FOOTNOTE_UNDEFINED: {
    severity: 'error',
    message: (p) => `${p.field} refers to footnote ${p.id}, which the record does not give; every footnoteId must name a footnote.`,
  },
  WRITE_FOOTNOTE_ID_INVALID: {
    severity: 'error',
    message: (p) => `Footnote id "${p.id}" (${p.field}) is not "F" followed by a number from 1 to 99.`,
  },
  WRITE_FOOTNOTE_DUPLICATE: {
    severity: 'error',
    message: (p) => `Footnote ${p.id} is given more than once; footnote ids must be unique.`,
  },
  WRITE_FOOTNOTE_UNPLACEABLE: {
    severity: 'error',
    message: (p) =>
      `Footnote ${p.ids} of ${p.row} is keyed "${p.key}", a field no element of ownership XML carries footnotes for; it was left out.`,
  },
  WRITE_TOO_MANY: {
    severity: 'error',
    message: (p) => `The record has ${p.count} ${p.what}; a ${p.form} allows at most ${p.limit}.`,
  },
  WRITE_DOCUMENT_TYPE_UNKNOWN: {
    severity: 'error',
    message: (p) => `Document type "${p.value}" is not one of 3, 3/A, 4, 4/A, 5, 5/A; the document was written in the order of a Form 4.`,
  },
  WRITE_CHARACTER_INVALID: {
    severity: 'error',
    message: (p) => `${p.field} holds ${p.count} character(s) XML cannot carry (first ${p.code}); they were left out.`,
  },
  WRITE_NUMBER_NOISE: {
    severity: 'warning',
    message: (p) =>
      `${p.field} is ${p.value}, more digits than any document gives: floating-point residue (as 0.1 + 0.2 is ` +
      `0.30000000000000004). It was written as ${p.written}.`,
  },
  // Preparing a filing from a hand-written description (src/write/prepare-filing.ts). Paths
  // name the description's fields (transactions[0].price); errors are what EDGAR would
  // suspend, warnings what a reviewer would question.
  PREP_DESCRIPTION_UNREADABLE: {
    severity: 'error',
    message: (p) => `The description could not be read as ${p.format}: ${p.detail}.`,
  },
  PREP_FIELD_UNKNOWN: {
    severity: 'warning',
    message: (p) => `"${p.field}" is not a field of ${p.where}; it was ignored. The fields are: ${p.known}.`,
  },
  PREP_VALUE_INVALID: {
    severity: 'error',
    message: (p) => `${p.field} "${p.value}" is not ${p.expected}.`,
  },
  PREP_REQUIRED_MISSING: {
    severity: 'error',
    message: (p) => `${p.field} is missing${p.why}.`,
  },
  PREP_CODE_DIRECTION: {
    severity: 'warning',
    message: (p) =>
      `${p.row}: code ${p.code} (${p.meaning}) is ${p.expected === 'A' ? 'an acquisition (A)' : 'a disposition (D)'} in ${p.table}, ` +
      `but the row says ${p.actual}.`,
  },
  PREP_DIRECTION_INFERRED: {
    severity: 'info',
    message: (p) => `${p.field} is not given; code ${p.code} (${p.meaning}) makes it ${p.value}.`,
  },
  PREP_NO_RELATIONSHIP: {
    severity: 'error',
    message: (p) => `Reporting owner ${p.owner} is neither director, officer, 10% owner nor other; EDGAR requires at least one relationship.`,
  },
  PREP_OFFICER_TITLE_MISSING: {
    severity: 'warning',
    message: (p) => `Reporting owner ${p.owner} is ticked as "${p.field}" without ${p.what}; write it instead of "yes" (at most 30 characters).`,
  },
  PREP_DUPLICATE_OWNER: {
    severity: 'error',
    message: (p) => `Reporting owner CIK ${p.cik} is given twice; EDGAR suspends a filing with a duplicate reporting owner.`,
  },
  PREP_NATURE_MISSING: {
    severity: 'error',
    message: (p) => `${p.row} is owned indirectly (I) but gives no nature of the indirect ownership ("By Trust", "By spouse"); EDGAR requires it.`,
  },
  PREP_NATURE_WITH_DIRECT: {
    severity: 'error',
    message: (p) => `${p.row} is owned directly (D) but gives a nature of indirect ownership ("${p.nature}"); EDGAR suspends that.`,
  },
  PREP_FOOTNOTE_TOO_LONG: {
    severity: 'error',
    message: (p) => `Footnote ${p.id} is ${p.length} characters long; EDGAR accepts at most 1000.`,
  },
  PREP_FOOTNOTE_UNUSED: {
    severity: 'error',
    message: (p) => `Footnote ${p.id} is given but no value refers to it (write "(${String(p.id).slice(1)})" after a value); EDGAR suspends a filing with an unreferenced footnote.`,
  },
  PREP_PERIOD_NOT_EARLIEST: {
    severity: 'warning',
    message: (p) => `The period of report ${p.period} is not the date of the earliest transaction, ${p.earliest}, which box 3 asks for.`,
  },
  PREP_NOTHING_REPORTED: {
    severity: 'error',
    message: (p) =>
      `The Form ${p.form} reports no transaction and no holding; EDGAR suspends it unless notSubjectToSection16 is true.`,
  },
  PREP_FILED_LATE: {
    severity: 'warning',
    message: (p) =>
      `${p.row}: a Form 4 is due by the end of the second business day after the ${p.field} ${p.event}, i.e. by ${p.due}; ` +
      `filed on ${p.filed} it is ${p.late} business day${p.late === 1 ? '' : 's'} late (weekends and federal holidays not counted). ` +
      'Late Section 16 reports are disclosed in the issuer\'s proxy statement.',
  },
} satisfies Catalogue;

/** The deadline part of a late-filing message: what was due when, and how late it came. */
function lateDeadline(p: Record<string, string | number>): string {
  const event = p.eventField === 'deemedExecutionDate' ? 'deemed execution date' : p.eventField === 'periodOfReport' ? 'period of report' : 'transaction date';
  const rule =
    p.form === '3'
      ? `a Form 3 is due within 10 days after the owner became an insider, the ${event} ${p.event} (Section 16(a)(2)(A))`
      : p.form === '5'
        ? `a Form 5 is due on the 45th day after the fiscal year end ${p.fye} (Rule 16a-3(f))`
        : `a Form 4 is due by the end of the second business day after the ${event} ${p.event} (Rule 16a-3(g))`;
  return (
    `${rule}, i.e. by ${p.due}; the ${p.basis} is ${p.filed}, ` +
    `${p.calendarDays} calendar day${p.calendarDays === 1 ? '' : 's'} and ${p.businessDays} business day${p.businessDays === 1 ? '' : 's'} late.`
  );
}

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
