// The printed Forms 3, 4 and 5 as data: titles, boxes and table columns, each cell a value
// of the record with its footnote marks. The HTML and text renderings both draw from here.
import type {
  DerivativeHolding,
  DerivativeTransaction,
  FootnoteMap,
  NonDerivativeHolding,
  NonDerivativeTransaction,
  OwnershipRecord,
} from '../record/schema.ts';
import { formatNumber } from './xml-values.ts';

/** A printed cell: its text and the footnotes (`F1`) marked beside it. */
export interface Cell {
  text: string;
  notes: string[];
}

/** A leaf column of a table; `group` is the numbered heading it sits under, if it is a sub-column. */
export interface Column {
  heading: string;
  group: string | null;
}

export interface TableLayout {
  title: string;
  columns: Column[];
  rows: Cell[][];
}

export interface FormLayout {
  form: '3' | '4' | '5';
  amendment: boolean;
  /** "FORM 4" */
  name: string;
  statement: string;
  omb: { number: string; burden: string };
  /** The checkboxes above the title (Forms 4 and 5). */
  checkboxes: { label: string; checked: boolean }[];
  tables: [TableLayout, TableLayout];
  /** The numbered boxes 2–6 (box 1, the reporting person, is drawn from the owners). */
  boxes: { label: string; value: string }[];
  jointFiling: boolean;
}

const EMPTY: Cell = { text: '', notes: [] };

/** `2003-10-22` → `10/22/2003`, as the form prints dates. */
export function printedDate(date: string | null): string {
  if (date === null) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  return m ? `${m[2]}/${m[3]}/${m[1]}` : date;
}

/** `13750` → `13,750`; every decimal the record holds is kept (`4.6667`). */
export function printedNumber(n: number | null): string {
  if (n === null) return '';
  const text = formatNumber(n).text;
  const [whole = '', fraction] = text.replace(/^-/, '').split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return (text.startsWith('-') ? '-' : '') + grouped + (fraction === undefined ? '' : '.' + fraction);
}

export function printedPrice(n: number | null): string {
  return n === null ? '' : '$' + printedNumber(n);
}

/** `F12` → `12`, the mark the form prints as `(12)`. */
export function footnoteNumber(id: string): string {
  return /^F\d+$/.test(id) ? id.slice(1) : id;
}

function cell(text: string, notes: FootnoteMap, ...keys: string[]): Cell {
  const ids: string[] = [];
  for (const key of keys) for (const id of notes[key] ?? []) if (!ids.includes(id)) ids.push(id);
  return { text, notes: ids };
}

function col(heading: string, group: string | null = null): Column {
  return { heading, group };
}

type Row = NonDerivativeTransaction | NonDerivativeHolding | DerivativeTransaction | DerivativeHolding;

function isTransaction(row: Row): row is NonDerivativeTransaction | DerivativeTransaction {
  return 'transactionCode' in row;
}

function owned(row: Row): Cell {
  return row.sharesOwnedFollowingTransaction !== null || row.valueOwnedFollowingTransaction === null
    ? cell(printedNumber(row.sharesOwnedFollowingTransaction), row.footnotes, 'sharesOwnedFollowingTransaction')
    : cell(printedPrice(row.valueOwnedFollowingTransaction), row.footnotes, 'valueOwnedFollowingTransaction');
}

function amount(row: NonDerivativeTransaction | DerivativeTransaction): Cell {
  return row.shares !== null || row.totalValue === null
    ? cell(printedNumber(row.shares), row.footnotes, 'shares')
    : cell(printedPrice(row.totalValue), row.footnotes, 'totalValue');
}

function underlyingAmount(row: DerivativeTransaction | DerivativeHolding): Cell {
  return row.underlyingSecurityShares !== null || row.underlyingSecurityValue === null
    ? cell(printedNumber(row.underlyingSecurityShares), row.footnotes, 'underlyingSecurityShares')
    : cell(printedPrice(row.underlyingSecurityValue), row.footnotes, 'underlyingSecurityValue');
}

