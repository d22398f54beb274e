// A filing imported from the SEC's Insider Transactions Data Sets (kept as a bundle of
// its rows, src/dataset/bundle.ts) → record, like any other reader.
import { readBundle } from '../../dataset/bundle.ts';
import { fromDatasetRows } from '../../dataset/sec-dataset.ts';
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord, Source } from '../../record/schema.ts';

export function readDataset(text: string): { record: OwnershipRecord | null; issues: Issue[]; source: Source | null } {
  const { tables, errors } = readBundle(text);
  const issues: Issue[] = errors.map((detail) => makeIssue('DATASET_MALFORMED', { detail }));
  const filings = fromDatasetRows(tables);
  if (filings.length !== 1) {
    issues.push(makeIssue('DATASET_MALFORMED', { detail: `the bundle holds ${filings.length} filings, not one` }));
    return { record: null, issues, source: null };
  }
  const [filing] = filings as [(typeof filings)[number]];
  return { record: filing.record, issues: [...issues, ...filing.issues], source: filing.source };
}
