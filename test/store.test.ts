// One store test suite, run against every backend: embedded SQLite and PostgreSQL
// (the server on this machine; set FORM4_SKIP_POSTGRES=1 to leave it out locally).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import tar from 'tar-stream';
import { parse } from '../src/index.ts';
import { ingest } from '../src/ingest/ingest.ts';
import { readEntry } from '../src/ingest/read-entry.ts';
import { TABLE_COLUMNS } from '../src/store/sql-store.ts';
import { openStore, type Store } from '../src/store/store.ts';
import { backends } from './helpers/backends.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'form4-store-'));
const fixtureDirs = ['test/fixtures/sgml', 'test/fixtures/xml', 'test/fixtures/cli'].map((d) => join(root, d));
// Every file of those folders: the golden .json files beside the XML are inputs too, that fail to read.
const fixtureFiles = fixtureDirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));

/** What ingesting the fixtures must give: one filing per distinct key, failures kept. */
function expected() {
  const keys = new Map<string, boolean>();
  for (const file of fixtureFiles) {
    const rows = readEntry({ name: file, bytes: readFileSync(file) }, { maxBytes: 64 << 20 });
    if (!keys.has(rows.key)) keys.set(rows.key, rows.filing.ok as boolean);
  }
  return { filings: keys.size, failed: [...keys.values()].filter((ok) => !ok).length };
}

async function makeTarGz(files: string[], path: string): Promise<void> {
  const pack = tar.pack();
  for (const file of files) pack.entry({ name: `submissions/${file.split('/').pop()}` }, readFileSync(file));
  pack.finalize();
  const chunks: Buffer[] = [];
  for await (const chunk of pack) chunks.push(chunk as Buffer);
  writeFileSync(path, gzipSync(Buffer.concat(chunks)));
}

const backendList = backends('test', tmp);

after(() => rmSync(tmp, { recursive: true, force: true }));

const archive = join(tmp, 'fixtures.tar.gz');
before(() => makeTarGz(fixtureFiles, archive));

