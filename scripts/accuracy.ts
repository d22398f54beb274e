// Measures the text reader on text conversions of EDGAR's rendered page: converts every page of
// ../shared/corpus/rendered with each converter (cached under .accuracy-cache/), reads each
// conversion with parse(), compares it field by field with the record of the paired XML on the
// fields the page shows, and times the text reader.
//
//   npm run accuracy [-- --sample N] [--converter NAME] [--corpus DIR] [--jobs N] [--all] [--examples N]
//
// Fast converters run on every page; Chromium (print to PDF, then pdftotext) runs on a fixed
// sample of 200 pages (every k-th page in name order) unless --sample or --all says otherwise.
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from '../src/index.ts';
import { compareRecords, type Mismatch } from '../src/read/compare-records.ts';
import { readText } from '../src/read/text/read-text.ts';
import type { OwnershipRecord } from '../src/record/schema.ts';
import { Positions } from '../src/util/positions.ts';
import { CONVERTERS, closeConverters, type Converter } from './convert/converters.ts';

const USAGE = `Usage: npm run accuracy [-- options]

  --converter NAME  measure only this converter (repeatable); one of:
                    ${CONVERTERS.map((c) => c.name).join(', ')}
  --sample N        read a fixed sample of N pages with every converter
  --all             run the slow converters on every page too (default: a sample of 200)
  --corpus DIR      the corpus (default: ../shared/corpus)
  --jobs N          conversions run in parallel (default: the number of cores)
  --examples N      mismatch kinds listed per converter (default: 12)
  --help            this text`;

function parseOptions() {
  try {
    return parseArgs({
      options: {
        sample: { type: 'string' },
        converter: { type: 'string', multiple: true },
        corpus: { type: 'string' },
        jobs: { type: 'string' },
        all: { type: 'boolean', default: false },
        examples: { type: 'string', default: '12' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    }).values;
  } catch (e) {
    console.error(`${(e as Error).message}\n\n${USAGE}`);
    process.exit(2);
  }
}
const opts = parseOptions();
if (opts.help) {
  console.log(USAGE);
  process.exit(0);
}
const unknown = (opts.converter ?? []).filter((n) => !CONVERTERS.some((c) => c.name === n));
if (unknown.length > 0) {
  console.error(`Unknown converter: ${unknown.join(', ')}\n\n${USAGE}`);
  process.exit(2);
}

const root = new URL('..', import.meta.url).pathname;
const corpus = opts.corpus ?? join(root, '..', 'shared', 'corpus');
if (!existsSync(join(corpus, 'rendered'))) {
  console.log(`No corpus at ${corpus} (../shared is missing); nothing to measure.`);
  process.exit(0);
}
const cache = join(root, '.accuracy-cache');
const pages = readdirSync(join(corpus, 'rendered')).filter((f) => f.endsWith('.html')).sort();
const SLOW_SAMPLE = 200;
const jobs = Number(opts.jobs ?? availableParallelism());

/** Every k-th page in name order: the same sample on every run. */
function sampleOf(n: number): string[] {
  if (n >= pages.length) return pages;
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(pages[Math.floor((i * pages.length) / n)] as string);
  return out;
}

async function convertAll(conv: Converter, names: string[]): Promise<{ failed: number }> {
  const dir = join(cache, conv.name);
  mkdirSync(dir, { recursive: true });
  const todo = names.filter((n) => !existsSync(join(dir, n.replace(/\.html$/, '.txt'))));
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const name = todo[next++] as string;
      try {
        await conv.convert(join(corpus, 'rendered', name), join(dir, name.replace(/\.html$/, '.txt')));
      } catch (e) {
        failed++;
        if (failed <= 3) console.error(`  ${conv.name}: ${name}: ${(e as Error).message}`);
      }
    }
  };
  if (todo.length > 0) process.stderr.write(`  converting ${todo.length} pages with ${conv.name}...\n`);
  await Promise.all(Array.from({ length: Math.min(jobs, todo.length) }, worker));
  return { failed };
}

const xmlRecords = new Map<string, { record: OwnershipRecord; xml: string } | null>();
function xmlRecord(name: string): { record: OwnershipRecord; xml: string } | null {
  if (!xmlRecords.has(name)) {
    const file = join(corpus, 'xml', name.replace(/\.html$/, '.xml'));
    const bytes = existsSync(file) ? readFileSync(file) : null;
    const record = bytes === null ? null : parse(bytes).record;
    xmlRecords.set(name, bytes !== null && record ? { record, xml: bytes.toString('latin1') } : null);
  }
  return xmlRecords.get(name) ?? null;
}

