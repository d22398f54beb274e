// Writes the converted-page fixtures of test/read-converted.test.ts: a few rendered pages of
// ../shared/corpus (Forms 3, 4 and 5, one with three owners) through every converter, with their paired XML,
// under test/fixtures/converted/<converter>/. Needs the converter tools; the test does not.
//
//   node scripts/convert/make-fixtures.ts
import { copyFileSync, existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CONVERTERS } from './converters.ts';

export const FIXTURE_PAGES = [
  '0000002488-23-000114__2488_4_2023-06-08_0000002488-23-000114.txt',
  '0000093676-20-000003__93676_1_0000093676-20-000003.txt',
  '0000899243-20-024361__1190614_3_0000899243-20-024361.txt',
  // Three reporting owners, each with its own signature.
  '0000895345-23-000411__1860871_4_2023-07-18_0000895345-23-000411.txt',
  // A Form 3 with derivative holdings (exercise dates given as footnotes).
  '0000899243-17-024441__doc3',
];

const root = new URL('../..', import.meta.url).pathname;
const corpus = join(root, '..', 'shared', 'corpus');
if (!existsSync(corpus)) {
  console.log(`No corpus at ${corpus}; nothing to do.`);
  process.exit(0);
}
const out = join(root, 'test', 'fixtures', 'converted');
const work = mkdtempSync(join(tmpdir(), 'form4-fixtures-'));
mkdirSync(join(out, 'xml'), { recursive: true });
for (const page of FIXTURE_PAGES) copyFileSync(join(corpus, 'xml', page + '.xml'), join(out, 'xml', page + '.xml'));
for (const conv of CONVERTERS) {
  mkdirSync(join(out, conv.name), { recursive: true });
  mkdirSync(join(work, conv.name), { recursive: true });
  for (const page of FIXTURE_PAGES) {
    const target = join(work, conv.name, page + '.txt');
    await conv.convert(join(corpus, 'rendered', page + '.html'), target);
    copyFileSync(target, join(out, conv.name, page + '.txt'));
  }
  console.log(`${conv.name}: ${FIXTURE_PAGES.length} pages`);
}
