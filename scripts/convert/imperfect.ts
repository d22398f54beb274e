// Debug aid: what keeps a converter's filings from being perfect, grouped by the record parts
// their mismatches fall in, largest group first.
//   node scripts/convert/imperfect.ts CONVERTER
import { cachedPages, comparePage, converterNamed } from './cached-pages.ts';

const conv = converterNamed(process.argv[2], 'imperfect.ts CONVERTER');
const groups = new Map<string, string[]>();
const part = (kind: string) => kind.replace(/\[\]/g, '').split('.').slice(0, 2).join('.');
for (const page of cachedPages(conv)) {
  const mismatches = comparePage(conv, page)?.cmp.mismatches ?? [];
  if (mismatches.length === 0) continue;
  const key = [...new Set(mismatches.map((m) => part(m.kind)))].sort().join(' + ');
  groups.set(key, [...(groups.get(key) ?? []), page]);
}
for (const [key, pages] of [...groups].sort((a, b) => b[1].length - a[1].length)) console.log(`${String(pages.length).padStart(5)}  ${key}  e.g. ${pages[0]}`);
