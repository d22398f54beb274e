// Turns command-line arguments into inputs, read one at a time and never past a size limit.
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export type Input = { name: string; read: () => Promise<{ bytes: Uint8Array } | { tooLarge: number }> };

/** Files as given, folders walked recursively in name order, `-` for standard input. */
export async function* expandInputs(args: string[], maxBytes: number): AsyncGenerator<Input | { name: string; missing: string }> {
  for (const arg of args) {
    if (arg === '-') {
      yield { name: '-', read: () => readStream(process.stdin, maxBytes) };
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (error) {
      yield { name: arg, missing: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : String(error) };
      continue;
    }
    if (info.isDirectory()) yield* walk(arg, maxBytes);
    else yield fileInput(arg, info.size, maxBytes);
  }
}

async function* walk(dir: string, maxBytes: number): AsyncGenerator<Input> {
  const entries = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => !e.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path, maxBytes);
    else if (entry.isFile()) yield fileInput(path, (await stat(path)).size, maxBytes);
  }
}

function fileInput(path: string, size: number, maxBytes: number): Input {
  return {
    name: path,
    // A file over the limit is refused from its size, before a byte of it is read.
    read: async () => (size > maxBytes ? { tooLarge: size } : { bytes: await readFileBounded(path, maxBytes) }),
  };
}

async function readFileBounded(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const buffer = Buffer.allocUnsafe(Math.min(size, maxBytes + 1));
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}

/** Reads a stream up to `maxBytes`; past that, stops reading and reports the size reached. */
async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<{ bytes: Uint8Array } | { tooLarge: number }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > maxBytes) return { tooLarge: size };
    chunks.push(buf);
  }
  return { bytes: Buffer.concat(chunks) };
}
