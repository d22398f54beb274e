// Prices far from the filing's other prices: among the open-market purchases and sales (P, S)
// of one security in one filing, a price more than ten times the median of the others, or
// less than a tenth of it, is most likely a typo (cents for dollars, a total for a price).
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord } from '../../record/schema.ts';
import { fmt, normaliseTitle, transactionRows, type Path } from '../rows.ts';

export const PRICE_RATIO = 10;
const OPEN_MARKET = new Set(['P', 'S']);

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const hi = sorted[mid];
  const lo = sorted[sorted.length % 2 === 1 ? mid : mid - 1];
  return hi === undefined || lo === undefined ? null : (hi + lo) / 2;
}

export function checkPriceOutliers(record: OwnershipRecord): Issue[] {
  const groups = new Map<string, { price: number; path: Path; title: string }[]>();
  for (const { table, index, row } of transactionRows(record)) {
    const code = row.transactionCode?.trim().toUpperCase() ?? '';
    if (!OPEN_MARKET.has(code) || row.pricePerShare === null) continue;
    const key = `${table}|${normaliseTitle(row.securityTitle)}`;
    const list = groups.get(key) ?? [];
    list.push({ price: row.pricePerShare, path: [table, index, 'pricePerShare'], title: row.securityTitle ?? 'untitled security' });
    groups.set(key, list);
  }
  const issues: Issue[] = [];
  for (const rows of groups.values()) {
    // With one other price there is no telling which of the two is off.
    if (rows.length < 3) continue;
    rows.forEach((r, i) => {
      const m = median(rows.filter((_, j) => j !== i).map((o) => o.price));
      if (m === null || m <= 0) return;
      if (r.price > m * PRICE_RATIO || r.price < m / PRICE_RATIO) {
        issues.push(
          makeIssue('CHECK_PRICE_OUTLIER', { price: fmt(r.price), median: fmt(m), others: rows.length - 1, title: r.title, ratio: PRICE_RATIO }, r.path),
        );
      }
    });
  }
  return issues;
}
