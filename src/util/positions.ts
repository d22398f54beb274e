// Turns character offsets into 1-based line/column points, lazily: readers keep
// offsets on their hot path and only pay for lines when an issue is reported.
import type { Point, Span } from '../record/schema.ts';

export class Positions {
  readonly #text: string;
  #lineStarts: number[] | null = null;

  constructor(text: string) {
    this.#text = text;
  }

  point(offset: number): Point {
    const starts = (this.#lineStarts ??= lineStarts(this.#text));
    // Binary search for the last line start <= offset.
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (starts[lo] as number) + 1, offset };
  }

  span(start: number, end: number): Span {
    return { start: this.point(start), end: this.point(end) };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  let i = text.indexOf('\n');
  while (i !== -1) {
    starts.push(i + 1);
    i = text.indexOf('\n', i + 1);
  }
  return starts;
}
