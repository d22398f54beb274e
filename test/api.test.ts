// The HTTP API (src/serve/), driven through app.request() over a SQLite store of the test
// fixtures: every endpoint, pagination, the JSON errors, raw downloads, uploads, the write
// token, the OpenAPI document and the web UI's place. The queries themselves are checked on
// both backends in query.test.ts.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { ingest } from '../src/ingest/ingest.ts';
import { createApp } from '../src/serve/create-app.ts';
import { openApiPath } from '../src/serve/openapi.ts';
import { routes } from '../src/serve/routes.ts';
import { openStore, type Store } from '../src/store/store.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'form4-api-'));
const fixture = (path: string) => join(root, 'test/fixtures', path);

let store: Store;
let app: Hono;

before(async () => {
  store = await openStore(join(tmp, 'api.db'));
  await ingest(store, [fixture('cli'), fixture('sgml'), fixture('xml'), fixture('query')], { workers: 0 });
  app = createApp(store, { uiDir: null });
});
after(async () => {
  await store.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function get(path: string, expectStatus = 200, on: Hono = app): Promise<any> {
  const response = await on.request(path);
  const body = response.headers.get('content-type')?.startsWith('application/json') ? await response.json() : await response.text();
  assert.equal(response.status, expectStatus, `${path}: ${JSON.stringify(body).slice(0, 300)}`);
  return body;
}

/** The error shape every failure has. */
function assertError(body: any, code: string): void {
  assert.deepEqual(Object.keys(body), ['error']);
  assert.deepEqual(Object.keys(body.error), ['code', 'message', 'details']);
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message, 'string');
}

const idOf = async (sourceFileEnd: string): Promise<number> => {
  const [row] = await store.all<{ id: number }>('SELECT id FROM filings WHERE source_file LIKE ?', [`%${sourceFileEnd}`]);
  assert.ok(row, sourceFileEnd);
  return Number(row.id);
};

describe('every GET endpoint answers with its documented schema', () => {
  const examples: Record<string, string> = {
    '/api/filings': '/api/filings?ticker=QRYC&limit=3',
    '/api/filings/:id': '/api/filings/1',
    '/api/filings/:id/raw': '/api/filings/1/raw',
    '/api/issuers/:issuer': '/api/issuers/QRYS',
    '/api/issuers/:issuer/activity': '/api/issuers/qrys/activity?limit=2',
    '/api/insiders/:cik': '/api/insiders/800001',
    '/api/insiders/:cik/activity': '/api/insiders/0000800005/activity?code=S',
    '/api/insiders/:cik/holdings': '/api/insiders/800001/holdings',
    '/api/activity/insiders': '/api/activity/insiders?since=2024-01-01&limit=5',
    '/api/activity/issuers': '/api/activity/issuers?code=P,S',
    '/api/clusters': '/api/clusters?minInsiders=3&windowDays=30',
    '/api/late': '/api/late?ticker=QRYS',
    '/api/10b5-1': '/api/10b5-1?by=insider&asFiled=true',
    '/api/search': '/api/search?q=query',
    '/api/stats': '/api/stats',
  };
  for (const route of routes.filter((r) => r.method === 'get')) {
    test(`GET ${route.path}`, async () => {
      const path = examples[route.path];
      assert.ok(path, `an example request for ${route.path}`);
      const body = await get(path);
      if ('schema' in route.response) route.response.schema.parse(body);
    });
  }

  test('the answers hold the data asked for', async () => {
    const activity = await get('/api/issuers/qrys/activity?limit=2');
    assert.equal(activity.issuer.name, 'Query Sales Inc');
    assert.deepEqual(activity.summary.map((r: any) => [r.category, r.sharesDisposed]), [['open-market-sale', 1750], ['tax-withholding', 50], ['gift', 100]]);
    assert.deepEqual([activity.insiders.total, activity.insiders.rows.length], [4, 2]);
    assert.deepEqual((await get('/api/issuers/900002/activity?offset=3')).insiders.rows.map((r: any) => [r.ownerName, r.category]), [['Fox Fay', 'gift']]);
    const insiders = await get('/api/activity/insiders?ticker=QRYS&code=S');
    assert.deepEqual(insiders.rows.map((r: any) => [r.ownerName, r.sharesDisposed]), [['Evans Eve', 1500], ['Fox Fay', 250]]);
    const clusters = await get('/api/clusters');
    assert.deepEqual(clusters.rows.map((r: any) => [r.ticker, r.insiders, r.shares, r.value]), [['QRYC', 3, 4100, 84600]]);
    const holdings = await get('/api/insiders/800001/holdings');
    assert.deepEqual(holdings.rows.map((r: any) => [r.sharesOwnedFollowing, r.break]), [[5000, false], [6000, true]]);
    const late = await get('/api/late?ticker=QRYS');
    assert.deepEqual(late.rows.map((r: any) => [r.ownerName, r.worstDaysLate]), [['Fox Fay', 12]]);
    const plan = await get('/api/10b5-1?ticker=QRYS');
    assert.equal(plan.rows[0].planShare, 0.666667);
    const search = await get('/api/search?q=fox');
    assert.deepEqual(search.rows.map((r: any) => [r.kind, r.cik]), [['insider', '0000800006']]);
  });

  test('a filing in full says whether it was amended, and by what', async () => {
    const original = await idOf('cluster-2-baker-2024-03-11.xml');
    const amendment = await idOf('cluster-6-baker-amendment.xml');
    const body = await get(`/api/filings/${original}`);
    assert.equal(body.amended, true);
    assert.deepEqual(body.amendments, [amendment]);
    assert.equal(body.filing.amendedByFilingId, amendment);
    assert.equal(body.record.nonDerivativeTransactions[0].shares, 2000, 'the record as filed');
    assert.equal(body.source.format, 'xml');
    const late = await get(`/api/filings/${await idOf('sales-3-fox-unknown-late.xml')}`);
    assert.deepEqual(late.issues.map((i: any) => [i.code, i.path.join('.')]).slice(0, 1), [['CHECK_FILED_LATE', 'nonDerivativeTransactions.0.transactionDate']]);
  });
});

describe('pagination', () => {
  test('limit and offset walk the rows, each page with the total', async () => {
    const all = await get('/api/filings?limit=1000');
    const ids: number[] = [];
    for (let offset = 0; offset < all.total; offset += 5) {
      const page = await get(`/api/filings?limit=5&offset=${offset}`);
      assert.deepEqual([page.total, page.limit, page.offset], [all.total, 5, offset]);
      ids.push(...page.rows.map((r: any) => r.id));
    }
    assert.deepEqual(ids, all.rows.map((r: any) => r.id));
    assert.deepEqual((await get(`/api/filings?offset=${all.total}`)).rows, []);
  });
});

describe('bad requests', () => {
  const bad: Array<[string, string]> = [
    ['/api/filings?limit=0', 'limit'],
    ['/api/filings?limit=1001', 'limit'],
    ['/api/filings?limit=ten', 'limit'],
    ['/api/filings?offset=-1', 'offset'],
    ['/api/filings?since=2024-02-30', 'since'],
    ['/api/filings?until=yesterday', 'until'],
    ['/api/filings?cik=12345678901', 'cik'],
    ['/api/filings?code=PS', 'code'],
    ['/api/filings?form=8-K', 'form'],
    ['/api/filings?asFiled=maybe', 'asFiled'],
    ['/api/filings?colour=blue', 'colour'],
    ['/api/filings/abc', 'id'],
    ['/api/filings/0/raw', 'id'],
    ['/api/insiders/ABC/holdings', 'cik'],
    ['/api/issuers/A$B', 'issuer'],
    ['/api/clusters?minInsiders=1', 'minInsiders'],
    ['/api/10b5-1?by=owner', 'by'],
    ['/api/search', 'q'],
    ['/api/search?q=', 'q'],
    ['/api/issuers/AMD/activity?ticker=AMD', 'ticker'],
    ['/api/stats?verbose=1', 'verbose'],
  ];
  for (const [path, parameter] of bad) {
    test(`${path} is a 400 naming ${parameter}`, async () => {
      const body = await get(path, 400);
      assertError(body, 'INVALID_PARAMETER');
      assert.ok(Array.isArray(body.error.details) && body.error.details.length > 0);
      assert.ok(body.error.details.some((d: any) => d.parameter === parameter), JSON.stringify(body.error.details));
    });
  }

  test('unknown routes and missing things are JSON 404s', async () => {
    for (const path of ['/api/nothing', '/api/filings/99999', '/api/filings/99999/raw', '/api/issuers/NOPE', '/api/issuers/NOPE/activity', '/api/insiders/1', '/api/insiders/1/holdings', '/nothing']) {
      assertError(await get(path, 404), 'NOT_FOUND');
    }
    const wrongMethod = await app.request('/api/filings', { method: 'DELETE' });
    assert.equal(wrongMethod.status, 404);
    assertError(await wrongMethod.json(), 'NOT_FOUND');
  });
});

describe('raw documents', () => {
  for (const file of ['xml/x0609.xml', 'sgml/modern-six-owners.txt', 'cli/amd-su-2023-06-08.txt']) {
    test(`${file} comes back byte for byte`, async () => {
      const id = await idOf(file);
      const response = await app.request(`/api/filings/${id}/raw`);
      assert.equal(response.status, 200);
      assert.deepEqual(new Uint8Array(await response.arrayBuffer()), new Uint8Array(readFileSync(fixture(file))));
      assert.match(response.headers.get('content-type') ?? '', file.endsWith('.xml') ? /^application\/xml/ : /^text\/plain; charset=utf-8/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    });
  }
});

describe('POST /api/parse', () => {
  test('reads a text rendering (a seed) with the provenance of its values, and stores nothing', async () => {
    const before = (await get('/api/stats')).filings;
    const seed = readdirSync(fixture('seeds')).find((f) => f.endsWith('.txt')) as string;
    const response = await app.request('/api/parse?fileName=seed.txt', { method: 'POST', body: readFileSync(fixture(`seeds/${seed}`)) });
    assert.equal(response.status, 200);
    const result = (await response.json()) as any;
    assert.equal(result.ok, true);
    assert.equal(result.source.format, 'text');
    assert.equal(result.source.file, 'seed.txt');
    assert.equal(result.record.issuer.tradingSymbol, 'SONS');
    assert.ok(Object.keys(result.provenance).length > 10, 'provenance of each value');
    assert.equal((await get('/api/stats')).filings, before);
  });

  test('reads an XML document, with the validator’s issues', async () => {
    const form = new FormData();
    form.append('file', new Blob([readFileSync(fixture('query/sales-3-fox-unknown-late.xml'))]), 'fox.xml');
    const response = await app.request('/api/parse', { method: 'POST', body: form });
    const result = (await response.json()) as any;
    assert.equal(response.status, 200);
    assert.equal(result.source.format, 'xml');
    assert.equal(result.source.file, 'fox.xml');
    assert.equal(result.record.reportingOwners[0].name, 'Fox Fay');
    assert.equal(result.issues.filter((i: any) => i.code === 'CHECK_FILED_LATE').length, 3);
  });

  test('an empty body is a 400, and one over the limit a 413', async () => {
    assertError(await (await app.request('/api/parse', { method: 'POST', body: '' })).json(), 'INVALID_BODY');
    const small = createApp(store, { uiDir: null, maxBodyBytes: 100 });
    const response = await small.request('/api/parse', { method: 'POST', body: 'x'.repeat(101) });
    assert.equal(response.status, 413);
    assertError(await response.json(), 'BODY_TOO_LARGE');
  });
});

describe('POST /api/ingest', () => {
  const filing = () => readFileSync(fixture('dataset/form4-true-false-literals.txt'));

  test('is refused with 403, saying how to enable it, when no write token is set', async () => {
    const response = await app.request('/api/ingest', { method: 'POST', body: filing(), headers: { authorization: 'Bearer anything-at-all' } });
    assert.equal(response.status, 403);
    const body = (await response.json()) as any;
    assertError(body, 'WRITE_DISABLED');
    assert.match(body.error.message, /--write-token/);
  });

  test('needs the bearer token the server was given, and then stores the filing', async () => {
    const writable = createApp(store, { uiDir: null, writeToken: 'correct-horse-battery' });
    for (const authorization of [undefined, 'Bearer wrong-token-value', 'Basic Y29ycmVjdC1ob3JzZS1iYXR0ZXJ5', 'Bearer correct-horse-batter']) {
      const response = await writable.request('/api/ingest', { method: 'POST', body: filing(), headers: authorization ? { authorization } : {} });
      assert.equal(response.status, 401, String(authorization));
      assert.equal(response.headers.get('www-authenticate'), 'Bearer realm="form4"');
      assertError(await response.json(), 'UNAUTHORIZED');
    }
    const before = (await get('/api/stats')).filings;
    const send = () => writable.request('/api/ingest?fileName=xel.txt', { method: 'POST', body: filing(), headers: { authorization: 'Bearer correct-horse-battery' } });
    const created = await send();
    assert.equal(created.status, 201);
    const body = (await created.json()) as any;
    assert.deepEqual([body.inserted, body.duplicates, body.failed], [1, 0, 0]);
    assert.equal((await get('/api/stats')).filings, before + 1);
    const stored = await get(`/api/filings/${body.filings[0].id}`);
    assert.equal(stored.filing.ticker, 'XEL');
    const again = await send();
    assert.equal(again.status, 200);
    assert.deepEqual(((await again.json()) as any).duplicates, 1);
  });
});

describe('the OpenAPI document', () => {
  test('describes exactly the routes the app serves', async () => {
    const document = await get('/api/openapi.json');
    assert.equal(document.openapi, '3.1.0');
    const documented = new Set(Object.entries(document.paths as Record<string, object>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)));
    const served = new Set(
      app.routes.filter((r) => r.path.startsWith('/api/') && !r.path.endsWith('*') && r.method !== 'ALL').map((r) => `${r.method} ${openApiPath(r.path)}`),
    );
    assert.deepEqual([...documented].sort(), [...served].sort());
  });

  test('lists every parameter with its schema, and every $ref resolves', async () => {
    const document = await get('/api/openapi.json');
    const filings = document.paths['/api/filings'].get;
    assert.deepEqual(
      filings.parameters.map((p: any) => p.name),
      ['ticker', 'cik', 'owner', 'since', 'until', 'code', 'form', 'limit', 'offset', 'asFiled'],
    );
    const limit = filings.parameters.find((p: any) => p.name === 'limit');
    assert.deepEqual([limit.in, limit.required, limit.schema.type, limit.schema.minimum, limit.schema.maximum, limit.schema.default], ['query', false, 'integer', 1, 1000, 50]);
    const code = filings.parameters.find((p: any) => p.name === 'code');
    assert.deepEqual([code.schema.type, code.style, code.explode], ['array', 'form', false]);
    const raw = document.paths['/api/filings/{id}/raw'].get;
    assert.deepEqual(raw.parameters.map((p: any) => [p.name, p.in, p.required]), [['id', 'path', true]]);
    assert.deepEqual(document.paths['/api/ingest'].post.security, [{ bearer: [] }]);
    for (const ref of JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)) {
      assert.ok(document.components.schemas[ref[1] as string], `${ref[1]} is defined`);
    }
  });
});

