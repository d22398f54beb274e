// The validation stage: checks one read record against the SEC's rules. Pure functions,
// no I/O; every finding is an Issue with a stable CHECK_* code (src/record/issues.ts) and
// a path into the record. Values are never corrected: the record stays as reported.
import type { Issue, OwnershipRecord, Provenance, Source } from '../record/schema.ts';
import { checkFootnoteReferences } from './rules/footnote-references.ts';
import { checkHoldingsArithmetic } from './rules/holdings-arithmetic.ts';
import { checkImpossibleDates } from './rules/impossible-dates.ts';
import { checkLateFiling, type LateFilingOptions } from './rules/late-filing.ts';
import { checkPriceOutliers } from './rules/price-outliers.ts';
import { checkTransactionCodes } from './rules/transaction-codes.ts';

export type ValidateOptions = LateFilingOptions & {
  /** Where each value was read (a parse result's provenance): issues then point into the input. */
  provenance?: Record<string, Provenance> | null | undefined;
};

/**
 * Every rule, in the order their issues are listed. The issuer's fiscal year end
 * (for Form 5 deadlines) comes from the submission header unless given.
 */
export function validateFiling(record: OwnershipRecord, source: Source, options: ValidateOptions = {}): Issue[] {
  if (options.issuerFiscalYearEnd === undefined && source.issuerFiscalYearEnd) {
    options = { ...options, issuerFiscalYearEnd: source.issuerFiscalYearEnd };
  }
  const issues = [
    ...checkTransactionCodes(record),
    ...checkHoldingsArithmetic(record),
    ...checkFootnoteReferences(record),
    ...checkImpossibleDates(record, source),
    ...checkPriceOutliers(record),
    ...checkLateFiling(record, source, options),
  ];
  const provenance = options.provenance;
  if (provenance) {
    for (const issue of issues) {
      if (issue.span === null && issue.path) issue.span = provenance[issue.path.join('.')]?.span ?? null;
    }
  }
  return issues;
}
