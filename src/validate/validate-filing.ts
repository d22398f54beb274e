// The validation stage: checks one read record against the SEC's rules. Pure functions,
// no I/O; every finding is an Issue with a stable CHECK_* code (src/record/issues.ts) and
// a path into the record. Values are never corrected: the record stays as reported.
import type { Issue, OwnershipRecord, Source } from '../record/schema.ts';
import { checkFootnoteReferences } from './rules/footnote-references.ts';
import { checkHoldingsArithmetic } from './rules/holdings-arithmetic.ts';
import { checkImpossibleDates } from './rules/impossible-dates.ts';
import { checkLateFiling, type LateFilingOptions } from './rules/late-filing.ts';
import { checkPriceOutliers } from './rules/price-outliers.ts';
import { checkTransactionCodes } from './rules/transaction-codes.ts';

export type ValidateOptions = LateFilingOptions;

/**
 * Every rule, in the order their issues are listed. The issuer's fiscal year end
 * (for Form 5 deadlines) comes from the submission header unless given.
 */
export function validateFiling(record: OwnershipRecord, source: Source, options: ValidateOptions = {}): Issue[] {
  if (options.issuerFiscalYearEnd === undefined && source.issuerFiscalYearEnd) {
    options = { ...options, issuerFiscalYearEnd: source.issuerFiscalYearEnd };
  }
  return [
    ...checkTransactionCodes(record),
    ...checkHoldingsArithmetic(record),
    ...checkFootnoteReferences(record),
    ...checkImpossibleDates(record, source),
    ...checkPriceOutliers(record),
    ...checkLateFiling(record, source, options),
  ];
}
