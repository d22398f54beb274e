// npm run bench [SUITE...]: throughput, each figure beside a baseline run in the same
// command, reported as ratios (these machines are shared and noisy). Suites:
//
//   xml     form4 parse() of every corpus XML vs fast-xml-parser's parse-to-object
//   sgml    form4 parse() of every full submission vs fast-xml-parser on the XML cut out of it
//   html    form4 parse() of the SEC-rendered pages vs htmlparser2 building a DOM of them
//   text    form4 parse() of text renderings vs splitting them into lines and cells: the seeds and
//           converted fixtures, then every 10th corpus page as each converter gave it (from the
//           .accuracy-cache that npm run accuracy -- --all writes)
//   ingest  form4 ingest of the 17,770 bulk submissions into SQLite and PostgreSQL vs
//           only reading the archive (gunzip + tar), with peak memory at 1/4 and all of it
//   api     form4 serve under autocannon (20 connections) on issuer and insider endpoints:
//           p50/p95/p99 latency and requests/s each (scripts/bench-api.ts)
//
// Reads ../shared when present; otherwise says so and measures the test fixtures.
import { execFileSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip, createGzip } from 'node:zlib';
import { XMLParser } from 'fast-xml-parser';
import { parseDocument } from 'htmlparser2';
import pg from 'pg';
import tar from 'tar-stream';
import { parse } from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const shared = join(root, '../shared');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const PG_ADMIN = process.env.FORM4_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const chosen = process.argv.slice(2);
const want = (suite: string) => chosen.length === 0 || chosen.includes(suite);

function files(dir: string, filter: (name: string) => boolean = () => true): Buffer[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && filter(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name)));
}

function inputs(sharedDir: string, fixtureDir: string, filter?: (name: string) => boolean): { label: string; inputs: Buffer[] } {
  const dir = join(shared, sharedDir);
  if (existsSync(dir)) return { label: `../shared/${sharedDir}`, inputs: files(dir, filter) };
  console.log(`note: ${dir} not found (no ../shared beside the repo); measuring ${fixtureDir} instead`);
  const fallback = join(root, fixtureDir);
  return { label: fixtureDir, inputs: existsSync(fallback) ? files(fallback, filter).filter((b) => b.length > 0) : [] };
}

