// The store's questions (src/query/), asked of the same filings on every backend
// (embedded SQLite and PostgreSQL; FORM4_SKIP_POSTGRES=1 leaves PostgreSQL out), with the
// same exact answers. test/fixtures/query holds hand-made filings for what the other
// fixtures lack: three insiders buying at one issuer within 30 days, an amendment, a break
// in a holdings chain, sales with and without a 10b5-1 plan, and a late filing.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ingest } from '../src/ingest/ingest.ts';
import {
  clusterBuying,
  findFilings,
  holdingsHistory,
  insiderActivity,
  insiderProfile,
  issuerActivity,
  issuerProfile,
  lateFilers,
  planSales,
  search,
} from '../src/query/index.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { backends } from './helpers/backends.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'form4-query-'));
const inputs = [
  ...['test/fixtures/cli', 'test/fixtures/sgml', 'test/fixtures/xml', 'test/fixtures/query'].map((d) => join(root, d)),
  ...readdirSync(join(root, 'test/fixtures/dataset'))
    .filter((f) => f.endsWith('.txt'))
    .map((f) => join(root, 'test/fixtures/dataset', f)),
];

const backendList = backends('query', tmp);

after(() => rmSync(tmp, { recursive: true, force: true }));

/** Every answer of each backend, compared at the end: ids aside (each database numbers its rows). */
const answers = new Map<string, Map<string, unknown>>();
function withoutIds(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutIds);
  // A history break names the earlier filing by id when it has no accession number.
  if (typeof value === 'string') return value.replace(/filing #\d+/g, 'filing #N');
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).filter(([k]) => !/^id$|Ids?$/.test(k)).map(([k, v]) => [k, withoutIds(v)]));
}

const QRYC = { cik: '0000900001', name: 'Query Cluster Corp' };
const QRYS = { cik: '0000900002', name: 'Query Sales Inc' };

