// Finds a printed label in text that extraction has damaged ("Tal ole I - Non-De erivativ"):
// both sides are reduced to lowercase letters and digits, then matched with edit distance.

/** `text` reduced to [a-z0-9], with each kept character's offset in `text`. */
export function normalize(text: string): { chars: string; at: number[] } {
  let chars = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
      chars += text[i];
      at.push(i);
    } else if (c >= 65 && c <= 90) {
      chars += String.fromCharCode(c + 32);
      at.push(i);
    }
  }
  return { chars, at };
}

export interface FuzzyHit {
  /** Offsets in the original text of the first and after the last matched character. */
  start: number;
  end: number;
  errors: number;
}

/**
 * Best approximate occurrence of `needle` (already normalized) in `text`, allowing at most
 * `maxErrorRate × needle.length` edits (Sellers' algorithm: O(text × needle), run only when
 * the exact labels were not found).
 */
export function fuzzyFind(text: string, needle: string, maxErrorRate = 0.2): FuzzyHit | null {
  const { chars, at } = normalize(text);
  const m = needle.length;
  if (m === 0 || chars.length === 0) return null;
  const limit = Math.floor(m * maxErrorRate);
  // col[i] = edits to match needle[0..i) ending at the current text position; starts free anywhere.
  let prev = new Int32Array(m + 1);
  let cur = new Int32Array(m + 1);
  let startPrev = new Int32Array(m + 1);
  let startCur = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best: { end: number; start: number; errors: number } | null = null;
  for (let j = 1; j <= chars.length; j++) {
    cur[0] = 0;
    startCur[0] = j;
    const c = chars.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const sub = (prev[i - 1] as number) + (needle.charCodeAt(i - 1) === c ? 0 : 1);
      const del = (prev[i] as number) + 1;
      const ins = (cur[i - 1] as number) + 1;
      let v = sub;
      let s = i === 1 ? j - 1 : (startPrev[i - 1] as number);
      if (del < v) {
        v = del;
        s = startPrev[i] as number;
      }
      if (ins < v) {
        v = ins;
        s = startCur[i - 1] as number;
      }
      cur[i] = v;
      startCur[i] = s;
    }
    const e = cur[m] as number;
    if (e <= limit && (best === null || e < best.errors)) best = { end: j, start: startCur[m] as number, errors: e };
    [prev, cur] = [cur, prev];
    [startPrev, startCur] = [startCur, startPrev];
  }
  if (!best) return null;
  const first = at[Math.min(best.start, at.length - 1)] as number;
  const last = at[best.end - 1] as number;
  return { start: first, end: last + 1, errors: best.errors };
}
