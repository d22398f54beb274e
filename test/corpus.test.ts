// The whole shared corpus (../shared/corpus: 1,750 ownership XML documents, 1,355 full
// submissions), when it is there: every file reads, every record fits the schema, every
// submission agrees with its XML, and a second XML parser agrees with our scanner.
// On a clone without ../shared these tests are skipped, not failed.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test, type TestContext } from 'node:test';
import { fileURLToPath } from 'node:url';
import { XMLParser } from 'fast-xml-parser';
import { parse, type ParseResult } from '../src/index.ts';
import { OwnershipRecord, ParseResult as ParseResultSchema } from '../src/record/schema.ts';

const corpus = new URL('../../shared/corpus/', import.meta.url);
const present = existsSync(new URL('xml/', corpus)) && existsSync(new URL('sgml/', corpus));
const SKIP = `../shared/corpus not found (${fileURLToPath(corpus)}): the corpus tests need the shared data`;

interface Read {
  file: string;
  text: string;
  result: ParseResult;
}

let cache: { xml: Read[]; sgml: Read[] } | null = null;

/** Reads every corpus file once; the tests below share the results. */
function readCorpus(): { xml: Read[]; sgml: Read[] } {
  if (cache) return cache;
  const readFolder = (folder: 'xml' | 'sgml'): Read[] =>
    readdirSync(new URL(`${folder}/`, corpus))
      .sort()
      .map((name) => {
        const file = `${folder}/${name}`;
        const bytes = readFileSync(new URL(file, corpus));
        return { file, text: new TextDecoder().decode(bytes), result: parse(bytes, { fileName: file }) };
      });
  cache = { xml: readFolder('xml'), sgml: readFolder('sgml') };
  return cache;
}

function skipped(t: TestContext): boolean {
  if (present) return false;
  t.skip(SKIP);
  return true;
}

/** Lists what went wrong, a few at a time, so one failure shows the pattern. */
function assertNone(problems: string[], what: string): void {
  assert.equal(problems.length, 0, `${problems.length} ${what}:\n${problems.slice(0, 15).join('\n')}`);
}

const issueCodes = (r: ParseResult) => r.issues.map((i) => i.code).join(', ');

test('every ownership XML document of the corpus reads to a record', (t) => {
  if (skipped(t)) return;
  const { xml } = readCorpus();
  assert.ok(xml.length >= 1000, `only ${xml.length} XML files`);
  assertNone(
    xml.filter((r) => !r.result.ok || r.result.record === null).map((r) => `${r.file}: ${issueCodes(r.result)}`),
    'XML documents failed',
  );
  assertNone(
    xml.flatMap((r) => r.result.issues.filter((i) => i.severity === 'error').map((i) => `${r.file}: ${i.code} ${i.message}`)),
    'error issues in XML documents',
  );
});

test('every full submission of the corpus reads, except those without XML, which fail with SUBMISSION_NO_OWNERSHIP_XML', (t) => {
  if (skipped(t)) return;
  const { sgml } = readCorpus();
  assert.ok(sgml.length >= 1000, `only ${sgml.length} submissions`);
  const problems: string[] = [];
  let withoutXml = 0;
  for (const r of sgml) {
    const holdsXml = /<XML>\s*(?:<\?xml[^>]*>\s*)?<ownershipDocument[\s>]/.test(r.text);
    if (holdsXml) {
      if (!r.result.ok) problems.push(`${r.file}: ${issueCodes(r.result)}`);
      continue;
    }
    withoutXml++;
    const codes = r.result.issues.map((i) => i.code);
    if (r.result.ok || r.result.record !== null || !codes.includes('SUBMISSION_NO_OWNERSHIP_XML')) {
      problems.push(`${r.file} holds no XML but gave ok=${r.result.ok}, issues ${codes.join(', ')}`);
    }
    if (r.result.source.accessionNumber === null) problems.push(`${r.file}: the header of a submission without XML was not read`);
  }
  assertNone(problems, 'submissions read wrongly');
  assert.ok(withoutXml >= 1, 'the corpus should hold submissions without XML');
});

test('every record and every result of the corpus validates against the schema', (t) => {
  if (skipped(t)) return;
  const { xml, sgml } = readCorpus();
  const problems: string[] = [];
  for (const r of [...xml, ...sgml]) {
    if (r.result.record) {
      const checked = OwnershipRecord.safeParse(r.result.record);
      if (!checked.success) problems.push(`${r.file}: ${checked.error.message.slice(0, 300)}`);
    }
    const whole = ParseResultSchema.safeParse(r.result);
    if (!whole.success) problems.push(`${r.file} (result): ${whole.error.message.slice(0, 300)}`);
  }
  assertNone(problems, 'records or results do not fit the schema');
});

