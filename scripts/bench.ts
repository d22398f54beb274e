// npm run bench: throughput of the readers on one core, each against a baseline run
// in the same process, reported as ratios (these machines are shared and noisy).
//
//   xml   form4 parse() of every corpus XML file vs fast-xml-parser's parse-to-object
//   sgml  form4 parse() of every full submission vs fast-xml-parser on the XML cut out of it
//
// Reads ../shared/corpus when present; otherwise says so and measures the test fixtures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parse } from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const corpus = join(root, '../shared/corpus');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

function files(dir: string): Buffer[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name)));
}

function source(kind: 'xml' | 'sgml'): { label: string; inputs: Buffer[] } {
  const dir = join(corpus, kind);
  if (existsSync(dir)) return { label: `../shared/corpus/${kind}`, inputs: files(dir) };
  const fallback = join(root, 'test/fixtures', kind);
  console.log(`note: ${dir} not found (no ../shared beside the repo); measuring test/fixtures/${kind} instead`);
  return { label: `test/fixtures/${kind}`, inputs: existsSync(fallback) ? files(fallback).filter((b) => b.length > 0) : [] };
}

/** Median seconds per pass over all inputs, after one warm-up pass. */
function measure(inputs: Buffer[], fn: (input: Buffer) => unknown): number {
  fn(inputs[0] as Buffer);
  for (const input of inputs) fn(input);
  const times: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const t0 = process.hrtime.bigint();
    for (const input of inputs) fn(input);
    times.push(Number(process.hrtime.bigint() - t0) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] as number;
}

const fxp = new XMLParser(); // its defaults: the plain parse-to-object people reach for
const baselineXml = (input: Buffer) => fxp.parse(input.toString('utf8'));
const baselineSgml = (input: Buffer) => {
  const text = input.toString('utf8');
  const start = text.indexOf('<XML>');
  return start === -1 ? null : fxp.parse(text.slice(start + 5, text.indexOf('</XML>', start)));
};
const form4 = (input: Buffer) => {
  const result = parse(input);
  if (!result.ok && result.issues[0]?.code !== 'SUBMISSION_NO_OWNERSHIP_XML') throw new Error(result.issues[0]?.message);
  return result;
};

type Row = { suite: string; inputs: number; mb: number; form4PerSec: number; form4MBs: number; baselinePerSec: number; ratio: number };
const rows: Row[] = [];
for (const [suite, baseline] of [['xml', baselineXml], ['sgml', baselineSgml]] as const) {
  const { label, inputs } = source(suite);
  if (inputs.length === 0) continue;
  const mb = inputs.reduce((n, b) => n + b.length, 0) / 1e6;
  // Each side's best of two medians, alternated so that both see the same machine load.
  const [a1, b1, a2, b2] = [measure(inputs, form4), measure(inputs, baseline), measure(inputs, form4), measure(inputs, baseline)];
  const best = Math.min(a1, a2);
  const theirs = Math.min(b1, b2);
  rows.push({
    suite: `${suite} (${label})`,
    inputs: inputs.length,
    mb: Number(mb.toFixed(1)),
    form4PerSec: Math.round(inputs.length / best),
    form4MBs: Number((mb / best).toFixed(1)),
    baselinePerSec: Math.round(inputs.length / theirs),
    ratio: Number((theirs / best).toFixed(2)),
  });
}

console.log(`\nform4 readers on one core, Node ${process.version}, median of ${ROUNDS} passes`);
console.log('baseline: fast-xml-parser XMLParser.parse with its defaults (XML to plain object, no record, no checks)\n');
console.table(rows.map((r) => ({
  suite: r.suite,
  filings: r.inputs,
  MB: r.mb,
  'form4 filings/s': r.form4PerSec,
  'form4 MB/s': r.form4MBs,
  'baseline filings/s': r.baselinePerSec,
  'form4 / baseline': `${r.ratio}x`,
})));
if (process.env.BENCH_JSON) console.log(JSON.stringify(rows));
