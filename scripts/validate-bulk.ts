// Runs the validation stage over the bulk set of 2023 Form 4 submissions and prints what it
// finds: issues per CHECK_* code (and how many filings have each), the late-filing rate,
// and the holdings-history breaks across each owner's filings for an issuer.
//
//   node scripts/validate-bulk.ts [archive.tar.gz]     EXAMPLES=2 also prints sample messages
//
// Streams the archive (gunzip + tar-stream); nothing is unpacked to disk. Without
// ../shared (a clone on its own) it says so and exits 0.
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';
import { parse } from '../src/index.ts';
import type { Issue } from '../src/record/schema.ts';
import { checkHoldingsHistory, type HistoryFiling } from '../src/validate/holdings-history.ts';
import { validateFiling } from '../src/validate/validate-filing.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const archive = process.argv[2] ?? join(root, '../shared/bulk/form4-2023h1-submissions.tar.gz');
const EXAMPLES = Number(process.env.EXAMPLES ?? 0);

if (!existsSync(archive)) {
  console.log(`note: ${archive} not found (no ../shared beside the repo); nothing to validate.`);
  process.exit(0);
}

interface CodeCount {
  issues: number;
  filings: number;
  severity: string;
  examples: string[];
}

const perCode = new Map<string, CodeCount>();
const readFailures = new Map<string, number>();
const history = new Map<string, HistoryFiling[]>();
let entries = 0;
let records = 0;
let originals4 = 0; // Form 4 (not 4/A) with a filing date: the late-filing population
let late4 = 0;
let lateOrDeclared4 = 0;
let lateRows = 0;
let checkedRows = 0;
const businessDaysLate = new Map<string, number>();
const t0 = performance.now();

function count(issues: readonly Issue[], file: string): void {
  const codes = new Set<string>();
  for (const issue of issues) {
    const c = perCode.get(issue.code) ?? { issues: 0, filings: 0, severity: issue.severity, examples: [] };
    c.issues += 1;
    if (!codes.has(issue.code)) c.filings += 1;
    if (c.examples.length < EXAMPLES) c.examples.push(`${file} ${issue.path?.join('.') ?? ''}: ${issue.message}`);
    codes.add(issue.code);
    perCode.set(issue.code, c);
  }
}

function bucket(days: number): string {
  if (days <= 1) return '1';
  if (days <= 5) return '2-5';
  if (days <= 30) return '6-30';
  if (days <= 365) return '31-365';
  return '>365';
}

const extract = tar.extract();
extract.on('entry', (header, stream, next) => {
  const chunks: Buffer[] = [];
  stream.on('data', (c: unknown) => chunks.push(c as Buffer));
  stream.on('end', () => {
    if (header.type === 'file') {
      entries += 1;
      const name = header.name;
      const result = parse(Buffer.concat(chunks), { fileName: name });
      if (!result.record) {
        const code = result.issues.find((i) => i.severity === 'error')?.code ?? 'unknown';
        readFailures.set(code, (readFailures.get(code) ?? 0) + 1);
      } else {
        records += 1;
        const issues = validateFiling(result.record, result.source);
        count(issues, name);
        const type = result.record.documentType ?? result.source.formType;
        if (type === '4' && result.source.filingDate) {
          originals4 += 1;
          checkedRows += result.record.nonDerivativeTransactions.length + result.record.derivativeTransactions.length;
          const late = issues.filter((i) => i.code === 'CHECK_FILED_LATE');
          const declared = issues.filter((i) => i.code === 'CHECK_FILED_LATE_DECLARED');
          if (late.length > 0) late4 += 1;
          if (late.length + declared.length > 0) lateOrDeclared4 += 1;
          lateRows += late.length;
          const worst = Math.max(0, ...late.map((i) => Number(/(\d+) business days? late/.exec(i.message)?.[1] ?? 0)));
          if (late.length > 0) businessDaysLate.set(bucket(worst), (businessDaysLate.get(bucket(worst)) ?? 0) + 1);
        }
        const issuer = result.source.issuer?.cik ?? result.record.issuer.cik;
        for (const owner of result.source.reportingOwners) {
          if (!owner.cik || !issuer) continue;
          const k = `${owner.cik}|${issuer}`;
          const list = history.get(k) ?? [];
          list.push({ key: name, record: result.record, source: result.source });
          history.set(k, list);
        }
      }
    }
    next();
  });
  stream.resume();
});

await pipeline(createReadStream(archive), createGunzip(), extract);

let breaks = 0;
const breakFilings = new Set<string>();
const breakExamples: string[] = [];
for (const filings of history.values()) {
  for (const { key, issue } of checkHoldingsHistory(filings)) {
    breaks += 1;
    breakFilings.add(key);
    if (breakExamples.length < EXAMPLES) breakExamples.push(`${key} ${issue.path?.join('.') ?? ''}: ${issue.message}`);
  }
}

const pct = (n: number, d: number) => (d === 0 ? '-' : `${((100 * n) / d).toFixed(2)}%`);
const seconds = (performance.now() - t0) / 1000;
console.log(`${archive}`);
console.log(`${entries} submissions, ${records} records read, ${entries - records} not read in ${seconds.toFixed(1)} s`);
for (const [code, n] of [...readFailures].sort((a, b) => b[1] - a[1])) console.log(`  not read: ${code} ${n}`);
console.log('');
console.log('issues per code                        severity   issues   filings  (% of records)');
for (const [code, c] of [...perCode].sort((a, b) => b[1].filings - a[1].filings)) {
  console.log(`  ${code.padEnd(37)}${c.severity.padEnd(9)}${String(c.issues).padStart(8)}${String(c.filings).padStart(10)}  ${pct(c.filings, records)}`);
  for (const e of c.examples) console.log(`      e.g. ${e}`);
}
console.log('');
console.log(`late filing (Form 4 originals with a filing date: ${originals4})`);
console.log(`  filings with a late transaction (CHECK_FILED_LATE):   ${late4}  ${pct(late4, originals4)}`);
console.log(`  late or declared late (with CHECK_FILED_LATE_DECLARED): ${lateOrDeclared4}  ${pct(lateOrDeclared4, originals4)}`);
console.log(`  late transaction rows: ${lateRows} of ${checkedRows}  ${pct(lateRows, checkedRows)}`);
console.log(`  late filings by their worst row's business days late: ${['1', '2-5', '6-30', '31-365', '>365'].map((b) => `${b}: ${businessDaysLate.get(b) ?? 0}`).join(', ')}`);
console.log('');
console.log(`holdings history: ${history.size} owner/issuer chains, ${breaks} CHECK_HISTORY_BREAK in ${breakFilings.size} filings`);
for (const e of breakExamples) console.log(`      e.g. ${e}`);
