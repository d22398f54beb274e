// The web UI's static files: `tsc -p tsconfig.ui.json` compiles the browser modules to
// dist/ui/js/; this copies the page and its stylesheet beside them. No bundler, no CDN:
// everything the UI loads is served from dist/ui/.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'src', 'ui');
const to = join(root, 'dist', 'ui');

const entry = join(to, 'js', 'ui', 'main.js');
if (!existsSync(entry)) {
  process.stderr.write(`build-ui: ${entry} is missing: run "tsc -p tsconfig.ui.json" first\n`);
  process.exit(1);
}

// The UI's types come from the record schema and the store's interface, which tsc emits too;
// the browser never loads them (type imports only; the schema imports zod), so they are not shipped.
for (const typesOnly of ['record', 'store']) rmSync(join(to, 'js', typesOnly), { recursive: true, force: true });

mkdirSync(to, { recursive: true });
for (const file of ['index.html', 'app.css']) copyFileSync(join(from, file), join(to, file));
process.stdout.write(`build-ui: ${to}\n`);
