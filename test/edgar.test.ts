// The EDGAR client and `form4 fetch` / `form4 sync`, against a local server replaying real
// recorded EDGAR responses (test/fixtures/edgar): no internet, no /work/shared.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { businessDays, lastSyncedDate } from '../src/edgar/daily-sync.ts';
import { dailyFormIndex, fetchSubmissionText, listFilings, lookupTicker, quarterlyIndex } from '../src/edgar/edgar-api.ts';
import { EdgarClient, EdgarError, parseRetryAfter, type EdgarClientOptions, type EdgarResponse, type RetryNotice } from '../src/edgar/edgar-client.ts';
import { parseFormIndex } from '../src/edgar/form-index.ts';
import { RateLimiter } from '../src/edgar/rate-limiter.ts';
import { findTicker, parseTickers } from '../src/edgar/tickers.ts';
import { openStore } from '../src/store/store.ts';
import { FIXTURES, startEdgarReplay, type EdgarReplay } from './helpers/edgar-replay.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'form4-edgar-'));
const UA = 'form4 tests form4-tests@example.com';
let server: EdgarReplay;
let dirs = 0;

before(async () => {
  server = await startEdgarReplay();
});
after(async () => {
  await server.close();
  rmSync(tmp, { recursive: true, force: true });
});

const freshDir = () => join(tmp, `d${++dirs}`);
const TESLA_TXT = '/Archives/edgar/data/1318605/000177134023000004/0001771340-23-000004.txt';

/** A fast client: its own bucket, tiny waits, its own cache folder. */
function client(options: Partial<EdgarClientOptions> = {}): EdgarClient {
  return new EdgarClient({
    userAgent: UA,
    wwwBase: server.url,
    dataBase: server.url,
    cacheDir: freshDir(),
    rateLimiter: new RateLimiter({ perSecond: 1000 }),
    backoffMs: 20,
    throttlePauseMs: 50,
    timeoutMs: 2000,
    ...options,
  });
}

function since(mark: number, path: string | RegExp) {
  return server.requestsFor(path).filter((r) => r.at >= mark);
}

function form4(args: string[], env: Record<string, string | undefined> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, FORM4_EDGAR_WWW_URL: server.url, FORM4_EDGAR_DATA_URL: server.url, FORM4_USER_AGENT: UA, ...env };
  for (const [k, v] of Object.entries(env)) if (v === undefined) delete childEnv[k];
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'src/cli/main.ts'), ...args], { cwd: root, env: childEnv }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

/** performance.now() of each call the clients make to global fetch, i.e. when a request leaves the bucket. */
async function sendTimes(run: () => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (input, init) => {
    times.push(performance.now());
    return original(input, init);
  };
  try {
    await run();
  } finally {
    globalThis.fetch = original;
  }
  return times;
}

/**
 * What a token bucket of one guarantees, however late a timer fires: any k + 1 consecutive
 * requests span at least k - 1 intervals (a late request may be followed closely by an
 * on-time one, never by two).
 */
function assertSpaced(times: number[], interval: number): void {
  for (let i = 0; i < times.length; i++) {
    for (let j = i + 1; j < times.length; j++) {
      const span = times[j]! - times[i]!;
      assert.ok(span >= (j - i - 1) * interval, `requests ${i} and ${j} only ${span.toFixed(1)} ms apart`);
    }
  }
}