describe('the web UI’s place', () => {
  test('without a built UI, / is a page that links to the API description', async () => {
    const page = await get('/');
    assert.match(page, /href="\/api\/openapi.json"/);
  });

  test('a built UI is served at /, its routes fall back to index.html, and /api stays the API', async () => {
    const ui = join(tmp, 'ui');
    mkdirSync(join(ui, 'assets'), { recursive: true });
    writeFileSync(join(ui, 'index.html'), '<!doctype html><title>form4 ui</title>');
    writeFileSync(join(ui, 'assets/app.js'), 'console.log(1)');
    const withUi = createApp(store, { uiDir: ui });
    assert.match(await get('/', 200, withUi), /form4 ui/);
    assert.match(await get('/issuers/AMD', 200, withUi), /form4 ui/);
    const js = await withUi.request('/assets/app.js');
    assert.equal(js.headers.get('content-type'), 'text/javascript; charset=utf-8');
    assertError(await get('/assets/missing.js', 404, withUi), 'NOT_FOUND');
    assertError(await get('/..%2f..%2fpackage.json', 404, withUi), 'NOT_FOUND');
    assertError(await get('/api/nothing', 404, withUi), 'NOT_FOUND');
    assert.equal((await get('/api/stats', 200, withUi)).filings > 0, true);
  });
});
