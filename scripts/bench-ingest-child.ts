// Runs one ingest for npm run bench and prints its figures as JSON: run in a child
// process so that its peak memory is its own.
import { ingest } from '../src/ingest/ingest.ts';
import { openStore } from '../src/store/store.ts';

const [db, ...paths] = process.argv.slice(2);
const store = await openStore(db!);
const t0 = process.hrtime.bigint();
const result = await ingest(store, paths);
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
await store.close();
process.stdout.write(JSON.stringify({ inputs: result.inputs, inserted: result.inserted, failed: result.failed, seconds, maxRssMiB: process.resourceUsage().maxRSS / 1024 }) + '\n');