for (const backend of backendList) {
  describe(`the ${backend.name} store`, () => {
    let url: string;
    let store: Store;
    before(async () => {
      url = await backend.url();
      store = await openStore(url);
    });
    after(async () => {
      await store.close();
      await backend.drop(url);
    });

    test('its migrated tables have exactly the columns the migrations declare', async () => {
      for (const [table, spec] of Object.entries(TABLE_COLUMNS)) {
        const columns = Object.keys(spec);
        const rows = await store.all(`SELECT * FROM ${table} WHERE 1 = 0`);
        assert.deepEqual(rows, []);
        const names =
          store.kind === 'sqlite'
            ? (await store.all<{ name: string }>(`SELECT name FROM pragma_table_info('${table}')`)).map((r) => r.name)
            : (await store.all<{ column_name: string }>(`SELECT column_name FROM information_schema.columns WHERE table_name = ? ORDER BY ordinal_position`, [table])).map((r) => r.column_name);
        assert.deepEqual(names, columns, table);
      }
      assert.deepEqual(await store.migrate(), [], 'a second migrate applies nothing');
    });

    test('ingesting a folder stores one filing per key, keeps failures with their error and bytes', async () => {
      const want = expected();
      const result = await ingest(store, fixtureDirs, { workers: 2, batchSize: 4 });
      assert.equal(result.inputs, fixtureFiles.length);
      assert.equal(result.inserted, want.filings);
      assert.equal(result.duplicates, fixtureFiles.length - want.filings);
      const stats = await store.stats();
      assert.equal(stats.filings, want.filings);
      assert.equal(stats.failed, want.failed);
      assert.equal(stats.rawDocuments, fixtureFiles.length - (fixtureFiles.length - want.filings));
      const failures = await store.all<{ error_code: string; raw_sha256: string }>('SELECT error_code, raw_sha256 FROM filings WHERE ok = ? ORDER BY id', [false]);
      assert.ok(failures.length > 0);
      assert.deepEqual(new Set(failures.map((f) => f.error_code)), new Set(['SUBMISSION_NO_OWNERSHIP_XML', 'INPUT_UNRECOGNIZED']));
    });

    test('ingesting the same inputs again, as a .tar.gz, adds nothing', async () => {
      const before = await store.stats();
      const result = await ingest(store, [archive], { workers: 1 });
      assert.equal(result.inputs, fixtureFiles.length);
      assert.equal(result.inserted, 0);
      assert.deepEqual(await store.stats(), before);
    });

    test('stored rows hold the values of the record, and footnotes stay on their values', async () => {
      const sgml = join(root, 'test/fixtures/cli/amd-su-2023-06-08.txt');
      const record = parse(readFileSync(sgml)).record!;
      const [filing] = await store.all<{ id: number; record_json: string; aff10b5one: unknown; filing_date: string }>(
        'SELECT id, record_json, aff10b5one, filing_date FROM filings WHERE accession_number = ?',
        ['0000002488-23-000114'],
      );
      assert.ok(filing);
      assert.deepEqual(JSON.parse(filing.record_json), record);
      assert.equal(Boolean(filing.aff10b5one), true);
      assert.equal(filing.filing_date, '2023-06-08');
      const rows = await store.all<{ idx: number; transaction_code: string; shares: number; price_per_share: number }>(
        'SELECT idx, transaction_code, shares, price_per_share FROM nonderiv_transactions WHERE filing_id = ? ORDER BY idx',
        [filing.id],
      );
      assert.deepEqual(
        rows.map((r) => [Number(r.idx), r.transaction_code, Number(r.shares), Number(r.price_per_share)]),
        record.nonDerivativeTransactions.map((t, i) => [i, t.transactionCode, t.shares, t.pricePerShare]),
      );
      const refs = await store.all<{ field: string; footnote_id: string }>(
        'SELECT field, footnote_id FROM footnote_refs WHERE filing_id = ? AND row_table = ? AND row_idx = ? ORDER BY field, footnote_id',
        [filing.id, 'nonDerivativeTransactions', 2],
      );
      assert.deepEqual(refs.map((r) => `${r.field}=${r.footnote_id}`), ['pricePerShare=F2', 'shares=F1']);
    });

    test('a batch is written whole or not at all', async () => {
      const beforeStats = await store.stats();
      const good = readEntry({ name: 'new.xml', bytes: Buffer.from(readFileSync(join(root, 'test/fixtures/xml/x0609.xml'), 'utf8').replace('<remarks>', '<remarks>changed ')) }, { maxBytes: 1 << 20 });
      const bad = structuredClone(good);
      bad.key = 'sha256:broken';
      bad.filing.filing_key = 'sha256:broken';
      bad.filing.format = null; // NOT NULL: the database refuses this row
      await assert.rejects(store.insertBatch([good, bad]));
      assert.deepEqual(await store.stats(), beforeStats);
    });

    test('reparse reads every raw document again and keeps ids and keys', async () => {
      const beforeRows = await store.all<{ id: number; filing_key: string }>('SELECT id, filing_key FROM filings ORDER BY id');
      await store.all('UPDATE filings SET document_type = ? WHERE id = ?', ['X', beforeRows[0]!.id]);
      await store.all('DELETE FROM nonderiv_transactions');
      const run = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'reparse', '--db', url], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.match(run.stdout, new RegExp(`Re-read ${beforeRows.length} filings`));
      const afterRows = await store.all<{ id: number; filing_key: string; document_type: string }>('SELECT id, filing_key, document_type FROM filings ORDER BY id');
      assert.deepEqual(afterRows.map((r) => [Number(r.id), r.filing_key]), beforeRows.map((r) => [Number(r.id), r.filing_key]));
      assert.notEqual(afterRows[0]!.document_type, 'X');
      const stats = await store.stats();
      assert.ok(stats.nonDerivativeTransactions > 0);
    });

    test('form4 stats prints the counts, and --json the same as the library', async () => {
      const run = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'stats', '--json', '--db', url], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.deepEqual(JSON.parse(run.stdout), await store.stats());
      const text = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'stats', '--db', url], { encoding: 'utf8' });
      assert.match(text.stdout, /filings \(\d+ could not be read\)/);
      assert.match(text.stdout, /issues by code:/);
    });
  });
}

