// Debug aid: the pages whose conversion has a mismatch of a kind, with the mismatch.
//   node scripts/convert/pages-with.ts CONVERTER KIND [LIMIT]   (KIND as the accuracy report prints it)
import { cachedPages, comparePage, converterNamed } from './cached-pages.ts';

const [convName, kind, limit = '10'] = process.argv.slice(2);
const conv = converterNamed(convName, 'pages-with.ts CONVERTER KIND [LIMIT]');
let shown = 0;
for (const page of cachedPages(conv)) {
  const hits = comparePage(conv, page)?.cmp.mismatches.filter((m) => m.kind === kind) ?? [];
  if (hits.length === 0) continue;
  console.log(page);
  for (const m of hits) console.log(`  ${m.path}: xml ${JSON.stringify(m.expected)} | text ${JSON.stringify(m.actual)}`);
  if (++shown >= Number(limit)) break;
}
