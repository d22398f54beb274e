// EDGAR ownership XML → record: scan the text, check the root, read the document.
import { makeIssue } from '../../record/issues.ts';
import type { Issue, OwnershipRecord, Provenance } from '../../record/schema.ts';
import type { Positions } from '../../util/positions.ts';
import { readOwnershipDocument } from './ownership-document.ts';
import { MAX_DEPTH, scanXml } from './scan-xml.ts';

/** Reads the ownership XML in `text[start, end)`; positions are reported against the whole text. */
export function readXml(
  text: string,
  positions: Positions,
  start = 0,
  end = text.length,
  provenance: Record<string, Provenance> | null = null,
): { record: OwnershipRecord | null; issues: Issue[] } {
  const issues: Issue[] = [];
  const scan = scanXml(text, start, end);
  for (const w of scan.warnings) {
    // `&nbsp;` spans the whole reference; a bare `&` spans itself.
    const length = w.code === 'XML_UNKNOWN_ENTITY' ? w.name.length + 2 : 1;
    issues.push(makeIssue(w.code, { name: w.name }, null, positions.span(w.offset, w.offset + length)));
  }
  if (!scan.ok) {
    const { error } = scan;
    const span = positions.span(error.start, error.end);
    if (error.code === 'XML_TRUNCATED' && error.open) {
      const opened = positions.point(error.open.start);
      issues.push(makeIssue('XML_TRUNCATED', { name: error.open.qname, line: opened.line, column: opened.column }, null, span));
    } else if (error.code === 'XML_TOO_DEEP') {
      issues.push(makeIssue('XML_TOO_DEEP', { limit: MAX_DEPTH }, null, span));
    } else if (error.code === 'XML_DOCTYPE_FORBIDDEN') {
      issues.push(makeIssue('XML_DOCTYPE_FORBIDDEN', {}, null, span));
    } else {
      let detail = error.detail;
      if (error.open) {
        const opened = positions.point(error.open.start);
        detail += ` (opened at line ${opened.line}, column ${opened.column})`;
      }
      issues.push(makeIssue('XML_MALFORMED', { detail }, null, span));
    }
    return { record: null, issues };
  }
  const root = scan.root;
  if (root.name !== 'ownershipDocument') {
    issues.push(makeIssue('XML_WRONG_ROOT', { name: root.qname }, null, positions.span(root.start, root.innerStart)));
    return { record: null, issues };
  }
  const record = readOwnershipDocument(root, text, positions, issues, provenance);
  return { record, issues };
}