for (const backend of backendList) {
  test(`the ${backend.name} store links an amendment to its original, and the amendment replaces only the tables it reports`, async () => {
    const url = await backend.url();
    const store = await openStore(url);
    try {
      const original = join(root, 'test/fixtures/cli/amd-su-2023-06-08.txt');
      // A 4/A restating Table I only: two of its sales, with corrected share counts.
      const xml = readFileSync(join(root, 'test/fixtures/cli/amd-su-2023-06-08.xml'), 'utf8');
      const rows = [...xml.matchAll(/<nonDerivativeTransaction>[\s\S]*?<\/nonDerivativeTransaction>/g)].map((m) => m[0]);
      const amended = xml
        .replace('<documentType>4</documentType>', '<documentType>4/A</documentType>')
        .replace('<periodOfReport>2023-06-06</periodOfReport>', '<periodOfReport>2023-06-06</periodOfReport>\n<dateOfOriginalSubmission>2023-06-08</dateOfOriginalSubmission>')
        .replace(/<nonDerivativeTable>[\s\S]*<\/nonDerivativeTable>/, `<nonDerivativeTable>${rows[2]!.replace('16769', '16800')}${rows[3]}</nonDerivativeTable>`)
        .replace(/<derivativeTable>[\s\S]*<\/derivativeTable>/, '');
      const amendment = join(tmp, `amendment-${backend.name}.xml`);
      writeFileSync(amendment, amended);
      await ingest(store, [amendment, original], { workers: 0 });

      const filings = await store.all<{ id: number; document_type: string; amends_filing_id: number | null; amended_by_filing_id: number | null }>(
        'SELECT id, document_type, amends_filing_id, amended_by_filing_id FROM filings ORDER BY id',
      );
      const a = filings.find((f) => f.document_type === '4/A')!;
      const o = filings.find((f) => f.document_type === '4')!;
      assert.equal(Number(a.amends_filing_id), Number(o.id));
      assert.equal(Number(o.amended_by_filing_id), Number(a.id));
      const current = async (table: string, id: number) =>
        (await store.all<{ current: unknown }>(`SELECT current FROM ${table} WHERE filing_id = ? ORDER BY idx`, [id])).map((r) => Boolean(r.current));
      assert.deepEqual(await current('nonderiv_transactions', Number(a.id)), [true, true]);
      assert.deepEqual(new Set(await current('nonderiv_transactions', Number(o.id))), new Set([false]));
      // Tables the amendment leaves out keep the original's rows.
      assert.deepEqual(new Set(await current('deriv_transactions', Number(o.id))), new Set([true]));
      assert.deepEqual(new Set(await current('nonderiv_holdings', Number(o.id))), new Set([true]));
      const shares = await store.all<{ shares: number }>('SELECT shares FROM nonderiv_transactions WHERE current = ? ORDER BY filing_id, idx', [true]);
      assert.deepEqual(shares.map((r) => Number(r.shares)), [16800, 2500]);
    } finally {
      await store.close();
      await backend.drop(url);
    }
  });
}

for (const backend of backendList) {
  test(`the ${backend.name} store keeps one break in an owner's holdings chain across filings, and replaces it on the next run`, async () => {
    const url = await backend.url();
    const store = await openStore(url);
    try {
      const xml = readFileSync(join(root, 'test/fixtures/cli/amd-su-2023-06-08.xml'), 'utf8');
      // The same owner a month later: her sale of 10,000 should leave 3,152,070 of the
      // 3,162,070 shares the June filing left her with, but the row reports 3,000,000.
      const later = xml
        .replaceAll('2023-06-06', '2023-07-06')
        .replace('<signatureDate>2023-06-08</signatureDate>', '<signatureDate>2023-07-07</signatureDate>')
        .replace(/<nonDerivativeTable>[\s\S]*<\/nonDerivativeTable>/, `<nonDerivativeTable><nonDerivativeTransaction>
          <securityTitle><value>Common Stock</value></securityTitle><transactionDate><value>2023-07-06</value></transactionDate>
          <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>S</transactionCode><equitySwapInvolved>0</equitySwapInvolved></transactionCoding>
          <transactionAmounts><transactionShares><value>10000</value></transactionShares><transactionPricePerShare><value>110</value></transactionPricePerShare>
          <transactionAcquiredDisposedCode><value>D</value></transactionAcquiredDisposedCode></transactionAmounts>
          <postTransactionAmounts><sharesOwnedFollowingTransaction><value>3000000</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
          <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
        </nonDerivativeTransaction></nonDerivativeTable>`)
        .replace(/<derivativeTable>[\s\S]*<\/derivativeTable>/, '');
      const dir = join(tmp, `history-${backend.name}`);
      (await import('node:fs')).mkdirSync(dir);
      writeFileSync(join(dir, 'a-june.xml'), xml);
      writeFileSync(join(dir, 'b-july.xml'), later);
      await ingest(store, [dir], { workers: 0 });
      const breaks = async () => store.all<{ filing_id: number; message: string }>('SELECT filing_id, message FROM issues WHERE code = ?', ['CHECK_HISTORY_BREAK']);
      const found = await breaks();
      assert.equal(found.length, 1, JSON.stringify(found));
      assert.match(found[0]!.message, /left 3162070 owned as of 2023-06-06; - 10000 should leave 3152070, but this row reports 3000000/);
      // A second run (reparse) recomputes the chain and stores the break once, not twice.
      const run = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), 'reparse', '--db', url], { encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      assert.equal((await breaks()).length, 1);
    } finally {
      await store.close();
      await backend.drop(url);
    }
  });
}

