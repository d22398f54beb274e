// form4: read SEC insider filings (Forms 3, 4, 5 and amendments) into one exact record,
// check it against the SEC's rules, store it, and write it back as EDGAR XML.

// read
export { parse, DEFAULT_MAX_BYTES, type ParseOptions } from './read/parse.ts';
export { detectFormat, type Detected } from './detect/detect-format.ts';
export { issueCodes, type IssueCode } from './record/issues.ts';
export {
  OwnershipRecord,
  ParseResult,
  Issue,
  Source,
  Span,
  Point,
  Provenance,
  type ReportingOwner,
  type Address,
  type Relationship,
  type Issuer,
  type NonDerivativeTransaction,
  type NonDerivativeHolding,
  type DerivativeTransaction,
  type DerivativeHolding,
  type Footnote,
  type FootnoteMap,
  type Signature,
  type Severity,
  type Format,
} from './record/schema.ts';

// validate
export { validateFiling, type ValidateOptions } from './validate/validate-filing.ts';
export { checkHoldingsHistory, type HistoryFiling } from './validate/holdings-history.ts';
export { addBusinessDays, businessDaysBetween, federalHolidays, isBusinessDay } from './validate/business-days.ts';

// store
export { openStore, DEFAULT_DB, type Store, type StoreStats } from './store/store.ts';
export { ingest, type IngestOptions, type IngestProgress } from './ingest/ingest.ts';

// formats out
export { recordRows, ROW_COLUMNS } from './export/rows.ts';
export { toDatasetRows, fromDatasetRows, DATASET_TABLES } from './dataset/sec-dataset.ts';
export { writeOwnership, writeOwnershipXml } from './write/write-ownership-xml.ts';
export { renderHtml } from './write/render-html.ts';
export { renderText } from './write/render-text.ts';
export { prepareFiling } from './write/prepare-filing.ts';

// EDGAR
export { EdgarClient, EdgarError, type EdgarClientOptions } from './edgar/edgar-client.ts';
export { lookupTicker, listFilings, dailyFormIndex, quarterlyIndex, fetchSubmissionText } from './edgar/edgar-api.ts';
