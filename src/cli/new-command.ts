// `form4 new DESCRIPTION`: a filing's XML from a short JSON, YAML or CSV description, with
// what EDGAR would reject or a reviewer would question on standard error. (A CLI adapter.)
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import type { Issue } from '../record/schema.ts';
import { UsageError } from './usage-error.ts';
import { prepareFiling } from '../write/prepare-filing.ts';
import { renderText } from '../write/render-text.ts';

export const newHelp = `Usage: form4 new [options] DESCRIPTION|-

Turns a short description of an insider's transactions (JSON, YAML or CSV; the
format is found from the file extension, else from the content) into EDGAR
ownership XML for a Form 3, 4 or 5, and reports what EDGAR would reject (errors)
or a reviewer would question (warnings): missing fields, codes that contradict
(A)/(D), more than 30 rows or 10 owners, footnotes over 1,000 characters,
remarks over 2,000, a Form 4 filed after the second business day.

A YAML description:

  form: 4
  filed: 2024-03-08              # day of filing (default today), for the late check
  rule10b5-1: yes                # the Rule 10b5-1(c) box (default no)
  issuer: { cik: 320193, symbol: AAPL, name: Apple Inc. }
  owner:
    cik: 1214128
    name: COOK TIMOTHY D
    address: { street1: ONE APPLE PARK WAY, city: CUPERTINO, state: CA, zip: 95014 }
    director: yes
    officer: Chief Executive Officer
  transactions:
    - { security: Common Stock, date: 2024-03-06, code: S, shares: 59162, price: 171.50 (1), owned: 3280180 }
  holdings:
    - { security: Common Stock, owned: 1000, ownership: I, nature: By spouse }
  footnotes:
    1: Weighted average price; sales from $171.00 to $172.10.
  signature: /s/ Jane Doe, attorney-in-fact

Footnote marks follow a value as the form prints them: "171.50 (1)(2)", or "(3)"
alone where the form gives only a footnote.

Options:
  -o, --output FILE   write the XML to FILE instead of standard output
      --force         print the XML even when errors were found
      --text          print the filing as the text of the printed form instead
      --filed DATE    the day of filing (overrides the description's "filed")
  -v, --verbose       also report info-level issues
  -h, --help          show this help

Exit status: 0 the XML was written with no errors, 1 errors were found (the XML
is printed only with --force), 2 usage error.`;

function describe(issue: Issue): string {
  const where = issue.path && issue.path.length > 0 ? ` (${issue.path.join('.')})` : '';
  return `${issue.severity} ${issue.code}${where}: ${issue.message}`;
}

export async function newCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      output: { type: 'string', short: 'o' },
      force: { type: 'boolean', default: false },
      text: { type: 'boolean', default: false },
      filed: { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(newHelp + '\n');
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one DESCRIPTION file (or - for standard input)');
  if (values.filed !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.filed)) throw new UsageError(`--filed "${values.filed}" is not a date (YYYY-MM-DD)`);
  const file = positionals[0] as string;
  let text: string;
  try {
    text = file === '-' ? await readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const result = prepareFiling(text, { fileName: file === '-' ? null : file, ...(values.filed ? { filingDate: values.filed } : {}) });
  for (const issue of result.issues) {
    if (issue.severity !== 'info' || values.verbose) process.stderr.write(`${file}: ${describe(issue)}\n`);
  }
  if (result.xml !== null && result.record !== null && (result.ok || values.force)) {
    const out = values.text ? renderText(result.record) : result.xml;
    if (values.output) {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(values.output, out);
    } else process.stdout.write(out);
  } else if (result.xml !== null) {
    process.stderr.write(`${file}: errors were found; the XML was not written (use --force to write it anyway)\n`);
  }
  return result.ok ? 0 : 1;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
