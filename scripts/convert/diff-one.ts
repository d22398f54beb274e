// Debug aid: the mismatches of one converted page against its XML.
//   node scripts/convert/diff-one.ts CONVERTER PAGE [PAGE...]   (PAGE: the page name without .html; ISSUES=1 lists the issues)
import { comparePage, converterNamed } from './cached-pages.ts';

const [convName, ...pages] = process.argv.slice(2);
const conv = converterNamed(convName, 'diff-one.ts CONVERTER PAGE [PAGE...]');
for (const name of pages) {
  const page = name.replace(/\.(html|xml)$/, '');
  const read = comparePage(conv, page);
  if (!read) {
    console.log(`== ${page}: no conversion, XML or record`);
    continue;
  }
  console.log(`== ${page}: ${read.cmp.mismatches.length} of ${read.cmp.compared}`);
  for (const m of read.cmp.mismatches) console.log(`  ${m.path}: xml ${JSON.stringify(m.expected)} | text ${JSON.stringify(m.actual)}`);
  if (process.env['ISSUES']) for (const i of read.result.issues) console.log('  issue', i.code, i.message.slice(0, 160));
}
