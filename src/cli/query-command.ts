// `form4 query KIND`: the store's questions (src/query/) from the command line, printed
// as a table for people, JSON or CSV. Options are validated by the same schemas as the
// HTTP API's parameters.
import { parseArgs } from 'node:util';
import type { z } from 'zod';
import { csvLine } from '../export/csv.ts';
import {
  activityParams,
  clusterBuying,
  clustersParams,
  filingsParams,
  findFilings,
  holdingsHistory,
  holdingsParams,
  insiderActivity,
  issuerActivity,
  lateFilers,
  lateParams,
  planSales,
  planSalesParams,
  search,
  searchParams,
  type Page,
} from '../query/index.ts';
import { DEFAULT_DB, openStore, type Store } from '../store/store.ts';
import { Output } from './output.ts';
import { UsageError } from './usage-error.ts';

type Cell = string | number | boolean | null;
type Column = [header: string, value: (row: any) => Cell, align?: 'right'];

interface Kind {
  schema: z.ZodObject;
  run: (store: Store, options: any) => Promise<Page<unknown>>;
  about: string;
  example: string;
  /** Table columns; CSV has every field of the row (nested objects as dotted names). */
  table: Column[];
  /** For CSV: a row with lists of objects made flat. */
  flat?: (row: any) => Record<string, Cell>;
}

const n = (v: number | null | undefined): string => (v === null || v === undefined ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 4 }));
const usd = (v: number | null | undefined): string => (v === null || v === undefined ? '' : `$${Math.round(v).toLocaleString('en-US')}`);
const issuer: Column = ['issuer', (r) => [r.ticker, r.issuerName].filter(Boolean).join(' ') || r.issuerCik];
const owner: Column = ['insider', (r) => r.ownerName ?? r.ownerCik];

