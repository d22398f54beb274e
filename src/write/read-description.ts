// Reads a hand-written filing description (JSON, YAML or CSV) into one plain tree of
// strings, so that every format means the same: values stay text until prepare-filing reads them.
import { parse as parseYaml } from 'yaml';

export type DescriptionFormat = 'json' | 'yaml' | 'csv';

/** A description as read: objects, arrays and text leaves (numbers and flags are still text). */
export type Tree = string | null | Tree[] | { [key: string]: Tree };

export type ReadDescription = { ok: true; tree: Tree; format: DescriptionFormat } | { ok: false; format: DescriptionFormat; detail: string };

/** The format from a file name, else from the content: `{` is JSON, a `key,value` first line is CSV, the rest YAML. */
export function descriptionFormat(text: string, fileName?: string | null): DescriptionFormat {
  const ext = fileName?.toLowerCase().match(/\.(json|ya?ml|csv)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'yaml' || ext === 'yml') return 'yaml';
  if (ext === 'csv') return 'csv';
  const start = text.trimStart();
  if (start.startsWith('{')) return 'json';
  const firstLine = start.split(/\r?\n/, 1)[0] ?? '';
  if (/^[\w.-]+\s*,/.test(firstLine) && !firstLine.includes(':')) return 'csv';
  return 'yaml';
}

export function readDescription(text: string, fileName?: string | null): ReadDescription {
  const format = descriptionFormat(text, fileName);
  try {
    if (format === 'json') return { ok: true, format, tree: toTree(JSON.parse(text)) };
    // The failsafe schema keeps every scalar as written: `0.10`, `2024-03-04` and `0001214128`
    // stay text, so the reader, not YAML, decides what a number or a date is.
    if (format === 'yaml') return { ok: true, format, tree: toTree(parseYaml(text, { schema: 'failsafe' })) };
    return { ok: true, format, tree: csvTree(text) };
  } catch (error) {
    return { ok: false, format, detail: (error as Error).message.split('\n')[0] ?? String(error) };
  }
}

function toTree(value: unknown): Tree {
  if (value === null || value === undefined) return null;
  if (Array.isArray(value)) return value.map(toTree);
  if (typeof value === 'object') {
    const out: { [key: string]: Tree } = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = toTree(v);
    return out;
  }
  return String(value);
}

// --- CSV ---
//
// Two parts, separated by a blank line:
//
//   form,4                              ← one "field,value" per line; dotted fields nest
//   issuer.cik,0000320193                 (owner.address.city, footnotes.1)
//   owner.name,COOK TIMOTHY D
//
//   table,security,date,code,shares,... ← a header, then one line per row of the form;
//   transaction,Common Stock,...          "table" says which list the row joins:
//   holding,Common Stock,...              transaction | holding | derivative | derivative holding

const TABLES: Record<string, string> = {
  transaction: 'transactions',
  transactions: 'transactions',
  holding: 'holdings',
  holdings: 'holdings',
  derivative: 'derivatives',
  derivatives: 'derivatives',
  'derivative transaction': 'derivatives',
  'derivative holding': 'derivativeHoldings',
  'derivative holdings': 'derivativeHoldings',
};

export function csvRecords(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const s = text.replace(/^\uFEFF/, '');
  while (i < s.length) {
    const c = s[i] as string;
    if (quoted) {
      if (c === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && s[i + 1] === '\n') i++;
    } else field += c;
    i++;
  }
  if (quoted) throw new Error('a quoted field is not closed');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function csvTree(text: string): Tree {
  const records = csvRecords(text);
  const root: { [key: string]: Tree } = {};
  let i = 0;
  const blank = (r: string[]) => r.every((f) => f.trim() === '');
  for (; i < records.length; i++) {
    const r = records[i] as string[];
    if (blank(r)) break;
    const [key = '', ...rest] = r;
    if (key.trim().startsWith('#')) continue;
    setPath(root, key.trim().split('.'), rest.join(',').trim());
  }
  while (i < records.length && blank(records[i] as string[])) i++;
  const header = records[i]?.map((h) => h.trim());
  if (!header) return root;
  const tableAt = header.indexOf('table');
  if (tableAt === -1) throw new Error('the rows part needs a "table" column (transaction, holding, derivative or derivative holding)');
  for (const r of records.slice(i + 1)) {
    if (blank(r)) continue;
    const kind = (r[tableAt] ?? '').trim().toLowerCase();
    const list = TABLES[kind];
    if (!list) throw new Error(`"${r[tableAt] ?? ''}" in the table column is not transaction, holding, derivative or derivative holding`);
    const row: { [key: string]: Tree } = {};
    header.forEach((h, j) => {
      const v = (r[j] ?? '').trim();
      if (j !== tableAt && h !== '' && v !== '') row[h] = v;
    });
    const existing = root[list];
    if (Array.isArray(existing)) existing.push(row);
    else root[list] = [row];
  }
  return root;
}

function setPath(root: { [key: string]: Tree }, keys: string[], value: string): void {
  let node: { [key: string]: Tree } = root;
  keys.forEach((key, k) => {
    if (k === keys.length - 1) {
      node[key] = value;
      return;
    }
    const next = node[key];
    if (next !== null && typeof next === 'object' && !Array.isArray(next)) node = next;
    else {
      const created: { [key: string]: Tree } = {};
      node[key] = created;
      node = created;
    }
  });
}
