// Tab-separated tables exactly as the SEC writes its Form 345 data sets: header line,
// `\n` after every line, no BOM, and a cell holding `"` wrapped in quotes with `""` inside.

/** One problem found while reading a TSV; `line` is 1-based (the header is line 1). */
export type TsvError = { code: 'TSV_FIELD_COUNT' | 'TSV_UNTERMINATED_QUOTE'; line: number; message: string };

export type TsvTable = {
  columns: string[];
  /** One object per data line, every column present ('' for an empty cell). */
  rows: Record<string, string>[];
  errors: TsvError[];
};

// A tab, CR or LF inside a cell would break the line structure; the SEC's files never
// hold one (their writer keeps to one physical line per row), so quoting them is our
// choice, read back by readTsv.
const NEEDS_QUOTES = /["\t\r\n]/;

function cell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The text of one table: header line, then one line per row, each ending in `\n`. */
export function writeTsv(columns: readonly string[], rows: readonly Readonly<Record<string, string>>[]): string {
  let out = columns.map(cell).join('\t') + '\n';
  for (const row of rows) out += columns.map((c) => cell(row[c] ?? '')).join('\t') + '\n';
  return out;
}

/**
 * Reads a table written by the SEC (or by writeTsv). A cell that starts with `"` is
 * quoted and may hold doubled quotes, tabs and line breaks; a `"` anywhere else is
 * kept as written. A line with too few cells gets '' for the missing columns, one with
 * too many loses the extra cells; both are reported.
 */
export function readTsv(text: string): TsvTable {
  const errors: TsvError[] = [];
  const lines = splitRecords(text.startsWith('\uFEFF') ? text.slice(1) : text, errors);
  const header = lines.shift();
  if (!header) return { columns: [], rows: [], errors };
  const columns = header.cells;
  const rows: Record<string, string>[] = [];
  for (const { cells, line } of lines) {
    if (cells.length !== columns.length) {
      errors.push({
        code: 'TSV_FIELD_COUNT',
        line,
        message: `Line ${line} has ${cells.length} cells where the header has ${columns.length} columns.`,
      });
    }
    const row: Record<string, string> = {};
    columns.forEach((c, i) => (row[c] = cells[i] ?? ''));
    rows.push(row);
  }
  errors.sort((a, b) => a.line - b.line);
  return { columns, rows, errors };
}

type RawRecord = { cells: string[]; line: number };

/**
 * Cuts the text into records of cells. The scanner sits at the start of a cell:
 *
 *     0001321655-24-000181\t26-SEP-2024\t"He said ""no"""\n
 *                                        ^ a quoted cell runs to the `"` not doubled
 */
function splitRecords(text: string, errors: TsvError[]): RawRecord[] {
  const records: RawRecord[] = [];
  let cells: string[] = [];
  let line = 1;
  let startLine = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    let value = '';
    if (text[i] === '"') {
      const quoteLine = line;
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          errors.push({
            code: 'TSV_UNTERMINATED_QUOTE',
            line: quoteLine,
            message: `The quoted cell that starts on line ${quoteLine} is never closed.`,
          });
          value += text.slice(i);
          line += countLineBreaks(text.slice(i));
          i = n;
          break;
        }
        value += text.slice(i, q);
        line += countLineBreaks(text.slice(i, q));
        if (text[q + 1] === '"') {
          value += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Anything between the closing quote and the next tab or line end is kept as written.
      const end = nextBreak(text, i);
      value += text.slice(i, end);
      i = end;
    } else {
      const end = nextBreak(text, i);
      value = text.slice(i, end);
      i = end;
    }
    cells.push(value);
    if (i >= n) break;
    if (text[i] === '\t') {
      i++;
      if (i === n) cells.push('');
      continue;
    }
    // A line ends at \n or \r\n.
    if (text[i] === '\r' && text[i + 1] === '\n') i++;
    i++;
    records.push({ cells, line: startLine });
    cells = [];
    line++;
    startLine = line;
  }
  if (cells.length > 0) records.push({ cells, line: startLine });
  return records;
}

function nextBreak(text: string, from: number): number {
  for (let j = from; j < text.length; j++) {
    const c = text[j];
    if (c === '\t' || c === '\n' || (c === '\r' && text[j + 1] === '\n')) return j;
  }
  return text.length;
}

function countLineBreaks(s: string): number {
  let count = 0;
  for (const c of s) if (c === '\n') count++;
  return count;
}
