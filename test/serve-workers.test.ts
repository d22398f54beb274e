// form4 serve --workers N: several processes share one port, and all stop together.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

test('two server processes answer on one port and stop together on SIGINT', async () => {
  const tmp = mkdtempSync(join(tmpdir(), 'form4-serve-'));
  const db = join(tmp, 'serve.db');
  const server = spawn(process.execPath, [join(root, 'src/cli/main.ts'), 'serve', '--db', db, '--port', '0', '--workers', '2', '--load-if-empty', join(root, 'test/fixtures/cli')], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        const m = /at (http:\/\/\S+?)\/ \(2 processes\)/.exec(out);
        if (m) resolve(m[1] as string);
      });
      server.on('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${out}`)));
    });
    for (let i = 0; i < 6; i++) {
      const response = await fetch(`${url}/api/stats`);
      assert.equal(response.status, 200);
      assert.equal(((await response.json()) as { filings: number }).filings, 2);
    }
    const exited = new Promise<number | null>((resolve) => server.on('exit', resolve));
    server.kill('SIGINT');
    assert.equal(await exited, 0);
  } finally {
    server.kill('SIGKILL');
    rmSync(tmp, { recursive: true, force: true });
  }
});
