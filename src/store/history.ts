// The holdings chain across filings: for every issuer touched by an ingest, check each
// owner's filings against that owner's earlier filings and store the breaks
// as CHECK_HISTORY_BREAK issues (replacing those of an earlier run).
import type { OwnershipRecord, Source } from '../record/schema.ts';
import { checkHoldingsHistory, type HistoryFiling } from '../validate/holdings-history.ts';
import type { Store } from './store.ts';

const CODE = 'CHECK_HISTORY_BREAK';

/**
 * Issuers checked per query: bounds memory, whatever the size of the store. A filing has
 * one issuer, so it never straddles two chunks and its history issues are replaced once.
 */
const ISSUERS_PER_CHUNK = 25;

/**
 * Re-checks the chains of every issuer with a filing ingested at or after `since` (an ISO
 * time; every issuer without it), all owners of each. Returns the number of breaks stored.
 */
export async function refreshHistory(store: Store, since?: string): Promise<number> {
  const issuers = await store.all<{ issuer_cik: string }>(
    `SELECT DISTINCT issuer_cik FROM filings WHERE ok = ? AND issuer_cik IS NOT NULL ${since ? 'AND ingested_at >= ?' : ''} ORDER BY issuer_cik`,
    since ? [true, since] : [true],
  );
  let stored = 0;
  for (let i = 0; i < issuers.length; i += ISSUERS_PER_CHUNK) {
    stored += await refreshIssuers(store, issuers.slice(i, i + ISSUERS_PER_CHUNK).map((r) => r.issuer_cik));
  }
  return stored;
}

async function refreshIssuers(store: Store, issuers: string[]): Promise<number> {
  const rows = await store.all<{ id: number; accession_number: string | null; issuer_cik: string; owner_cik: string; record_json: string; source_json: string }>(
    `SELECT f.id, f.accession_number, f.issuer_cik, o.cik AS owner_cik, f.record_json, f.source_json
     FROM filings f JOIN reporting_owners o ON o.filing_id = f.id
     WHERE f.ok = ? AND f.record_json IS NOT NULL AND o.cik IS NOT NULL AND f.issuer_cik IN (${issuers.map(() => '?').join(', ')})
     ORDER BY f.id`,
    [true, ...issuers],
  );
  const parsed = new Map<number, { record: OwnershipRecord; source: Source }>();
  // Messages name the earlier filing by its key: the accession number where there is one.
  const ids = new Map<string, number>();
  const chains = new Map<string, HistoryFiling[]>();
  for (const row of rows) {
    const key = `${row.issuer_cik}|${row.owner_cik}`;
    const id = Number(row.id);
    let filing = parsed.get(id);
    if (!filing) {
      filing = { record: JSON.parse(row.record_json) as OwnershipRecord, source: JSON.parse(row.source_json) as Source };
      parsed.set(id, filing);
    }
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = []));
    const label = row.accession_number ?? `filing #${id}`;
    ids.set(label, id);
    chain.push({ key: label, ...filing });
  }

  const found = new Map<number, ReturnType<typeof checkHoldingsHistory>>();
  for (const chain of chains.values()) {
    if (chain.length < 2) continue;
    for (const hit of checkHoldingsHistory(chain)) {
      const id = ids.get(hit.key) as number;
      const list = found.get(id) ?? [];
      // A filing in several owners' chains reports a break once.
      if (!list.some((h) => h.issue.message === hit.issue.message && String(h.issue.path) === String(hit.issue.path))) list.push(hit);
      found.set(id, list);
    }
  }

  const filingIds = [...parsed.keys()];
  for (let i = 0; i < filingIds.length; i += 500) {
    const chunk = filingIds.slice(i, i + 500);
    await store.all(`DELETE FROM issues WHERE code = ? AND filing_id IN (${chunk.map(() => '?').join(', ')})`, [CODE, ...chunk]);
  }
  let stored = 0;
  for (const [id, hits] of found) {
    const [{ next }] = (await store.all<{ next: number | null }>('SELECT MAX(idx) + 1 AS next FROM issues WHERE filing_id = ?', [id])) as [{ next: number | null }];
    let idx = Number(next ?? 0);
    for (const { issue } of hits) {
      await store.all(
        'INSERT INTO issues (filing_id, idx, code, severity, message, path, line, col) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        [id, idx++, issue.code, issue.severity, issue.message, issue.path ? issue.path.join('.') : null, null, null],
      );
      stored++;
    }
  }
  return stored;
}