interface Figures {
  name: string;
  pages: number;
  compared: number;
  wrong: number;
  perfect: number;
  withXml: number;
  notText: number;
  noRecord: number;
  perSecond: number;
}

async function measure(conv: Converter): Promise<Figures> {
  const slowSample = opts.sample !== undefined ? Number(opts.sample) : opts.all ? pages.length : SLOW_SAMPLE;
  const names = conv.slow || opts.sample !== undefined ? sampleOf(slowSample) : pages;
  await convertAll(conv, names);
  const dir = join(cache, conv.name);
  const texts: { name: string; text: string }[] = [];
  for (const name of names) {
    const file = join(dir, name.replace(/\.html$/, '.txt'));
    if (existsSync(file)) texts.push({ name, text: readFileSync(file, 'utf8') });
  }
  const f: Figures = { name: conv.name, pages: texts.length, compared: 0, wrong: 0, perfect: 0, withXml: 0, notText: 0, noRecord: 0, perSecond: 0 };
  const kinds = new Map<string, { count: number; example: string; mismatch: Mismatch }>();
  const notShown = new Set(conv.notShown);
  for (const { name, text } of texts) {
    const result = parse(text, { fileName: name });
    if (result.source.format !== 'text') f.notText++;
    const expected = xmlRecord(name);
    if (!expected) continue;
    f.withXml++;
    if (!result.record) {
      f.noRecord++;
      continue;
    }
    const cmp = compareRecords(expected.record, result.record, { notShown, expectedXml: expected.xml });
    f.compared += cmp.compared;
    f.wrong += cmp.mismatches.length;
    if (cmp.mismatches.length === 0) f.perfect++;
    for (const m of cmp.mismatches) {
      const k = kinds.get(m.kind);
      if (k) k.count++;
      else kinds.set(m.kind, { count: 1, example: name, mismatch: m });
    }
  }
  // Speed: the text reader alone on texts in memory, after a warm-up; best of three passes.
  for (const { text } of texts.slice(0, 100)) readText(text, new Positions(text));
  let seconds = Infinity;
  for (let pass = 0; pass < 3; pass++) {
    const started = performance.now();
    for (const { text } of texts) readText(text, new Positions(text));
    seconds = Math.min(seconds, (performance.now() - started) / 1000);
  }
  f.perSecond = texts.length / seconds;

  const sampled = names.length < pages.length ? ` (fixed sample of ${names.length} of ${pages.length} pages${conv.slow ? ': Chromium is slow' : ''})` : ' (all pages)';
  console.log(`\n${conv.name}: ${conv.command}${sampled}`);
  console.log(`  read as text: ${texts.length - f.notText} of ${texts.length}; no record: ${f.noRecord}`);
  console.log(`  fields compared: ${f.compared}`);
  console.log(`  fields right:    ${pct(f.compared - f.wrong, f.compared)}  (${f.wrong} wrong)`);
  console.log(`  filings perfect: ${pct(f.perfect, f.withXml)}  (${f.perfect} of ${f.withXml})`);
  console.log(`  reader speed:    ${Math.round(f.perSecond)} filings/s (one core, best of 3 passes)`);
  if (conv.notShown.length > 0) console.log(`  not counted (the converter drops them): ${conv.notShown.join(', ')}`);
  const top = [...kinds.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, Number(opts.examples));
  if (top.length > 0) console.log('  top mismatch kinds:');
  for (const [kind, { count, example, mismatch }] of top) {
    const show = (v: unknown) => JSON.stringify(v)?.slice(0, 60);
    console.log(`  ${String(count).padStart(6)}  ${kind}  e.g. ${basename(example)} ${mismatch.path}: xml ${show(mismatch.expected)} text ${show(mismatch.actual)}`);
  }
  return f;
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`;
}

const chosen = opts.converter ? CONVERTERS.filter((c) => opts.converter?.includes(c.name)) : CONVERTERS;
const all: Figures[] = [];
for (const conv of chosen) all.push(await measure(conv));
await closeConverters();
console.log('\nconverter            fields right  filings perfect  filings/s');
for (const f of all) {
  console.log(`${f.name.padEnd(20)} ${pct(f.compared - f.wrong, f.compared).padStart(12)}  ${pct(f.perfect, f.withXml).padStart(15)}  ${String(Math.round(f.perSecond)).padStart(9)}`);
}