describe('crash safety', () => {
  // A bigger archive: the fixtures repeated under new names, so that a run takes long enough to be killed.
  const big = join(tmp, 'big.tar.gz');
  before(async () => {
    const pack = tar.pack();
    let n = 0;
    for (let copy = 0; copy < 60; copy++) {
      for (const file of fixtureFiles) {
        // Change the bytes of XML files (no accession number) so that each copy is a new filing.
        let bytes = readFileSync(file);
        if (file.endsWith('.xml')) bytes = Buffer.from(bytes.toString('utf8').replace('<ownershipDocument', `<!-- copy ${copy} -->\n<ownershipDocument`));
        pack.entry({ name: `f${n++}-${file.split('/').pop()}` }, bytes);
      }
    }
    pack.finalize();
    const chunks: Buffer[] = [];
    for await (const chunk of pack) chunks.push(chunk as Buffer);
    writeFileSync(big, gzipSync(Buffer.concat(chunks)));
  });

  for (const backend of backendList) {
    test(`a ${backend.name} ingest killed with SIGKILL mid-run leaves whole filings only, and a rerun completes it`, async () => {
      const url = await backend.url();
      try {
        // Reference: the same archive ingested in one go.
        const refUrl = await backend.url();
        const ref = await openStore(refUrl);
        await ingest(ref, [big], { workers: 1 });
        const want = await ref.stats();
        await ref.close();
        await backend.drop(refUrl);

        const child = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'ingest', '--batch', '7', '--db', url, big], { stdio: ['ignore', 'pipe', 'pipe'] });
        // Kill once some batches are in.
        await new Promise<void>((resolve) => {
          const check = setInterval(async () => {
            const s = await openStore(url).then(async (st) => { const x = await st.stats(); await st.close(); return x; }).catch(() => null);
            if (s && s.filings > 50) {
              clearInterval(check);
              child.kill('SIGKILL');
              resolve();
            }
          }, 20);
          child.on('exit', () => { clearInterval(check); resolve(); });
        });
        await new Promise((resolve) => child.on('exit', resolve).exitCode !== null && resolve(null));

        const store = await openStore(url);
        const partial = await store.stats();
        assert.ok(partial.filings < want.filings, `the kill came too late to test anything (${partial.filings} of ${want.filings})`);
        // Every stored filing is whole: its rows match its record.
        const filings = await store.all<{ id: number; record_json: string | null }>('SELECT id, record_json FROM filings');
        for (const f of filings) {
          if (!f.record_json) continue;
          const record = JSON.parse(f.record_json);
          const [{ n }] = await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM nonderiv_transactions WHERE filing_id = ?', [f.id]) as [{ n: number }];
          assert.equal(Number(n), record.nonDerivativeTransactions.length);
        }
        await ingest(store, [big], { workers: 2 });
        assert.deepEqual(await store.stats(), want);
        await store.close();
      } finally {
        await backend.drop(url);
      }
    });
  }

  if (backendList.some((b) => b.name === 'postgres')) {
    test('three ingesters loading one PostgreSQL database at once store every filing exactly once', async () => {
      const pgBackend = backendList.find((b) => b.name === 'postgres')!;
      const refUrl = await pgBackend.url();
      const ref = await openStore(refUrl);
      await ingest(ref, [big], { workers: 1 });
      const want = await ref.stats();
      await ref.close();
      await pgBackend.drop(refUrl);

      const url = await pgBackend.url();
      try {
        const runs = await Promise.all(
          [1, 2, 3].map(
            () =>
              new Promise<{ code: number | null; stderr: string }>((resolve) => {
                const child = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'ingest', '--batch', '25', '--workers', '1', '--db', url, big], { stdio: ['ignore', 'ignore', 'pipe'] });
                let stderr = '';
                child.stderr.on('data', (d) => (stderr += d));
                child.on('exit', (code) => resolve({ code, stderr }));
              }),
          ),
        );
        // Each exits as a lone ingester would: 1, since the archive holds files that cannot be read.
        for (const run of runs) assert.equal(run.code, 1, run.stderr.slice(-2000));
        const store = await openStore(url);
        try {
          assert.deepEqual(await store.stats(), want);
          const [{ n }] = (await store.all<{ n: number }>('SELECT COUNT(*) AS n FROM (SELECT filing_key FROM filings GROUP BY filing_key HAVING COUNT(*) > 1) d')) as [{ n: number }];
          assert.equal(Number(n), 0);
        } finally {
          await store.close();
        }
      } finally {
        await pgBackend.drop(url);
      }
    });
  }
});
