// form4 export and form4 import: CSV, JSON Lines and the SEC data set layout out of a
// store, and the SEC's data sets back in.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import { openStore } from '../src/store/store.ts';
import type { OwnershipRecord } from '../src/record/schema.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const tmp = mkdtempSync(join(tmpdir(), 'form4-export-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

const form4 = (args: string[]) => {
  const run = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
};

const sourceDb = join(tmp, 'source.db');
before(() => {
  const run = form4(['ingest', '--db', sourceDb, join(root, 'test/fixtures/dataset'), join(root, 'test/fixtures/cli')]);
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
});

async function records(db: string): Promise<Map<string, OwnershipRecord>> {
  const store = await openStore(db);
  const rows = await store.all<{ accession_number: string; record_json: string }>('SELECT accession_number, record_json FROM filings WHERE ok = ? AND accession_number IS NOT NULL', [true]);
  await store.close();
  return new Map(rows.map((r) => [r.accession_number, JSON.parse(r.record_json) as OwnershipRecord]));
}

describe('form4 export', () => {
  test('csv writes one row per transaction or holding of every filing read', async () => {
    const run = form4(['export', '--db', sourceDb]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\r\n');
    const store = await openStore(sourceDb);
    const all = await store.all<{ record_json: string }>('SELECT record_json FROM filings WHERE ok = ?', [true]);
    await store.close();
    const expected = all.reduce((n, { record_json }) => {
      const r = JSON.parse(record_json) as OwnershipRecord;
      const rows = r.nonDerivativeTransactions.length + r.nonDerivativeHoldings.length + r.derivativeTransactions.length + r.derivativeHoldings.length;
      return n + Math.max(1, rows);
    }, 0);
    assert.equal(lines.length - 1, expected);
    assert.match(run.stderr, new RegExp(`Exported ${all.length} filings`));
  });

  test('jsonl writes one line per filing with its record and source', async () => {
    const out = join(tmp, 'all.jsonl');
    const run = form4(['export', '--db', sourceDb, '--format', 'jsonl', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const stored = await records(sourceDb);
    for (const line of lines) if (line.accessionNumber) assert.deepEqual(line.record, stored.get(line.accessionNumber));
  });

  test('sec-dataset writes the eight tables, which import back into the same filings', async () => {
    const out = join(tmp, 'dataset');
    const run = form4(['export', '--db', sourceDb, '--format', 'sec-dataset', '--out', out]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(readdirSync(out).sort(), [
      'DERIV_HOLDING.tsv', 'DERIV_TRANS.tsv', 'FOOTNOTES.tsv', 'NONDERIV_HOLDING.tsv', 'NONDERIV_TRANS.tsv', 'OWNER_SIGNATURE.tsv', 'REPORTINGOWNER.tsv', 'SUBMISSION.tsv',
    ]);
    assert.match(readFileSync(join(out, 'SUBMISSION.tsv'), 'utf8'), /^ACCESSION_NUMBER\tFILING_DATE\t/);

    const db = join(tmp, 'reimported.db');
    const imported = form4(['import', '--db', db, out]);
    assert.equal(imported.code, 0, imported.stderr);
    const before = await records(sourceDb);
    const back = await records(db);
    assert.equal(back.size, before.size);
    for (const [accession, original] of before) {
      const again = back.get(accession);
      assert.ok(again, accession);
      // The fields the data set carries come back; amounts to two decimals.
      assert.equal(again.documentType, original.documentType);
      assert.equal(again.periodOfReport, original.periodOfReport);
      assert.deepEqual(again.issuer.cik, original.issuer.cik);
      assert.deepEqual(again.reportingOwners.map((o) => o.cik), original.reportingOwners.map((o) => o.cik));
      for (const list of ['nonDerivativeTransactions', 'nonDerivativeHoldings', 'derivativeTransactions', 'derivativeHoldings'] as const) {
        assert.equal(again[list].length, original[list].length, `${accession} ${list}`);
        again[list].forEach((row, i) => {
          const o = original[list][i]!;
          assert.equal(row.securityTitle, o.securityTitle);
          assert.equal(row.sharesOwnedFollowingTransaction, o.sharesOwnedFollowingTransaction === null ? null : Math.round(o.sharesOwnedFollowingTransaction * 100) / 100);
          assert.deepEqual(row.footnotes, o.footnotes, `${accession} ${list}[${i}] footnotes`);
        });
      }
      assert.deepEqual(again.footnotes, original.footnotes);
    }
    // Importing again adds nothing, and reparse reads the imported bundles the same way.
    const twice = form4(['import', '--db', db, out]);
    assert.match(twice.stdout, new RegExp(`0 new, ${back.size} already stored`));
    const reparse = form4(['reparse', '--db', db]);
    assert.equal(reparse.code, 0, reparse.stderr);
    assert.deepEqual(await records(db), back);
  });
});

describe('form4 import', () => {
  test('reads a data set quarter as the SEC publishes it, a .zip of TSV files', async () => {
    const folder = join(tmp, 'q3');
    mkdirSync(folder);
    for (const f of readdirSync(join(root, 'test/fixtures/dataset')).filter((f) => f.endsWith('.tsv'))) {
      copyFileSync(join(root, 'test/fixtures/dataset', f), join(folder, f.replace('2024q3-', '')));
    }
    const zip = join(tmp, '2024q3_form345.zip');
    const files = Object.fromEntries(readdirSync(folder).map((f) => [f, new Uint8Array(readFileSync(join(folder, f)))]));
    (await import('node:fs')).writeFileSync(zip, zipSync(files));
    const db = join(tmp, 'q3.db');
    const run = form4(['import', '--db', db, zip]);
    assert.equal(run.code, 0, run.stderr);
    const submissions = readFileSync(join(folder, 'SUBMISSION.tsv'), 'utf8').trimEnd().split('\n').length - 1;
    assert.match(run.stdout, new RegExp(`Imported ${submissions} filings`));
    const store = await openStore(db);
    const formats = await store.all<{ format: string; n: number }>('SELECT format, COUNT(*) AS n FROM filings GROUP BY format');
    await store.close();
    assert.deepEqual(formats.map((f) => [f.format, Number(f.n)]), [['dataset', submissions]]);
  });

  test('a folder that is not a data set is reported, not guessed at', () => {
    const run = form4(['import', '--db', join(tmp, 'x.db'), join(root, 'test/fixtures/cli')]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /could not be read/);
  });
});
