// The holdings chain across filings: for every reporting owner and issuer touched by an
// ingest, check each filing against the owner's earlier filings and store the breaks
// as CHECK_HISTORY_BREAK issues (replacing those of an earlier run).
import type { OwnershipRecord, Source } from '../record/schema.ts';
import { checkHoldingsHistory, type HistoryFiling } from '../validate/holdings-history.ts';
import type { Store } from './store.ts';

const CODE = 'CHECK_HISTORY_BREAK';

/**
 * Re-checks the chains of every (issuer, owner) pair with a filing ingested at or after
 * `since` (an ISO time; all pairs without it). Returns the number of breaks stored.
 */
export async function refreshHistory(store: Store, since?: string): Promise<number> {
  const pairFilter = since
    ? `AND EXISTS (SELECT 1 FROM filings n JOIN reporting_owners no ON no.filing_id = n.id
         WHERE n.issuer_cik = f.issuer_cik AND no.cik = o.cik AND n.ingested_at >= ?)`
    : '';
  const rows = await store.all<{ id: number; issuer_cik: string; owner_cik: string; record_json: string; source_json: string }>(
    `SELECT f.id, f.issuer_cik, o.cik AS owner_cik, f.record_json, f.source_json
     FROM filings f JOIN reporting_owners o ON o.filing_id = f.id
     WHERE f.ok = ? AND f.issuer_cik IS NOT NULL AND o.cik IS NOT NULL AND f.record_json IS NOT NULL ${pairFilter}
     ORDER BY f.id`,
    since ? [true, since] : [true],
  );
  const parsed = new Map<number, { record: OwnershipRecord; source: Source }>();
  const chains = new Map<string, HistoryFiling[]>();
  for (const row of rows) {
    const id = Number(row.id);
    let filing = parsed.get(id);
    if (!filing) {
      filing = { record: JSON.parse(row.record_json) as OwnershipRecord, source: JSON.parse(row.source_json) as Source };
      parsed.set(id, filing);
    }
    const key = `${row.issuer_cik}|${row.owner_cik}`;
    let chain = chains.get(key);
    if (!chain) chains.set(key, (chain = []));
    chain.push({ key: String(id), ...filing });
  }

  const found = new Map<number, ReturnType<typeof checkHoldingsHistory>>();
  for (const chain of chains.values()) {
    if (chain.length < 2) continue;
    for (const hit of checkHoldingsHistory(chain)) {
      const id = Number(hit.key);
      const list = found.get(id) ?? [];
      // A filing in several owners' chains reports a break once.
      if (!list.some((h) => h.issue.message === hit.issue.message && String(h.issue.path) === String(hit.issue.path))) list.push(hit);
      found.set(id, list);
    }
  }

  const ids = [...parsed.keys()];
  let stored = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    await store.all(`DELETE FROM issues WHERE code = ? AND filing_id IN (${chunk.map(() => '?').join(', ')})`, [CODE, ...chunk]);
  }
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