for (const backend of backendList) {
  describe(`queries on the ${backend.name} store`, () => {
    let url: string;
    let store: Store;
    const seen = new Map<string, unknown>();
    answers.set(backend.name, seen);
    /** Runs a query and keeps its answer for the cross-backend comparison. */
    const ask = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
      const answer = await run();
      seen.set(name, withoutIds(answer));
      return answer;
    };

    before(async () => {
      url = await backend.url();
      store = await openStore(url);
      await ingest(store, inputs, { workers: 0, batchSize: 7 });
    });
    after(async () => {
      await store.close();
      await backend.drop(url);
    });

    test('filings by ticker are the issuer’s, newest first (by filing date, else period), with their owners', async () => {
      const page = await ask('filings AMD', () => findFilings(store, { ticker: 'amd' }));
      assert.equal(page.total, 4);
      assert.deepEqual(
        page.rows.map((r) => [r.filingDate, r.periodOfReport, r.accessionNumber, r.ownerNames, r.aff10b5One]),
        [
          ['2024-01-17', '2024-01-15', '0000002488-24-000005', ['SMITH DARLA M'], false],
          [null, '2024-01-15', null, ['SMITH DARLA M'], false],
          ['2023-06-08', '2023-06-06', '0000002488-23-000114', ['Su Lisa T'], true],
          [null, '2023-06-06', null, ['Su Lisa T'], true],
        ],
      );
      assert.ok(page.rows.every((r) => r.issuerCik === '0000002488' && r.ticker === 'AMD' && r.ok));
      assert.deepEqual((await findFilings(store, { cik: '2488' })).total, 4, 'a CIK without its leading zeros names the same issuer');
      assert.deepEqual(await findFilings(store, { ticker: 'NOPE' }), { total: 0, limit: 50, offset: 0, rows: [] });
    });

    test('filings filter by owner (name, any case, or CIK), dates, transaction code and form', async () => {
      assert.equal((await findFilings(store, { owner: 'su lisa' })).total, 2);
      assert.equal((await findFilings(store, { owner: '1405109' })).total, 2);
      const april = await ask('filings QRYS April', () => findFilings(store, { ticker: 'QRYS', since: '2024-04-02', until: '2024-04-30' }));
      assert.deepEqual(april.rows.map((r) => r.periodOfReport), ['2024-04-08']);
      const gifts = await findFilings(store, { cik: QRYS.cik, code: ['G'] });
      assert.deepEqual(gifts.rows.map((r) => r.ownerNames[0]), ['Fox Fay']);
      const amendments = await findFilings(store, { ticker: 'QRYC', form: '4/A' });
      assert.equal(amendments.total, 1);
      assert.equal(amendments.rows[0]?.amendsFilingId !== null, true);
    });

    test('pages hold every row exactly once and each carries the total', async () => {
      const all = await findFilings(store, { limit: 1000 });
      const seenIds: number[] = [];
      for (let offset = 0; offset < all.total; offset += 7) {
        const page = await findFilings(store, { limit: 7, offset });
        assert.equal(page.total, all.total);
        assert.equal(page.offset, offset);
        seenIds.push(...page.rows.map((r) => r.id));
      }
      assert.deepEqual(seenIds, all.rows.map((r) => r.id));
      assert.deepEqual((await findFilings(store, { offset: all.total })).rows, []);
    });

    test('insider activity keeps open-market sales apart from tax withholding and gifts, in exact shares and dollars', async () => {
      const page = await ask('insider activity QRYS', () => insiderActivity(store, { ticker: 'QRYS' }));
      assert.deepEqual(
        page.rows.map((r) => [r.ownerName, r.category, r.transactions, r.filings, r.sharesAcquired, r.sharesDisposed, r.netShares, r.valueDisposed, r.netValue, r.unpriced, r.firstDate, r.lastDate]),
        [
          ['Evans Eve', 'open-market-sale', 2, 2, 0, 1500, -1500, 16000, -16000, 0, '2024-04-01', '2024-04-08'],
          ['Fox Fay', 'open-market-sale', 1, 1, 0, 250, -250, 2750, -2750, 0, '2024-04-01', '2024-04-01'],
          ['Fox Fay', 'tax-withholding', 1, 1, 0, 50, -50, 550, -550, 0, '2024-04-01', '2024-04-01'],
          ['Fox Fay', 'gift', 1, 1, 0, 100, -100, 0, 0, 0, '2024-04-01', '2024-04-01'],
        ],
      );
      assert.ok(page.rows.every((r) => r.issuerCik === QRYS.cik && r.issuerName === QRYS.name && r.ticker === 'QRYS'));
      const su = await ask('insider activity Su', () => insiderActivity(store, { owner: '0001405109', code: ['S'] }));
      // The same filing twice (bare XML and full submission, different keys): 7 sales in each.
      assert.deepEqual(su.rows.map((r) => [r.category, r.transactions, r.filings, r.sharesDisposed]), [['open-market-sale', 14, 2, 600000]]);
    });

    test('issuer activity counts each transaction once, with how many insiders made them', async () => {
      const page = await ask('issuer activity QRYC', () => issuerActivity(store, { cik: QRYC.cik }));
      assert.deepEqual(
        page.rows.map((r) => [r.ticker, r.category, r.insiders, r.transactions, r.sharesAcquired, r.valueAcquired, r.netValue]),
        [['QRYC', 'open-market-purchase', 4, 5, 4400, 91200, 91200]],
      );
    });

    test('an amendment replaces the rows it restates; asFiled gives both versions', async () => {
      const current = await ask('baker current', () => insiderActivity(store, { owner: 'baker' }));
      assert.deepEqual(current.rows.map((r) => [r.transactions, r.sharesAcquired, r.valueAcquired]), [[1, 2200, 46200]]);
      const asFiled = await ask('baker as filed', () => insiderActivity(store, { owner: 'baker', asFiled: true }));
      assert.deepEqual(asFiled.rows.map((r) => [r.transactions, r.filings, r.sharesAcquired, r.valueAcquired]), [[2, 2, 4200, 88200]]);
    });

    test('holdings over time follow each position in date order and flag the break the history check stored', async () => {
      const page = await ask('holdings QRYC', () => holdingsHistory(store, { ticker: 'QRYC' }));
      assert.deepEqual(
        page.rows.map((r) => [r.ownerName, r.securityTitle, r.directOrIndirect, r.kind, r.date, r.transactionCode, r.shares, r.sharesOwnedFollowing, r.break, r.breakCode]),
        [
          ['Able Alice', 'Common Stock', 'D', 'transaction', '2024-03-01', 'P', 1000, 5000, false, null],
          ['Able Alice', 'Common Stock', 'D', 'transaction', '2024-03-20', 'P', 500, 6000, true, 'CHECK_HISTORY_BREAK'],
          ['Baker Bob', 'Common Stock', 'D', 'transaction', '2024-03-11', 'P', 2200, 2200, false, null],
          ['Carter Cy', 'Common Stock', 'D', 'transaction', '2024-03-25', 'P', 400, 400, false, null],
          ['Dunn Di', 'Common Stock', 'D', 'transaction', '2024-05-20', 'P', 300, 300, false, null],
        ],
      );
      assert.match(page.rows[1]?.breakMessage ?? '', /left 5000 owned as of 2024-03-01; \+ 500 should leave 5500, but this row reports 6000/);
      const able = await holdingsHistory(store, { owner: '800001', limit: 1, offset: 1 });
      assert.equal(able.total, 2);
      assert.equal(able.rows[0]?.sharesOwnedFollowing, 6000);
      const holdings = await ask('holdings MNST', () => holdingsHistory(store, { ticker: 'MNST' }));
      assert.ok(holdings.rows.some((r) => r.kind === 'holding' && r.table === 'derivative'), 'holdings rows are points of the series too');
    });

    test('three insiders buying on the open market within 30 days make one cluster; a lone later purchase does not', async () => {
      const page = await ask('clusters', () => clusterBuying(store));
      assert.equal(page.total, 1);
      const cluster = page.rows[0];
      assert.deepEqual(
        { ...cluster, members: cluster?.members.map(({ filingIds, ...m }) => ({ ...m, filings: filingIds.length })) },
        {
          issuerCik: QRYC.cik,
          issuerName: QRYC.name,
          ticker: 'QRYC',
          startDate: '2024-03-01',
          endDate: '2024-03-25',
          insiders: 3,
          purchases: 4,
          shares: 4100,
          value: 84600,
          members: [
            { ownerCik: '0000800001', ownerName: 'Able Alice', purchases: 2, shares: 1500, value: 30500, firstDate: '2024-03-01', lastDate: '2024-03-20', filings: 2 },
            { ownerCik: '0000800002', ownerName: 'Baker Bob', purchases: 1, shares: 2200, value: 46200, firstDate: '2024-03-11', lastDate: '2024-03-11', filings: 1 },
            { ownerCik: '0000800003', ownerName: 'Carter Cy', purchases: 1, shares: 400, value: 7900, firstDate: '2024-03-25', lastDate: '2024-03-25', filings: 1 },
          ],
        },
      );
      const asFiled = await ask('clusters as filed', () => clusterBuying(store, { asFiled: true }));
      assert.deepEqual(asFiled.rows.map((r) => [r.purchases, r.shares, r.value]), [[5, 6100, 126600]]);
      assert.equal((await clusterBuying(store, { windowDays: 10 })).total, 0, 'no 10 days hold purchases by three insiders');
      assert.deepEqual((await clusterBuying(store, { windowDays: 14 })).rows.map((r) => [r.startDate, r.endDate, r.insiders]), [['2024-03-11', '2024-03-25', 3]]);
      assert.equal((await clusterBuying(store, { minInsiders: 4 })).total, 0);
      assert.equal((await clusterBuying(store, { minInsiders: 4, windowDays: 90 })).rows[0]?.insiders, 4);
      assert.equal((await clusterBuying(store, { since: '2024-03-12' })).total, 0, 'only purchases in the dates count');
    });

    test('late filers are counted per owner and issuer with their worst lateness', async () => {
      const page = await ask('late QRYS', () => lateFilers(store, { ticker: 'QRYS' }));
      assert.deepEqual(
        page.rows.map(({ lateFilingIds, ...r }) => ({ ...r, lateFilings: lateFilingIds.length === r.lateFilings ? r.lateFilings : -1 })),
        [
          {
            ownerCik: '0000800006',
            ownerName: 'Fox Fay',
            issuerCik: QRYS.cik,
            issuerName: QRYS.name,
            ticker: 'QRYS',
            lateFilings: 1,
            lateTransactions: 3,
            filings: 1,
            worstDaysLate: 12,
            worstBusinessDaysLate: 8,
            lastLateFiled: '2024-04-15',
          },
        ],
      );
      const all = await ask('late', () => lateFilers(store));
      assert.deepEqual(all.rows.map((r) => [r.ownerName, r.ticker, r.lateFilings, r.worstDaysLate]), [
        ['GALLIGAN JOSEPH J', 'BICX', 1, 22],
        ['Fox Fay', 'QRYS', 1, 12],
      ]);
      assert.equal((await lateFilers(store, { owner: 'evans' })).total, 0);
    });

    test('sales under a 10b5-1 plan, without one, and from before the checkbox existed are counted apart', async () => {
      const page = await ask('10b5-1 QRYS', () => planSales(store, { ticker: 'QRYS' }));
      assert.deepEqual(page.rows, [
        {
          ownerCik: null,
          ownerName: null,
          issuerCik: QRYS.cik,
          issuerName: QRYS.name,
          ticker: 'QRYS',
          all: { sales: 3, shares: 1750, value: 18750 },
          plan: { sales: 1, shares: 1000, value: 10000 },
          noPlan: { sales: 1, shares: 500, value: 6000 },
          unknown: { sales: 1, shares: 250, value: 2750 },
          planShare: 0.666667,
        },
      ]);
      const byInsider = await ask('10b5-1 by insider', () => planSales(store, { ticker: 'QRYS', by: 'insider' }));
      assert.deepEqual(byInsider.rows.map((r) => [r.ownerName, r.all.shares, r.planShare]), [['Evans Eve', 1500, 0.666667], ['Fox Fay', 250, null]]);
    });

    test('search finds tickers, company names and insiders, best match first', async () => {
      const byTicker = await ask('search qrys', () => search(store, { q: 'qrys' }));
      assert.deepEqual(byTicker.rows.map((r) => [r.kind, r.cik, r.name, r.ticker, r.filings, r.match]), [['issuer', QRYS.cik, QRYS.name, 'QRYS', 3, 'ticker']]);
      const byName = await ask('search query', () => search(store, { q: 'Query' }));
      assert.deepEqual(byName.rows.map((r) => [r.kind, r.ticker, r.filings, r.match]), [['issuer', 'QRYC', 6, 'name'], ['issuer', 'QRYS', 3, 'name']]);
      const insiders = await ask('search fox', () => search(store, { q: 'fox' }));
      assert.deepEqual(insiders.rows.map((r) => [r.kind, r.cik, r.name, r.lastFiled]), [['insider', '0000800006', 'Fox Fay', '2024-04-01']]);
      assert.equal((await search(store, { q: '100%_' })).total, 0, 'LIKE wildcards in the text are matched literally');
    });

    test('an issuer and an insider at a glance', async () => {
      assert.deepEqual(await ask('issuer QRYC', () => issuerProfile(store, 'qryc')), {
        cik: QRYC.cik, name: QRYC.name, ticker: 'QRYC', filings: 6, insiders: 4, firstFiled: '2024-03-01', lastFiled: '2024-05-20',
      });
      assert.equal((await issuerProfile(store, '900001'))?.name, QRYC.name);
      assert.equal(await issuerProfile(store, 'NOPE'), null);
      const able = await ask('insider able', () => insiderProfile(store, '800001'));
      assert.deepEqual(
        { ...able, issuers: able?.issuers.map((i) => [i.ticker, i.filings, i.isDirector, i.isOfficer]) },
        { cik: '0000800001', name: 'Able Alice', filings: 2, firstFiled: '2024-03-01', lastFiled: '2024-03-20', issuers: [['QRYC', 2, true, false]] },
      );
      assert.equal(await insiderProfile(store, '123'), null);
    });
  });
}

