// A local stand-in for www.sec.gov and data.sec.gov: serves the real recorded responses in
// test/fixtures/edgar by URL path, answers like EDGAR for what it does not have, and plays
// scripted faults (429, 503, the SEC's throttle page, a hang, a truncated body) per path.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = fileURLToPath(new URL('../fixtures/edgar/', import.meta.url));

export type Fault =
  | { kind: 'status'; status: number; headers?: Record<string, string>; body?: string }
  /** The SEC's "Request Rate Threshold Exceeded" page, HTTP 403 (or `status`). */
  | { kind: 'throttle'; status?: number; headers?: Record<string, string> }
  /** The "Undeclared Automated Tool" page, HTTP 403. */
  | { kind: 'undeclared' }
  /** Accepts the request and never answers. */
  | { kind: 'hang' }
  /** Drops the connection without answering (a network error). */
  | { kind: 'reset' }
  /** Declares the whole length, sends half of the body, then drops the connection. */
  | { kind: 'truncate' };

export interface RecordedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  /** performance.now() when the request arrived. */
  at: number;
  status: number;
}

export interface EdgarReplay {
  /** http://127.0.0.1:PORT: use as both the www.sec.gov and the data.sec.gov base. */
  url: string;
  requests: RecordedRequest[];
  /** The next responses for `path`, in order; then the recorded one again. */
  fault(path: string, ...faults: Fault[]): void;
  /** Adds or replaces a route (a body served as if recorded). */
  route(path: string, body: Uint8Array | string, contentType?: string): void;
  /** Requests whose path is `path` (or matches it). */
  requestsFor(path: string | RegExp): RecordedRequest[];
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Fri, 09 Jun 2023 22:01:17 GMT';
const types: Record<string, string> = { json: 'application/json', txt: 'text/plain', idx: 'text/plain', gz: 'application/x-gzip', html: 'text/html', xml: 'application/xml' };

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
}

/** URL path → file, for both hosts (their paths do not overlap). Full submissions are also found by accession number alone, as EDGAR serves them under every filer's CIK. */
function routeTable(): { routes: Map<string, Uint8Array>; byAccession: Map<string, Uint8Array> } {
  const routes = new Map<string, Uint8Array>();
  const byAccession = new Map<string, Uint8Array>();
  for (const host of ['www.sec.gov', 'data.sec.gov']) {
    for (const file of walk(join(FIXTURES, host))) {
      const path = '/' + relative(join(FIXTURES, host), file).split(sep).join('/');
      const body = readFileSync(file);
      routes.set(path, body);
      const accession = /\/(\d{10}-\d{2}-\d{6})\.txt$/.exec(path);
      if (accession) byAccession.set(accession[1]!, body);
    }
  }
  return { routes, byAccession };
}

const errorPage = (name: string) => readFileSync(join(FIXTURES, 'errors', name));

export async function startEdgarReplay(): Promise<EdgarReplay> {
  const { routes, byAccession } = routeTable();
  const contentTypes = new Map<string, string>();
  const faults = new Map<string, Fault[]>();
  const requests: RecordedRequest[] = [];

  const send = (res: ServerResponse, status: number, body: Uint8Array, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-length': String(body.length), ...headers });
    res.end(body);
  };

  const handle = (req: IncomingMessage, res: ServerResponse, record: RecordedRequest) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const fault = faults.get(path)?.shift();
    if (fault) {
      switch (fault.kind) {
        case 'status':
          record.status = fault.status;
          // EDGAR's own 503 page when no body is scripted.
          return send(res, fault.status, fault.body === undefined && fault.status === 503 ? errorPage('503.html') : Buffer.from(fault.body ?? ''), {
            'content-type': 'text/html',
            ...fault.headers,
          });
        case 'throttle':
          record.status = fault.status ?? 403;
          return send(res, record.status, errorPage('rate-exceeded.html'), { 'content-type': 'text/html', ...fault.headers });
        case 'undeclared':
          record.status = 403;
          return send(res, 403, errorPage('undeclared-automated-tool.html'), { 'content-type': 'text/html' });
        case 'hang':
          record.status = 0;
          return;
        case 'reset':
          record.status = 0;
          req.socket.destroy();
          return;
        case 'truncate': {
          const body = lookup(path) ?? Buffer.from('x'.repeat(1000));
          record.status = 200;
          res.writeHead(200, { 'content-length': String(body.length), 'content-type': 'text/plain' });
          res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
          return;
        }
      }
    }
    const body = lookup(path);
    if (!body) {
      // What EDGAR answers: S3's AccessDenied (403) for an index file that does not exist
      // (yet), NoSuchKey (404) for other files.
      if (/^\/Archives\/edgar\/(daily|full)-index\//.test(path)) {
        record.status = 403;
        return send(res, 403, errorPage('www.sec.gov-403-AccessDenied.xml'), { 'content-type': 'application/xml' });
      }
      record.status = 404;
      const page = path.startsWith('/Archives/') ? 'www.sec.gov-404-NoSuchKey.xml' : 'data.sec.gov-404-NoSuchKey.xml';
      return send(res, 404, errorPage(page), { 'content-type': 'application/xml' });
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === LAST_MODIFIED) {
      record.status = 304;
      res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
      return res.end();
    }
    record.status = 200;
    const type = contentTypes.get(path) ?? types[path.split('.').pop() ?? ''] ?? 'application/octet-stream';
    send(res, 200, body, { 'content-type': type, etag, 'last-modified': LAST_MODIFIED });
  };

  const lookup = (path: string): Uint8Array | undefined => {
    const direct = routes.get(path);
    if (direct) return direct;
    const accession = /^\/Archives\/edgar\/data\/\d+\/(?:\d{18}\/)?(\d{10}-\d{2}-\d{6})\.txt$/.exec(path);
    return accession ? byAccession.get(accession[1]!) : undefined;
  };

  const server = createServer((req, res) => {
    const record: RecordedRequest = { path: req.url ?? '/', headers: req.headers, at: performance.now(), status: 0 };
    requests.push(record);
    handle(req, res, record);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    fault(path, ...list) {
      faults.set(path, [...(faults.get(path) ?? []), ...list]);
    },
    route(path, body, contentType) {
      routes.set(path, typeof body === 'string' ? Buffer.from(body) : body);
      if (contentType) contentTypes.set(path, contentType);
    },
    requestsFor(path) {
      return requests.filter((r) => (typeof path === 'string' ? r.path === path : path.test(r.path)));
    },
    close() {
      server.closeAllConnections();
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
