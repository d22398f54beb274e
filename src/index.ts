// form4: read SEC insider filings (Forms 3, 4, 5 and amendments) into one exact record.
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
