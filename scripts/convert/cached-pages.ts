// What the debug aids share (diff-one, pages-with, imperfect): a converter's cached conversions of
// the corpus's rendered pages (.accuracy-cache/, made by npm run accuracy), each read and compared
// with the record of its XML as the accuracy measure compares them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseResult } from '../../src/index.ts';
import { compareRecords, type Comparison } from '../../src/read/compare-records.ts';
import { CONVERTERS, type Converter } from './converters.ts';

const root = new URL('../..', import.meta.url).pathname;
const xmlDir = join(root, '..', 'shared', 'corpus', 'xml');

/** The converter of that name, or an exit with the names there are. */
export function converterNamed(name: string | undefined, usage: string): Converter {
  const conv = CONVERTERS.find((c) => c.name === name);
  if (conv) return conv;
  console.error(`usage: ${usage}\nconverters: ${CONVERTERS.map((c) => c.name).join(', ')}`);
  process.exit(2);
}

/** The pages (names without extension) the converter has a cached conversion of, in name order. */
export function cachedPages(conv: Converter): string[] {
  const dir = join(root, '.accuracy-cache', conv.name);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => f.slice(0, -4))
    .sort();
}

/** The page's conversion read, and compared with its XML's record; null when either is missing. */
export function comparePage(conv: Converter, page: string): { result: ParseResult; cmp: Comparison } | null {
  const textFile = join(root, '.accuracy-cache', conv.name, page + '.txt');
  const xmlFile = join(xmlDir, page + '.xml');
  if (!existsSync(textFile) || !existsSync(xmlFile)) return null;
  const xmlBytes = readFileSync(xmlFile);
  const expected = parse(xmlBytes).record;
  const result = parse(readFileSync(textFile, 'utf8'), { fileName: page + '.txt' });
  if (!expected || !result.record) return null;
  const cmp = compareRecords(expected, result.record, { notShown: new Set(conv.notShown), expectedXml: xmlBytes.toString('latin1') });
  return { result, cmp };
}
