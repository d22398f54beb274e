// ─── WEB UI PLUG-IN POINT ─────────────────────────────────────────────────────────────
// The web UI (src/ui/, built by its own session) is served from the same server, at /.
// Whatever its build writes to dist/ui/ or src/ui/dist/ (an index.html and its assets) is
// served as static files; paths without a file extension that match no file get
// index.html, so the UI can route on the client. With no build present, / is a small page
// that points at the API. Nothing else in the server needs to change for the UI.
// ───────────────────────────────────────────────────────────────────────────────────────
import { existsSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { ApiError } from './api-error.ts';

const packageRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The UI build to serve: `explicit` if given, else dist/ui or src/ui/dist, whichever has an index.html. */
export function findUiDir(explicit?: string | null): string | null {
  const candidates = explicit ? [resolve(explicit)] : [join(packageRoot, 'dist/ui'), join(packageRoot, 'src/ui/dist')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? null;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json',
};

/** Registers GET / and the UI's files on `app`; call after the API routes. */
export function mountUi(app: Hono, uiDir: string | null): void {
  if (uiDir === null) {
    app.get('/', (c) => c.html(PLACEHOLDER));
    return;
  }
  const root = resolve(uiDir);
  app.get('*', async (c) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(c.req.url).pathname);
    } catch {
      throw new ApiError(400, 'INVALID_PATH', 'The path is not valid percent-encoding.');
    }
    const file = resolve(root, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    if (file !== root && !file.startsWith(root + sep)) throw new ApiError(404, 'NOT_FOUND', `No such file: ${path}`);
    const found = await stat(file).then((s) => s.isFile(), () => false);
    const served = found ? file : extname(path) === '' ? join(root, 'index.html') : null;
    if (served === null) throw new ApiError(404, 'NOT_FOUND', `No such file: ${path}`);
    return new Response(await readFile(served), {
      headers: { 'content-type': TYPES[extname(served)] ?? 'application/octet-stream', 'x-content-type-options': 'nosniff' },
    });
  });
}

const PLACEHOLDER = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>form4</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:42rem;margin:3rem auto;padding:0 1rem}code{background:#f3f3f3;padding:0 .2em}</style>
</head>
<body>
<h1>form4</h1>
<p>SEC insider filings (Forms 3, 4 and 5) from this store. The web UI is not built here; the API is.</p>
<ul>
<li><a href="/api/openapi.json">/api/openapi.json</a> — every endpoint and parameter (OpenAPI 3.1)</li>
<li><a href="/api/stats">/api/stats</a> — what the store holds</li>
<li><a href="/api/filings">/api/filings</a> — the latest filings</li>
<li><a href="/api/clusters">/api/clusters</a> — cluster buying</li>
</ul>
</body>
</html>
`;
