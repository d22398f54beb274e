// Footnote references: an id a value points to must be a footnote of the filing, and a
// footnote nobody points to is worth a note (it often means a reference was lost).
import { makeIssue } from '../../record/issues.ts';
import type { FootnoteMap, Issue, OwnershipRecord } from '../../record/schema.ts';
import type { Path } from '../rows.ts';

export function checkFootnoteReferences(record: OwnershipRecord): Issue[] {
  const issues: Issue[] = [];
  const defined = new Set(record.footnotes.map((f) => f.id));
  const used = new Set<string>();
  const tables: [string, { footnotes: FootnoteMap }[]][] = [
    ['nonDerivativeTransactions', record.nonDerivativeTransactions],
    ['nonDerivativeHoldings', record.nonDerivativeHoldings],
    ['derivativeTransactions', record.derivativeTransactions],
    ['derivativeHoldings', record.derivativeHoldings],
  ];
  for (const [table, rows] of tables) {
    rows.forEach((row, index) => {
      for (const [field, ids] of Object.entries(row.footnotes)) {
        for (const id of ids) {
          used.add(id);
          if (defined.has(id)) continue;
          const path: Path = [table, index, 'footnotes', field];
          issues.push(makeIssue('CHECK_FOOTNOTE_UNDEFINED', { id, field, row: `${table}.${index}` }, path));
        }
      }
    });
  }
  record.footnotes.forEach((f, index) => {
    if (!used.has(f.id)) issues.push(makeIssue('CHECK_FOOTNOTE_UNUSED', { id: f.id }, ['footnotes', index]));
  });
  return issues;
}
