// Debug aid: the pages whose conversion has a mismatch of a kind, with the mismatch.
//   node scripts/convert/pages-with.ts CONVERTER KIND [LIMIT]   (KIND as the accuracy report prints it)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/index.ts';
import { compareRecords } from '../../src/read/compare-records.ts';
import { CONVERTERS } from './converters.ts';

const [convName, kind, limit = '10'] = process.argv.slice(2);
const conv = CONVERTERS.find((c) => c.name === convName);
if (!conv || !kind) throw new Error('usage: pages-with.ts CONVERTER KIND [LIMIT]');
const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, '.accuracy-cache', conv.name);
let shown = 0;
for (const file of readdirSync(dir).sort()) {
  const base = file.replace(/\.txt$/, '');
  const xmlFile = join(root, '..', 'shared', 'corpus', 'xml', base + '.xml');
  if (!existsSync(xmlFile)) continue;
  const xmlBytes = readFileSync(xmlFile);
  const got = parse(readFileSync(join(dir, file), 'utf8'), { fileName: file });
  if (!got.record) continue;
  const cmp = compareRecords(parse(xmlBytes).record!, got.record, { notShown: new Set(conv.notShown), expectedXml: xmlBytes.toString('latin1') });
  const hits = cmp.mismatches.filter((m) => m.kind === kind);
  if (hits.length === 0) continue;
  console.log(base);
  for (const m of hits) console.log(`  ${m.path}: xml ${JSON.stringify(m.expected)} | text ${JSON.stringify(m.actual)}`);
  if (++shown >= Number(limit)) break;
}
