// Raw EDGAR responses on disk, content-addressed: bodies are files named by their sha256,
// and a small index maps each URL to {sha256, etag, lastModified, fetchedAt}.
//
//   DIR/objects/3f/3fa9...e1        the body, byte for byte as received
//   DIR/urls/9c/9c41...07.json      {"url", "sha256", "etag", "lastModified", "fetchedAt"}
//
// One index file per URL (named by the sha256 of the URL) rather than one big index, so
// that concurrent downloads and a killed process never corrupt each other's entries;
// every file is written to a temporary name and renamed into place.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const DEFAULT_CACHE_DIR = './.form4-cache';

export interface CacheEntry {
  url: string;
  sha256: string;
  etag: string | null;
  lastModified: string | null;
  fetchedAt: string;
}

export class ResponseCache {
  readonly dir: string;

  constructor(dir: string = DEFAULT_CACHE_DIR) {
    this.dir = dir;
  }

  /** The index entry for a URL, or null when it was never fetched (or its body is gone). */
  async lookup(url: string): Promise<CacheEntry | null> {
    const text = await readFile(this.#indexPath(url), 'utf8').catch(() => null);
    if (text === null) return null;
    let entry: CacheEntry;
    try {
      entry = JSON.parse(text) as CacheEntry;
    } catch {
      return null;
    }
    if (entry.url !== url || !/^[0-9a-f]{64}$/.test(entry.sha256)) return null;
    const body = await stat(this.objectPath(entry.sha256)).catch(() => null);
    return body ? entry : null;
  }

  /** The cached body of an entry; null when the file is missing or no longer matches its hash. */
  async body(entry: CacheEntry): Promise<Uint8Array | null> {
    const bytes = await readFile(this.objectPath(entry.sha256)).catch(() => null);
    if (bytes === null || sha256(bytes) !== entry.sha256) return null;
    return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  /** Stores a body (once per content) and points the URL at it. */
  async put(url: string, body: Uint8Array, meta: { etag: string | null; lastModified: string | null }): Promise<CacheEntry> {
    const hash = sha256(body);
    const object = this.objectPath(hash);
    if (!(await stat(object).catch(() => null))) await writeAtomically(object, body);
    const entry: CacheEntry = { url, sha256: hash, etag: meta.etag, lastModified: meta.lastModified, fetchedAt: new Date().toISOString() };
    await writeAtomically(this.#indexPath(url), JSON.stringify(entry) + '\n');
    return entry;
  }

  /** Records that a URL was checked again and had not changed (after a 304). */
  async touch(entry: CacheEntry): Promise<CacheEntry> {
    const updated = { ...entry, fetchedAt: new Date().toISOString() };
    await writeAtomically(this.#indexPath(entry.url), JSON.stringify(updated) + '\n');
    return updated;
  }

  objectPath(hash: string): string {
    return join(this.dir, 'objects', hash.slice(0, 2), hash);
  }

  #indexPath(url: string): string {
    const hash = sha256(url);
    return join(this.dir, 'urls', hash.slice(0, 2), `${hash}.json`);
  }
}

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function writeAtomically(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