test('every backend gives the same answers', { skip: backendList.length < 2 ? 'only one backend' : false }, () => {
  const [first, ...others] = [...answers.entries()];
  for (const [name, seen] of others) {
    for (const [question, answer] of first?.[1] ?? []) assert.deepEqual(seen.get(question), answer, `${name} vs ${first?.[0]}: ${question}`);
  }
});

test('search finds an issuer known only from renderings (no CIK) by ticker and name, and its insiders by name', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'form4-search-'));
  const store = await openStore(join(dir, 'seeds.db'));
  try {
    await ingest(store, [new URL('./fixtures/seeds/', import.meta.url).pathname], { workers: 0 });
    for (const q of ['SONS', 'sonus']) {
      const found = await search(store, { q });
      const sonus = found.rows.find((r) => r.kind === 'issuer');
      assert.ok(sonus, q);
      assert.deepEqual([sonus.cik, sonus.ticker, sonus.name, sonus.filings], [null, 'SONS', 'SONUS NETWORKS INC', 5]);
    }
    // Their insiders have no CIK either: each is found by name, once however the name is cased.
    for (const q of ['jones', 'JONES PAUL', 'paul r']) {
      const found = (await search(store, { q })).rows.filter((r) => r.kind === 'insider');
      assert.deepEqual(found.map((r) => [r.cik, r.name, r.filings, r.match]), [[null, 'JONES PAUL R', 1, 'name']], q);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
