// Reads a text rendering of the printed Form 3, 4 or 5 (EDGAR's HTML view converted to
// text or markdown, or text extracted from a PDF of the paper form) into the canonical record,
// with the span and confidence of every value it read.
//
// clean (tags, escapes, marks) → lines and cells → is it a form? → header boxes 1–6
// → Tables I and II → footnotes, remarks, signatures → record.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord, Provenance } from '../../record/schema.ts';
import type { Positions } from '../../util/positions.ts';
import { cleanText, type CleanText } from './clean-text.ts';
import { flattenGrids, type FlatText } from './flatten-grid.ts';
import { readClosing } from './read-closing.ts';
import { readHeader } from './read-header.ts';
import { PAGE_MARK, readPage } from './read-page.ts';
import { findTables, readTables } from './read-tables.ts';
import { splitLines, TextSink, type Line } from './text-grid.ts';

export interface TextRead {
  record: OwnershipRecord | null;
  issues: Issue[];
  provenance: Record<string, Provenance>;
}

/** What every Form 3, 4 and 5 prints; a text showing fewer than MIN_ANCHORS of them is not one. */
const ANCHORS: RegExp[] = [
  /Name\s+and\s+Address\s+of\s+Reporting\s+Person/i,
  /Issuer\s+Name\s+and\s+Ticker/i,
  /Relationship\s+of\s+Reporting\s+Person/i,
  /Date\s+of\s+(?:Earliest\s+Transaction|Event\s+Requiring\s+Statement)|Statement\s+for\s+Issuer.?s\s+Fiscal\s+Year/i,
  /Individual\s+or\s+Joint\s*\/\s*Group/i,
  /Title\s+of\s+(?:Derivative\s+)?Security/i,
  /Table\s+II?\s*-/i,
  /Explanation\s+of\s+Responses/i,
  /Signature\s+of\s+Reporting\s+Person/i,
  /STATEMENT\s+OF\s+(?:CHANGES\s+IN\s+)?BENEFICIAL\s+OWNERSHIP/i,
];
const MIN_ANCHORS = 4;

const FORM_HEADING = /^FORM\s+([345])(\s*\/\s*A)?$/i;
const TITLES: { re: RegExp; form: '3' | '4' | '5' }[] = [
  { re: /INITIAL\s+STATEMENT\s+OF\s+BENEFICIAL\s+OWNERSHIP/i, form: '3' },
  { re: /ANNUAL\s+STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL\s+OWNERSHIP/i, form: '5' },
  { re: /STATEMENT\s+OF\s+CHANGES\s+IN\s+BENEFICIAL\s+OWNERSHIP/i, form: '4' },
];

export function readText(text: string, positions: Positions): TextRead {
  if (text.trim() === '') return { record: null, issues: [makeIssue('INPUT_EMPTY')], provenance: {} };

  const flat = flattenGrids(text);
  const clean = cleanFlat(text, flat);
  const sink = new TextSink(clean, positions);

  // Reject what is not a form before reading it: a 10-K or a novel costs a few scans.
  // The count is only reported when short: once enough are found, the rest are not looked for.
  let found = 0;
  for (const re of ANCHORS) if (found < MIN_ANCHORS && re.test(clean.text)) found++;
  if (found < MIN_ANCHORS) {
    return { record: null, issues: [makeIssue('TEXT_NOT_A_FORM', { found, needed: MIN_ANCHORS })], provenance: {} };
  }

  for (const [a, b] of flat?.unread ?? []) sink.reportSpan('TEXT_GRID_TABLE_UNREAD', {}, null, positions.span(a, b));
  const lines = splitLines(clean.text);
  // EDGAR's rendered page (its "Reporting Owners" table): converters wrap its labels but do not damage them.
  const pageMark = PAGE_MARK.test(clean.text);
  const page = pageMark || /Reporting\s+Owners[\s\S]{0,600}Relationships/.test(clean.text);
  const bounds = findTables(lines, sink, !page);
  const headerLines = lines.slice(0, bounds.start);
  const form = readFormType(headerLines, sink);
  const header = readHeader(headerLines, text, sink, !page);
  const closingFrom = sink.issues.length;
  const closing = readClosing(lines, bounds.end, sink);
  const closingTo = sink.issues.length;

  let documentType: string | null = form;
  if (documentType === null && header.periodOfReport !== null) {
    // Box 3 "Date of Earliest Transaction" and a Table II with a V column are Form 4's.
    documentType = '4';
    sink.report('TEXT_FORM_TYPE_INFERRED', { form: '4' }, 'documentType');
  }
  if (documentType !== null && header.dateOfOriginalSubmission !== null) documentType += '/A';

  const record: OwnershipRecord = {
    documentType,
    schemaVersion: null,
    periodOfReport: header.periodOfReport,
    dateOfOriginalSubmission: header.dateOfOriginalSubmission,
    notSubjectToSection16: header.notSubjectToSection16,
    form3HoldingsReported: null,
    form4TransactionsReported: null,
    noSecuritiesOwned: null,
    aff10b5One: header.aff10b5One,
    issuer: { cik: null, name: header.issuerName, tradingSymbol: header.tradingSymbol, foreignTradingSymbol: null },
    reportingOwners: [],
    nonDerivativeTransactions: [],
    nonDerivativeHoldings: [],
    derivativeTransactions: [],
    derivativeHoldings: [],
    footnotes: closing.footnotes,
    remarks: closing.remarks,
    signatures: closing.signatures,
  };
  const o = header.owner;
  if (o.name !== null || o.relationship !== null) {
    record.reportingOwners.push({ cik: null, name: o.name, address: o.address, relationship: o.relationship });
  }
  // EDGAR's rendered page prints every owner in its "Reporting Owners" table, and its own
  // signature and explanation blocks: those are read from there.
  const pageRead = readPage(lines, text, sink, o.relationship, pageMark);
  if (pageRead) {
    const page = pageRead;
    // The page's own blocks (signatures, explanation, remarks) are read here: the lines the form's
    // generic closing reader could not place are not unread.
    const closingIssues = sink.issues.slice(closingFrom, closingTo).filter((i) => i.code !== 'TEXT_FRAGMENT_UNREAD');
    sink.issues.splice(closingFrom, closingTo - closingFrom, ...closingIssues);
    if (page.owners.length > 0) record.reportingOwners = page.owners;
    record.signatures = page.signatures;
    record.footnotes = page.footnotes;
    record.remarks = page.remarks;
    if (page.notSubjectToSection16 !== null) record.notSubjectToSection16 = page.notSubjectToSection16;
    if (page.aff10b5One !== null) record.aff10b5One = page.aff10b5One;
    for (const key of ['noSecuritiesOwned', 'form3HoldingsReported', 'form4TransactionsReported', 'periodOfReport', 'dateOfOriginalSubmission'] as const) {
      if (page[key] !== null) (record as Record<typeof key, unknown>)[key] = page[key];
    }
    if (page.issuerName !== null) record.issuer.name = page.issuerName;
    if (page.tradingSymbol !== null) {
      record.issuer.tradingSymbol = page.tradingSymbol;
      // Box 2 read on its own may have missed the symbol a converter wrapped onto the next line.
      const missing = sink.issues.findIndex((i) => i.code === 'TEXT_SYMBOL_MISSING');
      if (missing !== -1) sink.issues.splice(missing, 1);
    }
    if (record.dateOfOriginalSubmission !== null && record.documentType !== null && !record.documentType.endsWith('/A')) record.documentType += '/A';
  }
  readTables(lines, bounds, (form ?? '4').charAt(0) as '3' | '4' | '5', sink, record, text);

  checkRequired(record, sink);
  return { record, issues: sink.issues, provenance: sink.provenance };
}

