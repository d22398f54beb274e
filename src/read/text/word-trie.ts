// Words looked up where they stand in a line, character by character, with no string cut out
// of the line and hashed: a trie over the word characters [a-z0-9%] (a lowercased line's).
// The table heads (layout-table.ts) and the header's label pieces (read-header.ts) use it.

/** [a-z0-9%]: a word character of a lowercased line. */
export function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 37;
}

/** A word character's place in a trie node's row: a-z 0-25, 0-9 26-35, % 36. */
function symbolOf(c: number): number {
  return c >= 97 ? c - 97 : c === 37 ? 36 : c - 48 + 26;
}

const SYMBOLS = 37;

/**
 * Node k's child for symbol s is next[k * SYMBOLS + s], 0 for none (no child is the root);
 * ends[k] says a word ends at node k.
 */
export interface WordTrie {
  readonly next: Int32Array;
  readonly ends: Uint8Array;
}

/** The trie of `words` (lowercase, made of word characters). */
export function wordTrie(words: Iterable<string>): WordTrie {
  const next: number[] = new Array<number>(SYMBOLS).fill(0);
  const ends: number[] = [0];
  for (const w of words) {
    let node = 0;
    for (let i = 0; i < w.length; i++) {
      const slot = node * SYMBOLS + symbolOf(w.charCodeAt(i));
      if (next[slot] === 0) {
        next[slot] = ends.length;
        ends.push(0);
        for (let s = 0; s < SYMBOLS; s++) next.push(0);
      }
      node = next[slot] as number;
    }
    ends[node] = 1;
  }
  return { next: Int32Array.from(next), ends: Uint8Array.from(ends) };
}

/** The node reached from `node` by word character `c`, or 0 when no word goes on so. */
export function trieStep(trie: WordTrie, node: number, c: number): number {
  return trie.next[node * SYMBOLS + symbolOf(c)] as number;
}
