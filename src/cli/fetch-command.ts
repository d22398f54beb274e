// `form4 fetch`: a company's or a reporting owner's Forms 3, 4 and 5 from EDGAR into the store.
import { parseArgs } from 'node:util';
import { ProgressBar, formatDuration } from './progress.ts';
import { UsageError } from './usage-error.ts';
import { DEFAULT_DB, openStore } from '../store/store.ts';
import { clientArgs, clientHelp, dateOption, environmentHelp, explain, formsOption, makeClient } from './edgar-options.ts';
import { lookupTicker, listFilings } from '../edgar/edgar-api.ts';
import { EdgarError } from '../edgar/edgar-client.ts';
import { normalizeCik } from '../edgar/filing-ref.ts';
import { storeFilings, type StoreFilingsOutcome } from '../edgar/store-filings.ts';

export const fetchHelp = `Usage: form4 fetch (--ticker SYMBOL | --cik N) [options]

Downloads the Forms 3, 4 and 5 (and their amendments) of a company, or of a
reporting owner (a person or fund, by CIK), from EDGAR and stores them. The list
comes from data.sec.gov/submissions/CIK##########.json, older filings from the
pagination files it names; each filing's full submission text
(Archives/edgar/data/CIK/ACCESSION/ACCESSION.txt) is read as "form4 ingest" would.

Resumable: filings already in the store are skipped without asking EDGAR, and
files already downloaded come from the cache. Run the same command again after
an interruption, or later to pick up new filings.

Options:
  --ticker SYMBOL     the company's ticker (looked up in www.sec.gov/files/company_tickers.json)
  --cik N             the company's or reporting owner's CIK (leading zeros optional)
  --since DATE        only filings filed on or after DATE (YYYY-MM-DD)
  --db DB             the store: a SQLite file (default ${DEFAULT_DB}) or a postgres:// URL
${clientHelp}
  -h, --help          show this help

${environmentHelp}

Exit status: 0 all listed filings stored, 1 some could not be downloaded or read
(see the summary), 2 usage error.

Examples:
  export ${'FORM4_USER_AGENT'}="Jane Doe jane@example.com"
  form4 fetch --ticker TSLA --since 2023-01-01
  form4 fetch --cik 1462356 --db insiders.db`;

export async function fetchCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ticker: { type: 'string' },
      cik: { type: 'string' },
      since: { type: 'string' },
      db: { type: 'string', default: DEFAULT_DB },
      ...clientArgs,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(fetchHelp + '\n');
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}": name the filer with --ticker or --cik`);
  if ((values.ticker === undefined) === (values.cik === undefined)) throw new UsageError('name one filer: --ticker SYMBOL or --cik N');
  if (values.cik !== undefined && normalizeCik(values.cik) === null) throw new UsageError(`--cik takes a number of up to 10 digits, not "${values.cik}"`);
  const since = dateOption('--since', values.since);
  const forms = formsOption(values.forms);
  const bar = new ProgressBar();
  const client = makeClient(values, (line) => {
    bar.done();
    process.stderr.write(line);
  });

  const started = performance.now();
  try {
    let cik = values.cik === undefined ? null : normalizeCik(values.cik)!;
    if (cik === null) {
      const entry = await lookupTicker(client, values.ticker!);
      cik = entry.cik;
    }
    const listed = await listFilings(client, cik, { ...(since ? { since } : {}), ...(forms ? { forms } : {}) });
    const who = `${listed.submissions.name ?? '(no name)'} (CIK ${listed.submissions.cik})`;
    process.stderr.write(
      `${who}: ${listed.filings.length.toLocaleString('en-US')} filings to get${since ? ` since ${since}` : ''}` +
        `${listed.pagesRead.length ? ` (incl. ${listed.pagesRead.length} pagination file${listed.pagesRead.length > 1 ? 's' : ''})` : ''}\n`,
    );
    const store = await openStore(values.db);
    let outcome: StoreFilingsOutcome;
    try {
      outcome = await storeFilings(client, store, listed.filings, {
        onProgress: (p) =>
          bar.update({ done: p.done, total: p.total, unit: 'filings', count: p.done, seconds: p.seconds, detail: `${p.inserted.toLocaleString('en-US')} new` }),
      });
    } finally {
      bar.done();
      await store.close();
    }
    process.stdout.write(summary(`Fetched ${who}`, outcome, values.db, client.requests, (performance.now() - started) / 1000));
    return outcome.failed.length + outcome.missing.length + outcome.unreadable > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof EdgarError) {
      process.stderr.write(`form4 fetch: ${explain(error)}\n`);
      return 1;
    }
    throw error;
  }
}

/** The closing lines of fetch and sync. */
export function summary(title: string, o: StoreFilingsOutcome, db: string, requests: number, seconds: number): string {
  const n = (x: number) => x.toLocaleString('en-US');
  const lines = [
    `${title} into ${db} in ${formatDuration(seconds)} (${n(requests)} requests to EDGAR):`,
    `  ${n(o.listed)} filings listed: ${n(o.inserted)} new, ${n(o.alreadyStored + o.duplicates)} already stored` +
      ` (${n(o.downloaded)} downloaded, ${n(o.fromCache)} from the cache)`,
  ];
  if (o.unreadable) lines.push(`  ${n(o.unreadable)} stored with read errors (see form4 stats)`);
  for (const ref of o.missing) lines.push(`  not on EDGAR: ${ref.accessionNumber} (Form ${ref.form}, filed ${ref.filingDate})`);
  for (const { ref, error } of o.failed) lines.push(`  failed: ${ref.accessionNumber}: ${error.message}`);
  if (o.failed.length) lines.push('  run the same command again to retry the failed ones');
  return lines.join('\n') + '\n';
}