/** "FORM 4" printed above the title, else the title itself ("STATEMENT OF CHANGES ..."). */
function readFormType(lines: Line[], sink: TextSink): '3' | '4' | '5' | null {
  let heading: { form: '3' | '4' | '5'; line: Line } | null = null;
  let title: { form: '3' | '4' | '5'; line: Line; at: number; len: number } | null = null;
  for (const line of lines) {
    if (line.blank) continue;
    const h = FORM_HEADING.exec(line.joined);
    if (h && !heading) heading = { form: h[1] as '3' | '4' | '5', line };
    if (!title) {
      for (const t of TITLES) {
        const m = t.re.exec(line.text);
        if (m) {
          title = { form: t.form, line, at: m.index, len: m[0].length };
          break;
        }
      }
    }
    if (heading && title) break;
  }
  if (heading) {
    const at = heading.line.start + heading.line.text.search(/\S/);
    sink.set('documentType', at, at + heading.line.joined.length, 1);
    if (title && title.form !== heading.form) {
      sink.report('TEXT_FORM_TYPE_CONFLICT', { first: heading.form, second: title.form }, 'documentType', title.line.start + title.at, title.line.start + title.at + title.len);
    }
    return heading.form;
  }
  if (title) {
    sink.set('documentType', title.line.start + title.at, title.line.start + title.at + title.len, 1);
    return title.form;
  }
  return null;
}

function checkRequired(record: OwnershipRecord, sink: TextSink): void {
  const form = record.documentType ? `Form ${record.documentType}` : 'Form 3, 4 or 5';
  const missing = (field: string, path: string) => sink.report('FORM4_REQUIRED_MISSING', { field, form }, path);
  if (record.documentType === null) missing('form type (FORM 3, 4 or 5, or the statement title)', 'documentType');
  if (record.periodOfReport === null) missing('period of report (box 3, Date of Earliest Transaction)', 'periodOfReport');
  if (record.issuer.name === null) missing('issuer name (box 2)', 'issuer.name');
  if (record.reportingOwners.length === 0 || record.reportingOwners.every((r) => r.name === null)) {
    missing('reporting person name (box 1)', 'reportingOwners');
  }
}


/** The cleaned text, pandoc's grid tables flattened first; origins point into the input. */
function cleanFlat(text: string, flat: FlatText | null): CleanText {
  if (flat === null) return cleanText(text);
  const clean = cleanText(flat.text);
  const origin = new Int32Array(clean.origin.length);
  const column = new Int32Array(clean.origin.length);
  for (let i = 0; i < origin.length; i++) {
    const at = clean.origin[i] as number;
    origin[i] = flat.map[at] as number;
    column[i] = flat.column[at] as number;
  }
  return { text: clean.text, origin, column };
}
