// npm run bench api (or node scripts/bench-api.ts [--db STORE] [--seconds N]): the HTTP
// API under load. Ingests the 17,770 bulk submissions into a temporary SQLite store (or
// reuses --db), starts "form4 serve --workers auto" (one process per core) in a child process, and runs autocannon with 20
// connections for a fixed time against issuer and insider endpoints, cycling through real
// tickers and CIKs of the store. Reports p50/p95/p99 latency and requests/s per endpoint;
// the target is p95 under 50 ms.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { ingest } from '../src/ingest/ingest.ts';
import { openStore } from '../src/store/store.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const archive = join(root, '../shared/bulk/form4-2023h1-submissions.tar.gz');
const CONNECTIONS = 20;
const SAMPLE = 40;

export async function benchApi(options: { db?: string | undefined; seconds?: number } = {}): Promise<void> {
  const seconds = options.seconds ?? Number(process.env.BENCH_API_SECONDS ?? 10);
  if (!options.db && !existsSync(archive)) {
    console.log(`note: ${archive} not found (no ../shared beside the repo); the API benchmark needs it and was skipped`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'form4-bench-api-'));
  const db = options.db ?? join(tmp, 'bulk.db');
  try {
    const store = await openStore(db);
    if ((await store.stats()).filings === 0) {
      const t0 = Date.now();
      const loaded = await ingest(store, [archive]);
      console.log(`ingested ${loaded.inserted.toLocaleString('en-US')} filings into ${db} in ${((Date.now() - t0) / 1000).toFixed(1)}s`);
    }
    // Real names, spread over the store: every k-th issuer and owner by number of filings.
    const spread = <T>(rows: T[]) => rows.filter((_, i) => i % Math.max(1, Math.floor(rows.length / SAMPLE)) === 0).slice(0, SAMPLE);
    const tickers = spread(
      (await store.all<{ ticker: string }>(
        `SELECT MAX(UPPER(TRIM(issuer_trading_symbol))) AS ticker FROM filings WHERE ok = ? AND issuer_cik IS NOT NULL
         AND issuer_trading_symbol IS NOT NULL AND UPPER(TRIM(issuer_trading_symbol)) NOT IN ('NONE', 'N/A', 'NA', '')
         GROUP BY issuer_cik ORDER BY COUNT(*) DESC, issuer_cik`,
        [true],
      )).filter((r) => /^[A-Z0-9.\-]{1,20}$/.test(r.ticker)),
    ).map((r) => r.ticker);
    const ciks = spread(
      await store.all<{ cik: string }>('SELECT cik FROM reporting_owners WHERE cik IS NOT NULL GROUP BY cik ORDER BY COUNT(*) DESC, cik'),
    ).map((r) => r.cik);
    const stats = await store.stats();
    await store.close();

    const server = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0', '--workers', 'auto'], { stdio: ['ignore', 'pipe', 'inherit'] });
    const base = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const m = /at (http:\/\/[^/\s]+)\//.exec(out);
        if (m) resolve(m[1] as string);
      });
      server.once('exit', (code) => reject(new Error(`form4 serve exited (${code}) before listening`)));
    });
    try {
      const endpoints: Array<[string, string[]]> = [
        ['GET /api/issuers/:ticker', tickers.map((t) => `/api/issuers/${t}`)],
        ['GET /api/issuers/:ticker/activity', tickers.map((t) => `/api/issuers/${t}/activity`)],
        ['GET /api/filings?ticker=', tickers.map((t) => `/api/filings?ticker=${t}`)],
        ['GET /api/insiders/:cik/holdings', ciks.map((c) => `/api/insiders/${c}/holdings`)],
        ['GET /api/insiders/:cik/activity', ciks.map((c) => `/api/insiders/${c}/activity`)],
      ];
      const rows: Record<string, string | number>[] = [];
      for (const [name, paths] of endpoints) {
        const times: number[] = [];
        let failures = 0;
        const result = await new Promise<autocannon.Result>((resolve, reject) => {
          const instance = autocannon(
            { url: base, connections: CONNECTIONS, duration: seconds, requests: paths.map((path) => ({ method: 'GET' as const, path })) },
            (error: unknown, r: autocannon.Result) => (error ? reject(error) : resolve(r)),
          );
          instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
            times.push(ms);
            if (status !== 200) failures++;
          });
        });
        times.sort((a, b) => a - b);
        const at = (p: number) => Number((times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN).toFixed(1));
        rows.push({
          endpoint: name,
          'distinct URLs': paths.length,
          requests: times.length,
          'req/s': Math.round(result.requests.average),
          'p50 ms': at(50),
          'p95 ms': at(95),
          'p99 ms': at(99),
          'non-200': failures + result.errors + result.timeouts,
          'p95 < 50 ms': at(95) < 50 ? 'yes' : 'NO',
        });
      }
      console.log(
        `\nform4 serve over ${db.startsWith(tmp) ? 'a temporary SQLite store' : db} (${stats.filings.toLocaleString('en-US')} filings), ` +
          `autocannon: ${CONNECTIONS} connections, ${seconds}s per endpoint, Node ${process.version}\n`,
      );
      console.table(rows);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('exit', resolve));
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (import.meta.main) {
  const { values } = parseArgs({ options: { db: { type: 'string' }, seconds: { type: 'string' } } });
  await benchApi({ db: values.db, ...(values.seconds ? { seconds: Number(values.seconds) } : {}) });
}
