// `form4 parse FILE...`: read filings and print their records.
import { parseArgs } from 'node:util';
import { csvLine } from '../export/csv.ts';
import { ROW_COLUMNS, recordRows } from '../export/rows.ts';
import { makeIssue } from '../record/issues.ts';
import type { Issue, ParseResult } from '../record/schema.ts';
import { DEFAULT_MAX_BYTES, decode, emptySource, parse } from '../read/parse.ts';
import { validateFiling } from '../validate/validate-filing.ts';
import { explain } from './explain.ts';
import { expandInputs } from './inputs.ts';
import { Output } from './output.ts';
import { describeIssue, summarize } from './summary.ts';
import { UsageError } from './usage-error.ts';

export const parseHelp = `Usage: form4 parse [options] FILE|FOLDER|- ...

Reads Form 3, 4 and 5 filings (and amendments) and prints one record per input.
The format of each input is found from its content, never its name:
EDGAR ownership XML (every schema version, X0101 to X0609) and full EDGAR
submissions (.txt, with their SEC header). Folders are read recursively in name
order; "-" reads standard input.

Options:
  -f, --format FORMAT  json    the record as JSON (default); several inputs give
                               a JSON array with null for unreadable ones
                       jsonl   one line per input, in input order:
                               {"file","ok","record","source","issues"}, or
                               {"file","error":{code,message,line,column},...}
                       csv     one row per transaction or holding, the filing's
                               columns repeated on each row
                       table   a readable summary for people
      --full           with json: print the whole result (record, source,
                       issues, provenance), not the record alone
      --explain        show every value beside the text it was read from
                       (line:column, the text, and a confidence below 1 where
                       a value of a rendering was placed by inference)
      --no-check       only read: skip the checks against the SEC's rules
                       (transaction codes, holdings arithmetic, footnote
                       references, dates, prices, late filing)
      --strict         count a filing with error-level issues as failed
      --max-bytes N    refuse inputs larger than N bytes (default ${DEFAULT_MAX_BYTES})
  -v, --verbose        also report info-level issues
  -h, --help           show this help

Issues (warnings, errors) go to standard error as FILE:LINE:COLUMN lines.
Exit status: 0 every input read, 1 some input could not be read, 2 usage error.

Examples:
  form4 parse filing.xml
  form4 parse --format jsonl ./filings/ > records.jsonl
  form4 parse --format csv 0000002488-23-000114.txt > transactions.csv
  curl -s ... | form4 parse -`;

const FORMATS = ['json', 'jsonl', 'csv', 'table'] as const;
type OutputFormat = (typeof FORMATS)[number];

export async function parseCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    allowNegative: true,
    options: {
      format: { type: 'string', short: 'f', default: 'json' },
      full: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      check: { type: 'boolean', default: true },
      'max-bytes': { type: 'string' },
      verbose: { type: 'boolean', short: 'v', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(parseHelp + '\n');
    return 0;
  }
  const format = values.format as OutputFormat;
  if (!FORMATS.includes(format)) throw new UsageError(`unknown --format "${values.format}"; use one of ${FORMATS.join(', ')}`);
  if (positionals.length === 0) throw new UsageError('give at least one FILE, FOLDER or - (standard input)');
  let maxBytes = DEFAULT_MAX_BYTES;
  if (values['max-bytes'] !== undefined) {
    maxBytes = Number(values['max-bytes']);
    if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new UsageError(`--max-bytes must be a positive whole number, not "${values['max-bytes']}"`);
  }

  const out = new Output();
  const verbose = values.verbose;
  let failed = 0;
  let count = 0;
  const records: unknown[] = [];
  if (format === 'csv') await out.write(csvLine(ROW_COLUMNS));

  for await (const input of expandInputs(positionals, maxBytes)) {
    count++;
    let result: ParseResult;
    if ('missing' in input) {
      result = failure(input.name, makeIssue('INPUT_UNREADABLE', { reason: input.missing }));
    } else {
      const read = await input.read().catch((error: NodeJS.ErrnoException) => ({ error }));
      if ('error' in read) result = failure(input.name, makeIssue('INPUT_UNREADABLE', { reason: read.error.message }));
      else if ('tooLarge' in read) result = failure(input.name, makeIssue('INPUT_TOO_LARGE', { limit: maxBytes, size: read.tooLarge }));
      else {
        result = parse(read.bytes, { fileName: input.name, maxBytes, strict: values.strict, provenance: values.explain || values.full });
        if (values.check && result.record) result.issues.push(...validateFiling(result.record, result.source, { provenance: result.provenance }));
        if (values.explain) {
          await out.write(explain(input.name, result, decode(read.bytes)));
          if (!result.ok) failed++;
          continue;
        }
      }
    }
    if (!result.ok) failed++;
    if (format !== 'table') reportIssues(input.name, result.issues, verbose);

    switch (format) {
      case 'json':
        records.push(values.full ? result : result.record);
        break;
      case 'jsonl':
        await out.write(JSON.stringify(jsonlLine(input.name, result)) + '\n');
        break;
      case 'csv':
        if (result.record) for (const row of recordRows(result.record, result.source)) await out.write(csvLine(ROW_COLUMNS.map((c) => row[c])));
        break;
      case 'table':
        await out.write(summarize(input.name, result, verbose));
        break;
    }
  }
  if (format === 'json' && !values.explain) await out.write(JSON.stringify(count === 1 ? records[0] : records, null, 2) + '\n');
  if (format === 'table' && count > 1) {
    await out.write(`${count} input${count === 1 ? '' : 's'}: ${count - failed} read, ${failed} could not be read\n`);
  }
  return failed > 0 ? 1 : 0;
}

function failure(file: string, issue: Issue): ParseResult {
  return { ok: false, record: null, source: emptySource('text', file), issues: [issue] };
}

/** One JSON Lines entry: the result, or for an unreadable input `{file, error}` with the first error. */
function jsonlLine(file: string, result: ParseResult): object {
  if (result.ok) return { file, ...result };
  const issue = result.issues.find((i) => i.severity === 'error') ?? result.issues[0];
  const error = issue
    ? { code: issue.code, message: issue.message, line: issue.span?.start.line ?? null, column: issue.span?.start.column ?? null, offset: issue.span?.start.offset ?? null }
    : { code: 'UNKNOWN', message: 'no record', line: null, column: null, offset: null };
  return { file, error, ...result };
}

function reportIssues(file: string, issues: Issue[], verbose: boolean): void {
  for (const issue of issues) {
    if (issue.severity === 'info' && !verbose) continue;
    process.stderr.write(`${file}:${describeIssue(issue)}\n`);
  }
}
