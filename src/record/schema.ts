// The canonical filing record (../shared/ownership-json.md), defined once.
// TypeScript types are inferred from these schemas and the published JSON Schema
// (schema/ownership-record.schema.json) is generated from them: no twin interfaces.
import { z } from 'zod';

/** `YYYY-MM-DD`, as the document gives it (a time-zone suffix is dropped). */
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('YYYY-MM-DD');
const nullableDate = date.nullable();
const text = z.string().nullable();
const flag = z.boolean().nullable();
const num = z.number().nullable();

/** Footnote ids (`F1`, `F2`, ...) keyed by the record field they qualify. */
export const FootnoteMap = z
  .record(z.string(), z.array(z.string()))
  .describe('Footnote ids keyed by the field of this row they qualify, e.g. {"exerciseDate": ["F1"]}');

export const Address = z.object({
  street1: text,
  street2: text,
  city: text,
  state: text,
  zipCode: text,
  stateDescription: text,
  // Beyond the contract: kept so that no value of the XML is lost and it can be written back.
  country: text.describe('rptOwnerCountry (non-US addresses)'),
  nonUSStateTerritory: text.describe('rptOwnerNonUSStateTerritory'),
  nonUSAddress: flag.describe('rptOwnerNonUSAddressFlag'),
});

export const Relationship = z.object({
  isDirector: flag,
  isOfficer: flag,
  isTenPercentOwner: flag,
  isOther: flag,
  officerTitle: text,
  otherText: text,
});

export const ReportingOwner = z.object({
  cik: text,
  name: text,
  address: Address.nullable(),
  relationship: Relationship.nullable(),
});

export const Issuer = z.object({
  cik: text,
  name: text,
  tradingSymbol: text,
  foreignTradingSymbol: text.describe('issuerForeignTradingSymbol (beyond the contract)'),
});

const ownership = {
  sharesOwnedFollowingTransaction: num,
  valueOwnedFollowingTransaction: num,
  directOrIndirectOwnership: text.describe('"D" direct | "I" indirect'),
  natureOfOwnership: text,
  footnotes: FootnoteMap,
};

const transaction = {
  transactionDate: nullableDate,
  deemedExecutionDate: nullableDate,
  transactionFormType: text,
  transactionCode: text,
  equitySwapInvolved: flag,
  transactionTimeliness: text.describe('"E" early | "L" late; not the 10b5-1 flag'),
  shares: num,
  totalValue: num,
  pricePerShare: num,
  acquiredDisposedCode: text.describe('"A" acquired | "D" disposed'),
};

export const NonDerivativeTransaction = z.object({
  securityTitle: text,
  ...transaction,
  ...ownership,
});

export const NonDerivativeHolding = z.object({
  securityTitle: text,
  transactionFormType: text,
  ...ownership,
});

export const DerivativeTransaction = z.object({
  securityTitle: text,
  conversionOrExercisePrice: num,
  ...transaction,
  exerciseDate: nullableDate,
  expirationDate: nullableDate,
  underlyingSecurityTitle: text,
  underlyingSecurityShares: num,
  underlyingSecurityValue: num,
  ...ownership,
});

export const DerivativeHolding = z.object({
  securityTitle: text,
  conversionOrExercisePrice: num,
  transactionFormType: text,
  exerciseDate: nullableDate,
  expirationDate: nullableDate,
  underlyingSecurityTitle: text,
  underlyingSecurityShares: num,
  underlyingSecurityValue: num,
  ...ownership,
});

export const Footnote = z.object({ id: z.string(), text: text });
export const Signature = z.object({ name: text, date: nullableDate });

export const OwnershipRecord = z
  .object({
    documentType: text.describe('"3" | "4" | "5" | "3/A" | "4/A" | "5/A"'),
    schemaVersion: text.describe('from XML (X0101 ... X0609); null for renderings'),
    periodOfReport: nullableDate.describe('box 3, date of earliest transaction'),
    dateOfOriginalSubmission: nullableDate.describe('box 4, amendments only'),
    notSubjectToSection16: flag,
    form3HoldingsReported: flag,
    form4TransactionsReported: flag,
    noSecuritiesOwned: flag,
    aff10b5One: flag.describe('Rule 10b5-1(c) checkbox (schema X0609+)'),
    issuer: Issuer,
    reportingOwners: z.array(ReportingOwner),
    nonDerivativeTransactions: z.array(NonDerivativeTransaction),
    nonDerivativeHoldings: z.array(NonDerivativeHolding),
    derivativeTransactions: z.array(DerivativeTransaction),
    derivativeHoldings: z.array(DerivativeHolding),
    footnotes: z.array(Footnote),
    remarks: text,
    signatures: z.array(Signature),
  })
  .describe('One SEC ownership filing (Form 3, 4 or 5, or an amendment) in the form4 canonical record');

