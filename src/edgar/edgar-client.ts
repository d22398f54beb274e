// A polite HTTP client for EDGAR on global fetch: a declared User-Agent, the SEC's rate
// limit, retries with backoff on throttling and failures, conditional requests and a disk cache.
import { processRateLimiter, sleep, type RateLimiter } from './rate-limiter.ts';
import { ResponseCache, sha256, type CacheEntry } from './response-cache.ts';

export type EdgarErrorCode =
  | 'USER_AGENT_MISSING'
  | 'USER_AGENT_REFUSED'
  | 'NOT_FOUND'
  | 'THROTTLED'
  | 'UNAVAILABLE'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'TRUNCATED'
  | 'HTTP_STATUS'
  | 'BAD_RESPONSE';

export class EdgarError extends Error {
  override name = 'EdgarError';
  readonly code: EdgarErrorCode;
  readonly url: string | null;
  readonly status: number | null;

  constructor(code: EdgarErrorCode, message: string, details: { url?: string; status?: number } = {}) {
    super(message);
    this.code = code;
    this.url = details.url ?? null;
    this.status = details.status ?? null;
  }
}

export const USER_AGENT_ENV = 'FORM4_USER_AGENT';

/**
 * The SEC asks automated clients to declare themselves ("Sample Company Name
 * AdminContact@sample.com") and answers anonymous ones with its "Undeclared Automated
 * Tool" page. We refuse to start without a name and an e-mail rather than get blocked.
 */
export function checkUserAgent(value: string | undefined): string {
  const trimmed = value?.trim() ?? '';
  const hint =
    `set ${USER_AGENT_ENV}="Your Name you@example.com" or pass --user-agent "Your Name you@example.com" ` +
    `(the SEC requires every automated client to declare who it is and a contact e-mail)`;
  if (trimmed === '') throw new EdgarError('USER_AGENT_MISSING', `no User-Agent for EDGAR: ${hint}`);
  if (!/[^\s@]+@[^\s@]+\.[^\s@]+/.test(trimmed)) throw new EdgarError('USER_AGENT_MISSING', `the User-Agent "${trimmed}" has no contact e-mail: ${hint}`);
  if (!/\S+\s+\S/.test(trimmed)) throw new EdgarError('USER_AGENT_MISSING', `the User-Agent "${trimmed}" has no name beside the e-mail: ${hint}`);
  return trimmed;
}

/** The real origins; `wwwBase` / `dataBase` replace them (the tests' replay server). */
export const EDGAR_WWW = 'https://www.sec.gov';
export const EDGAR_DATA = 'https://data.sec.gov';

export interface EdgarClientOptions {
  /** "Name email@example.com"; checked by checkUserAgent. */
  userAgent: string | undefined;
  wwwBase?: string;
  dataBase?: string;
  /** Folder for the response cache; null keeps nothing on disk. */
  cacheDir?: string | null;
  /** Default: the process-wide bucket at 10 requests per second. */
  rateLimiter?: RateLimiter;
  /** Per attempt, headers and body together (default 30 s). */
  timeoutMs?: number;
  /** Retries after the first attempt (default 6). */
  maxRetries?: number;
  /** The first retry waits between half of this and all of it; each later one twice as long (default 1 s). */
  backoffMs?: number;
  /** The longest wait between two attempts from backoff alone (default 60 s). */
  maxBackoffMs?: number;
  /** How long every request of the process stops after the SEC's "Request Rate Threshold Exceeded" page (default 60 s). */
  throttlePauseMs?: number;
  /** A Retry-After longer than this is not waited for: the request fails (default 15 min). */
  maxRetryAfterMs?: number;
  /** Told about each retry before its wait (for logs). */
  onRetry?: (retry: RetryNotice) => void;
}

export interface RetryNotice {
  url: string;
  /** 1 for the first retry. */
  retry: number;
  of: number;
  code: EdgarErrorCode;
  reason: string;
  delayMs: number;
}

/**
 * - immutable: a cached body is used without asking (filings never change once accepted);
 * - revalidate: asked again with If-None-Match / If-Modified-Since, a 304 reuses the cached body;
 * - none: always downloaded, nothing cached.
 */
export type CachePolicy = 'immutable' | 'revalidate' | 'none';

export interface EdgarResponse {
  /** The EDGAR URL asked for (the real origin, whatever base the client uses). */
  url: string;
  body: Uint8Array;
  sha256: string;
  /** network: downloaded; cache: not asked; revalidated: 304 Not Modified, cached body. */
  from: 'network' | 'cache' | 'revalidated';
}

