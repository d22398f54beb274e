// The columns of Tables I and II as each printed form has them, in order, with what a
// cell of each column can hold: the fixed frame that places a row's values.

export type ColumnKind = 'text' | 'date' | 'number' | 'price' | 'code' | 'v' | 'ad' | 'di';

export interface Column {
  /** Record field the column fills; `sharesA`/`sharesD` are Table II's (A) and (D) amount columns. */
  field: string;
  kind: ColumnKind;
  /** As the form prints it, for messages. */
  label: string;
  /** The numbered head the column stands under ("2A", "7"): where a laid-out table places it. */
  group: string;
  /** Within a group, the sub-head that starts this column ("V", "Price"); the group's first column has none. */
  sub?: RegExp;
}

const c = (field: string, kind: ColumnKind, label: string, at = '', sub?: RegExp): Column => {
  const group = at !== '' ? at : (/^(\d{1,2}A?)\./.exec(label)?.[1] ?? '');
  return sub ? { field, kind, label, group, sub } : { field, kind, label, group };
};

const TITLE = c('securityTitle', 'text', '1. Title of Security');
const owned = (at: string) => c('sharesOwnedFollowingTransaction', 'number', 'Amount Owned Following Reported Transaction(s)', at);
const di = (at: string) => c('directOrIndirectOwnership', 'di', 'Ownership Form: Direct (D) or Indirect (I)', at);
const nature = (at: string) => c('natureOfOwnership', 'text', 'Nature of Indirect Beneficial Ownership', at);
const V = /^V$/;

const FORM4_TABLE1: Column[] = [
  TITLE,
  c('transactionDate', 'date', '2. Transaction Date'),
  c('deemedExecutionDate', 'date', '2A. Deemed Execution Date'),
  c('transactionCode', 'code', '3. Transaction Code'),
  c('transactionFormType', 'v', '3. V', '3', V),
  c('shares', 'number', '4. Amount'),
  c('acquiredDisposedCode', 'ad', '4. (A) or (D)', '4', /^\(A\)/),
  c('pricePerShare', 'price', '4. Price', '4', /^Price$/),
  owned('5'),
  di('6'),
  nature('7'),
];

const FORM4_TABLE2: Column[] = [
  c('securityTitle', 'text', '1. Title of Derivative Security'),
  c('conversionOrExercisePrice', 'price', '2. Conversion or Exercise Price'),
  c('transactionDate', 'date', '3. Transaction Date'),
  c('deemedExecutionDate', 'date', '3A. Deemed Execution Date'),
  c('transactionCode', 'code', '4. Transaction Code'),
  c('transactionFormType', 'v', '4. V', '4', V),
  c('sharesA', 'number', '5. (A)', '5', /^\(A\)$/),
  c('sharesD', 'number', '5. (D)', '5', /^\(D\)$/),
  c('exerciseDate', 'date', '6. Date Exercisable'),
  c('expirationDate', 'date', '6. Expiration Date', '6', /^Expiration$/),
  c('underlyingSecurityTitle', 'text', '7. Title'),
  c('underlyingSecurityShares', 'number', '7. Amount or Number of Shares', '7', /^Amount$/),
  c('pricePerShare', 'price', '8. Price of Derivative Security'),
  owned('9'),
  di('10'),
  nature('11'),
];

/** Form 5 prints no V column: transactions on it are not reported early. */
const withoutV = (cols: Column[]): Column[] => cols.filter((col) => col.kind !== 'v');

const FORM3_TABLE1: Column[] = [TITLE, c('sharesOwnedFollowingTransaction', 'number', '2. Amount of Securities Beneficially Owned'), di('3'), nature('4')];

const FORM3_TABLE2: Column[] = [
  c('securityTitle', 'text', '1. Title of Derivative Security'),
  c('exerciseDate', 'date', '2. Date Exercisable'),
  c('expirationDate', 'date', '2. Expiration Date', '2', /^Expiration$/),
  c('underlyingSecurityTitle', 'text', '3. Title'),
  c('underlyingSecurityShares', 'number', '3. Amount or Number of Shares', '3', /^Amount$/),
  c('conversionOrExercisePrice', 'price', '4. Conversion or Exercise Price'),
  di('5'),
  nature('6'),
];

const FORM5_TABLE1 = withoutV(FORM4_TABLE1);
const FORM5_TABLE2 = withoutV(FORM4_TABLE2);

/** The form's columns of a table: the same array on every call (the readers keep what they work out of a set of columns by it). */
export function columnsOf(form: '3' | '4' | '5', table: 1 | 2): Column[] {
  if (form === '3') return table === 1 ? FORM3_TABLE1 : FORM3_TABLE2;
  if (form === '5') return table === 1 ? FORM5_TABLE1 : FORM5_TABLE2;
  return table === 1 ? FORM4_TABLE1 : FORM4_TABLE2;
}
