// Transaction code against acquired/disposed: each code of the SEC's Form 4 General
// Instruction 8 implies a direction, which the row's A/D column should agree with.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord } from '../../record/schema.ts';
import { transactionRows } from '../rows.ts';

type Direction = 'A' | 'D' | 'either';

interface CodeRule {
  meaning: string;
  /** Expected A/D on a Table I (non-derivative) row and on a Table II (derivative) row. */
  nonDerivative: Direction;
  derivative: Direction;
}

/**
 * The codes of General Instruction 8 (SEC 1475, 05-19). The XML schema allows all but K
 * and V, which EDGAR derives from `equitySwapInvolved` and an early ("E") timeliness;
 * renderings of the printed form may still carry them, so they are known here.
 * Exercise and conversion codes (M, C, X, O) dispose of the derivative and acquire the
 * underlying; "either" marks codes that go both ways (gifts are given and received, J is
 * anything).
 */
export const transactionCodes: Readonly<Record<string, CodeRule>> = {
  P: { meaning: 'open market or private purchase', nonDerivative: 'A', derivative: 'A' },
  S: { meaning: 'open market or private sale', nonDerivative: 'D', derivative: 'D' },
  V: { meaning: 'transaction voluntarily reported earlier than required', nonDerivative: 'either', derivative: 'either' },
  A: { meaning: 'grant, award or other acquisition under Rule 16b-3(d)', nonDerivative: 'A', derivative: 'A' },
  D: { meaning: 'disposition to the issuer under Rule 16b-3(e)', nonDerivative: 'D', derivative: 'D' },
  F: { meaning: 'payment of exercise price or tax liability by delivering or withholding securities', nonDerivative: 'D', derivative: 'D' },
  I: { meaning: 'discretionary transaction under Rule 16b-3(f)', nonDerivative: 'either', derivative: 'either' },
  M: { meaning: 'exercise or conversion of a derivative security under Rule 16b-3', nonDerivative: 'A', derivative: 'D' },
  C: { meaning: 'conversion of derivative security', nonDerivative: 'A', derivative: 'D' },
  E: { meaning: 'expiration of short derivative position', nonDerivative: 'either', derivative: 'either' },
  H: { meaning: 'expiration or cancellation of long derivative position with value received', nonDerivative: 'either', derivative: 'D' },
  O: { meaning: 'exercise of out-of-the-money derivative security', nonDerivative: 'A', derivative: 'D' },
  X: { meaning: 'exercise of in-the-money or at-the-money derivative security', nonDerivative: 'A', derivative: 'D' },
  G: { meaning: 'bona fide gift', nonDerivative: 'either', derivative: 'either' },
  L: { meaning: 'small acquisition under Rule 16a-6', nonDerivative: 'A', derivative: 'A' },
  W: { meaning: 'acquisition or disposition by will or the laws of descent and distribution', nonDerivative: 'either', derivative: 'either' },
  Z: { meaning: 'deposit into or withdrawal from voting trust', nonDerivative: 'either', derivative: 'either' },
  J: { meaning: 'other acquisition or disposition', nonDerivative: 'either', derivative: 'either' },
  K: { meaning: 'transaction in equity swap or similar instrument', nonDerivative: 'either', derivative: 'either' },
  U: { meaning: 'disposition pursuant to a tender of shares in a change of control', nonDerivative: 'D', derivative: 'D' },
};

const known = Object.keys(transactionCodes).sort().join(' ');

/** Unknown codes, and codes whose usual direction the row's A/D contradicts (never corrected). */
export function checkTransactionCodes(record: OwnershipRecord): Issue[] {
  const issues: Issue[] = [];
  for (const { table, index, row } of transactionRows(record)) {
    if (row.transactionCode === null) continue; // a missing code is the reader's to report
    const code = row.transactionCode.trim().toUpperCase();
    const rule = transactionCodes[code];
    if (!rule) {
      issues.push(makeIssue('CHECK_TRANSACTION_CODE_UNKNOWN', { code: row.transactionCode, known }, [table, index, 'transactionCode']));
      continue;
    }
    const expected = table === 'derivativeTransactions' ? rule.derivative : rule.nonDerivative;
    const actual = row.acquiredDisposedCode?.trim().toUpperCase() ?? null;
    if (expected === 'either' || (actual !== 'A' && actual !== 'D') || actual === expected) continue;
    issues.push(
      makeIssue(
        'CHECK_TRANSACTION_CODE_DIRECTION',
        {
          code,
          meaning: rule.meaning,
          expected,
          actual,
          table: table === 'derivativeTransactions' ? 'derivative' : 'non-derivative',
        },
        [table, index, 'acquiredDisposedCode'],
      ),
    );
  }
  return issues;
}
