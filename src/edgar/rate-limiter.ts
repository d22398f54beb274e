// A token bucket that spaces requests to EDGAR, shared by every request of the process,
// and a pause that stops all of them at once when the SEC says we are going too fast.
//
// The SEC's limit (10 requests per second) is per client, not per connection: concurrent
// downloads must draw from one bucket, so the client uses `processRateLimiter` unless
// it is handed its own. Several processes on one machine each get their own bucket and
// must share the limit by being given lower rates.

export interface RateLimiterOptions {
  /** Requests per second, on average and over any window of one second. */
  perSecond: number;
  /** Requests that may go back to back after a quiet spell (1: always evenly spaced). */
  burst?: number;
}

export class RateLimiter {
  readonly perSecond: number;
  readonly #interval: number;
  readonly #burst: number;
  /** When the next request may start if the bucket were empty (the "theoretical arrival time"). */
  #next = 0;
  #resumeAt = 0;

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new RangeError(`requests per second must be positive, not ${options.perSecond}`);
    this.perSecond = options.perSecond;
    this.#interval = 1000 / options.perSecond;
    this.#burst = Math.max(1, Math.floor(options.burst ?? 1));
  }

  /** Waits until one more request may start. Callers are served in the order they call. */
  async acquire(): Promise<void> {
    for (;;) {
      const now = performance.now();
      // Reserve a slot before sleeping, so that concurrent callers queue up behind each other.
      const due = Math.max(this.#next, now, this.#resumeAt);
      const start = Math.max(now, this.#resumeAt, due - (this.#burst - 1) * this.#interval);
      this.#next = due + this.#interval;
      if (start > now) await sleep(start - now);
      // A pause may have begun while we slept (another request was throttled): wait it out too.
      if (performance.now() >= this.#resumeAt) return;
    }
  }

  /** Holds every request of the process for `ms` from now (never shortens a pause under way). */
  pause(ms: number): void {
    this.#resumeAt = Math.max(this.#resumeAt, performance.now() + ms);
  }

  /** Milliseconds left of the current pause (0 when none). */
  get pausedFor(): number {
    return Math.max(0, this.#resumeAt - performance.now());
  }
}

export const SEC_MAX_REQUESTS_PER_SECOND = 10;

/** The bucket every EdgarClient of this process shares unless given another one. */
export const processRateLimiter = new RateLimiter({ perSecond: SEC_MAX_REQUESTS_PER_SECOND });

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason as Error);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
