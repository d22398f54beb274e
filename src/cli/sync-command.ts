// `form4 sync`: keeps a store current with every Form 3/4/5 in EDGAR's daily form indexes.
import { parseArgs } from 'node:util';
import { ProgressBar } from './progress.ts';
import { UsageError } from './usage-error.ts';
import { DEFAULT_DB, openStore } from '../store/store.ts';
import { clientArgs, clientHelp, dateOption, environmentHelp, explain, formsOption, makeClient } from './edgar-options.ts';
import { addDays, edgarToday, lastSyncedDate, syncDaily, type SyncDay } from '../edgar/daily-sync.ts';
import { EdgarError } from '../edgar/edgar-client.ts';
import type { StoreFilingsOutcome } from '../edgar/store-filings.ts';
import { summary } from './fetch-command.ts';

export const syncHelp = `Usage: form4 sync [--since DATE] [--until DATE] [options]

Brings the store up to date with EDGAR: reads the daily form index of each
business day (www.sec.gov/Archives/edgar/daily-index/YYYY/QTRn/form.YYYYMMDD.idx)
and stores every Form 3, 4 and 5 (and amendment) it lists.

The store remembers the last day it synced completely; a later "form4 sync"
starts the day after. The first run needs --since. A day with no index yet (today
before EDGAR publishes it in the evening, or a holiday) is tried again next time.
Interrupted runs resume: stored filings are skipped, downloaded ones come from the
cache.

Options:
  --since DATE        first day to read (YYYY-MM-DD); required the first time,
                      afterwards default: the day after the last synced one
  --until DATE        last day to read (default: today in New York)
  --db DB             the store: a SQLite file (default ${DEFAULT_DB}) or a postgres:// URL
${clientHelp}
  -h, --help          show this help

${environmentHelp}

Exit status: 0 every listed filing stored, 1 some could not be downloaded or read,
2 usage error.

Examples:
  form4 sync --since 2024-01-02      # the first time
  form4 sync                         # every evening after that`;

export async function syncCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      since: { type: 'string' },
      until: { type: 'string' },
      db: { type: 'string', default: DEFAULT_DB },
      ...clientArgs,
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(syncHelp + '\n');
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const since = dateOption('--since', values.since);
  const until = dateOption('--until', values.until) ?? edgarToday();
  if (since !== undefined && since > until) throw new UsageError(`--since ${since} is after --until ${until}`);
  const forms = formsOption(values.forms);
  const bar = new ProgressBar();
  const client = makeClient(values, (line) => {
    bar.done();
    process.stderr.write(line);
  });

  const store = await openStore(values.db);
  const started = performance.now();
  const totals: StoreFilingsOutcome = {
    listed: 0, alreadyStored: 0, total: 0, done: 0, downloaded: 0, fromCache: 0, inserted: 0, duplicates: 0, unreadable: 0, missing: [], failed: [], seconds: 0,
  };
  try {
    const previous = await lastSyncedDate(store);
    if (since === undefined && previous === null) {
      throw new UsageError(`${values.db} has never been synced: say where to start, e.g. form4 sync --since ${addDays(until, -7)}`);
    }
    if (since === undefined && previous !== null && previous >= until) {
      process.stdout.write(`${values.db} is synced through ${previous}: nothing to do until ${addDays(previous, 1)}\n`);
      return 0;
    }
    const result = await syncDaily(client, store, {
      ...(since ? { since } : {}),
      until,
      ...(forms ? { forms } : {}),
      onProgress: (date, p) =>
        bar.update({ done: p.done, total: p.total, unit: 'filings', count: p.done, seconds: p.seconds, detail: `${date} · ${p.inserted.toLocaleString('en-US')} new` }),
      onDay: (day) => {
        bar.done();
        process.stderr.write(describeDay(day) + '\n');
        if (day.status !== 'no-index') add(totals, day.outcome);
      },
    });
    bar.done();
    const through = result.lastSynced === null ? 'nothing synced yet' : `synced through ${result.lastSynced}`;
    process.stdout.write(summary(`Synced ${result.from} to ${result.to}`, totals, values.db, client.requests, (performance.now() - started) / 1000));
    process.stdout.write(`  ${values.db} is ${through}; the next "form4 sync" starts at ${result.lastSynced === null ? result.from : addDays(result.lastSynced, 1)}\n`);
    return totals.failed.length + totals.missing.length + totals.unreadable > 0 ? 1 : 0;
  } catch (error) {
    bar.done();
    if (error instanceof EdgarError) {
      process.stderr.write(`form4 sync: ${explain(error)}\n`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

function describeDay(day: SyncDay): string {
  if (day.status === 'no-index') return `${day.date}  no daily index (a holiday, or not published yet)`;
  const o = day.outcome;
  const problems = o.failed.length + o.missing.length;
  return `${day.date}  ${o.listed} filings: ${o.inserted} new, ${o.alreadyStored + o.duplicates} already stored${problems ? `, ${problems} not fetched` : ''}`;
}

function add(totals: StoreFilingsOutcome, o: StoreFilingsOutcome): void {
  for (const key of ['listed', 'alreadyStored', 'total', 'done', 'downloaded', 'fromCache', 'inserted', 'duplicates', 'unreadable'] as const) totals[key] += o[key];
  totals.missing.push(...o.missing);
  totals.failed.push(...o.failed);
}