describe('the user agent', () => {
  test('the client refuses to start without a User-Agent naming someone and an e-mail, and says what to set', () => {
    for (const value of [undefined, '', 'just-a-name', 'nobody@example.com']) {
      assert.throws(
        () => new EdgarClient({ userAgent: value }),
        (error: EdgarError) => error.code === 'USER_AGENT_MISSING' && /FORM4_USER_AGENT="Your Name you@example\.com"/.test(error.message),
      );
    }
  });

  test('every request carries the declared User-Agent', async () => {
    const mark = performance.now();
    await client().get('https://www.sec.gov/files/company_tickers.json');
    const [request] = since(mark, '/files/company_tickers.json');
    assert.equal(request?.headers['user-agent'], UA);
  });

  test('form4 fetch without a User-Agent exits 2 before any request and names FORM4_USER_AGENT', async () => {
    const count = server.requests.length;
    const run = await form4(['fetch', '--ticker', 'TSLA', '--db', join(freshDir(), 'x.db')], { FORM4_USER_AGENT: undefined });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /set FORM4_USER_AGENT="Your Name you@example.com" or pass --user-agent/);
    assert.equal(server.requests.length, count);
  });

  test('the "Undeclared Automated Tool" page stops at once with a hint, without retrying', async () => {
    const mark = performance.now();
    server.fault('/files/company_tickers.json', { kind: 'undeclared' });
    await assert.rejects(client().get('https://www.sec.gov/files/company_tickers.json'), (error: EdgarError) => {
      return error.code === 'USER_AGENT_REFUSED' && /set FORM4_USER_AGENT/.test(error.message);
    });
    assert.equal(since(mark, '/files/company_tickers.json').length, 1);
  });
});

describe('the rate limit', () => {
  test('concurrent requests of two clients sharing one bucket are spaced at its rate (30 at 50/s take at least 0.56 s)', async () => {
    const limiter = new RateLimiter({ perSecond: 50 });
    const a = client({ rateLimiter: limiter, cacheDir: null });
    const b = client({ rateLimiter: limiter, cacheDir: null });
    const url = 'https://data.sec.gov/submissions/CIK0001462356.json';
    const mark = performance.now();
    const times = await sendTimes(() => Promise.all(Array.from({ length: 30 }, (_, i) => (i % 2 ? a : b).get(url))));
    assert.equal(times.length, 30);
    assert.equal(since(mark, '/submissions/CIK0001462356.json').length, 30);
    assertSpaced(times, 20);
    // Without a bucket all 30 would leave within a millisecond or two.
    assert.ok(times.at(-1)! - times[0]! >= 28 * 20, `30 requests in ${(times.at(-1)! - times[0]!).toFixed(0)} ms`);
  });

  test('a busy event loop delays the requests after it but never lets them out together', async () => {
    const limiter = new RateLimiter({ perSecond: 50 });
    const started: number[] = [];
    const all = Promise.all(Array.from({ length: 6 }, () => limiter.acquire().then(() => void started.push(performance.now()))));
    // Block the loop well past several slots: a bucket that reserved slots up front would let
    // every overdue request out at once when the loop frees up.
    const until = performance.now() + 120;
    while (performance.now() < until);
    await all;
    for (let i = 1; i < started.length; i++) {
      const gap = started[i]! - started[i - 1]!;
      assert.ok(gap >= 19, `requests ${i - 1} and ${i} ${gap.toFixed(1)} ms apart`);
    }
  });

  test('the default bucket is the one of the process, at 10 requests per second', async () => {
    const { processRateLimiter } = await import('../src/edgar/rate-limiter.ts');
    assert.equal(processRateLimiter.perSecond, 10);
    const plain = new EdgarClient({ userAgent: UA, wwwBase: server.url, dataBase: server.url, cacheDir: null });
    const other = new EdgarClient({ userAgent: UA, wwwBase: server.url, dataBase: server.url, cacheDir: null });
    const url = 'https://www.sec.gov/files/company_tickers_exchange.json';
    const times = await sendTimes(() => Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? plain : other).get(url))));
    assertSpaced(times, 100);
    assert.ok(times.at(-1)! - times[0]! >= 3 * 100, `5 requests in ${(times.at(-1)! - times[0]!).toFixed(0)} ms`);
  });
});

