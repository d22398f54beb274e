import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = (name: string) => join(root, 'test/fixtures/cli', name);
const xml = fixture('amd-su-2023-06-08.xml');
const sgml = fixture('amd-su-2023-06-08.txt');
const tmp = mkdtempSync(join(tmpdir(), 'form4-cli-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

function form4(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [join(root, 'src/cli/main.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('form4 parse', () => {
  test('prints the record of one file as JSON, equal to the library result', () => {
    const run = form4(['parse', xml]);
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(JSON.parse(run.stdout), parse(readFileSync(xml)).record);
  });

  test('--full prints the record with its source and issues', () => {
    const run = form4(['parse', '--full', sgml]);
    assert.equal(run.code, 0, run.stderr);
    const result = JSON.parse(run.stdout);
    assert.equal(result.ok, true);
    assert.equal(result.source.accessionNumber, '0000002488-23-000114');
    assert.equal(result.source.acceptanceDateTime, '2023-06-08T16:13:33');
    assert.deepEqual(result.issues, []);
  });

  test('jsonl gives one line per input in input order, an error line for a bad file, and exit status 1', () => {
    const bad = join(tmp, 'truncated.xml');
    const text = readFileSync(xml, 'utf8');
    writeFileSync(bad, text.slice(0, text.indexOf('<nonDerivativeTable>') + 200));
    const run = form4(['parse', '--format', 'jsonl', xml, bad, sgml]);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.deepEqual(lines.map((l) => l.file), [xml, bad, sgml]);
    assert.equal(lines[0].ok, true);
    assert.equal(lines[1].error.code, 'XML_TRUNCATED');
    assert.equal(lines[1].error.line, text.slice(0, text.indexOf('<nonDerivativeTable>') + 200).split('\n').length);
    assert.ok(lines[1].error.column > 0);
    assert.equal(lines[2].ok, true);
    assert.deepEqual(lines[2].record, lines[0].record);
    assert.match(run.stderr, new RegExp(`truncated\\.xml:\\d+:\\d+ error XML_TRUNCATED`));
  });

  test('csv prints a header and one row per transaction or holding with the filing columns repeated', () => {
    const run = form4(['parse', '--format', 'csv', sgml]);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trimEnd().split('\r\n');
    const header = (lines[0] ?? '').split(',');
    const record = parse(readFileSync(sgml)).record!;
    const expected = record.nonDerivativeTransactions.length + record.nonDerivativeHoldings.length +
      record.derivativeTransactions.length + record.derivativeHoldings.length;
    assert.equal(lines.length - 1, expected);
    const col = (name: string) => header.indexOf(name);
    for (const line of lines.slice(1)) {
      assert.ok(line.includes('0000002488-23-000114'));
    }
    // "Chair, President & CEO" holds a comma, so it is quoted.
    assert.ok(lines[1]?.includes('"Chair, President & CEO"'));
    const firstSale = lines.find((l) => l.includes(',S,'))!;
    assert.ok(firstSale.includes('shares=F1;pricePerShare=F2'));
    assert.ok(col('pricePerShare') > 0 && col('sharesOwnedFollowingTransaction') > 0);
  });

  test('reads standard input when given -', () => {
    const run = form4(['parse', '-'], readFileSync(xml, 'utf8'));
    assert.equal(run.code, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).issuer.tradingSymbol, 'AMD');
  });

  test('reads a folder recursively, in name order', () => {
    const run = form4(['parse', '--format', 'jsonl', join(root, 'test/fixtures/cli')]);
    assert.equal(run.code, 0, run.stderr);
    const files = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).file);
    assert.deepEqual(files, [sgml, xml]);
  });

  test('the table format summarises each filing for people', () => {
    const run = form4(['parse', '--format', 'table', sgml]);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Form 4 \(changes in ownership\) for 2023-06-06 · filed 2023-06-08 · 0000002488-23-000114/);
    assert.match(run.stdout, /Reporting owner: Su Lisa T — Director, Officer \(Chair, President & CEO\)/);
    assert.match(run.stdout, /Rule 10b5-1\(c\) plan/);
  });

  test('a 200 MB file is refused from its size, naming the file, with memory that stays small', () => {
    const huge = join(tmp, 'huge.xml');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024); // sparse: no disk used
    const script = `const { main } = await import(${JSON.stringify(join(root, 'src/cli/main.ts'))});
      const code = await main(['parse', '--format', 'jsonl', ${JSON.stringify(huge)}, ${JSON.stringify(xml)}]);
      process.stderr.write('maxrss=' + process.resourceUsage().maxRSS + ' code=' + code + '\\n');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].file, huge);
    assert.equal(lines[0].error.code, 'INPUT_TOO_LARGE');
    assert.equal(lines[1].ok, true);
    const rssKiB = Number(/maxrss=(\d+)/.exec(run.stderr)?.[1]);
    assert.ok(rssKiB < 150 * 1024, `max RSS ${rssKiB} KiB`);
    assert.match(run.stderr, /code=1/);
  });

  test('a missing file is reported and the rest go on', () => {
    const run = form4(['parse', '--format', 'jsonl', join(tmp, 'nope.xml'), xml]);
    assert.equal(run.code, 1);
    const lines = run.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].error.code, 'INPUT_UNREADABLE');
    assert.equal(lines[1].ok, true);
  });

  test('usage errors exit with status 2 and say what to do', () => {
    for (const args of [['parse'], ['parse', '--format', 'xlsx', xml], ['parse', '--bogus', xml], ['frobnicate'], ['parse', '--max-bytes', 'lots', xml]]) {
      const run = form4(args);
      assert.equal(run.code, 2, args.join(' '));
      assert.match(run.stderr, /--help/);
    }
  });

  test('--help explains every command', () => {
    const main = form4(['--help']);
    assert.equal(main.code, 0);
    assert.match(main.stdout, /parse FILE/);
    const help = form4(['parse', '--help']);
    assert.equal(help.code, 0);
    for (const word of ['--format', 'jsonl', 'csv', 'Exit status', 'standard input']) assert.ok(help.stdout.includes(word), word);
  });

  test('--explain shows each value of a rendering beside the text it was read from', () => {
    const seed = join(root, 'test/fixtures/seeds/000_35aa284de61378c9.txt');
    const run = form4(['parse', '--explain', seed]);
    assert.equal(run.code, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /undefined/);
    const line = run.stdout.split('\n').find((l) => l.includes('nonDerivativeTransactions.0.shares'));
    assert.ok(line, run.stdout);
    assert.match(line, /13750\s+← \d+:\d+ "13,750"/);
    const lines = readFileSync(seed, 'utf8').split('\n');
    const [, l, c] = /← (\d+):(\d+)/.exec(line)!;
    assert.equal(lines[Number(l) - 1]!.slice(Number(c) - 1, Number(c) - 1 + 6), '13,750');
  });

  test('--explain on XML points every value at its element', () => {
    const run = form4(['parse', '--explain', xml]);
    assert.equal(run.code, 0, run.stderr);
    const line = run.stdout.split('\n').find((l) => l.includes('issuer.tradingSymbol'));
    assert.match(line ?? '', /"AMD"\s+← \d+:\d+ "<issuerTradingSymbol>AMD<\/issuerTradingSymbol>"/);
  });

  test('the installed bin runs the compiled CLI', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin/form4.js'), 'parse', xml], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.equal(JSON.parse(run.stdout).issuer.name, 'ADVANCED MICRO DEVICES INC');
  });
});
