// Migration 1: the first schema. Frozen: later changes are new migrations, never edits here.
import type { Migration, TableSpec } from '../dialect.ts';

const row = { filing_id: 'id', idx: 'int' } as const;
const ownership = {
  shares_owned_following: 'number',
  value_owned_following: 'number',
  direct_or_indirect: 'text',
  nature_of_ownership: 'text',
} as const;
const transaction = {
  transaction_date: 'date',
  deemed_execution_date: 'date',
  transaction_form_type: 'text',
  transaction_code: 'text',
  equity_swap_involved: 'bool',
  transaction_timeliness: 'text',
  shares: 'number',
  total_value: 'number',
  price_per_share: 'number',
  acquired_disposed_code: 'text',
} as const;
const derivative = {
  conversion_or_exercise_price: 'number',
  exercise_date: 'date',
  expiration_date: 'date',
  underlying_security_title: 'text',
  underlying_security_shares: 'number',
  underlying_security_value: 'number',
} as const;

const tables: TableSpec[] = [
  {
    name: 'raw_documents',
    columns: { sha256: 'text not null', size: 'int not null', compression: 'text not null', data: 'blob not null' },
    primaryKey: ['sha256'],
  },
  {
    name: 'filings',
    columns: {
      id: 'serial',
      // The dedupe key: "accession:<number>" when the filing has one, else "sha256:<hash of the raw bytes>".
      filing_key: 'text not null unique',
      accession_number: 'text',
      raw_sha256: 'text not null',
      source_file: 'text',
      format: 'text not null',
      ok: 'bool not null',
      error_code: 'text',
      error_message: 'text',
      document_type: 'text',
      schema_version: 'text',
      period_of_report: 'date',
      date_of_original_submission: 'date',
      filing_date: 'date',
      acceptance_datetime: 'text',
      form_type: 'text',
      issuer_cik: 'text',
      issuer_name: 'text',
      issuer_trading_symbol: 'text',
      not_subject_to_section16: 'bool',
      form3_holdings_reported: 'bool',
      form4_transactions_reported: 'bool',
      no_securities_owned: 'bool',
      aff10b5one: 'bool',
      remarks: 'text',
      record_json: 'text',
      source_json: 'text not null',
      reader_version: 'text not null',
      amends_filing_id: 'id',
      ingested_at: 'text not null',
    },
    primaryKey: ['id'],
    indexes: [['issuer_cik', 'period_of_report'], ['accession_number'], ['raw_sha256'], ['document_type'], ['amends_filing_id']],
  },
  {
    name: 'reporting_owners',
    columns: {
      ...row,
      cik: 'text',
      name: 'text',
      street1: 'text',
      street2: 'text',
      city: 'text',
      state: 'text',
      zip_code: 'text',
      state_description: 'text',
      country: 'text',
      non_us_state_territory: 'text',
      non_us_address: 'bool',
      is_director: 'bool',
      is_officer: 'bool',
      is_ten_percent_owner: 'bool',
      is_other: 'bool',
      officer_title: 'text',
      other_text: 'text',
    },
    primaryKey: ['filing_id', 'idx'],
    indexes: [['cik']],
  },
  {
    name: 'nonderiv_transactions',
    columns: { ...row, security_title: 'text', ...transaction, ...ownership },
    primaryKey: ['filing_id', 'idx'],
    indexes: [['transaction_date'], ['transaction_code']],
  },
  {
    name: 'nonderiv_holdings',
    columns: { ...row, security_title: 'text', transaction_form_type: 'text', ...ownership },
    primaryKey: ['filing_id', 'idx'],
  },
  {
    name: 'deriv_transactions',
    columns: { ...row, security_title: 'text', ...transaction, ...derivative, ...ownership },
    primaryKey: ['filing_id', 'idx'],
    indexes: [['transaction_date'], ['transaction_code']],
  },
  {
    name: 'deriv_holdings',
    columns: { ...row, security_title: 'text', transaction_form_type: 'text', ...derivative, ...ownership },
    primaryKey: ['filing_id', 'idx'],
  },
  {
    name: 'footnotes',
    columns: { filing_id: 'id', footnote_id: 'text not null', text: 'text' },
    primaryKey: ['filing_id', 'footnote_id'],
  },
  {
    // Which value a footnote qualifies: row_table is the record list (nonDerivativeTransactions, ...),
    // field the record field name (shares, exerciseDate, ...).
    name: 'footnote_refs',
    columns: { filing_id: 'id', row_table: 'text not null', row_idx: 'int not null', field: 'text not null', footnote_id: 'text not null' },
    primaryKey: ['filing_id', 'row_table', 'row_idx', 'field', 'footnote_id'],
  },
  {
    name: 'signatures',
    columns: { ...row, name: 'text', date: 'date' },
    primaryKey: ['filing_id', 'idx'],
  },
  {
    name: 'issues',
    columns: {
      ...row,
      code: 'text not null',
      severity: 'text not null',
      message: 'text not null',
      path: 'text',
      line: 'int',
      col: 'int',
    },
    primaryKey: ['filing_id', 'idx'],
    indexes: [['code']],
  },
];

export const initial: Migration = { version: 1, name: 'initial', tables };
