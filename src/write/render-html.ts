// The printed form as one self-contained HTML page, laid out as the SEC's stylesheets print
// it: boxes 1–6, Table I and Table II with footnote marks, reporting owners, signatures and
// the explanation of responses. Inline CSS only; no script, no external resource.
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

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);
}

/** `F1` → `#F1`, an anchor id safe for any id the record holds. */
function anchor(id: string): string {
  return 'F' + esc(footnoteNumber(id)).replace(/[^A-Za-z0-9_-]/g, '_');
}

function marks(notes: string[]): string {
  return notes.map((id) => `<a href="#${anchor(id)}"><sup>(${esc(footnoteNumber(id))})</sup></a>`).join('');
}

function cellHtml(c: Cell): string {
  return esc(c.text) + (c.notes.length > 0 ? (c.text ? ' ' : '') + marks(c.notes) : '');
}

const CHECK = (checked: boolean) => (checked ? '<span class="box">X</span>' : '<span class="box">&nbsp;</span>');

const STYLE = `
body { background: #dcdcdc; font-family: "Times New Roman", serif; font-size: 10pt; margin: 1em; }
table { border-collapse: collapse; }
td, th { border: 1px solid #000; vertical-align: top; padding: 3px; }
th { font-weight: normal; font-size: 9pt; text-align: left; }
.plain td { border: none; }
.form-name { border: 1px solid #000; font: bold 20pt Arial, sans-serif; text-align: center; width: 150px; padding: 4px; }
.title { text-align: center; font-weight: bold; }
.label { font-size: 9pt; display: block; }
.small { font-size: 8pt; }
.box { display: inline-block; width: 1em; height: 1em; border: 1px solid #000; text-align: center; line-height: 1em; font-size: 8pt; margin-right: 4px; }
.table-title { text-align: center; font-weight: bold; margin: 1em 0 0.3em; }
.wide { width: 100%; }
.num { text-align: right; }
h2 { font-size: 12pt; margin: 1.2em 0 0.4em; }
.fn td { border: none; }
`;

function table(t: TableLayout): string {
  const groups: { label: string; span: number; group: boolean }[] = [];
  for (const c of t.columns) {
    const last = groups[groups.length - 1];
    if (c.group !== null && last?.group && last.label === c.group) last.span++;
    else groups.push({ label: c.group ?? c.heading, span: 1, group: c.group !== null });
  }
  const hasSub = t.columns.some((c) => c.group !== null);
  const top = groups
    .map((g) => (g.group ? `<th colspan="${g.span}">${esc(g.label)}</th>` : `<th${hasSub ? ' rowspan="2"' : ''}>${esc(g.label)}</th>`))
    .join('');
  const sub = hasSub ? `<tr>${t.columns.filter((c) => c.group !== null).map((c) => `<th>${esc(c.heading)}</th>`).join('')}</tr>` : '';
  const rows = t.rows.map((row) => `<tr>${row.map((c) => `<td>${cellHtml(c)}</td>`).join('')}</tr>`).join('\n');
  return `<div class="table-title">${esc(t.title)}</div>\n<table class="wide">\n<tr>${top}</tr>${sub}\n${rows}\n</table>`;
}

