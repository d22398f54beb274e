// `form4 parse --explain`: every value of the record beside the text it was read from,
// so that a person can check a reading of a rendering at a glance.
import type { ParseResult } from '../record/schema.ts';

/** Record values in record order: `[path, value]` for every leaf that is not null. */
function leaves(value: unknown, path: string, out: [string, unknown][]): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}.${i}`, out));
  else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k !== 'footnotes' || !path.includes('.')) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.push([path, value]);
}

const show = (s: string, width: number) => {
  const flat = s.replace(/\r?\n/g, '⏎').replace(/\t/g, '⇥');
  return flat.length > width ? `${flat.slice(0, width - 1)}…` : flat;
};

export function explain(name: string, result: ParseResult, text: string): string {
  const lines = [`${name} (${result.source.format})`];
  if (!result.record) {
    for (const issue of result.issues) lines.push(`  ${issue.severity} ${issue.code}: ${issue.message}`);
    return lines.join('\n') + '\n\n';
  }
  const values: [string, unknown][] = [];
  leaves(result.record, '', values);
  // Row footnote maps, listed per field: "nonDerivativeTransactions.0.footnotes.shares = F1".
  for (const key of ['nonDerivativeTransactions', 'nonDerivativeHoldings', 'derivativeTransactions', 'derivativeHoldings'] as const) {
    result.record[key].forEach((row, i) => {
      for (const [field, ids] of Object.entries(row.footnotes)) values.push([`${key}.${i}.footnotes.${field}`, ids.join(' ')]);
    });
  }
  const provenance = result.provenance ?? {};
  const width = Math.min(58, Math.max(...values.map(([p]) => p.length)));
  for (const [path, value] of values) {
    const from = provenance[path];
    const shown = typeof value === 'string' ? JSON.stringify(value) : String(value);
    let where = '';
    if (from) {
      const { start, end } = from.span;
      const conf = from.confidence < 1 ? ` confidence ${from.confidence.toFixed(2)}` : '';
      where = `  ← ${start.line}:${start.column} "${show(text.slice(start.offset, end.offset), 50)}"${conf}`;
    }
    lines.push(`  ${path.padEnd(width)}  ${show(shown, 40)}${where}`);
  }
  const shownIssues = result.issues.filter((i) => i.severity !== 'info');
  if (shownIssues.length) {
    lines.push('  issues:');
    for (const i of shownIssues) lines.push(`    ${i.span ? `${i.span.start.line}:${i.span.start.column} ` : ''}${i.severity} ${i.code}: ${i.message}`);
  }
  return lines.join('\n') + '\n\n';
}
