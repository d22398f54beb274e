// `form4 render FILE --to xml|html|text`: a filing in any format the readers know, written
// back as EDGAR XML or drawn as the printed form. (A CLI adapter kept beside the writers.)
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Issue } from '../record/schema.ts';
import { parse } from '../read/parse.ts';
import { UsageError } from './usage-error.ts';
import { renderHtml } from '../write/render-html.ts';
import { renderText } from '../write/render-text.ts';
import { writeOwnership } from '../write/write-ownership-xml.ts';

export const renderHelp = `Usage: form4 render [options] FILE|-

Reads one filing (EDGAR XML, a full submission, or a rendering) and writes it as:
  --to xml    EDGAR ownership XML in the current schema (X0609), the default
  --to html   the printed form as one self-contained HTML page
  --to text   the printed form as plain text (table rows tab-separated)

Options:
  -t, --to FORMAT   xml, html or text
      --force       with xml: print the XML even when it would not validate
  -h, --help        show this help

With --to xml, every place where the record breaks the X0609 schema (an older
filing without the Rule 10b5-1 flag, a state code the schema does not list) is
reported on standard error, and the XML is only printed with --force.
Exit status: 0 written, 1 the input could not be read or the XML would not
validate, 2 usage error.`;

function describe(issue: Issue): string {
  const where = issue.path && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return `${issue.severity} ${issue.code}${where}: ${issue.message}`;
}

export async function renderCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      to: { type: 'string', short: 't', default: 'xml' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(renderHelp + '\n');
    return 0;
  }
  const to = values.to;
  if (to !== 'xml' && to !== 'html' && to !== 'text') throw new UsageError(`unknown --to "${to}"; use xml, html or text`);
  if (positionals.length !== 1) throw new UsageError('give exactly one FILE (or - for standard input)');
  const file = positionals[0] as string;
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStdin() : await readFile(file);
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const result = parse(bytes, { fileName: file === '-' ? null : file });
  for (const issue of result.issues) if (issue.severity === 'error') process.stderr.write(`${file}: ${describe(issue)}\n`);
  if (!result.record) return 1;
  if (to === 'html') {
    process.stdout.write(renderHtml(result.record));
    return 0;
  }
  if (to === 'text') {
    process.stdout.write(renderText(result.record));
    return 0;
  }
  const written = writeOwnership(result.record);
  for (const issue of written.issues) process.stderr.write(`${file}: ${describe(issue)}\n`);
  if (written.ok || values.force) process.stdout.write(written.xml);
  else process.stderr.write(`${file}: the XML would not validate against the X0609 schema; not printed (use --force to print it anyway)\n`);
  return written.ok ? 0 : 1;
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