const KINDS: Record<string, Kind> = {
  filings: {
    schema: filingsParams,
    run: findFilings,
    about: 'filings, newest first, by issuer, reporting owner, dates, transaction code or form',
    example: 'form4 query filings --ticker AMD --code S --since 2023-01-01',
    table: [
      ['id', (r) => r.id, 'right'],
      ['form', (r) => r.documentType],
      ['filed', (r) => r.filingDate ?? r.periodOfReport],
      ['accession', (r) => r.accessionNumber],
      issuer,
      ['owners', (r) => r.ownerNames.join(' | ')],
      ['10b5-1', (r) => (r.aff10b5One === null ? '' : r.aff10b5One ? 'yes' : 'no')],
      ['issues', (r) => (r.errors || r.warnings ? `${r.errors}E ${r.warnings}W` : '')],
    ],
  },
  'insider-activity': {
    schema: activityParams,
    run: insiderActivity,
    about: 'per insider and issuer: shares and dollars acquired and disposed by category (open-market purchase P, sale S, grant A, exercise M/C/X/O, tax withholding F, gift G, other)',
    example: 'form4 query insider-activity --owner "Su Lisa" --since 2023-01-01',
    table: [owner, issuer, ['category', (r) => r.category], ['txns', (r) => r.transactions, 'right'], ['net shares', (r) => n(r.netShares), 'right'], ['acquired $', (r) => usd(r.valueAcquired), 'right'], ['disposed $', (r) => usd(r.valueDisposed), 'right'], ['last', (r) => r.lastDate]],
  },
  'issuer-activity': {
    schema: activityParams,
    run: issuerActivity,
    about: 'per issuer: the same totals, each transaction counted once, with the number of insiders',
    example: 'form4 query issuer-activity --ticker AMD',
    table: [issuer, ['category', (r) => r.category], ['insiders', (r) => r.insiders, 'right'], ['txns', (r) => r.transactions, 'right'], ['net shares', (r) => n(r.netShares), 'right'], ['acquired $', (r) => usd(r.valueAcquired), 'right'], ['disposed $', (r) => usd(r.valueDisposed), 'right'], ['last', (r) => r.lastDate]],
  },
  holdings: {
    schema: holdingsParams,
    run: holdingsHistory,
    about: 'holdings over time per insider, issuer and security, direct (D) and indirect (I) apart; "break" marks an amount that does not follow from the one before',
    example: 'form4 query holdings --owner 0001405109 --ticker AMD',
    table: [owner, ['security', (r) => r.securityTitle], ['D/I', (r) => r.directOrIndirect], ['date', (r) => r.date], ['code', (r) => (r.kind === 'holding' ? 'held' : r.transactionCode)], ['shares', (r) => (r.shares === null ? '' : `${r.acquiredDisposed === 'D' ? '-' : '+'}${n(r.shares)}`), 'right'], ['owned after', (r) => n(r.sharesOwnedFollowing), 'right'], ['break', (r) => (r.break ? 'break' : '')]],
  },
  clusters: {
    schema: clustersParams,
    run: clusterBuying,
    about: 'cluster buying: at least --min-insiders (3) insiders buying on the open market (P) at one issuer within --window-days (30)',
    example: 'form4 query clusters --since 2023-01-01 --min-insiders 4',
    table: [issuer, ['from', (r) => r.startDate], ['to', (r) => r.endDate], ['insiders', (r) => r.insiders, 'right'], ['shares', (r) => n(r.shares), 'right'], ['value', (r) => usd(r.value), 'right'], ['who', (r) => r.members.map((m: { ownerName: string | null }) => m.ownerName).join(' | ')]],
    flat: ({ members, ...r }) => ({
      ...r,
      memberCiks: members.map((m: { ownerCik: string | null }) => m.ownerCik ?? '').join(' | '),
      memberNames: members.map((m: { ownerName: string | null }) => m.ownerName ?? '').join(' | '),
      memberShares: members.map((m: { shares: number }) => m.shares).join(' | '),
      memberValues: members.map((m: { value: number }) => m.value).join(' | '),
    }),
  },
  late: {
    schema: lateParams,
    run: lateFilers,
    about: 'late filers: per owner and issuer, filings found late against the Section 16(a) deadlines, and the worst',
    example: 'form4 query late --ticker AMD',
    table: [owner, issuer, ['late', (r) => r.lateFilings, 'right'], ['of filings', (r) => r.filings, 'right'], ['late rows', (r) => r.lateTransactions, 'right'], ['worst days', (r) => r.worstDaysLate, 'right'], ['last late', (r) => r.lastLateFiled]],
  },
  '10b5-1': {
    schema: planSalesParams,
    run: planSales,
    about: 'the share of open-market sales (S) made under a Rule 10b5-1 plan (the filing\'s checkbox, which filings before 2023 do not have: counted as unknown)',
    example: 'form4 query 10b5-1 --by insider --ticker AMD',
    table: [owner, issuer, ['sales', (r) => r.all.sales, 'right'], ['shares sold', (r) => n(r.all.shares), 'right'], ['plan', (r) => n(r.plan.shares), 'right'], ['no plan', (r) => n(r.noPlan.shares), 'right'], ['unknown', (r) => n(r.unknown.shares), 'right'], ['plan share', (r) => (r.planShare === null ? '' : `${(r.planShare * 100).toFixed(1)}%`), 'right']],
  },
  search: {
    schema: searchParams,
    run: search,
    about: 'tickers, company names and insider names (or CIKs), best match first',
    example: 'form4 query search "advanced micro"',
    table: [['kind', (r) => r.kind], ['cik', (r) => r.cik], ['ticker', (r) => r.ticker], ['name', (r) => r.name], ['filings', (r) => r.filings, 'right'], ['last filed', (r) => r.lastFiled]],
  },
};

const OPTION_HELP: Record<string, string> = {
  ticker: '--ticker T         the issuer by trading symbol (its latest filing\'s)',
  cik: '--cik CIK          the issuer by CIK',
  owner: '--owner X          a reporting owner: CIK, or part of the name',
  since: '--since DATE       from this date (YYYY-MM-DD)',
  until: '--until DATE       to this date (YYYY-MM-DD)',
  code: '--code P,S         transaction codes',
  form: '--form 4           filings: 3, 4, 5, 3/A, 4/A or 5/A',
  security: '--security TEXT    holdings: part of the security title',
  minInsiders: '--min-insiders N   clusters: insiders needed (default 3)',
  windowDays: '--window-days N    clusters: days from first to last purchase (default 30)',
  by: '--by issuer|insider  10b5-1: one row per issuer (default) or per insider',
  limit: '--limit N          rows per page (default 50, at most 1000)',
  offset: '--offset N         rows to skip',
  asFiled: '--as-filed         every row as filed, also rows an amendment restated',
};

export const queryHelp = `Usage: form4 query KIND [options]

Asks the store a question and prints the answer. Rows are the current version of
each filing: a table an amendment restated is taken from the amendment (--as-filed
gives every row as filed). Dates are transaction dates, or filing dates for filings
and late filers.

Kinds:
${Object.entries(KINDS)
  .map(([name, k]) => `  ${name.padEnd(17)}${wrap(k.about, 60).join('\n' + ' '.repeat(19))}\n${' '.repeat(19)}e.g. ${k.example}`)
  .join('\n')}

Options (each kind takes those that apply to it):
${Object.values(OPTION_HELP).map((h) => `  ${h}`).join('\n')}
  --db DB            the store: a SQLite file (default ${DEFAULT_DB}) or a postgres:// URL
  -f, --format F     table (default on a terminal), json (default otherwise) or csv
  -h, --help         show this help

Exit status: 0 answered (even with no rows), 2 usage error.`;

