// node [--cpu-prof] scripts/parse-loop.ts NAME [SECONDS] [STEP]: parse() of one converter's cached
// pages (.accuracy-cache/NAME, every STEP-th page as npm run bench takes them, default 10) in a loop
// for SECONDS (default 10), for profiling one reader path alone. NAME "fixtures" takes the text
// suite's hard pages (test/fixtures/seeds and test/fixtures/converted) instead. Prints pages/s
// in wall time and in CPU time (the machines are shared: CPU time is the steadier of the two).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from '../src/index.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const [name, seconds = '10', step = '10'] = process.argv.slice(2);
if (!name) {
  console.error('usage: node scripts/parse-loop.ts NAME|fixtures [SECONDS] [STEP]');
  process.exit(2);
}

const filesOf = (dir: string, keep: (file: string) => boolean, every = 1): Buffer[] =>
  readdirSync(dir)
    .filter(keep)
    .sort()
    .filter((_, i) => i % every === 0)
    .map((file) => readFileSync(join(dir, file)));

let pages: Buffer[];
if (name === 'fixtures') {
  const converted = join(root, 'test/fixtures/converted');
  pages = filesOf(join(root, 'test/fixtures/seeds'), (f) => f.endsWith('.txt'));
  for (const dir of readdirSync(converted).sort()) {
    if (dir === 'xml' || !statSync(join(converted, dir)).isDirectory()) continue;
    pages.push(...filesOf(join(converted, dir), (f) => !f.endsWith('.xml') && !f.endsWith('.json')));
  }
} else {
  pages = filesOf(join(root, '.accuracy-cache', name), (f) => f.endsWith('.txt'), Number(step));
}
if (pages.length === 0) {
  console.error(`no pages for ${name} (npm run accuracy -- --all fills .accuracy-cache)`);
  process.exit(1);
}

for (const page of pages) parse(page); // warm-up
const until = Date.now() + Number(seconds) * 1000;
const wall = process.hrtime.bigint();
const cpu = process.cpuUsage();
let parsed = 0;
while (Date.now() < until) {
  for (const page of pages) parse(page);
  parsed += pages.length;
}
const wallSeconds = Number(process.hrtime.bigint() - wall) / 1e9;
const used = process.cpuUsage(cpu);
const cpuSeconds = (used.user + used.system) / 1e6;
console.log(`${name}: ${pages.length} pages, ${Math.round(parsed / wallSeconds)} pages/s (wall), ${Math.round(parsed / cpuSeconds)} pages/s (CPU)`);