export type OwnershipRecord = z.infer<typeof OwnershipRecord>;
export type ReportingOwner = z.infer<typeof ReportingOwner>;
export type Address = z.infer<typeof Address>;
export type Relationship = z.infer<typeof Relationship>;
export type Issuer = z.infer<typeof Issuer>;
export type NonDerivativeTransaction = z.infer<typeof NonDerivativeTransaction>;
export type NonDerivativeHolding = z.infer<typeof NonDerivativeHolding>;
export type DerivativeTransaction = z.infer<typeof DerivativeTransaction>;
export type DerivativeHolding = z.infer<typeof DerivativeHolding>;
export type Footnote = z.infer<typeof Footnote>;
export type Signature = z.infer<typeof Signature>;
export type FootnoteMap = z.infer<typeof FootnoteMap>;

/** A place in the input: 1-based line and column, 0-based character offset. */
export const Point = z.object({ line: z.number().int(), column: z.number().int(), offset: z.number().int() });
export const Span = z.object({ start: Point, end: Point });
export type Point = z.infer<typeof Point>;
export type Span = z.infer<typeof Span>;

export const Severity = z.enum(['error', 'warning', 'info']);
export type Severity = z.infer<typeof Severity>;

export const Issue = z.object({
  code: z.string().describe('stable code, e.g. FORM4_NUMBER_INVALID; see src/record/issues.ts'),
  severity: Severity,
  message: z.string(),
  path: z.array(z.union([z.string(), z.number()])).nullable().describe('path into the record'),
  span: Span.nullable().describe('where in the input'),
});
export type Issue = z.infer<typeof Issue>;

export const Format = z.enum(['xml', 'sgml', 'html', 'text', 'dataset']).describe('dataset: read from the SEC Insider Transactions Data Sets');
export type Format = z.infer<typeof Format>;

export const HeaderParty = z.object({ cik: text, name: text });
export const SubmissionDocument = z.object({
  type: text,
  sequence: text,
  fileName: text,
  description: text,
  hasXml: z.boolean(),
});

export const Source = z.object({
  format: Format,
  file: text.describe('the file name given to the reader, if any'),
  accessionNumber: text,
  filingDate: nullableDate.describe('FILED AS OF DATE of the submission header'),
  acceptanceDateTime: z
    .string()
    .nullable()
    .describe('EDGAR acceptance time, YYYY-MM-DDTHH:MM:SS, US Eastern time as EDGAR writes it'),
  formType: text.describe('CONFORMED SUBMISSION TYPE of the header'),
  periodOfReport: nullableDate.describe('CONFORMED PERIOD OF REPORT of the header'),
  issuer: HeaderParty.nullable().describe('ISSUER / SUBJECT COMPANY of the header'),
  issuerFiscalYearEnd: text.describe("the issuer's FISCAL YEAR END in the header, MMDD (Form 5 deadlines)"),
  reportingOwners: z.array(HeaderParty).describe('REPORTING-OWNER entries of the header'),
  documents: z.array(SubmissionDocument).describe('the <DOCUMENT> parts of a full submission'),
});
export type Source = z.infer<typeof Source>;

/** Where one value of the record was read from, for readers of renderings. */
export const Provenance = z.object({
  span: Span,
  confidence: z.number().min(0).max(1).describe('1: read from a labelled place; lower: placed by inference'),
});
export type Provenance = z.infer<typeof Provenance>;

export const ParseResult = z.object({
  ok: z.boolean().describe('true when a record was read; issues may still hold errors'),
  record: OwnershipRecord.nullable(),
  source: Source,
  issues: z.array(Issue),
  provenance: z
    .record(z.string(), Provenance)
    .nullable()
    .optional()
    .describe('for renderings: each value\'s source span, keyed by dotted record path (nonDerivativeTransactions.0.shares)'),
});
export type ParseResult = z.infer<typeof ParseResult>;
