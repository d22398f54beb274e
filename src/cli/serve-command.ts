// `form4 serve`: the HTTP API (and the web UI, when built) over a store, on
// @hono/node-server. The app itself is src/serve/create-app.ts.
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { serve } from '@hono/node-server';
import { ingest } from '../ingest/ingest.ts';
import { DEFAULT_MAX_BYTES } from '../read/parse.ts';
import { createApp, DEFAULT_MAX_BODY_BYTES } from '../serve/create-app.ts';
import { findUiDir } from '../serve/ui.ts';
import { DEFAULT_DB, openStore } from '../store/store.ts';
import { UsageError } from './usage-error.ts';

export const serveHelp = `Usage: form4 serve [options]

Serves the store over HTTP: a JSON API (described at /api/openapi.json) and, when
it has been built, the web UI at /. Read-only unless a write token is set.

Options:
  --db DB               the store: a SQLite file (default ${DEFAULT_DB}) or a
                        postgres://user@host:port/database URL
  --port N              port to listen on (default 3000; 0 picks a free one)
  --host HOST           address to listen on (default 127.0.0.1: this machine only)
  --write-token TOKEN   enable POST /api/ingest for requests that send
                        "Authorization: Bearer TOKEN" (or set FORM4_WRITE_TOKEN)
  --max-body-bytes N    largest upload to /api/parse and /api/ingest (default ${DEFAULT_MAX_BODY_BYTES})
  --load-if-empty PATH  when the store holds no filing, ingest PATH first (a file,
                        folder or archive); "npm start" loads samples/ this way
  --ui DIR              serve the web UI from DIR (default: dist/ui or src/ui/dist)
  --workers N           server processes sharing the port, to use more cores
                        (default 1; "auto" starts one per core)
  -h, --help            show this help

Examples:
  form4 serve --db ./form4.db --port 8080
  curl 'http://127.0.0.1:3000/api/issuers/AMD/activity?since=2023-01-01'
  FORM4_WRITE_TOKEN=secret form4 serve --host 0.0.0.0`;

export async function serveCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      db: { type: 'string', default: DEFAULT_DB },
      port: { type: 'string', default: '3000' },
      host: { type: 'string', default: '127.0.0.1' },
      'write-token': { type: 'string' },
      'max-body-bytes': { type: 'string' },
      'load-if-empty': { type: 'string' },
      ui: { type: 'string' },
      workers: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(serveHelp + '\n');
    return 0;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not "${values.port}"`);
  const maxBodyBytes = values['max-body-bytes'] === undefined ? DEFAULT_MAX_BODY_BYTES : Number(values['max-body-bytes']);
  if (!Number.isSafeInteger(maxBodyBytes) || maxBodyBytes < 1) throw new UsageError(`--max-body-bytes must be a whole number of bytes, not "${values['max-body-bytes']}"`);
  const writeToken = values['write-token'] ?? process.env.FORM4_WRITE_TOKEN ?? null;
  if (writeToken !== null && writeToken.length < 8) throw new UsageError('the write token must be at least 8 characters');
  const uiDir = findUiDir(values.ui);
  if (values.ui !== undefined && uiDir === null) throw new UsageError(`--ui ${values.ui} has no index.html`);

  const workers = values.workers === 'auto' ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError(`--workers must be a number from 1 to 64 or "auto", not "${values.workers}"`);
  const store = await openStore(values.db);
  if (cluster.isPrimary && values['load-if-empty'] !== undefined && (await store.stats()).filings === 0) {
    process.stdout.write(`The store ${values.db} is empty: loading ${values['load-if-empty']}...\n`);
    const loaded = await ingest(store, [values['load-if-empty']], { maxBytes: DEFAULT_MAX_BYTES });
    process.stdout.write(`Loaded ${loaded.inserted} filings (${loaded.failed} could not be read).\n`);
  }
  if (cluster.isPrimary && workers > 1) {
    await store.close();
    return primary(workers, values.db, uiDir !== null, writeToken !== null);
  }
  if (store.kind === 'sqlite') {
    // A server reads far more than it writes, over the whole file: a larger page cache
    // (256 MiB) and memory-mapped reads keep hot pages out of read() calls.
    await store.all('PRAGMA cache_size = -262144');
    await store.all('PRAGMA mmap_size = 1073741824');
  }
  const app = createApp(store, { writeToken, maxBodyBytes, uiDir });
  const server = serve({ fetch: app.fetch, port, hostname: values.host }, (info) => {
    const host = info.family === 'IPv6' ? `[${info.address}]` : info.address;
    // In a worker, the primary announces the address once for all.
    if (cluster.isWorker) process.send?.({ listening: `http://${host}:${info.port}` });
    else announce(`http://${host}:${info.port}`, values.db, uiDir !== null, writeToken !== null, 1);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    const stop = () => server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  }).finally(() => store.close());
  // A cluster worker's channel to the primary would keep it alive.
  if (cluster.isWorker) process.disconnect?.();
  return 0;
}

function announce(url: string, db: string, ui: boolean, writable: boolean, processes: number): void {
  process.stdout.write(
    `form4 is serving ${db} at ${url}/${processes > 1 ? ` (${processes} processes)` : ''}\n` +
      `  API: ${url}/api/openapi.json${ui ? '' : ' (no web UI built; / links to the API)'}\n` +
      `  ${writable ? 'POST /api/ingest is enabled (bearer token)' : 'read-only (--write-token enables POST /api/ingest)'}; Ctrl-C stops.\n`,
  );
}

/**
 * Runs `workers` copies of this command that share one listening port (node:cluster hands
 * out the connections), announces the address once, and stops them all on SIGINT/SIGTERM.
 */
async function primary(workers: number, db: string, ui: boolean, writable: boolean): Promise<number> {
  const children = Array.from({ length: workers }, () => cluster.fork());
  let announced = false;
  for (const child of children) {
    child.on('message', (message: { listening?: string }) => {
      if (message.listening && !announced) {
        announced = true;
        announce(message.listening, db, ui, writable, workers);
      }
    });
  }
  return new Promise<number>((resolve) => {
    let running = workers;
    let stopping = false;
    cluster.on('exit', () => {
      if (--running === 0) resolve(stopping ? 0 : 1);
      else if (!stopping) {
        // A worker that dies takes the others down: a half-served API is worse than a clear failure.
        stopping = true;
        for (const child of children) child.process.kill('SIGTERM');
      }
    });
    const stop = () => {
      stopping = true;
      for (const child of children) child.process.kill('SIGTERM');
      // A worker that does not finish its requests in time is ended.
      setTimeout(() => children.forEach((child) => child.process.kill('SIGKILL')), 5000).unref();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