/** Median seconds per pass over all inputs, after one warm-up pass. */
function measure(items: Buffer[], fn: (input: Buffer) => unknown): number {
  for (const input of items) fn(input);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (const input of items) fn(input);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const form4 = (input: Buffer) => {
  const result = parse(input);
  if (!result.ok && result.issues[0]?.code !== 'SUBMISSION_NO_OWNERSHIP_XML') throw new Error(result.issues[0]?.message);
  return result;
};

type Row = Record<string, string | number>;
const rows: Row[] = [];

function readerSuite(suite: string, source: { label: string; inputs: Buffer[] }, baselineName: string, baseline: (b: Buffer) => unknown) {
  const items = source.inputs;
  if (items.length === 0) return;
  const mb = items.reduce((n, b) => n + b.length, 0) / 1e6;
  // Each side's best of two medians, alternated so that both see the same machine load.
  const [a1, b1, a2, b2] = [measure(items, form4), measure(items, baseline), measure(items, form4), measure(items, baseline)];
  const ours = Math.min(a1, a2);
  const theirs = Math.min(b1, b2);
  rows.push({
    suite: `${suite} (${source.label})`,
    filings: items.length,
    MB: Number(mb.toFixed(1)),
    'form4 filings/s': Math.round(items.length / ours),
    'form4 MB/s': Number((mb / ours).toFixed(1)),
    baseline: baselineName,
    'baseline filings/s': Math.round(items.length / theirs),
    'form4 / baseline': `${(theirs / ours).toFixed(2)}x`,
  });
}

const fxp = new XMLParser(); // its defaults: the plain parse-to-object people reach for
if (want('xml')) readerSuite('xml', inputs('corpus/xml', 'test/fixtures/xml', (n) => n.endsWith('.xml')), 'fast-xml-parser', (b) => fxp.parse(b.toString('utf8')));
if (want('sgml')) {
  readerSuite('sgml', inputs('corpus/sgml', 'test/fixtures/sgml'), 'fast-xml-parser on its XML', (b) => {
    const text = b.toString('utf8');
    const start = text.indexOf('<XML>');
    return start === -1 ? null : fxp.parse(text.slice(start + 5, text.indexOf('</XML>', start)));
  });
}
if (want('html')) readerSuite('html', inputs('corpus/rendered', 'test/fixtures/html', (n) => n.endsWith('.html')), 'htmlparser2 DOM', (b) => parseDocument(b.toString('utf8')));
if (want('text')) {
  const seeds = files(join(root, 'test/fixtures/seeds'), (n) => n.endsWith('.txt'));
  const convertedDir = join(root, 'test/fixtures/converted');
  const converted = existsSync(convertedDir) ? files(convertedDir, (n) => !n.endsWith('.xml') && !n.endsWith('.json')) : [];
  const splitCells = (b: Buffer) => b.toString('utf8').split('\n').map((l) => l.split(/\t| {2,}/));
  // The fixtures were chosen for being hard (multi-owner pages, PDF page breaks, wrapped cells).
  readerSuite('text', { label: `seeds + ${converted.length} converted fixtures`, inputs: [...seeds, ...converted] }, 'split into lines and cells', splitCells);
  // Typical pages: every 10th page of the corpus as each converter gave it (npm run accuracy --all caches them).
  const cache = join(root, '.accuracy-cache');
  // The converters' names are the cache's folders ('pdf' holds the PDFs themselves). Not taken from
  // scripts/convert/converters.ts: its playwright-core import alone slows the HTML reader here by a sixth.
  const names = existsSync(cache) ? readdirSync(cache, { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'pdf').map((e) => e.name).sort() : [];
  const sampled = names.map((name) => {
    const dir = join(cache, name);
    const pages = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
    return { name, inputs: pages.filter((_, i) => i % 10 === 0).map((f) => readFileSync(join(dir, f))) };
  });
  if (sampled.every((s) => s.inputs.length === 0)) {
    console.log(`note: ${cache} holds no conversions (run npm run accuracy -- --all, which needs ../shared and the converter tools); the text suite measured only the fixtures`);
  }
  for (const { name, inputs: texts } of sampled) readerSuite('text', { label: `${name}, every 10th corpus page`, inputs: texts }, 'split into lines and cells', splitCells);
}
if (rows.length) {
  console.log(`\nform4 readers on one core, Node ${process.version}, median of ${ROUNDS} passes\n`);
  console.table(rows);
}

if (want('ingest')) await ingestSuite();
if (want('api')) await (await import('./bench-api.ts')).benchApi();

async function ingestSuite() {
  const archive = join(shared, 'bulk/form4-2023h1-submissions.tar.gz');
  if (!existsSync(archive)) {
    console.log(`note: ${archive} not found (no ../shared beside the repo); the ingest benchmark needs it and was skipped`);
    return;
  }
  const tmp = mkdtempSync(join(tmpdir(), 'form4-bench-'));
  try {
    // A quarter of the archive, to show that memory stays flat as the input grows.
    const quarter = join(tmp, 'quarter.tar.gz');
    const extract = tar.extract();
    const pack = tar.pack();
    const writing = pipeline(pack, createGzip(), createWriteStream(quarter));
    let n = 0;
    const reading = pipeline(createReadStream(archive), createGunzip(), extract);
    let total = 0;
    for await (const entry of extract) {
      const chunks: Buffer[] = [];
      for await (const c of entry) chunks.push(c as Buffer);
      total++;
      if (n++ < 17770 / 4) pack.entry({ name: entry.header.name }, Buffer.concat(chunks));
    }
    pack.finalize();
    await Promise.all([writing, reading]);

    // Baseline: only reading the archive (gunzip + tar entries into memory), in the same command.
    const t0 = process.hrtime.bigint();
    const ex = tar.extract();
    const read = pipeline(createReadStream(archive), createGunzip(), ex);
    for await (const entry of ex) for await (const _ of entry) void _;
    await read;
    const readSeconds = Number(process.hrtime.bigint() - t0) / 1e9;

    const child = (db: string, path: string) =>
      JSON.parse(execFileSync(process.execPath, [join(root, 'scripts/bench-ingest-child.ts'), db, path], { encoding: 'utf8' })) as { inputs: number; seconds: number; maxRssMiB: number };
    const out: Row[] = [];
    const report = (backend: string, full: ReturnType<typeof child>, part: ReturnType<typeof child>) =>
      out.push({
        backend,
        filings: full.inputs,
        seconds: Number(full.seconds.toFixed(1)),
        'filings/s': Math.round(full.inputs / full.seconds),
        'archive read only, filings/s': Math.round(total / readSeconds),
        'ingest / read-only': `${(readSeconds / full.seconds).toFixed(2)}x`,
        'peak MiB (1/4 → all)': `${Math.round(part.maxRssMiB)} → ${Math.round(full.maxRssMiB)}`,
      });

    const sqlite = (name: string) => join(tmp, `${name}.db`);
    report('SQLite (embedded)', child(sqlite('full'), archive), child(sqlite('quarter'), quarter));

    const admin = new pg.Client({ connectionString: PG_ADMIN });
    const reachable = await admin.connect().then(() => true, () => false);
    if (reachable) {
      const url = async (name: string) => {
        await admin.query(`DROP DATABASE IF EXISTS ${name}`);
        await admin.query(`CREATE DATABASE ${name}`);
        return PG_ADMIN.replace(/\/[^/]*$/, `/${name}`);
      };
      const full = child(await url('form4_bench_full'), archive);
      const part = child(await url('form4_bench_quarter'), quarter);
      report('PostgreSQL', full, part);
      for (const name of ['form4_bench_full', 'form4_bench_quarter']) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    } else {
      console.log(`note: PostgreSQL not reachable at ${PG_ADMIN}; its ingest benchmark was skipped`);
    }
    console.log(`\nform4 ingest of ${archive.replace(root, '')} (${total.toLocaleString('en-US')} submissions), both cores, Node ${process.version}\n`);
    console.table(out);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