describe('retries', () => {
  test('HTTP 503 is retried with waits that double (equal jitter: between half and all of 20, 40, 80 ms)', async () => {
    const path = '/submissions/CIK0001318605.json';
    server.fault(path, { kind: 'status', status: 503 }, { kind: 'status', status: 503 }, { kind: 'status', status: 500 });
    const notices: RetryNotice[] = [];
    const mark = performance.now();
    let response: EdgarResponse | undefined;
    const times = await sendTimes(async () => {
      response = await client({ onRetry: (n) => notices.push(n) }).get(`https://data.sec.gov${path}`);
    });
    assert.equal(response?.from, 'network');
    assert.deepEqual(notices.map((n) => n.code), ['UNAVAILABLE', 'UNAVAILABLE', 'UNAVAILABLE']);
    notices.forEach((n, i) => assert.ok(n.delayMs >= 10 * 2 ** i && n.delayMs <= 20 * 2 ** i, `wait ${i}: ${n.delayMs}`));
    assert.deepEqual(since(mark, path).map((r) => r.status), [503, 503, 500, 200]);
    times.slice(1).forEach((t, i) => assert.ok(t - times[i]! >= notices[i]!.delayMs - 1, `attempt ${i + 1} after ${t - times[i]!} ms`));
  });

  test('HTTP 429 waits as long as Retry-After says', async () => {
    const path = '/files/company_tickers_exchange.json';
    server.fault(path, { kind: 'status', status: 429, headers: { 'retry-after': '1' } });
    const mark = performance.now();
    await client().get(`https://www.sec.gov${path}`);
    const [first, second] = since(mark, path);
    assert.ok(second!.at - first!.at >= 995, `retried after ${(second!.at - first!.at).toFixed(0)} ms`);
  });

  test('the SEC\'s "Request Rate Threshold Exceeded" page (HTTP 403) pauses every request of the client for the throttle pause', async () => {
    const throttled = '/submissions/CIK0001462356.json';
    const other = '/submissions/CIK0000350001.json';
    server.fault(throttled, { kind: 'throttle' });
    // The other request is made once the client has seen the throttle page (its retry notice),
    // however long the page took to come back on a loaded machine.
    let otherGet: ReturnType<ReturnType<typeof client>['get']> | undefined;
    const c = client({ throttlePauseMs: 300, rateLimiter: new RateLimiter({ perSecond: 50 }), onRetry: () => void (otherGet ??= c.get(`https://data.sec.gov${other}`)) });
    const mark = performance.now();
    const a = await c.get(`https://data.sec.gov${throttled}`);
    assert.ok(otherGet, 'the throttle page was noticed');
    const b = await otherGet;
    assert.equal(a.from, 'network');
    assert.equal(b.from, 'network');
    const [first, retry] = since(mark, throttled);
    const [otherRequest] = since(mark, other);
    assert.equal(first!.status, 403);
    assert.ok(retry!.at - first!.at >= 295, `retried after ${(retry!.at - first!.at).toFixed(0)} ms`);
    assert.ok(otherRequest!.at - first!.at >= 295, `other request waited ${(otherRequest!.at - first!.at).toFixed(0)} ms`);
  });

  test('a request that hangs times out and is retried', async () => {
    server.fault(TESLA_TXT, { kind: 'hang' });
    const mark = performance.now();
    const notices: RetryNotice[] = [];
    const response = await client({ timeoutMs: 150, onRetry: (n) => notices.push(n) }).get(`https://www.sec.gov${TESLA_TXT}`);
    assert.equal(response.body.length, readFileSync(join(FIXTURES, 'www.sec.gov', TESLA_TXT)).length);
    assert.equal(notices[0]?.code, 'TIMEOUT');
    const [first, second] = since(mark, TESLA_TXT);
    assert.ok(second!.at - first!.at >= 150);
  });

  test('a body cut short of its Content-Length is retried and the whole body returned', async () => {
    server.fault(TESLA_TXT, { kind: 'truncate' });
    const notices: RetryNotice[] = [];
    const response = await client({ onRetry: (n) => notices.push(n) }).get(`https://www.sec.gov${TESLA_TXT}`);
    assert.deepEqual(Buffer.from(response.body), readFileSync(join(FIXTURES, 'www.sec.gov', TESLA_TXT)));
    assert.equal(notices[0]?.code, 'TRUNCATED');
  });

  test('a dropped connection is retried', async () => {
    server.fault(TESLA_TXT, { kind: 'reset' }, { kind: 'reset' });
    const notices: RetryNotice[] = [];
    const response = await client({ onRetry: (n) => notices.push(n) }).get(`https://www.sec.gov${TESLA_TXT}`);
    assert.ok(response.body.length > 0);
    assert.deepEqual(notices.map((n) => n.code), ['NETWORK', 'NETWORK']);
  });

  test('after the last retry the error keeps its code and says how many attempts were made', async () => {
    const path = '/files/company_tickers.json';
    server.fault(path, ...Array.from({ length: 3 }, () => ({ kind: 'status' as const, status: 502 })));
    await assert.rejects(client({ maxRetries: 2 }).get(`https://www.sec.gov${path}`), (error: EdgarError) => {
      return error.code === 'UNAVAILABLE' && error.status === 502 && /gave up after 3 attempts/.test(error.message);
    });
  });

  test('a missing file (404 NoSuchKey, or 403 AccessDenied for an index) is NOT_FOUND at once', async () => {
    const mark = performance.now();
    const c = client();
    await assert.rejects(c.get('https://www.sec.gov/Archives/edgar/data/1/000000000099000001/0000000000-99-000001.txt'), { code: 'NOT_FOUND', status: 404 });
    await assert.rejects(c.get('https://www.sec.gov/Archives/edgar/full-index/2099/QTR1/form.gz'), { code: 'NOT_FOUND', status: 403 });
    assert.equal(since(mark, /0000000000-99-000001|2099/).length, 2);
  });

  test('Retry-After is read as seconds or as an HTTP date', () => {
    assert.equal(parseRetryAfter('120'), 120_000);
    assert.equal(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT')), 30_000);
    assert.equal(parseRetryAfter('soon'), null);
  });
});

describe('the cache', () => {
  test('a second GET of a changing file is conditional and a 304 reuses the cached body', async () => {
    const c = client();
    const url = 'https://data.sec.gov/submissions/CIK0001318605.json';
    const mark = performance.now();
    const first = await c.get(url);
    const second = await c.get(url);
    assert.equal(first.from, 'network');
    assert.equal(second.from, 'revalidated');
    assert.deepEqual(second.body, first.body);
    const [, conditional] = since(mark, '/submissions/CIK0001318605.json');
    assert.ok(conditional?.headers['if-none-match']);
    assert.equal(conditional?.status, 304);
  });

  test('a cached filing is read from disk without any request, stored under its sha256', async () => {
    const c = client();
    const ref = { cik: '1318605', accessionNumber: '0001771340-23-000004' };
    const first = await fetchSubmissionText(c, ref);
    const count = server.requests.length;
    const second = await fetchSubmissionText(c, ref);
    assert.equal(server.requests.length, count);
    assert.equal(second.from, 'cache');
    assert.deepEqual(second.body, first.body);
    assert.deepEqual(Buffer.from(readFileSync(c.cache!.objectPath(first.sha256))), Buffer.from(first.body));
  });
});

describe('EDGAR listings', () => {
  test('a ticker is found in company_tickers.json and in the company_tickers_exchange.json format', async () => {
    const entry = await lookupTicker(client(), 'tsla');
    assert.deepEqual(entry, { ticker: 'TSLA', cik: '1318605', name: 'Tesla, Inc.', exchange: null });
    const table = parseTickers(readFileSync(join(FIXTURES, 'www.sec.gov/files/company_tickers_exchange.json'), 'utf8'));
    assert.ok(table.ok);
    assert.deepEqual(findTicker(table.value, 'AAPL'), { ticker: 'AAPL', cik: '320193', name: 'Apple Inc.', exchange: 'Nasdaq' });
    await assert.rejects(lookupTicker(client(), 'NOPE'), /no ticker "NOPE".*--cik/);
  });

  test('a company\'s filings include those of its pagination files, filtered to Forms 3/4/5', async () => {
    const listed = await listFilings(client(), '0001318605');
    assert.deepEqual(listed.pagesRead, ['CIK0001318605-submissions-001.json']);
    assert.deepEqual(
      listed.filings.map((f) => `${f.form} ${f.filingDate} ${f.accessionNumber}`),
      [
        '4 2023-07-07 0001771364-23-000008',
        '4 2023-06-13 0001771340-23-000004',
        '4 2022-11-08 0000899243-22-035394',
        '4 2018-01-26 0001352816-18-000002',
        '4 2018-01-11 0001352816-18-000001',
        '4 2018-01-04 0001494731-18-000001',
      ],
    );
  });

  test('--since drops older filings and skips pagination files that end before it', async () => {
    const mark = performance.now();
    const listed = await listFilings(client(), '1318605', { since: '2023-01-01' });
    assert.deepEqual(listed.filings.map((f) => f.accessionNumber), ['0001771364-23-000008', '0001771340-23-000004']);
    assert.deepEqual(listed.pagesRead, []);
    assert.equal(since(mark, /submissions-001/).length, 0);
  });

  test('a daily form index is read by form type, names that fill their column included', async () => {
    const daily = await dailyFormIndex(client(), '2020-03-18');
    assert.equal(daily.lastDataReceived, 'Mar 18, 2020');
    assert.deepEqual(daily.unreadable, []);
    const forms = daily.rows.filter((r) => ['3', '3/A', '4', '4/A'].includes(r.form)).map((r) => r.form);
    assert.deepEqual(forms, ['3', '3', '3', '3/A', '3/A', '4', '4', '4', '4/A', '4/A', '4/A']);
    assert.deepEqual(daily.rows.find((r) => r.form === 'SC 13G'), {
      form: 'SC 13G',
      companyName: 'AMC Networks Inc.',
      cik: '1514991',
      filingDate: '2020-03-18',
      fileName: 'edgar/data/1514991/0001140361-20-006146.txt',
      accessionNumber: '0001140361-20-006146',
    });
    const quarterly = parseFormIndex(readFileSync(join(FIXTURES, 'www.sec.gov/Archives/edgar/full-index/2021/QTR1/form.idx'), 'latin1'));
    const full = quarterly.rows.find((r) => r.cik === '820694');
    assert.equal(full?.companyName, "UNITED PLANNERS' FINANCIAL SERVICES OF AMERICA A LIMITED PARTNER");
    assert.equal(full?.form, 'X-17A-5');
    assert.deepEqual(quarterly.unreadable, []);
  });

  test('quarterly master indexes are read, gzipped or not', async () => {
    const c = client();
    const gz = await quarterlyIndex(c, 2023, 2, 'master.gz');
    assert.equal(gz.rows.length, 15);
    assert.deepEqual(gz.rows.find((r) => r.cik === '1222801'), {
      form: '4',
      companyName: 'JOSEPHS ROBIN',
      cik: '1222801',
      filingDate: '2023-06-09',
      fileName: 'edgar/data/1222801/0001104659-23-069666.txt',
      accessionNumber: '0001104659-23-069666',
    });
    const old = await quarterlyIndex(c, 1993, 4, 'master.idx');
    assert.ok(old.rows.length > 10);
    assert.deepEqual(old.unreadable, []);
    await assert.rejects(quarterlyIndex(c, 2099, 1, 'form.gz'), { code: 'NOT_FOUND' });
  });

  test('business days skip weekends', () => {
    assert.deepEqual(businessDays('2023-06-09', '2023-06-13'), ['2023-06-09', '2023-06-12', '2023-06-13']);
  });
});

describe('form4 fetch', () => {
  const db = join(tmp, 'fetch.db');
  const cache = join(tmp, 'fetch-cache');
  const args = ['fetch', '--ticker', 'TSLA', '--since', '2022-01-01', '--db', db, '--cache', cache];

  test('stores a company\'s Form 4s since a date in a SQLite store and says so', async () => {
    const mark = performance.now();
    const run = await form4(args);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Fetched Tesla, Inc\. \(CIK 1318605\)/);
    assert.match(run.stdout, /3 filings listed: 3 new, 0 already stored \(3 downloaded, 0 from the cache\)/);
    assert.equal(since(mark, /\.txt$/).length, 3);
    const store = await openStore(db);
    try {
      const stats = await store.stats();
      assert.equal(stats.filings, 3);
      assert.equal(stats.failed, 0);
      assert.deepEqual(stats.byDocumentType, { '4': 3 });
      const rows = await store.all<{ accession_number: string; issuer_cik: string }>('SELECT accession_number, issuer_cik FROM filings ORDER BY accession_number');
      assert.deepEqual(rows.map((r) => r.accession_number), ['0000899243-22-035394', '0001771340-23-000004', '0001771364-23-000008']);
      assert.ok(rows.every((r) => Number(r.issuer_cik) === 1318605));
    } finally {
      await store.close();
    }
  });

  test('a second run asks EDGAR for no filing it has stored', async () => {
    const mark = performance.now();
    const run = await form4(args);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 filings listed: 0 new, 3 already stored \(0 downloaded, 0 from the cache\)/);
    assert.equal(since(mark, /\.txt$/).length, 0);
  });

  test('a run into a new store takes the downloaded filings from the cache', async () => {
    const mark = performance.now();
    const run = await form4(['fetch', '--cik', '1318605', '--since', '2022-01-01', '--db', join(tmp, 'fetch2.db'), '--cache', cache]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /3 new, 0 already stored \(0 downloaded, 3 from the cache\)/);
    assert.equal(since(mark, /\.txt$/).length, 0);
  });

  test('a reporting owner is fetched by CIK; a filing EDGAR does not have is reported and the status is 1', async () => {
    const ownerDb = join(tmp, 'owner.db');
    const run = await form4(['fetch', '--cik', '0001462356', '--since', '2022-05-01', '--db', ownerDb, '--cache', cache]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /2 filings listed: 1 new/);
    assert.match(run.stdout, /not on EDGAR: 0000320193-22-000072 \(Form 4, filed 2022-08-05\)/);
    const store = await openStore(ownerDb);
    try {
      const rows = await store.all<{ accession_number: string }>('SELECT accession_number FROM filings');
      assert.deepEqual(rows.map((r) => r.accession_number), ['0000320193-22-000061']);
    } finally {
      await store.close();
    }
  });

  test('usage errors exit 2 and say what to do', async () => {
    const none = await form4(['fetch']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /name one filer: --ticker SYMBOL or --cik N/);
    const date = await form4(['fetch', '--cik', '1318605', '--since', '2023-13-01']);
    assert.equal(date.code, 2);
    assert.match(date.stderr, /--since takes a date as YYYY-MM-DD/);
    const help = await form4(['fetch', '--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Resumable/);
  });
});

describe('form4 sync', () => {
  const db = join(tmp, 'sync.db');
  const cache = join(tmp, 'sync-cache');

  test('the first sync needs a start date', async () => {
    const run = await form4(['sync', '--db', join(tmp, 'never.db'), '--cache', cache, '--until', '2023-06-13']);
    assert.equal(run.code, 2);
    assert.match(run.stderr, /has never been synced: say where to start, e.g\. form4 sync --since 2023-06-06/);
  });

  test('stores every Form 4 of two days of daily indexes, skipping the weekend, and stops before a day not yet published', async () => {
    const mark = performance.now();
    const run = await form4(['sync', '--since', '2023-06-09', '--until', '2023-06-13', '--db', db, '--cache', cache]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stderr, /2023-06-09 {2}2 filings: 2 new/);
    assert.match(run.stderr, /2023-06-12 {2}2 filings: 2 new/);
    assert.match(run.stderr, /2023-06-13 {2}no daily index/);
    assert.match(run.stdout, /synced through 2023-06-12; the next "form4 sync" starts at 2023-06-13/);
    assert.deepEqual(
      since(mark, /daily-index/).map((r) => r.path.split('/').pop()),
      ['form.20230609.idx', 'form.20230612.idx', 'form.20230613.idx'],
    );
    // Each Form 4 is listed under its issuer and its owner, and fetched once.
    assert.equal(since(mark, /\.txt$/).length, 4);
    const store = await openStore(db);
    try {
      assert.equal((await store.stats()).filings, 4);
      assert.equal(await lastSyncedDate(store), '2023-06-12');
    } finally {
      await store.close();
    }
  });

  test('the next sync starts after the last synced day and fetches no stored filing', async () => {
    const mark = performance.now();
    const run = await form4(['sync', '--until', '2023-06-13', '--db', db, '--cache', cache]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(since(mark, /./).map((r) => r.path.split('/').pop()), ['form.20230613.idx']);
  });

  test('syncing the same days again makes no request for a stored filing', async () => {
    const mark = performance.now();
    const run = await form4(['sync', '--since', '2023-06-09', '--until', '2023-06-12', '--db', db, '--cache', cache]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /4 filings listed: 0 new, 4 already stored/);
    assert.equal(since(mark, /\.txt$/).length, 0);
  });
});
