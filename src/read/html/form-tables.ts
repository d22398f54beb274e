// Finds Table I and Table II of a rendered form and names their columns from the header
// cells, so that one reader serves Forms 3, 4 and 5 and both the SEC stylesheet and EDGAR pages.
import { labelText, rowCells, tableRows, type HtmlElement } from './html-tree.ts';

/** The record field a column holds; `sharesA`/`sharesD` are Table II's (A) and (D) amount columns. */
export type Column =
  | 'securityTitle' | 'conversionOrExercisePrice' | 'transactionDate' | 'deemedExecutionDate'
  | 'transactionCode' | 'equitySwapInvolved' | 'shares' | 'sharesA' | 'sharesD' | 'acquiredDisposedCode'
  | 'pricePerShare' | 'exerciseDate' | 'expirationDate' | 'underlyingSecurityTitle' | 'underlyingSecurityShares'
  | 'sharesOwnedFollowingTransaction' | 'directOrIndirectOwnership' | 'natureOfOwnership';

export interface FormTable {
  derivative: boolean;
  /** One entry per grid column; null for a column this reader does not know. */
  columns: (Column | null)[];
  /** Header labels of unknown columns, for the issue. */
  unknown: string[];
  rows: HtmlElement[];
}

const TITLE = /^1\.\s*Title of (Derivative )?Security/i;

/** Table I and Table II (either may be missing), recognised by their "1. Title of ..." header cell. */
export function findFormTables(tables: readonly HtmlElement[]): FormTable[] {
  const found: FormTable[] = [];
  for (const table of tables) {
    const rows = tableRows(table);
    // The header is within the first three rows (EDGAR pages put the table's title row first).
    for (let h = 0; h < Math.min(rows.length, 3); h++) {
      const cells = rowCells(rows[h] as HtmlElement);
      // Layout cells can hold the whole page; a header cell is short. Most cells of a page's
      // tables do not start with the "1" of "1. Title": their label text is not built.
      const titleCell = cells.find((c) => c.end - c.start < 1000 && firstPrinted(c) === '1' && TITLE.test(labelText(c)));
      if (!titleCell) continue;
      const derivative = /Derivative/i.test(labelText(titleCell));
      const grouped = cells.some((c) => span(c, 'colspan') > 1);
      const subs = grouped && rows[h + 1] ? rowCells(rows[h + 1] as HtmlElement) : [];
      const columns: (Column | null)[] = [];
      const unknown: string[] = [];
      let next = 0;
      for (const cell of cells) {
        const n = span(cell, 'colspan');
        const group = labelText(cell);
        if (n === 1) {
          const col = columnOf(group, null, derivative);
          if (col === null) unknown.push(group);
          columns.push(col);
          continue;
        }
        for (let k = 0; k < n; k++) {
          const sub = subs[next++];
          const label = sub ? labelText(sub) : '';
          const col = columnOf(group, label, derivative);
          if (col === null) unknown.push(`${group} / ${label}`);
          columns.push(col);
        }
      }
      found.push({ derivative, columns, unknown, rows: rows.slice(h + (grouped ? 2 : 1)) });
      break;
    }
  }
  return found;
}

/** The first character of `el`'s label text (its first non-space one), or null when it has none. */
function firstPrinted(el: HtmlElement): string | null {
  for (const child of el.children) {
    if (child.kind === 'text') {
      const at = child.data.search(NON_SPACE);
      if (at !== -1) return child.data.charAt(at);
    } else if (child.name !== 'br') {
      const c = firstPrinted(child);
      if (c !== null) return c;
    }
  }
  return null;
}

const NON_SPACE = /\S/;

function span(cell: HtmlElement, name: 'colspan' | 'rowspan'): number {
  const n = Number.parseInt(cell.attribs[name] ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
}

/** The field of a column from its header label (and sub-label under a grouped header). */
function columnOf(group: string, sub: string | null, derivative: boolean): Column | null {
  const g = group.toLowerCase();
  const s = sub?.toLowerCase().trim() ?? null;
  if (/title and amount of/.test(g)) {
    if (s === 'title') return 'underlyingSecurityTitle';
    if (s !== null && /^amount/.test(s)) return 'underlyingSecurityShares';
    return null;
  }
  if (/date exercisable and expiration date/.test(g)) {
    if (s !== null && /exercisable/.test(s)) return 'exerciseDate';
    if (s !== null && /expiration/.test(s)) return 'expirationDate';
    return null;
  }
  if (/acquired \(a\) or disposed of \(d\)/.test(g)) {
    if (s === null) return null;
    if (s === 'amount') return 'shares';
    if (s === '(a) or (d)') return 'acquiredDisposedCode';
    if (s === 'price') return 'pricePerShare';
    if (s === '(a)') return 'sharesA';
    if (s === '(d)') return 'sharesD';
    return null;
  }
  if (/transaction code/.test(g)) {
    if (s === null || s === 'code') return 'transactionCode';
    if (s === 'v') return 'equitySwapInvolved';
    return null;
  }
  if (s !== null) return null;
  if (/title of (derivative )?security/.test(g)) return 'securityTitle';
  if (/conversion or exercise price/.test(g)) return 'conversionOrExercisePrice';
  if (/deemed execution date/.test(g)) return 'deemedExecutionDate';
  if (/transaction date/.test(g)) return 'transactionDate';
  if (/price of derivative security/.test(g)) return derivative ? 'pricePerShare' : null;
  if (/beneficially owned/.test(g)) return 'sharesOwnedFollowingTransaction';
  if (/ownership form/.test(g)) return 'directOrIndirectOwnership';
  if (/nature of indirect beneficial ownership/.test(g)) return 'natureOfOwnership';
  return null;
}

/** The cells of a data row placed on the header's grid columns (a cell spanning columns fills the first). */
export function placeCells(row: HtmlElement): { cells: (HtmlElement | null)[]; count: number } {
  const cells: (HtmlElement | null)[] = [];
  const own = rowCells(row);
  for (const cell of own) {
    cells.push(cell);
    for (let k = 1; k < span(cell, 'colspan'); k++) cells.push(null);
  }
  return { cells, count: own.length };
}
