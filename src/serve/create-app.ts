// The HTTP API as a value: createApp(store, options) returns a Hono app that tests drive
// with app.request() and `form4 serve` hands to @hono/node-server. Parameters are checked
// against the route table's schemas before a handler runs; every error becomes JSON here.
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import type { Store } from '../store/store.ts';
import { ApiError } from './api-error.ts';
import { openApiDocument } from './openapi.ts';
import { routes, type AppOptions, type Route } from './routes.ts';
import { findUiDir, mountUi } from './ui.ts';

export const VERSION = '0.1.0';
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export type { AppOptions };

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const app = new Hono();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  let document: Record<string, unknown> | undefined;

  app.onError((error, c) => respond(c, toApiError(error)));
  app.notFound((c) => respond(c, new ApiError(404, 'NOT_FOUND', `No endpoint ${c.req.method} ${new URL(c.req.url).pathname}; see /api/openapi.json.`)));

  app.get('/api/openapi.json', (c) => c.json((document ??= openApiDocument(routes, VERSION))));
  for (const route of routes) {
    const handler = async (c: Context) => {
      const input = {
        store,
        options,
        c,
        params: check(route.params, c.req.param(), 'path'),
        query: check(route.query, c.req.query(), 'query'),
      };
      const result = await route.handle(input);
      return result instanceof Response ? result : c.json(result as object);
    };
    if (route.body) {
      const limit = bodyLimit({
        maxSize: maxBodyBytes,
        onError: () => {
          throw new ApiError(413, 'BODY_TOO_LARGE', `The body is larger than this server accepts (${maxBodyBytes} bytes).`, { maxBytes: maxBodyBytes });
        },
      });
      app.on(route.method.toUpperCase(), route.path, limit, handler);
    } else {
      app.on(route.method.toUpperCase(), route.path, handler);
    }
  }
  // An unknown /api/ path is a 404 of the API even when a UI would take every other path.
  app.all('/api/*', (c) => respond(c, new ApiError(404, 'NOT_FOUND', `No endpoint ${c.req.method} ${new URL(c.req.url).pathname}; see /api/openapi.json.`)));
  mountUi(app, options.uiDir === undefined ? findUiDir() : options.uiDir === null ? null : findUiDir(options.uiDir));
  return app;
}

/** Parameters through their schema; a route without one takes none. */
function check(schema: Route['query'], values: Record<string, string>, where: 'query' | 'path'): unknown {
  if (!schema) {
    const extra = Object.keys(values);
    if (extra.length && where === 'query') {
      throw new ApiError(400, 'INVALID_PARAMETER', `query parameter "${extra[0]}": this endpoint takes no parameters`, extra.map((p) => ({ parameter: p, in: where, code: 'unrecognized_keys', message: 'not a parameter of this endpoint' })));
    }
    return {};
  }
  const parsed = schema.safeParse(values);
  if (!parsed.success) throw ApiError.invalid(where, parsed.error);
  return parsed.data;
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof HTTPException) {
    const status = error.status;
    const known = status === 400 || status === 401 || status === 403 || status === 404 || status === 413 || status === 415 ? status : 500;
    return new ApiError(known, known === 413 ? 'BODY_TOO_LARGE' : known === 500 ? 'INTERNAL' : 'BAD_REQUEST', error.message || 'bad request');
  }
  // Not the client's doing: logged here, answered without internals.
  console.error(error);
  return new ApiError(500, 'INTERNAL', 'The server failed to answer; the error is in its log.');
}

function respond(c: Context, error: ApiError): Response {
  const headers: Record<string, string> = {};
  if (error.status === 401) headers['www-authenticate'] = 'Bearer realm="form4"';
  return c.json(error.toJSON(), error.status, headers);
}
