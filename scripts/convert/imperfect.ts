// Debug aid: what keeps a converter's filings from being perfect, counted by filing.
//   node scripts/convert/imperfect.ts CONVERTER
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from '../../src/index.ts';
import { compareRecords } from '../../src/read/compare-records.ts';
import { CONVERTERS } from './converters.ts';

const conv = CONVERTERS.find((c) => c.name === process.argv[2]);
if (!conv) throw new Error('usage: imperfect.ts CONVERTER');
const root = new URL('../..', import.meta.url).pathname;
const dir = join(root, '.accuracy-cache', conv.name);
const groups = new Map<string, string[]>();
const group = (kind: string) => kind.replace(/\[\]/g, '').split('.').slice(0, 2).join('.');
for (const file of readdirSync(dir).sort()) {
  const base = file.replace(/\.txt$/, '');
  const xmlFile = join(root, '..', 'shared', 'corpus', 'xml', base + '.xml');
  if (!existsSync(xmlFile)) continue;
  const xmlBytes = readFileSync(xmlFile);
  const got = parse(readFileSync(join(dir, file), 'utf8'), { fileName: file });
  if (!got.record) continue;
  const cmp = compareRecords(parse(xmlBytes).record!, got.record, { notShown: new Set(conv.notShown), expectedXml: xmlBytes.toString('latin1') });
  if (cmp.mismatches.length === 0) continue;
  const key = [...new Set(cmp.mismatches.map((m) => group(m.kind)))].sort().join(' + ');
  groups.set(key, [...(groups.get(key) ?? []), base]);
}
for (const [key, pages] of [...groups].sort((a, b) => b[1].length - a[1].length)) console.log(`${String(pages.length).padStart(5)}  ${key}  e.g. ${pages[0]}`);