/** The record as an HTML page of the printed form. */
export function renderHtml(record: OwnershipRecord): string {
  const f = formLayout(record);
  const p: string[] = [];
  p.push('<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">');
  p.push(`<title>${esc(f.name)} ${esc(record.issuer.name ?? '')}</title>`, `<style>${STYLE}</style></head><body>`);

  // Header: form name and checkboxes, the statement title, OMB approval.
  const checks = f.checkboxes.map((c) => `<tr><td>${CHECK(c.checked)}</td><td class="small">${esc(c.label)}</td></tr>`).join('');
  p.push('<table class="plain wide"><tr>');
  p.push(`<td style="width:20%"><div class="form-name">${esc(f.name)}</div><table class="plain">${checks}</table></td>`);
  p.push(
    '<td class="title" style="width:60%">UNITED STATES SECURITIES AND EXCHANGE COMMISSION<br>Washington, D.C. 20549<br><br>' +
      `${esc(f.statement)}<br><br><span style="font-weight:normal">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934 ` +
      'or Section 30(h) of the Investment Company Act of 1940</span></td>',
  );
  p.push(
    `<td style="width:20%"><table><tr><th style="text-align:center">OMB APPROVAL</th></tr><tr><td class="small">OMB Number: ${f.omb.number}<br>` +
      `Estimated average burden hours per response: ${f.omb.burden}</td></tr></table></td>`,
  );
  p.push('</tr></table>', '<p class="small">(Print or Type Responses)</p>');

  // Boxes 1–6.
  const owners = record.reportingOwners
    .map((o) => `${esc(o.name ?? '')}<br>${addressLines(o.address).map(esc).join('<br>')}`)
    .join('<hr>');
  const first = record.reportingOwners[0];
  const rel = first?.relationship ?? null;
  const title = rel?.officerTitle ?? rel?.otherText ?? '';
  const relationship =
    `<span class="label">${esc(relationshipBox(f.form))} (Check all applicable)</span>` +
    `${CHECK(rel?.isDirector === true)}Director ${CHECK(rel?.isTenPercentOwner === true)}10% Owner<br>` +
    `${CHECK(rel?.isOfficer === true)}Officer (give title below) ${CHECK(rel?.isOther === true)}Other (specify below)<br>` +
    `<div style="text-align:center;border-bottom:1px solid #000">${esc(title)}</div>`;
  const boxes = f.boxes.map((b) => `<span class="label">${esc(b.label)}</span>${esc(b.value)}`).join('<hr>');
  const joint =
    `<span class="label">${esc(filingBox(f.form))} (Check Applicable Line)</span>` +
    `${CHECK(!f.jointFiling)}Form filed by One Reporting Person<br>${CHECK(f.jointFiling)}Form filed by More than One Reporting Person`;
  p.push('<table class="wide"><tr>');
  p.push(`<td style="width:40%"><span class="label">1. Name and Address of Reporting Person <a href="#star">*</a></span>${owners}</td>`);
  p.push(`<td style="width:30%">${boxes}</td>`);
  p.push(`<td style="width:30%">${relationship}<hr>${joint}</td>`);
  p.push('</tr></table>');

  p.push(table(f.tables[0]));
  p.push('<p class="small">Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.</p>');
  p.push(table(f.tables[1]));

  // Reporting owners with their relationships, as the SEC's page lists them.
  p.push('<h2>Reporting Owners</h2>', '<table>');
  p.push('<tr><th rowspan="2">Reporting Owner Name / Address</th><th colspan="4" style="text-align:center">Relationships</th></tr>');
  p.push('<tr><th>Director</th><th>10% Owner</th><th>Officer</th><th>Other</th></tr>');
  for (const o of record.reportingOwners) {
    const r = o.relationship;
    const x = (b: boolean | null | undefined) => (b === true ? 'X' : '');
    p.push(
      `<tr><td>${[o.name ?? '', ...addressLines(o.address)].map(esc).join('<br>')}</td>` +
        `<td style="text-align:center">${x(r?.isDirector)}</td><td style="text-align:center">${x(r?.isTenPercentOwner)}</td>` +
        `<td>${r?.isOfficer ? esc(r.officerTitle ?? 'X') : ''}</td><td>${r?.isOther ? esc(r.otherText ?? 'X') : ''}</td></tr>`,
    );
  }
  p.push('</table>');

  p.push('<h2>Signatures</h2>', '<table class="plain">');
  for (const s of record.signatures) {
    p.push(`<tr><td style="border-bottom:1px solid #000">${esc(s.name ?? '')}</td><td style="width:50px"></td><td style="border-bottom:1px solid #000">${esc(printedDate(s.date))}</td></tr>`);
  }
  p.push('<tr><td class="small"><a href="#star2">**</a>Signature of Reporting Person</td><td></td><td class="small">Date</td></tr></table>');

  p.push('<h2>Explanation of Responses:</h2>', '<table class="fn">');
  p.push(`<tr><td id="star">*</td><td>If the form is filed by more than one reporting person, <i>see</i> Instruction ${f.form === '3' ? '5(b)(v)' : '4(b)(v)'}.</td></tr>`);
  p.push('<tr><td id="star2">**</td><td>Intentional misstatements or omissions of facts constitute Federal Criminal Violations. <i>See</i> 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</td></tr>');
  if (record.noSecuritiesOwned === true) p.push('<tr><td></td><td>No securities are beneficially owned.</td></tr>');
  for (const fn of record.footnotes) {
    p.push(`<tr><td id="${anchor(fn.id)}">(${esc(footnoteNumber(fn.id))})</td><td>${esc(fn.text ?? '')}</td></tr>`);
  }
  p.push('</table>');
  if (record.remarks !== null) p.push('<h2>Remarks:</h2>', `<p>${esc(record.remarks)}</p>`);
  p.push(
    '<p class="small">Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, <i>see</i> Instruction 6 for procedure.</p>',
    '<p class="small">Potential persons who are to respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB number.</p>',
  );
  p.push('</body></html>');
  return p.join('\n') + '\n';
}