test('every submission paired with an XML in the manifest gives a record deep-equal to that XML’s record', (t) => {
  if (skipped(t)) return;
  const { xml, sgml } = readCorpus();
  const byFile = new Map([...xml, ...sgml].map((r) => [r.file, r.result]));
  const manifest = readFileSync(new URL('manifest.jsonl', corpus), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { file: string; paired_with?: string[] | null });
  let pairs = 0;
  const problems: string[] = [];
  for (const entry of manifest) {
    if (!entry.file.startsWith('sgml/')) continue;
    for (const partner of entry.paired_with ?? []) {
      if (!partner.startsWith('xml/')) continue;
      const fromSubmission = byFile.get(entry.file);
      const fromXml = byFile.get(partner);
      if (!fromSubmission || !fromXml) {
        problems.push(`${entry.file} or ${partner} is not in the corpus folders`);
        continue;
      }
      pairs++;
      try {
        assert.deepEqual(fromSubmission.record, fromXml.record);
      } catch (error) {
        problems.push(`${entry.file} ≠ ${partner}: ${(error as Error).message.slice(0, 400)}`);
      }
    }
  }
  assert.ok(pairs >= 1000, `only ${pairs} pairs in the manifest`);
  assertNone(problems, 'submissions differ from their XML');
});

// --- A second opinion: fast-xml-parser, with repeated elements declared as arrays ---

const TABLES = {
  nonDerivativeTransactions: ['nonDerivativeTable', 'nonDerivativeTransaction'],
  nonDerivativeHoldings: ['nonDerivativeTable', 'nonDerivativeHolding'],
  derivativeTransactions: ['derivativeTable', 'derivativeTransaction'],
  derivativeHoldings: ['derivativeTable', 'derivativeHolding'],
} as const;

const ARRAY_PATHS = new Set([
  'ownershipDocument.reportingOwner',
  'ownershipDocument.ownerSignature',
  'ownershipDocument.footnotes.footnote',
  ...Object.values(TABLES).map(([table, row]) => `ownershipDocument.${table}.${row}`),
]);

const fxp = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  isArray: (name, jPath) => name === 'footnoteId' || ARRAY_PATHS.has(String(jPath)),
});

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);
const child = (node: unknown, name: string): unknown => (isNode(node) ? node[name] : undefined);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `<x><value>12</value></x>` (or `<x>12</x>`) → 12; absent or empty → null. */
function numberOf(element: unknown): number | null {
  const raw = typeof element === 'string' ? element : child(element, 'value');
  if (typeof raw !== 'string' || raw.trim() === '') return null;
  return Number(raw.trim());
}

/** Every footnoteId id anywhere inside `node`, sorted, once each. */
function footnoteIds(node: unknown, into = new Set<string>()): string[] {
  if (Array.isArray(node)) for (const n of node) footnoteIds(n, into);
  else if (isNode(node)) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'footnoteId') for (const f of list(value)) into.add(String(child(f, '@_id')).trim());
      else footnoteIds(value, into);
    }
  }
  return [...into].sort();
}

test('fast-xml-parser agrees with our scanner on rows, share amounts and footnote ids in every XML document', (t) => {
  if (skipped(t)) return;
  const { xml } = readCorpus();
  const problems: string[] = [];
  let values = 0;
  for (const r of xml) {
    const record = r.result.record;
    if (!record) continue;
    const root = child(fxp.parse(r.text), 'ownershipDocument');
    const differ = (what: string, ours: unknown, theirs: unknown) => {
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        problems.push(`${r.file} ${what}: ours ${JSON.stringify(ours)}, fast-xml-parser ${JSON.stringify(theirs)}`);
      }
    };
    differ('reportingOwners.length', record.reportingOwners.length, list(child(root, 'reportingOwner')).length);
    for (const [key, [table, row]] of Object.entries(TABLES) as [keyof typeof TABLES, readonly [string, string]][]) {
      const theirs = list(child(child(root, table), row));
      const ours = record[key];
      differ(`${key}.length`, ours.length, theirs.length);
      theirs.forEach((node, i) => {
        const mine = ours[i];
        if (!mine) return;
        const post = child(node, 'postTransactionAmounts');
        differ(`${key}[${i}].sharesOwnedFollowingTransaction`, mine.sharesOwnedFollowingTransaction, numberOf(child(post, 'sharesOwnedFollowingTransaction')));
        values++;
        if ('shares' in mine) {
          differ(`${key}[${i}].shares`, mine.shares, numberOf(child(child(node, 'transactionAmounts'), 'transactionShares')));
          values++;
        }
        const ids = [...new Set(Object.values(mine.footnotes).flat())].sort();
        differ(`${key}[${i}] footnote ids`, ids, footnoteIds(node));
      });
    }
    const defined = list(child(child(root, 'footnotes'), 'footnote')).map((f) => String(child(f, '@_id')).trim());
    differ('footnotes ids', record.footnotes.map((f) => f.id), defined);
  }
  assert.ok(values >= 5000, `only ${values} values compared`);
  assertNone(problems, 'disagreements with fast-xml-parser');
});
