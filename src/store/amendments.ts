// Links each amendment (3/A, 4/A, 5/A) to the filing it amends, and marks which rows
// are current. An amendment replaces each table it reports (non-derivative
// transactions, holdings, derivative transactions, holdings); a table it leaves empty
// keeps the version of the filing before it. Queries read current rows by default.
import type { Store } from './store.ts';

const ROW_TABLES = ['nonderiv_transactions', 'nonderiv_holdings', 'deriv_transactions', 'deriv_holdings'] as const;

type FilingRef = { id: number; document_type: string; issuer_cik: string | null; date_of_original_submission: string | null; period_of_report: string | null; owner_cik: string | null };

/** Links amendments not linked yet, then recomputes the current rows of every amended filing. Returns the links made. */
export async function refreshAmendments(store: Store): Promise<number> {
  const unlinked = await store.all<FilingRef>(
    `SELECT f.id, f.document_type, f.issuer_cik, f.date_of_original_submission, f.period_of_report, o.cik AS owner_cik
     FROM filings f LEFT JOIN reporting_owners o ON o.filing_id = f.id AND o.idx = 0
     WHERE f.ok = ? AND f.document_type LIKE ? AND f.amends_filing_id IS NULL`,
    [true, '%/A'],
  );
  let linked = 0;
  for (const a of unlinked) {
    const original = await findOriginal(store, a);
    if (original === null) continue;
    await store.all('UPDATE filings SET amends_filing_id = ? WHERE id = ?', [original, a.id]);
    linked++;
  }
  const originals = await store.all<{ id: number }>('SELECT DISTINCT amends_filing_id AS id FROM filings WHERE amends_filing_id IS NOT NULL');
  for (const { id } of originals) await recomputeCurrent(store, Number(id));
  return linked;
}

/**
 * The filing an amendment amends: same base form, issuer and first reporting owner, filed on
 * the amendment's dateOfOriginalSubmission (or, for a stored filing with no filing date,
 * for the same period). Several candidates: the one for the same period, then the latest.
 */
async function findOriginal(store: Store, a: FilingRef): Promise<number | null> {
  if (!a.issuer_cik || !a.date_of_original_submission) return null;
  const base = a.document_type.replace(/\/A$/, '');
  const rows = await store.all<{ id: number; period_of_report: string | null }>(
    `SELECT f.id, f.period_of_report FROM filings f LEFT JOIN reporting_owners o ON o.filing_id = f.id AND o.idx = 0
     WHERE f.ok = ? AND f.document_type = ? AND f.issuer_cik = ? AND f.id <> ?
       AND COALESCE(o.cik, '') = COALESCE(?, '')
       AND (f.filing_date = ? OR (f.filing_date IS NULL AND f.period_of_report = ?))
     ORDER BY f.filing_date DESC, f.id DESC`,
    [true, base, a.issuer_cik, a.id, a.owner_cik, a.date_of_original_submission, a.period_of_report],
  );
  const samePeriod = rows.find((r) => r.period_of_report === a.period_of_report);
  return samePeriod ? Number(samePeriod.id) : rows[0] ? Number(rows[0].id) : null;
}

/** The original and its amendments in filing order; the last to report a table owns it. */
async function recomputeCurrent(store: Store, originalId: number): Promise<void> {
  const chain = await store.all<{ id: number }>(
    `SELECT id FROM filings WHERE id = ? OR amends_filing_id = ? ORDER BY CASE WHEN id = ? THEN 0 ELSE 1 END, filing_date, acceptance_datetime, id`,
    [originalId, originalId, originalId],
  );
  const ids = chain.map((c) => Number(c.id));
  const latest = ids[ids.length - 1] as number;
  await store.all('UPDATE filings SET amended_by_filing_id = ? WHERE id = ?', [latest === originalId ? null : latest, originalId]);
  for (const table of ROW_TABLES) {
    const reporting = await store.all<{ filing_id: number }>(
      `SELECT DISTINCT filing_id FROM ${table} WHERE filing_id IN (${ids.map(() => '?').join(', ')})`,
      ids,
    );
    const has = new Set(reporting.map((r) => Number(r.filing_id)));
    const owner = [...ids].reverse().find((id) => has.has(id));
    for (const id of ids) await store.all(`UPDATE ${table} SET current = ? WHERE filing_id = ?`, [id === owner, id]);
  }
}
