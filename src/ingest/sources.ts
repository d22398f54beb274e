// Everything `form4 ingest` can be pointed at, as one stream of entries: files, folders
// (recursively, in name order) and tar archives, gzipped or not, recognised by content.
import { createReadStream } from 'node:fs';
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import tar from 'tar-stream';

export type Entry =
  | { name: string; bytes: Uint8Array }
  | { name: string; tooLarge: number }
  | { name: string; unreadable: string };

export interface SourceOptions {
  maxBytes: number;
  /** Called with the number of bytes read from disk, as they are read. */
  onBytes?: (n: number) => void;
}

/** Total bytes on disk under the given paths (for progress); missing paths count 0. */
export async function totalBytes(paths: string[]): Promise<number> {
  let total = 0;
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (!info) continue;
    if (info.isDirectory()) {
      const entries = await readdir(path, { withFileTypes: true });
      total += await totalBytes(entries.filter((e) => !e.name.startsWith('.')).map((e) => join(path, e.name)));
    } else total += info.size;
  }
  return total;
}

export async function* readEntries(paths: string[], options: SourceOptions): AsyncGenerator<Entry> {
  for (const path of paths) yield* readPath(path, options);
}

async function* readPath(path: string, options: SourceOptions): AsyncGenerator<Entry> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    yield { name: path, unreadable: info.code === 'ENOENT' ? 'no such file or folder' : info.message };
    return;
  }
  if (info.isDirectory()) {
    const entries = (await readdir(path, { withFileTypes: true }))
      .filter((e) => !e.name.startsWith('.'))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) yield* readPath(join(path, e.name), options);
    return;
  }
  const kind = await sniff(path);
  if (kind === 'gzip' || kind === 'tar') {
    yield* readArchive(path, kind, options);
    return;
  }
  if (info.size > options.maxBytes) {
    options.onBytes?.(info.size);
    yield { name: path, tooLarge: info.size };
    return;
  }
  const handle = await open(path, 'r');
  try {
    const bytes = await handle.readFile();
    options.onBytes?.(bytes.length);
    yield { name: path, bytes };
  } finally {
    await handle.close();
  }
}

/** gzip by its magic number; tar by "ustar" at offset 257. */
async function sniff(path: string): Promise<'gzip' | 'tar' | 'file'> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    if (bytesRead >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
    if (bytesRead >= 262 && head.toString('latin1', 257, 262) === 'ustar') return 'tar';
    return 'file';
  } finally {
    await handle.close();
  }
}

async function* readArchive(path: string, kind: 'gzip' | 'tar', options: SourceOptions): AsyncGenerator<Entry> {
  const file = createReadStream(path, { highWaterMark: 1 << 20 });
  file.on('data', (chunk) => options.onBytes?.(chunk.length));
  if (kind === 'tar') {
    yield* tarEntries(path, file, options);
    return;
  }
  const gunzip = file.pipe(createGunzip());
  file.on('error', (e) => gunzip.destroy(e));
  const chunks = gunzip[Symbol.asyncIterator]();
  const rest: AsyncIterable<unknown> = { [Symbol.asyncIterator]: () => chunks };
  let start: Buffer;
  try {
    // Read until the tar magic could be seen: a gzip holds a tar archive or a single filing.
    const head: Buffer[] = [];
    let length = 0;
    while (length < 262) {
      const next = await chunks.next();
      if (next.done) break;
      head.push(next.value as Buffer);
      length += (next.value as Buffer).length;
    }
    start = Buffer.concat(head);
  } catch (error) {
    yield { name: path, unreadable: `the gzip file is damaged: ${(error as Error).message}` };
    return;
  }
  try {
    if (start.length >= 262 && start.toString('latin1', 257, 262) === 'ustar') {
      yield* tarEntries(path, Readable.from(prepend(start, rest)), options);
    } else {
      yield* gunzippedFile(path, start, rest, options);
    }
  } finally {
    file.destroy();
  }
}

async function* prepend(head: Buffer, rest: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  yield head;
  for await (const chunk of rest) yield chunk as Buffer;
}

async function* gunzippedFile(path: string, head: Buffer, rest: AsyncIterable<unknown>, options: SourceOptions): AsyncGenerator<Entry> {
  const chunks = [head];
  let size = head.length;
  try {
    for await (const chunk of rest) {
      size += (chunk as Buffer).length;
      if (size > options.maxBytes) {
        yield { name: path, tooLarge: size };
        return;
      }
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    yield { name: path, unreadable: `the gzip file is damaged: ${(error as Error).message}` };
    return;
  }
  yield { name: path, bytes: Buffer.concat(chunks) };
}

async function* tarEntries(path: string, stream: Readable, options: SourceOptions): AsyncGenerator<Entry> {
  const extract = tar.extract();
  stream.on('error', (e) => extract.destroy(e));
  stream.pipe(extract);
  try {
    for await (const entry of extract) {
      const name = `${path}#${entry.header.name}`;
      if (entry.header.type !== 'file') {
        entry.resume();
        continue;
      }
      if ((entry.header.size ?? 0) > options.maxBytes) {
        entry.resume();
        yield { name, tooLarge: entry.header.size ?? 0 };
        continue;
      }
      const chunks: Buffer[] = [];
      for await (const chunk of entry) chunks.push(chunk as Buffer);
      yield { name, bytes: Buffer.concat(chunks) };
    }
  } catch (error) {
    yield { name: path, unreadable: `the archive is damaged: ${(error as Error).message}` };
  }
}
