// Progress for long work: a bar redrawn in place on a terminal, plain lines every few
// seconds otherwise (logs, CI), always on standard error.

export interface ProgressView {
  done: number;
  total: number;
  /** What is counted for the rate ("filings"). */
  unit: string;
  count: number;
  seconds: number;
  detail?: string;
}

export class ProgressBar {
  readonly #stream: NodeJS.WriteStream;
  readonly #tty: boolean;
  #lastDraw = 0;
  #lastLine = 0;
  #drawn = false;

  constructor(stream: NodeJS.WriteStream = process.stderr) {
    this.#stream = stream;
    this.#tty = Boolean(stream.isTTY);
  }

  update(view: ProgressView): void {
    const now = Date.now();
    if (this.#tty) {
      if (now - this.#lastDraw < 100) return;
      this.#lastDraw = now;
      this.#stream.write(`\r${this.#line(view, this.#stream.columns ?? 80)}\x1b[K`);
      this.#drawn = true;
    } else if (now - this.#lastLine >= 5000) {
      this.#lastLine = now;
      this.#stream.write(this.#line(view, 0) + '\n');
    }
  }

  /** Clears the bar so that the summary starts on a clean line. */
  done(): void {
    if (this.#tty && this.#drawn) this.#stream.write('\r\x1b[K');
  }

  #line(view: ProgressView, columns: number): string {
    const fraction = view.total > 0 ? Math.min(1, view.done / view.total) : 0;
    const rate = view.seconds > 0 ? view.count / view.seconds : 0;
    const left = fraction > 0 && fraction < 1 ? (view.seconds / fraction) * (1 - fraction) : 0;
    const text = `${(fraction * 100).toFixed(0).padStart(3)}% ${view.count.toLocaleString('en-US')} ${view.unit} · ${Math.round(rate).toLocaleString('en-US')}/s · ${formatDuration(left)} left${view.detail ? ` · ${view.detail}` : ''}`;
    if (columns === 0) return text;
    const width = Math.max(10, Math.min(40, columns - text.length - 3));
    const filled = Math.round(fraction * width);
    return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${text}`.slice(0, columns - 1);
  }
}

export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const m = Math.floor(seconds / 60);
  if (m < 60) return `${m}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
