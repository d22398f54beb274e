// The columns of Tables I and II as each printed form has them, in order, with what a
// cell of each column can hold: the fixed frame that places a row's values.

export type ColumnKind = 'text' | 'date' | 'number' | 'price' | 'code' | 'v' | 'ad' | 'di';

export interface Column {
  /** Record field the column fills; `sharesA`/`sharesD` are Table II's (A) and (D) amount columns. */
  field: string;
  kind: ColumnKind;
  /** As the form prints it, for messages. */
  label: string;
}

const c = (field: string, kind: ColumnKind, label: string): Column => ({ field, kind, label });

const TITLE = c('securityTitle', 'text', '1. Title of Security');
const OWNED = c('sharesOwnedFollowingTransaction', 'number', 'Amount Owned Following Reported Transaction(s)');
const DI = c('directOrIndirectOwnership', 'di', 'Ownership Form: Direct (D) or Indirect (I)');
const NATURE = c('natureOfOwnership', 'text', 'Nature of Indirect Beneficial Ownership');

const FORM4_TABLE1: Column[] = [
  TITLE,
  c('transactionDate', 'date', '2. Transaction Date'),
  c('deemedExecutionDate', 'date', '2A. Deemed Execution Date'),
  c('transactionCode', 'code', '3. Transaction Code'),
  c('transactionFormType', 'v', '3. V'),
  c('shares', 'number', '4. Amount'),
  c('acquiredDisposedCode', 'ad', '4. (A) or (D)'),
  c('pricePerShare', 'price', '4. Price'),
  OWNED,
  DI,
  NATURE,
];

const FORM4_TABLE2: Column[] = [
  c('securityTitle', 'text', '1. Title of Derivative Security'),
  c('conversionOrExercisePrice', 'price', '2. Conversion or Exercise Price'),
  c('transactionDate', 'date', '3. Transaction Date'),
  c('deemedExecutionDate', 'date', '3A. Deemed Execution Date'),
  c('transactionCode', 'code', '4. Transaction Code'),
  c('transactionFormType', 'v', '4. V'),
  c('sharesA', 'number', '5. (A)'),
  c('sharesD', 'number', '5. (D)'),
  c('exerciseDate', 'date', '6. Date Exercisable'),
  c('expirationDate', 'date', '6. Expiration Date'),
  c('underlyingSecurityTitle', 'text', '7. Title'),
  c('underlyingSecurityShares', 'number', '7. Amount or Number of Shares'),
  c('pricePerShare', 'price', '8. Price of Derivative Security'),
  OWNED,
  DI,
  NATURE,
];

/** Form 5 prints no V column: transactions on it are not reported early. */
const withoutV = (cols: Column[]): Column[] => cols.filter((col) => col.kind !== 'v');

const FORM3_TABLE1: Column[] = [TITLE, c('sharesOwnedFollowingTransaction', 'number', '2. Amount of Securities Beneficially Owned'), DI, NATURE];

const FORM3_TABLE2: Column[] = [
  c('securityTitle', 'text', '1. Title of Derivative Security'),
  c('exerciseDate', 'date', '2. Date Exercisable'),
  c('expirationDate', 'date', '2. Expiration Date'),
  c('underlyingSecurityTitle', 'text', '3. Title'),
  c('underlyingSecurityShares', 'number', '3. Amount or Number of Shares'),
  c('conversionOrExercisePrice', 'price', '4. Conversion or Exercise Price'),
  DI,
  NATURE,
];

export function columnsOf(form: '3' | '4' | '5', table: 1 | 2): Column[] {
  if (form === '3') return table === 1 ? FORM3_TABLE1 : FORM3_TABLE2;
  if (form === '5') return withoutV(table === 1 ? FORM4_TABLE1 : FORM4_TABLE2);
  return table === 1 ? FORM4_TABLE1 : FORM4_TABLE2;
}
