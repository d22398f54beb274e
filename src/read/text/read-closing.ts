// Reads what the form prints below the tables: the footnotes under "Explanation of
// Responses", the remarks, and each signature (name and date) above its caption.
//
//   Explanation of Responses:
//   1. These options vested as to 25% ...          ← F1
//   /s/ Charles J. Gray attorney-in-fact ... 10/23/2003
//   ** Signature of Reporting Person Date           ← caption: signatures are the lines above it
import type { Footnote, Signature } from '../../record/schema.ts';
import { toUsDate } from '../values.ts';
import { matchStarts, type Line, type TextSink } from './text-grid.ts';

const EXPLANATION = /Explanation\s+of\s+Responses\s*:?/i;
const REMARKS = /^\s*Remarks\s*:?/i;
const SIGNATURE_CAPTION = /Signature\s+of\s+Reporting\s+Person/i;
/** What the three labels above each need one of: a line with none is not tried three times. */
const ANY_LABEL = /Explanation\s+of\s+Responses|Remarks|Signature\s+of\s+Reporting\s+Person/i;
const ANY_LABEL_ALL = new RegExp(ANY_LABEL.source, 'gi');
const REMINDER = /^\s*(?:-\s*)?Reminder\s*:/i;
const FOOTNOTE = /^(?:\((\d{1,2})\)|(\d{1,2})[.)])\s+(\S.*)$/;
const TRAILING_DATE = /^(.*\S)\s+(\d{1,2}\/\d{1,2}\/\d{4})$/;
const BARE_DATE = /^\d{1,2}\/\d{1,2}\/\d{4}$/;

export interface ClosingRead {
  footnotes: Footnote[];
  remarks: string | null;
  signatures: Signature[];
  anchors: number;
}

