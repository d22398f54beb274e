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
  /**
   * When the next request may start if the bucket were empty (the "theoretical arrival time"),
   * advanced from the time a request really starts, not from when its timer was due.
   */
  #tat = 0;
  #resumeAt = 0;
  /** The last caller's turn: each waits for the one before it, so callers are served in order. */
  #queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions) {
    if (!(options.perSecond > 0)) throw new RangeError(`requests per second must be positive, not ${options.perSecond}`);
    this.perSecond = options.perSecond;
    this.#interval = 1000 / options.perSecond;
    this.#burst = Math.max(1, Math.floor(options.burst ?? 1));
  }

  /** Waits until one more request may start. Callers are served in the order they call. */
  acquire(): Promise<void> {
    const turn = this.#queue.then(() => this.#take());
    this.#queue = turn;
    return turn;
  }

  /**
   * One caller at a time: sleeps until the bucket has a token, then takes it at the time it
   * really wakes. A timer that fires late (a busy event loop) only delays the requests after
   * it: they are never let out together to make up for it. Requests start at least
   * 1/perSecond apart (`burst` of them back to back after a quiet spell).
   */
  async #take(): Promise<void> {
    for (;;) {
      const now = performance.now();
      const start = Math.max(now, this.#resumeAt, this.#tat - (this.#burst - 1) * this.#interval);
      if (start > now) {
        // Checked again on waking: a pause may have begun meanwhile (another request was throttled).
        await sleep(start - now);
        continue;
      }
      this.#tat = Math.max(this.#tat, now) + this.#interval;
      return;
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