function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export async function queryCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h', default: false },
      'as-filed': { type: 'boolean' },
      ...Object.fromEntries(
        ['ticker', 'cik', 'owner', 'since', 'until', 'code', 'form', 'security', 'min-insiders', 'window-days', 'by', 'limit', 'offset', 'q'].map((o) => [o, { type: 'string' as const }]),
      ),
    },
  });
  if (values.help) {
    process.stdout.write(queryHelp + '\n');
    return 0;
  }
  const [kindName, ...rest] = positionals;
  if (kindName === undefined) throw new UsageError(`say what to query: ${Object.keys(KINDS).join(', ')}`);
  const kind = KINDS[kindName];
  if (!kind) throw new UsageError(`unknown kind "${kindName}"; use one of ${Object.keys(KINDS).join(', ')}`);
  const format = values.format ?? (process.stdout.isTTY ? 'table' : 'json');
  if (!['table', 'json', 'csv'].includes(format)) throw new UsageError(`unknown --format "${format}"; use table, json or csv`);

  const input: Record<string, unknown> = {};
  const shape = kind.schema.shape as Record<string, unknown>;
  for (const [flag, value] of Object.entries(values)) {
    if (['db', 'format', 'help'].includes(flag) || value === undefined) continue;
    const key = flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (!(key in shape)) throw new UsageError(`--${flag} does not apply to "${kindName}"`);
    input[key] = value;
  }
  if (kindName === 'search' && input.q === undefined && rest.length) input.q = rest.join(' ');
  else if (rest.length) throw new UsageError(`unexpected argument "${rest[0]}"`);
  const parsed = kind.schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.length ? `--${kebab(String(issue.path[0]))}` : kindName;
    throw new UsageError(`${name}: ${issue?.message ?? 'invalid'}${name === '--q' ? ' (give the text to search for)' : ''}`);
  }

  const store = await openStore(values.db);
  try {
    const page = await kind.run(store, parsed.data);
    await print(page, kind, format as 'table' | 'json' | 'csv');
    return 0;
  } finally {
    await store.close();
  }
}

async function print(page: Page<unknown>, kind: Kind, format: 'table' | 'json' | 'csv'): Promise<void> {
  const out = new Output();
  if (format === 'json') {
    await out.write(JSON.stringify(page, null, 2) + '\n');
    return;
  }
  if (format === 'csv') {
    const rows = page.rows.map((r) => flatten(kind.flat ? kind.flat(r) : (r as Record<string, unknown>)));
    const header = rows[0] ? Object.keys(rows[0]) : [];
    await out.write(csvLine(header));
    for (const row of rows) await out.write(csvLine(header.map((h) => row[h] ?? null)));
    return;
  }
  await out.write(table(page, kind.table));
}

/** Nested objects become dotted names, lists are joined with " | " (as form4 parse --format csv does). */
function flatten(row: Record<string, unknown>, prefix = '', into: Record<string, Cell> = {}): Record<string, Cell> {
  for (const [key, value] of Object.entries(row)) {
    const name = prefix + key;
    if (Array.isArray(value)) into[name] = value.map((v) => (v === null ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join(' | ');
    else if (value !== null && typeof value === 'object') flatten(value as Record<string, unknown>, `${name}.`, into);
    else into[name] = value as Cell;
  }
  return into;
}

function table(page: Page<unknown>, columns: Column[]): string {
  if (page.rows.length === 0) return page.total === 0 ? 'No rows.\n' : `No rows at offset ${page.offset} (${page.total.toLocaleString('en-US')} in all).\n`;
  const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 39)}…` : s);
  const cells = page.rows.map((row) => columns.map(([, value]) => clip(String(value(row) ?? ''))));
  const all = [columns.map(([h]) => h), ...cells];
  const widths = columns.map((_, c) => Math.max(...all.map((r) => (r[c] ?? '').length)));
  const lines = all.map((r) => r.map((cell, c) => (columns[c]?.[2] === 'right' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
  const last = page.offset + page.rows.length;
  const more = last < page.total ? ` (--offset ${last} for more)` : '';
  lines.push('', `rows ${(page.offset + 1).toLocaleString('en-US')}–${last.toLocaleString('en-US')} of ${page.total.toLocaleString('en-US')}${more}`);
  return lines.join('\n') + '\n';
}