export function readClosing(lines: Line[], from: number, sink: TextSink): ClosingRead {
  const out: ClosingRead = { footnotes: [], remarks: null, signatures: [], anchors: 0 };
  let explanation = -1;
  let remarks = -1;
  let caption = -1;
  const labelled = matchStarts(ANY_LABEL_ALL, sink.clean.text);
  for (let n = from; n < lines.length; n++) {
    if (!labelled(lines[n] as Line)) continue;
    const j = (lines[n] as Line).joined;
    if (!ANY_LABEL.test(j)) continue;
    if (explanation === -1 && EXPLANATION.test(j)) explanation = n;
    else if (remarks === -1 && REMARKS.test(j)) remarks = n;
    else if (caption === -1 && SIGNATURE_CAPTION.test(j)) caption = n;
  }
  out.anchors = [explanation, caption].filter((x) => x !== -1).length;

  // Signatures: the lines just above the caption, read upwards.
  let sigStart = caption === -1 ? lines.length : caption;
  if (caption !== -1) {
    const found: Signature[] = [];
    let pendingDate: { line: Line; value: string } | null = null;
    for (let n = caption - 1; n > Math.max(explanation, remarks, from - 1); n--) {
      const line = lines[n] as Line;
      if (line.blank) continue;
      const j = line.joined;
      if (FOOTNOTE.test(j) || j.length > 200 || EXPLANATION.test(j) || REMARKS.test(j)) break;
      if (BARE_DATE.test(j)) {
        if (pendingDate) break;
        pendingDate = { line, value: j };
        sigStart = n;
        continue;
      }
      const m = TRAILING_DATE.exec(j);
      if (m && !pendingDate) {
        found.unshift(signature(line, m[1] as string, m[2] as string, sink, found.length));
        sigStart = n;
        continue;
      }
      if (/^\/s\//i.test(j) || pendingDate) {
        found.unshift(signature(line, j, pendingDate?.value ?? null, sink, found.length, pendingDate?.line));
        pendingDate = null;
        sigStart = n;
        continue;
      }
      break;
    }
    // Paths were written bottom-up; renumber them top-down.
    out.signatures = renumber(found, sink);
    // What follows the caption up to the reminder is the caption's own "Date" or debris.
    for (let n = caption + 1; n < lines.length; n++) {
      const line = lines[n] as Line;
      if (REMINDER.test(line.joined)) break;
      if (line.blank || /^date$/i.test(line.joined)) continue;
      const c = line.cells.find((x) => x.text !== '');
      if (c) sink.report('TEXT_FRAGMENT_UNREAD', { value: c.text, where: `below the signature, line ${n + 1}` }, null, c.start, c.end);
    }
  }

  // Footnotes: numbered paragraphs after "Explanation of Responses", up to remarks or signatures.
  if (explanation !== -1) {
    const end = Math.min(remarks !== -1 && remarks > explanation ? remarks : Infinity, sigStart);
    let current: { id: string; start: number; end: number; text: string } | null = null;
    const flush = () => {
      if (!current) return;
      const k = out.footnotes.length;
      out.footnotes.push({ id: current.id, text: current.text });
      sink.set(`footnotes.${k}.text`, current.start, current.end, 1);
      current = null;
    };
    // The label's own line may carry text after the colon in some renderings.
    for (let n = explanation + 1; n < end; n++) {
      const line = lines[n] as Line;
      if (line.blank) continue;
      const text = line.joined;
      const m = FOOTNOTE.exec(text);
      const at = line.start + line.text.indexOf(line.text.trimStart().charAt(0));
      if (m) {
        flush();
        const body = m[3] as string;
        const bodyAt = line.start + line.text.indexOf(body.slice(0, Math.min(12, body.length)));
        current = { id: 'F' + Number(m[1] ?? m[2]), start: bodyAt, end: line.start + line.text.trimEnd().length, text: body.trim() };
        const num = m[1] ?? m[2] ?? '';
        const idAt = line.start + line.text.indexOf(num);
        sink.set(`footnotes.${out.footnotes.length}.id`, idAt, idAt + num.length, 1);
      } else if (current) {
        const c: { id: string; start: number; end: number; text: string } = current;
        c.text += ' ' + text;
        c.end = line.start + line.text.trimEnd().length;
      } else {
        sink.report('TEXT_FRAGMENT_UNREAD', { value: text.slice(0, 80), where: 'Explanation of Responses, before footnote 1' }, null, at, line.end);
      }
    }
    flush();
  }

  // Remarks: everything after the label up to the signatures.
  if (remarks !== -1) {
    const parts: string[] = [];
    let start = -1;
    let stop = -1;
    const label = lines[remarks] as Line;
    const own = label.joined.replace(REMARKS, '').trim();
    if (own !== '') {
      parts.push(own);
      start = label.start + label.text.indexOf(own.slice(0, Math.min(8, own.length)));
      stop = label.start + label.text.trimEnd().length;
    }
    for (let n = remarks + 1; n < sigStart; n++) {
      const line = lines[n] as Line;
      if (line.blank) continue;
      if (EXPLANATION.test(line.joined)) break;
      parts.push(line.joined);
      if (start === -1) start = line.start + line.text.indexOf(line.text.trimStart().charAt(0));
      stop = line.start + line.text.trimEnd().length;
    }
    if (parts.length > 0) {
      out.remarks = parts.join('\n');
      sink.set('remarks', start, stop, 1);
    }
  }
  return out;
}

/** A signature; its provenance is written under a temporary key until the list is complete. */
function signature(line: Line, name: string, date: string | null, sink: TextSink, k: number, dateLine?: Line): Signature {
  const tmp = `~signature.${k}`;
  const nameAt = line.start + line.text.indexOf(name.slice(0, Math.min(10, name.length)));
  sink.set(`${tmp}.name`, nameAt, nameAt + name.length, 1);
  let value: string | null = null;
  if (date !== null) {
    const r = toUsDate(date);
    value = r.value;
    const where = dateLine ?? line;
    const at = where.start + where.text.lastIndexOf(date);
    if (r.problem === 'impossible') sink.report('FORM4_DATE_IMPOSSIBLE', { value: date, field: 'signatures.date' }, null, at, at + date.length);
    if (value !== null) sink.set(`${tmp}.date`, at, at + date.length, dateLine ? 0.9 : 1);
  }
  return { name: name.trim(), date: value };
}

function renumber(found: Signature[], sink: TextSink): Signature[] {
  const n = found.length;
  for (let k = 0; k < n; k++) {
    // found[k] was created when (n - 1 - k) signatures were already known below it.
    const from = `~signature.${n - 1 - k}`;
    for (const field of ['name', 'date']) {
      const p = sink.provenance[`${from}.${field}`];
      if (p) sink.provenance[`signatures.${k}.${field}`] = p;
    }
  }
  for (const key of Object.keys(sink.provenance)) if (key.startsWith('~signature.')) delete sink.provenance[key];
  return found;
}
