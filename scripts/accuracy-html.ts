// Measures the HTML reader against the XML: reads every rendered page of ../shared/corpus with
// readHtml and its paired XML with parse(), compares the shown fields, and times the reader.
//
//   node scripts/accuracy-html.ts [corpusDir]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from '../src/index.ts';
import { compareRecords, type Mismatch } from '../src/read/compare-records.ts';
import { readHtml } from '../src/read/html/read-html.ts';
import { Positions } from '../src/util/positions.ts';

const corpus = process.argv[2] ?? new URL('../../shared/corpus', import.meta.url).pathname;
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}; nothing to measure.`);
  process.exit(0);
}

interface Pair {
  html: string;
  xml: string | null;
}

const rendered: Pair[] = readdirSync(join(corpus, 'rendered'))
  .filter((f) => f.endsWith('.html'))
  .sort()
  .map((f) => ({ html: join(corpus, 'rendered', f), xml: join(corpus, 'xml', f.replace(/\.html$/, '.xml')) }));

// Pages saved from EDGAR: paired through the manifest.
const edgar: Pair[] = [];
const manifest = join(corpus, 'manifest.jsonl');
if (existsSync(manifest)) {
  for (const line of readFileSync(manifest, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const entry = JSON.parse(line) as { file: string; paired_with?: string[] };
    if (!entry.file.startsWith('html/')) continue;
    const xml = entry.paired_with?.find((p) => p.startsWith('xml/'));
    edgar.push({ html: join(corpus, entry.file), xml: xml ? join(corpus, xml) : null });
  }
}

function measure(title: string, pairs: Pair[]): void {
  let compared = 0;
  let wrong = 0;
  let perfect = 0;
  let withXml = 0;
  let noRecord = 0;
  const kinds = new Map<string, { count: number; example: string; mismatch: Mismatch }>();
  const texts = pairs.map((p) => readFileSync(p.html, 'utf8'));

  for (const [i, pair] of pairs.entries()) {
    const text = texts[i] as string;
    const html = readHtml(text, new Positions(text));
    if (!html.record) {
      noRecord++;
      continue;
    }
    if (!pair.xml || !existsSync(pair.xml)) continue;
    const xmlBytes = readFileSync(pair.xml);
    const xml = parse(xmlBytes);
    if (!xml.record) continue;
    withXml++;
    // As the text measure: what the stylesheet prints (a Section 16 box written `true` prints unchecked).
    const result = compareRecords(xml.record, html.record, { expectedXml: xmlBytes.toString('latin1') });
    compared += result.compared;
    wrong += result.mismatches.length;
    if (result.mismatches.length === 0) perfect++;
    for (const m of result.mismatches) {
      const k = kinds.get(m.kind);
      if (k) k.count++;
      else kinds.set(m.kind, { count: 1, example: basename(pair.html), mismatch: m });
    }
  }

  console.log(`\n${title}: ${pairs.length} pages, ${withXml} with XML, ${noRecord} without a record`);
  console.log(`fields compared: ${compared}`);
  console.log(`fields right:    ${pct(compared - wrong, compared)}  (${wrong} wrong)`);
  console.log(`filings perfect: ${pct(perfect, withXml)}  (${perfect} of ${withXml})`);
  const top = [...kinds.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, 15);
  if (top.length > 0) console.log('top mismatch kinds:');
  for (const [kind, { count, example, mismatch }] of top) {
    const show = (v: unknown) => JSON.stringify(v)?.slice(0, 70);
    console.log(`  ${String(count).padStart(5)}  ${kind}  e.g. ${example} ${mismatch.path}: xml ${show(mismatch.expected)} html ${show(mismatch.actual)}`);
  }

  // Speed: the reader alone on texts already in memory, after a warm-up pass.
  if (pairs.length >= 100) {
    for (const text of texts.slice(0, 200)) readHtml(text, new Positions(text));
    // Best of three passes: the machine may be shared, and the best pass is the reader's own speed.
    const bytes = texts.reduce((n, t) => n + t.length, 0);
    let seconds = Infinity;
    for (let pass = 0; pass < 3; pass++) {
      const started = performance.now();
      for (const text of texts) readHtml(text, new Positions(text));
      seconds = Math.min(seconds, (performance.now() - started) / 1000);
    }
    console.log(`speed: ${Math.round(pairs.length / seconds)} pages/s, ${(bytes / 1e6 / seconds).toFixed(1)} MB/s (one core, best of 3 passes)`);
  }
}

function pct(n: number, d: number): string {
  return d === 0 ? 'n/a' : `${((100 * n) / d).toFixed(2)}%`;
}

measure('corpus/rendered (SEC stylesheet)', rendered);
if (edgar.length > 0) measure('corpus/html (saved from EDGAR)', edgar);