/** The V column: a transaction reported voluntarily, before it had to be (form type 5 on a Form 4, or timeliness E). */
function voluntary(row: NonDerivativeTransaction | DerivativeTransaction): Cell {
  return cell(row.transactionFormType === '5' || row.transactionTimeliness === 'E' ? 'V' : '', row.footnotes, 'transactionTimeliness');
}

function code(row: Row): Cell {
  if (isTransaction(row)) return cell(row.transactionCode ?? '', row.footnotes, 'transactionCode');
  return cell(row.transactionFormType ?? '', row.footnotes, 'transactionFormType');
}

function common(row: Row): { title: Cell; direct: Cell; nature: Cell } {
  return {
    title: cell(row.securityTitle ?? '', row.footnotes, 'securityTitle'),
    direct: cell(row.directOrIndirectOwnership ?? '', row.footnotes, 'directOrIndirectOwnership'),
    nature: cell(row.natureOfOwnership ?? '', row.footnotes, 'natureOfOwnership'),
  };
}

function tableOne(record: OwnershipRecord, form: '3' | '4' | '5'): TableLayout {
  const rows: Row[] = [...record.nonDerivativeTransactions, ...record.nonDerivativeHoldings];
  if (form === '3') {
    return {
      title: 'Table I - Non-Derivative Securities Beneficially Owned',
      columns: [
        col('1. Title of Security (Instr. 4)'),
        col('2. Amount of Securities Beneficially Owned (Instr. 4)'),
        col('3. Ownership Form: Direct (D) or Indirect (I) (Instr. 5)'),
        col('4. Nature of Indirect Beneficial Ownership (Instr. 5)'),
      ],
      rows: rows.map((row) => {
        const c = common(row);
        return [c.title, owned(row), c.direct, c.nature];
      }),
    };
  }
  const codeGroup = '3. Transaction Code (Instr. 8)';
  const amountGroup = '4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)';
  const ownedLabel = form === '5'
    ? "5. Amount of Securities Beneficially Owned at end of Issuer's Fiscal Year (Instr. 3 and 4)"
    : '5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)';
  const columns = [
    col('1. Title of Security (Instr. 3)'),
    col('2. Transaction Date (Month/Day/Year)'),
    col('2A. Deemed Execution Date, if any (Month/Day/Year)'),
    ...(form === '4' ? [col('Code', codeGroup), col('V', codeGroup)] : [col(codeGroup)]),
    col('Amount', amountGroup),
    col('(A) or (D)', amountGroup),
    col('Price', amountGroup),
    col(ownedLabel),
    col('6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)'),
    col('7. Nature of Indirect Beneficial Ownership (Instr. 4)'),
  ];
  return {
    title: 'Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned',
    columns,
    rows: rows.map((row) => {
      const c = common(row);
      if (!isTransaction(row)) {
        return [c.title, EMPTY, EMPTY, code(row), ...(form === '4' ? [EMPTY] : []), EMPTY, EMPTY, EMPTY, owned(row), c.direct, c.nature];
      }
      return [
        c.title,
        cell(printedDate(row.transactionDate), row.footnotes, 'transactionDate'),
        cell(printedDate(row.deemedExecutionDate), row.footnotes, 'deemedExecutionDate'),
        code(row),
        ...(form === '4' ? [voluntary(row)] : []),
        amount(row),
        cell(row.acquiredDisposedCode ?? '', row.footnotes, 'acquiredDisposedCode'),
        cell(printedPrice(row.pricePerShare), row.footnotes, 'pricePerShare'),
        owned(row),
        c.direct,
        c.nature,
      ];
    }),
  };
}

