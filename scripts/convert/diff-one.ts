// Debug aid: the mismatches of one converted page against its XML.
//   node scripts/convert/diff-one.ts CONVERTER NAME [NAME...]   (NAME: the page name without .html; ISSUES=1 lists the issues)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/index.ts';
import { compareRecords } from '../../src/read/compare-records.ts';
import { CONVERTERS } from './converters.ts';

const [convName, ...names] = process.argv.slice(2);
const conv = CONVERTERS.find((c) => c.name === convName);
if (!conv) throw new Error('converter?');
const root = new URL('../..', import.meta.url).pathname;
for (const n of names) {
  const base = n.replace(/\.(html|xml)$/, '');
  const text = readFileSync(join(root, '.accuracy-cache', conv.name, base + '.txt'), 'utf8');
  const xmlBytes = readFileSync(join(root, '..', 'shared', 'corpus', 'xml', base + '.xml'));
  const exp = parse(xmlBytes).record!;
  const got = parse(text, { fileName: n });
  const cmp = compareRecords(exp, got.record!, { notShown: new Set(conv.notShown), expectedXml: xmlBytes.toString('latin1') });
  console.log(`== ${n}: ${cmp.mismatches.length} of ${cmp.compared}`);
  for (const m of cmp.mismatches) console.log(`  ${m.path}: xml ${JSON.stringify(m.expected)} | text ${JSON.stringify(m.actual)}`);
  if (process.env.ISSUES) for (const i of got.issues) console.log('  issue', i.code, i.message.slice(0, 160));
}
