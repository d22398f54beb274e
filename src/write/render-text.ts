// The printed form as plain text for terminals and diffs: boxes as labelled lines, table
// rows as tab-separated cells (the layout of the seed renderings), footnote marks as (1).
import type { OwnershipRecord } from '../record/schema.ts';
import {
  addressLines,
  type Cell,
  filingBox,
  footnoteNumber,
  formLayout,
  printedDate,
  relationshipBox,
  type TableLayout,
} from './form-layout.ts';

function marked(c: Cell): string {
  const marks = c.notes.map((id) => `(${footnoteNumber(id)})`).join('');
  return [c.text, marks].filter((s) => s !== '').join(' ');
}

/** Tabs and line breaks inside a value would break the row; they become spaces. */
function flat(s: string): string {
  return s.replace(/[\t\r\n]+/g, ' ');
}

function box(checked: boolean): string {
  return checked ? '[X]' : '[ ]';
}

function table(t: TableLayout): string[] {
  const lines = [t.title, ''];
  // Heading row: each numbered group once, over its first sub-column; sub-column names below.
  const top: string[] = [];
  const sub: string[] = [];
  let lastGroup: string | null = null;
  for (const c of t.columns) {
    if (c.group === null) {
      top.push(c.heading);
      sub.push('');
    } else {
      top.push(c.group === lastGroup ? '' : c.group);
      sub.push(c.heading);
    }
    lastGroup = c.group;
  }
  lines.push(top.join('\t'));
  if (sub.some((s) => s !== '')) lines.push(sub.join('\t'));
  for (const row of t.rows) lines.push(row.map((c) => flat(marked(c))).join('\t'));
  return lines;
}

/** The record as the text of the printed form. */
export function renderText(record: OwnershipRecord): string {
  const f = formLayout(record);
  const out: string[] = [];
  out.push(f.name, '', 'UNITED STATES SECURITIES AND EXCHANGE COMMISSION', 'Washington, D.C. 20549', '', f.statement, '');
  out.push('Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 or Section 30(h) of the Investment Company Act of 1940', '');
  out.push(`OMB APPROVAL\tOMB Number: ${f.omb.number}\tEstimated average burden hours per response: ${f.omb.burden}`, '');
  for (const c of f.checkboxes) out.push(`${box(c.checked)} ${c.label}`);
  if (f.checkboxes.length > 0) out.push('');

  record.reportingOwners.forEach((owner, i) => {
    const label = record.reportingOwners.length > 1 ? `1. Name and Address of Reporting Person* (${i + 1} of ${record.reportingOwners.length})` : '1. Name and Address of Reporting Person*';
    out.push(`${label}: ${flat(owner.name ?? '')}${owner.cik ? ` (CIK ${owner.cik})` : ''}`);
    for (const line of addressLines(owner.address)) out.push(`   ${flat(line)}`);
    const rel = owner.relationship;
    const title = rel?.officerTitle ?? rel?.otherText ?? null;
    out.push(
      `   ${relationshipBox(f.form)}: ${box(rel?.isDirector === true)} Director ${box(rel?.isTenPercentOwner === true)} 10% Owner ` +
        `${box(rel?.isOfficer === true)} Officer (give title below) ${box(rel?.isOther === true)} Other (specify below)` +
        (title ? `  ${flat(title)}` : ''),
    );
  });
  for (const b of f.boxes) out.push(`${b.label}: ${flat(b.value)}`);
  out.push(
    `${filingBox(f.form)}: ${box(!f.jointFiling)} Form filed by One Reporting Person ${box(f.jointFiling)} Form filed by More than One Reporting Person`,
  );
  if (record.issuer.cik) out.push(`Issuer CIK: ${record.issuer.cik}`);
  out.push('');

  out.push(...table(f.tables[0]), '');
  out.push(...table(f.tables[1]), '');

  out.push('Explanation of Responses:', '');
  if (record.noSecuritiesOwned === true) out.push('No securities are beneficially owned.', '');
  for (const fn of record.footnotes) out.push(`${footnoteNumber(fn.id)}. ${flat(fn.text ?? '')}`);
  if (record.footnotes.length > 0) out.push('');
  if (record.remarks !== null) out.push('Remarks:', flat(record.remarks), '');

  for (const s of record.signatures) out.push(`${flat(s.name ?? '')}\t${printedDate(s.date)}`);
  out.push('** Signature of Reporting Person\tDate', '');
  out.push('Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.');
  out.push(`* If the form is filed by more than one reporting person, see Instruction ${f.form === '3' ? '5(b)(v)' : '4(b)(v)'}.`);
  out.push('** Intentional misstatements or omissions of facts constitute Federal Criminal Violations. See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).');
  return out.join('\n') + '\n';
}