function tableTwo(record: OwnershipRecord, form: '3' | '4' | '5'): TableLayout {
  const rows: (DerivativeTransaction | DerivativeHolding)[] = [...record.derivativeTransactions, ...record.derivativeHoldings];
  const title = (row: DerivativeTransaction | DerivativeHolding) => cell(row.underlyingSecurityTitle ?? '', row.footnotes, 'underlyingSecurityTitle');
  const dates = (row: DerivativeTransaction | DerivativeHolding) => [
    cell(printedDate(row.exerciseDate), row.footnotes, 'exerciseDate'),
    cell(printedDate(row.expirationDate), row.footnotes, 'expirationDate'),
  ];
  const conversion = (row: DerivativeTransaction | DerivativeHolding) => cell(printedPrice(row.conversionOrExercisePrice), row.footnotes, 'conversionOrExercisePrice');
  if (form === '3') {
    const dateGroup = '2. Date Exercisable and Expiration Date (Month/Day/Year)';
    const underGroup = '3. Title and Amount of Securities Underlying Derivative Security (Instr. 4)';
    return {
      title: 'Table II - Derivative Securities Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)',
      columns: [
        col('1. Title of Derivative Security (Instr. 4)'),
        col('Date Exercisable', dateGroup),
        col('Expiration Date', dateGroup),
        col('Title', underGroup),
        col('Amount or Number of Shares', underGroup),
        col('4. Conversion or Exercise Price of Derivative Security'),
        col('5. Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 5)'),
        col('6. Nature of Indirect Beneficial Ownership (Instr. 5)'),
      ],
      rows: rows.map((row) => {
        const c = common(row);
        return [c.title, ...dates(row), title(row), underlyingAmount(row), conversion(row), c.direct, c.nature];
      }),
    };
  }
  const codeGroup = '4. Transaction Code (Instr. 8)';
  const amountGroup = '5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)';
  const dateGroup = '6. Date Exercisable and Expiration Date (Month/Day/Year)';
  const underGroup = '7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)';
  const ownedLabel = form === '5'
    ? "9. Number of Derivative Securities Beneficially Owned at End of Issuer's Fiscal Year (Instr. 4)"
    : '9. Number of Derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)';
  return {
    title: 'Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned (e.g., puts, calls, warrants, options, convertible securities)',
    columns: [
      col('1. Title of Derivative Security (Instr. 3)'),
      col('2. Conversion or Exercise Price of Derivative Security'),
      col('3. Transaction Date (Month/Day/Year)'),
      col('3A. Deemed Execution Date, if any (Month/Day/Year)'),
      ...(form === '4' ? [col('Code', codeGroup), col('V', codeGroup)] : [col(codeGroup)]),
      col('(A)', amountGroup),
      col('(D)', amountGroup),
      col('Date Exercisable', dateGroup),
      col('Expiration Date', dateGroup),
      col('Title', underGroup),
      col('Amount or Number of Shares', underGroup),
      col('8. Price of Derivative Security (Instr. 5)'),
      col(ownedLabel),
      col('10. Ownership Form of Derivative Security: Direct (D) or Indirect (I) (Instr. 4)'),
      col('11. Nature of Indirect Beneficial Ownership (Instr. 4)'),
    ],
    rows: rows.map((row) => {
      const c = common(row);
      if (!('transactionCode' in row)) {
        return [c.title, conversion(row), EMPTY, EMPTY, code(row), ...(form === '4' ? [EMPTY] : []), EMPTY, EMPTY, ...dates(row), title(row), underlyingAmount(row), EMPTY, owned(row), c.direct, c.nature];
      }
      const a = amount(row);
      const direction = cell('', row.footnotes, 'acquiredDisposedCode');
      const acquired = row.acquiredDisposedCode === 'A' ? { text: a.text, notes: [...a.notes, ...direction.notes] } : EMPTY;
      const disposed = row.acquiredDisposedCode === 'A' ? EMPTY : { text: a.text, notes: [...a.notes, ...direction.notes] };
      return [
        c.title,
        conversion(row),
        cell(printedDate(row.transactionDate), row.footnotes, 'transactionDate'),
        cell(printedDate(row.deemedExecutionDate), row.footnotes, 'deemedExecutionDate'),
        code(row),
        ...(form === '4' ? [voluntary(row)] : []),
        acquired,
        disposed,
        ...dates(row),
        title(row),
        underlyingAmount(row),
        cell(printedPrice(row.pricePerShare), row.footnotes, 'pricePerShare'),
        owned(row),
        c.direct,
        c.nature,
      ];
    }),
  };
}