type Attempt =
  | { done: EdgarResponse }
  | { retry: { code: EdgarErrorCode; reason: string; status?: number; retryAfterMs?: number | null; throttle?: boolean; dropConditional?: boolean } };

const BODY_SNIFF_BYTES = 64 * 1024;

export class EdgarClient {
  readonly userAgent: string;
  readonly cache: ResponseCache | null;
  readonly #www: string;
  readonly #data: string;
  readonly #limiter: RateLimiter;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #backoffMs: number;
  readonly #maxBackoffMs: number;
  readonly #throttlePauseMs: number;
  readonly #maxRetryAfterMs: number;
  readonly #onRetry: ((retry: RetryNotice) => void) | undefined;
  /** HTTP requests sent (attempts, retries included). */
  requests = 0;

  constructor(options: EdgarClientOptions) {
    this.userAgent = checkUserAgent(options.userAgent);
    this.#www = (options.wwwBase ?? EDGAR_WWW).replace(/\/+$/, '');
    this.#data = (options.dataBase ?? EDGAR_DATA).replace(/\/+$/, '');
    this.cache = options.cacheDir === null ? null : new ResponseCache(options.cacheDir);
    this.#limiter = options.rateLimiter ?? processRateLimiter;
    this.#timeoutMs = options.timeoutMs ?? 30_000;
    this.#maxRetries = options.maxRetries ?? 6;
    this.#backoffMs = options.backoffMs ?? 1000;
    this.#maxBackoffMs = options.maxBackoffMs ?? 60_000;
    this.#throttlePauseMs = options.throttlePauseMs ?? 60_000;
    this.#maxRetryAfterMs = options.maxRetryAfterMs ?? 15 * 60_000;
    this.#onRetry = options.onRetry;
  }

  /** Where a real EDGAR URL is actually fetched from. */
  resolve(url: string): string {
    if (url.startsWith(EDGAR_WWW + '/')) return this.#www + url.slice(EDGAR_WWW.length);
    if (url.startsWith(EDGAR_DATA + '/')) return this.#data + url.slice(EDGAR_DATA.length);
    throw new EdgarError('HTTP_STATUS', `not an EDGAR URL: ${url}`, { url });
  }

