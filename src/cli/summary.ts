// The human-readable view of a parse result: who, what, how much, and what looked odd.
import type { Issue, OwnershipRecord, ParseResult } from '../record/schema.ts';

const FORMS: Record<string, string> = {
  '3': 'Form 3 (initial holdings)',
  '4': 'Form 4 (changes in ownership)',
  '5': 'Form 5 (annual statement)',
  '3/A': 'Form 3/A (amended initial holdings)',
  '4/A': 'Form 4/A (amended changes)',
  '5/A': 'Form 5/A (amended annual statement)',
};

const num = (v: number | null): string => (v === null ? '' : v.toLocaleString('en-US', { maximumFractionDigits: 6 }));
const price = (v: number | null): string => (v === null ? '' : `$${v.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 6 })}`);

export function summarize(name: string, result: ParseResult, verbose: boolean): string {
  const lines: string[] = [];
  const r = result.record;
  const s = result.source;
  if (!r) {
    const issue = result.issues.find((i) => i.severity === 'error') ?? result.issues[0];
    lines.push(`${name}`, `  could not be read: ${issue ? `${issue.code}: ${issue.message}` : 'no record'}`);
    return lines.join('\n') + '\n\n';
  }
  const filed = [s.filingDate && `filed ${s.filingDate}`, s.accessionNumber].filter(Boolean).join(' · ');
  lines.push(`${name}`);
  lines.push(`  ${FORMS[r.documentType ?? ''] ?? `Form ${r.documentType ?? '?'}`}${r.periodOfReport ? ` for ${r.periodOfReport}` : ''}${filed ? ` · ${filed}` : ''}`);
  lines.push(`  Issuer: ${r.issuer.name ?? '?'}${r.issuer.tradingSymbol ? ` [${r.issuer.tradingSymbol}]` : ''}${r.issuer.cik ? ` CIK ${r.issuer.cik}` : ''}`);
  for (const o of r.reportingOwners) lines.push(`  Reporting owner: ${o.name ?? '?'}${roles(o.relationship)}`);
  const flags = [
    r.aff10b5One === true && 'Rule 10b5-1(c) plan',
    r.notSubjectToSection16 === true && 'no longer subject to Section 16',
    r.noSecuritiesOwned === true && 'no securities owned',
    r.dateOfOriginalSubmission && `amends the filing of ${r.dateOfOriginalSubmission}`,
  ].filter(Boolean);
  if (flags.length) lines.push(`  ${flags.join(' · ')}`);
  lines.push(...tables(r));
  const shown = result.issues.filter((i) => verbose || i.severity !== 'info');
  if (shown.length) {
    lines.push(`  ${shown.length} issue${shown.length === 1 ? '' : 's'}:`);
    for (const i of shown.slice(0, verbose ? Infinity : 5)) lines.push(`    ${describeIssue(i)}`);
    if (!verbose && shown.length > 5) lines.push(`    … ${shown.length - 5} more (--verbose shows all)`);
  }
  return lines.join('\n') + '\n\n';
}

function roles(rel: OwnershipRecord['reportingOwners'][number]['relationship']): string {
  if (!rel) return '';
  const out = [
    rel.isDirector && 'Director',
    rel.isOfficer && `Officer${rel.officerTitle ? ` (${rel.officerTitle})` : ''}`,
    rel.isTenPercentOwner && '10% owner',
    rel.isOther && `Other${rel.otherText ? ` (${rel.otherText})` : ''}`,
  ].filter(Boolean);
  return out.length ? ` — ${out.join(', ')}` : '';
}

function tables(r: OwnershipRecord): string[] {
  const rows: string[][] = [];
  for (const t of r.nonDerivativeTransactions) {
    rows.push(['I', t.securityTitle ?? '', t.transactionDate ?? '', t.transactionCode ?? '', t.acquiredDisposedCode ?? '', num(t.shares), price(t.pricePerShare), num(t.sharesOwnedFollowingTransaction), t.directOrIndirectOwnership ?? '']);
  }
  for (const h of r.nonDerivativeHoldings) {
    rows.push(['I', h.securityTitle ?? '', '', 'held', '', '', '', num(h.sharesOwnedFollowingTransaction), h.directOrIndirectOwnership ?? '']);
  }
  for (const t of r.derivativeTransactions) {
    rows.push(['II', t.securityTitle ?? '', t.transactionDate ?? '', t.transactionCode ?? '', t.acquiredDisposedCode ?? '', num(t.shares), price(t.pricePerShare), num(t.sharesOwnedFollowingTransaction), t.directOrIndirectOwnership ?? '']);
  }
  for (const h of r.derivativeHoldings) {
    rows.push(['II', h.securityTitle ?? '', '', 'held', '', '', '', num(h.sharesOwnedFollowingTransaction), h.directOrIndirectOwnership ?? '']);
  }
  if (rows.length === 0) return ['  (no transactions or holdings reported)'];
  const head = ['table', 'security', 'date', 'code', 'A/D', 'shares', 'price', 'owned after', 'D/I'];
  const clip = (s: string) => (s.length > 34 ? `${s.slice(0, 33)}…` : s);
  const all = [head, ...rows.map((row) => row.map(clip))];
  const widths = head.map((_, c) => Math.max(...all.map((row) => (row[c] ?? '').length)));
  const right = new Set([5, 6, 7]);
  return all.map((row) => '  ' + row.map((cell, c) => (right.has(c) ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0))).join('  ').trimEnd());
}

/** `12:5 warning FORM4_NUMBER_INVALID "x" is not a number; …` */
export function describeIssue(issue: Issue): string {
  const at = issue.span ? `${issue.span.start.line}:${issue.span.start.column} ` : '';
  return `${at}${issue.severity} ${issue.code}: ${issue.message}`;
}