/** The printed form of a record: which form, its boxes and its two tables. */
export function formLayout(record: OwnershipRecord): FormLayout {
  const type = record.documentType ?? '4';
  const form = type.startsWith('3') ? '3' : type.startsWith('5') ? '5' : '4';
  const amendment = type.endsWith('/A');
  const issuer = `${record.issuer.name ?? ''}${record.issuer.tradingSymbol ? ` [${record.issuer.tradingSymbol}]` : ''}`.trim();
  const checkboxes: FormLayout['checkboxes'] = [];
  if (form !== '3') {
    checkboxes.push({
      label: 'Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue. See Instruction 1(b).',
      checked: record.notSubjectToSection16 === true,
    });
  }
  if (form === '5') {
    checkboxes.push({ label: 'Form 3 Holdings Reported', checked: record.form3HoldingsReported === true });
    checkboxes.push({ label: 'Form 4 Transactions Reported', checked: record.form4TransactionsReported === true });
  }
  if (form !== '3' || record.aff10b5One !== null) {
    checkboxes.push({
      label:
        'Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan ' +
        'that is intended to satisfy the affirmative defense conditions of Rule 10b5-1(c). See Instruction 10.',
      checked: record.aff10b5One === true,
    });
  }
  const boxes =
    form === '3'
      ? [
          { label: '2. Date of Event Requiring Statement (Month/Day/Year)', value: printedDate(record.periodOfReport) },
          { label: '3. Issuer Name and Ticker or Trading Symbol', value: issuer },
          { label: '3a. Foreign Trading Symbol', value: record.issuer.foreignTradingSymbol ?? '' },
          { label: '5. If Amendment, Date Original Filed (Month/Day/Year)', value: printedDate(record.dateOfOriginalSubmission) },
        ]
      : [
          { label: '2. Issuer Name and Ticker or Trading Symbol', value: issuer },
          { label: '2a. Foreign Trading Symbol', value: record.issuer.foreignTradingSymbol ?? '' },
          {
            label: form === '5' ? "3. Statement for Issuer's Fiscal Year Ended (Month/Day/Year)" : '3. Date of Earliest Transaction (Month/Day/Year)',
            value: printedDate(record.periodOfReport),
          },
          { label: '4. If Amendment, Date Original Filed (Month/Day/Year)', value: printedDate(record.dateOfOriginalSubmission) },
        ];
  return {
    form,
    amendment,
    name: `FORM ${form}${amendment ? '/A' : ''}`,
    statement:
      form === '3'
        ? 'INITIAL STATEMENT OF BENEFICIAL OWNERSHIP OF SECURITIES'
        : form === '5'
          ? 'ANNUAL STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES'
          : 'STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP OF SECURITIES',
    omb: form === '3' ? { number: '3235-0104', burden: '0.5' } : form === '5' ? { number: '3235-0362', burden: '1.0' } : { number: '3235-0287', burden: '0.5' },
    checkboxes,
    tables: [tableOne(record, form), tableTwo(record, form)],
    boxes,
    jointFiling: record.reportingOwners.length > 1,
  };
}

/** Box 5 (box 4 on Form 3): the relationship label and number. */
export function relationshipBox(form: '3' | '4' | '5'): string {
  return form === '3' ? '4. Relationship of Reporting Person(s) to Issuer' : '5. Relationship of Reporting Person(s) to Issuer';
}

export function filingBox(form: '3' | '4' | '5'): string {
  return form === '5' ? '6. Individual or Joint/Group Reporting' : '6. Individual or Joint/Group Filing';
}

/** One line of an owner's address: street lines, then "CITY, ST ZIP", then the country. */
export function addressLines(address: OwnershipRecord['reportingOwners'][number]['address']): string[] {
  if (!address) return [];
  const lines = [address.street1, address.street2].filter((s): s is string => s !== null);
  const state = address.stateDescription ?? address.state;
  const cityLine = [address.city, [state, address.zipCode].filter((s) => s !== null).join(' ')].filter((s) => s !== null && s !== '').join(', ');
  if (cityLine !== '') lines.push(cityLine);
  if (address.nonUSStateTerritory) lines.push(address.nonUSStateTerritory);
  if (address.country) lines.push(address.country);
  return lines;
}