  /** GETs an EDGAR URL (https://www.sec.gov/... or https://data.sec.gov/...). Throws EdgarError. */
  async get(url: string, options: { cache?: CachePolicy } = {}): Promise<EdgarResponse> {
    const policy = options.cache ?? 'revalidate';
    const target = this.resolve(url);
    let entry = policy !== 'none' && this.cache ? await this.cache.lookup(url) : null;
    if (entry && policy === 'immutable') {
      const body = await this.cache!.body(entry);
      if (body) return { url, body, sha256: entry.sha256, from: 'cache' };
      entry = null;
    }
    for (let attempt = 0; ; attempt++) {
      await this.#limiter.acquire();
      const outcome = await this.#attempt(url, target, entry, policy);
      if ('done' in outcome) return outcome.done;
      const { code, reason, status, retryAfterMs, throttle, dropConditional } = outcome.retry;
      if (dropConditional) entry = null;
      if (attempt >= this.#maxRetries) {
        throw new EdgarError(code, `${reason} (GET ${url}; gave up after ${attempt + 1} attempts)`, { url, ...(status === undefined ? {} : { status }) });
      }
      if (retryAfterMs != null && retryAfterMs > this.#maxRetryAfterMs) {
        throw new EdgarError(code, `${reason} (GET ${url}); EDGAR asks to wait ${Math.round(retryAfterMs / 1000)} s, more than we wait: try again later`, {
          url,
          ...(status === undefined ? {} : { status }),
        });
      }
      let delayMs = dropConditional ? 0 : this.backoff(attempt);
      if (throttle) delayMs = Math.max(delayMs, retryAfterMs ?? this.#throttlePauseMs);
      else if (retryAfterMs != null) delayMs = Math.max(delayMs, retryAfterMs);
      // Throttling is about the whole process, not this URL: every request waits.
      if (throttle) this.#limiter.pause(delayMs);
      this.#onRetry?.({ url, retry: attempt + 1, of: this.#maxRetries, code, reason, delayMs });
      await sleep(delayMs);
    }
  }

  /** Exponential backoff with "equal jitter": between half and all of backoffMs × 2^attempt. */
  backoff(attempt: number): number {
    const ceiling = Math.min(this.#maxBackoffMs, this.#backoffMs * 2 ** attempt);
    return ceiling / 2 + Math.random() * (ceiling / 2);
  }

  async #attempt(url: string, target: string, entry: CacheEntry | null, policy: CachePolicy): Promise<Attempt> {
    const headers: Record<string, string> = { 'user-agent': this.userAgent };
    if (entry?.etag) headers['if-none-match'] = entry.etag;
    if (entry?.lastModified) headers['if-modified-since'] = entry.lastModified;
    this.requests++;
    let response: Response;
    try {
      response = await fetch(target, { headers, signal: AbortSignal.timeout(this.#timeoutMs) });
    } catch (error) {
      return failed(error, 'NETWORK', this.#timeoutMs);
    }
    const status = response.status;
    if (status === 304) {
      await response.body?.cancel();
      const body = entry && this.cache ? await this.cache.body(entry) : null;
      if (!entry || !body) return { retry: { code: 'BAD_RESPONSE', reason: '304 Not Modified but nothing cached', status, dropConditional: true } };
      await this.cache!.touch(entry);
      return { done: { url, body, sha256: entry.sha256, from: 'revalidated' } };
    }
    let body: Uint8Array;
    try {
      body = new Uint8Array(await response.arrayBuffer());
    } catch (error) {
      // The connection closed (or the time ran out) in the middle of the body.
      return failed(error, 'TRUNCATED', this.#timeoutMs);
    }
    const declared = response.headers.get('content-length');
    const encoding = response.headers.get('content-encoding');
    // With a content-encoding the declared length is of the compressed bytes: fetch checks those.
    if (declared !== null && (encoding === null || encoding === 'identity') && Number(declared) !== body.length) {
      return { retry: { code: 'TRUNCATED', reason: `body cut short: ${body.length} of ${declared} bytes`, status } };
    }
    if (status >= 200 && status < 300) {
      const hash = sha256(body);
      if (this.cache && policy !== 'none') {
        await this.cache.put(url, body, { etag: response.headers.get('etag'), lastModified: response.headers.get('last-modified') });
      }
      return { done: { url, body, sha256: hash, from: 'network' } };
    }
    const text = new TextDecoder('latin1').decode(body.subarray(0, BODY_SNIFF_BYTES));
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'));
    if ((status === 403 || status === 429) && /Request Rate Threshold Exceeded/i.test(text)) {
      return { retry: { code: 'THROTTLED', reason: `HTTP ${status}: the SEC's "Request Rate Threshold Exceeded" page`, status, retryAfterMs, throttle: true } };
    }
    if (status === 403 && /Undeclared Automated Tool/i.test(text)) {
      throw new EdgarError(
        'USER_AGENT_REFUSED',
        `EDGAR refused the User-Agent "${this.userAgent}" as an undeclared automated tool (HTTP 403, GET ${url}): ` +
          `set ${USER_AGENT_ENV} to your name or company and a contact e-mail, e.g. "Jane Doe jane@example.com"`,
        { url, status },
      );
    }
    if (status === 429) return { retry: { code: 'THROTTLED', reason: 'HTTP 429 Too Many Requests', status, retryAfterMs, throttle: true } };
    // EDGAR's storage answers 403 AccessDenied, not 404, for a file that does not exist (yet).
    if (status === 404 || status === 410 || status === 403) {
      throw new EdgarError('NOT_FOUND', `EDGAR has no ${url} (HTTP ${status})`, { url, status });
    }
    if (status >= 500 || status === 408) return { retry: { code: 'UNAVAILABLE', reason: `HTTP ${status} ${response.statusText}`.trim(), status, retryAfterMs } };
    throw new EdgarError('HTTP_STATUS', `HTTP ${status} ${response.statusText} for GET ${url}`.trim(), { url, status });
  }
}

function failed(error: unknown, code: 'NETWORK' | 'TRUNCATED', timeoutMs: number): Attempt {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return { retry: { code: 'TIMEOUT', reason: `no complete answer within ${timeoutMs} ms` } };
  const detail = e.cause?.code ?? e.cause?.message ?? e.message;
  return { retry: { code, reason: code === 'TRUNCATED' ? `connection closed in the middle of the body (${detail})` : `network error (${detail})` } };
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}
